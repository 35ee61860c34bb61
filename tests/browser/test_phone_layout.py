"""At a small phone's width every page fits the screen: nothing scrolls sideways (a wide table
scrolls in its own box), and the title takes only the lines its words need."""

from __future__ import annotations

import pytest

from tests.browser.support import wait_until_mounted
from tests.pages import PAGES

# 320 CSS px: the width WCAG 2.2's Reflow (1.4.10) asks content to fit without sideways scrolling.
PHONE = {"width": 320, "height": 844}

# How far the page reaches past the screen's right edge, and how far the title's box reaches
# below its last line of words (an empty line, such as a wrapped permalink, shows up there).
MEASURE = """() => {
  const title = document.querySelector('article h1');
  const lines = [];
  const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if (walker.currentNode.parentElement.closest('.headerlink')) continue;  // the permalink is no word
    const words = document.createRange();
    words.selectNodeContents(walker.currentNode);
    lines.push(...[...words.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0));
  }
  const box = title.getBoundingClientRect();
  const padding = parseFloat(getComputedStyle(title).paddingBottom);
  return {
    sideways: document.documentElement.scrollWidth - window.innerWidth,
    emptyBelowTitle: Math.round(box.bottom - padding - Math.max(...lines.map((rect) => rect.bottom))),
    lineHeight: parseFloat(getComputedStyle(title).lineHeight),
  };
}"""


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a.strip("/") or "home")
def test_the_page_fits_a_phone(page, base_url, address):
    page.set_viewport_size(PHONE)
    page.goto(base_url + address)
    wait_until_mounted(page)
    found = page.evaluate(MEASURE)
    assert found["sideways"] <= 0, f"{address or 'home'} scrolls {found['sideways']} px sideways at {PHONE['width']} px"
    assert found["emptyBelowTitle"] < found["lineHeight"] / 2, \
        f"{address or 'home'}: the title has an empty line ({found['emptyBelowTitle']} px) under its words"


def test_the_offer_tables_row_headers_stay_while_it_scrolls_sideways(page, base_url):
    page.set_viewport_size(PHONE)
    page.goto(base_url + "offer/")
    table = page.locator("[data-offers] table")
    scroller = table.locator("xpath=ancestor::*[contains(@class, 'md-typeset__scrollwrap')]")
    table.scroll_into_view_if_needed()
    header = table.locator("tbody th[scope='row']").first
    left = header.bounding_box()["x"]
    wider = scroller.evaluate("(el) => el.scrollWidth - el.clientWidth")
    assert wider > 0, "the table fits a phone's width: nothing to scroll"
    scroller.evaluate("(el) => { el.scrollLeft = el.scrollWidth; }")
    page.wait_for_function("(el) => el.scrollLeft > 0", arg=scroller.element_handle())
    assert abs(header.bounding_box()["x"] - left) < 2, "the row headers scrolled away with the figures"
    assert table.locator("tbody td").last.bounding_box()["x"] < PHONE["width"], "the last offer stays out of reach"
