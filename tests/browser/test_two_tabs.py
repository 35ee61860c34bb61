"""Two tabs of the guide in one browser (two pages of one context, sharing localStorage): what a
reader types and has not saved survives the other tab's save, a clear in one tab is honoured in the
other, and edits made at the same moment in both tabs are all kept."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.stories import CONFIG as STORY_WORDS
from tests.browser.support import V2, saved
from tests.pages import GUIDE, done

HOME = GUIDE.sections[0]
PREP = HOME.checklists[0]
LIST = f'[data-checklist="{PREP.id}"]'
FIRST = f'{LIST} input[data-item="{PREP.items[0].id}"]'
SECOND = f'{LIST} input[data-item="{PREP.items[1].id}"]'

# A tab that has not yet heard of the other tab's save: its storage events are held back, as when
# both tabs write within the same few milliseconds.
DEAF = "window.addEventListener('storage', (event) => event.stopImmediatePropagation(), true)"


@pytest.fixture
def tabs(context, base_url):
    """Two pages of one browser profile; any uncaught error in either fails the test (the
    profile's error watch, tests/browser/support.py)."""
    return context.new_page(), context.new_page()


def sees(page, part: str, check: str) -> None:
    """Wait until `page`'s view of the stored `part` (such as "main:notes" or "shared:tool:offers")
    passes `check`, a JavaScript expression on `v`, the part's parsed value. Chromium hands one
    tab's write to another tab's view of storage a moment later, so a test that reads at once can
    fail on a busy machine; a merge that lost an edit never passes and times out."""
    page.wait_for_function(f"key => {{ const v = JSON.parse(localStorage.getItem(key) || 'null'); "
                           f"return Boolean({check}); }}", arg=f"{V2}:{part}")


def open_both(tabs, url: str, ready: str) -> None:
    """Both tabs on the same page, its tool mounted in each."""
    for page in tabs:
        page.goto(url)
        page.wait_for_selector(ready, state="attached")


def stories_ready(page, base_url):
    page.goto(base_url + "background/")
    page.wait_for_selector("[data-stories][data-stories-ready]", state="attached")


def add_story(page, title: str):
    page.fill('[data-stories-field="title"]', title)
    page.click("[data-stories-save]")
    expect(page.locator("[data-stories-message]")).to_contain_text(STORY_WORDS["saved"])


def titles(page):
    return page.locator("[data-stories-list] [data-stories-item-title]")


def test_an_unsaved_story_survives_the_other_tabs_save(tabs, base_url):
    mine, other = tabs
    stories_ready(mine, base_url)
    stories_ready(other, base_url)
    mine.fill('[data-stories-field="title"]', "Half-written story")
    mine.fill('[data-stories-field="situation"]', "The team had no tests")
    mine.check('[data-stories-tag][value="technical"]')
    add_story(other, "Saved in the other tab")
    # This tab heard of it (the list shows it), and what the reader is typing is all still there.
    expect(titles(mine)).to_have_text(["Saved in the other tab"])
    expect(mine.locator('[data-stories-field="title"]')).to_have_value("Half-written story")
    expect(mine.locator('[data-stories-field="situation"]')).to_have_value("The team had no tests")
    expect(mine.locator('[data-stories-tag][value="technical"]')).to_be_checked()
    mine.click("[data-stories-save]")
    expect(titles(mine)).to_have_text(["Saved in the other tab", "Half-written story"])
    assert [s["title"] for s in saved(other)["tools"]["stories"]] == [
        "Saved in the other tab", "Half-written story"]


def test_editing_a_story_deleted_in_the_other_tab_tells_the_reader_and_keeps_the_text(tabs, base_url):
    mine, other = tabs
    stories_ready(mine, base_url)
    add_story(mine, "Story to be deleted")
    add_story(mine, "Story that stays")
    stories_ready(other, base_url)
    mine.locator("[data-stories-item]").first.locator("[data-stories-edit]").click()
    mine.fill('[data-stories-field="result"]', "A result typed but not saved")
    delete = other.locator("[data-stories-item]").first.locator("[data-stories-delete]")
    delete.click()
    delete.click()
    expect(mine.locator("[data-stories-message]")).to_contain_text("deleted in another tab")
    expect(mine.locator('[data-stories-field="title"]')).to_have_value("Story to be deleted")
    expect(mine.locator('[data-stories-field="result"]')).to_have_value("A result typed but not saved")
    mine.click("[data-stories-save]")  # saved as a new story: the one that stayed is untouched
    expect(titles(mine)).to_have_text(["Story that stays", "Story to be deleted"])
    stored = {story["title"]: story for story in saved(mine)["tools"]["stories"]}
    assert stored["Story to be deleted"]["result"] == "A result typed but not saved"
    assert stored["Story that stays"]["result"] == ""


def test_a_half_typed_planner_date_survives_the_other_tabs_save(tabs, base_url):
    mine, other = tabs
    open_both(tabs, base_url + "follow-up/", "[data-planner][data-planner-ready]")
    date = mine.locator('[data-planner-field="date"]')
    date.click()
    date.press_sequentially("11")  # the month only: the field holds no value yet
    assert date.evaluate("(el) => el.validity.badInput"), "the date should be half typed"
    other.fill('[data-planner-field="company"]', "Globex")
    expect(mine.locator('[data-planner-field="company"]')).to_have_value("Globex")
    assert date.evaluate("(el) => el.validity.badInput"), "the other tab's save wiped the half-typed date"
    date.press_sequentially("302026")  # the day and the year: the date is complete
    expect(date).to_have_value("2026-11-30")
    sees(other, "main:tool:planner", "v && v.date === '2026-11-30'")
    assert saved(other)["tools"]["planner"]["company"] == "Globex"
    assert saved(other)["tools"]["planner"]["date"] == "2026-11-30"


def test_a_clear_in_the_other_tab_is_honoured(tabs, base_url):
    mine, other = tabs
    mine.goto(base_url + f"{HOME.slug}/")
    mine.check(FIRST)
    other.goto(base_url + "cheat-sheet/")
    other.fill('[data-cheatsheet-note="salary"]', "60,000 to 70,000")
    other.evaluate("localStorage.clear()")
    expect(mine.locator(FIRST)).not_to_be_checked()  # this tab shows the clear at once
    mine.check(SECOND)
    expect(mine.locator(f"{LIST} [data-checklist-progress]")).to_have_text(done(1, len(PREP.items)))
    state = saved(mine)
    assert state["checklists"] == {PREP.id: {PREP.items[1].id: True}}, "the old tick came back"
    assert state["notes"] == {}


def test_edits_at_the_same_moment_in_two_tabs_are_all_kept(tabs, base_url):
    mine, other = tabs
    open_both(tabs, base_url + "offer/", "[data-offers][data-offers-ready]")
    other.evaluate(DEAF)  # the other tab will write without having seen this tab's edits

    def name(page, offer):
        return page.locator(f'[data-offers-field="name"][data-offers-offer="{offer}"]')

    name(mine, 1).fill("Northwind")
    # The other tab's storage holds this write, but its event was held back (DEAF). Waiting for
    # the first is what makes this test's premise true: Chromium copies a write to another tab's
    # storage a moment later, and within that moment no page can see it (see ARCHITECTURE.md).
    sees(other, "shared:tool:offers", "v && v[0] && v[0].name === 'Northwind'")
    name(other, 2).fill("Contoso")  # same tool, another offer
    sees(mine, "shared:tool:offers", "v && v.length > 1 && v[1].name === 'Contoso'")
    offers = saved(mine)["tools"]["offers"]
    assert [offers[0]["name"], offers[1]["name"]] == ["Northwind", "Contoso"]

    # Two tools at once: a tick here, a note there.
    mine.goto(base_url + f"{HOME.slug}/")
    other.goto(base_url + "cheat-sheet/")
    # Both tools listening before either acts (a fill before the sheet mounts saves nothing).
    mine.wait_for_selector(f"{LIST}[data-checklist-ready]", state="attached")
    other.wait_for_selector("[data-cheatsheet][data-cheatsheet-ready]", state="attached")
    other.evaluate(DEAF)
    mine.check(FIRST)
    other.fill('[data-cheatsheet-note="questions"]', "Who would I work with most?")
    sees(mine, "main:notes", "v && v.questions")
    state = saved(mine)
    assert state["checklists"][PREP.id] == {PREP.items[0].id: True}
    assert state["notes"]["questions"] == "Who would I work with most?"


def test_the_same_field_in_two_tabs_the_last_write_wins_whole(tabs, base_url):
    mine, other = tabs
    open_both(tabs, base_url + "offer/", "[data-offers][data-offers-ready]")
    other.evaluate(DEAF)
    field = '[data-offers-field="base"][data-offers-offer="1"]'
    mine.fill(field, "52000")
    sees(other, "shared:tool:offers", "v && v[0].base === '52000'")  # written over, not unseen
    other.fill(field, "61000")
    sees(mine, "shared:tool:offers", "v && v[0].base === '61000'")
    assert saved(mine)["tools"]["offers"][0]["base"] == "61000"
    mine.reload()
    expect(mine.locator(field)).to_have_value("61000")
