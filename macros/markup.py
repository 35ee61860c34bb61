"""Markup every renderer shares: escaping, the component hooks the core script reads, the storage
notice, buttons and labelled fields.

Each feature's root element carries data-guide-component="<feature>"; guide.js loads that
feature's script when it finds one, and passes it the JSON of the root's data-<feature>-config,
so the words and limits live only in Python. (An attribute, not a <script> element: Material's
instant navigation re-runs every script in the page as JavaScript.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

STORAGE_NOTICE_TEXT = (
    "Your progress cannot be saved in this browser, so ticks and notes last only for this visit. "
    "Export your progress before you leave if you want to keep it."
)
UNREADABLE_NOTICE_TEXT = (
    "Some of your saved progress cannot be read. The guide leaves it as it is, and what you change "
    "in that part lasts only for this visit. Download the unreadable data to keep it as a file; "
    "the guide then starts that part fresh."
)
RECOVER_LABEL = "Download it and start fresh"
UNREADABLE_FILE = "second-interview-unreadable-{date}.json"
# guide.js shows one notice per page (the first), with the words of its attributes, when the
# browser refuses to save or saved data cannot be read (then with a button, data-storage-recover).
STORAGE_NOTICE = (
    f'<p class="sig-storage-notice" data-storage-notice="{escape(STORAGE_NOTICE_TEXT, quote=True)}" '
    f'data-storage-unreadable="{escape(UNREADABLE_NOTICE_TEXT, quote=True)}" '
    f'data-storage-file="{escape(UNREADABLE_FILE, quote=True)}" role="alert" hidden>'
    '<span data-storage-notice-text></span> '
    '<button type="button" class="md-button sig-button" data-storage-recover hidden>'
    f"{escape(RECOVER_LABEL)}</button></p>"
)
BUTTON_CLASS = "md-button sig-button"
BUTTON = f'type="button" class="{BUTTON_CLASS}"'
NO_SCRIPT = "<noscript><p>This tool needs JavaScript, which is turned off in this browser.</p></noscript>"


def attr(value: str) -> str:
    """Text made safe inside a double-quoted attribute."""
    return escape(value, quote=True)


def as_json(value) -> str:
    """Compact JSON for an attribute (escape it with attr)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def component(feature: str, config: dict, *, searchable: bool = True) -> str:
    """The attributes of a feature's root element: which script mounts it, with what words and
    limits. A tool's labels and hints are not worth finding in search, and every page loads the
    search index, so tools leave themselves out of it (data-search-exclude, Material's search)."""
    hooks = f'data-guide-component="{attr(feature)}" data-{feature}-config="{attr(as_json(config))}"'
    return hooks if searchable else f"{hooks} data-search-exclude"


@dataclass(frozen=True)
class Field:
    """One labelled input of a tool's form."""

    key: str
    label: str
    kind: str  # the <input> type
    limit: int = 0  # maxlength; 0 for none


def labelled_input(field: Field, field_id: str, data: str, described_by: str = "") -> str:
    extra = f' maxlength="{field.limit}"' if field.limit else ""
    if field.key == "date":
        extra += " required"
    if described_by:
        extra += f' aria-describedby="{attr(described_by)}"'
    return (
        f'<label for="{attr(field_id)}">{escape(field.label)}</label>'
        f'<input type="{attr(field.kind)}" id="{attr(field_id)}" {data}{extra}>'
    )


# Each tool's two announcers (guide.js SecondInterviewGuide.announce): one polite region for
# results (totals, a plan ready, a story saved, a confirm question) and one alert for errors,
# hidden while it has nothing to say. Field messages are not live: each field names its own with
# aria-describedby and is marked aria-invalid, and the alert says the error once.
ANNOUNCE = 'data-guide-announce role="status" aria-live="polite" aria-atomic="true"'
ALERT_REGION = '<p class="sig-vh" data-guide-alert role="alert" hidden></p>'
LIVE_REGIONS = f'<p class="sig-vh" {ANNOUNCE}></p>{ALERT_REGION}'


def saved_cut_notice(words: str) -> str:
    """A tool's visible note that what is stored holds more than it shows (data from an older
    version or an edited entry); guide.js shows it and says it (G.tellCut)."""
    return f'<p class="sig-tool__cut" data-guide-cut hidden>{escape(words)}</p>'
