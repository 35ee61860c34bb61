"""What a screen reader hears: each tool has one polite live region for its results (offer totals
and the highest, the plan, a story saved or deleted and the count, readiness counts, thank-you
actions, a confirm question) and one alert, used only for errors; bad fields are marked
aria-invalid and name their message with aria-describedby. axe finds nothing in either scheme
with the errors showing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros import offers, planner, stories, thank_you
from tests.browser.support import GUIDE_TOOLS, violations_in_both_schemes
from tests.pages import PAGES

POLITE = "[data-guide-announce]"
ALERT = "[data-guide-alert]"
# The tools a reader types into or acts on, by the page that shows them.
TOOLS = {"offer/": ["offers"], "follow-up/": ["planner", "thank-you"], "background/": ["stories"],
         "cheat-sheet/": ["cheat-sheet"], "": ["readiness"]}


def test_each_tool_has_one_polite_region_and_alerts_only_for_errors(soup_of):
    assert set(TOOLS) <= set(PAGES) | {""}
    for address, features in TOOLS.items():
        page = soup_of(address)
        for feature in features:
            roots = [r for r in page.select(f'[data-guide-component="{feature}"]')
                     if not r.has_attr("data-stories-coverage") and not r.has_attr("data-story-titles")]
            assert roots, f"{feature} missing from {address or 'home'}"
            for root in roots:
                polite = root.select('[aria-live="polite"], [role="status"]')
                assert len(polite) == 1 and polite[0].has_attr("data-guide-announce"), (feature, polite)
                alerts = root.select('[role="alert"], [aria-live="assertive"]')
                # The tool's error alert, and the storage notice (an error: nothing can be kept).
                assert all(a.has_attr("data-guide-alert") or a.has_attr("data-storage-notice") for a in alerts)
                assert len(root.select(ALERT)) <= 1


def field(page, offer: int, key: str):
    return page.locator(f'[data-offers-field="{key}"][data-offers-offer="{offer}"]')


def described(page, locator) -> str:
    ids = locator.get_attribute("aria-describedby").split()
    return " ".join(page.locator(f"#{i}").inner_text() for i in ids)


def test_offers_say_the_totals_and_the_highest_and_alert_an_error(page, base_url):
    page.goto(base_url + "offer/")
    page.wait_for_selector("[data-offers][data-offers-ready]")
    tool = page.locator("[data-offers]")
    field(page, 1, "name").fill("Northwind")
    field(page, 1, "base").fill("60,000")
    field(page, 2, "base").fill("62000")
    field(page, 2, "base").blur()
    first = offers.CONFIG["totalNames"]["firstYear"]
    expect(tool.locator(POLITE)).to_have_text(re.compile(
        re.escape(f"{first}: Northwind 60,000; offer 2 62,000, the highest.")))
    expect(tool.locator(ALERT)).to_be_hidden()
    # An error: marked, described, said once by the alert.
    field(page, 1, "base").fill("60.000")
    field(page, 1, "base").blur()
    message = offers.CONFIG["ambiguous"].format(decimal=".")
    expect(field(page, 1, "base")).to_have_attribute("aria-invalid", "true")
    assert message in described(page, field(page, 1, "base"))
    expect(tool.locator(ALERT)).to_have_text(message)
    expect(tool.locator(ALERT)).to_have_attribute("role", "alert")
    field(page, 1, "bonus").fill("250")
    field(page, 1, "bonus").blur()
    expect(tool.locator(ALERT)).to_have_text(offers.CONFIG["overPercent"])
    field(page, 1, "base").fill("60,000")
    field(page, 1, "bonus").fill("10")
    field(page, 1, "bonus").blur()
    expect(tool.locator(ALERT)).to_be_hidden()
    expect(field(page, 1, "base")).to_have_attribute("aria-invalid", "false")
    # The confirm step is said, not only written on the button.
    page.click("[data-offers-clear]")
    expect(tool.locator(POLITE)).to_have_text(page.get_attribute("[data-offers-clear]", "data-confirm"))


def test_planner_says_the_plan_and_alerts_bad_dates(page, base_url):
    page.goto(base_url + "follow-up/")
    page.wait_for_selector("[data-planner][data-planner-ready]", state="attached")
    tool = page.locator("[data-planner]")
    date = tool.locator('[data-planner-field="date"]')
    date.fill("2026-11-30")
    expect(tool.locator(POLITE)).to_have_text(re.compile(r"^Your plan is ready: 7 steps, from .+2026 to .+2026\.$"))
    date.fill("9999-12-31")
    expect(tool.locator(ALERT)).to_have_text(planner.PLANNER_WORDS["years"])
    expect(date).to_have_attribute("aria-invalid", "true")
    assert planner.PLANNER_WORDS["years"] in described(page, date)
    date.fill("2026-11-30")
    tool.locator('[data-planner-field="decision"]').fill("2026-11-02")
    expect(tool.locator(ALERT)).to_have_text(planner.PLANNER_WORDS["before"])
    expect(tool.locator('[data-planner-field="decision"]')).to_have_attribute("aria-invalid", "true")
    tool.locator('[data-planner-field="decision"]').fill("")
    expect(tool.locator(ALERT)).to_be_hidden()
    # The drafter, on the same page: its actions are said in its own region.
    drafter = page.locator("[data-thankyou]")
    drafter.locator("[data-thankyou-add]").click()
    expect(drafter.locator(POLITE)).to_have_text(thank_you.THANK_YOU_WORDS["added"].format(n=2))
    drafter.locator("[data-thankyou-card]:not([hidden]) [data-thankyou-remove]").last.click()
    expect(drafter.locator(POLITE)).to_have_text(thank_you.THANK_YOU_WORDS["removed"].format(n=1))


def test_story_bank_says_saves_deletes_the_count_and_the_confirm_step(page, base_url):
    page.goto(base_url + "background/")
    page.wait_for_selector("[data-stories][data-stories-ready]")
    bank = page.locator("[data-stories]")
    bank.locator("[data-stories-save]").click()
    expect(bank.locator(ALERT)).to_have_text(stories.CONFIG["needsTitle"])
    expect(bank.locator('[data-stories-field="title"]')).to_have_attribute("aria-invalid", "true")
    bank.locator('[data-stories-field="title"]').fill("Rescued a late launch")
    bank.locator("[data-stories-save]").click()
    count = stories.CONFIG["count"].format(count=1, most=stories.MAX_STORIES)
    expect(bank.locator(POLITE)).to_have_text(f"{stories.CONFIG['saved']} {count}")
    expect(bank.locator(ALERT)).to_be_hidden()
    delete = bank.locator("[data-stories-delete]")
    delete.click()
    expect(bank.locator(POLITE)).to_have_text(
        f"{delete.get_attribute('data-confirm')} {delete.get_attribute('data-confirm-said')}")
    delete.click()
    count = stories.CONFIG["count"].format(count=0, most=stories.MAX_STORIES)
    expect(bank.locator(POLITE)).to_have_text(f"{stories.CONFIG['deleted']} {count}")


ERRORS = {
    "offer/": lambda page: (field(page, 1, "base").fill("52.000"), field(page, 1, "base").blur()),
    "follow-up/": lambda page: page.fill('[data-planner-field="date"]', "9999-12-31"),
    "background/": lambda page: page.click("[data-stories-save]"),
}


@pytest.mark.parametrize("address", list(ERRORS), ids=lambda a: a.strip("/"))
def test_axe_with_the_errors_showing(page, base_url, address):
    page.goto(base_url + address)
    page.wait_for_selector("[data-guide-mounted]", state="attached")
    ERRORS[address](page)
    expect(page.locator(f"{ALERT}:not([hidden])")).to_have_count(1)
    found = violations_in_both_schemes(page, GUIDE_TOOLS)
    assert not found, f"{address}:\n" + "\n".join(found)
