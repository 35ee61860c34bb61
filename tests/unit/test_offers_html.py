"""The offer comparison's HTML: one labelled column per offer, messages linked, totals in place."""

from __future__ import annotations

from collections import Counter

from bs4 import BeautifulSoup

from macros.applications import FIRST_ID
from macros.offers import APPLICATION, OFFERS, ROWS, TOTALS, render_offer_comparison

AMOUNT_KEYS = [key for key, *_ in ROWS]


def soup():
    return BeautifulSoup(render_offer_comparison(), "html.parser")


def test_three_columns_each_with_every_field():
    root = soup().select_one("[data-offers]")
    assert root is not None and OFFERS == 3
    for offer in ("1", "2", "3"):
        fields = [f["data-offers-field"] for f in root.select(f'[data-offers-field][data-offers-offer="{offer}"]')]
        assert fields.count("name") == 1
        assert set(AMOUNT_KEYS) <= set(fields)
        assert {unit for _, _, unit, _ in ROWS if unit} <= set(fields)


def test_every_field_has_a_real_label_and_ids_are_unique():
    page = soup()
    ids = [el["id"] for el in page.select("[id]")]
    assert not [i for i, n in Counter(ids).items() if n > 1]
    fields = page.select("input, select")
    units = sum(1 for _, _, unit, _ in ROWS if unit)
    assert len(fields) == OFFERS * (1 + len(ROWS) + units + 1)  # name, amounts, units, application
    for field in fields:
        label = page.select_one(f'label[for="{field["id"]}"]')
        assert label is not None and label.get_text(strip=True), field["id"]
    # The name fields' labels are visible; the body's are named by the row and column headers.
    for name in page.select('[data-offers-field="name"]'):
        assert "sig-vh" not in page.select_one(f'label[for="{name["id"]}"]').get("class", [])


def test_each_amount_has_a_message_slot_linked_not_live():
    page = soup()
    for field in page.select('input[data-offers-field]:not([data-offers-field="name"])'):
        slot = page.find(id=field["aria-describedby"])
        assert slot is not None
        assert slot["data-offers-error"] == field["data-offers-field"]
        assert slot["data-offers-offer"] == field["data-offers-offer"]
        # The tool's one alert says an error once; twenty-four live slots would each speak.
        assert not slot.has_attr("role") and not slot.has_attr("aria-live")


def test_units_offer_percent_of_base_or_amount():
    for select in soup().select("select[data-offers-field]:not([data-offer-application])"):
        options = [(o["value"], o.get_text()) for o in select.select("option")]
        assert options == [("percent", "% of base"), ("amount", "amount")]


def test_totals_rows_have_a_cell_per_offer():
    page = soup()
    for key, header, _ in TOTALS:
        cells = page.select(f'[data-offers-total="{key}"]')
        assert [c["data-offers-offer"] for c in cells] == ["1", "2", "3"]
        for cell in cells:
            # The script writes the sum and the comparison into their own slots.
            assert len(cell.select("[data-offers-sum]")) == 1 and len(cell.select("[data-offers-note]")) == 1
        assert page.find("th", string=header)["scope"] == "row"


def test_buttons_are_buttons_and_the_table_is_described():
    page = soup()
    clear = page.select_one("[data-offers-clear]")
    assert clear.name == "button" and clear["type"] == "button"
    assert clear["data-confirm"] == "Clear for good?"
    assert page.find("caption").get_text(strip=True)
    hint = page.find(id=page.find("table")["aria-describedby"])
    assert "52,000" in hint.get_text() and "52 000" in hint.get_text()


def test_each_offer_can_be_linked_to_an_application_with_a_visible_label():
    page = soup()
    links = page.select("select[data-offer-application]")
    assert [s["data-offers-offer"] for s in links] == [str(n) for n in range(1, OFFERS + 1)]
    for select in links:
        assert select["data-offers-field"] == APPLICATION  # saved with the offer's other fields
        # None, and the untitled first application a reader with nothing set up has; the script
        # adds the others.
        assert [o["value"] for o in select.select("option")] == ["", FIRST_ID]
        label = page.select_one(f'label[for="{select["id"]}"]')
        assert label.get_text(strip=True) and "sig-vh" not in label.get("class", [])
