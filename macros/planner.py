"""HTML for the interview planner (HTML out); planner.js counts the dates and draws the plan, and
planner-calendar.js, loaded when the reader asks for it, writes the calendar file.

The interview's date, time and company are the application's record (macros/applications.py):
the planner shows them and edits them under the record's rules. Its own part keeps only the two
dates the employer gave. The data-planner-* attributes are a public contract.
"""

from __future__ import annotations

import json

from .applications import RECORD_FIELDS
from .core import YEARS
from .markup import NO_SCRIPT, Field, Wake, attr, button, component, field, status
from .parts import Part

FEATURE = "planner"
# One per application. An older planner kept the date, time and company: they are the record's now.
PART = Part("planner", "planner", ("an interview plan", "an interview plan"), kind="record",
            lifted=("date", "time", "company"))
# Its script loads once the reader has a plan or an application's details saved, or uses the form.
WAKE = Wake(parts=(PART.name,), records=True)

_RECORD = {f.key: f for f in RECORD_FIELDS}
PLANNER_FIELDS = (
    Field("date", "Interview date", "date", hint="Your plan counts back from it."),
    Field("time", "Start time (optional)", "time"),
    Field("company", "Company", "text", _RECORD["company"].limit, required=True),
    Field("decision", "Decision date they gave you (optional)", "date"),
    Field("offer", "Offer deadline (optional)", "date"),
)
OWN_FIELDS = ("decision", "offer")  # kept in the planner's part; the rest are the application's

# The words the script shows; it only counts the dates. Each step is [title, detail]; "after" is
# the check-in when the employer named a decision date, {date} being that date.
PLANNER_WORDS = {
    "research": ["Research the company",
                 "Read its website, recent news and the job advert; note three questions to ask."],
    "stories": ["Prepare your stories",
                "Pick the strongest from your story bank (background page) and give each a clear shape."],
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
    "years": f"Enter a date in the years {YEARS[0]} to {YEARS[1]}.",
    "before": "This is before your interview date, so check both. Until then, the check-in is "
              "five business days after the interview.",
    # Said to screen readers once the plan is drawn or changes.
    "ready": "Your plan is ready: {count} steps, from {first} to {last}.",
    "passed": " (passed)",
    "at": " at {company}",
    # The calendar file: its name, and what the interview's event says of the place and contact.
    "file": "plan-{company}.ics",
    "fileUntitled": "interview",
    "contact": "Contact: {contact}",
    "where": "Where: {place}",
}

CONFIG = {
    "store": PART.name,
    "fields": [f.key for f in PLANNER_FIELDS],
    "own": list(OWN_FIELDS),
    "required": PLANNER_FIELDS[0].key,  # no plan without it
    "dates": [f.key for f in PLANNER_FIELDS if f.kind == "date"],
    "decision": "decision",  # flagged when it is before the interview
    "years": list(YEARS),
}


def import_rules() -> dict:
    """What an import checks of the planner's part (macros/progress.py gathers it). Older files
    also hold the application's date, time and company here: the core lifts them into the record."""
    dates = {"chars": len("2026-12-31"), "date": True}
    return {"fields": {"decision": dates, "offer": dates, "date": dates, "time": {"chars": len("23:59"), "time": True},
                       "company": {"chars": _RECORD["company"].limit}}}


# A link a step of the plan carries, by the step's key: where the guide helps with it.
LINK_WORDS = {"rehearse": "Rehearse them on the practice page"}


def render_interview_planner(links: dict[str, str] | None = None) -> str:
    """Dates in, a dated plan out (drawn by the script), with a button for a calendar file.
    `links` gives the address of a step's page by the step's key (LINK_WORDS)."""
    steps = "".join(f'<a href="{attr(href)}" data-planner-link="{attr(key)}">{LINK_WORDS[key]}</a>'
                    for key, href in (links or {}).items())
    fields = "".join(
        field(f, f"sig-planner-{f.key}", f'data-planner-field="{f.key}"',
              error_hooks=f'data-planner-message="{f.key}"',
              message=PLANNER_WORDS["missing"] if f.key == CONFIG["required"] else "")
        for f in PLANNER_FIELDS
    )
    words = attr(json.dumps(PLANNER_WORDS, separators=(",", ":")))
    return (
        f'<section class="sig-tool sig-planner" data-planner {component(FEATURE, CONFIG, ready="data-planner-ready", wake=WAKE)} '
        f'data-planner-words="{words}" aria-labelledby="sig-planner-title">{NO_SCRIPT}'
        '<form class="sig-form" novalidate><fieldset>'
        f'<legend id="sig-planner-title">Your dates</legend><div class="sig-form__fields">{fields}</div>'
        "</fieldset></form>"
        '<ol class="sig-planner__steps" data-planner-steps aria-label="Your plan" hidden></ol>'
        f"<template data-planner-links>{steps}</template>"
        f'<p class="sig-controls">{button("Add to calendar", "data-planner-ics hidden")}</p>'
        f"{status()}</section>"
    )
