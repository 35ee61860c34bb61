"""Tools most visits only look at (data-guide-wake, guide-wake.js): the page shows them as Python
rendered them, and their script loads when they are used. What the reader sees must not change
when it does, and nothing the reader did meanwhile may be lost."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros.planner import PART as PLANNER
from tests.browser.support import FIRST, all_tools_wait, key, part
from tests.pages import PAGES

pytestmark = pytest.mark.browser

WAITING = "[data-guide-waiting]"
# What a reader sees of a tool: its text, and each visible control's value and state (a script may
# keep hidden ones ready, such as the drafter's further cards).
SHOWN = """(root) => ({
  text: root.innerText,
  controls: [...root.querySelectorAll("input, select, textarea, button")].filter((c) => c.offsetParent).map((c) => [
    c.id || c.textContent, c.type === "checkbox" ? c.checked : c.value, c.disabled,
    c.getAttribute("aria-invalid"), c.tagName === "SELECT" ? [...c.options].map((o) => o.value + "=" + o.text) : null]),
})"""


def waiting_tools(soup_of) -> list[tuple[str, str]]:
    """(page address, CSS selector) of every tool that waits to be used, from the built pages: those
    on pages whose tools all wait (a page that loads one tool at once loads all of them)."""
    return [(address, f'[data-guide-component="{tool["data-guide-component"]}"]')
            for address in PAGES if all_tools_wait(soup_of(address))
            for tool in soup_of(address).select("[data-guide-component]")]


def hold_script(context, name: str) -> list:
    """Hold back the requests for a feature's script until the test lets them go (route.continue_)."""
    held = []
    context.route(re.compile(rf"/assets/guide/{re.escape(name)}\.min\.js$"), lambda route: held.append(route))
    return held


def open_waiting(context, base_url: str, address: str, tool: str, feature: str):
    """A tab on `address` whose `tool` waits to be used, with its feature's script held back: the
    tab, and the list the held request arrives in."""
    held = hold_script(context, feature)
    tab = context.new_page()
    tab.goto(base_url + address)
    tab.wait_for_selector(tool + WAITING, state="attached")
    return tab, held


def until(tab, condition, what: str) -> None:
    """Wait on a condition the page cannot see (a request held here), checking between short waits."""
    for _ in range(400):
        if condition():
            return
        tab.wait_for_timeout(25)
    raise AssertionError(f"timed out waiting for {what}")


def test_there_are_tools_that_wait(soup_of):
    assert waiting_tools(soup_of), "no page marks a tool data-guide-wake: this file tests nothing"


def test_a_tool_looks_the_same_before_and_after_its_script_arrives(context, base_url, soup_of):
    tab = context.new_page()
    for address, tool in waiting_tools(soup_of):
        tab.goto(base_url + address)
        tab.wait_for_selector(tool + WAITING, state="attached")
        root = tab.locator(tool).first
        before = root.evaluate(SHOWN)
        root.evaluate("(root) => ['pointerdown', 'pointerup'].forEach((type) => "
                      "root.dispatchEvent(new PointerEvent(type, { bubbles: true })))")  # a press, done
        expect(root).not_to_have_attribute("data-guide-waiting", "")
        expect(root).to_have_attribute("data-guide-mounted", "")
        assert root.evaluate(SHOWN) == before, f"{tool} on /{address} changed when its script arrived"


def test_what_is_typed_before_the_script_arrives_is_kept_and_saved(context, base_url):
    planner = "[data-planner]"
    tab, held = open_waiting(context, base_url, "follow-up/", planner, "planner")
    tab.fill('[data-planner-field="company"]', "Initech")
    tab.fill('[data-planner-field="date"]', "2030-06-14")
    until(tab, lambda: held, "the planner's script to be asked for")
    assert part(tab, FIRST, f"tool:{PLANNER.name}") is None, "premise: nothing saved while the script is held"
    held[0].continue_()
    expect(tab.locator(planner)).not_to_have_attribute("data-guide-waiting", "")
    expect(tab.locator('[data-planner-field="date"]')).to_have_value("2030-06-14")
    expect(tab.locator("[data-planner-steps] li").first).to_be_visible()
    tab.wait_for_function(
        "k => (localStorage.getItem(k) || '').includes('Initech')", arg=key("shared", f"application:{FIRST}"))


def test_a_button_pressed_before_the_script_arrives_is_pressed_once(context, base_url):
    drafter = "[data-thankyou]"
    tab, held = open_waiting(context, base_url, "follow-up/", drafter, "thank-you")
    tab.click(f"{drafter} [data-thankyou-add]")
    until(tab, lambda: held, "the drafter's script to be asked for")
    held[0].continue_()
    cards = tab.locator(f"{drafter} [data-thankyou-card]:visible")
    expect(cards).to_have_count(2)
    expect(tab.locator(drafter)).not_to_have_attribute("data-guide-waiting", "")
    expect(cards).to_have_count(2)  # and not a third once the page has settled
    assert cards.nth(1).locator('[data-thankyou-field="message"]').input_value()


def test_a_press_wakes_a_tool_once_it_is_released(context, base_url):
    """A press loads nothing until the button is up (guide-wake.js), so nothing moves under it; a
    select, whose list may take the release, wakes on the press itself."""
    tab = context.new_page()
    for address, control, tool in (("follow-up/", '[data-planner-field="company"]', "[data-planner]"),
                                   ("the-day/", "[data-application-switcher]", "[data-applications]")):
        tab.goto(base_url + address)
        tab.wait_for_selector(tool + WAITING, state="attached")
        field = tab.locator(control)
        field.scroll_into_view_if_needed()
        where = field.bounding_box()
        tab.mouse.move(where["x"] + 10, where["y"] + where["height"] / 2)
        tab.mouse.down()
        if field.evaluate("(e) => e.localName") != "select":
            tab.wait_for_load_state("networkidle")  # whatever the press might load has had its chance
            expect(tab.locator(tool)).to_have_attribute("data-guide-waiting", "")
        tab.mouse.up()
        tab.keyboard.press("Escape")  # a select's list, if it opened
        expect(tab.locator(tool)).not_to_have_attribute("data-guide-waiting", "")


def test_data_saved_in_another_tab_wakes_a_waiting_tool(context, base_url):
    watching, writing = context.new_page(), context.new_page()
    for tab in (watching, writing):
        tab.goto(base_url + "follow-up/")
        tab.wait_for_selector("[data-planner]" + WAITING, state="attached")
    writing.fill('[data-planner-field="date"]', "2030-06-14")
    expect(watching.locator('[data-planner-field="date"]')).to_have_value("2030-06-14")
    expect(watching.locator("[data-planner]")).not_to_have_attribute("data-guide-waiting", "")
