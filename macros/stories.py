"""The story bank, its coverage map and its titles on the cheat sheet (data in, HTML out).

The reader's stories live only in their browser (stories.js fills the list, the map and the
cheat sheet's titles); this module renders the empty form and the map of question themes from
data/_story-themes.yml, loaded and checked by guide_data. The data-stories-* attributes are the
contract with the script, the CSS and the tests.
"""

from __future__ import annotations

from html import escape

from .guide_data import STORY_TAGS, Theme
from .markup import Field, Wake, attr, button, component, field, status
from .parts import Part

FEATURE = "stories"
# The bank's part of the reader's data, shared by every application.
PART = Part("stories", "story bank", ("{count} story in the story bank", "{count} stories in the story bank"), shared=True)
READY = "data-stories-ready"
# The bank and its map show no story and every theme uncovered until one is saved; their script
# loads once a story is saved or the reader reaches into them (guide-wake.js).
WAKE = Wake(parts=(PART.name,))

MAX_STORIES = 12
MAX_TITLE_CHARS = 60
MAX_PART_CHARS = 1000
TITLES_ON_SHEET = 8  # more would push the printed cheat sheet past one page
STAR_PARTS = (
    ("situation", "Situation", "Where you were and what was going on."),
    ("task", "Task", "What you were responsible for, or what had to change."),
    ("action", "Action", "What you did, step by step. The longest part."),
    ("result", "Result", "What happened, with a number if you have one."),
)
TITLE = "title"
CONFIG = {
    "store": PART.name,
    "tags": list(STORY_TAGS),
    "most": MAX_STORIES,
    "title": TITLE,
    "titleLimit": MAX_TITLE_CHARS,
    "parts": [key for key, _, _ in STAR_PARTS],
    "partLimit": MAX_PART_CHARS,
    "saved": "Story saved.",
    "deleted": "Deleted the story “{title}”.",
    "restored": "The story “{title}” is back.",
    "count": "{count} of {most} stories in your bank.",  # said after a save or a delete
    "needsTitle": "Give your story a title.",
    "goneElsewhere": ("The story you are editing was changed or deleted in another tab. Your "
                      "text is still here: save it to keep it as a new story."),
    "full": f"The bank holds {MAX_STORIES} stories: delete one to add another.",
    "cut": f"Your saved stories hold more than the bank keeps ({MAX_STORIES} stories, titles of "
           f"{MAX_TITLE_CHARS} characters), so only that much is shown, and your next change saves "
           "only what is shown. Export your progress first to keep all of it in a file.",
    "covered": "covered by: {titles}",
    "uncovered": "no story yet",
    "tagSeparator": ", ",
}


def render_story_coverage(themes: tuple[Theme, ...], bank_href: str | None = None,
                          *, inside_bank: bool = False) -> str:
    """Each theme with whether a story covers it (the script fills in which), and a link to the
    bank. Inside the bank it is part of the bank's component; elsewhere it is one of its own."""
    rows = "".join(
        f'<li class="sig-coverage__theme" data-stories-theme="{attr(t.id)}" '
        f'data-stories-tags="{attr(" ".join(t.tags))}">'
        f'<span class="sig-coverage__question">{escape(t.question)}</span> '
        f'<span class="sig-coverage__status" data-stories-covered>{escape(CONFIG["uncovered"])}</span></li>'
        for t in themes
    )
    link = (
        f'<p class="sig-coverage__link"><a href="{attr(bank_href)}">Add or change your stories '
        "in your story bank</a></p>"
        if bank_href else ""
    )
    own = "" if inside_bank else f" {component(FEATURE, CONFIG, ready=READY, wake=WAKE)}"
    return (
        f'<div class="sig-coverage" data-stories-coverage{own}>'
        f'<ul class="sig-coverage__themes">{rows}</ul>{link}</div>'
    )


# What the cheat sheet needs to list the reader's story titles (cheat-sheet.js draws them, so the
# sheet does not load the bank's script).
SHEET_TITLES = {"store": PART.name, "title": TITLE, "titleLimit": MAX_TITLE_CHARS, "onSheet": TITLES_ON_SHEET}


SHEET_TITLES_LABEL = "From your story bank:"


def render_story_titles() -> str:
    """The cheat sheet's list of the reader's story titles, under their stories note (the
    stylesheet shows the label before them)."""
    return (f'<ul class="sig-sheet__story-titles" data-story-titles data-label="{attr(SHEET_TITLES_LABEL)}" '
            'hidden></ul>')



PART_FIELDS = tuple(Field(key, label, "textarea", MAX_PART_CHARS, hint=hint, lines=3) for key, label, hint in STAR_PARTS)
TITLE_FIELD = Field(TITLE, "Title", "text", MAX_TITLE_CHARS, required=True,
                    hint=f"A few words you will recognize, up to {MAX_TITLE_CHARS} characters. "
                         "Titles go on your cheat sheet.")


def import_rules() -> dict:
    """What an import checks of the bank (macros/progress.py gathers it)."""
    return {"most": MAX_STORIES, "merge": TITLE,
            "fields": {TITLE: {"chars": MAX_TITLE_CHARS, "required": True},
                       **{f.key: {"chars": MAX_PART_CHARS} for f in PART_FIELDS},
                       "tags": {"choices": list(STORY_TAGS), "many": True}}}


def _modes(adding: str, editing: str) -> str:
    """Both texts of a control; CSS shows the one for the form's mode (sig-stories--editing)."""
    return f'<span class="sig-stories__add">{adding}</span><span class="sig-stories__edit">{editing}</span>'


def render_story_bank(themes: tuple[Theme, ...], practice_href: str = "") -> str:
    """The form for one STAR story, the list of saved stories and the coverage map, and a link
    to rehearse them on the practice page."""
    tags = "".join(
        f'<span class="sig-check"><input type="checkbox" id="sig-story-tag-{tag}" '
        f'data-stories-tag value="{tag}"><label for="sig-story-tag-{tag}">{tag}</label></span>'
        for tag in STORY_TAGS
    )
    parts = "".join(field(f, f"sig-story-{f.key}", f'data-stories-field="{f.key}"') for f in PART_FIELDS)
    title = field(TITLE_FIELD, "sig-story-title", f'data-stories-field="{TITLE}" autocomplete="off"',
                  error_hooks="data-stories-title-error")
    # Each saved story's row; the script clones it and writes the title with textContent.
    row = (
        '<li class="sig-stories__item" data-stories-item>'
        '<span class="sig-stories__title" data-stories-item-title></span> '
        '<span class="sig-stories__tags" data-stories-item-tags></span> '
        '<span class="sig-stories__actions sig-controls">'
        + button('<span>Edit</span><span class="sig-vh" data-stories-item-name></span>', "data-stories-edit")
        + " "
        + button('<span data-confirm-face>Delete</span><span class="sig-vh" data-stories-item-name></span>',
                 'data-stories-delete data-confirm="Delete for good?" '
                 'data-confirm-said="Press Delete again to delete the story, or move on to keep it."')
        + "</span></li>"
    )
    return (
        f'<section class="sig-tool sig-stories" data-stories {component(FEATURE, CONFIG, ready=READY, wake=WAKE)} aria-label="Your story bank">'
        '<form class="sig-form sig-stories__form" data-stories-form novalidate>'
        f"<fieldset><legend>{_modes('Add a story', 'Edit your story')}</legend>"
        f'<div class="sig-form__fields sig-form__fields--wide">{title}{parts}</div>'
        '<fieldset class="sig-checks"><legend>Question themes this story can answer'
        f"</legend>{tags}</fieldset>"
        '<p class="sig-controls">'
        + button(_modes("Save the story", "Save changes"), "data-stories-save", primary=True)
        + " "
        + button("Cancel editing", "data-stories-cancel", classes="sig-stories__edit")
        + "</p></fieldset></form>"
        f'{status("data-stories-message")}'
        '<h3 class="sig-stories__heading" tabindex="-1" data-stories-heading>Your saved stories '
        f'(<span data-stories-count>0</span> of {MAX_STORIES})</h3>'
        '<p data-stories-empty>No stories yet: add your first one above.</p>'
        '<ul class="sig-stories__list" data-stories-list></ul>'
        f"<template data-stories-row>{row}</template>"
        '<h3 class="sig-stories__heading">Which questions your stories cover</h3>'
        f"{render_story_coverage(themes, inside_bank=True)}"
        + (f'<p class="sig-stories__practice"><a href="{attr(practice_href)}" data-stories-practice>'
           "Rehearse your stories out loud on the practice page</a></p>" if practice_href else "")
        + "</section>"
    )
