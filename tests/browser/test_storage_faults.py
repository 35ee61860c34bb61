"""What the reader keeps survives a browser that will not keep it: storage refused or full (every
page works and says so once; an import says it lasts only for the visit), storage that fills up in
the middle of an import (nothing changes, nothing is orphaned, the message says so), and stored
values the guide cannot use: unreadable, of the wrong shape, far too long, or parts of no
application. Those are held aside: never overwritten, named by the page's one notice, and offered
as a file before that part starts fresh. (The core's rules: ARCHITECTURE.md, "Nothing is lost
silently".)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros import progress
from macros.core import RECOVER_LABEL, STORAGE_NOTICE_TEXT, UNREADABLE_NOTICE_TEXT
from tests.browser.support import (
    DENIED,
    FIRST,
    FULL,
    G,
    NOTICES,
    V1,
    ALERT,
    MESSAGE as STATUS,
    TOOLS,
    all_tools_wait,
    at,
    choose,
    dump,
    entries,
    full_file,
    held,
    home,
    imports_again,
    instant_ready,
    key,
    open_page,
    page_errors,
    put,
    reach_in,
    records,
    v1,
    v2,
)
from tests.pages import GUIDE, PAGES, done, items_done, items_in_guide
from tools.sitekit import engine

WORDS = progress.CONFIG
SECTION, OTHER = GUIDE.sections[0], GUIDE.sections[1]
PREP = SECTION.checklists[0]
BOX = f'[data-checklist="{PREP.id}"] input[data-item="{PREP.items[0].id}"]'
EVERY = items_in_guide()
BROKEN = pytest.mark.parametrize("script", [DENIED, FULL], ids=["storage-refused", "storage-full"])


def refusing(context, script: str):
    """A tab of a profile whose storage throws as `script` makes it."""
    context.add_init_script(script)
    return context.new_page()


def recovered(page) -> dict:
    """Press the notice's way out; the file it gives, parsed."""
    with page.expect_download() as info:
        page.locator(NOTICES).locator("[data-storage-recover]").click()
    return json.loads(Path(info.value.path()).read_text(encoding="utf-8"))


# ---------- storage refused or full ----------

@BROKEN
def test_no_page_throws_and_each_says_once_that_nothing_is_saved(context, base_url, soup_of, script):
    page = refusing(context, script)
    for address in PAGES:
        page.goto(base_url + address)
        if address == PAGES[0]:  # the palette toggle writes through Material's own storage helper
            page.locator("label.md-header__button[for^='__palette']:visible").first.click()
        shown = min(1, len(soup_of(address).select("[data-storage-notice]")))
        if script == FULL and all_tools_wait(soup_of(address)):
            # Storage reads as empty and every tool waits to be used: the refusal is found, and
            # said, when the reader first reaches into one (guide-wake.js), before anything is typed.
            reach_in(page)
        expect(page.locator(NOTICES), address or "home").to_have_count(shown)
        if shown:
            expect(page.locator(NOTICES).locator("[data-storage-notice-text]")).to_have_text(STORAGE_NOTICE_TEXT)
        if address == f"{SECTION.slug}/":
            page.check(BOX)  # a refused write still leaves one notice
            expect(page.locator(NOTICES)).to_have_count(1)
    assert page_errors() == [], "uncaught errors with broken storage"


@BROKEN
def test_ticks_last_for_the_visit_across_instant_navigation(context, base_url, script):
    page = refusing(context, script)
    open_page(page, base_url + f"{SECTION.slug}/")
    page.check(BOX)
    expect(page.locator(f'[data-checklist="{PREP.id}"] [data-checklist-progress]')).to_have_text(done(1, len(PREP.items)))
    instant_ready(page)
    page.click(f".md-nav--primary a[href$='{OTHER.slug}/']")
    page.wait_for_url(at(f"{OTHER.slug}/"))
    instant_ready(page)
    page.go_back()
    page.wait_for_url(at(f"{SECTION.slug}/"))
    expect(page.locator(BOX)).to_be_checked()


def test_a_press_that_wakes_the_tools_is_not_moved_from_under_the_pointer(context, base_url):
    """Storage full reads as empty, so the tools wait and the notice comes with the first use. A
    notice or a tool that appeared while the button is still down would move the box from under
    the pointer, and the click would land elsewhere (it did, once, in CI)."""
    page = refusing(context, FULL)
    open_page(page, base_url + f"{SECTION.slug}/")
    box = page.locator(BOX)
    box.scroll_into_view_if_needed()
    where = box.bounding_box()
    page.mouse.move(where["x"] + where["width"] / 2, where["y"] + where["height"] / 2)
    page.mouse.down()
    page.wait_for_load_state("networkidle")  # whatever the press set loading has come and shown
    assert box.bounding_box()["y"] == where["y"], "the box moved while the button was down"
    page.mouse.up()
    expect(box).to_be_checked()
    expect(page.locator(NOTICES)).to_have_count(1)  # the refusal is still said, once the press is done


# Whether the storage notice was showing when the page's first tool was marked mounted.
NOTICE_WHEN_MOUNTED = """
window.noticeWhenMounted = null;
new MutationObserver((changes, observer) => {
  if (!changes.some((c) => c.target.hasAttribute("data-guide-mounted"))) return;
  const notice = document.querySelector("[data-storage-notice]");
  window.noticeWhenMounted = Boolean(notice && !notice.hidden);
  observer.disconnect();
}).observe(document, { subtree: true, attributeFilter: ["data-guide-mounted"] });
"""


# The script that draws the notice arrives late, as on a slow line: 300 ms after it is asked for.
SLOW_NOTICE_SCRIPT = """
const append = Element.prototype.append;
Element.prototype.append = function (...nodes) {
  const late = nodes.some((n) => n instanceof HTMLScriptElement && n.src.includes("/guide-changes"));
  if (!late) return append.apply(this, nodes);
  window.setTimeout(() => append.apply(this, nodes), 300);
};
"""


def test_the_notice_is_in_place_before_the_tools_mount(context, base_url):
    """Storage refused is known before any tool loads: the notice is drawn first, even when its
    script is slow, so it never moves a tool the reader may already be pressing."""
    context.add_init_script(NOTICE_WHEN_MOUNTED + SLOW_NOTICE_SCRIPT)
    page = refusing(context, DENIED)
    open_page(page, base_url + f"{SECTION.slug}/")
    assert page.evaluate("window.noticeWhenMounted") is True, "a tool mounted before the notice was drawn"


@BROKEN
def test_an_import_the_browser_cannot_keep_says_so(context, base_url, soup_of, script):
    page = refusing(context, script)
    home(page, base_url)
    choose(page, v1(checklists={PREP.id: {PREP.items[0].id: True}}))
    expect(page.locator(ALERT)).to_have_text(WORDS["notKept"])
    expect(page.locator(STATUS)).to_be_empty()
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(1, EVERY))  # for this visit
    page.reload()
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(0, EVERY))  # as it said
    if script == FULL and all_tools_wait(soup_of("")):  # storage reads as empty: said once a tool is reached
        reach_in(page)
    expect(page.locator(NOTICES)).to_have_count(1)


@pytest.mark.search
@BROKEN
def test_search_finds_pages_when_storage_is_refused(context, base_url, script):
    page = refusing(context, script)
    page.goto(base_url)
    if engine() == "zensical":
        page.locator(".md-search__button").click()
        field = page.get_by_role("combobox", name="Search")
    else:
        expect(page.locator(".md-search-result__meta")).not_to_contain_text("Initializing")
        field = page.locator("input[data-md-component='search-query']")
    field.press_sequentially(SECTION.slug)
    expect(page.locator(f"a[href*='/{SECTION.slug}/?h=']").first).to_be_visible()


# ---------- storage that fills up in the middle of an import ----------

FILL = """free => {
  // Fills the origin's storage with an entry not of the guide's, leaving `free` characters of room.
  localStorage.removeItem("filler");
  let low = 0, high = 12e6;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try { localStorage.setItem("filler", "x".repeat(mid)); low = mid; } catch (error) { high = mid - 1; }
  }
  localStorage.setItem("filler", "x".repeat(low - free));
  return low;
}"""


def test_storage_full_in_the_middle_of_an_import_changes_nothing(page, base_url):
    """Issue 24, 4: four applications, about 2,500 characters free, Replace with a file of five
    full ones: all or nothing (the core's transact), with storage really full."""
    file = full_file()
    four = v2(*[{**a, "tools": {}} for a in file["applications"][:4]], tools={})
    five = {**file, "applications": file["applications"][:5]}
    home(page, base_url)
    choose(page, four)
    expect(page.locator(STATUS)).to_contain_text(WORDS["restoredSeveral"].split("{")[0])
    assert len(records(page)) == 4
    page.evaluate(FILL, 2500)
    before, kept = entries(page), dump(page)
    choose(page, five)
    page.click(f"{TOOLS} [data-progress-replace]")
    expect(page.locator(ALERT)).to_have_text(WORDS["noRoom"])
    expect(page.locator(STATUS)).to_be_empty()
    assert entries(page) == before, "every entry as it was"
    page.evaluate("localStorage.removeItem('filler')")
    home(page, base_url)
    expect(page.locator(NOTICES)).to_have_count(0)  # no part of an application that is not there
    assert dump(page) == kept


# ---------- stored values the guide cannot use ----------

def test_unreadable_data_is_kept_until_the_reader_takes_it_as_a_file(page, base_url):
    ticks = key(FIRST, "checklists")
    page.goto(base_url + "about/")
    put(page, {ticks: "{broken"})
    open_page(page, base_url + f"{SECTION.slug}/")
    notice = page.locator(NOTICES)
    expect(notice).to_have_count(1)
    expect(notice.locator("[data-storage-notice-text]")).to_have_text(UNREADABLE_NOTICE_TEXT)
    expect(notice.locator("[data-storage-recover]")).to_have_text(RECOVER_LABEL)
    page.check(BOX)  # works for the visit; the unreadable text stays as it was
    assert entries(page)[ticks] == "{broken"
    page.reload()
    expect(notice).to_have_count(1)  # said on every visit until the reader acts
    page.check(BOX)
    assert recovered(page)["unreadable"] == {ticks: "{broken"}
    expect(page.locator(NOTICES)).to_have_count(0)
    assert json.loads(entries(page)[ticks]) == {PREP.id: {PREP.items[0].id: True}}  # the visit's tick, kept now
    page.reload()
    expect(page.locator(BOX)).to_be_checked()


def test_unreadable_version_1_data_is_removed_only_by_the_readers_step(page, base_url):
    page.goto(base_url + "about/")
    put(page, {V1: "{this is not json"})
    home(page, base_url)
    expect(page.locator(NOTICES)).to_have_count(1)
    assert entries(page)[V1] == "{this is not json"
    assert recovered(page)["unreadable"] == {V1: "{this is not json"}
    assert V1 not in entries(page)
    expect(page.locator(NOTICES)).to_have_count(0)


# A part of the wrong shape (issue 24, 5): (its key, the stored value, the page, how the reader
# types into the tool there).
def _type(selector: str, value: str):
    return lambda page: page.fill(selector, value)


def _add_story(page):
    page.fill('[data-stories-field="title"]', "Typed while held")
    page.click("[data-stories-save]")


WRONG_SHAPES = {
    "planner as a list": (key(FIRST, "tool:planner"), ["2026-12-01"], "follow-up/",
                          _type('[data-planner-field="decision"]', "2026-12-20")),
    "planner as text": (key(FIRST, "tool:planner"), "2026-12-01", "follow-up/",
                        _type('[data-planner-field="decision"]', "2026-12-20")),
    "thank-you as an object": (key(FIRST, "tool:thankYou"), {"name": "Sam"}, "follow-up/",
                               _type('[data-thankyou-field="name"]', "Dana Ortiz")),
    "stories as an object": (key("shared", "tool:stories"), {"title": "Old"}, "background/", _add_story),
    "offers as an object": (key("shared", "tool:offers"), {"name": "Acme"}, "offer/",
                            _type('[data-offers-field="name"][data-offers-offer="1"]', "Northwind")),
    "notes as a list": (key(FIRST, "notes"), ["Who leads the team?"], "cheat-sheet/",
                        _type('[data-cheatsheet-note="questions"]', "Typed while held")),
    "notes far too long": (key(FIRST, "notes"), {"salary": "x" * 2**20}, "cheat-sheet/",
                           _type('[data-cheatsheet-note="questions"]', "Typed while held")),
}


@pytest.mark.parametrize("case", WRONG_SHAPES)
def test_a_part_of_the_wrong_shape_is_held_aside_never_overwritten(page, base_url, case):
    part, value, address, act = WRONG_SHAPES[case]
    stored = json.dumps(value)
    page.goto(base_url + "about/")
    put(page, {part: stored})
    open_page(page, base_url + address)
    expect(page.locator(NOTICES)).to_have_count(1)
    expect(page.locator(NOTICES).locator("[data-storage-notice-text]")).to_have_text(UNREADABLE_NOTICE_TEXT)
    act(page)
    page.wait_for_function(f"() => {G}.status().unreadable[{json.dumps(part)}] !== undefined")
    assert entries(page)[part] == stored, "the next edit does not overwrite it"
    page.reload()
    expect(page.locator(NOTICES)).to_have_count(1)
    assert entries(page)[part] == stored
    assert recovered(page)["unreadable"] == {part: stored}
    expect(page.locator(NOTICES)).to_have_count(0)
    assert part not in entries(page) or json.loads(entries(page)[part]) != value  # that part starts fresh


def test_a_record_of_the_wrong_shape_is_held_and_the_others_still_work(page, base_url):
    record = key("shared", "application:a1")
    page.goto(base_url + "about/")
    put(page, {record: "[1, 2]", key("shared", "application:a2"): {"company": "Globex", "added": 1}})
    open_page(page, base_url + f"{SECTION.slug}/")
    expect(page.locator(NOTICES)).to_have_count(1)
    expect(page.locator("select[data-application-switcher] option")).to_have_text(["Globex"])
    page.check(BOX)
    assert entries(page)[record] == "[1, 2]"


def test_export_never_fails_whatever_is_stored_and_its_file_imports_again(page, base_url, tmp_path):
    crafted = key(FIRST, "tool:crafted")
    deep = "[" * 4800 + "]" * 4800
    page.goto(base_url + "about/")
    put(page, {crafted: deep, key(FIRST, "checklists"): {PREP.id: {PREP.items[0].id: True}}})
    home(page, base_url)
    with page.expect_download() as info:
        page.click(f"{TOOLS} [data-progress-export]")
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    expect(page.locator(STATUS)).to_have_text(WORDS["exported"])
    assert exported["unreadable"] == {crafted: deep}
    assert exported["applications"][0]["checklists"] == {PREP.id: {PREP.items[0].id: True}}
    imports_again(page, base_url, tmp_path)
    assert entries(page)[crafted] == deep, "still held: an import replaces only what it holds"


def test_an_import_leaves_no_part_of_an_application_it_removed(page, base_url):
    home(page, base_url)
    choose(page, v2({"id": "a1", "details": {"company": "Acme"}, "checklists": {PREP.id: {PREP.items[0].id: True}},
                     "notes": {"salary": "50"}, "tools": {"thankYou": [{"name": "Sam"}]}}))
    expect(page.locator(STATUS)).to_contain_text(WORDS["restoredSeveral"].split("{")[0])
    choose(page, v2({"id": "b2", "details": {"company": "Globex"}}))
    page.click(f"{TOOLS} [data-progress-replace]")
    expect(page.locator(STATUS)).to_contain_text(WORDS["restoredSeveral"].split("{")[0])
    assert not [k for k in held(page) if ":a1:" in k or k.endswith(":a1")]
    home(page, base_url)
    expect(page.locator(NOTICES)).to_have_count(0)
