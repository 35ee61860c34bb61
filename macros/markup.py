"""The markup every tool shares: one field, one button, one status place, the hooks the core reads.

Each feature's root element carries data-guide-component="<feature>"; guide.js loads that
feature's script when it finds one, and passes it the JSON of the root's data-<feature>-config,
so the words and limits live only in Python. (An attribute, not a <script> element: Material's
instant navigation re-runs every script in the page as JavaScript.) The look of these pieces is
written once, in docs/assets/guide/guide.css.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

BUTTON_CLASS = "md-button sig-button"
NO_SCRIPT = "<noscript><p>This tool needs JavaScript, which is turned off in this browser.</p></noscript>"


def attr(value: str) -> str:
    """Text made safe inside a double-quoted attribute."""
    return escape(value, quote=True)


def as_json(value) -> str:
    """Compact JSON for an attribute (escape it with attr)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Wake:
    """When the script of a tool most visits only look at loads (guide-wake.js): once the reader has
    saved something it shows, or reaches into it. Until then the page shows the tool as rendered
    here, which must be what the script shows for a reader with nothing saved (tests compare them)."""

    parts: tuple[str, ...] = ()  # the tool parts (Part.name) whose saved data it shows
    core: tuple[str, ...] = ()  # the core's parts it shows (checklists, notes)
    records: bool = False  # whether it shows the reader's applications (their details, their names)


def component(feature: str, config: dict, *, ready: str, searchable: bool = False, wake: Wake | None = None) -> str:
    """The attributes of a feature's root element: which script mounts it, with what words and
    limits, and `ready`, the attribute it carries once it can be used (a public hook, such as
    data-offers-ready). A tool's labels and hints are not worth finding in search, and every page
    loads the search index, so tools leave themselves out of it (data-search-exclude, Material's
    search). With `wake`, the script loads only when the tool is used (see Wake)."""
    hooks = (f'data-guide-component="{attr(feature)}" data-guide-ready="{attr(ready)}" '
             f'data-{feature}-config="{attr(as_json(config))}"')
    if wake:
        hooks += f' data-guide-wake="{attr(as_json({"parts": list(wake.parts), "core": list(wake.core), "records": wake.records}))}"'
    return hooks if searchable else f"{hooks} data-search-exclude"


def button(label: str, hooks: str = "", *, primary: bool = False, kind: str = "button", classes: str = "") -> str:
    """A button in the guide's one style (links and file pickers that act as buttons share it)."""
    style = " ".join(filter(None, [BUTTON_CLASS, "md-button--primary" if primary else "", classes]))
    spaced = f" {hooks}" if hooks else ""
    return f'<button type="{kind}" class="{style}"{spaced}>{label}</button>'


@dataclass(frozen=True)
class Field:
    """One labelled control of a tool's form. `kind` is the <input> type, or "textarea"."""

    key: str
    label: str
    kind: str = "text"
    limit: int = 0  # maxlength; 0 for none
    required: bool = False
    hint: str = ""
    lines: int = 0  # a textarea's rows


def field(spec: Field, field_id: str, hooks: str, *, error_hooks: str = "", extra: str = "", message: str = "",
          text: str = "") -> str:
    """A field: its label, its hint, the control and the line its error shows in, tied together by
    aria-describedby (guide.js `invalid` fills the error line, `<id>-error`). `text` and `message`
    are what the control holds and what that line says before the tool's script has run."""
    described = ([f"{field_id}-hint"] if spec.hint else []) + [f"{field_id}-error"]
    attrs = f'id="{attr(field_id)}" {hooks} aria-describedby="{" ".join(described)}"'
    if spec.limit:
        attrs += f' maxlength="{spec.limit}"'
    if spec.required:
        attrs += " required"
    if extra:
        attrs += f" {extra}"
    if spec.kind == "textarea":
        control = f'<textarea {attrs} rows="{spec.lines or 3}">{escape(text)}</textarea>'
    else:
        value = f' value="{attr(text)}"' if text else ""
        control = f'<input type="{attr(spec.kind)}" {attrs}{value}>'
    hint = f'<span class="sig-field__hint" id="{field_id}-hint">{escape(spec.hint)}</span>' if spec.hint else ""
    return (
        f'<div class="sig-field"><label for="{attr(field_id)}">{escape(spec.label)}</label>{hint}{control}'
        f'<span class="sig-field__error" id="{field_id}-error"{" " + error_hooks if error_hooks else ""}>'
        f"{escape(message)}</span></div>"
    )


def status(hooks: str = "") -> str:
    """A tool's one place for messages (guide.js `say`): the polite status shows results and the
    Undo of the last destructive action, the alert shows errors; a new message replaces the last."""
    extra = f" {hooks}" if hooks else ""
    return (
        f'<div class="sig-status"><p data-guide-announce role="status" aria-live="polite"{extra}></p>'
        '<p class="sig-status__error" data-guide-alert role="alert" hidden></p></div>'
    )


def saved_cut_notice(words: str) -> str:
    """A tool's visible note that what is stored holds more than it shows (data from an older
    version or an edited entry); the tool's script shows it."""
    return f'<p class="sig-notice" data-guide-cut hidden>{escape(words)}</p>'
