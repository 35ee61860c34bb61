"""HTML for one checklist (data in, HTML out); checklists.js saves the ticks.

Every checklist works as plain checkboxes without JavaScript. Checklists stay out of the search
index, which every first visit loads: their items would add 2.8 KiB gzip to every page, and the
pages' own text already says what they name (README, "Limits"). The data-checklist-* attributes
are a public contract.
"""

from __future__ import annotations

from html import escape

from .guide_data import Checklist
from .inline import PageResolver, inline_html, unchanged
from .markup import Wake, attr, button, component

FEATURE = "checklists"
CONFIG = {
    "progress": "{done} of {total} done",
    "cleared": "Cleared “{title}”: {progress}.",
}
# A checklist's script loads once the reader has ticks saved or ticks a box; until then the page
# shows it as rendered here, with none ticked (guide-wake.js).
WAKE = Wake(core=("checklists",))


def render_checklist(checklist: Checklist, resolve_page: PageResolver = unchanged, edit_url: str = "") -> str:
    """One checklist: a form of labelled checkboxes, a progress line that is the checklist's one
    status place, a button that clears it (with Undo) and a quiet link to edit its data file."""
    total = len(checklist.items)
    rows = []
    for item in checklist.items:
        input_id = f"sig-{checklist.id}--{item.id}"
        renamed = f' data-renamed-from="{attr(" ".join(item.renamed_from))}"' if item.renamed_from else ""
        rows.append(
            f'<li class="sig-checklist__item">'
            f'<input type="checkbox" id="{attr(input_id)}" data-item="{attr(item.id)}"{renamed}>'
            f'<label for="{attr(input_id)}">{inline_html(item.text, resolve_page)}</label></li>'
        )
    title_id = f"sig-{checklist.id}--title"
    edit = (
        f'<p class="sig-checklist__edit" data-checklist-edit="{attr(checklist.id)}"><a href="{attr(edit_url)}" '
        f'title="Edit this checklist (data/{attr(checklist.section)}.yml)">Edit this checklist</a></p>'
        if edit_url else ""
    )
    return (
        f'<form class="sig-checklist" data-checklist="{attr(checklist.id)}" '
        f'data-section="{attr(checklist.section)}" {component(FEATURE, CONFIG, ready="data-checklist-ready", wake=WAKE)} '
        f'aria-labelledby="{attr(title_id)}">'
        f'<fieldset><legend id="{attr(title_id)}" class="sig-checklist__title">'
        f"{escape(checklist.title)}</legend>"
        f'<ul class="sig-checklist__items">{"".join(rows)}</ul></fieldset>'
        '<div class="sig-checklist__footer sig-controls">'
        '<p class="sig-checklist__progress" data-checklist-progress data-guide-announce role="status" '
        f'aria-live="polite">{escape(CONFIG["progress"].format(done=0, total=total))}</p>'
        f'{button("Clear this checklist", "data-checklist-reset", kind="reset")}{edit}</div>'
        '<p class="sig-vh" data-guide-alert role="alert" hidden></p>'
        "</form>"
    )
