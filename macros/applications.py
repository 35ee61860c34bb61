"""The reader's applications (data in, HTML out): the record every tool reads, and the bar to set
up, switch, add, edit and delete them; applications.js is the bar's script.

A reader with second interviews at several companies keeps one prep kit per application: ticks,
cheat-sheet notes, the plan, the drafts and the practice. The stories and the offer comparison are
shared. The record (company, role, date, time, place, contact) is the one source of those details:
the planner's date, time and company fields edit it too, under the rules below, which the core
(guide.js) applies to every form. The data-application-* attributes are a public contract.
"""

from __future__ import annotations

from html import escape

from .markup import NO_SCRIPT, Field, Wake, attr, button, component, field, status
from .parts import Part

FEATURE = "applications"
PART = Part("details", "the application's details", tool=False)  # the record, as an import calls it

# The most the guide keeps: the home list and the switcher stay short enough to scan.
MAX_APPLICATIONS = 10
ID_CHARS = 16  # an application's id, as the core makes and checks them (SCOPE_ID in guide.js)

RECORD_FIELDS = (
    Field("company", "Company", "text", 120, required=True),
    Field("role", "Role (optional)", "text", 80),
    Field("date", "Interview date (optional)", "date"),
    Field("time", "Start time (optional)", "time"),
    Field("place", "Place or video link (optional)", "text", 200),
    Field("contact", "Contact (optional)", "text", 120),
)
COMPANY_LIMIT = RECORD_FIELDS[0].limit
# What a first visit asks, on the home page: enough to name the application and plan from its date.
SET_UP_FIELDS = ("company", "role", "date")

# How an application is named everywhere (the core's nameOf): its company and role.
NAME_WORDS = {
    "untitled": "My interview",  # before the reader names it: never stored as a company
    "name": "{company} ({role})",
    "nameNoRole": "{company}",
}
# The first application's id: a reader who has set nothing up has only it, untitled (never stored
# until named). Data from before applications existed lives in its scope.
FIRST_ID = "main"
UNTITLED_NAME = NAME_WORDS["nameNoRole"].format(company=NAME_WORDS["untitled"])
# The bar's script loads once an application has details saved, or when the bar is used.
WAKE = Wake(records=True)


def untitled_option(*, selected: bool = False) -> str:
    """The untitled first application in a list of applications, as the scripts show it to a
    reader with nothing set up (the bar's switcher, the offer table's links)."""
    return f'<option value="{attr(FIRST_ID)}"{" selected" if selected else ""}>{escape(UNTITLED_NAME)}</option>'
FIELD_WORDS = {
    "company": {"missing": "Enter the company's name."},
    "date": {"bad": "Enter a complete, real date, or leave it empty."},
    "time": {"bad": "Enter a complete time, such as 14:30, or leave it empty."},
}

WORDS = {
    "added": "Added {name}; you are now preparing for it.",
    "named": "Set up: you are now preparing for {name}.",
    "saved": "Saved the details of {name}.",
    "switched": "Now preparing for {name}.",
    "deleted": "Deleted {name} and its ticks, notes, plan, drafts and practice.",
    "restored": "Restored {name}.",
    "full": f"You have {MAX_APPLICATIONS} applications, the most the guide keeps. "
            "Delete one you no longer need, then add the new one.",
    "last": "This is your only application: edit its details instead, or add another first.",
    "gone": "{name} was deleted in another tab, so this tab now prepares for {next}.",
    "goneWhileEditing": "The application you were editing was deleted in another tab, so your "
                        "changes were not saved.",
    "cleared": "Your saved data was cleared in another tab: you start again with one untitled "
               "application.",
    "refused": "This browser did not keep the change (see the notice above).",
    "addLegend": "Add an application",
    "editLegend": "Edit the details of this application",
    "setUpLegend": "Set up your interview",
}

CONFIG = {"words": WORDS, "setUp": list(SET_UP_FIELDS)}


def record_rules() -> dict:
    """The record's fields and limits for the core, which checks every form against them."""
    return {
        "fields": [f.key for f in RECORD_FIELDS],
        "limits": {f.key: f.limit for f in RECORD_FIELDS if f.limit},
        "required": [f.key for f in RECORD_FIELDS if f.required],
        "dates": [f.key for f in RECORD_FIELDS if f.kind == "date"],
        "times": [f.key for f in RECORD_FIELDS if f.kind == "time"],
        "max": MAX_APPLICATIONS,
        "words": FIELD_WORDS,
    }


def import_rules() -> dict:
    """What an import checks of each application's details (macros/progress.py gathers it)."""
    kinds = {"date": len("2026-12-31"), "time": len("23:59")}
    return {
        "most": MAX_APPLICATIONS,
        "idChars": ID_CHARS,
        "fields": {**{f.key: {"chars": f.limit or kinds[f.kind], **({"date": True} if f.kind == "date" else {}),
                              **({"time": True} if f.kind == "time" else {})} for f in RECORD_FIELDS},
                   "added": {"number": True}},
    }


def _form() -> str:
    fields = "".join(
        field(f, f"sig-application-{f.key}", f'data-application-field="{f.key}"',
              error_hooks=f'data-application-message="{f.key}"')
        for f in RECORD_FIELDS
    )
    return (
        '<form class="sig-form" id="sig-application-form" data-application-form hidden novalidate>'
        f'<fieldset><legend data-application-legend>{WORDS["addLegend"]}</legend>'
        f'<div class="sig-form__fields">{fields}</div></fieldset>'
        f'<p class="sig-controls">{button("Save", "data-application-save", primary=True, kind="submit")} '
        f'{button("Cancel", "data-application-cancel")}</p></form>'
    )


def _set_up(short_path: str) -> str:
    """The home page's first screen on a first visit: three details name the first application."""
    by_key = {f.key: f for f in RECORD_FIELDS}
    fields = "".join(
        field(by_key[key], f"sig-setup-{key}", f'data-application-setup-field="{key}"')
        for key in SET_UP_FIELDS
    )
    short = (f' <a href="{attr(short_path)}">Short on time? Take the short path</a>' if short_path else "")
    return (
        '<form class="sig-form sig-setup" data-application-setup novalidate>'
        f'<fieldset><legend class="sig-setup__title">{WORDS["setUpLegend"]}</legend>'
        '<p class="sig-setup__lead">Tell the guide where you are going and it keeps your ticks, notes and '
        "plan for this interview, in this browser only.</p>"
        f'<div class="sig-form__fields">{fields}</div></fieldset>'
        f'<p class="sig-controls">{button("Set up my interview", "data-application-setup-save", primary=True, kind="submit")}'
        f"{short}</p></form>"
    )


def render_application_bar(*, set_up: bool = False, short_path: str = "") -> str:
    """The current application and the controls to switch, add, edit and delete; with `set_up`
    (the home page), the first visit's set-up form in its place until the reader names one.

    The bar's script loads once the reader has an application's details saved or reaches into it
    (guide-wake.js); until then it shows what a reader with nothing saved has: the one untitled
    application, and with `set_up` the set-up form in the current application's place."""
    return (
        f'<section class="sig-tool sig-applications" data-applications '
        f'{component(FEATURE, CONFIG, ready="data-applications-ready", wake=WAKE)} aria-label="Your applications">'
        f"{NO_SCRIPT}{_set_up(short_path) if set_up else ''}"
        '<div class="sig-applications__current sig-controls" data-application-current>'
        '<label for="sig-application-switcher">Preparing for</label> '
        f'<select id="sig-application-switcher" data-application-switcher>{untitled_option(selected=True)}</select> '
        + button("Add an application", 'data-application-add aria-controls="sig-application-form" aria-expanded="false"')
        + " "
        + button("Edit details", 'data-application-rename aria-controls="sig-application-form" aria-expanded="false"')
        + " "
        + button("<span data-confirm-face>Delete</span>",
                 'data-application-delete data-confirm="Delete it and its notes?" '
                 'data-confirm-said="Press Delete again to delete this application, or move on to keep it."')
        + "</div>"
        f"{_form()}"
        f'{status("data-application-status data-application-undo")}'
        "</section>"
    )


def describe_fields() -> str:
    """The fields an application holds, for the About page's data section."""
    return ", ".join(f.label.replace(" (optional)", "").lower() for f in RECORD_FIELDS)
