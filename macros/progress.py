"""HTML for exporting and importing everything the reader saved (HTML out); progress.js does it.

The file format is the guide's promise to its readers: a file exported once keeps importing. An
import is a reviewed step: progress.js checks every section of the file against the limits below
(taken from each feature's module, so the form and the import enforce the same ones), shows what
the file holds and what it would replace, and asks before replacing or merging.
"""

from __future__ import annotations

from . import applications, cheat_sheet, offers, planner, stories, thank_you
from .markup import BUTTON, BUTTON_CLASS, STORAGE_NOTICE, component

FEATURE = "progress"
UNCHANGED = " Nothing was changed."
# Bounds on the whole file: a real progress file is a few kilobytes and five levels deep.
MAX_BYTES = 512 * 1024
MAX_DEPTH = 8
ID_CHARS = 80  # a checklist or item id
# Data this version of the guide does not know (ticks of retired items, a newer guide's parts) is
# kept, so nothing is lost by a round trip, but only this much of it.
UNKNOWN_KEPT = 50  # ticks, notes or tools
UNKNOWN_CHARS = 4000  # the JSON of one unknown note or tool
DATE_CHARS = len("2026-12-31")
TIME_CHARS = len("23:59")


def _text(limit: int) -> dict:
    return {"chars": limit}


def limits() -> dict:
    """Every limit the guide's forms enforce, per section of a progress file."""
    story = {stories.TITLE: {**_text(stories.MAX_TITLE_CHARS), "required": True},
             **{part: _text(stories.MAX_PART_CHARS) for part, _, _ in stories.STAR_PARTS},
             "tags": {"choices": list(stories.CONFIG["tags"]), "many": True}}
    offer = {"name": _text(offers.NAME_LIMIT), offers.APPLICATION: _text(applications.ID_CHARS),
             **{key: _text(offers.AMOUNT_LIMIT) for key, _, _, _ in offers.ROWS},
             **{unit: {"choices": list(offers.UNITS)} for _, _, unit, _ in offers.ROWS if unit}}
    card = {**{f.key: _text(f.limit) for f in thank_you.THANK_YOU_FIELDS},
            thank_you.MESSAGE: _text(thank_you.MESSAGE_LIMIT),
            thank_you.CONFIG["from"]: _text(thank_you.FROM_LIMIT),
            "edited": {"flag": True}}
    kinds = {"date": DATE_CHARS, "time": TIME_CHARS}
    plan = {f.key: _text(f.limit or kinds[f.kind]) for f in planner.PLANNER_FIELDS}
    return {
        "maxDepth": MAX_DEPTH,
        "idChars": ID_CHARS,
        "unknownKept": UNKNOWN_KEPT,
        "unknownChars": UNKNOWN_CHARS,
        "notes": {f.key: {"chars": f.limit, "lines": f.lines, "label": f.label}
                  for f in cheat_sheet.NOTE_FIELDS},
        "lists": {
            stories.CONFIG["store"]: {"most": stories.MAX_STORIES, "fields": story, "merge": stories.TITLE},
            offers.CONFIG["store"]: {"most": offers.OFFERS, "fields": offer},
            thank_you.CONFIG["store"]: {"most": thank_you.MOST_CARDS, "fields": card},
        },
        "records": {planner.CONFIG["store"]: {"fields": plan}},
        # A file of several applications: each one's details, as the bar's form keeps them.
        "applications": {"most": applications.MAX_APPLICATIONS,
                         "fields": {**{f.key: _text(f.limit or kinds[f.kind]) for f in applications.APPLICATION_FIELDS},
                                    "added": {"number": True}}},
    }


CONFIG = {
    "format": "second-interview-guide/progress",
    "version": 2,  # what export writes: every application, and the shared parts
    "oneApplication": 1,  # files from before applications: one application's parts and the shared ones
    "maxBytes": MAX_BYTES,
    "fileName": "second-interview-progress-{date}.json",
    "exported": "Your progress was saved to a file in your downloads.",
    "restored": "Progress restored: {ticks} ticked items and {notes} notes.",
    "merged": "Progress merged: you now have {ticks} ticked items and {notes} notes.",
    "notKept": "The file's progress is shown, but this browser did not keep it (see the notice): "
               "it will be gone when you leave. Keep the file to import it again.",
    "cancelled": "Import cancelled." + UNCHANGED,
    "tooLarge": "That file is too large to be a progress file." + UNCHANGED,
    "notJson": "That file could not be read: it is not valid JSON." + UNCHANGED,
    "notOurs": "That file is not a progress file from this guide." + UNCHANGED,
    "otherVersion": "That progress file comes from a different version of the guide and cannot be "
                    "read here." + UNCHANGED,
    "damaged": "That progress file is damaged." + UNCHANGED,
    "unopened": "That file could not be opened." + UNCHANGED,
    "tooDeep": "That file is nested far more deeply than a progress file ever is, so it is not a "
               "progress file from this guide." + UNCHANGED,
    "wrongType": "That progress file is damaged: {where} should be {expected}, but it is {found}."
                 + UNCHANGED,
    "tooLong": "That progress file holds more than the guide keeps: {where} is {count} characters "
               "long, and the guide keeps {limit}." + UNCHANGED,
    "tooManyLines": "That progress file holds more than the guide keeps: {where} has {count} lines, "
                    "and the cheat sheet keeps {limit}." + UNCHANGED,
    "tooMany": "That progress file holds more than the guide keeps: {count} entries in {where}, "
               "and the guide keeps {limit}." + UNCHANGED,
    "notAChoice": "That progress file is damaged: {where} is not one of the choices the guide "
                  "offers." + UNCHANGED,
    "required": "That progress file is damaged: {where} is empty, and the guide needs it." + UNCHANGED,
    "badId": "That progress file is damaged: {where} is not an application id this guide writes, or "
             "two applications share it." + UNCHANGED,
    "sharedHere": "That progress file is damaged: {where} belongs to all applications, so it should be "
                  "in the file's shared “tools”." + UNCHANGED,
    "ownHere": "That progress file is damaged: {where} belongs to one application, so it should be in "
               "that application's “tools”." + UNCHANGED,
    # How a file's place and a wrong value are named in the messages above.
    "kinds": {"object": "a group of named entries", "list": "a list", "text": "a piece of text",
              "flag": "true or false", "number": "a number", "nothing": "empty (null)"},
    "where": "“{path}”",
    "pathJoin": " › ",
    "item": "entry {n}",
    "sections": {"checklists": "checklists", "notes": "cheat-sheet notes", "tools": "the tools",
                 "applications": "applications", "details": "the application's details", "current": "current application",
                 stories.CONFIG["store"]: "story bank", offers.CONFIG["store"]: "offer comparison",
                 planner.CONFIG["store"]: "planner", thank_you.CONFIG["store"]: "thank-you drafts"},
    # The review: what the file holds and what the reader has now, one line per part, each as
    # [for one, for more].
    "summary": {"ticks": ["{count} ticked checklist item", "{count} ticked checklist items"],
                "notes": ["{count} cheat-sheet note", "{count} cheat-sheet notes"],
                stories.CONFIG["store"]: ["{count} story in the story bank", "{count} stories in the story bank"],
                offers.CONFIG["store"]: ["{count} offer in the comparison", "{count} offers in the comparison"],
                planner.CONFIG["store"]: ["an interview plan", "an interview plan"],
                thank_you.CONFIG["store"]: ["{count} thank-you draft", "{count} thank-you drafts"],
                "unknown": ["{count} entry this version of the guide does not use: {kept} kept",
                            "{count} entries this version of the guide does not use: {kept} kept, "
                            "the rest left out"]},
    "nothing": "nothing yet",
    # The review of a version-1 file (one application) or of a file of several.
    "applicationLine": "{name}: {parts}.",
    "fates": {"join": "Merge joins it with yours of the same company and role.",
              "add": "Merge adds it as a new application.",
              "full": "Merge leaves it out: the guide keeps {max} applications."},
    "currentOne": "{name}, with the stories and offers all your applications share, holds now:",
    "currentAll": "This browser holds now (Replace removes it):",
    "explainOne": "This file comes from before the guide kept several applications: it holds one. "
                  "Replace puts it in place of {name}, and the file's stories and offers in place "
                  "of yours; your other applications stay as they are. Merge keeps what {name} "
                  "holds, adds the file's ticks and new stories, and takes the file's other parts "
                  "only where yours are empty. As a new application, it is added beside yours and "
                  "nothing you have is replaced (its new stories and, if you have none, its offers "
                  "join yours).",
    "newFull": f"You have {applications.MAX_APPLICATIONS} applications, the most the guide keeps, so it "
               "cannot be a new one.",
    "explainAll": "Replace puts the file's applications, stories and offers in place of everything "
                  "this browser holds now. Merge keeps what you have: each of the file's applications "
                  "joins yours of the same company and role (every tick of both; notes, plan and "
                  "drafts only where yours are empty) or is added as a new one, and the file's new "
                  "stories are added.",
    "replaceOne": "Replace {name} with the file",
    "mergeOne": "Merge the file into {name}",
    "replaceAll": "Replace with the file",
    "mergeAll": "Merge the file into mine",
    "restoredSeveral": "Progress restored: {applications} applications, with {ticks} ticked items and "
                       "{notes} notes in all.",
    "mergedSeveral": "Progress merged: you now have {applications} applications, with {ticks} ticked "
                     "items and {notes} notes in all.",
    "addedNew": "Progress restored as a new application, {name}: {ticks} ticked items and {notes} notes. "
                "You are now preparing for it.",
    # What an import needs to know of applications (macros/applications.py).
    "application": {"max": applications.MAX_APPLICATIONS, "fields": applications.CONFIG["fields"],
                    "planned": applications.CONFIG["planned"], "plannerStore": planner.CONFIG["store"],
                    "offersStore": offers.CONFIG["store"], "offerLink": offers.APPLICATION,
                    "words": {key: applications.WORDS[key] for key in ("untitled", "option", "optionNoRole")}
                    | {"dated": "{name}, interview {date}"}},
    "limits": None,  # filled in by render_progress_tools (the checklists' ids come with the data)
}

REVIEW = (
    '<div class="sig-progress-review" data-progress-review role="group" '
    'aria-labelledby="sig-progress-review-title" hidden>'
    '<p class="sig-progress-review__title" id="sig-progress-review-title" tabindex="-1" '
    'data-progress-review-title>Check before you import</p>'
    '<div class="sig-progress-review__sides">'
    '<div><p>The file holds:</p><ul data-progress-file></ul></div>'
    '<div><p data-progress-current-title>This browser holds now (Replace removes it):</p>'
    '<ul data-progress-current></ul></div></div>'
    f'<p data-progress-explain>{CONFIG["explainAll"]}</p>'
    '<p class="sig-progress-review__controls sig-controls">'
    f'<button type="button" class="{BUTTON_CLASS} md-button--primary" data-progress-replace>'
    "Replace with the file</button> "
    f"<button {BUTTON} data-progress-merge>Merge the file into mine</button> "
    f"<button {BUTTON} data-progress-new hidden>Import it as a new application</button> "
    f"<button {BUTTON} data-progress-cancel>Cancel</button></p></div>"
)


def render_progress_tools(checklists: dict[str, dict[str, list[str]]] | None = None) -> str:
    """Export and import of everything the reader saved, with the note on where it lives.
    `checklists` maps each checklist id to its item ids and their former ids, so an import can
    tell the ticks this guide shows from the ones it does not."""
    config = {**CONFIG, "limits": {**limits(), "checklists": checklists or {}}}
    return (
        f'<div class="sig-progress-tools" data-progress-tools {component(FEATURE, config, searchable=False)}>'
        '<p class="sig-progress-tools__note">Your ticks and notes are kept only in this browser, '
        "on this device: no account, no server. Safari deletes a site's stored data after 7 days "
        "without a visit, so export your progress if you want to keep it or move it.</p>"
        '<p class="sig-progress-tools__controls sig-controls">'
        f"<button {BUTTON} data-progress-export>"
        "Export my progress</button> "
        f'<label class="{BUTTON_CLASS} sig-file-button">Import progress from a file'
        '<input type="file" accept="application/json,.json" data-progress-import></label></p>'
        f"{REVIEW}"
        '<p class="sig-progress-tools__message" data-progress-message role="status" '
        f'aria-live="polite"></p>{STORAGE_NOTICE}</div>'
    )

