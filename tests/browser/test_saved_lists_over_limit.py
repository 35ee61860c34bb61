"""Saved offers and thank-you messages that hold more than their tool shows (from an import made
before imports were checked, or an edited entry) are shown cut, and the reader is told on the page
and by an alert; storage keeps the whole until the reader changes the tool."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from macros import offers, thank_you

NAME = thank_you.THANK_YOU_FIELDS[0]

# (page, the tool's root, its store, its saved-cut words, an entry, how many it shows, a field's
# key and limit)
TOOLS = {
    "offers": ("offer/", "[data-offers][data-offers-ready]", offers.CONFIG["store"], offers.SAVED_CUT,
               {"name": "Acme", "base": "52000"}, offers.OFFERS, "name", offers.NAME_LIMIT),
    "thank-you": ("follow-up/", "[data-thankyou][data-thankyou-ready]", thank_you.CONFIG["store"],
                  thank_you.SAVED_CUT, {NAME.key: "Sam Lee"}, thank_you.MOST_CARDS, NAME.key, NAME.limit),
}


def saved_list(entry: dict, count: int, long_field: str = "", limit: int = 0) -> list[dict]:
    entries = [dict(entry) for _ in range(count)]
    if long_field:
        entries[0][long_field] = "x" * (limit + 1)
    return entries


def open_with(page, base_url, tool: str, value: list[dict]) -> tuple[str, object]:
    address, root, store, *_ = TOOLS[tool]
    page.goto(base_url + address)
    page.wait_for_selector(root, state="attached")
    key = page.evaluate("store => window.SecondInterviewGuide.layout.keyOf('tool:' + store)", store)
    text = json.dumps(value)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, text])
    page.reload()
    page.wait_for_selector(root, state="attached")
    return key, page.locator(root)


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("case", ["too-many", "too-long"])
def test_more_than_the_tool_shows_is_said_and_kept_until_an_edit(page, base_url, tool, case):
    _, _, _, words, entry, most, field, limit = TOOLS[tool]
    value = saved_list(entry, most + 1) if case == "too-many" else saved_list(entry, 1, field, limit)
    key, root = open_with(page, base_url, tool, value)
    expect(root.locator("[data-guide-cut]")).to_be_visible()
    expect(root.locator("[data-guide-cut]")).to_have_text(words)
    expect(root.locator("[data-guide-alert]")).to_have_text(words)
    assert json.loads(page.evaluate("k => localStorage.getItem(k)", key)) == value  # nothing lost yet


@pytest.mark.parametrize("tool", TOOLS)
def test_a_list_within_the_limits_says_nothing(page, base_url, tool):
    _, _, _, _, entry, most, field, limit = TOOLS[tool]
    value = saved_list(entry, most)
    value[0][field] = "x" * limit
    _, root = open_with(page, base_url, tool, value)
    expect(root.locator("[data-guide-cut]")).to_be_hidden()
    expect(root.locator("[data-guide-alert]")).to_be_hidden()
