"""The guide's pages and checklists as the tests address them, read from the project itself.

Nothing here is written out by hand: sections and item counts come from data/ through the
project's own loader, pages from docs/. Adding, renaming or retiring an item the README's way
therefore keeps every test's expectation in step.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.guide_data import Guide, load_guide
from tools.sitekit import ROOT

GUIDE = load_guide(ROOT / "data")
SECTIONS = [section.slug for section in GUIDE.sections]


def address_of(markdown: Path) -> str:
    """docs/index.md -> "", docs/salary.md -> "salary/" (relative to the site's base URL)."""
    name = markdown.relative_to(ROOT / "docs").with_suffix("").as_posix()
    return "" if name == "index" else re.sub(r"(^|/)index$", r"\1", name).rstrip("/") + "/"


PAGES = sorted(address_of(p) for p in (ROOT / "docs").rglob("*.md"))


# The built pages are minified: an ampersand that starts no character reference is written bare
# (https://html.spec.whatwg.org/#attribute-value-state: "&sectionNum=" in a link stays as it is).
# Browsers read it so; Python's html.parser would read "&sect" as "§". Escaping those ampersands
# first gives the parser the page a browser sees.
_BARE_AMPERSAND = re.compile(r"&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9A-Fa-f]+;)")


def page_html(path: Path) -> str:
    """A built page's HTML, ready for html.parser (see _BARE_AMPERSAND)."""
    return _BARE_AMPERSAND.sub("&amp;", Path(path).read_text(encoding="utf-8"))


# Each engine's search index and the list in it that names the pages (Material, Zensical).
SEARCH_INDEXES = {"search/search_index.json": "docs", "search.json": "items"}


def items_in_section(slug: str, guide: Guide = GUIDE) -> int:
    section = next(s for s in guide.sections if s.slug == slug)
    return sum(len(c.items) for c in section.checklists)


def items_in_guide(guide: Guide = GUIDE) -> int:
    return sum(len(c.items) for c in guide.checklists.values())


def items_in(checklist_id: str, guide: Guide = GUIDE) -> int:
    return len(guide.checklist(checklist_id).items)


def done(count: int, total: int) -> str:
    """A checklist's or a section's progress line, as guide.js writes it."""
    return f"{count} of {total} done"


def items_done(count: int, total: int) -> str:
    """The home page's overall progress line, as guide.js writes it."""
    return f"{count} of {total} items done"
