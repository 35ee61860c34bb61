"""The practice page: the question deck as plain HTML, and the practice room around it (data in,
HTML out).

The deck works without JavaScript: one group per section, in guide order, each a heading and a
list of its questions with their hints. The room (practice.js) shows one question of that deck at
a time with a timer, the reader's stories beside it, a self-check after each answer, the reader's
own questions and a mock panel; practice-record.js, loaded when the reader presses Record,
records the microphone into the page's memory only. The data-practice-* attributes are a public
contract with the scripts, the stylesheet and the tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from . import stories
from .guide_data import MAX_QUESTION_CHARS, STORY_TAGS, PracticeDeck, PracticeQuestion, Section
from .markup import NO_SCRIPT, Field, attr, button, component, field, status
from .parts import Part

FEATURE = "practice"
# Per application: the answers rehearsed and the reader's own questions.
PART = Part("practice", "practice log", ("{count} entry in the practice log (an answer or a question of your own)",
                                         "{count} entries in the practice log (answers and questions of your own)"))

HINT_LABEL = "Tip:"
TAGS_LABEL = "Stories about:"  # the story bank's tags, so the reader can pick a story to tell

TARGETS = (1, 2, 3)  # the answer lengths a reader can aim for, in minutes
TARGET = 2
PANEL_SIZE = 5  # a mock panel's questions, each from another section
PANEL_PAUSE = 10  # seconds between a panel's questions
MAX_ANSWERS = 100  # answers kept per application; the oldest goes first
MAX_OWN = 20  # the reader's own questions per application
OWN_PREFIX = "mine-"  # an own question's id: this and the core's new id
ID_CHARS = 40  # a question id in the log: the deck's slugs and the own ids are far shorter
DATE_CHARS = len("2026-12-31")
# The room's buttons: hook, key (active while the focus is in the room), label.
KEYS = (("start", "s", "Start"), ("stop", "x", "Stop"), ("next", "n", "Next question"),
        ("record", "r", "Record"))
# The self-check after an answer: what a STAR answer has.
CHECKS = (("situation", "I set the scene"), ("action", "I said what I did"), ("result", "I gave the result"))

CONFIG = {
    "store": PART.name,
    "stories": stories.PART.name,
    "title": stories.TITLE,
    "parts": [[key, label] for key, label, _ in stories.STAR_PARTS],
    "checks": [key for key, _ in CHECKS],
    "keys": {key: hook for hook, key, _ in KEYS},
    "panel": PANEL_SIZE,
    "pause": PANEL_PAUSE,
    "maxAnswers": MAX_ANSWERS,
    "maxOwn": MAX_OWN,
    "ownChars": MAX_QUESTION_CHARS,
    "own": OWN_PREFIX,
    "minutes": ["{n} minute", "{n} minutes"],
    # The timer says only these: at the start, with one minute left, at the target.
    "said": ["The timer started: {target}.", "One minute left.", "Time is up."],
    "recording": "Recording, and the timer started: {target}.",
    "timeUp": "{time} of {target}, time is up",
    "took": "You took {time}, {fit} How did it go?",
    "inTime": "inside your {target}.",
    "overTime": "over your {target}.",
    "noStory": "No story",
    "saved": "Saved. You have rehearsed {count} of the deck's questions for this application.",
    "where": "{section}",
    "ownSection": "Your own question",
    "panelWhere": "Mock panel, question {n} of {size}: {section}",
    "pauseWhere": "Mock panel: the next question in {seconds} seconds, or press Next question now.",
    "panelDone": "Mock panel done: {size} questions in {time}, {fit} of them inside {target}.",
    "panelLine": "{text} ({time})",
    "empty": "No question here yet: add one of your own below, or choose other questions.",
    "ownMissing": "Write your question first.",
    "ownFull": f"You have {MAX_OWN} questions of your own, the most the room keeps: remove one to add another.",
    "ownAdded": "Your question is added, and shown above.",
    "removed": "Removed your question “{text}”.",
    "restored": "Your question is back.",
    "file": "practice-{date}.webm",
    # Why recording is off, by the browser's reason.
    "off": {"NotAllowedError": "Recording is off: the microphone was not allowed. To record, allow it "
                               "for this site in the browser's settings and press Record again.",
            "NotFoundError": "Recording is off: no microphone was found on this device.",
            "unsupported": "Recording is off: this browser cannot record here.",
            "other": "Recording is off: the microphone could not start."},
}

RECORDING_NOTE = (
    "The practice room's Record button uses your microphone only, and asks for it when you press "
    "it. The recording stays in the page's memory: never saved, never sent anywhere. It is gone "
    "when you record again, move on or leave, so download it to keep it."
)
OWN_FIELD = Field("text", "Your question", "text", MAX_QUESTION_CHARS,
                  hint=f"As an interviewer might ask it, up to {MAX_QUESTION_CHARS} characters. "
                       "It is kept with this application's practice.")


def _question(question: PracticeQuestion) -> str:
    renamed = (
        f' data-practice-renamed-from="{attr(" ".join(question.renamed_from))}"'
        if question.renamed_from else ""
    )
    tags = (
        f'<p class="sig-practice__tags"><em>{escape(TAGS_LABEL)}</em> '
        f'{escape(", ".join(question.tags))}</p>'
        if question.tags else ""
    )
    hint = (
        f'<p class="sig-practice__hint"><em>{escape(HINT_LABEL)}</em> {escape(question.hint)}</p>'
        if question.hint else ""
    )
    return (
        f'<li class="sig-practice__question" data-practice-question-id="{attr(question.id)}" '
        f'data-practice-section="{attr(question.section)}" '
        f'data-practice-tags="{attr(" ".join(question.tags))}"{renamed}>'
        f'<p class="sig-practice__text"><strong>{escape(question.text)}</strong></p>{tags}{hint}</li>'
    )


def render_practice_deck(deck: PracticeDeck, sections: Iterable[Section]) -> str:
    """Every question of the deck under its section's title, sections in the order given.

    The page introduces the deck under an h2, so the groups' headings are h3s. They carry no id:
    Material's search makes a search entry of every heading with an id, even inside an excluded
    block. For the same reason the deck holds no <div> below its root: Material's search parser
    matches the element to leave out by its tag name alone, so the first inner </div> would end
    the exclusion and index the rest of the deck."""
    groups = []
    for section in sections:
        questions = deck.in_section(section.slug)
        if not questions:
            continue
        groups.append(
            f'<section class="sig-practice__group" data-practice-group="{attr(section.slug)}">'
            f"<h3>{escape(section.title)}</h3>"
            f'<ul class="sig-practice__questions">{"".join(_question(q) for q in questions)}</ul>'
            "</section>"
        )
    # Out of the search index (data-search-exclude): every page loads that index, and the deck's
    # questions would add their weight to every first visit for words no one searches for.
    return f'<div class="sig-practice__deck" data-practice-deck data-search-exclude>{"".join(groups)}</div>'


def manifest(deck: PracticeDeck) -> dict:
    """What the home page's readiness needs to count practice: the part, each story theme's
    questions, and the current id of each old one."""
    return {
        "store": PART.name,
        "tags": {tag: [q.id for q in deck.questions if tag in q.tags] for tag in STORY_TAGS},
        "renamed": {old: q.id for q in deck.questions for old in q.renamed_from},
    }


def import_rules() -> dict:
    """What an import checks of the practice log (macros/progress.py gathers it): answers
    (question, date, duration, target, self-check, story) and own questions (question, text)."""
    return {"most": MAX_ANSWERS + MAX_OWN,
            "fields": {"question": {"chars": ID_CHARS, "required": True},
                       "text": {"chars": MAX_QUESTION_CHARS},
                       "date": {"chars": DATE_CHARS, "date": True},
                       "seconds": {"number": True},
                       "target": {"number": True},
                       **{key: {"flag": True} for key, _ in CHECKS},
                       "story": {"chars": stories.MAX_TITLE_CHARS}}}


def _select(key: str, label: str, options: str) -> str:
    """A labelled select in the tools' one field style."""
    return (f'<div class="sig-field"><label for="sig-practice-{key}">{escape(label)}</label>'
            f'<select id="sig-practice-{key}" data-practice-{key}>{options}</select></div>')


def _option(value: str, label: str, selected: bool = False) -> str:
    return f'<option value="{attr(value)}"{" selected" if selected else ""}>{escape(label)}</option>'


def _choices(sections: Iterable[Section]) -> str:
    by_section = "".join(_option(f"section:{s.slug}", s.title) for s in sections)
    by_tag = "".join(_option(f"tag:{tag}", tag) for tag in STORY_TAGS)
    return (_option("least", "The ones I have practiced least", True)
            + f'<optgroup label="A section">{by_section}</optgroup>'
            + f'<optgroup label="A story theme">{by_tag}</optgroup>'
            + _option("own", "My own questions"))


def _controls() -> str:
    buttons = " ".join(
        button(escape(label), f'data-practice-{hook} aria-keyshortcuts="{key.upper()}"', primary=hook == "start")
        for hook, key, label in KEYS
    )
    keys = ", ".join(f"<kbd>{key.upper()}</kbd> {escape(label.lower())}" for _, key, label in KEYS)
    return (f'<p class="sig-controls">{buttons}</p>'
            f'<p class="sig-practice__small">Keys while you are in the practice room: {keys}.</p>')


def _check() -> str:
    boxes = "".join(
        f'<span class="sig-check"><input type="checkbox" id="sig-practice-{key}" data-practice-checked="{key}">'
        f'<label for="sig-practice-{key}">{escape(label)}</label></span>'
        for key, label in CHECKS
    )
    return (
        '<form class="sig-form sig-practice__check" data-practice-check hidden novalidate>'
        f'<fieldset><legend data-practice-took></legend>{boxes}'
        f'{_select("story", "The story I told", "")}</fieldset>'
        '<p class="sig-practice__tip" data-practice-tip></p>'
        f'<p class="sig-controls">{button("Save this answer", "data-practice-save", primary=True, kind="submit")}</p>'
        "</form>"
    )


def _own() -> str:
    return (
        '<details class="sig-practice__own"><summary>Add a question of your own</summary>'
        '<form class="sig-form" data-practice-own novalidate>'
        f'{field(OWN_FIELD, "sig-practice-own", "data-practice-own-text autocomplete=off")}'
        f'<p class="sig-controls">{button("Add my question", "data-practice-add", kind="submit")}</p>'
        "</form></details>"
    )


def render_practice_room(deck: PracticeDeck, sections: Iterable[Section], bank_href: str) -> str:
    """The practice room around the deck. Its root is the one <article> inside it: Material's
    search ends an exclusion at the first inner closing tag of the root's name (see above)."""
    sections = list(sections)
    targets = "".join(_option(str(n), f"{n} minute{'s' if n > 1 else ''}", n == TARGET) for n in TARGETS)
    room = (
        '<div class="sig-practice__room" data-practice-room hidden>'
        f'<div class="sig-form__fields">{_select("choose", "Questions from", _choices(sections))}'
        f'{_select("target", "Aim to answer in", targets)}</div>'
        '<div class="sig-practice__card">'
        '<p class="sig-practice__where" data-practice-where></p>'
        '<p class="sig-practice__shown" data-practice-question tabindex="-1"></p>'
        '<p class="sig-practice__time" data-practice-time>0:00</p>'
        f"{_controls()}"
        f'<p class="sig-practice__small">{escape(RECORDING_NOTE)}</p>'
        '<p class="sig-notice" data-practice-off hidden></p>'
        f"{status()}"
        '<p class="sig-controls" data-practice-playback hidden><audio controls data-practice-audio></audio> '
        '<a class="md-button sig-button" data-practice-download download>Download the recording</a></p>'
        f"{_check()}"
        '<div class="sig-practice__stories" data-practice-stories hidden>'
        "<h3>Your stories for this question</h3>"
        f'<p><em>{escape(TAGS_LABEL)}</em> <span data-practice-themes></span></p><ul data-practice-story-list></ul>'
        '<p data-practice-no-story>No story in your bank has these themes yet: '
        f'<a href="{attr(bank_href)}">add one in your story bank</a>.</p></div>'
        f'<p class="sig-controls">{button("Remove this question", "data-practice-remove hidden")}</p></div>'
        '<h3>A mock panel</h3>'
        f"<p>Answer {PANEL_SIZE} questions in a row, each from another section, with a pause of "
        f"{PANEL_PAUSE} seconds between them, as a panel would ask them. Your times are saved, and "
        "a summary comes at the end.</p>"
        f'<p class="sig-controls">{button("Start a mock panel", "data-practice-panel")}</p>'
        '<div data-practice-summary tabindex="-1" hidden><p data-practice-summary-total></p>'
        "<ol data-practice-summary-list></ol></div>"
        f"{_own()}</div>"
    )
    return (
        f'<article class="sig-tool sig-practice" data-practice {component(FEATURE, CONFIG, ready="data-practice-ready")} '
        f'aria-label="Practice room">{NO_SCRIPT}{room}{render_practice_deck(deck, sections)}</article>'
    )
