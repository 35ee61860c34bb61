"""List the facts in data/facts.yml whose review-by day has passed, for the weekly facts workflow.

`python -m tools.facts_due` prints a Markdown list of them, appends it to the job summary when
GitHub names one ($GITHUB_STEP_SUMMARY), and exits 1 only when a fact is due, so that job alone
fails; `make build` and `make test` never look at the calendar. The date logic is
macros.facts.facts_due, a pure function of the facts and a day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from macros.facts import SHOWN, Fact, day_text, facts_due, load_facts
from macros.guide_data import FACTS_FILE, DataError
from tools.sitekit import ROOT


def report(due: tuple[Fact, ...], today: dt.date) -> str:
    """The job summary: one line per fact past its review-by day, with where to check it."""
    if not due:
        return f"## Facts to review\n\nNo fact in {SHOWN} is past its review-by day on {day_text(today)}.\n"
    lines = ["## Facts to review\n",
             f"{len(due)} fact{'s are' if len(due) > 1 else ' is'} past the review-by day on "
             f"{day_text(today)}. Check each against its source, then update its wording, "
             f"`checked` and `review_by` in {SHOWN}.\n"]
    for fact in due:
        lines.append(f"- **{fact.id}** ({fact.jurisdiction}): {fact.name}. Due {day_text(fact.review_by)}, "
                     f"last checked {day_text(fact.checked)}; source: [{fact.source.title}]({fact.source.url})")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None, today: dt.date | None = None,
         environ: dict[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=Path, default=ROOT / "data" / FACTS_FILE, help="the facts file")
    parser.add_argument("--today", type=dt.date.fromisoformat, help="the day to check against (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    environ = os.environ if environ is None else environ
    day = args.today or today or dt.date.today()
    try:
        book = load_facts(args.facts)
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    due = facts_due(book, day)
    text = report(due, day)
    print(text, end="")
    summary = environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(text)
    return 1 if due else 0


if __name__ == "__main__":
    sys.exit(main())
