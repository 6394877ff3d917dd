"""The README documents every setting the code reads and every command the CLI offers."""

from __future__ import annotations

import re
from pathlib import Path

from schedules.cli import build_parser
from service.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_the_code_reads_is_in_the_settings_table() -> None:
    read = set()
    for package in ("schedules", "service"):
        for path in (ROOT / package).rglob("*.py"):
            read |= set(re.findall(r"\bSCHEDULES_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    declared = {s.name for s in SETTINGS}
    assert read <= declared, f"read but not declared in service/settings.py: {read - declared}"
    rows = set(re.findall(r"^\| `(SCHEDULES_[A-Z_]+)` \|", README, re.MULTILINE))
    assert declared == rows, f"settings table out of date: {declared ^ rows}"


def test_every_setting_has_help() -> None:
    assert all(len(s.help) > 20 for s in SETTINGS)


def test_every_command_is_in_the_readme() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands is not None
    missing = [name for name in commands if f"schedules {name}" not in README]
    assert not missing, f"commands missing from the README: {missing}"


def test_the_quick_start_is_exactly_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = [line.strip() for line in quick.splitlines() if line.startswith("    ")]
    assert commands == ["make run", "make test"]
