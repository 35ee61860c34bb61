"""The core (guide.js) in a real browser: the registry (a page loads only its features' files, each
mounted once, after instant navigation too; a tool that cannot start says so in its place and the
rest of the page works), the storage layer's pure functions, older data moved into today's layout,
parts of no application kept aside, and two tabs writing one part at the same moment."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from macros import FEATURES
from macros.core import WORDS
from tests.browser.support import (
    FIRST,
    G,
    NOTICES,
    V1,
    at,
    entries,
    first_visit_files,
    instant_ready,
    key,
    load_data,
    open_page,
    own_file,
    part,
    put,
    reach_in,
    records,
    wait_until_mounted,
    wake,
)
from tests.pages import GUIDE, PAGES

PREP = GUIDE.sections[0].checklists[0]
FIRST_ITEM = f'[data-checklist="{PREP.id}"] input[data-item="{PREP.items[0].id}"]'


# ---------- the registry ----------

def features_on(soup) -> set[str]:
    return {el["data-guide-component"] for el in soup.select("[data-guide-component]")}


def requests_of(tab) -> list[str]:
    tab.requested = []
    tab.on("request", lambda request: tab.requested.append(request.url))
    return tab.requested


def own_files(requested: list[str]) -> list[str]:
    return [name for url in requested if (name := own_file(url))]


def test_each_page_loads_its_features_once_also_after_instant_navigation(context, base_url, soup_of):
    tab = context.new_page()
    requested = requests_of(tab)
    tour = ["about/", *[a for a in PAGES if a and features_on(soup_of(a))][:3], "about/"]
    tab.goto(base_url + tour[0])
    instant_ready(tab)
    seen = first_visit_files(soup_of(tour[0]))
    assert set(own_files(requested)) == seen == {"guide.js", "guide.css"}, "a page without tools loads the core only"
    for address in tour[1:]:
        tab.click(f".md-nav--primary a[href$='{address}']")
        tab.wait_for_url(at(address))
        # Material changes the address before it swaps the content: wait for this page's tools.
        tab.wait_for_function("n => document.querySelectorAll('[data-guide-component]').length === n",
                              arg=len(soup_of(address).select("[data-guide-component]")))
        wait_until_mounted(tab)
        shown = features_on(soup_of(address))
        for name in shown:
            expect(tab.locator(f'link[data-guide-styles="{name}"]')).to_have_count(1)
        seen |= first_visit_files(soup_of(address))  # nothing is saved on this tour
        instant_ready(tab)
    files = own_files(requested)
    assert set(files) == seen, "each feature's files, and no other"
    scripts = [m.group(1) for url in requested if (m := re.search(r"/assets/guide/([a-z-]+)\.min\.js$", url))]
    assert sorted(scripts) == sorted(set(scripts)), f"a feature's script loaded twice: {scripts}"
    mounts = tab.evaluate("[...document.querySelectorAll('[data-guide-mounted]')].length")
    assert mounts == len(tab.locator("[data-guide-component]").all()), "every tool mounted once"


THROWS = "window.SecondInterviewGuide.register('planner', { mount() { throw new Error('planted fault'); } });"


@pytest.mark.parametrize("fault", ["throws", "missing"])
def test_a_tool_that_cannot_start_says_so_and_the_rest_of_the_page_works(context, base_url, fault):
    """A planted fault: the planner's mount throws, or the thank-you script cannot be loaded."""
    broken, working = ("planner", "thank-you") if fault == "throws" else ("thank-you", "planner")
    if fault == "throws":
        context.route("**/assets/guide/planner.min.js",
                      lambda route: route.fulfill(status=200, content_type="text/javascript", body=THROWS))
    else:
        context.route("**/assets/guide/thank-you.min.js", lambda route: route.fulfill(status=404, body=""))
    tab = context.new_page()
    tab.goto(base_url + "follow-up/")
    # Both tools load their script when the reader first reaches into them (data-guide-wake).
    reach_in(tab, f'[data-guide-component="{broken}"]')
    failed = tab.locator(f'[data-guide-component="{broken}"][data-guide-failed]')
    expect(failed.locator(".sig-failed")).to_have_text(WORDS["failed"])
    wait_until_mounted(tab, f'[data-guide-component]:not([data-guide-component="{broken}"])')
    # The other tool, the checklists and the bar all work.
    if working == "planner":
        tab.fill('[data-planner-field="date"]', "2026-12-08")
        expect(tab.locator("[data-planner-steps] li").first).to_be_visible()
    else:
        tab.fill('[data-thankyou-field="name"]', "Dana Ortiz")
        expect(tab.locator('[data-thankyou-field="message"]').first).to_have_value(re.compile("Dana"))
    checklist = tab.locator("[data-checklist]").first
    checklist.locator("input[data-item]").first.check()
    expect(checklist.locator("[data-checklist-progress]")).to_contain_text("1 of")


# ---------- the core's pure functions, on one page load ----------

@pytest.fixture(scope="module")
def core(browser, base_url):
    from tests.browser.support import open_profile

    profile = open_profile(browser)
    tab = profile.new_page()
    tab.goto(base_url + f"{GUIDE.sections[0].slug}/")  # a page with tools: it can load the reader's data
    load_data(tab)
    yield tab
    profile.close()


def merge(tab, older, mine, theirs):
    # None stands for no stored value (undefined in the script).
    # Passed as JSON text: JSON.parse keeps "__proto__" an own key, as reading storage does.
    return json.loads(tab.evaluate(
        f"([o, m, t]) => JSON.stringify({G}.merge(...[o, m, t].map((v) => (v === 'null' ? undefined : JSON.parse(v)))))",
        [json.dumps(older), json.dumps(mine), json.dumps(theirs)]))


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
        # Cleared there: only what this tab changed comes back.
        ({"a": {"x": True}}, {"a": {"x": True, "y": True}}, None, {"a": {"y": True}}),
        # A list that changed length here (a story deleted): this tab's list is the later one.
        ([{"t": 1}, {"t": 2}], [{"t": 2}], [{"t": 1}, {"t": 2}, {"t": 3}], [{"t": 2}]),
        # Ids are data, never an object's own machinery.
        ({}, {"__proto__": {"x": True}, "constructor": {"y": True}}, {"prototype": {"z": True}},
         {"prototype": {"z": True}, "__proto__": {"x": True}, "constructor": {"y": True}}),
    ],
)
def test_merge_keeps_what_each_tab_changed(core, older, mine, theirs, expected):
    assert merge(core, older, mine, theirs) == expected


@pytest.mark.parametrize("value, real", [("2026-12-08", True), ("2030-02-30", False), ("2028-02-29", True),
                                          ("2026-13-01", False), ("26-12-08", False), ("", False)])
def test_dates_are_real_dates(core, value, real):
    assert core.evaluate(f"v => {G}.isDate(v)", value) is real


@pytest.mark.parametrize("value, real", [("10:00", True), ("23:59", True), ("25:99", False), ("9:00", False)])
def test_times_are_real_times(core, value, real):
    assert core.evaluate(f"v => {G}.isTime(v)", value) is real


def test_dates_show_in_the_readers_language_with_the_weekday(core):
    shown = core.evaluate(f"{G}.when('2026-12-08', '10:00')")
    expected = core.evaluate("new Intl.DateTimeFormat(undefined, {weekday: 'short', day: 'numeric', month: 'short', "
                             "year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC'})"
                             ".format(new Date('2026-12-08T10:00:00Z'))")
    assert shown == expected and "2026" in shown and ("Tue" in shown or "Tue" in shown.title())


def test_text_loses_control_and_direction_override_characters(core):
    assert core.evaluate(f"{G}.plain('\\u202eAcme\\u0007 Corp\\u2066')") == "Acme Corp"
    assert core.evaluate(f"{G}.plain('line one\\r\\nline two', true)") == "line one\nline two"


# ---------- older data, moved once ----------

def test_version_1_data_becomes_the_first_application(page, base_url):
    ticks = {PREP.id: {item.id: True for item in PREP.items[:2]}}
    notes = {"questions": "Who would I work with?"}
    old = {"checklists": ticks, "notes": notes,
           "tools": {"planner": {"date": "2026-12-01", "company": "Hooli", "decision": "2026-12-10"},
                     "stories": [{"title": "A", "tags": []}]}}
    page.goto(base_url + "about/")
    put(page, {V1: old})
    open_page(page, base_url + f"{GUIDE.sections[0].slug}/")
    for item in PREP.items[:2]:
        expect(page.locator(f'[data-checklist="{PREP.id}"] input[data-item="{item.id}"]')).to_be_checked()
    assert part(page, FIRST, "checklists") == ticks and part(page, FIRST, "notes") == notes
    assert part(page, FIRST, "tool:planner") == {"decision": "2026-12-10"}  # the rest is the application's
    assert records(page)[FIRST]["company"] == "Hooli" and records(page)[FIRST]["date"] == "2026-12-01"
    assert part(page, "shared", "tool:stories") == [{"title": "A", "tags": []}]
    assert V1 not in entries(page)
    expect(page.locator("[data-application-switcher] option")).to_have_text(["Hooli"])


def test_the_older_list_of_applications_and_planner_fields_move_into_the_records(page, base_url):
    page.goto(base_url + "about/")
    put(page, {
        key("shared", "tool:applications"): {"current": "a1", "list": {
            FIRST: {"company": "Initech", "added": 0}, "a1": {"company": "Umbrella", "role": "Engineer", "added": 5}}},
        key("a1", "tool:planner"): {"date": "2026-12-03", "time": "09:30", "company": "Umbrella", "offer": "2026-12-20"},
    })
    open_page(page, base_url + "follow-up/")
    assert set(records(page)) == {FIRST, "a1"}
    assert records(page)["a1"] == {"company": "Umbrella", "role": "Engineer", "added": 5, "date": "2026-12-03",
                                   "time": "09:30"}
    assert part(page, "a1", "tool:planner") == {"offer": "2026-12-20"}
    assert key("shared", "tool:applications") not in entries(page)
    expect(page.locator('[data-planner-field="date"]')).to_have_value("2026-12-03")  # a1 was the current one
    expect(page.locator('[data-planner-field="company"]')).to_have_value("Umbrella")


def test_parts_of_no_application_are_kept_aside_with_the_way_out(page, base_url):
    page.goto(base_url + "about/")
    lost = {PREP.id: {PREP.items[0].id: True}}
    put(page, {key("zz9", "checklists"): lost})
    open_page(page, base_url + f"{GUIDE.sections[0].slug}/")
    expect(page.locator(NOTICES)).to_have_count(1)
    assert part(page, "zz9", "checklists") == lost, "kept as it was until the reader takes it"
    with page.expect_download() as info:
        page.click("[data-storage-recover]")
    assert json.loads(open(info.value.path()).read())["unreadable"] == {key("zz9", "checklists"): json.dumps(lost)}
    expect(page.locator(NOTICES)).to_have_count(0)
    assert part(page, "zz9", "checklists") is None


# ---------- two tabs at once ----------

# The other tab's write made from a view of storage that does not yet hold this tab's write, as in
# the few milliseconds between two processes: its storage events held back and the offers' entry
# read as it was before (the snapshot), for the one write.
DEAF = "window.__deaf = true; window.addEventListener('storage', (e) => { if (window.__deaf) e.stopImmediatePropagation(); }, true)"
STALE_WRITE = """([key, offer, name]) => {
  const real = Storage.prototype.getItem;
  Storage.prototype.getItem = function (k) { return k === key ? window.__snapshot : real.call(this, k); };
  const input = document.querySelector(`[data-offers-field="name"][data-offers-offer="${offer}"]`);
  input.value = name;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  Storage.prototype.getItem = real;
  window.__deaf = false;
}"""


def test_a_write_made_from_a_stale_view_is_put_right_by_the_other_tab(context, base_url):
    """Two tabs edit different offers at the same moment: the second tab's view of storage does not
    yet hold the first tab's edit (as for a few milliseconds between processes), so its write drops
    it; the first tab hears that write and puts its edit back on top. Both edits stay, in storage
    and on both screens."""
    mine, other = context.new_page(), context.new_page()
    other.add_init_script(DEAF)  # before the guide's own listener, so it hears nothing while deaf
    for tab in (mine, other):
        open_page(tab, base_url + "offer/", "[data-offers][data-offers-ready]")
        wake(tab, "[data-offers]")  # premise: each tab's table has its script, so each writes
    offers = key("shared", "tool:offers")
    other.evaluate("k => { window.__snapshot = localStorage.getItem(k); }", offers)
    mine.fill('[data-offers-field="name"][data-offers-offer="1"]', "Northwind")
    other.wait_for_function("k => (localStorage.getItem(k) || '').includes('Northwind')", arg=offers)
    name = '[data-offers-field="name"][data-offers-offer="1"]'
    assert other.input_value(name) == "", "premise: the other tab has not shown this tab's edit"
    other.evaluate(STALE_WRITE, [offers, 2, "Contoso"])
    both = "k => { const v = JSON.parse(localStorage.getItem(k) || '[]'); return v[0] && v[1] && v[0].name === 'Northwind' && v[1].name === 'Contoso'; }"
    mine.wait_for_function(both, arg=offers)
    other.wait_for_function(both, arg=offers)
    expect(other.locator('[data-offers-field="name"][data-offers-offer="1"]')).to_have_value("Northwind")
    expect(mine.locator('[data-offers-field="name"][data-offers-offer="2"]')).to_have_value("Contoso")


def test_the_same_field_in_two_tabs_ends_with_the_later_write(context, base_url):
    mine, other = context.new_page(), context.new_page()
    for tab in (mine, other):
        open_page(tab, base_url + "offer/", "[data-offers][data-offers-ready]")
    field = '[data-offers-field="base"][data-offers-offer="1"]'
    offers = key("shared", "tool:offers")
    mine.fill(field, "52000")
    other.wait_for_function("k => (JSON.parse(localStorage.getItem(k) || '[]')[0] || {}).base === '52000'", arg=offers)
    other.fill(field, "61000")
    mine.wait_for_function("k => (JSON.parse(localStorage.getItem(k) || '[]')[0] || {}).base === '61000'", arg=offers)
    expect(mine.locator(field)).to_have_value("61000")
    assert json.loads(entries(mine)[offers])[0]["base"] == "61000"


def test_every_feature_has_its_files(site_dir):
    for name in FEATURES:
        for kind in ("js", "css"):
            assert (site_dir / "assets" / "guide" / f"{name}.min.{kind}").is_file(), f"{name}.{kind} is not built"


def test_a_search_that_finds_nothing_says_so_and_offers_the_sections(page, base_url, soup_of):
    page.goto(base_url + "salary/")
    page.wait_for_load_state("networkidle")
    page.click(".md-search__input")
    page.keyboard.type("zzqxyw", delay=30)
    offer = page.locator("[data-guide-search-sections]")
    expect(offer).to_be_visible()
    sections = soup_of("").select(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
    expect(offer.locator("a")).to_have_count(len(sections))
    expect(offer).to_contain_text("Nothing on these words")
    page.fill(".md-search__input", "")
    page.keyboard.type("salary", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(offer).to_be_hidden()
