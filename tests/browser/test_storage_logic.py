"""The storage layer's and the import's pure functions, on one page load: the merge that lets two
tabs write at once, the nesting count, the merge of an imported file into the reader's data."""

from __future__ import annotations

import json

import pytest

from macros import progress, stories
from tests.browser.support import one_page
from tests.pages import GUIDE

G = "window.SecondInterviewGuide"
CONFIG = "JSON.parse(document.querySelector('[data-progress-tools]').getAttribute('data-progress-config'))"
PREP = GUIDE.sections[0].checklists[0]


@pytest.fixture(scope="module")
def logic(browser, base_url):
    with one_page(browser, base_url, "[data-progress-tools][data-progress-ready]") as page:
        yield page


def merge(page, older, mine, theirs):
    # None stands for no stored value (undefined in the script).
    return page.evaluate(f"([o, m, t]) => {G}.merge(o ?? undefined, m, t ?? undefined)", [older, mine, theirs])


@pytest.mark.parametrize(
    "older, mine, theirs, expected",
    [
        # Each tab changed another entry: both kept.
        ({"a": {"x": True}}, {"a": {"x": True, "y": True}}, {"a": {"x": True}, "b": {"z": True}},
         {"a": {"x": True, "y": True}, "b": {"z": True}}),
        # This tab changed nothing: what is stored stays, whatever it is.
        ({"n": "old"}, {"n": "old"}, {"n": "new"}, {"n": "new"}),
        # The same field in both: this (later) write wins whole, never a mix of the two texts.
        ({"n": "ab"}, {"n": "abc"}, {"n": "abd"}, {"n": "abc"}),
        # Offers by position: another offer's field changed there, this one's here.
        ([{"name": ""}, {"name": ""}], [{"name": "Northwind"}, {"name": ""}], [{"name": ""}, {"name": "Contoso"}],
         [{"name": "Northwind"}, {"name": "Contoso"}]),
        # Nothing was stored when this tab read it: an empty field is no change.
        (None, [{"name": ""}, {"name": "Contoso"}], [{"name": "Northwind"}, {"name": ""}],
         [{"name": "Northwind"}, {"name": "Contoso"}]),
        # Cleared there: only what this tab changed comes back.
        ({"a": {"x": True}}, {"a": {"x": True, "y": True}}, None, {"a": {"y": True}}),
        # A list that changed length here (a story deleted): this tab's list is the later one.
        ([{"t": 1}, {"t": 2}], [{"t": 2}], [{"t": 1}, {"t": 2}, {"t": 3}], [{"t": 2}]),
    ],
)
def test_merge_keeps_what_each_tab_changed(logic, older, mine, theirs, expected):
    assert merge(logic, older, mine, theirs) == expected


def test_nesting_is_counted_on_the_text_before_parsing(logic):
    deepest = progress.MAX_DEPTH
    fits = logic.evaluate(f"([t, n]) => {G}.tools.progress.tooDeep(t, n)", ["[" * deepest + "]" * deepest, deepest])
    over = logic.evaluate(f"([t, n]) => {G}.tools.progress.tooDeep(t, n)",
                          ['["[[[[[[[[[[[", ' + "[" * deepest + "]" * deepest + "]", deepest])
    brackets_in_text = logic.evaluate(f"([t, n]) => {G}.tools.progress.tooDeep(t, n)",
                                      [json.dumps({"note": "[" * 100}), deepest])
    assert fits is False and over is True and brackets_in_text is False


def test_a_real_export_is_within_every_bound(logic):
    """The deepest thing the guide writes (a story's tags) is well inside the file's limits."""
    full = {"format": progress.CONFIG["format"], "version": progress.CONFIG["oneApplication"],
            "checklists": {PREP.id: {item.id: True for item in PREP.items}},
            "notes": {"salary": "60,000 to 70,000"},
            "tools": {"stories": [{"title": f"Story {n}", "tags": list(stories.STORY_TAGS)}
                                  for n in range(stories.MAX_STORIES)]}}
    result = logic.evaluate(f"(text) => {G}.tools.progress.parseFile(text, {CONFIG})", json.dumps(full))
    assert "error" not in result, result
    assert result["unknown"] == {"count": 0, "kept": 0}


def test_merging_a_file_adds_ticks_and_new_stories_and_fills_only_empty_parts(logic):
    mine = {"checklists": {PREP.id: {PREP.items[0].id: True}}, "notes": {"salary": "mine"},
            "tools": {"stories": [{"title": "Mine"}], "planner": {"date": "2026-11-30"}}}
    file = {"checklists": {PREP.id: {PREP.items[1].id: True}}, "notes": {"salary": "theirs", "questions": "Q?"},
            "tools": {"stories": [{"title": "Mine"}, {"title": "New"}], "planner": {"date": "2027-01-04"},
                      "offers": [{"name": "Acme"}]}}
    merged = logic.evaluate(f"([m, f]) => {G}.tools.progress.mergeStates(m, f, {CONFIG}.limits)", [mine, file])
    assert merged["checklists"][PREP.id] == {PREP.items[0].id: True, PREP.items[1].id: True}
    assert merged["notes"] == {"salary": "mine", "questions": "Q?"}
    assert [s["title"] for s in merged["tools"]["stories"]] == ["Mine", "New"]
    assert merged["tools"]["planner"] == {"date": "2026-11-30"}
    assert merged["tools"]["offers"] == [{"name": "Acme"}]


def test_a_file_cannot_reach_an_objects_prototype(logic):
    text = ('{"format": "%s", "version": %d, "checklists": {"__proto__": {"polluted": true}}, '
            '"notes": {"__proto__": "x"}, "tools": {"__proto__": {"polluted": true}}}'
            % (progress.CONFIG["format"], progress.CONFIG["oneApplication"]))
    result = logic.evaluate(f"(text) => {G}.tools.progress.parseFile(text, {CONFIG})", text)
    assert result["unknown"] == {"count": 3, "kept": 0}
    assert logic.evaluate("() => ({}).polluted === undefined && Object.keys(Object.prototype).length === 0")
