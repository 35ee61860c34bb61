"""HTML for the follow-up page's two tools: the interview planner and the thank-you drafter.

Pure functions, no data in and an HTML string out. The markup and every word are here; the
behaviour (counting dates, filling in the messages) is in docs/assets/javascripts/tools-followup.js.
The data-planner-* and data-thankyou-* attributes are a public contract for that script, the CSS
and the tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from .markup import BUTTON, BUTTON_CLASS, STORAGE_NOTICE, attr

NO_SCRIPT = "<noscript><p>This tool needs JavaScript, which is turned off in this browser.</p></noscript>"
MOST_CARDS = 8


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str  # the <input> type
    limit: int = 0  # maxlength; 0 for none


PLANNER_FIELDS = (
    Field("date", "Interview date (required)", "date"),
    Field("time", "Start time (optional)", "time"),
    Field("company", "Company (optional)", "text", 120),
    Field("decision", "Decision date they gave you (optional)", "date"),
    Field("offer", "Offer deadline (optional)", "date"),
)

THANK_YOU_FIELDS = (
    Field("name", "Their name", "text", 100),
    Field("role", "Their role", "text", 100),
    Field("topic", "One topic you discussed", "text", 200),
    Field("reason", "Why you want the job", "text", 200),
)

# The words the script shows; it only counts the dates. Each step is [title, detail]; "after" is
# the check-in when the employer named a decision date, {date} being that date.
PLANNER_WORDS = {
    "research": ["Research the company",
                 "Read its website, recent news and the job advert; note three questions to ask."],
    "stories": ["Prepare your stories",
                "Pick five or six from your story bank (background page) and give each a clear shape."],
    "rehearse": ["Rehearse your stories", "Tell each one aloud, in about two minutes."],
    "logistics": ["Check the logistics",
                  "Plan your route or test the video call, lay out your documents, print the cheat sheet."],
    "interview": ["Your second interview", "Note each interviewer's name and one thing you discussed."],
    "thanks": ["Send your thank-you messages", "One to each interviewer, within 24 hours."],
    "check-in": ["Check in if you have not heard", "Five business days after the interview."],
    "after": ["Check in if you have not heard",
              "One to two business days after the decision date they gave ({date})."],
    "offer": ["Offer deadline", "The last day to give your answer."],
    "packed": "Less than a week to go, so the plan fits into the days you have left.",
    "missing": "Enter your interview date to see your plan.",
    "bad": "Enter a complete, real date or time.",
    "passed": " (passed)",
}

# {key|hint}: the field's text, or [hint] while it is empty. Five sentences, then the sign-off.
DRAFT = (
    "Dear {name|their name},\n\n"
    "Thank you for taking the time to meet me today and for telling me about your work as "
    "{role|their role}. I especially enjoyed our conversation about {topic|the topic you discussed}. "
    "It left me even more keen on this role, because {reason|why you want the job}. "
    "If anything else would help your decision, I would be glad to send it. "
    "I look forward to hearing from you.\n\nBest wishes,\n{from|your name}"
)
THANK_YOU_WORDS = {
    "draft": DRAFT,
    "subject": "Thank you for today's conversation",
    "copied": "Copied: paste it into your email.",
    "copy": "Press Ctrl+C or Cmd+C to copy.",
}


def _words(words: dict) -> str:
    return attr(json.dumps(words, separators=(",", ":")))


def _control(field: Field, field_id: str, data: str, described_by: str = "") -> str:
    extra = f' maxlength="{field.limit}"' if field.limit else ""
    if field.key == "date":
        extra += " required"
    if described_by:
        extra += f' aria-describedby="{attr(described_by)}"'
    return (
        f'<label for="{attr(field_id)}">{escape(field.label)}</label>'
        f'<input type="{attr(field.kind)}" id="{attr(field_id)}" {data}{extra}>'
    )


def render_interview_planner() -> str:
    """Dates in, a dated plan out (drawn by the script), with a button for a calendar file."""
    rows = []
    for field in PLANNER_FIELDS:
        field_id = f"sig-planner-{field.key}"
        message_id = f"{field_id}-message"
        data = f'data-planner-field="{attr(field.key)}"'
        rows.append(
            f'<p class="sig-tool__field">{_control(field, field_id, data, message_id)}'
            f'<span class="sig-tool__message" id="{message_id}" data-planner-message="{field.key}" '
            f'role="status" aria-live="polite"></span></p>'
        )
    return (
        f'<div class="sig-tool sig-planner" data-planner data-planner-words="{_words(PLANNER_WORDS)}">'
        f"{NO_SCRIPT}"
        f'<fieldset><legend>Your dates</legend>{"".join(rows)}</fieldset>'
        '<ol class="sig-planner__steps" data-planner-steps aria-label="Your plan" hidden></ol>'
        '<p class="sig-tool__controls">'
        f"<button {BUTTON} data-planner-ics hidden>Add to calendar</button></p>"
        f"{STORAGE_NOTICE}</div>"
    )


def _card(number: int) -> str:
    """One interviewer's card; all eight are on the page and the script shows those in use."""
    prefix = f"sig-thankyou-{number}"
    rows = "".join(
        f'<p class="sig-tool__field">{_control(field, f"{prefix}-{field.key}", data)}</p>'
        for field in THANK_YOU_FIELDS
        for data in [f'data-thankyou-field="{attr(field.key)}"']
    )
    return (
        f'<fieldset class="sig-thankyou__card" data-thankyou-card{" hidden" if number > 1 else ""}>'
        f"<legend>Interviewer {number}</legend>{rows}"
        f'<p class="sig-thankyou__draft"><label for="{prefix}-message">'
        "Your message (edit it as you like)</label>"
        f'<textarea id="{prefix}-message" rows="9" maxlength="2000" data-thankyou-field="message" '
        f'aria-describedby="{prefix}-status"></textarea></p>'
        '<p class="sig-tool__controls">'
        f"<button {BUTTON} data-thankyou-copy>Copy</button>"
        f'<a class="{BUTTON_CLASS}" data-thankyou-mail href="mailto:">'
        "Open in your mail program</a>"
        f"<button {BUTTON} data-thankyou-rebuild hidden>Rebuild from the fields</button>"
        f"<button {BUTTON} data-thankyou-remove>Remove this interviewer</button></p>"
        f'<p class="sig-tool__message" id="{prefix}-status" data-thankyou-status '
        'role="status" aria-live="polite"></p></fieldset>'
    )


def render_thank_you_drafter() -> str:
    """Your name once, then one card per interviewer with a message to edit, copy or email."""
    cards = "".join(_card(number) for number in range(1, MOST_CARDS + 1))
    return (
        f'<div class="sig-tool sig-thankyou" data-thankyou '
        f'data-thankyou-words="{_words(THANK_YOU_WORDS)}">{NO_SCRIPT}'
        '<p class="sig-tool__field"><label for="sig-thankyou-from">Your name, for the sign-off</label>'
        '<input type="text" id="sig-thankyou-from" maxlength="100" autocomplete="name" '
        "data-thankyou-from></p>"
        f"{cards}"
        '<p class="sig-tool__controls">'
        f"<button {BUTTON} data-thankyou-add>Add another interviewer</button></p>"
        f"{STORAGE_NOTICE}</div>"
    )
