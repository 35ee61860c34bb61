"""HTML for exporting and importing everything the reader saved (HTML out); progress.js does it.

The file format is the guide's promise to its readers: a file exported once keeps importing.
"""

from __future__ import annotations

from .markup import BUTTON, BUTTON_CLASS, component

FEATURE = "progress"
UNCHANGED = " Nothing was changed."
CONFIG = {
    "format": "second-interview-guide/progress",
    "version": 1,
    "maxBytes": 512 * 1024,
    "fileName": "second-interview-progress-{date}.json",
    "exported": "Your progress was saved to a file in your downloads.",
    "restored": "Progress restored: {ticks} ticked items and {notes} notes.",
    "tooLarge": "That file is too large to be a progress file." + UNCHANGED,
    "notJson": "That file could not be read: it is not valid JSON." + UNCHANGED,
    "notOurs": "That file is not a progress file from this guide." + UNCHANGED,
    "otherVersion": "That progress file comes from a different version of the guide and cannot be "
                    "read here." + UNCHANGED,
    "damaged": "That progress file is damaged." + UNCHANGED,
    "unopened": "That file could not be opened." + UNCHANGED,
}


def render_progress_tools() -> str:
    """Export and import of everything the reader saved, with the note on where it lives."""
    return (
        f'<div class="sig-progress-tools" data-progress-tools {component(FEATURE, CONFIG, searchable=False)}>'
        '<p class="sig-progress-tools__note">Your ticks and notes are kept only in this browser, '
        "on this device: no account, no server. Safari deletes a site's stored data after 7 days "
        "without a visit, so export your progress if you want to keep it or move it.</p>"
        '<p class="sig-progress-tools__controls sig-controls">'
        f"<button {BUTTON} data-progress-export>"
        "Export my progress</button> "
        f'<label class="{BUTTON_CLASS} sig-file-button">Import progress from a file'
        '<input type="file" accept="application/json,.json" data-progress-import></label></p>'
        '<p class="sig-progress-tools__message" data-progress-message role="status" '
        f'aria-live="polite"></p></div>'
    )
