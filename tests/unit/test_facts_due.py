"""tools.facts_due: the weekly workflow's list of facts past their review-by day, with a fixed
clock: a job summary naming each one, and exit 1 only when a fact is due."""

from __future__ import annotations

import datetime as dt

from macros.facts import facts_due, load_facts
from macros.guide_data import FACTS_FILE
from tools import facts_due as tool
from tools.sitekit import ROOT

FACTS = ROOT / "data" / FACTS_FILE
BOOK = load_facts(FACTS)
FIRST_DUE = min(f.review_by for f in BOOK.facts)


def run(tmp_path, today: dt.date, facts=FACTS) -> tuple[int, str]:
    summary = tmp_path / "summary.md"
    code = tool.main(["--facts", str(facts)], today=today, environ={"GITHUB_STEP_SUMMARY": str(summary)})
    return code, summary.read_text(encoding="utf-8")


def test_nothing_is_due_on_the_first_review_by_day_itself(tmp_path):
    code, summary = run(tmp_path, FIRST_DUE)
    assert code == 0 and "No fact" in summary


def test_the_day_after_lists_exactly_the_facts_due_and_fails_the_job(tmp_path):
    day = FIRST_DUE + dt.timedelta(days=1)
    code, summary = run(tmp_path, day)
    due = facts_due(BOOK, day)
    assert code == 1 and due
    listed = [line for line in summary.splitlines() if line.startswith("- **")]
    assert [line.split("**")[1] for line in listed] == [f.id for f in due]
    for fact, line in zip(due, listed):
        assert fact.source.url in line


def test_every_fact_is_due_a_day_after_the_last_review_by(tmp_path):
    code, summary = run(tmp_path, max(f.review_by for f in BOOK.facts) + dt.timedelta(days=1))
    assert code == 1 and summary.count("\n- **") == len(BOOK.facts)


def test_a_broken_facts_file_is_reported_not_listed(tmp_path, capsys):
    broken = tmp_path / "facts.yml"
    broken.write_text("- id: [oops\n", encoding="utf-8")
    assert tool.main(["--facts", str(broken)], today=FIRST_DUE, environ={}) == 2
    assert "data/facts.yml" in capsys.readouterr().err
