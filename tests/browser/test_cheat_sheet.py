"""The one-page cheat sheet as the reader prints it: the header made for the day, one page on A4
and Letter whatever the limits allow, the header following what is typed here and in other tabs,
no dark frame from the dark scheme, and notes kept as typed."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from macros.applications import RECORD_FIELDS
from macros.cheat_sheet import CONFIG, HEADER_LINE, HEADER_ROWS, NOTE_FIELDS
from macros.stories import MAX_STORIES, MAX_TITLE_CHARS, PART as STORY_PART, SHEET_TITLES_LABEL, TITLE, TITLES_ON_SHEET
from tests.browser.support import FIRST, key, open_page, part, put, show_scheme
from tools.print_cheat_sheet import MARGIN, PAPERS, print_pdf

pytestmark = pytest.mark.browser

SHEET = "[data-cheatsheet]"
PAPER_SIZES = list(PAPERS.values())  # what `make pdf` prints: A4 and Letter
LIMITS = {f.key: f.limit for f in RECORD_FIELDS if f.limit}
NOTES = {f.key: f for f in NOTE_FIELDS}
INTERVIEWERS = "interviewers"
HEADER = "[data-application-header]"


def slot(name: str) -> str:
    return f'{HEADER} [data-application-header-field="{name}"]'


def note(name: str) -> str:
    return f'[data-cheatsheet-note="{name}"]'


def ready(page, url: str) -> None:
    open_page(page, url, f"{SHEET}[data-cheatsheet-ready]")


def print_media(page) -> None:
    """Show the page as for print, and wait until the sheet has sized its type for the paper (it
    does so when the print media starts; a PDF taken before that would be laid out unsized)."""
    page.emulate_media(media="print")
    page.wait_for_function("s => document.querySelector(s).style.getPropertyValue('--sig-fit') !== ''", arg=SHEET)


def store_record(page, base_url: str, **record) -> None:
    """The first application's record as the bar saves it, before the sheet opens."""
    page.goto(base_url + "about/")
    put(page, {key("shared", f"application:{FIRST}"): {**record, "added": 0}})


def off_the_page(pdf: bytes) -> list[str]:
    """Characters printed past the right margin: a long token that did not wrap."""
    import pdfplumber

    right = float(MARGIN["right"].removesuffix("in")) * 72
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [c["text"] for p in document.pages for c in p.chars if c["x1"] > p.width - right + 0.5]


def printed(pdf: bytes) -> tuple[int, str]:
    """(pages, the text of every page with no white space: lines wrap anywhere in print)."""
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "".join("".join((p.extract_text() or "").split()) for p in reader.pages)


def squeeze(text: str) -> str:
    return "".join(text.split())


def sized(text: str, chars: int) -> str:
    """`text` repeated and cut to exactly `chars` characters, never ending on a space."""
    out = (text * (chars // len(text) + 1))[:chars]
    return out[:-1] + text.strip()[0] if out.endswith(" ") else out


def at_limit(field, style: str) -> str:
    """A note as long as its field allows, on every line it allows, in the widest capitals: runs of
    "W" and "M" words, or one unbroken token per line. Each starts with its key, to be found."""
    lines = field.lines
    room = field.limit - (lines - 1)  # the new lines count as characters too
    widths = [room // lines + (1 if n < room % lines else 0) for n in range(lines)]
    unit = "WMWMWMWMWM " if style == "words" else "WWMMWWMMWM"
    rows = [sized(unit, w) for w in widths]
    rows[0] = field.key.upper() + rows[0][len(field.key):]
    text = "\n".join(rows)
    assert len(text) == field.limit and text.count("\n") == lines - 1
    return text


# ---------- the header made for the day (issue 23) ----------

# A record as the bar keeps it: the place and the contact long, as a real one can be.
RECORD = {
    "company": "Northwind Analytics",
    "role": "Senior data analyst",
    "date": "2026-12-08",
    "time": "14:30",
    "place": "Floor 4, Harbour Exchange Tower, 17 Canal Street, Leeds LS1",
    "contact": "Priya Raman, recruiter, +44 113 496 0000",
}
# Three interviewers with long roles, one a line, as the note asks for them.
PANEL = [
    "Dana Ortiz, Director of Platform Engineering and Developer Experience",
    "Dr Samuel Okafor, Principal Research Scientist, Applied Machine Learning",
    "Mei-Lin Castellanos-Whitfield, Senior Talent Partner for Data and Analytics",
]


@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_the_header_made_for_the_day_prints_every_value_in_full_on_one_page(page, base_url, paper):
    assert len("\n".join(PANEL)) <= NOTES[INTERVIEWERS].limit and len(PANEL) <= NOTES[INTERVIEWERS].lines
    assert all(len(RECORD[k]) <= LIMITS[k] for k in LIMITS)
    store_record(page, base_url, **RECORD)
    ready(page, base_url + "cheat-sheet/")
    page.fill(note(INTERVIEWERS), "\n".join(PANEL))
    for name in ("company", "role", "place", "contact"):
        expect(page.locator(slot(name))).to_have_text(RECORD[name])
    expect(page.locator(slot(INTERVIEWERS))).to_have_text("; ".join(PANEL))
    when = page.locator(slot("when")).inner_text()
    assert "8" in when and "30" in when, f"the date and time are both in the header: {when!r}"
    print_media(page)
    shown = [label for _, label in HEADER_LINE + HEADER_ROWS]
    expect(page.locator(f"{HEADER} [data-application-header-row]:visible")).to_have_count(len(shown))
    expect(page.locator(".sig-sheet__title")).to_be_hidden()  # the header takes the title's place

    pdf = print_pdf(page, paper)
    pages, text = printed(pdf)
    assert pages == 1, f"{paper}: the sheet with its header takes {pages} pages"
    assert not off_the_page(pdf), f"{paper}: printed past the right margin"
    for value in [*(RECORD[k] for k in ("company", "role", "place", "contact")), when, *PANEL]:
        assert squeeze(value) in text, f"{paper}: {value!r} is not printed in full"
    assert text.index(squeeze(RECORD["company"])) < text.index(squeeze(PANEL[0])), "the company heads the sheet"


# ---------- one page whatever the limits allow (issue 24, 14) ----------

@pytest.mark.parametrize("style", ["words", "unbroken"])
@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_the_fullest_sheet_still_prints_on_one_page(page, base_url, paper, style):
    """Every note at its limit in the widest capitals, the record at its limits, and the story bank
    at its most stories with the longest titles: one page, and every character of it printed."""
    record = {f.key: sized("WM" * 4 + " ", f.limit) for f in RECORD_FIELDS if f.limit}
    record.update(date="2026-12-31", time="23:59")
    page.goto(base_url + "about/")
    put(page, {key("shared", f"application:{FIRST}"): {**record, "added": 0},
               key("shared", f"tool:{STORY_PART.name}"): [{TITLE: "W" * MAX_TITLE_CHARS} for _ in range(MAX_STORIES)]})
    ready(page, base_url + "cheat-sheet/")
    typed = {}
    for field in NOTE_FIELDS:
        typed[field.key] = at_limit(field, style)
        page.fill(note(field.key), typed[field.key])
    for name, text in typed.items():
        expect(page.locator(note(name))).to_have_value(text)  # nothing folded or cut: each is at its limit
    print_media(page)
    titles = page.locator("[data-story-titles] li")
    expect(titles).to_have_count(min(MAX_STORIES, TITLES_ON_SHEET))
    assert set(titles.all_inner_texts()) == {"W" * MAX_TITLE_CHARS}

    pdf = print_pdf(page, paper)
    assert not off_the_page(pdf), f"{paper}, {style}: printed past the right margin"
    pages, text = printed(pdf)
    assert pages == 1, f"{paper}, {style}: the fullest sheet takes {pages} pages"
    for name, value in typed.items():
        assert squeeze(value) in text, f"{paper}, {style}: the {name} note is not printed in full"
    for name in ("company", "role", "place", "contact"):
        assert squeeze(record[name]) in text, f"{paper}, {style}: the {name} is not printed in full"


@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_moves_when_the_sheets_script_arrives(context, base_url, width):
    """The Print button needs the script: its place is held from the first paint, hidden (and out of
    screen readers' way) until the sheet is ready, so the links and the sheet below stay put."""
    held_back, running = context.new_page(), context.new_page()
    for tab in (held_back, running):
        tab.set_viewport_size({"width": width, "height": 900})
    held_back.route(re.compile(r"/assets/guide/[a-z-]+(\.min)?\.js$"), lambda route: route.abort())
    held_back.goto(base_url + "cheat-sheet/")
    held_back.wait_for_load_state("networkidle")
    open_page(running, base_url + "cheat-sheet/", "[data-cheatsheet][data-cheatsheet-ready]")
    where = "(e) => { const r = e.getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y)]; }"
    # The sheet itself, and the PDF links beside Print when the build has them (`make pdf`).
    for shown in ("[data-cheatsheet] .sig-sheet__topics", "[data-cheatsheet] a[download]"):
        if not held_back.locator(shown).count():
            continue
        before = held_back.locator(shown).first.evaluate(where)
        assert running.locator(shown).first.evaluate(where) == before, f"{shown} moved at {width} px"
    expect(held_back.locator("[data-cheatsheet-print]")).to_be_hidden()
    expect(running.locator("[data-cheatsheet-print]")).to_be_visible()


def test_the_story_titles_read_on_screen_as_they_print(page, base_url):
    """Under their label, flush with the note above them, run on as one line of titles."""
    page.goto(base_url + "about/")
    put(page, {key("shared", f"tool:{STORY_PART.name}"): [{TITLE: "Cut onboarding time"}, {TITLE: "A slipped launch"}]})
    ready(page, base_url + "cheat-sheet/")
    titles = page.locator("[data-story-titles]")
    expect(titles.locator("li")).to_have_text(["Cut onboarding time", "A slipped launch"])
    label = titles.evaluate("l => getComputedStyle(l, '::before').content")
    assert SHEET_TITLES_LABEL in label, label
    heading = page.locator('[data-note="stories"] .sig-sheet__heading').bounding_box()
    first, second = (titles.locator("li").nth(n).bounding_box() for n in (0, 1))
    assert abs(titles.bounding_box()["x"] - heading["x"]) < 1, "the titles are indented"
    assert abs(first["y"] - second["y"]) < 1, "the titles are a list of lines, not run on as they print"


def body_sizes(pdf: bytes) -> list[float]:
    """The sizes, in points, of the characters of the topics' bullet points (the sheet's body)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [round(c["size"], 1) for c in document.pages[0].chars if c["text"].strip()]


@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_the_type_grows_to_fill_the_page_when_there_is_room(page, base_url, paper):
    """An empty sheet prints larger than the 9 pt the sheet is written in (cheat-sheet.js scales it,
    within CONFIG["fit"]), still on one page; on screen nothing is scaled."""
    ready(page, base_url + "cheat-sheet/")
    pdf = print_pdf(page, paper)
    assert printed(pdf)[0] == 1
    sizes = body_sizes(pdf)
    body = max(set(sizes), key=sizes.count)  # the commonest size: the bullet points
    assert 9 < body <= 9 * CONFIG["fit"]["most"] + 0.1, f"{paper}: the body prints at {body} pt"
    assert page.evaluate("getComputedStyle(document.querySelector('[data-cheatsheet]')).getPropertyValue('--sig-fit')") == ""


# ---------- the header follows what the reader types, here and in other tabs ----------

def test_the_header_follows_the_interviewers_and_the_record_without_a_reload(context, base_url):
    """cheat-sheet.js: the header's interviewers are the interviewers note, redrawn as it is typed;
    another tab's change (the note on another sheet, the company and date in the planner) reaches
    this sheet through the storage event, with no reload."""
    sheet, notes, planner = context.new_page(), context.new_page(), context.new_page()
    store_record(sheet, base_url, company="Globex", role="Analyst")
    ready(sheet, base_url + "cheat-sheet/")
    sheet.fill(note(INTERVIEWERS), PANEL[0])
    expect(sheet.locator(slot(INTERVIEWERS))).to_have_text(PANEL[0])  # in the page, as typed
    sheet.locator("body").click(position={"x": 1, "y": 1})  # the reader leaves the note

    ready(notes, base_url + "cheat-sheet/")
    expect(notes.locator(note(INTERVIEWERS))).to_have_value(PANEL[0])
    notes.fill(note(INTERVIEWERS), "\n".join(PANEL[:2]))
    expect(sheet.locator(slot(INTERVIEWERS))).to_have_text("; ".join(PANEL[:2]))
    expect(sheet.locator(note(INTERVIEWERS))).to_have_value("\n".join(PANEL[:2]))
    notes.fill(note(INTERVIEWERS), "\n".join([PANEL[0].replace("Dana", "Danielle"), PANEL[1]]))
    expect(sheet.locator(slot(INTERVIEWERS))).to_contain_text("Danielle Ortiz")  # a rename

    open_page(planner, base_url + "follow-up/")
    planner.fill('[data-planner-field="company"]', "Globex Corporation")
    planner.fill('[data-planner-field="date"]', RECORD["date"])
    expect(sheet.locator(slot("company"))).to_have_text("Globex Corporation")
    expect(sheet.locator(slot("when"))).not_to_be_empty()
    assert sheet.locator(slot("when")).inner_text() == planner.evaluate(
        "d => window.SecondInterviewGuide.when(d, '', true)", RECORD["date"])


def test_a_note_being_typed_is_not_replaced_by_another_tabs_write(context, base_url):
    """The field the reader is in stays as it is while another tab saves the same note."""
    mine, other = context.new_page(), context.new_page()
    ready(mine, base_url + "cheat-sheet/")
    ready(other, base_url + "cheat-sheet/")
    field = mine.locator(note("questions"))
    field.click()
    field.type("What does the first month")
    other.fill(note("salary"), "55-62k")
    expect(mine.locator(note("salary"))).to_have_value("55-62k")
    expect(field).to_be_focused()
    expect(field).to_have_value("What does the first month")


# ---------- the dark scheme prints on white ----------

def corners_of(pdf: bytes) -> list[tuple[int, int, int]]:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=1).to_pil().convert("RGB")
    finally:
        document.close()
    w, h = image.size
    return [image.getpixel((x, y)) for x in (2, w // 2, w - 3) for y in (2, h - 3)]


def test_the_dark_scheme_prints_with_no_dark_frame(scheme_page, base_url):
    page = scheme_page
    store_record(page, base_url, **RECORD)
    ready(page, base_url + "cheat-sheet/")
    show_scheme(page, page.scheme)
    for paper in PAPER_SIZES:
        pixels = corners_of(print_pdf(page, paper))
        dark = [p for p in pixels if sum(p) / 3 < 230]
        assert not dark, f"{page.scheme} scheme, {paper}: the page's edges print dark: {pixels}"


# ---------- the notes, kept as typed ----------

def test_notes_are_kept_as_typed_and_come_back_after_a_reload(page, base_url):
    ready(page, base_url + "cheat-sheet/")
    typed = {f.key: f"{f.label}: first line\nsecond line" for f in NOTE_FIELDS}
    page.locator(note("questions")).click()
    page.keyboard.type(typed["questions"])  # as a reader types, key by key
    for name, text in typed.items():
        if name != "questions":
            page.fill(note(name), text)
    field = NOTES["questions"]
    expect(page.locator('[data-note="questions"] [data-note-remaining]')).to_have_text(
        CONFIG["left"].format(chars=field.limit - len(typed["questions"]), lines=field.lines - 2))
    page.wait_for_function("([k, n]) => (JSON.parse(localStorage.getItem(k) || '{}'))[n] !== undefined",
                           arg=[key(FIRST, "notes"), NOTE_FIELDS[-1].key])
    assert part(page, FIRST, "notes") == typed
    page.reload()
    ready(page, base_url + "cheat-sheet/")
    for name, text in typed.items():
        expect(page.locator(note(name))).to_have_value(text)
    page.emulate_media(media="print")
    for name, text in typed.items():
        expect(page.locator(f'[data-note="{name}"] [data-note-print]')).to_have_text(text)


def test_lines_past_a_notes_last_are_joined_on_and_nothing_typed_is_lost(page, base_url):
    """The sheet keeps one page because each note keeps its lines: further lines are joined onto
    the last with the sheet's joiner, and a paste past the limit is cut with a message."""
    ready(page, base_url + "cheat-sheet/")
    field = NOTES["salary"]
    rows = [f"line {n}" for n in range(1, field.lines + 3)]
    page.fill(note("salary"), "\n".join(rows))
    kept = rows[: field.lines - 1] + [CONFIG["join"].join(rows[field.lines - 1:])]
    expect(page.locator(note("salary"))).to_have_value("\n".join(kept))
    assert part(page, FIRST, "notes")["salary"] == "\n".join(kept)
    # Joining adds characters: lines that fit the limit can pass it once joined; the end is cut.
    room = field.limit - 3
    rows = [sized("y", room // 4 + (n < room % 4)) for n in range(4)]
    page.fill(note("salary"), "\n".join(rows))
    joined = rows[: field.lines - 1] + [CONFIG["join"].join(rows[field.lines - 1:])]
    assert len("\n".join(rows)) == field.limit < len("\n".join(joined))
    expect(page.locator(note("salary"))).to_have_value("\n".join(joined)[: field.limit])
    expect(page.locator(f"{SHEET} [data-guide-alert]")).to_have_text(CONFIG["cut"].format(limit=field.limit))
