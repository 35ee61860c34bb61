"""The cheat sheet printed through Chromium: one page on A4 and Letter, readable, chrome-free."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pypdf import PdfReader

from macros.guide_data import load_guide
from tools.print_cheat_sheet import print_pdf
from tools.sitekit import ROOT

MIN_POINTS = 8.0
CHROME = ["Table of contents", "About and privacy", "Made with", "Previous", "Next", "Search",
          "Print the cheat sheet", "characters left", "How to use it"]
TITLES = [s.title for s in load_guide(ROOT / "data").sections]


def worst_case_note(key: str, limit: int, lines: int) -> str:
    """As many lines as allowed and every character used, with long words, marked by the key."""
    words = ("Negotiated", "implementation", "stakeholders", "responsibility", "transformation")
    body, n = [], 0
    while len(" ".join(body)) < limit:
        body.append(words[n % len(words)])
        n += 1
    text = f"{key.upper()}MARK " + " ".join(body)
    per_line = len(text) // lines
    rows = [text[i * per_line:(i + 1) * per_line] for i in range(lines - 1)]
    rows.append(text[(lines - 1) * per_line:])
    return "\n".join(rows)[:limit]


def fill_every_note(page) -> dict[str, str]:
    filled = {}
    for field in page.locator("textarea[data-cheatsheet-note]").all():
        key = field.get_attribute("data-cheatsheet-note")
        text = worst_case_note(key, int(field.get_attribute("maxlength")), int(field.get_attribute("data-max-lines")))
        field.fill(text)
        filled[key] = text
    return filled


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("notes", ["empty", "full"])
def test_cheat_sheet_prints_on_one_readable_page(page, base_url, paper, notes, tmp_path):
    page.goto(base_url + "cheat-sheet/")
    filled = fill_every_note(page) if notes == "full" else {}
    if filled:
        # What was typed must survive a reload before it is printed.
        page.reload()
        for key, text in filled.items():
            assert page.locator(f'[data-cheatsheet-note="{key}"]').input_value() == text
    pdf = print_pdf(page, paper)
    (tmp_path / f"cheat-sheet-{paper}-{notes}.pdf").write_bytes(pdf)

    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, f"{paper}, notes {notes}: more than one page"
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        sheet = document.pages[0]
        text = sheet.extract_text()
        sizes = {round(c["size"], 1) for c in sheet.chars if c["text"].strip()}
    assert min(sizes) >= MIN_POINTS, f"text at {min(sizes)} pt is smaller than {MIN_POINTS} pt"
    flat = " ".join(text.split())
    for title in TITLES:
        assert title in flat, f"topic {title!r} missing from the printed sheet"
    for label in ("My stories", "My questions for them", "My salary range", "Names and roles of the interviewers"):
        assert label in flat
    for key in filled:
        assert f"{key.upper()}MARK" in flat, f"the {key} note is missing from the print"
    for chrome in CHROME:
        assert chrome not in flat, f"site chrome {chrome!r} printed"


def test_topics_print_in_guide_order(page, base_url):
    page.goto(base_url + "cheat-sheet/")
    page.emulate_media(media="print")
    headings = page.locator("[data-cheatsheet-topic] .sig-sheet__heading").all_inner_texts()
    assert [h.split(". ", 1)[1] for h in headings] == TITLES
    assert [int(h.split(".")[0]) for h in headings] == list(range(1, len(TITLES) + 1))


def test_long_notes_fold_into_their_line_limit(page, base_url):
    page.goto(base_url + "cheat-sheet/")
    field = page.locator('[data-cheatsheet-note="salary"]')
    field.fill("one\ntwo\nthree\nfour")
    assert field.input_value() == "one\ntwo / three / four"
    remaining = page.locator('[data-note="salary"] [data-note-remaining]')
    assert "characters left, 0 more lines" in remaining.inner_text()


@pytest.mark.parametrize("slug", ["background", "salary"])
def test_section_page_prints_clean_with_ticked_boxes(page, base_url, slug):
    page.goto(base_url + f"{slug}/")
    first = page.locator("form[data-checklist] input[data-item]").first
    first.check()
    page.emulate_media(media="print")
    assert first.is_visible() and first.is_checked()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-checklist-reset]", ".md-content__button"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} shows in print"
    pdf = print_pdf(page, "A4")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = " ".join(p.extract_text() or "" for p in document.pages)
    assert "Table of contents" not in text and "Made with" not in text
    assert "https://" in text, "external links should print their address"
