"""HTML for one checklist (data in, HTML out); checklists.js saves the ticks.

Every checklist works as plain checkboxes without JavaScript. The data-checklist-* attributes are
a public contract with the script, the CSS and the tests.
"""

from __future__ import annotations

from html import escape

from .guide_data import Checklist
from .inline import PageResolver, inline_html, unchanged
from .markup import BUTTON_CLASS, STORAGE_NOTICE, attr, component

FEATURE = "checklists"
# {done} and {total} are filled in by the script.
CONFIG = {"progress": "{done} of {total} done"}


def render_checklist(checklist: Checklist, resolve_page: PageResolver = unchanged) -> str:
    """One checklist: a form of labelled checkboxes, a progress line and a reset button."""
    total = len(checklist.items)
    rows = []
    for item in checklist.items:
        input_id = f"sig-{checklist.id}--{item.id}"
        renamed = (
            f' data-renamed-from="{attr(" ".join(item.renamed_from))}"' if item.renamed_from else ""
        )
        rows.append(
            f'<li class="sig-checklist__item">'
            f'<input type="checkbox" id="{attr(input_id)}" data-item="{attr(item.id)}"{renamed}>'
            f'<label for="{attr(input_id)}">{inline_html(item.text, resolve_page)}</label></li>'
        )
    title_id = f"sig-{checklist.id}--title"
    return (
        f'<form class="sig-checklist" data-checklist="{attr(checklist.id)}" '
        f'data-section="{attr(checklist.section)}" {component(FEATURE, CONFIG, searchable=False)} '
        f'aria-labelledby="{attr(title_id)}">'
        f'<fieldset><legend id="{attr(title_id)}" class="sig-checklist__title">'
        f"{escape(checklist.title)}</legend>"
        f'<ul class="sig-checklist__items">{"".join(rows)}</ul></fieldset>'
        f'<div class="sig-checklist__footer sig-controls">'
        f'<p class="sig-checklist__progress" data-checklist-progress role="status" '
        f'aria-live="polite">{total} items</p>'
        f'<button type="reset" class="{BUTTON_CLASS}" data-checklist-reset>'
        f"Clear this checklist</button></div>"
        f"{STORAGE_NOTICE}"
        f"</form>"
    )
