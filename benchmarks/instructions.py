"""Instructions per document for the parser, counted by valgrind (callgrind): a figure that does
not move with the load of a shared machine, for comparing two versions of the code.

    .venv/bin/python benchmarks/instructions.py [CORPUS_DIR] [--passes 2]

Runs this file twice under ``valgrind --tool=callgrind``: once loading the corpus and parsing it
once (imports, compiled patterns, channel tables), once doing the same and then ``--passes``
more passes. The difference divided by the documents parsed is the parser's own cost. Needs the
Debian package ``valgrind``. Wall-clock speed is ``benchmarks/run.py``'s business.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run.py beside this file

from run import default_corpus, load

from schedules.extract import extract


def parse_passes(corpus: Path, passes: int) -> None:
    items = load(corpus)
    for _ in range(passes + 1):  # the first pass warms caches, as in run.py
        for item in items:
            extract(item.document, reference_date=item.reference, country=item.country)


def counted(corpus: Path, passes: int) -> int:
    """Instructions callgrind counts for a child that parses the corpus 1 + ``passes`` times."""
    answer = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         __file__, str(corpus), "--child", str(passes)],
        capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", answer.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{answer.stderr[-500:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if args.child is not None:
        parse_passes(corpus, args.child)
        return 0
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed (apt-get install -y valgrind)")
    documents = len(load(corpus))
    base, more = counted(corpus, 0), counted(corpus, args.passes)
    per_document = (more - base) / (args.passes * documents)
    print(f"corpus: {corpus} ({documents} documents)")
    print(f"parser: {per_document / 1e6:.2f} M instructions per document "
          f"({args.passes} passes, callgrind)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
