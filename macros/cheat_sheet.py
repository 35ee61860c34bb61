"""HTML for the one-page cheat sheet (data in, HTML out).

The topics come from each section's key_points, so the sheet is never written twice. The
note fields' limits are sized so that a sheet with every field full still prints on one page of
A4 or US Letter; tests/browser/test_cheat_sheet_print.py proves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .guide_data import Section
from .inline import PageResolver, inline_html, unchanged
from .markup import BUTTON_CLASS, attr, component, status
from .parts import Part
from .stories import SHEET_TITLES

FEATURE = "cheat-sheet"
PART = Part("notes", "cheat-sheet notes", tool=False)  # one of the core's parts, one per application
CONFIG = {
    # {chars} and {lines} are filled in by the script; lines past a field's last are joined on.
    "left": "{chars} characters left, {lines} more lines",
    "leftOne": "{chars} characters left, {lines} more line",
    "join": " / ",
    # A saved note longer than its field (from an old version or an edited entry).
    "cutSaved": "This note was longer than the sheet has room for, so only its first {chars} "
                "characters are shown. Export your progress first if you want to keep all of it.",
    # Shown (and said) when joining lines or pasting would pass a field's limit: the end is cut.
    "cut": "Only {limit} characters fit on the sheet, so the end of this note was cut.",
    "stories": SHEET_TITLES,
    # Printing: the type is scaled between `least` and `most` times its size so the sheet fills
    # one page, laid out in the printable width of the narrower paper (A4, 8.27 in) and the height
    # of the shorter (US Letter, 11 in), both less 0.4 in margins, at 96 CSS px an inch.
    "fit": {"width": round((8.27 - 0.8) * 96), "height": round((11 - 0.8) * 96), "least": 0.6, "most": 1.3},
}


@dataclass(frozen=True)
class NoteField:
    key: str
    label: str
    hint: str
    limit: int  # characters
    lines: int  # cheat-sheet.js folds any further lines into the last one, so nothing typed is lost


# The note listing the interviewers, one per line ("Sam Lee, engineering manager"): the printed
# header shows it, and the thank-you drafter (thank_you.py) starts its cards from it.
INTERVIEWERS = "interviewers"

NOTE_FIELDS = (
    NoteField(INTERVIEWERS, "Names and roles of the interviewers",
              "One per line, e.g. Sam Lee, engineering manager", 300, 5),
    NoteField("stories", "My stories", "Projects and examples to mention, a few words each", 560, 7),
    NoteField("questions", "My questions for them", "The three or four you most want answered",
              440, 6),
    NoteField("salary", "My salary range", "Your researched range and the lowest you would accept",
              160, 2),
)


def import_rules() -> dict:
    """What an import checks of the notes (macros/progress.py gathers it)."""
    return {"fields": {f.key: {"chars": f.limit, "lines": f.lines, "label": f.label} for f in NOTE_FIELDS}}


@dataclass(frozen=True)
class Download:
    label: str
    href: str


def _topic(number: int, section: Section, resolve_page: PageResolver) -> str:
    points = "".join(f"<li>{inline_html(p, resolve_page)}</li>" for p in section.key_points)
    return (
        f'<section class="sig-sheet__topic" data-cheatsheet-topic="{attr(section.slug)}">'
        f'<h2 class="sig-sheet__heading">{number}. {escape(section.title)}</h2>'
        f"<ul>{points}</ul></section>"
    )


def _note(field: NoteField, story_titles: str) -> str:
    field_id = f"sig-note-{field.key}"
    # The story bank (stories.py) lists the reader's story titles under their note.
    extra = story_titles if field.key == "stories" else ""
    return (
        f'<div class="sig-sheet__note" data-note="{field.key}">'
        f'<label class="sig-sheet__heading" for="{field_id}">{escape(field.label)}</label>'
        f'<textarea id="{field_id}" data-cheatsheet-note="{field.key}" maxlength="{field.limit}" '
        f'rows="{field.lines}" data-max-lines="{field.lines}" placeholder="{attr(field.hint)}" '
        f'aria-describedby="{field_id}-left"></textarea>'
        f'<p class="sig-sheet__left" id="{field_id}-left" data-note-remaining>'
        f"Up to {field.limit} characters on {field.lines} lines</p>"
        f'<div class="sig-sheet__written" data-note-print></div>{extra}</div>'
    )


# The printed header, made for the day: a large first line naming the interview, then the place,
# the contact and every interviewer in full. The script fills each field from the application's
# record and the interviewers note; an empty row is hidden.
HEADER_LINE = (("company", "Company"), ("role", "Role"), ("when", "When"))
HEADER_ROWS = (("place", "Where"), ("contact", "Contact"), (INTERVIEWERS, "Interviewers"))


def render_sheet_header() -> str:
    """The top of the printed cheat sheet: company, role and time, then place, contact, interviewers."""
    line = "".join(
        f'<span class="sig-sheet__headline-part" data-application-header-row hidden>'
        f'<span class="sig-vh">{escape(label)}: </span><span data-application-header-field="{key}"></span></span>'
        for key, label in HEADER_LINE
    )
    rows = "".join(
        f'<p class="sig-sheet__header-row" data-application-header-row hidden><span class="sig-sheet__label">'
        f'{escape(label)}:</span> <span data-application-header-field="{key}"></span></p>'
        for key, label in HEADER_ROWS
    )
    return (f'<div class="sig-sheet__header" data-application-header>'
            f'<p class="sig-sheet__headline">{line}</p>{rows}</div>')


def render_cheat_sheet(
    sections: list[Section],
    downloads: list[Download] = (),
    resolve_page: PageResolver = unchanged,
    story_titles: str = "",
) -> str:
    """The sheet: every section's topic in guide order, then the reader's four note fields (the
    stories note followed by `story_titles`, the story bank's list of titles)."""
    topics = "".join(_topic(n, s, resolve_page) for n, s in enumerate(sections, start=1))
    notes = "".join(_note(f, story_titles) for f in NOTE_FIELDS)
    links = "".join(
        f'<a class="{BUTTON_CLASS}" href="{attr(d.href)}" download>{escape(d.label)}</a> '
        for d in downloads
    )
    return (
        f'<div class="sig-sheet" data-cheatsheet {component(FEATURE, CONFIG, ready="data-cheatsheet-ready", searchable=True)}>'
        '<div class="sig-sheet__controls sig-controls" data-search-exclude>'
        f'<button type="button" class="{BUTTON_CLASS} md-button--primary" '
        'data-cheatsheet-print>Print the cheat sheet</button> '
        f"{links}</div>"
        '<p class="sig-sheet__title">My second interview: one-page cheat sheet</p>'
        f"{render_sheet_header()}"
        f'<div class="sig-sheet__topics">{topics}</div>'
        f'<div class="sig-sheet__notes" data-search-exclude>{notes}</div>'
        f"{status()}"
        "</div>"
    )
