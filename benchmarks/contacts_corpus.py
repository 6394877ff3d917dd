"""Measure find_contacts on the labelled corpus with score.py's contact metrics (not a test).

    .venv/bin/python benchmarks/contacts_corpus.py [-v] [--readers] [SHARED_DIR]

SHARED_DIR holds eval/score.py, corpus/ and seeds/ (default: ../shared beside the checkout, else
/work/shared).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

# This checkout's package, not whichever copy the virtualenv has installed in editable mode.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schedules.extract.contacts import find_contacts
from schedules.read import read_document
from schedules.zones import country

_ARGS = [a for a in sys.argv[1:] if not a.startswith("-")]
_BESIDE = Path(__file__).resolve().parents[1].parent / "shared"
SHARED = Path(_ARGS[0]) if _ARGS else (_BESIDE if _BESIDE.exists() else Path("/work/shared"))
spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
assert spec and spec.loader
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def strip_md(text: str) -> str:
    text = text.replace("**", "")
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)


def main() -> int:
    verbose = "-v" in sys.argv
    readers = "--readers" in sys.argv  # the project's readers instead of the trivial strip
    totals: Counter[str] = Counter()
    docs = [*score.documents(SHARED / "corpus"), *score.documents(SHARED / "seeds")]
    for doc, gold in docs:
        text = doc.read_text(encoding="utf-8")
        if readers:
            text = read_document(text, name=doc.name).text
        elif doc.suffix == ".md":
            text = strip_md(text)
        contacts = find_contacts(text, country=country(gold["country"]))
        pred = {"contacts": [{"name": c.name, "phones": list(c.phones), "emails": list(c.emails)}
                             for c in contacts]}
        s = score.score_doc(pred, gold)
        for key in ("emails", "phones", "names"):
            tp, npred, ngold = s[key]
            totals[key + "_tp"] += tp
            totals[key + "_pred"] += npred
            totals[key + "_gold"] += ngold
            if verbose and (tp != npred or tp != ngold):
                print(f"{doc.name} {key}: tp={tp} pred={npred} gold={ngold}")
        if verbose and contacts:
            for c in contacts:
                print(f"  {doc.name}: {c.name!r} role={c.role!r} org={c.organisation!r} "
                      f"{c.phones} {c.emails}")
    f1s = []
    for key in ("emails", "phones", "names"):
        p, r, f = score.prf(totals[key + "_tp"], totals[key + "_pred"], totals[key + "_gold"])
        f1s.append(f)
        print(f"{key}: P={p:.3f} R={r:.3f} F1={f:.3f} "
              f"(found {totals[key + '_tp']}/{totals[key + '_gold']}, "
              f"predicted {totals[key + '_pred']})")
    print(f"documents={len(docs)} mean contacts F1={sum(f1s) / 3:.3f}")
    print(json.dumps({"mean_f1": round(sum(f1s) / 3, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
