"""HTML for the home page's readiness summary (data in, HTML out); readiness.js counts the ticks.

The manifest lists every checklist's item ids (and their old ids), so the script can count ticks
for pages the reader is not on.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .guide_data import Section
from .markup import ANNOUNCE, as_json, attr, component

FEATURE = "readiness"
CONFIG = {
    "section": "{done} of {total} done",
    "total": "{done} of {total} items done",
}


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
    """Overall progress, per section, linking to each section page."""
    sections = [link.section for link in links]
    total = sum(len(c.items) for s in sections for c in s.checklists)
    rows = []
    for link in links:
        count = sum(len(c.items) for c in link.section.checklists)
        rows.append(
            f'<li data-readiness-section="{attr(link.section.slug)}">'
            f'<a href="{attr(link.href)}">{escape(link.section.title)}</a> '
            f'<span class="sig-readiness__count" data-readiness-count>{count} items</span>'
            f'<progress max="{count}" value="0" aria-hidden="true" data-readiness-bar></progress></li>'
        )
    return (
        f'<div class="sig-readiness" data-readiness {component(FEATURE, CONFIG, searchable=False)} '
        f'data-guide-manifest="{attr(as_json(manifest(sections)))}">'
        f'<p class="sig-readiness__total" data-readiness-total {ANNOUNCE}>'
        f"{total} items in all</p>"
        f'<ol class="sig-readiness__sections">{"".join(rows)}</ol>'
        f"</div>"
    )
