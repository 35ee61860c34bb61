"""The ledger keeps item ids, which readers' saved ticks depend on, from vanishing silently."""

from __future__ import annotations

from macros.guide_data import build_guide, load_guide, parse_section
from tools.ledger import ledger_problems, read_ledger
from tools.sitekit import ROOT

DATA = """\
section: salary
title: Salary
summary: what the section covers.
order: 5
key_points: [Know your range]
checklists:
  - id: salary-research
    title: Research
    items:
      - id: find-range
        text: Find a range
      - id: write-number
        text: Write down your number
"""


def guide_of(text: str):
    return build_guide([parse_section("data/salary.yml", text)])


def test_committed_ledger_matches_the_data():
    problems = ledger_problems(load_guide(ROOT / "data"), *read_ledger())
    assert not problems, "\n".join(problems)


def test_removed_id_fails_with_how_to_fix():
    published = {"salary-research/find-range", "salary-research/write-number"}
    guide = guide_of(DATA.replace("      - id: write-number\n        text: Write down your number\n", ""))
    [problem] = ledger_problems(guide, published, set())
    assert problem.startswith("salary-research/write-number was published but is gone")
    assert "renamed_from" in problem and "retired" in problem


def test_renamed_id_is_accounted_for():
    published = {"salary-research/find-range", "salary-research/write-number"}
    renamed = DATA.replace("id: write-number\n", "id: note-number\n        renamed_from: [write-number]\n")
    problems = ledger_problems(guide_of(renamed), published | {"salary-research/note-number"}, set())
    assert problems == []


def test_retired_id_is_accounted_for():
    published = {"salary-research/find-range", "salary-research/write-number", "salary-research/old"}
    assert ledger_problems(guide_of(DATA), published, {"salary-research/old"}) == []


def test_new_id_must_be_recorded():
    [problem] = ledger_problems(guide_of(DATA), {"salary-research/find-range"}, set())
    assert problem.startswith("salary-research/write-number is new") and "make ledger" in problem
