"""What the core script (docs/assets/guide/guide.js) needs from Python: the reader's data layout
each feature declares, the application record's rules, and the words the core itself says.

Each feature module declares its own part of the reader's data once, as PART (macros/parts.py):
its name, its shape, whether every application shares it, and the fields an older version kept in
it that now live in the application's record. The core names no feature: it reads these here.

Rendered once per page, before the page's first tool, with the page's one storage notice.
"""

from __future__ import annotations

from html import escape

from . import applications
from .markup import BUTTON_CLASS, as_json, attr

# Dates outside these years are refused everywhere: calendar programs and libraries handle
# four-digit years, and a year typed short (0026 for 2026) is a slip, not a plan.
YEARS = (1900, 2100)

WORDS = {
    "undo": "Undo",
    "undone": "Done: it is back as it was.",
    "failed": "This part of the page could not start. Reload the page to try again; what you saved "
              "is safe in this browser.",
}

STORAGE_NOTICE_TEXT = (
    "Your progress cannot be saved in this browser, so ticks and notes last only for this visit. "
    "Export your progress before you leave if you want to keep it."
)
UNREADABLE_NOTICE_TEXT = (
    "Some of your saved progress cannot be used: it cannot be read, or it belongs to no application. "
    "The guide leaves it as it is, and what you change in that part lasts only for this visit. "
    "Download it to keep it as a file; the guide then starts that part fresh."
)
RECOVER_LABEL = "Download it and start fresh"
UNREADABLE_FILE = "second-interview-unreadable-{date}.json"


def data_layout(modules) -> dict:
    """The parts the features keep, gathered from their modules without knowing what they hold."""
    tools = [m.PART for m in modules if getattr(m, "PART", None) and m.PART.tool]
    return {
        "shared": [part.name for part in tools if part.shared],
        "kinds": {part.name: part.kind for part in tools},
        "lifted": {part.name: list(part.lifted) for part in tools if part.lifted},
    }


# Every key of the reader's data starts with this (guide-data.js lays out the rest); the layout
# key marks which layout the browser holds, and alone it is not data the reader saved.
STORAGE_PREFIX = "second-interview-guide:"
LAYOUT_KEY = STORAGE_PREFIX + "v2"
# An application's record is stored under this and its id (guide-data.js keyOf(RECORD + id), in the
# shared scope). The first-paint check in overrides/main.html looks for a named one under it.
RECORD_KEY_PREFIX = LAYOUT_KEY + ":shared:application:"


def core_config(modules) -> dict:
    return {
        **data_layout(modules),
        "prefix": STORAGE_PREFIX,
        "layout": LAYOUT_KEY,
        "first": applications.FIRST_ID,
        "years": list(YEARS),
        "application": applications.record_rules(),
        "words": {**WORDS, **applications.NAME_WORDS},
    }


def render_core(config: dict) -> str:
    """The core's configuration and the page's one storage notice (guide.js shows it when the
    browser refuses to save or saved data cannot be used, then with a way out)."""
    return (
        f'<div hidden data-guide-core="{attr(as_json(config))}"></div>'
        f'<p class="sig-notice sig-storage-notice" data-storage-notice="{attr(STORAGE_NOTICE_TEXT)}" '
        f'data-storage-unreadable="{attr(UNREADABLE_NOTICE_TEXT)}" '
        f'data-storage-file="{attr(UNREADABLE_FILE)}" role="alert" hidden>'
        "<span data-storage-notice-text></span> "
        f'<button type="button" class="{BUTTON_CLASS}" data-storage-recover hidden>'
        f"{escape(RECOVER_LABEL)}</button></p>"
    )
