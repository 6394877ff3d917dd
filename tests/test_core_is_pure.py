"""The core library never imports Flask, a database driver or the network."""

from __future__ import annotations

import ast
from pathlib import Path

FORBIDDEN = {"flask", "sqlalchemy", "psycopg", "alembic", "gunicorn", "requests", "urllib.request",
             "socket", "http.client", "service"}


def test_core_modules_import_nothing_from_the_io_layer() -> None:
    core = Path(__file__).resolve().parent.parent / "schedules"
    offenders = []
    for path in core.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
                    if path.name == "cli.py" and name == "service.cli":
                        continue  # the optional hook that adds the store-backed commands
                    offenders.append(f"{path.relative_to(core)}: {name}")
    assert offenders == []
