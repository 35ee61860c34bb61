"""The offer comparison on /offer/: its number logic in Chromium, then a reader comparing offers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pdfplumber
import pytest
from playwright.sync_api import expect

from tests.browser.support import DENIED, GUIDE_TOOLS, one_page, page_with_storage, via_link_and_back, violations_in_both_schemes

KEY = "second-interview-guide:v1"


def field(page, offer: int, key: str):
    return page.locator(f'[data-offers-field="{key}"][data-offers-offer="{offer}"]')


def total(page, kind: str, offer: int):
    return page.locator(f'[data-offers-total="{kind}"][data-offers-offer="{offer}"]')


def error(page, offer: int, key: str):
    return page.locator(f'[data-offers-error="{key}"][data-offers-offer="{offer}"]')


# The table's configuration, as the page carries it (macros/offers.py writes it).
OFFERS = "window.SecondInterviewGuide.tools.offers"
CONFIG = "JSON.parse(document.querySelector('[data-offers]').getAttribute('data-offers-config'))"


@pytest.fixture
def offer_page(page, base_url):
    page.goto(base_url + "offer/")
    page.wait_for_selector("[data-offers][data-offers-ready]")
    return page


@pytest.fixture(scope="module")
def logic(browser, base_url):
    """One page load for every test of the comparison's pure functions."""
    with one_page(browser, base_url + "offer/", "[data-offers][data-offers-ready]") as page:
        yield page


# ---------- the pure logic, run in the page ----------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("52000", 52000), ("52,000", 52000), ("52 000", 52000), ("$52,000", 52000), ("€52000", 52000),
        ("£1,234.50", 1234.5), ("¥7", 7), (" 0 ", 0), ("0", 0), (".5", 0.5), ("1234.", 1234),
        ("52\u00a0000", 52000), ("999999999999", 999999999999), ("€52.000", "NaN"),
        ("", None), ("   ", None),
        ("abc", "NaN"), ("-5", "NaN"), ("1e9", "NaN"), ("5$", "NaN"), ("$", "NaN"), (",", "NaN"),
        ("1.2.3", "NaN"), ("$$5", "NaN"), ("Infinity", "NaN"), ("1000000000000", "NaN"), ("9" * 400, "NaN"),
    ],
)
def test_parse_amount(logic, text, expected):
    result = logic.evaluate(
        f"t => {{ const v = {OFFERS}.parseAmount(t, {CONFIG});"
        " return Number.isNaN(v) ? 'NaN' : v; }", text)
    assert result == expected


def totals(page, fields: dict) -> dict:
    return page.evaluate(f"f => {OFFERS}.offerTotals(f, {CONFIG})", fields)


BAD = "Enter a number of 0 or more, such as 52000"


def test_offer_totals_add_everything_and_sign_on_only_once(logic):
    result = totals(logic, {
        "base": "50,000", "bonus": "10", "bonusUnit": "percent", "commission": "2000", "equity": "$3,000",
        "signOn": "5000", "retirement": "4", "retirementUnit": "percent", "pto": "25", "other": "1500",
    })
    # 50,000 + 5,000 bonus + 2,000 + 3,000 + 2,000 match + 1,500; paid time off is days, not money.
    assert result == {"used": True, "errors": {}, "ongoing": 63500, "firstYear": 68500}


@pytest.mark.parametrize(
    "fields, first_year, ongoing, errors",
    [
        ({}, 0, 0, {}),
        ({"bonusUnit": "amount", "retirementUnit": "percent"}, 0, 0, {}),
        ({"name": "Acme"}, None, None, {"base": "Enter the base salary"}),
        ({"bonus": "5000", "bonusUnit": "amount"}, None, None, {"base": "Enter the base salary"}),
        ({"base": "0"}, 0, 0, {}),
        ({"base": "0", "bonus": "15", "bonusUnit": "percent"}, 0, 0, {}),
        ({"base": "40000", "bonus": "15%", "bonusUnit": "percent"}, 46000, 46000, {}),
        ({"base": "40000", "bonus": "2500", "bonusUnit": "amount"}, 42500, 42500, {}),
        ({"base": "40000.5", "other": "0.25"}, 40000.75, 40000.75, {}),
        ({"base": "-1"}, None, None, {"base": BAD}),
        ({"base": "abc", "equity": "-3"}, None, None, {"base": BAD, "equity": BAD}),
        ({"base": "50000", "pto": "lots"}, None, None, {"pto": BAD}),
        ({"base": "50000", "bonus": "1e9"}, None, None, {"bonus": BAD}),
        ({"base": "999,999,999,999", "signOn": "999999999999", "other": "999999999999"},
         2999999999997, 1999999999998, {}),
        ({"base": "50000", "bonus": "ten", "bonusUnit": "amount"}, None, None, {"bonus": BAD}),
        ({"base": 50000}, 0, 0, {}),  # not a string, so ignored: the offer is not in use
    ],
)
def test_offer_totals_edges(logic, fields, first_year, ongoing, errors):
    result = totals(logic, fields)
    assert result["firstYear"] == first_year and result["ongoing"] == ongoing
    assert result["errors"] == errors


def test_offer_totals_survive_wrong_shapes(logic):
    for value in ("null", "undefined", "[]", "'text'", "42"):
        result = logic.evaluate(f"{OFFERS}.offerTotals({value}, {CONFIG})")
        assert result == {"used": False, "errors": {}, "firstYear": 0, "ongoing": 0}


# ---------- a reader using the table ----------

def fill_two_offers(page):
    field(page, 1, "name").fill("Northwind")
    field(page, 1, "base").fill("60,000")
    field(page, 1, "bonus").fill("10")  # % of base, the default
    field(page, 1, "signOn").fill("$5,000")
    field(page, 1, "pto").fill("25")
    field(page, 2, "name").fill("Contoso")
    field(page, 2, "base").fill("62000")
    field(page, 2, "bonusUnit").select_option("amount")
    field(page, 2, "bonus").fill("3000")
    field(page, 2, "retirement").fill("5")
    field(page, 2, "retirementUnit").select_option("percent")


def expect_two_offers(page):
    # Northwind: 60,000 + 6,000 = 66,000 ongoing, 71,000 first year.
    # Contoso: 62,000 + 3,000 + 3,100 = 68,100 ongoing and first year.
    expect(total(page, "firstYear", 1)).to_have_text("71,000 highest")
    expect(total(page, "firstYear", 2)).to_have_text("68,100 2,900 less")
    expect(total(page, "ongoing", 1)).to_have_text("66,000 2,100 less")
    expect(total(page, "ongoing", 2)).to_have_text("68,100 highest")
    expect(total(page, "firstYear", 1)).to_have_class("sig-offers__best")
    expect(total(page, "ongoing", 2)).to_have_class("sig-offers__best")
    expect(total(page, "firstYear", 2)).not_to_have_class("sig-offers__best")
    expect(total(page, "firstYear", 3)).to_have_text("")  # a column not in use shows nothing


def test_compare_two_offers_and_reload(offer_page):
    fill_two_offers(offer_page)
    expect_two_offers(offer_page)
    offer_page.reload()
    expect(field(offer_page, 1, "name")).to_have_value("Northwind")
    expect(field(offer_page, 1, "signOn")).to_have_value("$5,000")
    expect(field(offer_page, 2, "bonusUnit")).to_have_value("amount")
    expect_two_offers(offer_page)


def test_one_offer_is_totalled_without_a_highest_mark(offer_page):
    field(offer_page, 2, "base").fill("45000")
    expect(total(offer_page, "ongoing", 2)).to_have_text("45,000")
    assert offer_page.locator(".sig-offers__best").count() == 0


def test_equal_offers_are_both_highest(offer_page):
    field(offer_page, 1, "base").fill("50000")
    field(offer_page, 3, "base").fill("50,000")
    expect(total(offer_page, "ongoing", 1)).to_have_text("50,000 highest")
    expect(total(offer_page, "ongoing", 3)).to_have_text("50,000 highest")


def test_a_bad_field_shows_its_message_and_never_nan(offer_page):
    fill_two_offers(offer_page)
    field(offer_page, 2, "equity").fill("-300")
    expect(error(offer_page, 2, "equity")).to_have_text(BAD)
    expect(field(offer_page, 2, "equity")).to_have_attribute("aria-invalid", "true")
    expect(total(offer_page, "firstYear", 2)).to_have_text("Fix the fields marked")
    expect(total(offer_page, "ongoing", 2)).to_have_text("Fix the fields marked")
    # With one valid offer left, it is no longer compared with anything.
    expect(total(offer_page, "firstYear", 1)).to_have_text("71,000")
    field(offer_page, 1, "other").fill("9" * 24)
    field(offer_page, 3, "bonus").fill("abc")
    expect(error(offer_page, 3, "bonus")).to_have_text(BAD)
    expect(error(offer_page, 3, "base")).to_have_text("Enter the base salary")
    text = offer_page.locator("body").inner_text()
    assert "NaN" not in text and "Infinity" not in text and "undefined" not in text
    # Fixing the field clears its message and brings the totals back.
    field(offer_page, 2, "equity").fill("300")
    expect(error(offer_page, 2, "equity")).to_have_text("")
    expect(field(offer_page, 2, "equity")).to_have_attribute("aria-invalid", "false")
    expect(total(offer_page, "ongoing", 2)).to_have_text("68,400")


def test_empty_base_in_a_used_column(offer_page):
    field(offer_page, 1, "name").fill("Only a name")
    expect(error(offer_page, 1, "base")).to_have_text("Enter the base salary")
    expect(total(offer_page, "ongoing", 1)).to_have_text("Fix the fields marked")
    field(offer_page, 1, "name").fill("")
    expect(error(offer_page, 1, "base")).to_have_text("")
    expect(total(offer_page, "ongoing", 1)).to_have_text("")


def test_clear_needs_a_second_click(offer_page):
    fill_two_offers(offer_page)
    clear = offer_page.locator("[data-offers-clear]")
    clear.click()
    expect(clear).to_have_text("Clear for good?")
    expect(field(offer_page, 1, "base")).to_have_value("60,000")
    clear.click()
    expect(field(offer_page, 1, "base")).to_have_value("")
    expect(field(offer_page, 2, "bonusUnit")).to_have_value("percent")
    offer_page.reload()
    expect(field(offer_page, 2, "name")).to_have_value("")


def test_clear_question_is_taken_back_when_leaving_the_button(offer_page):
    field(offer_page, 1, "base").fill("1")
    clear = offer_page.locator("[data-offers-clear]")
    clear.click()
    field(offer_page, 1, "base").click()
    expect(clear).to_have_text("Clear the table")
    clear.click()
    expect(field(offer_page, 1, "base")).to_have_value("1")


def test_export_clear_import_carries_the_offers(offer_page, base_url):
    fill_two_offers(offer_page)
    offer_page.goto(base_url)
    with offer_page.expect_download() as info:
        offer_page.click("[data-progress-export]")
    path = info.value.path()
    exported = json.loads(Path(path).read_text())
    assert exported["tools"]["offers"][0]["name"] == "Northwind"
    offer_page.evaluate("localStorage.clear()")
    offer_page.goto(base_url + "offer/")
    expect(field(offer_page, 1, "name")).to_have_value("")
    offer_page.goto(base_url)
    offer_page.set_input_files("[data-progress-import]", path)
    expect(offer_page.locator("[data-progress-message]")).to_contain_text("Progress restored")
    offer_page.goto(base_url + "offer/")
    expect_two_offers(offer_page)


def test_wrong_shapes_in_storage_are_ignored(page, base_url):
    page.goto(base_url)
    junk = {"checklists": {}, "notes": {}, "tools": {"offers": [None, 7, {"base": 5, "name": ["x"],
             "bonusUnit": "weekly", "other": "1000"}, {"base": "9"}]}}
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(junk))})")
    page.goto(base_url + "offer/")
    expect(field(page, 3, "other")).to_have_value("1000")
    expect(field(page, 3, "bonusUnit")).to_have_value("percent")
    expect(field(page, 1, "base")).to_have_value("")
    expect(error(page, 3, "base")).to_have_text("Enter the base salary")
    assert page.locator('[data-offers-offer="4"]').count() == 0


def test_storage_denied_still_compares_for_the_visit(context, base_url):
    page = page_with_storage(context, DENIED)
    page.goto(base_url + "offer/")
    fill_two_offers(page)
    expect_two_offers(page)
    expect(page.locator("[data-offers] [data-storage-notice]")).to_contain_text("cannot be saved")
    via_link_and_back(page, "salary/", "offer/")
    expect_two_offers(page)


def test_print_shows_the_values_without_buttons(offer_page):
    fill_two_offers(offer_page)
    offer_page.emulate_media(media="print")
    expect(offer_page.locator("[data-offers-clear]")).to_be_hidden()
    expect(offer_page.locator("[data-offers] table")).to_be_visible()
    expect(field(offer_page, 1, "name")).to_be_visible()
    pdf = offer_page.pdf(format="A4")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = " ".join(p.extract_text() or "" for p in document.pages)
    for value in ("Northwind", "60,000", "71,000", "highest", "2,900 less"):
        assert value in text, value
    assert "Clear the table" not in text


def test_axe_finds_no_violation_in_a_filled_table(page, base_url):
    page.goto(base_url + "offer/")
    fill_two_offers(page)
    field(page, 3, "commission").fill("lots")
    expect(error(page, 3, "commission")).to_have_text(BAD)
    found = violations_in_both_schemes(page, GUIDE_TOOLS)
    assert not found, "\n".join(found)
