"""The offer comparison (/offer/) as a reader uses it: totals from the numbers typed, amounts
written the reader's way, the clear that can be undone, an offer linked to an application that is
then deleted, and a phone's width with no sideways scrolling (one card of three columns per row).

Rows, totals, units, limits and words come from macros/offers.py; nothing is copied from data."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.offers import PART as OFFERS_PART
from macros.offers import AMOUNT, APPLICATION, BASE, CONFIG, OFFERS, PERCENT, ROWS, TOTALS, WHOLE_PERCENT
from tests.browser.support import key, open_page, part

pytestmark = pytest.mark.browser

ROOT = "[data-offers]"
SHARED = "shared"
PART = f"tool:{OFFERS_PART.name}"  # the offers are shared by every application
BAR = "[data-applications]"
STATUS = "[data-application-status]"
UNDO = f"{ROOT} [data-guide-undo]"
KINDS = {k: kind for k, _, _, kind in ROWS}
UNIT_OF = {k: unit for k, _, unit, _ in ROWS if unit}
# An amount with no unit and counted in every total, beside the base.
EVERY_YEAR = next(k for k, _, unit, kind in ROWS if kind == "yearly" and not unit and k != BASE)
# One amount counted only in some totals (the sign-on bonus), one in none (days off).
SOME = next(k for k, _, unit, kind in ROWS if not unit and any(kind not in kinds for _, _, kinds in TOTALS)
            and any(kind in kinds for _, _, kinds in TOTALS))
NONE = next(k for k, _, unit, kind in ROWS if not any(kind in kinds for _, _, kinds in TOTALS))
WITH_UNIT = next(iter(UNIT_OF))


def field(n: int, name: str) -> str:
    return f'{ROOT} [data-offers-field="{name}"][data-offers-offer="{n}"]'


def total_cell(kind: str, n: int) -> str:
    return f'{ROOT} [data-offers-total="{kind}"][data-offers-offer="{n}"]'


def ready(page, url: str) -> None:
    open_page(page, url, f"{ROOT}[data-offers-ready]")


def expected_totals(numbers: dict, units: dict) -> dict:
    """Each total from macros/offers.py's rows: which amounts count where, percentages of the base."""
    value = {k: numbers.get(k, 0) * (numbers[BASE] / WHOLE_PERCENT if units.get(UNIT_OF.get(k)) == PERCENT else 1)
             for k in KINDS}
    return {total: sum(v for k, v in value.items() if KINDS[k] in kinds) for total, _, kinds in TOTALS}


def shown(page, amount: float) -> str:
    """An amount as the page writes it in the browser's language (whole, since these are whole)."""
    return page.evaluate("n => n.toLocaleString(navigator.language, {maximumFractionDigits: 0})", amount)


def fill_offers(page, count: int = OFFERS) -> None:
    for n in range(1, count + 1):
        page.fill(field(n, "name"), f"Offer number {n}")
        page.fill(field(n, BASE), f"{50 + n},000")
        page.fill(field(n, SOME), "5 000")
    for n in range(1, count + 1):
        expect(page.locator(f"{total_cell(TOTALS[0][0], n)} [data-offers-sum]")).not_to_be_empty()


@pytest.mark.parametrize("locale, typed", [("en-US", "52,000"), ("en-US", "52 000"), ("fr-FR", "52 000"),
                                           ("de-DE", "52.000"), ("en-GB", "$52,000")])
def test_amounts_written_the_readers_way_are_read_as_that_amount(page, base_url, locale, typed):
    ready(page, base_url + "offer/")
    assert page.evaluate(
        "([t, c, l]) => window.SecondInterviewGuide.need('offers').then((x) => x.parseAmount(t, c, l))",
        [typed, CONFIG, locale]) == 52000
    # Never read two ways: where "." groups no digits, "52.000" is refused, not taken as 52.
    assert page.evaluate(
        "([c]) => window.SecondInterviewGuide.need('offers').then((x) => x.readAmount('52.000', c, 'en-US'))",
        [CONFIG]) == {"error": "ambiguous"}


def test_the_totals_add_what_each_row_counts_in(page, base_url):
    ready(page, base_url + "offer/")
    typed = {BASE: "60,000", WITH_UNIT: "10", EVERY_YEAR: "2 500", SOME: "$5,000", NONE: "25"}
    numbers = {BASE: 60000, WITH_UNIT: 10, EVERY_YEAR: 2500, SOME: 5000, NONE: 25}
    units = {UNIT_OF[WITH_UNIT]: PERCENT}
    want = expected_totals(numbers, units)
    result = page.evaluate(
        "([f, c]) => window.SecondInterviewGuide.need('offers').then((x) => x.offerTotals(f, c, 'en-US'))",
        [{"name": "Northwind", **typed, **units}, CONFIG])
    assert result["errors"] == {} and {k: result[k] for k in want} == want
    # The same numbers typed by a reader: the totals shown are those sums.
    for name, text in typed.items():
        page.locator(field(1, name)).press_sequentially(text)
    page.select_option(field(1, UNIT_OF[WITH_UNIT]), PERCENT)
    for total, _, _ in TOTALS:
        expect(page.locator(f"{total_cell(total, 1)} [data-offers-sum]")).to_have_text(shown(page, want[total]))
    # A second offer: the amount shown is what was added, the higher total is marked.
    page.fill(field(2, BASE), "61000")
    page.select_option(field(2, UNIT_OF[WITH_UNIT]), AMOUNT)
    page.fill(field(2, WITH_UNIT), "1000")
    second = expected_totals({BASE: 61000, WITH_UNIT: 1000}, {UNIT_OF[WITH_UNIT]: AMOUNT})
    for total, _, _ in TOTALS:
        expect(page.locator(f"{total_cell(total, 2)} [data-offers-sum]")).to_have_text(shown(page, second[total]))
        best = 1 if want[total] > second[total] else 2
        expect(page.locator(f"{total_cell(total, best)} [data-offers-note]")).to_have_text(CONFIG["highest"])
        expect(page.locator(total_cell(total, best))).to_have_class("sig-offers__best")
    assert "NaN" not in page.locator(ROOT).inner_text()


def test_clear_the_table_asks_then_undo_restores_exactly_what_was_stored(page, base_url):
    ready(page, base_url + "offer/")
    fill_offers(page)
    page.select_option(field(2, UNIT_OF[WITH_UNIT]), AMOUNT)
    page.wait_for_function("([k, v]) => (localStorage.getItem(k) || '').includes(v)",
                           arg=[key(SHARED, PART), AMOUNT])
    before = part(page, SHARED, PART)
    clear = page.locator(f"{ROOT} [data-offers-clear]")
    clear.click()
    expect(clear).to_have_text(clear.get_attribute("data-confirm"))  # asks first
    assert part(page, SHARED, PART) == before, "the first press changes nothing"
    clear.click()
    expect(page.locator(field(1, BASE))).to_have_value("")
    expect(page.locator(f"{ROOT} [data-guide-announce]")).to_contain_text(CONFIG["cleared"])
    assert part(page, SHARED, PART) == []
    undo = page.locator(UNDO)
    expect(undo).to_be_focused()
    undo.click()
    expect(page.locator(field(1, BASE))).to_have_value("51,000")
    assert part(page, SHARED, PART) == before
    expect(page.locator(field(2, UNIT_OF[WITH_UNIT]))).to_have_value(AMOUNT)
    page.reload()
    page.wait_for_selector(f"{ROOT}[data-offers-ready]", state="attached")
    expect(page.locator(field(OFFERS, "name"))).to_have_value(f"Offer number {OFFERS}")


def add_application(page, company: str, role: str) -> None:
    page.click("[data-application-add]")
    page.fill('[data-application-field="company"]', company)
    page.fill('[data-application-field="role"]', role)
    page.click("[data-application-save]")
    expect(page.locator(STATUS)).to_contain_text(company)


# Whether a select shows its chosen option whole: the width the browser gives the same select
# holding only that option (text, padding and arrow) against the width it has.
TEXT_FITS = """select => {
  const alone = select.cloneNode(false);
  alone.removeAttribute('id');
  alone.append(new Option(select.selectedOptions[0].textContent));
  alone.style.cssText = 'width: auto; min-width: 0; max-width: none; position: absolute; visibility: hidden';
  select.parentElement.append(alone);
  const need = alone.getBoundingClientRect().width;
  alone.remove();
  return need <= select.getBoundingClientRect().width + 0.5;
}"""


def test_deleting_a_linked_application_takes_it_out_of_the_offers_choices(page, base_url):
    page.set_viewport_size({"width": 390, "height": 844})
    ready(page, base_url + "offer/")
    add_application(page, "Globex", "Data analyst")  # names the untitled first application
    add_application(page, "Blue Harbor Health", "Operations coordinator")
    link = page.locator(field(1, APPLICATION))
    longest = "Blue Harbor Health (Operations coordinator)"
    expect(link.locator("option")).to_contain_text(["Globex (Data analyst)", longest])
    link.select_option(label=longest)
    expect(page.locator(field(1, "name"))).to_have_value("Blue Harbor Health")  # takes the company
    assert link.evaluate(TEXT_FITS), "the chosen application's name is cut at 390 px"
    page.fill(field(1, BASE), "50000")
    # Delete it from the applications bar (it is the current one), as the reader does.
    delete = page.locator(f"{BAR} [data-application-delete]")
    delete.click()
    delete.click()
    expect(page.locator(f"{STATUS} [data-guide-undo]")).to_be_visible()
    expect(link.locator("option")).to_have_count(2)  # "None" and the one left
    assert longest not in link.locator("option").all_inner_texts()
    expect(link).to_have_value("")
    expect(page.locator(field(1, BASE))).to_have_value("50000")  # the offer itself stays
    for n in range(2, OFFERS + 1):
        assert longest not in page.locator(field(n, APPLICATION)).locator("option").all_inner_texts()


@pytest.mark.parametrize("width", [320, 390])
def test_on_a_phone_every_total_is_on_screen_without_sideways_scrolling(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 844})
    ready(page, base_url + "offer/")
    fill_offers(page)
    assert page.locator(f"{ROOT} tfoot tr").first.evaluate("r => getComputedStyle(r).display") == "grid", \
        "a phone shows each row as a card of the offers, not a table row"
    assert page.evaluate("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")
    for total, _, _ in TOTALS:
        for n in range(1, OFFERS + 1):
            sum_ = page.locator(f"{total_cell(total, n)} [data-offers-sum]")
            sum_.scroll_into_view_if_needed()
            box = sum_.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, \
                f"the {total} of offer {n} reaches past the screen at {width} px: {box}"
    # The units ("% of base", "amount") fit a third of the screen.
    for select in page.locator(f"{ROOT} tbody select").all():
        for choice in (PERCENT, AMOUNT):
            select.select_option(choice)
            assert select.evaluate(TEXT_FITS), f"{select.get_attribute('id')} cuts its {choice} at {width} px"
    wrapper = page.locator(f"{ROOT} table").evaluate(
        "t => { const w = t.closest('.md-typeset__table') || t.parentElement; return w.scrollWidth - w.clientWidth; }")
    assert wrapper <= 0, "nothing inside the cards scrolls sideways either"


def test_on_a_wide_screen_the_offers_stand_side_by_side_in_a_table(page, base_url):
    page.set_viewport_size({"width": 1366, "height": 900})
    ready(page, base_url + "offer/")
    fill_offers(page)
    assert page.locator(f"{ROOT} tfoot tr").first.evaluate("r => getComputedStyle(r).display") == "table-row"
    for total, _, _ in TOTALS:
        boxes = [page.locator(total_cell(total, n)).bounding_box() for n in range(1, OFFERS + 1)]
        assert len({round(b["y"]) for b in boxes}) == 1, "each total's offers share one row"
        assert [b["x"] for b in boxes] == sorted(b["x"] for b in boxes), "offer 1, 2, 3 from left to right"
        assert all(b["x"] + b["width"] <= 1366 for b in boxes)
    assert page.evaluate("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")
