"""HTML for the reader's applications (data in, HTML out); applications.js keeps the list.

A reader with second interviews at several companies keeps one prep kit per application: ticks,
cheat-sheet notes, the plan and the thank-you drafts. The stories and the offer comparison are
shared. The bar (switcher, add, rename, delete) appears once on every page with a checklist or a
tool; the home page also lists every application with its date and readiness.

The data-application-* attributes are a public contract with the script, the CSS and the tests.
"""

from __future__ import annotations

from html import escape

from .markup import BUTTON, Field, attr, component, labelled_input
from .planner import CONFIG as PLANNER_CONFIG, PLANNER_FIELDS

# The planner's company and the application's are one value, so they share one limit.
COMPANY_LIMIT = next(f.limit for f in PLANNER_FIELDS if f.key == "company")

FEATURE = "applications"

# The most the guide keeps: the home list and the switcher stay short enough to scan.
MAX_APPLICATIONS = 10
ID_CHARS = 16  # an application's id, as the core makes and checks them (SCOPE_ID in guide.js)

# What the reader tells us about one application; company and role name it everywhere.
APPLICATION_FIELDS = (
    Field("company", "Company", "text", COMPANY_LIMIT),
    Field("role", "Role", "text", 80),
    Field("date", "Interview date (optional)", "date"),
    Field("time", "Start time (optional)", "time"),
    Field("place", "Place or video link (optional)", "text", 200),
    Field("contact", "Contact (optional)", "text", 120),
)
REQUIRED = ("company",)

WORDS = {
    "untitled": "My interview",  # the first application, made from data saved before applications
    "option": "{company} ({role})",
    "optionNoRole": "{company}",
    "added": "Added {name}; you are now preparing for it.",
    "saved": "Saved {name}.",
    "switched": "Now preparing for {name}.",
    "deleted": "Deleted {name} and its ticks, notes, plan and drafts.",
    "restored": "Restored {name}.",
    "full": f"You have {MAX_APPLICATIONS} applications, the most the guide keeps. "
            "Delete one you no longer need, then add the new one.",
    "needCompany": "Enter the company's name.",
    "last": "This is your only application; rename it instead, or add another first.",
    "noDate": "No date yet",
    "ready": "{done} of {total}",
    "addLegend": "Add an application",
    "renameLegend": "Rename this application",
}

CONFIG = {
    "max": MAX_APPLICATIONS,
    "fields": [f.key for f in APPLICATION_FIELDS],
    "limits": {f.key: f.limit for f in APPLICATION_FIELDS if f.limit},
    "required": list(REQUIRED),
    "planned": PLANNER_CONFIG["application"],  # the application's fields the planner shows
    "plannerStore": PLANNER_CONFIG["store"],
    "words": WORDS,
}


def _form() -> str:
    rows = []
    for field in APPLICATION_FIELDS:
        field_id = f"sig-application-{field.key}"
        message_id = f"{field_id}-message"
        data = f'data-application-field="{attr(field.key)}"'
        if field.key in REQUIRED:
            data += " required"
        rows.append(
            f'<p class="sig-tool__field">{labelled_input(field, field_id, data, message_id)}'
            f'<span class="sig-tool__message" id="{message_id}" '
            f'data-application-message="{attr(field.key)}"></span></p>'
        )
    return (
        '<form class="sig-applications__form" id="sig-application-form" data-application-form '
        'hidden novalidate>'
        '<fieldset><legend data-application-legend>Add an application</legend>'
        f'{"".join(rows)}</fieldset>'
        '<p class="sig-tool__controls">'
        f'<button {BUTTON} data-application-save>Save</button> '
        f'<button {BUTTON} data-application-cancel>Cancel</button></p></form>'
    )


def render_application_bar() -> str:
    """The current application and the controls to switch, add, rename and delete."""
    return (
        f'<div class="sig-applications" data-applications {component(FEATURE, CONFIG, searchable=False)}>'
        '<p class="sig-applications__current">'
        '<label for="sig-application-switcher">Preparing for</label> '
        '<select id="sig-application-switcher" data-application-switcher></select> '
        f'<button {BUTTON} data-application-add aria-controls="sig-application-form" '
        'aria-expanded="false">Add an application</button> '
        f'<button {BUTTON} data-application-rename aria-controls="sig-application-form" '
        'aria-expanded="false">Rename</button> '
        f'<button {BUTTON} data-application-delete data-confirm="Delete it and its notes?">'
        '<span data-confirm-face>Delete</span></button></p>'
        f"{_form()}"
        '<p class="sig-applications__undo" data-application-undo hidden>'
        '<span data-application-undo-text></span> '
        f'<button {BUTTON} data-application-undo-button>Undo</button></p>'
        '<p class="sig-applications__status" data-application-status role="status" '
        'aria-live="polite"></p>'
        "</div>"
    )


def render_application_list() -> str:
    """Every application, soonest interview first, with its readiness (filled in by the script)."""
    return (
        '<div class="sig-applications-list" data-application-list>'
        '<table><caption>Your applications, soonest interview first</caption>'
        '<thead><tr><th scope="col">Company and role</th><th scope="col">Interview</th>'
        '<th scope="col">Ready</th></tr></thead>'
        "<tbody data-application-rows></tbody></table></div>"
    )


def describe_fields() -> str:
    """The fields an application holds, for the About page's data section."""
    return ", ".join(escape(f.label.replace(" (optional)", "").lower()) for f in APPLICATION_FIELDS)


# The cheat sheet's header, in two lines that replace the sheet's title when printed: the
# company and role, then the rest. In print each line keeps to one line, each row cut short with
# an ellipsis when they do not all fit, so that a header with every field full still leaves the
# sheet on one page. The script fills the rows from the current application; an empty row is hidden.
HEADER_LINES = (
    (("company", "Company"), ("role", "Role")),
    (("when", "When"), ("place", "Where"), ("contact", "Contact"), ("interviewers", "Interviewers")),
)


def render_application_header() -> str:
    """The top of the printed cheat sheet: company and role, date and time, place, interviewers."""
    lines = "".join(
        '<span class="sig-applications-header__line">'
        + "".join(
            f'<span class="sig-applications-header__row" data-application-header-row hidden>'
            f'<span class="sig-applications-header__label">{escape(label)}:</span> '
            f'<span data-application-header-field="{attr(key)}"></span></span> '
            for key, label in line
        )
        + "</span>"
        for line in HEADER_LINES
    )
    return f'<p class="sig-applications-header" data-application-header>{lines}</p>'
