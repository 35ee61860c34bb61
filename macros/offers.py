"""The offer comparison table (HTML out; offers.js does the sums).

One column per offer, one row per part of the package, then the two totals. Every field has a
real label (visually hidden in the body, where the row and column headers already name it) and a
message slot linked with aria-describedby. The data-offers-* attributes are the contract with the
script, the CSS and the tests.
"""

from __future__ import annotations

from html import escape

from .applications import ID_CHARS, untitled_option
from .markup import Wake, button, component, saved_cut_notice, status
from .parts import Part

FEATURE = "offers"
# The table's part of the reader's data, shared by every application.
PART = Part("offers", "offer comparison", ("{count} offer in the comparison", "{count} offers in the comparison"),
            shared=True)
# Its script loads once the reader has offers saved or applications to link them to, or uses the table.
WAKE = Wake(parts=(PART.name,), records=True)
OFFERS = 3
NAME_LIMIT = 40
# Each offer can be linked to one of the reader's applications (macros/applications.py): the
# offers are shared by all of them, and a linked offer takes the application's company as its name.
APPLICATION = "application"
AMOUNT_LIMIT = 24  # characters typed; the script reads at most MAX_DIGITS digits before the dot
MAX_DIGITS = 12
PERCENT = "percent"  # a unit: the amount is a percentage of the base salary
AMOUNT = "amount"  # the other unit: the amount itself
UNITS = (PERCENT, AMOUNT)
WHOLE_PERCENT = 100  # 100% of the base is the whole base; more is refused (choose an amount)
# (key, row header, unit key or None, which totals it counts in).
ROWS = (
    ("base", "Base salary per year", None, "yearly"),
    ("bonus", "Bonus per year", "bonusUnit", "yearly"),
    ("commission", "Expected commission per year", None, "yearly"),
    ("equity", "Equity value per year", None, "yearly"),
    ("signOn", "Sign-on bonus (first year only)", None, "first"),
    ("retirement", "Pension or retirement match per year", "retirementUnit", "yearly"),
    ("pto", "Paid time off in days (not added to the totals)", None, "none"),
    ("other", "Other benefits' value per year", None, "yearly"),
)
BASE = ROWS[0][0]  # required once an offer is used; percentages are of it
# (key, row header, the kinds of amount it adds up).
TOTALS = (
    ("firstYear", "First-year total (with the sign-on bonus)", ("yearly", "first")),
    ("ongoing", "Ongoing yearly total (without the sign-on bonus)", ("yearly",)),
)
# Each total's name as a screen reader hears it with the figures.
TOTAL_NAMES = {"firstYear": "First-year total", "ongoing": "Ongoing yearly total"}
# Shown when the stored offers hold more than the table can show (only an old import could).
SAVED_CUT = (f"Your saved offers hold more than this table shows (at most {OFFERS} offers, each field "
             "to its limit), so only what fits is shown, and your next change here keeps only that. "
             "Export your progress first if you want to keep the rest.")
CENTS = 100  # totals are shown, and compared, to the hundredth: what is shown is what is compared
CONFIG = {
    "store": PART.name,
    "offers": OFFERS,
    "maxDigits": MAX_DIGITS,
    "base": BASE,
    "percent": PERCENT,
    "amounts": {key: counts for key, _, _, counts in ROWS},
    "units": {key: unit for key, _, unit, _ in ROWS if unit},
    "totals": {key: list(kinds) for key, _, kinds in TOTALS},
    "wholePercent": WHOLE_PERCENT,
    "cents": CENTS,
    "notANumber": "Enter a number of 0 or more, such as 52000",
    # The script reads the reader's own way of writing numbers (the browser's language) and
    # refuses a number that could mean two amounts; {decimal} is that language's decimal mark.
    "ambiguous": "This could mean two amounts: type whole amounts as digits only, such as "
                 "52000, and cents after a “{decimal}”, such as 52000{decimal}50",
    "overPercent": f"Enter {WHOLE_PERCENT}% of base or less, or choose amount and type the sum",
    "noBase": "Enter the base salary",
    "fix": "Fix the fields marked",
    "highest": "highest",
    "less": "{amount} less",
    # Said to screen readers when a field is left: each total, offer by offer.
    "offerName": "offer {n}",
    "totalNames": TOTAL_NAMES,
    "said": "{total}: {offers}.",
    "saidOffer": "{name} {amount}",
    "saidHighest": "{name} {amount}, the highest",
    "link": APPLICATION,
    "cleared": "Cleared the table of offers.",
}


def import_rules() -> dict:
    """What an import checks of the offers (macros/progress.py gathers it)."""
    return {"most": OFFERS, "link": APPLICATION,
            "fields": {"name": {"chars": NAME_LIMIT}, APPLICATION: {"chars": ID_CHARS},
                       **{key: {"chars": AMOUNT_LIMIT} for key, _, _, _ in ROWS},
                       **{unit: {"choices": list(UNITS)} for _, _, unit, _ in ROWS if unit}}}


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
            f'<option value="{PERCENT}">% of base</option><option value="{AMOUNT}">amount</option>'
            "</select>"
        )
    return (
        f'<td><label class="sig-vh" for="{field_id}">{escape(header)}, offer {offer}</label>'
        f'<input type="text" inputmode="decimal" id="{field_id}" data-offers-field="{key}" {where} '
        f'maxlength="{AMOUNT_LIMIT}" autocomplete="off" aria-describedby="{field_id}-error">{unit_html}'
        f'<span class="sig-offers__error" id="{field_id}-error" data-offers-error="{key}" {where}>'
        "</span></td>"
    )


def render_offer_comparison() -> str:
    """The empty table for up to three offers; the script fills, saves and totals it."""
    offers = range(1, OFFERS + 1)
    heads = "".join(
        f'<th scope="col"><label for="{_field_id(n, "name")}">Name of offer {n}</label>'
        f'<input type="text" id="{_field_id(n, "name")}" data-offers-field="name" '
        f'data-offers-offer="{n}" maxlength="{NAME_LIMIT}" autocomplete="off">'
        f'<label class="sig-offers__link" for="{_field_id(n, APPLICATION)}">For the application</label>'
        f'<select id="{_field_id(n, APPLICATION)}" data-offers-field="{APPLICATION}" data-offers-offer="{n}" '
        # The untitled first application is what a reader with nothing set up can link to.
        f'data-offer-application><option value="">None</option>'
        f"{untitled_option()}</select></th>"
        for n in offers
    )
    body = "".join(
        f'<tr><th scope="row">{escape(header)}</th>'
        + "".join(_cell(n, key, header, unit) for n in offers)
        + "</tr>"
        for key, header, unit, _ in ROWS
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
        for key, header, _ in TOTALS
    )
    return (
        f'<section class="sig-tool sig-offers" data-offers {component(FEATURE, CONFIG, ready="data-offers-ready", wake=WAKE)} aria-label="Your offers">'
        f"{saved_cut_notice(SAVED_CUT)}"
        '<p class="sig-offers__hint" id="sig-offers-hint">Use one currency for every offer. Type '
        "amounts the way you usually write them, such as 52000, 52,000 or 52 000, with one leading "
        "$, €, £ or ¥ if you like. A number that could mean two amounts, such as 52.000, is "
        "refused with a note on how to write it. An empty field counts as 0. The offers are the same "
        "whichever application you prepare for; link one to an application and it takes that "
        "company's name.</p>"
        # No class: Material styles (and scrolls) the table like the guide's other tables.
        '<table aria-describedby="sig-offers-hint">'
        "<caption>Your offers side by side, in yearly amounts</caption>"
        f'<thead><tr><td></td>{heads}</tr></thead>'
        f"<tbody>{body}</tbody><tfoot>{totals}</tfoot></table>"
        '<p class="sig-controls">'
        + button('<span data-confirm-face>Clear the table</span>', 'data-offers-clear data-confirm="Clear for good?"')
        + f"</p>{status()}</section>"
    )
