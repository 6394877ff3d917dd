"""Parser speed against a baseline measured in the same run (not a test; `make bench`).

    .venv/bin/python benchmarks/run.py [CORPUS_DIR] [--seconds S] [--profile]

CORPUS_DIR defaults to ``../shared/corpus`` beside the checkout when it exists, else the bundled
``examples/``. Every document is read with our reader (so both parsers see the same plain text),
then timed:

* **ours**: ``extract(document, reference_date, country)``, the whole extraction (dates, times,
  zones, channels, programmes, recurrences, contacts), repeated until ``--seconds`` have passed;
* **dateparser**: ``dateparser.search.search_dates`` over the same text with the same reference
  date (English only, the fastest fair setting), one pass; it only finds date strings.

It prints documents per second for both, the ratio (target: at least 50x), and milliseconds per
4 KB of release text on one core (target: under 2 ms), both as the corpus average and for the
bundled 3.8 KB example release. ``--profile`` prints the hottest functions of our parser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

# This checkout's package, not whichever copy the virtualenv has installed in editable mode.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schedules.extract import extract
from schedules.read import Document, read_document

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = (".txt", ".md", ".html", ".htm", ".eml")
TYPICAL = ROOT / "examples" / "foreign-correspondent-leave-no-dark-corner.md"


@dataclass
class Item:
    name: str
    document: Document
    reference: dt.date | None
    country: str

    @property
    def size(self) -> int:
        return len(self.document.text.encode())


def default_corpus() -> Path:
    beside = ROOT.parent / "shared" / "corpus"
    return beside if beside.is_dir() else ROOT / "examples"


def load(folder: Path) -> list[Item]:
    items = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in SUFFIXES:
            continue
        label = path.with_suffix(".json")
        reference, country = dt.date(2018, 9, 12), "AU"
        if label.exists():
            meta = json.loads(label.read_text(encoding="utf-8"))
            if meta.get("reference_date"):
                reference = dt.date.fromisoformat(meta["reference_date"])
            country = meta.get("country") or country
        doc = read_document(path.read_bytes(), name=path.name)
        items.append(Item(path.name, doc, reference, country))
    return items


def ours(items: list[Item], seconds: float) -> tuple[float, list[float]]:
    """(documents per second over repeated passes, best seconds per document)."""
    for item in items:  # warm caches (compiled patterns, channel tables) outside the clock
        extract(item.document, reference_date=item.reference, country=item.country)
    best = [float("inf")] * len(items)
    done = 0
    began = time.perf_counter()
    while True:
        for i, item in enumerate(items):
            t0 = time.perf_counter()
            extract(item.document, reference_date=item.reference, country=item.country)
            best[i] = min(best[i], time.perf_counter() - t0)
            done += 1
        elapsed = time.perf_counter() - began
        if elapsed >= seconds:
            return done / elapsed, best


def baseline(items: list[Item]) -> float:
    """Documents per second of dateparser.search.search_dates over the same texts."""
    from dateparser.search import search_dates

    def run(item: Item) -> None:
        base = dt.datetime.combine(item.reference or dt.date(2018, 9, 12), dt.time())
        search_dates(item.document.text, languages=["en"],
                     settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future"})

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser's own deprecation noise
        run(items[0])  # load its language data outside the clock
        began = time.perf_counter()
        for item in items:
            run(item)
        elapsed = time.perf_counter() - began
    return len(items) / elapsed


def profile(items: list[Item]) -> None:
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    for _ in range(5):
        for item in items:
            extract(item.document, reference_date=item.reference, country=item.country)
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--seconds", type=float, default=3.0,
                        help="how long to repeat our parser (default 3)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of our parser")
    args = parser.parse_args(argv)
    folder = args.corpus or default_corpus()
    if not folder.is_dir():
        folder = ROOT / "examples"
    items = load(folder)
    if not items:
        print(f"no documents in {folder}", file=sys.stderr)
        return 1
    total_kb = sum(i.size for i in items) / 1024
    print(f"corpus: {folder} ({len(items)} documents, {total_kb:.1f} KB of text, "
          f"median {statistics.median(i.size for i in items) / 1024:.1f} KB)")

    our_rate, best = ours(items, args.seconds)
    their_rate = baseline(items)
    ms_per_4kb = 1000 * sum(best) / total_kb * 4
    typical = read_document(TYPICAL.read_bytes(), name=TYPICAL.name)
    t_best = min(_time_one(typical) for _ in range(200))
    typical_kb = len(typical.text.encode()) / 1024

    print(f"ours:       {our_rate:10.1f} documents/s")
    print(f"dateparser: {their_rate:10.1f} documents/s  (search_dates, same texts, same run)")
    print(f"ratio:      {our_rate / their_rate:10.1f}x  (target >= 50x)")
    print(f"per 4 KB:   {ms_per_4kb:10.2f} ms  corpus average, best of repeated passes "
          f"(target < 2 ms, one core)")
    print(f"typical:    {1000 * t_best:10.2f} ms  for {TYPICAL.name} "
          f"({typical_kb:.1f} KB) = {1000 * t_best / typical_kb * 4:.2f} ms per 4 KB")
    if args.profile:
        profile(items)
    return 0


def _time_one(document: Document) -> float:
    t0 = time.perf_counter()
    extract(document, reference_date=dt.date(2018, 9, 12), country="AU")
    return time.perf_counter() - t0


if __name__ == "__main__":
    sys.exit(main())
