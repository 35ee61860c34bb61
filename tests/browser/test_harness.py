"""The harness: it stops with one line saying how to get a browser when none can start, and a
borrowed tab (support.ReusedTabs) comes back to the next test with nothing of the last one."""

from __future__ import annotations

import pytest

from tests.browser.support import ReusedTabs
from tools import sitekit

STORED = "[localStorage.length, sessionStorage.length]"


def test_no_browser_stops_with_one_line_saying_how_to_get_one(monkeypatch, playwright):
    monkeypatch.setattr(sitekit, "find_chromium", lambda: "/nonexistent/chromium")
    with pytest.raises(RuntimeError) as caught:
        sitekit.launch_chromium(playwright)
    message = str(caught.value)
    assert "\n" not in message
    assert "apt-get install chromium" in message and "playwright install chromium" in message


@pytest.mark.parametrize("left_on", ["offer/", "about:blank"], ids=["on-the-site", "elsewhere"])
def test_a_borrowed_tab_comes_back_empty(browser, base_url, left_on):
    tabs = ReusedTabs(browser, base_url)
    try:
        tab = tabs.lend("dark")
        tab.goto(base_url + "offer/")
        tab.wait_for_selector("[data-offers][data-offers-ready]", state="attached")
        tab.fill('[data-offers-field="name"][data-offers-offer="1"]', "Northwind")  # the tool saves it
        tab.evaluate("sessionStorage.setItem('left', 'behind')")
        stored = tab.evaluate(STORED)
        assert stored[0] > 0 and stored[1] > 0
        tab.context.new_page()  # a second tab of the test's
        tab.set_viewport_size({"width": 390, "height": 800})
        tab.goto(left_on if left_on.startswith("about:") else base_url + left_on)
        tabs.take_back("dark")

        again = tabs.lend("dark")
        assert again is tab and again.url == "about:blank"
        assert len(again.context.pages) == 1
        assert again.viewport_size == {"width": 1280, "height": 720}
        again.goto(base_url + "robots.txt")
        assert again.evaluate(STORED) == [0, 0]
        assert again.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    finally:
        tabs.close()


def test_a_borrowed_tab_given_a_listener_is_replaced(browser, base_url):
    tabs = ReusedTabs(browser, base_url)
    try:
        tab = tabs.lend("light")
        heard = []
        tab.on("console", lambda message: heard.append(message.text))
        tabs.take_back("light")
        again = tabs.lend("light")
        assert again is not tab and tab.is_closed()
        again.goto(base_url + "robots.txt")
        again.evaluate("console.log('to nobody')")
        assert heard == []
    finally:
        tabs.close()
