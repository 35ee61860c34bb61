"""data/facts.yml: every dated claim once, checked on load (one line naming the file and the fix),
rendered the same wherever it is used, and dated: a page's "last reviewed" day, the facts due."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup

from macros.facts import (
    SHOWN,
    facts_due,
    facts_used,
    fact_macros,
    load_facts,
    page_reviewed,
    parse_facts,
    render_fact,
    render_fact_table,
    render_facts_index,
)
from macros.guide_data import FACTS_FILE, DataError
from tests.unit.support import editor_error
from tools.sitekit import ROOT

BOOK = load_facts(ROOT / "data" / FACTS_FILE)
URL = "https://example.org/report/page-3"
PROSE = f"""
- id: sample-survey
  name: A survey
  text: In a [survey]({URL}), most people said yes.
  jurisdiction: US
  source:
    title: Example report
    url: {URL}
  checked: 2026-12-06
  review_by: 2027-06-06
"""
ROW = f"""
- id: sample-law
  name: A law
  table: laws
  where: Somewhere
  text: A range in every posting.
  since: 2025-01-01
  jurisdiction: CA-ON
  source:
    title: Example statute
    url: {URL}
  checked: 2026-11-30
  review_by: 2027-03-01
"""


def one_line_error(text: str) -> str:
    return editor_error(SHOWN, parse_facts, text)


def test_the_projects_facts_load_and_each_links_its_source_or_sits_in_a_table():
    assert BOOK.facts
    for fact in BOOK.facts:
        assert fact.table or f"]({fact.source.url})" in fact.text, fact.id
        assert fact.checked < fact.review_by


def test_a_prose_fact_and_a_table_row_parse():
    book = parse_facts(PROSE + ROW)
    assert [f.id for f in book.facts] == ["sample-survey", "sample-law"]
    assert book.get("sample-law").since == dt.date(2025, 1, 1)
    assert book.table("laws") == (book.get("sample-law"),)


@pytest.mark.parametrize("old, new, expected", [
    ("id: sample-survey", "id: Sample Survey", "not a lowercase slug"),
    ("  jurisdiction: US\n", "  jurisdiction: USA\n", "'jurisdiction' is 'USA'"),
    (f"    url: {URL}\n", "    url: example.org\n", "not a web address"),
    ("  checked: 2026-12-06\n", "  checked: last week\n", "'checked' is 'last week'"),
    ("  review_by: 2027-06-06\n", "  review_by: 2026-12-01\n", "is not after 'checked'"),
    (f"In a [survey]({URL}), most", "In a survey, most", "does not link its source"),
    ("most people said yes.", "most people said yes {soon}.", "{soon}"),
    ("most people said yes.", "as of {as_of}, most said yes.", "{as_of}"),
    ("  name: A survey\n", "  name: A survey\n  colour: red\n", "unknown key 'colour'"),
    ("  name: A survey\n", "", "'name' is missing"),
    ("  jurisdiction: US\n", "  jurisdiction: US\n  table: laws\n", "'table' and 'where' go together"),
])
def test_an_editors_mistake_names_the_file_and_the_fix(old, new, expected):
    assert old in PROSE
    assert expected in one_line_error(PROSE.replace(old, new))


def test_a_duplicate_id_bad_yaml_and_an_empty_file_each_say_so():
    assert "used twice" in one_line_error(PROSE + PROSE)
    assert "line" in one_line_error(PROSE.replace("  text:", "  text: [unclosed"))
    assert "a list of facts" in one_line_error("")


def test_since_without_its_placeholder_and_as_of_after_checked_are_refused():
    assert "never says {since}" in one_line_error(PROSE.replace("  checked:", "  since: 2025-01-01\n  checked:"))
    dated = PROSE.replace("most people", "as of {as_of}, most people").replace("  checked:", "  as_of: 2026-12-30\n  checked:")
    assert "after 'checked'" in one_line_error(dated)


def test_an_unknown_id_or_table_in_a_page_names_the_facts_file_and_a_close_match():
    book = parse_facts(PROSE + ROW)
    with pytest.raises(DataError) as error:
        book.get("sample-surve")
    assert str(error.value).startswith(SHOWN) and "did you mean 'sample-survey'" in str(error.value)
    with pytest.raises(DataError) as error:
        book.table("law")
    assert "known tables: laws" in str(error.value)


def test_a_fact_renders_its_words_and_its_dates_from_its_fields():
    fact = parse_facts(PROSE.replace("most people said yes.", "as of {as_of}, most said yes.")
                       .replace("  checked:", "  as_of: 2026-06-30\n  checked:")).facts[0]
    html = render_fact(fact)
    marker = BeautifulSoup(html, "html.parser").span
    assert marker["data-fact"] == "sample-survey" and marker["data-fact-checked"] == "2026-12-06"
    assert marker.get_text() == ""  # wraps nothing: the fact's links stay where the styles find them
    assert html.endswith(f"In a [survey]({URL}), as of June 2026, most said yes.")


def test_a_table_has_one_row_per_fact_with_its_date_and_source():
    book = parse_facts(PROSE + ROW)
    lines = render_fact_table(book.table("laws"), "What you get").splitlines()
    assert lines[0] == "| Where | What you get |" and len(lines) == 3
    assert lines[2].startswith("| **Somewhere**<br>since 1 Jan 2025 | ")
    assert lines[2].endswith(f" ([Example statute]({URL})) |")


def test_the_index_lists_every_fact_with_its_source_and_checked_day_outside_search():
    html = render_facts_index(BOOK)
    assert "data-search-exclude" in html
    rows = [line for line in html.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == len(BOOK.facts)
    for fact, row in zip(BOOK.facts, rows):
        assert row.startswith(f"| {fact.name} ([") and f"]({fact.source.url})) |" in row
        assert row.endswith(f"| {fact.jurisdiction} | {fact.checked.day} {fact.checked:%b %Y} |")


def test_the_facts_a_page_uses_come_from_its_calls():
    book = parse_facts(PROSE + ROW)
    source = 'Text {{ fact("sample-survey") }} and\n{{ fact_table("laws", "What you get") }}'
    assert facts_used(source, book) == (book.get("sample-survey"), book.get("sample-law"))
    assert facts_used("no facts here", book) == ()
    assert facts_used('{{ fact("typo") }} {{ fact_table("nope") }}', book) == ()  # the call reports it


def test_a_pages_reviewed_day_is_its_oldest_fact_check_unless_a_person_reviewed_it_later():
    book = parse_facts(PROSE + ROW)  # checked 2026-12-06 and 2026-11-30
    both = book.facts
    assert page_reviewed(dt.date(2026, 11, 1), both) == dt.date(2026, 11, 30)
    assert page_reviewed(dt.date(2026, 12, 20), both) == dt.date(2026, 12, 20)
    assert page_reviewed(dt.date(2026, 11, 1), ()) == dt.date(2026, 11, 1)


def test_facts_are_due_only_after_their_review_by_day_with_a_fixed_clock():
    book = parse_facts(PROSE + ROW)  # review by 2027-06-06 and 2027-03-01
    assert facts_due(book, dt.date(2027, 3, 1)) == ()
    assert [f.id for f in facts_due(book, dt.date(2027, 3, 2))] == ["sample-law"]
    assert [f.id for f in facts_due(book, dt.date(2027, 6, 7))] == ["sample-law", "sample-survey"]


def test_the_macros_render_through_the_book():
    book = parse_facts(PROSE + ROW)
    macros = fact_macros(book)
    assert set(macros) == {"fact", "fact_table", "facts_index"}
    assert 'data-fact="sample-survey"' in macros["fact"]("sample-survey")
    assert re.search(r"\| \*\*Somewhere\*\*", macros["fact_table"]("laws"))
    with pytest.raises(DataError):
        macros["fact"]("nothing-like-it")
