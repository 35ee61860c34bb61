"""The pull-request report's parts, on small made-up inputs (no git, build or browser)."""

from __future__ import annotations

from macros.guide_data import build_guide, parse_section
from tools.pr_report import IdChanges, PageChange, gates, id_changes, page_changes, render, word_count

SECTION = """\
section: salary
title: Salary
order: 1
key_points: [Know your range]
checklists:
  - id: salary-research
    title: Research
    items:
{items}
"""


def guide(*items: tuple[str, list[str]]):
    lines = ""
    for item_id, old in items:
        lines += f"      - id: {item_id}\n        text: Text of {item_id}\n"
        if old:
            lines += f"        renamed_from: [{', '.join(old)}]\n"
    return build_guide([parse_section("data/salary.yml", SECTION.format(items=lines))])


def test_word_count_skips_front_matter_macros_comments_and_link_targets():
    page = ('---\ntitle: Four words in title\n---\n\n# Salary talk\n\n<!-- not read by anyone -->\n'
            '{{ checklist("salary-research") }}\n\nRead [the survey](https://example.org/a-b-c) today.\n')
    assert word_count(page) == 6  # Salary talk Read the survey today


def test_page_changes_lists_changed_new_and_removed_pages_only():
    before = {"docs/a.md": "one two", "docs/b.md": "same", "docs/c.md": "gone page"}
    after = {"docs/a.md": "one two three", "docs/b.md": "same", "docs/d.md": "brand new page here"}
    assert page_changes(before, after) == [
        PageChange("docs/a.md", 2, 3), PageChange("docs/c.md", 2, None), PageChange("docs/d.md", None, 4)]


def test_id_changes_tell_added_renamed_and_retired_apart():
    base = guide(("find-range", []), ("write-number", []), ("old-tip", []))
    head = guide(("find-range", []), ("note-number", ["write-number"]), ("ask-hr", []))
    changes = id_changes(base, head, set(), {"salary-research/old-tip"})
    assert changes.added == ["salary-research/ask-hr"]
    assert changes.renamed == [("salary-research/write-number", "salary-research/note-number")]
    assert changes.retired == ["salary-research/old-tip"]


def test_an_item_still_renamed_from_an_old_release_is_not_renamed_again():
    base = guide(("note-number", ["write-number"]))
    head = guide(("note-number", ["write-number"]))
    assert id_changes(base, head, set(), set()) == IdChanges()


JUNIT = """<?xml version="1.0"?>
<testsuites><testsuite name="pytest">
  <testcase classname="tests.browser.test_accessibility" name="test_axe_finds_no_violation[light-home]"/>
  <testcase classname="tests.browser.test_accessibility" name="test_axe_finds_no_violation[dark-home]">
    <failure message="color-contrast"/></testcase>
  <testcase classname="tests.browser.test_offers" name="test_axe_finds_no_violation_in_a_filled_table[dark]"/>
  <testcase classname="tests.site.test_links" name="test_every_internal_link_resolves"/>
  <testcase classname="tests.site.test_links" name="test_crawler_finds_a_broken_link"/>
  <testcase classname="tests.unit.test_ledger" name="test_new_id_must_be_recorded"/>
</testsuite></testsuites>
"""


def test_gates_count_passes_and_name_failures():
    axe, links = gates(JUNIT)
    assert axe.passed == 2 and axe.failed == ["test_axe_finds_no_violation[dark-home]"]
    assert links.passed == 2 and links.failed == []


def test_report_shows_every_part_and_flags_a_sheet_that_no_longer_fits():
    report = render(
        [PageChange("docs/salary.md", 1200, 1250)],
        IdChanges(added=["salary-research/ask-hr"], renamed=[("a/b", "a/c")], retired=["a/d"]),
        {"A4": (1, 41.5), "Letter": (2, 0.0)},
        gates(JUNIT),
    )
    assert "| `docs/salary.md` | 1,200 | 1,250 | +50 |" in report
    assert "added: `salary-research/ask-hr`" in report and "renamed: `a/b` → `a/c`" in report
    assert "retired: `a/d`" in report
    assert "A4: fits on one page, 41.5 pt left" in report and "Letter: **2 pages: it no longer fits**" in report
    assert "Accessibility (axe, light and dark): **1 failed**" in report
    assert "Links and anchors: all 2 passed" in report


def test_report_of_a_change_that_touches_no_page_or_id_says_so():
    report = render([], IdChanges(), None, None)
    assert "No page in `docs/` changed." in report and "No item id added, renamed or retired." in report
    assert "not printed in this run" in report and "no test results found" in report
