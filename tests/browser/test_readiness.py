"""The home page's readiness: ticks made on a section's page are counted on home, per section and
in all, for this tab's application; another tab's ticks show without a reload; and the table of
applications gives each its own count, soonest interview first. Every count comes from data/
through the project's loader (tests.pages), every word from macros/readiness.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.readiness import CONFIG
from tests.browser.support import FIRST, instant_ready, key, open_page, put
from tests.pages import GUIDE, done, items_done, items_in_guide, items_in_section

pytestmark = pytest.mark.browser

BOX = "[data-readiness]"
SECTION = GUIDE.sections[1]  # not the first, so a count cannot land on the first row by accident
TOTAL = items_in_guide()


def row(slug: str) -> str:
    return f'{BOX} [data-readiness-section="{slug}"]'


def home(page, base_url: str) -> None:
    open_page(page, base_url, f"{BOX}[data-readiness-ready]")


def section_page(page, base_url: str) -> None:
    open_page(page, base_url + f"{SECTION.slug}/", "[data-checklist][data-checklist-ready]")


def tick_in_section(page, count: int) -> list[tuple[str, str]]:
    """Tick `count` items of the section, spread over its checklists; returns (list, item) ids."""
    items = [(c.id, i.id) for c in SECTION.checklists for i in c.items]
    chosen = items[:: max(1, len(items) // count)][:count]
    for list_id, item_id in chosen:
        page.check(f'[data-checklist="{list_id}"] input[data-item="{item_id}"]')
    return chosen


def expect_counts(page, ticked: dict[str, int]) -> None:
    for section in GUIDE.sections:
        n, total = ticked.get(section.slug, 0), items_in_section(section.slug)
        expect(page.locator(f"{row(section.slug)} [data-readiness-count]")).to_have_text(done(n, total))
        expect(page.locator(f"{row(section.slug)} [data-readiness-bar]")).to_have_js_property("value", n)
    expect(page.locator(f"{BOX} [data-readiness-total]")).to_have_text(items_done(sum(ticked.values()), TOTAL))


def test_home_lists_every_section_with_its_count_and_a_link_to_it(page, base_url):
    home(page, base_url)
    rows = page.locator(f"{BOX} [data-readiness-section]")
    expect(rows).to_have_count(len(GUIDE.sections))
    assert rows.evaluate_all("rs => rs.map((r) => r.getAttribute('data-readiness-section'))") == \
        [s.slug for s in GUIDE.sections]
    expect_counts(page, {})
    for section in GUIDE.sections:
        link = page.locator(f"{row(section.slug)} a")
        expect(link).to_have_text(section.title)
        assert link.evaluate("a => new URL(a.href).pathname").endswith(f"/{section.slug}/")


def test_ticks_on_a_section_page_change_the_readiness_on_home(page, base_url):
    section_page(page, base_url)
    chosen = tick_in_section(page, 3)
    assert len({list_id for list_id, _ in chosen}) > 1, "premise: the ticks are in more than one checklist"
    instant_ready(page)
    page.click(".md-header .md-logo")  # home, by instant navigation
    page.wait_for_selector(f"{BOX}[data-readiness-ready]", state="attached")
    expect_counts(page, {SECTION.slug: len(chosen)})
    # Clearing one of the section's lists there is counted here as well.
    first = SECTION.checklists[0]
    page.click(f"{row(SECTION.slug)} a")
    page.wait_for_selector(f'[data-checklist="{first.id}"][data-checklist-ready]', state="attached")
    page.click(f'[data-checklist="{first.id}"] [data-checklist-reset]')
    expect(page.locator(f'[data-checklist="{first.id}"] [data-guide-undo]')).to_be_visible()
    home(page, base_url)
    expect_counts(page, {SECTION.slug: sum(list_id != first.id for list_id, _ in chosen)})


def test_another_tabs_ticks_show_on_home_without_a_reload(context, base_url):
    on_home, other = context.new_page(), context.new_page()
    home(on_home, base_url)
    section_page(other, base_url)
    chosen = tick_in_section(other, 2)
    expect_counts(on_home, {SECTION.slug: len(chosen)})
    other.uncheck(f'[data-checklist="{chosen[0][0]}"] input[data-item="{chosen[0][1]}"]')
    expect_counts(on_home, {SECTION.slug: len(chosen) - 1})


def test_each_application_has_its_own_readiness_soonest_interview_first(page, base_url):
    """Two applications with their own ticks: the table gives each its count, the sooner first,
    and the per-section counts above are the current application's."""
    lists = [c for s in GUIDE.sections for c in s.checklists]
    page.goto(base_url + "about/")
    put(page, {
        key("shared", f"application:{FIRST}"): {"company": "Later Ltd", "date": "2030-05-20", "added": 0},
        key("shared", "application:a1"): {"company": "Sooner Inc", "date": "2030-05-02", "added": 1},
        key("shared", "current"): FIRST,
        key(FIRST, "checklists"): {lists[0].id: {i.id: True for i in lists[0].items}},
        key("a1", "checklists"): {lists[-1].id: {lists[-1].items[0].id: True}},
    })
    home(page, base_url)
    rows = page.locator(f"{BOX} [data-application-row]")
    expect(rows).to_have_count(2)
    expect(rows.locator("th")).to_have_text(["Sooner Inc", "Later Ltd"])
    expect(rows.nth(0).locator("td").last).to_have_text(CONFIG["ready"].format(done=1, total=TOTAL))
    expect(rows.nth(1).locator("td").last).to_have_text(CONFIG["ready"].format(done=len(lists[0].items), total=TOTAL))
    current = page.evaluate("window.SecondInterviewGuide.scope()")
    expect(page.locator(f'{BOX} [data-application-row="{current}"]')).to_have_attribute("aria-current", "true")
    mine = {FIRST: {lists[0].section: len(lists[0].items)}, "a1": {lists[-1].section: 1}}[current]
    expect_counts(page, mine)


def test_on_a_wide_screen_the_counts_and_bars_line_up_in_columns(page, base_url):
    """Each row is the section, its count and its bar; a column each, whatever the names' lengths."""
    page.set_viewport_size({"width": 1280, "height": 900})
    home(page, base_url)
    lefts = page.locator(f"{BOX} [data-readiness-section]").evaluate_all(
        "rows => rows.map((r) => [r.querySelector('[data-readiness-count]').getBoundingClientRect().left,"
        " r.querySelector('[data-readiness-bar]').getBoundingClientRect().left])")
    assert len(lefts) == len(GUIDE.sections)
    assert len({round(count) for count, _ in lefts}) == 1 and len({round(bar) for _, bar in lefts}) == 1, lefts
