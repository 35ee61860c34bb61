"""HTML for the home page's readiness summary (data in, HTML out); readiness.js counts the ticks.

The manifest lists every checklist's item ids (and their old ids), so the script can count ticks
for pages the reader is not on, and for each of the reader's applications in the table below it.
The data-readiness-* and data-application-list/rows/row attributes are a public contract.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .applications import FIRST_ID, UNTITLED_NAME
from .guide_data import Section
from .markup import Wake, as_json, attr, component

FEATURE = "readiness"
CONFIG = {
    "section": "{done} of {total} done",
    "total": "{done} of {total} items done",
    "ready": "{done} of {total}",
    "noDate": "No date yet",
    # The practice page's log, for the current application.
    "rehearsed": ["{count} question rehearsed", "{count} questions rehearsed"],
    "themesLeft": ["{count} story theme not yet", "{count} story themes not yet"],
    "allThemes": "every story theme rehearsed",
}


# The address of a page of the guide ("salary.md") from the page that shows the summary.
PageAddress = Callable[[str], str]


def manifest(sections: list[Section]) -> dict:
    """What readiness counting needs: each checklist's section, item ids and their old ids."""
    return {
        checklist.id: {
            "section": section.slug,
            "items": {item.id: list(item.renamed_from) for item in checklist.items},
        }
        for section in sections
        for checklist in section.checklists
    }


def manifest_attribute(sections: list[Section]) -> str:
    """The checklists' manifest as the page carries it, once (readiness.js and the import read it
    from the page's one [data-guide-manifest])."""
    return f'data-guide-manifest="{attr(as_json(manifest(sections)))}"'


def render_readiness(sections: list[Section], address: PageAddress, rehearsed: dict | None = None, *,
                     with_manifest: bool = True) -> str:
    """Overall progress of the current application, per section linking to each section, and how
    much of the deck it has rehearsed (`rehearsed`: the deck's manifest, practice.manifest; None
    leaves that line out); then every application with its interview date and readiness, soonest
    first."""
    # Rendered as readiness.js shows it to a reader with nothing saved, so its script can wait until
    # there is something to count or the reader reaches into it (guide-wake.js).
    total = sum(len(c.items) for s in sections for c in s.checklists)
    rows = []
    practice_line = ""
    if rehearsed is not None:
        themes = len(rehearsed["tags"])
        nothing_yet = (CONFIG["rehearsed"][1].format(count=0) + ", "
                       + (CONFIG["themesLeft"][0 if themes == 1 else 1].format(count=themes) if themes else CONFIG["allThemes"]))
        practice_line = (
            f'<p class="sig-readiness__practice" data-readiness-practice="{attr(as_json(rehearsed))}">'
            f'<a href="{attr(address("practice.md"))}">Rehearsed out loud</a>: '
            f"<span data-readiness-rehearsed>{escape(nothing_yet)}</span></p>"
        )
    for section in sections:
        count = sum(len(c.items) for c in section.checklists)
        rows.append(
            f'<li data-readiness-section="{attr(section.slug)}">'
            f'<a href="{attr(address(section.slug + ".md"))}">{escape(section.title)}</a> '
            f'<span class="sig-readiness__count" data-readiness-count>'
            f'{escape(CONFIG["section"].format(done=0, total=count))}</span>'
            f'<progress max="{count}" value="0" aria-hidden="true" data-readiness-bar></progress></li>'
        )
    wake = Wake(parts=(rehearsed["store"],) if rehearsed else (), core=("checklists",), records=True)
    untitled = "".join(f"<td>{escape(cell)}</td>" for cell in (CONFIG["noDate"], CONFIG["ready"].format(done=0, total=total)))
    return (
        f'<div class="sig-readiness" data-readiness {component(FEATURE, CONFIG, ready="data-readiness-ready", wake=wake)} '
        f'{manifest_attribute(sections) if with_manifest else ""}>'
        f'<p class="sig-readiness__total" data-readiness-total data-guide-announce role="status" '
        f'aria-live="polite">{escape(CONFIG["total"].format(done=0, total=total))}</p>'
        f'<ol class="sig-readiness__sections">{"".join(rows)}</ol>{practice_line}'
        '<div class="sig-readiness__applications" data-application-list>'
        '<table><caption>Your applications, soonest interview first</caption>'
        '<thead><tr><th scope="col">Company and role</th><th scope="col">Interview</th>'
        '<th scope="col">Ready</th></tr></thead>'
        f'<tbody data-application-rows><tr data-application-row="{attr(FIRST_ID)}" aria-current="true">'
        f'<th scope="row">{escape(UNTITLED_NAME)}</th>{untitled}</tr></tbody></table></div>'
        "</div>"
    )
