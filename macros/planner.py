"""HTML for the interview planner (HTML out); planner.js counts the dates and draws the plan.

The markup and every word are here. The data-planner-* attributes are a public contract with the
script, the CSS and the tests.
"""

from __future__ import annotations

import json

from .markup import (
    BUTTON,
    LIVE_REGIONS,
    NO_SCRIPT,
    STORAGE_NOTICE,
    Field,
    attr,
    component,
    labelled_input,
)

FEATURE = "planner"
# Dates outside these years are refused: calendar programs and libraries handle four-digit years,
# and a year typed short (0026 for 2026) is a slip, not a plan.
FIRST_YEAR = 1900
LAST_YEAR = 2100

PLANNER_FIELDS = (
    Field("date", "Interview date (required)", "date"),
    Field("time", "Start time (optional)", "time"),
    Field("company", "Company (optional)", "text", 120),
    Field("decision", "Decision date they gave you (optional)", "date"),
    Field("offer", "Offer deadline (optional)", "date"),
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
    "years": f"Enter a date in the years {FIRST_YEAR} to {LAST_YEAR}.",
    "before": "This is before your interview date, so check both. Until then, the check-in is "
              "five business days after the interview.",
    # Said to screen readers once the plan is drawn or changes.
    "ready": "Your plan is ready: {count} steps, from {first} to {last}.",
    "passed": " (passed)",
    "at": " at {company}",
}

CONFIG = {
    "store": "planner",  # the planner's part of the reader's saved data
    "fields": [field.key for field in PLANNER_FIELDS],
    "required": PLANNER_FIELDS[0].key,  # no plan without it
    "dates": [field.key for field in PLANNER_FIELDS if field.kind == "date"],
    "decision": PLANNER_FIELDS[3].key,  # flagged when it is before the interview
    "years": [FIRST_YEAR, LAST_YEAR],
    "calendarFile": "second-interview-plan.ics",
    # The fields that are the current application's (macros/applications.py): one value each.
    "application": ["date", "time", "company"],
}


def render_interview_planner() -> str:
    """Dates in, a dated plan out (drawn by the script), with a button for a calendar file."""
    rows = []
    for field in PLANNER_FIELDS:
        field_id = f"sig-planner-{field.key}"
        message_id = f"{field_id}-message"
        data = f'data-planner-field="{attr(field.key)}"'
        rows.append(
            f'<p class="sig-tool__field">{labelled_input(field, field_id, data, message_id)}'
            f'<span class="sig-tool__message" id="{message_id}" data-planner-message="{field.key}">'
            "</span></p>"
        )
    words = attr(json.dumps(PLANNER_WORDS, separators=(",", ":")))
    return (
        f'<div class="sig-tool sig-planner" data-planner {component(FEATURE, CONFIG, searchable=False)} '
        f'data-planner-words="{words}">{NO_SCRIPT}'
        f'<fieldset><legend>Your dates</legend>{"".join(rows)}</fieldset>'
        '<ol class="sig-planner__steps" data-planner-steps aria-label="Your plan" hidden></ol>'
        '<p class="sig-tool__controls">'
        f"<button {BUTTON} data-planner-ics hidden>Add to calendar</button></p>"
        f"{LIVE_REGIONS}{STORAGE_NOTICE}</div>"
    )
