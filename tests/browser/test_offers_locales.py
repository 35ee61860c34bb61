"""The offer comparison reads numbers the way the reader writes them: the browser's language
(en-US and de-DE here) and unambiguous forms such as "52,000" and "52 000". A number that could
mean two amounts is refused with a message that says how to write it, never read as the smaller
one; a percentage of the base over 100 is refused; "highest" compares the totals as shown."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros.offers import CONFIG, WHOLE_PERCENT
from tests.browser.support import one_page, open_profile
from tests.browser.test_offers import error, field, total

OFFERS = "window.SecondInterviewGuide.tools.offers"
PAGE_CONFIG = "JSON.parse(document.querySelector('[data-offers]').getAttribute('data-offers-config'))"
AMBIGUOUS = "ambiguous"


@pytest.fixture(scope="module")
def logic(browser, base_url):
    """One page load for every reading below; each names the language it reads in."""
    with one_page(browser, base_url + "offer/", "[data-offers][data-offers-ready]") as page:
        yield page


def read(page, text: str, locale: str):
    result = page.evaluate(f"([t, l]) => {OFFERS}.readAmount(t, {PAGE_CONFIG}, l)", [text, locale])
    return result.get("error") or result["value"]


@pytest.mark.parametrize(
    "text, en_us, de_de",
    [
        ("52000", 52000, 52000),
        ("52,000", 52000, AMBIGUOUS),  # in German, 52 with three decimals or a typo for 52000
        ("52.000", AMBIGUOUS, 52000),  # the issue: read as 52 before
        ("€52.000", AMBIGUOUS, 52000),
        ("52 000", 52000, 52000),
        ("52\u202f000", 52000, 52000),  # a narrow no-break space, as French writes groups
        ("1.234,56", 1234.56, 1234.56),  # both marks: the last is the decimal mark
        ("1,234.56", 1234.56, 1234.56),
        ("1.234.567", 1234567, 1234567),  # a mark used twice groups
        ("1,234,567", 1234567, 1234567),
        ("5,2", AMBIGUOUS, 5.2),  # the issue: read as 52 before
        ("5.2", 5.2, AMBIGUOUS),
        ("52,5", AMBIGUOUS, 52.5),
        ("0.500", 0.5, AMBIGUOUS),  # "0" cannot lead a group, so the dot is a decimal mark
        ("1234.500", 1234.5, AMBIGUOUS),  # four digits before: not a group either
        ("1234,5", AMBIGUOUS, 1234.5),
        ("52 000,50", AMBIGUOUS, 52000.5),
        ("52 000.50", 52000.5, AMBIGUOUS),
        (".5", 0.5, AMBIGUOUS),
        (",5", AMBIGUOUS, 0.5),
        ("1.2.3", "bad", "bad"), ("1,23,456", "bad", "bad"), ("1.234,5,6", "bad", "bad"),
        ("5 2", "bad", "bad"), ("1e9", "bad", "bad"), ("-5", "bad", "bad"), ("", None, None),
    ],
)
def test_reading_in_en_us_and_de_de(logic, text, en_us, de_de):
    assert read(logic, text, "en-US") == en_us
    assert read(logic, text, "de-DE") == de_de


def test_the_marks_come_from_the_language(logic):
    marks = logic.evaluate(f"['en-US', 'de-DE', 'fr-FR'].map(l => {OFFERS}.separators(l))")
    assert marks[0] == {"group": ",", "decimal": "."}
    assert marks[1] == {"group": ".", "decimal": ","}
    assert marks[2]["decimal"] == ","


def totals(page, fields: dict, locale: str) -> dict:
    return page.evaluate(f"([f, l]) => {OFFERS}.offerTotals(f, {PAGE_CONFIG}, l)", [fields, locale])


def test_an_ambiguous_amount_is_refused_with_how_to_write_it(logic):
    result = totals(logic, {"base": "52.000"}, "en-US")
    assert result["firstYear"] is None
    message = result["errors"]["base"]
    assert message == CONFIG["ambiguous"].format(decimal=".")
    assert "52000" in message and "52000.50" in message  # how to write it, in the reader's marks
    assert totals(logic, {"base": "52,000"}, "de-DE")["errors"]["base"] == CONFIG["ambiguous"].format(decimal=",")


@pytest.mark.parametrize("unit, percent, refused", [("bonusUnit", "bonus", True), ("retirementUnit", "retirement", True)])
def test_a_percentage_over_the_whole_base_is_refused(logic, unit, percent, refused):
    over = totals(logic, {"base": "50000", percent: f"{WHOLE_PERCENT + 150}", unit: "percent"}, "en-US")
    assert over["errors"] == {percent: CONFIG["overPercent"]} and over["ongoing"] is None
    whole = totals(logic, {"base": "50000", percent: f"{WHOLE_PERCENT}%", unit: "percent"}, "en-US")
    assert whole["errors"] == {} and whole["ongoing"] == 100000
    # As an amount, the same figure is simply added.
    amount = totals(logic, {"base": "50000", percent: f"{WHOLE_PERCENT + 150}", unit: "amount"}, "en-US")
    assert amount["errors"] == {} and amount["ongoing"] == 50000 + WHOLE_PERCENT + 150


# ---------- a reader typing in their own language ----------

@pytest.fixture(params=["en-US", "de-DE"])
def reader(request, browser, base_url):
    context = open_profile(browser, locale=request.param)  # an uncaught error fails the test
    page = context.new_page()
    page.goto(base_url + "offer/")
    page.wait_for_selector("[data-offers][data-offers-ready]")
    page.locale = request.param
    yield page
    context.close()


def test_typing_in_the_readers_language(reader):
    german = reader.locale == "de-DE"
    field(reader, 1, "base").fill("52.000")
    field(reader, 2, "base").fill("1.234,56")
    field(reader, 3, "base").fill("5,2")
    if german:
        expect(total(reader, "ongoing", 1)).to_have_text("52.000 highest")
        expect(total(reader, "ongoing", 2)).to_have_text("1.234,56 50.765,44 less")
        expect(total(reader, "ongoing", 3)).to_contain_text("5,20")
        expect(error(reader, 1, "base")).to_have_text("")
    else:
        # 52.000 is not read as 52: it is refused, and 1.234,56 (both marks) is the highest.
        expect(error(reader, 1, "base")).to_have_text(CONFIG["ambiguous"].format(decimal="."))
        expect(field(reader, 1, "base")).to_have_attribute("aria-invalid", "true")
        expect(total(reader, "ongoing", 1)).to_have_text(CONFIG["fix"])
        expect(total(reader, "ongoing", 2)).to_have_text("1,234.56")  # the only one left to compare
        expect(error(reader, 3, "base")).to_have_text(CONFIG["ambiguous"].format(decimal="."))
        field(reader, 1, "base").fill("52,000")
        expect(total(reader, "ongoing", 1)).to_have_text("52,000 highest")
        expect(total(reader, "ongoing", 2)).to_have_text("1,234.56 50,765.44 less")
        expect(field(reader, 1, "base")).to_have_attribute("aria-invalid", "false")


@pytest.mark.parametrize(
    "first, second, marked, note",
    [
        ("100.4", "100.45", [2], "0.05 less"),  # shown as 100.40 and 100.45: only the larger
        ("100.0049", "100", [1, 2], "highest"),  # both shown as 100: both highest
    ],
)
def test_highest_compares_the_totals_as_shown(logic, first, second, marked, note):
    page = logic
    field(page, 1, "base").fill(first)
    field(page, 2, "base").fill(second)
    for n in (1, 2):
        best = expect(total(page, "ongoing", n))
        if n in marked:
            best.to_have_class(re.compile("sig-offers__best"))
        else:
            best.not_to_have_class(re.compile("sig-offers__best"))
    texts = [total(page, "ongoing", n).locator("[data-offers-sum]").inner_text() for n in (1, 2)]
    if len(marked) == 2:
        assert texts[0] == texts[1], "both are highest, so both must look the same"
    else:
        assert texts[0] != texts[1], texts
    expect(total(page, "ongoing", 1).locator("[data-offers-note]")).to_have_text(note)
    page.evaluate("localStorage.clear()")
