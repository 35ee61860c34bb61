"""Import as a reviewed step: a hostile or damaged file changes nothing and says what is wrong, a
good one is shown beside what it would replace and applied only when the reader chooses (replace,
merge or cancel), and a browser that refuses to save is never said to have kept it. Every limit
comes from the project's Python, as the forms' do."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from macros import cheat_sheet, offers, progress, stories, thank_you
from tests.browser.support import DENIED, FULL, KEY, entries, page_with_storage, saved, saved_per_application
from tests.pages import GUIDE, items_done, items_in_guide

HOME = GUIDE.sections[0]
PREP = HOME.checklists[0]
FIRST, SECOND = PREP.items[0].id, PREP.items[1].id
EVERY = items_in_guide()
MESSAGE = "[data-progress-message]"
REVIEW = "[data-progress-review]"
SALARY = next(f for f in cheat_sheet.NOTE_FIELDS if f.key == "salary")


def progress_file(**sections) -> dict:
    return {"format": progress.CONFIG["format"], "version": progress.CONFIG["oneApplication"],
            "checklists": {}, "notes": {}, "tools": {}, **sections}


def choose(page, content) -> None:
    """Pick a file in the import control: a dict is written as JSON, text and bytes as they are."""
    data = json.dumps(content) if isinstance(content, dict) else content
    buffer = data.encode() if isinstance(data, str) else data
    page.set_input_files("[data-progress-import]",
                         {"name": "progress.json", "mimeType": "application/json", "buffer": buffer})


def deeply_nested(levels: int) -> str:
    head = json.dumps(progress_file())[:-1]
    return head + ', "x": ' + "[" * levels + "]" * levels + "}"


def story(title: str) -> dict:
    return {"title": title, "situation": "", "task": "", "action": "", "result": "", "tags": []}


def holding(page, ticks: dict, story_titles=(), notes=None) -> None:
    """The home page with this progress stored, put in as a version-1 entry (migrated on load)."""
    state = {"checklists": ticks, "notes": notes or {}, "tools": {"stories": [story(t) for t in story_titles]}}
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(state))})")
    page.reload()
    page.wait_for_selector("[data-progress-tools][data-progress-ready]", state="attached")


HOSTILE = [
    ("falsy sections", progress_file(checklists=0, notes=False, tools=""),
     "“checklists” should be a group of named entries, but it is a number"),
    ("notes false", progress_file(notes=False),
     "“cheat-sheet notes” should be a group of named entries, but it is true or false"),
    ("tools text", progress_file(tools=""), "“the tools” should be a group of named entries, but it is a piece of text"),
    ("ticks in a list", progress_file(checklists={PREP.id: [FIRST]}), f"“checklists › {PREP.id}” should be"),
    ("deep nesting", deeply_nested(4800), "nested far more deeply"),
    ("long note", progress_file(notes={"salary": "x" * (SALARY.limit + 1)}),
     f"“cheat-sheet notes › {SALARY.label}” is {SALARY.limit + 1} characters long, and the guide keeps "
     f"{SALARY.limit}"),
    ("huge note", progress_file(notes={"salary": "x" * 500_000}), "is 500000 characters long"),
    ("many lines", progress_file(notes={"salary": "a\n" * SALARY.lines + "b"}), f"the cheat sheet keeps {SALARY.lines}"),
    ("too many stories", progress_file(tools={"stories": [story(f"S{n}") for n in range(30)]}),
     f"30 entries in “the tools › story bank”, and the guide keeps {stories.MAX_STORIES}"),
    ("too many cards", progress_file(tools={"thankYou": [{"name": "A"}] * 20}),
     f"20 entries in “the tools › thank-you drafts”, and the guide keeps {thank_you.MOST_CARDS}"),
    ("too many offers", progress_file(tools={"offers": [{"name": "A"}] * 7}),
     f"7 entries in “the tools › offer comparison”, and the guide keeps {offers.OFFERS}"),
    ("long title", progress_file(tools={"stories": [story("x" * (stories.MAX_TITLE_CHARS + 1))]}),
     f"“the tools › story bank › entry 1 › title” is {stories.MAX_TITLE_CHARS + 1} characters long"),
    ("title a number", progress_file(tools={"stories": [{"title": 5}]}),
     "“the tools › story bank › entry 1 › title” should be a piece of text, but it is a number"),
    ("unknown tag", progress_file(tools={"stories": [{**story("Tagged"), "tags": ["bogus"]}]}),
     "is not one of the choices"),
    ("plan a list", progress_file(tools={"planner": ["2026-11-30"]}), "“the tools › planner” should be"),
]


def test_each_hostile_file_changes_nothing_and_says_what_is_wrong(page, base_url):
    page.goto(base_url)
    holding(page, {PREP.id: {FIRST: True}}, ["My story"])
    before = entries(page)
    for name, content, words in HOSTILE:
        page.evaluate(f"document.querySelector('{MESSAGE}').textContent = ''")
        choose(page, content)
        expect(page.locator(MESSAGE), name).to_contain_text(words)
        expect(page.locator(MESSAGE), name).to_contain_text("Nothing was changed")
        expect(page.locator(REVIEW), name).to_be_hidden()
        assert entries(page) == before, name
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(1, EVERY))
    assert len(deeply_nested(4800)) < 11_000  # the crafted file of the report: about 10 KB


def test_unknown_ids_are_counted_honestly_and_kept_only_within_a_bound(page, base_url):
    unknown = {f"retired-{n}": True for n in range(20_000)}
    content = progress_file(checklists={PREP.id: {FIRST: True, **unknown}})
    page.goto(base_url)
    holding(page, {PREP.id: {SECOND: True}})
    choose(page, content)
    expect(page.locator(REVIEW)).to_be_visible()
    held = page.locator("[data-progress-file] li")
    expect(held).to_have_text(["1 ticked checklist item",
                               f"20000 entries this version of the guide does not use: "
                               f"{progress.UNKNOWN_KEPT} kept, the rest left out"])
    page.click("[data-progress-replace]")
    expect(page.locator(MESSAGE)).to_have_text("Progress restored: 1 ticked items and 0 notes.")
    ticks = saved(page)["checklists"][PREP.id]
    assert ticks[FIRST] is True and SECOND not in ticks
    assert len(ticks) == 1 + progress.UNKNOWN_KEPT
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(1, EVERY))


def test_review_shows_both_sides_and_cancel_merge_replace_do_what_they_say(page, base_url):
    content = progress_file(checklists={PREP.id: {FIRST: True}}, notes={"salary": "60,000"},
                            tools={"stories": [story("From the file"), story("Mine")]})
    page.goto(base_url)
    holding(page, {PREP.id: {SECOND: True}}, ["Mine"])
    before = entries(page)

    choose(page, content)
    expect(page.locator(REVIEW)).to_be_visible()
    expect(page.locator("[data-progress-review-title]")).to_be_focused()  # the question is heard
    expect(page.locator("[data-progress-file] li")).to_have_text(
        ["1 ticked checklist item", "1 cheat-sheet note", "2 stories in the story bank"])
    expect(page.locator("[data-progress-current] li")).to_have_text(
        ["1 ticked checklist item", "1 story in the story bank"])
    page.click("[data-progress-cancel]")
    expect(page.locator(MESSAGE)).to_have_text("Import cancelled. Nothing was changed.")
    expect(page.locator(REVIEW)).to_be_hidden()
    assert entries(page) == before

    choose(page, content)
    page.click("[data-progress-merge]")
    expect(page.locator(MESSAGE)).to_have_text("Progress merged: you now have 2 ticked items and 1 notes.")
    state = saved(page)
    assert state["checklists"][PREP.id] == {FIRST: True, SECOND: True}
    assert [s["title"] for s in state["tools"]["stories"]] == ["Mine", "From the file"]
    assert state["notes"]["salary"] == "60,000"

    choose(page, content)
    page.click("[data-progress-replace]")
    expect(page.locator(MESSAGE)).to_have_text("Progress restored: 1 ticked items and 1 notes.")
    state = saved(page)
    assert state["checklists"] == {PREP.id: {FIRST: True}}
    assert [s["title"] for s in state["tools"]["stories"]] == ["From the file", "Mine"]


def test_a_version_1_file_of_every_part_still_imports(page, base_url, tmp_path):
    """A file as the guide exported it before the storage layout changed (version 1)."""
    old = {"format": "second-interview-guide/progress", "version": 1, "exported": "2026-10-01T09:00:00.000Z",
           "checklists": {PREP.id: {FIRST: True}}, "notes": {"questions": "Who leads the team?"},
           "tools": {"stories": [{**story("Old story"), "tags": ["teamwork"]}],
                     "planner": {"date": "2026-11-30", "time": "", "company": "Acme", "decision": "", "offer": ""},
                     "offers": [{"name": "Acme", "base": "52,000", "bonusUnit": "percent"}],
                     "thankYou": [{"name": "Sam", "role": "", "topic": "", "reason": "", "message": "Hi",
                                   "from": "Alex", "edited": True}]}}
    page.goto(base_url)
    choose(page, old)
    expect(page.locator(MESSAGE)).to_have_text("Progress restored: 1 ticked items and 1 notes.")
    assert saved_per_application(page) == {key: old[key] for key in ("checklists", "notes", "tools")}
    page.goto(base_url + "follow-up/")
    expect(page.locator('[data-planner-field="company"]')).to_have_value("Acme")


@pytest.mark.parametrize("script", [DENIED, FULL], ids=["storage-denied", "storage-full"])
def test_import_when_the_browser_refuses_to_save_says_it_is_not_kept(context, base_url, script):
    page = page_with_storage(context, script)
    page.goto(base_url)
    notices = page.locator("[data-storage-notice]:visible")
    expect(notices).to_have_count(1)  # the home page says so too, once
    expect(notices).to_contain_text("cannot be saved in this browser")
    choose(page, progress_file(checklists={PREP.id: {FIRST: True}}))
    expect(page.locator(MESSAGE)).to_contain_text("this browser did not keep it")
    expect(page.locator(MESSAGE)).not_to_contain_text("restored")
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(1, EVERY))  # for this visit
    page.reload()
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(0, EVERY))  # as it said
    expect(notices).to_have_count(1)
