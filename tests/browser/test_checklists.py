"""A section's checklists as a reader uses them: a tick is saved at once, kept over a reload and
seen by another open tab; "Clear this checklist" can be undone to exactly the ticks it took; the
contributor's link is there but quiet; and the site's search, which leaves the checklists out
(README, "Limits"), still finds a checklist's page from its item's words through the page's text.

The lists, items and counts come from data/ through the project's loader (tests.pages.GUIDE)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from macros.checklists import CONFIG
from macros.inline import inline_html
from tests.browser.support import FIRST, open_page, part
from tests.pages import GUIDE, done

pytestmark = pytest.mark.browser

SECTION = GUIDE.sections[0]
LIST = SECTION.checklists[0]
FORM = f'[data-checklist="{LIST.id}"]'
PROGRESS = f"{FORM} [data-checklist-progress]"


def box(n: int, checklist=LIST) -> str:
    return f'[data-checklist="{checklist.id}"] input[data-item="{checklist.items[n].id}"]'


def ready(page, url: str) -> None:
    open_page(page, url, f"{FORM}[data-checklist-ready]")


def ticks(page) -> dict:
    return (part(page, FIRST, "checklists") or {}).get(LIST.id, {})


def two_tabs(context, base_url):
    mine, other = context.new_page(), context.new_page()
    for tab in (mine, other):
        ready(tab, base_url + f"{SECTION.slug}/")
    return mine, other


def test_a_tick_is_saved_kept_over_a_reload_and_seen_in_another_tab(context, base_url):
    mine, other = two_tabs(context, base_url)
    mine.check(box(0))
    expect(mine.locator(PROGRESS)).to_have_text(done(1, len(LIST.items)))
    assert ticks(mine) == {LIST.items[0].id: True}
    expect(other.locator(box(0))).to_be_checked()  # no reload there
    expect(other.locator(PROGRESS)).to_have_text(done(1, len(LIST.items)))
    other.check(box(1))  # a change of its own there comes back here too, beside this tab's
    expect(mine.locator(box(1))).to_be_checked()
    mine.reload()
    mine.wait_for_selector(f"{FORM}[data-checklist-ready]", state="attached")
    for n in (0, 1):
        expect(mine.locator(box(n))).to_be_checked()
    expect(mine.locator(PROGRESS)).to_have_text(done(2, len(LIST.items)))
    assert ticks(mine) == {LIST.items[0].id: True, LIST.items[1].id: True}


def test_another_tab_can_untick_what_this_tab_ticked(context, base_url):
    mine, other = two_tabs(context, base_url)
    mine.check(box(0))
    expect(other.locator(box(0))).to_be_checked()
    other.uncheck(box(0))
    expect(mine.locator(box(0))).not_to_be_checked(timeout=5000)
    expect(other.locator(box(0))).not_to_be_checked()
    assert ticks(other) == {}, "the untick was put back by the first tab"


def test_clear_this_checklist_offers_undo_which_restores_exactly_its_ticks(page, base_url):
    ready(page, base_url + f"{SECTION.slug}/")
    chosen = [0, len(LIST.items) - 1]
    for n in chosen:
        page.check(box(n))
    other_list = SECTION.checklists[1]
    page.check(box(0, other_list))  # another list's tick, which the clear leaves alone
    expect(page.locator(PROGRESS)).to_have_text(done(len(chosen), len(LIST.items)))
    before = part(page, FIRST, "checklists")
    page.click(f"{FORM} [data-checklist-reset]")
    for n in range(len(LIST.items)):
        expect(page.locator(box(n))).not_to_be_checked()
    expect(page.locator(PROGRESS)).to_contain_text(
        CONFIG["cleared"].format(title=LIST.title, progress=done(0, len(LIST.items))))
    assert ticks(page) == {}
    expect(page.locator(box(0, other_list))).to_be_checked()
    undo = page.locator(f"{FORM} [data-guide-undo]")
    expect(undo).to_be_focused()
    undo.click()
    for n in range(len(LIST.items)):
        expect(page.locator(box(n))).to_be_checked() if n in chosen else expect(page.locator(box(n))).not_to_be_checked()
    expect(page.locator(PROGRESS)).to_have_text(done(len(chosen), len(LIST.items)))
    assert part(page, FIRST, "checklists") == before


@pytest.mark.parametrize("width", [390, 1280])
def test_the_boxes_line_up_with_the_title_as_a_form_does(context, base_url, width):
    """Material indents lists; a checklist is a form, so its boxes start where its title does."""
    tab = context.new_page()
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto(base_url + f"{SECTION.slug}/")
    title = tab.locator(f"{FORM} legend").bounding_box()
    first = tab.locator(box(0)).bounding_box()
    assert abs(first["x"] - title["x"]) <= 1, f"at {width} px the boxes start {first['x'] - title['x']:.0f} px in"


def test_the_contributors_edit_link_is_there_but_quiet(page, base_url):
    ready(page, base_url + f"{SECTION.slug}/")
    link = page.locator(f'{FORM} [data-checklist-edit="{LIST.id}"] a')
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", re.compile(re.escape(f"data/{LIST.section}.yml") + "$"))
    sizes = page.evaluate("""([link, form]) => {
        const size = (e) => parseFloat(getComputedStyle(e).fontSize);
        return {link: size(document.querySelector(link)), body: size(document.querySelector('article.md-typeset')),
                item: size(document.querySelector(form + ' .sig-checklist__items label'))};
    }""", [f'{FORM} [data-checklist-edit] a', FORM])
    assert sizes["link"] < sizes["body"] and sizes["link"] < sizes["item"], sizes
    # Quiet, not hidden: still a link a reader can reach.
    assert page.locator(f"{FORM} [data-checklist-edit] a").evaluate("a => a.tabIndex") == 0


def item_words(item) -> str:
    return " ".join(BeautifulSoup(inline_html(item.text), "html.parser").get_text().split())


@pytest.mark.parametrize("checklist", list(GUIDE.checklists.values())[::5], ids=lambda c: c.id)
def test_searching_an_items_words_finds_its_page_though_checklists_are_not_indexed(page, base_url, checklist):
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    page.click(".md-search__input")
    words = item_words(checklist.items[0])
    page.keyboard.type(words, delay=5)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    links = results.locator("a").evaluate_all("as => as.map((a) => a.getAttribute('href'))")
    assert any(urlparse(h or "").path.endswith(f"/{checklist.section}/") for h in links), \
        f"searching {words!r} does not offer its page {checklist.section}/: {links}"
    # The result is the page's own text: the item itself is not in the index (README, "Limits").
    assert words not in " ".join(results.all_inner_texts())
