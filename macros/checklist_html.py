"""HTML for checklists, the readiness summary and the progress tools (data in, HTML out).

The attributes named data-* here are a public contract: guide.js, the CSS and the tests rely on
them. Every checklist works as plain checkboxes without JavaScript.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from .guide_data import Checklist, Section
from .markup import BUTTON, BUTTON_CLASS, STORAGE_NOTICE, attr
from .inline import PageResolver, inline_html, unchanged


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
        f'data-section="{attr(checklist.section)}" aria-labelledby="{attr(title_id)}">'
        f'<fieldset><legend id="{attr(title_id)}" class="sig-checklist__title">'
        f"{escape(checklist.title)}</legend>"
        f'<ul class="sig-checklist__items">{"".join(rows)}</ul></fieldset>'
        f'<div class="sig-checklist__footer">'
        f'<p class="sig-checklist__progress" data-checklist-progress role="status" '
        f'aria-live="polite">{total} items</p>'
        f'<button type="reset" class="{BUTTON_CLASS}" data-checklist-reset>'
        f"Clear this checklist</button></div>"
        f"{STORAGE_NOTICE}"
        f"</form>"
    )


@dataclass(frozen=True)
class SectionLink:
    """A section with the address of its page, relative to the page that shows the link."""

    section: Section
    href: str


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


def render_readiness(links: list[SectionLink]) -> str:
    """The home page's overall progress, per section, linking to each section page."""
    sections = [link.section for link in links]
    total = sum(len(c.items) for s in sections for c in s.checklists)
    rows = []
    for link in links:
        count = sum(len(c.items) for c in link.section.checklists)
        rows.append(
            f'<li data-readiness-section="{attr(link.section.slug)}">'
            f'<a href="{attr(link.href)}">{escape(link.section.title)}</a> '
            f'<span class="sig-readiness__count" data-readiness-count>{count} items</span>'
            f'<progress max="{count}" value="0" aria-hidden="true"></progress></li>'
        )
    # Inside <script type="application/json"> only "</" could end the element early.
    data = json.dumps(manifest(sections), separators=(",", ":")).replace("</", "<\\/")
    return (
        f'<div class="sig-readiness" data-readiness>'
        f'<p class="sig-readiness__total" data-readiness-total role="status" aria-live="polite">'
        f"{total} items in all</p>"
        f'<ol class="sig-readiness__sections">{"".join(rows)}</ol>'
        f'<script type="application/json" data-guide-manifest>{data}</script></div>'
    )


def render_progress_tools() -> str:
    """Export and import of everything the reader saved, with the note on where it lives."""
    return (
        '<div class="sig-progress-tools" data-progress-tools>'
        '<p class="sig-progress-tools__note">Your ticks and notes are kept only in this browser, '
        "on this device: no account, no server. Safari deletes a site's stored data after 7 days "
        "without a visit, so export your progress if you want to keep it or move it.</p>"
        '<p class="sig-progress-tools__controls">'
        f"<button {BUTTON} data-progress-export>"
        "Export my progress</button> "
        f'<label class="{BUTTON_CLASS} sig-file-button">Import progress from a file'
        '<input type="file" accept="application/json,.json" data-progress-import></label></p>'
        '<p class="sig-progress-tools__message" data-progress-message role="status" '
        'aria-live="polite"></p></div>'
    )
