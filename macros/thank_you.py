"""HTML for the thank-you drafter (HTML out); thank-you.js fills in and keeps the messages.

All the cards are in the page and the script shows those in use. The data-thankyou-* attributes
are a public contract with the script, the CSS and the tests.
"""

from __future__ import annotations

import json

from .markup import (
    BUTTON,
    BUTTON_CLASS,
    LIVE_REGIONS,
    NO_SCRIPT,
    STORAGE_NOTICE,
    saved_cut_notice,
    Field,
    attr,
    component,
    labelled_input,
)

FEATURE = "thank-you"
MOST_CARDS = 8

THANK_YOU_FIELDS = (
    Field("name", "Their name", "text", 100),
    Field("role", "Their role", "text", 100),
    Field("topic", "One topic you discussed", "text", 200),
    Field("reason", "Why you want the job", "text", 200),
)
MESSAGE = "message"  # the card's editable message, saved with the fields
MESSAGE_LIMIT = 2000
FROM_LIMIT = 100  # the sign-off name

# {key|hint}: the field's text, or [hint] while it is empty. Five sentences, then the sign-off.
DRAFT = (
    "Dear {name|their name},\n\n"
    "Thank you for taking the time to meet me today and for telling me about your work as "
    "{role|their role}. I especially enjoyed our conversation about {topic|the topic you discussed}. "
    "It left me even more keen on this role, because {reason|why you want the job}. "
    "If anything else would help your decision, I would be glad to send it. "
    "I look forward to hearing from you.\n\nBest wishes,\n{from|your name}"
)
# Shown when the stored messages hold more than the drafter can show (only an old import could).
SAVED_CUT = (f"Your saved messages hold more than the drafter shows (at most {MOST_CARDS} interviewers, "
             "each field to its limit), so only what fits is shown, and your next change here keeps "
             "only that. Export your progress first if you want to keep the rest.")
THANK_YOU_WORDS = {
    "draft": DRAFT,
    "subject": "Thank you for today's conversation",
    "copied": "Copied: paste it into your email.",
    "copy": "Press Ctrl+C or Cmd+C to copy.",
    # Said to screen readers (the copy messages too, which also show on the card).
    "added": "Interviewer {n} added.",
    "removed": "Interviewer removed: {n} left.",
    "rebuilt": "Message rebuilt from the fields.",
}

CONFIG = {
    "store": "thankYou",  # the drafter's part of the reader's saved data
    "fields": [field.key for field in THANK_YOU_FIELDS] + [MESSAGE],
    "message": MESSAGE,
    "from": "from",  # the sign-off name, saved with the first card
}


def _card(number: int) -> str:
    """One interviewer's card."""
    prefix = f"sig-thankyou-{number}"
    rows = "".join(
        f'<p class="sig-tool__field">{labelled_input(field, f"{prefix}-{field.key}", data)}</p>'
        for field in THANK_YOU_FIELDS
        for data in [f'data-thankyou-field="{attr(field.key)}"']
    )
    return (
        f'<fieldset class="sig-thankyou__card" data-thankyou-card{" hidden" if number > 1 else ""}>'
        f"<legend>Interviewer {number}</legend>{rows}"
        f'<p class="sig-thankyou__draft"><label for="{prefix}-message">'
        "Your message (edit it as you like)</label>"
        f'<textarea id="{prefix}-message" rows="9" maxlength="{MESSAGE_LIMIT}" data-thankyou-field="{MESSAGE}" '
        f'aria-describedby="{prefix}-status"></textarea></p>'
        '<p class="sig-tool__controls">'
        f"<button {BUTTON} data-thankyou-copy>Copy</button>"
        f'<a class="{BUTTON_CLASS}" data-thankyou-mail href="mailto:">'
        "Open in your mail program</a>"
        f"<button {BUTTON} data-thankyou-rebuild hidden>Rebuild from the fields</button>"
        f"<button {BUTTON} data-thankyou-remove>Remove this interviewer</button></p>"
        f'<p class="sig-tool__message" id="{prefix}-status" data-thankyou-status></p></fieldset>'
    )


def render_thank_you_drafter() -> str:
    """Your name once, then one card per interviewer with a message to edit, copy or email."""
    cards = "".join(_card(number) for number in range(1, MOST_CARDS + 1))
    words = attr(json.dumps(THANK_YOU_WORDS, separators=(",", ":")))
    return (
        f'<div class="sig-tool sig-thankyou" data-thankyou {component(FEATURE, CONFIG, searchable=False)} '
        f'data-thankyou-words="{words}">{NO_SCRIPT}{saved_cut_notice(SAVED_CUT)}'
        '<p class="sig-tool__field"><label for="sig-thankyou-from">Your name, for the sign-off</label>'
        f'<input type="text" id="sig-thankyou-from" maxlength="{FROM_LIMIT}" autocomplete="name" '
        "data-thankyou-from></p>"
        f"{cards}"
        '<p class="sig-tool__controls">'
        f"<button {BUTTON} data-thankyou-add>Add another interviewer</button></p>"
        f"{LIVE_REGIONS}{STORAGE_NOTICE}</div>"
    )
