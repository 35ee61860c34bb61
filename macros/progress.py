"""HTML for exporting and importing everything the reader saved (HTML out); progress.js exports,
and progress-import.js, loaded when the reader picks a file, checks and reviews it.

The file format is the guide's promise to its readers: a file exported once keeps importing. An
import is a reviewed step: every section of the file is checked against the limits each feature's
module gives (import_rules), so the form and the import enforce the same ones; the reader sees what
the file holds beside what it would replace, and chooses. This module gathers the rules without
knowing their shape.
"""

from __future__ import annotations

from .applications import MAX_APPLICATIONS
from .core import YEARS
from .markup import BUTTON_CLASS, Wake, button, component, status
from .readiness import manifest, manifest_attribute

FEATURE = "progress"
UNCHANGED = " Nothing was changed."
# Bounds on the whole file: a real progress file is a few kilobytes and five levels deep; the
# largest an export can write, with every limit reached, is what most_bytes allows.
MAX_DEPTH = 8
ID_CHARS = 80  # a checklist or item id
# Data this version of the guide does not know (ticks of retired items, a newer guide's parts) is
# kept, so nothing is lost by a round trip, but only this much of it, and no deeper than an export
# can write it again: a tool's value sits four levels into a file of several applications.
UNKNOWN_KEPT = 50  # ticks, notes or tools
UNKNOWN_CHARS = 4000  # the JSON of one unknown note or tool
UNKNOWN_DEPTH = MAX_DEPTH - 4


# The widest a character gets in a file: JSON writes a control character as \u0000 (six bytes);
# a name, its quotes and the export's indentation take at most FIELD_BYTES more.
WIDEST_CHAR = 6
FIELD_BYTES = 64


def _field_bytes(rule: dict) -> int:
    if "chars" in rule:
        chars = rule["chars"]
    elif "choices" in rule:
        chars = sum(len(choice) + FIELD_BYTES for choice in rule["choices"])  # "many": every choice
    else:
        chars = FIELD_BYTES  # true, false or a number
    return WIDEST_CHAR * chars + FIELD_BYTES


def _entry_bytes(rule: dict) -> int:
    return sum(_field_bytes(field) for field in rule["fields"].values())


def most_bytes(limits: dict) -> int:
    """The largest file an export can write with every limit reached: the import reads up to it, so
    whatever the guide stores can be exported and imported again."""
    def tool(rule):
        return _entry_bytes(rule) * rule.get("most", 1)

    ticks = sum(len(items) for items in limits["checklists"].values()) * (WIDEST_CHAR * ID_CHARS + FIELD_BYTES)
    application = (_entry_bytes(limits["details"]) + _entry_bytes(limits["notes"]) + ticks
                   + sum(tool(r) for r in limits["tools"].values() if not r.get("shared")))
    # Unknown data is measured as compact JSON (a character of it is at most three bytes); the export
    # puts each value on a line of its own, indented two spaces a level: under MAX_DEPTH + 1 more
    # per character of the shortest value ("0,").
    unknown = limits["unknownKept"] * (limits["unknownChars"] * (3 + MAX_DEPTH + 1)
                                       + WIDEST_CHAR * ID_CHARS + FIELD_BYTES)
    shared = sum(tool(r) for r in limits["tools"].values() if r.get("shared"))
    return limits["details"]["most"] * application + shared + unknown + 64 * 1024  # the file's own fields


def limits(sections, modules) -> dict:
    """Every limit the guide's forms enforce, per part of a progress file, from each feature."""
    tools, parts = {}, {}
    for module in modules:
        part = getattr(module, "PART", None)
        if part is None or not hasattr(module, "import_rules"):
            continue
        rules = {**module.import_rules(), "label": part.label}
        if part.tool:  # its shape and whether it is shared are the part's own (macros/parts.py)
            tools[part.name] = {**rules, "summary": list(part.summary), "kind": part.kind,
                                **({"shared": True} if part.shared else {})}
        else:
            parts[part.name] = rules
    return {
        "maxDepth": MAX_DEPTH,
        "idChars": ID_CHARS,
        "unknownKept": UNKNOWN_KEPT,
        "unknownChars": UNKNOWN_CHARS,
        "unknownDepth": UNKNOWN_DEPTH,
        "checklists": {list_id: entry["items"] for list_id, entry in manifest(sections).items()},
        "tools": tools,
        **parts,
    }


CONFIG = {
    "format": "second-interview-guide/progress",
    "version": 2,  # what export writes: every application, and the shared parts
    "oneApplication": 1,  # files from before applications: one application's parts and the shared ones
    "fileName": "second-interview-progress-{date}.json",
    "exported": "Your progress was saved to a file in your downloads.",
    "restored": "Progress restored: {ticks} ticked items and {notes} notes.",
    "merged": "Progress merged: you now have {ticks} ticked items and {notes} notes.",
    "notKept": "The file's progress is shown, but this browser does not store anything (see the notice): "
               "it will be gone when you leave. Keep the file to import it again.",
    "noRoom": "This browser has no room for the file, so nothing was changed: what you had is still "
              "here. Export what you have, then clear old data in the browser's settings and try again.",
    "full": f"You have {MAX_APPLICATIONS} applications, the most the guide keeps, so the file cannot "
            "be a new one." + UNCHANGED,
    "cancelled": "Import cancelled." + UNCHANGED,
    "reviewing": "Check the file before you import it: what it holds is shown beside what this browser "
                 "holds, and nothing changes until you choose.",
    "tooLarge": "That file is too large to be a progress file." + UNCHANGED,
    "notJson": "That file could not be read: it is not valid JSON." + UNCHANGED,
    "notOurs": "That file is not a progress file from this guide." + UNCHANGED,
    "otherVersion": "That progress file comes from a different version of the guide and cannot be "
                    "read here." + UNCHANGED,
    "damaged": "That progress file is damaged." + UNCHANGED,
    "unopened": "That file could not be opened." + UNCHANGED,
    "failed": "The import could not start here. Reload the page and try again." + UNCHANGED,
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
    "notADate": "That progress file is damaged: {where} is not a real date (YYYY-MM-DD) in the years "
                "the guide plans for." + UNCHANGED,
    "notATime": "That progress file is damaged: {where} is not a real time (HH:MM)." + UNCHANGED,
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
    "sections": {"checklists": "checklists", "tools": "the tools", "applications": "applications",
                 "current": "current application"},
    # The review: what the file holds and what the reader has now, one line per part, each as
    # [for one, for more]; the tools' lines come with their rules.
    "summary": {"ticks": ["{count} ticked checklist item", "{count} ticked checklist items"],
                "notes": ["{count} cheat-sheet note", "{count} cheat-sheet notes"],
                "unknown": ["{count} entry this version of the guide does not use: {kept} kept",
                            "{count} entries this version of the guide does not use: {kept} kept, "
                            "the rest left out"]},
    "nothing": "nothing yet",
    # The review of a version-1 file (one application) or of a file of several.
    "applicationLine": "{name}: {parts}.",
    "dated": "{name}, interview {date}",
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
    "newFull": f"You have {MAX_APPLICATIONS} applications, the most the guide keeps, so it "
               "cannot be a new one.",
    "explainAll": "Replace puts the file's applications, stories and offers in place of everything "
                  "this browser holds now. Merge keeps what you have: each of the file's applications "
                  "joins yours of the same company and role (every tick of both; notes, plan, "
                  "drafts and practice only where yours are empty) or is added as a new one, and the "
                  "file's new stories are added.",
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
    "max": MAX_APPLICATIONS,
    "years": list(YEARS),
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
    '<p data-progress-explain></p>'
    '<p class="sig-controls">'
    + button("Replace with the file", "data-progress-replace", primary=True) + " "
    + button("Merge the file into mine", "data-progress-merge") + " "
    + button("Import it as a new application", "data-progress-new hidden") + " "
    + button("Cancel", "data-progress-cancel")
    + "</p></div>"
)


def config_of(sections, modules) -> dict:
    """The page's configuration: the words, and the limits gathered from every feature."""
    rules = limits(sections, modules)
    # The checklists' item ids come from the page's one manifest (readiness.manifest_attribute).
    shown = {key: value for key, value in rules.items() if key != "checklists"}
    return {**CONFIG, "limits": shown, "maxBytes": most_bytes(rules)}


def render_progress_tools(sections, modules, *, with_manifest: bool = True) -> str:
    """Export and import of everything the reader saved, with the note on where it lives."""
    config = config_of(sections, modules)
    # It shows nothing saved: its script loads when the reader exports or picks a file (guide-wake.js).
    wake = Wake()
    return (
        f'<section class="sig-tool sig-progress-tools" data-progress-tools '
        f'{component(FEATURE, config, ready="data-progress-ready", wake=wake)} '
        f'{manifest_attribute(sections) + " " if with_manifest else ""}'
        'aria-label="Export and import">'
        '<p class="sig-progress-tools__note">Your ticks and notes are kept only in this browser, '
        "on this device: no account, no server. Export them to keep a copy, or to carry them to "
        "another browser or device.</p>"
        '<p class="sig-controls">'
        + button("Export my progress", "data-progress-export") + " "
        + f'<label class="{BUTTON_CLASS} sig-file-button">Import progress from a file'
        '<input type="file" accept="application/json,.json" data-progress-import></label></p>'
        f"{REVIEW}{status('data-progress-message')}</section>"
    )

