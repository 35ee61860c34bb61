"""The story bank and its coverage map (data in, HTML out), and the themes they are checked against.

The reader's stories live only in their browser (tools-offer-stories.js fills the list, the map
and the cheat sheet's titles); this module renders the empty form and the map of question themes
from data/_story-themes.yml. The data-stories-* attributes are the contract with the script, the
CSS and the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

import yaml

from .guide_data import SLUG, DataError, YamlLoader
from .markup import BUTTON, BUTTON_CLASS, STORAGE_NOTICE, attr

THEMES_FILE = Path(__file__).resolve().parent.parent / "data" / "_story-themes.yml"
SHOWN = "data/_story-themes.yml"
TAGS = ("leadership", "conflict", "failure", "teamwork", "values", "technical")
THEME_KEYS = {"id", "question", "tags"}
MAX_QUESTION_CHARS = 120
MAX_STORIES = 12
MAX_TITLE_CHARS = 60
MAX_PART_CHARS = 1000
STAR_PARTS = (
    ("situation", "Situation", "Where you were and what was going on."),
    ("task", "Task", "What you were responsible for, or what had to change."),
    ("action", "Action", "What you did, step by step. The longest part."),
    ("result", "Result", "What happened, with a number if you have one."),
)


@dataclass(frozen=True)
class Theme:
    id: str
    question: str
    tags: tuple[str, ...]


def _fail(where: str, problem: str) -> DataError:
    return DataError(f"{where}: {problem}")


def _parse_theme(where: str, raw: object, seen: set[str]) -> Theme:
    if not isinstance(raw, dict):
        raise _fail(where, "each theme must be a mapping with 'id', 'question' and 'tags'")
    unknown = sorted(set(raw) - THEME_KEYS)
    if unknown:
        raise _fail(where, f"unknown key {unknown[0]!r}; allowed keys are id, question, tags")
    theme_id = raw.get("id")
    if theme_id in (None, ""):
        raise _fail(where, "the theme has no 'id'; add one such as 'id: led-without-authority'")
    if not isinstance(theme_id, str) or not SLUG.match(theme_id):
        raise _fail(where, f"theme id {theme_id!r} is not a lowercase slug; use letters, digits "
                    "and hyphens such as 'led-without-authority'")
    if theme_id in seen:
        raise _fail(where, f"theme id {theme_id!r} is used twice; give each theme its own id")
    where = f"{where} ({theme_id})"
    question = raw.get("question")
    if not isinstance(question, str) or not question.strip():
        raise _fail(where, "'question' is missing or empty; write the question after 'question:'")
    question = " ".join(question.split())
    if len(question) > MAX_QUESTION_CHARS:
        raise _fail(where, f"'question' has {len(question)} characters; shorten it to "
                    f"{MAX_QUESTION_CHARS} or fewer")
    tags = raw.get("tags")
    if isinstance(tags, str) or not isinstance(tags, list) or not tags:
        raise _fail(where, "'tags' must be a list of one or more tags, such as 'tags: [leadership]'")
    for tag in tags:
        if tag not in TAGS:
            raise _fail(where, f"unknown tag {tag!r}; use one of {', '.join(TAGS)}")
    if len(set(tags)) != len(tags):
        raise _fail(where, "a tag is listed twice in 'tags'; list each tag once")
    return Theme(theme_id, question, tuple(tags))


def parse_story_themes(text: str, shown: str = SHOWN) -> tuple[Theme, ...]:
    """The themes in the file's text; any mistake raises DataError naming `shown` and the fix."""
    try:
        raw = yaml.load(text, Loader=YamlLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "somewhere"
        raise _fail(f"{shown}, {line}", "YAML syntax error; check indentation and quote any "
                    "question that contains ': '") from None
    if not isinstance(raw, list) or not raw:
        raise _fail(shown, "the file must be a list of themes, each with id, question and tags")
    seen: set[str] = set()
    themes = []
    for number, entry in enumerate(raw, start=1):
        theme = _parse_theme(f"{shown}: theme {number}", entry, seen)
        seen.add(theme.id)
        themes.append(theme)
    return tuple(themes)


def load_story_themes(path: Path = THEMES_FILE) -> tuple[Theme, ...]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        raise _fail(SHOWN, "the file cannot be read; restore it from the repository") from None
    return parse_story_themes(text)


def coverage_html(themes: tuple[Theme, ...], bank_href: str | None = None) -> str:
    """Each theme with whether a story covers it (the script fills in which), and a link to the bank."""
    rows = "".join(
        f'<li class="sig-coverage__theme" data-stories-theme="{attr(t.id)}" '
        f'data-stories-tags="{attr(" ".join(t.tags))}">'
        f'<span class="sig-coverage__question">{escape(t.question)}</span> '
        f'<span class="sig-coverage__status" data-stories-covered>no story yet</span></li>'
        for t in themes
    )
    link = (
        f'<p class="sig-coverage__link"><a href="{attr(bank_href)}">Add or change your stories '
        "in your story bank</a></p>"
        if bank_href else ""
    )
    return (
        '<div class="sig-coverage" data-stories-coverage>'
        f'<ul class="sig-coverage__themes">{rows}</ul>{link}</div>'
    )


def _part(key: str, label: str, hint: str) -> str:
    field_id = f"sig-story-{key}"
    return (
        f'<p class="sig-stories__part"><label for="{field_id}">{label}</label>'
        f'<span class="sig-stories__hint" id="{field_id}-hint">{escape(hint)}</span>'
        f'<textarea id="{field_id}" data-stories-field="{key}" rows="3" maxlength="{MAX_PART_CHARS}" '
        f'aria-describedby="{field_id}-hint"></textarea></p>'
    )


def _modes(adding: str, editing: str) -> str:
    """Both texts of a control; CSS shows the one for the form's mode (sig-stories--editing)."""
    return f'<span class="sig-stories__add">{adding}</span><span class="sig-stories__edit">{editing}</span>'


def story_bank_html(themes: tuple[Theme, ...]) -> str:
    """The form for one STAR story, the list of saved stories and the coverage map."""
    tags = "".join(
        f'<span class="sig-stories__tag"><input type="checkbox" id="sig-story-tag-{tag}" '
        f'data-stories-tag value="{tag}"><label for="sig-story-tag-{tag}">{tag}</label></span>'
        for tag in TAGS
    )
    parts = "".join(_part(*part) for part in STAR_PARTS)
    # Each saved story's row; the script clones it and writes the title with textContent.
    row = (
        '<li class="sig-stories__item" data-stories-item>'
        '<span class="sig-stories__title" data-stories-item-title></span> '
        '<span class="sig-stories__tags" data-stories-item-tags></span> '
        '<span class="sig-stories__actions">'
        f"<button {BUTTON} data-stories-edit><span>Edit</span>"
        '<span class="sig-vh"></span></button> '
        f"<button {BUTTON} data-stories-delete "
        'data-confirm="Delete for good?"><span>Delete</span>'
        '<span class="sig-vh"></span></button></span></li>'
    )
    return (
        '<div class="sig-stories" data-stories>'
        '<form class="sig-stories__form" data-stories-form>'
        f"<fieldset><legend>{_modes('Add a story', 'Edit your story')}</legend>"
        '<p class="sig-stories__part"><label for="sig-story-title">Title</label>'
        f'<span class="sig-stories__hint" id="sig-story-title-hint">A few words you will recognise, '
        f"up to {MAX_TITLE_CHARS} characters. Titles go on your cheat sheet.</span>"
        f'<input type="text" id="sig-story-title" data-stories-field="title" '
        f'maxlength="{MAX_TITLE_CHARS}" autocomplete="off" '
        'aria-describedby="sig-story-title-hint sig-story-title-error">'
        '<span class="sig-stories__error" id="sig-story-title-error" data-stories-title-error '
        'role="status" aria-live="polite"></span></p>'
        f"{parts}"
        '<fieldset class="sig-stories__tagset"><legend>Question themes this story can answer'
        f"</legend>{tags}</fieldset>"
        '<p class="sig-stories__controls">'
        f'<button type="button" class="{BUTTON_CLASS} md-button--primary" data-stories-save>'
        f"{_modes('Save the story', 'Save changes')}</button> "
        f'<button type="button" class="{BUTTON_CLASS} sig-stories__edit" data-stories-cancel>'
        "Cancel editing</button></p>"
        '<p class="sig-stories__message" data-stories-message role="status" aria-live="polite">'
        "</p></fieldset></form>"
        '<h3 class="sig-stories__heading" tabindex="-1" data-stories-heading>Your saved stories '
        f'(<span data-stories-count>0</span> of {MAX_STORIES})</h3>'
        '<p data-stories-empty>No stories yet: add your first one above.</p>'
        '<ul class="sig-stories__list" data-stories-list></ul>'
        f"<template data-stories-row>{row}</template>"
        '<h3 class="sig-stories__heading">Which questions your stories cover</h3>'
        f"{coverage_html(themes)}"
        f"{STORAGE_NOTICE}"
        "</div>"
    )
