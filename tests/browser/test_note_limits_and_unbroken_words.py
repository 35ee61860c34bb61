"""Every cheat-sheet note keeps its limit whatever way the text arrives (typed, pasted, joined by
the line folding), and the sheet prints on one page of A4 and of Letter with every field at its
maximum in long unbroken words, beside eight story titles of unbroken letters."""

from __future__ import annotations

import io
import json

import pdfplumber
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from macros.cheat_sheet import CONFIG, NOTE_FIELDS
from macros.stories import MAX_TITLE_CHARS, TITLES_ON_SHEET
from tests.browser.support import KEY, saved
from tools.print_cheat_sheet import print_pdf

INTERVIEWERS = next(f for f in NOTE_FIELDS if f.key == "interviewers")


def note(page, key: str):
    return page.locator(f'[data-cheatsheet-note="{key}"]')


@pytest.fixture
def sheet(page, base_url):
    page.goto(base_url + "cheat-sheet/")
    page.wait_for_selector("[data-cheatsheet][data-cheatsheet-ready]", state="attached")
    return page


def test_pasting_many_short_lines_keeps_the_limit(sheet, context):
    page = sheet
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    field = note(page, INTERVIEWERS.key)
    lines = "\n".join("ab" for _ in range(INTERVIEWERS.limit // 3))  # within maxlength, far too many lines
    assert len(lines) <= INTERVIEWERS.limit
    # A real paste from the clipboard: one input event, held to maxlength by the browser.
    page.evaluate("text => navigator.clipboard.writeText(text)", lines)
    field.focus()
    page.keyboard.press("Control+V")
    expect(field).not_to_have_value("")
    value = field.input_value()
    assert len(value) <= INTERVIEWERS.limit, f"{len(value)} of {INTERVIEWERS.limit} after the folding"
    assert value.count("\n") == INTERVIEWERS.lines - 1 and CONFIG["join"] in value
    assert len(saved(page)["notes"][INTERVIEWERS.key]) <= INTERVIEWERS.limit
    said = CONFIG["cut"].format(limit=INTERVIEWERS.limit)
    expect(page.locator(f'[data-note="{INTERVIEWERS.key}"] [data-note-remaining]')).to_have_text(said)
    expect(page.locator("[data-cheatsheet] [data-guide-alert]")).to_have_text(said)


def test_typing_a_new_line_at_the_limit_keeps_it(sheet):
    page = sheet
    field = note(page, INTERVIEWERS.key)
    full_lines = ["x" * (INTERVIEWERS.limit // INTERVIEWERS.lines - 1)] * INTERVIEWERS.lines
    text = "\n".join(full_lines)
    field.fill(text)
    field.press("End")
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("yy")
    value = field.input_value()
    assert len(value) <= INTERVIEWERS.limit and value.count("\n") == INTERVIEWERS.lines - 1
    assert len(saved(page)["notes"][INTERVIEWERS.key]) <= INTERVIEWERS.limit


# Letters of ordinary width, run together: words of English joined without a space.
RUN_ON = "implementedcontinuousdeliveryforthepaymentsplatformwithstakeholders"


def run_on(length: int, start: int = 0) -> str:
    return (RUN_ON * (length // len(RUN_ON) + 2))[start:start + length]


def unbroken(key: str, limit: int, lines: int) -> str:
    """Every line one long word, every character used: text the browser cannot wrap at a space."""
    per_line = (limit - (lines - 1)) // lines
    rows = [(f"{key.upper()}MARK" + run_on(per_line))[:per_line] if i == 0 else run_on(per_line, i) for i in range(lines)]
    return "\n".join(rows)[:limit]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_unbroken_words_everywhere_still_print_on_one_page(page, base_url, paper, tmp_path):
    notes = {f.key: unbroken(f.key, f.limit, f.lines) for f in NOTE_FIELDS}
    assert all(f.limit - f.lines <= len(notes[f.key]) <= f.limit for f in NOTE_FIELDS)
    titles = [f"T{i}" + run_on(MAX_TITLE_CHARS - 2, i) for i in range(TITLES_ON_SHEET)]
    stories = [{"title": t, "tags": []} for t in titles]
    state = {"checklists": {}, "notes": notes, "tools": {"stories": stories}}
    page.goto(base_url + "cheat-sheet/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(state)])
    page.reload()
    page.wait_for_selector("[data-story-titles][data-stories-ready]:not([hidden])", state="attached")
    for f in NOTE_FIELDS:
        expect(note(page, f.key)).to_have_value(notes[f.key])
    pdf = print_pdf(page, paper)
    (tmp_path / f"unbroken-{paper}.pdf").write_bytes(pdf)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages == 1, f"{paper}: the sheet prints on {pages} pages (saved in {tmp_path})"
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        sheet = document.pages[0]
        flat = "".join(sheet.extract_text().split())
        # Nothing runs past the right edge of the paper.
        right = max(c["x1"] for c in sheet.chars)
        assert right <= sheet.width, f"text runs to {right} of {sheet.width} pt"
    for f in NOTE_FIELDS:
        assert f"{f.key.upper()}MARK" in flat, f"the {f.key} note is missing"
    assert titles[0][:12] in flat and titles[-1][:12] in flat
