"""A browser that refuses storage still gets a working site: no script throws on any page (Material's
own inline helpers included, see overrides/partials/javascripts/base.html), each page with the
guide's tools says once that nothing can be saved, and search finds pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.support import DENIED, FULL, NOTICES, page_errors, page_with_storage
from tests.pages import GUIDE, PAGES
from tools.sitekit import engine

BROKEN_STORAGE = pytest.mark.parametrize("script", [DENIED, FULL], ids=["storage-denied", "storage-full"])
FIRST_SECTION = GUIDE.sections[0]
FIRST_ITEM = f'input[data-item="{FIRST_SECTION.checklists[0].items[0].id}"]'


@BROKEN_STORAGE
def test_no_page_throws_and_each_says_once_that_nothing_is_saved(context, base_url, soup_of, script):
    page = page_with_storage(context, script)
    for address in PAGES:
        page.goto(base_url + address)
        if address == PAGES[0]:
            # The palette toggle writes through Material's __md_set (the same header on every page).
            page.locator("label.md-header__button[for^='__palette']:visible").first.click()
        # One notice however many tools the page holds; a page without tools has none to show.
        shown = min(1, len(soup_of(address).select("[data-storage-notice]")))
        expect(page.locator(NOTICES), address or "home").to_have_count(shown)
        if shown:
            expect(page.locator(NOTICES), address).to_contain_text("cannot be saved in this browser")
        if address == f"{FIRST_SECTION.slug}/":
            page.check(FIRST_ITEM)  # a refused write still leaves one notice
            expect(page.locator(NOTICES)).to_have_count(1)
    assert page_errors() == [], "uncaught errors with broken storage"


def search_for(page, words: str) -> None:
    """Type `words` into the site's search key by key, as a reader does.

    Material's search box sits in the header and searches on key presses, so the words are typed
    once its index is ready (a bare fill() would find nothing, with or without storage). Zensical's
    search is a dialog the header's button opens; it searches again when its index arrives.
    """
    if engine() == "zensical":
        page.locator(".md-search__button").click()
        field = page.get_by_role("combobox", name="Search")
    else:
        expect(page.locator(".md-search-result__meta")).not_to_contain_text("Initializing")
        field = page.locator("input[data-md-component='search-query']")
    field.press_sequentially(words)


@pytest.mark.search
@BROKEN_STORAGE
def test_search_finds_pages_when_storage_is_refused(context, base_url, script):
    page = page_with_storage(context, script)
    page.goto(base_url)
    search_for(page, "salary")
    # Both engines link a result to its page with the words after `?h=` (search.highlight).
    expect(page.locator("a[href*='/salary/?h=salary']").first).to_be_visible()
    assert page_errors() == [], "uncaught errors with broken storage"
