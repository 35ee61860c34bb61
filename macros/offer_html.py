"""The offer comparison table (HTML out; the sums are done in tools-offer-stories.js).

One column per offer, one row per part of the package, then the two totals. Every field has a
real label (visually hidden in the body, where the row and column headers already name it) and a
message slot linked with aria-describedby. The data-offers-* attributes are the contract with the
script, the CSS and the tests.
"""

from __future__ import annotations

from html import escape

from .markup import BUTTON, STORAGE_NOTICE

OFFERS = 3
# (key, row header, unit key or None). Units are "percent" (of base) or "amount".
ROWS = (
    ("base", "Base salary per year", None),
    ("bonus", "Bonus per year", "bonusUnit"),
    ("commission", "Expected commission per year", None),
    ("equity", "Equity value per year", None),
    ("signOn", "Sign-on bonus (first year only)", None),
    ("retirement", "Retirement match per year", "retirementUnit"),
    ("pto", "Paid time off in days (not added to the totals)", None),
    ("other", "Other benefits' value per year", None),
)
TOTALS = (
    ("firstYear", "First-year total (with the sign-on bonus)"),
    ("ongoing", "Ongoing yearly total (without the sign-on bonus)"),
)


def _field_id(offer: int, key: str) -> str:
    return f"sig-offer-{offer}-{key}"


def _cell(offer: int, key: str, header: str, unit: str | None) -> str:
    field_id = _field_id(offer, key)
    where = f'data-offers-offer="{offer}"'
    unit_html = ""
    if unit:
        unit_id = _field_id(offer, unit)
        unit_html = (
            f'<label class="sig-vh" for="{unit_id}">{escape(header)}, offer {offer}: given as</label>'
            f'<select id="{unit_id}" data-offers-field="{unit}" {where}>'
            '<option value="percent">% of base</option><option value="amount">amount</option>'
            "</select>"
        )
    return (
        f'<td><label class="sig-vh" for="{field_id}">{escape(header)}, offer {offer}</label>'
        f'<input type="text" inputmode="decimal" id="{field_id}" data-offers-field="{key}" {where} '
        f'maxlength="24" autocomplete="off" aria-describedby="{field_id}-error">{unit_html}'
        f'<span class="sig-offers__error" id="{field_id}-error" data-offers-error="{key}" {where} '
        'role="status" aria-live="polite"></span></td>'
    )


def render_offer_comparison() -> str:
    """The empty table for up to three offers; the script fills, saves and totals it."""
    offers = range(1, OFFERS + 1)
    heads = "".join(
        f'<th scope="col"><label for="{_field_id(n, "name")}">Name of offer {n}</label>'
        f'<input type="text" id="{_field_id(n, "name")}" data-offers-field="name" '
        f'data-offers-offer="{n}" maxlength="40" autocomplete="off"></th>'
        for n in offers
    )
    body = "".join(
        f'<tr><th scope="row">{escape(header)}</th>'
        + "".join(_cell(n, key, header, unit) for n in offers)
        + "</tr>"
        for key, header, unit in ROWS
    )
    totals = "".join(
        f'<tr><th scope="row">{escape(header)}</th>'
        + "".join(
            f'<td data-offers-total="{key}" data-offers-offer="{n}">'
            '<span class="sig-offers__sum" data-offers-sum></span> '
            '<span class="sig-offers__note" data-offers-note></span></td>'
            for n in offers
        )
        + "</tr>"
        for key, header in TOTALS
    )
    return (
        '<div class="sig-offers" data-offers>'
        '<p class="sig-offers__hint" id="sig-offers-hint">Use one currency for every offer. Type '
        "plain numbers such as 52000 or 52,000: spaces, commas and one leading $, €, £ or ¥ are "
        "ignored, and a dot marks decimals. An empty field counts as 0.</p>"
        # No class: Material styles (and scrolls) the table like the guide's other tables.
        '<table aria-describedby="sig-offers-hint">'
        "<caption>Your offers side by side, in yearly amounts</caption>"
        f'<thead><tr><td></td>{heads}</tr></thead>'
        f"<tbody>{body}</tbody><tfoot>{totals}</tfoot></table>"
        '<p class="sig-offers__controls">'
        f"<button {BUTTON} data-offers-clear "
        'data-confirm="Clear for good?"><span>Clear the table</span></button></p>'
        f"{STORAGE_NOTICE}"
        "</div>"
    )
