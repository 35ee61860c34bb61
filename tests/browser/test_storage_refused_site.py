"""A browser that refuses storage still gets a working site: no script throws on any page (Material's
own inline helpers included, see overrides/partials/javascripts/base.html) and search finds pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.support import DENIED, FULL, page_errors, page_with_storage
from tests.pages import PAGES

BROKEN_STORAGE = pytest.mark.parametrize("script", [DENIED, FULL], ids=["storage-denied", "storage-full"])


@BROKEN_STORAGE
def test_no_page_throws_when_storage_is_refused(context, base_url, script):
    page = page_with_storage(context, script)
    for address in PAGES:
        page.goto(base_url + address)
        # The palette toggle writes through Material's __md_set: it must stay harmless too.
        page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    assert page_errors() == [], "uncaught errors with broken storage"


@pytest.mark.search
@BROKEN_STORAGE
def test_search_finds_pages_when_storage_is_refused(context, base_url, script):
    page = page_with_storage(context, script)
    page.goto(base_url)
    # Typed once the index is ready, key by key: Material searches on key presses, so a bare
    # fill() after the index loaded would find nothing with or without storage.
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("Initializing")
    page.locator("input[data-md-component='search-query']").press_sequentially("salary")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    assert page_errors() == [], "uncaught errors with broken storage"
