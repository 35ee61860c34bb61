"""At a small phone's width every page fits the screen: nothing scrolls sideways (WCAG 2.2 Reflow,
1.4.10, asks content to fit 320 CSS px), and the title takes only the lines its words need."""

from __future__ import annotations

import pytest

from tests.browser.support import wait_until_mounted
from tests.pages import PAGES

# How far a heading's box reaches below its last line of words (an empty line, such as a wrapped
# permalink, shows up there), with its line height; null when it is not shown.
EMPTY_BELOW = """(heading) => {
  const lines = [];
  const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if (walker.currentNode.parentElement.closest('.headerlink')) continue;  // the permalink is no word
    const words = document.createRange();
    words.selectNodeContents(walker.currentNode);
    lines.push(...[...words.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0));
  }
  if (!lines.length) return null;
  const box = heading.getBoundingClientRect();
  const style = getComputedStyle(heading);
  return {
    empty: Math.round(box.bottom - parseFloat(style.paddingBottom) - Math.max(...lines.map((rect) => rect.bottom))),
    lineHeight: parseFloat(style.lineHeight),
  };
}"""

# How far the page reaches past the screen's right edge, and the title's empty line (EMPTY_BELOW).
MEASURE = f"""() => {{
  const title = ({EMPTY_BELOW})(document.querySelector('article h1'));
  return {{
    sideways: document.documentElement.scrollWidth - window.innerWidth,
    emptyBelowTitle: title.empty,
    lineHeight: title.lineHeight,
  }};
}}"""


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a.strip("/") or "home")
def test_the_page_fits_a_phone(page, base_url, address):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + address)
    wait_until_mounted(page)
    for width in (390, 320):  # a common phone, then the narrowest Reflow asks for
        page.set_viewport_size({"width": width, "height": 844})
        page.wait_for_function("w => window.innerWidth === w", arg=width)
        found = page.evaluate(MEASURE)
        assert found["sideways"] <= 0, f"{address or 'home'} scrolls {found['sideways']} px sideways at {width} px"
        assert found["emptyBelowTitle"] < found["lineHeight"] / 2, \
            f"{address or 'home'}: the title has an empty line ({found['emptyBelowTitle']} px) under its words at {width} px"


# Lists a tool draws without bullets that still carry Material's list indent (its [dir=ltr] rules
# outrank a single class): they would sit inside the tool's own edge for no reason.
INDENTED_PLAIN_LISTS = """() => [...document.querySelectorAll('[data-guide-component] :is(ul, ol)')]
  .filter((list) => getComputedStyle(list).listStyleType === 'none')
  .flatMap((list) => [list, ...list.children])
  .filter((e) => parseFloat(getComputedStyle(e).marginLeft) > 0)
  .map((e) => `${e.localName}.${e.className}`)"""


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a.strip("/") or "home")
def test_lists_without_bullets_in_tools_sit_flush(page, base_url, address):
    page.goto(base_url + address)
    wait_until_mounted(page)
    assert page.evaluate(INDENTED_PLAIN_LISTS) == [], f"{address or 'home'}: lists indented like bulleted ones"


# The headings with an empty line under their words of more than half a line (EMPTY_BELOW).
HEADINGS_WITH_AN_EMPTY_LINE = f"""() => [...document.querySelectorAll('article :is(h2, h3, h4)')]
  .filter((heading) => {{ const found = ({EMPTY_BELOW})(heading); return found && found.empty > found.lineHeight / 2; }})
  .map((heading) => heading.textContent.trim())"""


@pytest.fixture(scope="module")
def touch_phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a.strip("/") or "home")
def test_on_a_touch_phone_headings_take_only_the_lines_their_words_need(touch_phone, base_url, address):
    touch_phone.goto(base_url + address)
    touch_phone.wait_for_load_state("load")
    assert touch_phone.evaluate(HEADINGS_WITH_AN_EMPTY_LINE) == [], f"{address or 'home'}: empty line under"
