"""Guard for speed work: does the parser still give byte-identical results?

    .venv/bin/python benchmarks/same_output.py save BEFORE.json [CORPUS_DIR]
    .venv/bin/python benchmarks/same_output.py check BEFORE.json [CORPUS_DIR]

Runs ``extract`` over every corpus document (with its labelled reference date and country),
the bundled examples and tests/documents, and over variants that stress the per-document scans
and their per-unit slicing: every country's settings, no reference date, paragraphs in reverse
order, lines joined into one paragraph, and the text cut at several points (mid-sentence,
mid-date). ``save`` writes every ``release_dict`` as JSON; ``check`` recomputes them and lists
the inputs whose output changed (exit status 1 when any did).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

# This checkout's package, not whichever copy the virtualenv has installed in editable mode.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schedules.export.listing import release_dict
from schedules.extract import extract
from schedules.read import Document, read_document

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = (".txt", ".md", ".html", ".htm", ".eml")


def _documents(corpus: Path | None) -> Iterator[tuple[str, Document, dt.date | None, str]]:
    folders = [ROOT / "examples", ROOT / "tests" / "documents"]
    if corpus is not None:
        folders.insert(0, corpus)
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in SUFFIXES:
                continue
            reference: dt.date | None = dt.date(2018, 9, 12)
            country = "AU"
            label = path.with_suffix(".json")
            if label.exists():
                meta = json.loads(label.read_text(encoding="utf-8"))
                reference = (dt.date.fromisoformat(meta["reference_date"])
                             if meta.get("reference_date") else None)
                country = meta.get("country") or country
            yield path.name, read_document(path.read_bytes(), name=path.name), reference, country


def _variants(text: str) -> Iterator[tuple[str, str]]:
    paragraphs = text.split("\n\n")
    yield "reversed", "\n\n".join(reversed(paragraphs))
    yield "joined", " ".join(line.strip() for line in text.splitlines() if line.strip())
    for fraction in (3, 5, 7):
        cut = len(text) * fraction // 11
        yield f"cut{fraction}", text[cut:]
        yield f"head{fraction}", text[:cut]


def outputs(corpus: Path | None) -> dict[str, str]:
    out: dict[str, str] = {}

    def run(key: str, document: Document, reference: dt.date | None, country: str) -> None:
        release = extract(document, reference_date=reference, country=country,
                          today=dt.date(2024, 6, 1))
        out[key] = json.dumps(release_dict(release), sort_keys=True, ensure_ascii=False)

    for name, document, reference, country in _documents(corpus):
        run(f"{name}", document, reference, country)
        for code in ("AU", "GB", "US", "IE"):
            if code != country:
                run(f"{name}|{code}", document, reference, code)
        run(f"{name}|noref", document, None, country)
        for label, text in _variants(document.text):
            variant = read_document(text.encode(), name="variant.txt")
            run(f"{name}|{label}", variant, reference, country)
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("save", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, store = argv[0], Path(argv[1])
    corpus = Path(argv[2]) if len(argv) > 2 else None
    now = outputs(corpus)
    if mode == "save":
        store.write_text(json.dumps(now, indent=0, sort_keys=True), encoding="utf-8")
        print(f"saved {len(now)} outputs to {store}")
        return 0
    before: dict[str, str] = json.loads(store.read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for key in changed:
        print(f"changed: {key}")
    print(f"{len(now)} outputs, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
