"""The ledger of published checklist item and practice question ids (data/_ledger.yml).

Readers' saved ticks are keyed by item id, and their saved practice by question id, so an id that
was ever published must never vanish silently. `python -m tools.ledger` adds new ids to the ledger
(run it when you add an item or a question); tests/unit/test_ledger.py fails when an id disappears
without being renamed or retired.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from macros.guide_data import Guide, ledger_ids, load_guide, renamed_ledger_ids
from macros.guide_data import read_ledger as _read_ledger

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "data" / "_ledger.yml"
HEADER = """\
# Every checklist item id ever published, as <checklist id>/<item id>, and every practice question
# id (data/practice.yml), as practice/<question id>. Readers' saved ticks and practice are keyed by
# these ids, so one never leaves this file: when you rename an item or a question, list its old id
# under its renamed_from; when you drop one for good, move its line from published to retired.
# New ids are added by `python -m tools.ledger` (or `make ledger`); tests/unit/test_ledger.py checks.
"""


ids_in = ledger_ids
renamed_ids = renamed_ledger_ids


def read_ledger(path: Path = LEDGER) -> tuple[set[str], set[str]]:
    return _read_ledger(path)


def ledger_problems(guide: Guide, published: set[str], retired: set[str]) -> list[str]:
    """One line per problem, each saying how to fix it."""
    current = ids_in(guide)
    accounted = current | renamed_ids(guide) | retired
    problems = [
        f"{item_id} was published but is gone from data/: restore it, add its id to the "
        "renamed_from list of the item that replaces it, or move it to 'retired' in data/_ledger.yml"
        for item_id in sorted(published - accounted)
    ]
    problems += [
        f"{item_id} is new: add it to 'published' in data/_ledger.yml (run `make ledger`)"
        for item_id in sorted(current - published)
    ]
    problems += [
        f"{item_id} is listed as retired but is still in data/: remove it from 'retired'"
        for item_id in sorted(current & retired)
    ]
    return problems


def write_ledger(published: set[str], retired: set[str], path: Path = LEDGER) -> None:
    body = yaml.safe_dump(
        {"published": sorted(published), "retired": sorted(retired)}, sort_keys=False, width=100
    )
    path.write_text(HEADER + body, encoding="utf-8")


def main() -> int:
    guide = load_guide(ROOT / "data")
    published, retired = read_ledger() if LEDGER.exists() else (set(), set())
    new = ids_in(guide) - published
    write_ledger(published | new, retired)
    print(f"{len(new)} new id(s) added to {LEDGER.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
