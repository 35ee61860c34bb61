"""The pure renderers: data in, HTML out, with no MkDocs involved."""

from __future__ import annotations

import json
from dataclasses import replace

from bs4 import BeautifulSoup

from macros.applications import FIRST_ID, UNTITLED_NAME
from macros.cheat_sheet import NOTE_FIELDS, Download, render_cheat_sheet
from macros.checklists import render_checklist
from macros.progress import render_progress_tools
from macros.readiness import CONFIG as READINESS
from macros.readiness import render_readiness
from macros.guide_data import Checklist, Item, Section, load_guide, section_files
from tools.sitekit import ROOT

HOSTILE = "<script>alert(1)</script> \"quoted\" & 'single' <img src=x onerror=alert(2)>"


def checklist(*items: Item, cid: str = "salary-research") -> Checklist:
    return Checklist(id=cid, title="Research <b>pay</b>", section="salary", items=items)


def section(slug="salary", order=5, points=("Know your range",), lists=()) -> Section:
    return Section(slug, slug.title(), order, tuple(points), tuple(lists))


def test_checklist_markup_contract():
    html = render_checklist(checklist(Item("find-range", "Find a range"), Item("write-it", "Write it")))
    soup = BeautifulSoup(html, "html.parser")
    root = soup.select_one('[data-checklist="salary-research"]')
    assert root is not None and root["data-section"] == "salary"
    boxes = root.select('input[type="checkbox"][data-item]')
    assert [b["data-item"] for b in boxes] == ["find-range", "write-it"]
    for box in boxes:
        label = root.select_one(f'label[for="{box["id"]}"]')
        assert label is not None and label.get_text(strip=True)
    progress = root.select_one("[data-checklist-progress]")
    assert progress["aria-live"] == "polite" and progress["role"] == "status"
    assert root.select_one("button[data-checklist-reset]")["type"] == "reset"


def test_hostile_text_is_inert():
    html = render_checklist(checklist(Item("x", HOSTILE)))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None and soup.find("b") is None
    label = soup.find("label")
    assert label.get_text() == HOSTILE  # shown to the reader exactly as typed
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_hostile_text_in_key_points_is_inert():
    html = render_cheat_sheet([section(points=(HOSTILE,))])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert soup.select_one("[data-cheatsheet-topic] li").get_text() == HOSTILE


def test_inline_markdown_links_and_emphasis():
    item = Item("x", "Read [the guide](https://example.org/a?b=1&c=2) and *this* and [pay](salary.md#ranges)")
    soup = BeautifulSoup(render_checklist(checklist(item), lambda p: "../" + p[:-3] + "/"), "html.parser")
    external, internal = soup.find_all("a")
    assert external["href"] == "https://example.org/a?b=1&c=2"
    assert internal["href"] == "../salary/#ranges"
    assert soup.find("em").get_text() == "this"


def test_renamed_from_is_carried_to_the_page():
    soup = BeautifulSoup(render_checklist(checklist(Item("new", "New", ("old", "older")))), "html.parser")
    assert soup.find("input")["data-renamed-from"] == "old older"


def test_readiness_counts_and_links():
    lists = (checklist(Item("a", "A"), Item("b", "B")),)
    html = render_readiness([section(lists=lists)], lambda name: name.removesuffix(".md") + "/")
    soup = BeautifulSoup(html, "html.parser")
    row = soup.select_one('[data-readiness-section="salary"]')
    # Shown as the script shows a reader with nothing saved (it waits to be used: guide-wake.js).
    assert row.a["href"] == "salary/" and READINESS["section"].format(done=0, total=2) in row.get_text()
    assert soup.select_one("[data-readiness-total]").get_text() == READINESS["total"].format(done=0, total=2)
    untitled = soup.select_one(f'[data-application-row="{FIRST_ID}"]')
    assert untitled["aria-current"] == "true" and untitled.th.get_text() == UNTITLED_NAME
    manifest = json.loads(soup.select_one("[data-readiness]")["data-guide-manifest"])
    assert manifest == {"salary-research": {"section": "salary", "items": {"a": [], "b": []}}}


def test_progress_tools_contract():
    """The import gathers each module's import_rules without knowing their shape: each feature
    that has rules is in the configuration, under its store or its part."""
    from macros import MODULES

    guide = load_guide(ROOT / "data")
    soup = BeautifulSoup(render_progress_tools(guide.sections, MODULES), "html.parser")
    assert soup.select_one("button[data-progress-export]")
    assert soup.select_one('input[type="file"][data-progress-import][accept*="json"]')
    assert "only in this browser" in soup.get_text()
    # When a browser deletes what it holds is a dated fact (safari-seven-days), said by the page once.
    assert "Safari" not in soup.get_text()
    limits = json.loads(soup.select_one("[data-progress-config]")["data-progress-config"])["limits"]
    for module in MODULES:
        if hasattr(module, "import_rules"):
            found = limits["tools"].get(module.PART.name) if module.PART.tool else limits.get(module.PART.name)
            assert found and found["fields"] == json.loads(json.dumps(module.import_rules()["fields"])), module.FEATURE


def test_cheat_sheet_has_every_topic_in_order_and_the_notes():
    guide = load_guide(ROOT / "data")
    soup = BeautifulSoup(render_cheat_sheet(guide.sections), "html.parser")
    topics = [t["data-cheatsheet-topic"] for t in soup.select("[data-cheatsheet-topic]")]
    files = section_files(ROOT / "data")
    assert topics == [s.slug for s in guide.sections] and len(topics) == len(files)
    notes = {n["data-cheatsheet-note"]: int(n["maxlength"]) for n in soup.select("textarea[data-cheatsheet-note]")}
    assert notes == {f.key: f.limit for f in NOTE_FIELDS}
    assert {"stories", "questions", "salary", "interviewers"} <= set(notes)
    for field in soup.select("textarea[data-cheatsheet-note]"):
        assert soup.select_one(f'label[for="{field["id"]}"]')


def test_changing_a_sections_data_changes_the_sheet():
    guide = load_guide(ROOT / "data")
    before = render_cheat_sheet(guide.sections)
    edited = [replace(s, key_points=("Bring a printed copy of your range",)) if s.slug == "salary" else s
              for s in guide.sections]
    after = render_cheat_sheet(edited)
    assert "Bring a printed copy of your range" in after and before != after
    salary = next(s for s in guide.sections if s.slug == "salary")
    assert all(p not in after for p in salary.key_points)


def test_pdf_links_only_when_given():
    assert "download" not in render_cheat_sheet([section()])
    html = render_cheat_sheet([section()], [Download("PDF (A4)", "../downloads/a4.pdf")])
    assert BeautifulSoup(html, "html.parser").select_one("a[download]")["href"] == "../downloads/a4.pdf"
