"""The story bank on /background/, its coverage map elsewhere, and its titles on the cheat sheet."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pdfplumber
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from macros.guide_data import load_story_themes
from tests.browser.test_cheat_sheet_print import MIN_POINTS, fill_every_note
from tools.print_cheat_sheet import print_pdf
from tests.browser.support import GUIDE_TOOLS, instant_ready, at, DENIED, page_with_storage, saved, violations_in_both_schemes

KEY = "second-interview-guide:v1"
HOSTILE = "<img src=x onerror=alert(1)>"
THEMES = {t.id: t for t in load_story_themes()}


@pytest.fixture
def bank(page, base_url):
    page.goto(base_url + "background/")
    page.wait_for_selector("[data-stories][data-stories-ready]")
    return page


def add_story(page, title: str, tags=(), **parts):
    page.fill('[data-stories-field="title"]', title)
    for part, text in parts.items():
        page.fill(f'[data-stories-field="{part}"]', text)
    for tag in tags:
        page.check(f'[data-stories-tag][value="{tag}"]')
    page.click("[data-stories-save]")


def titles(page) -> list[str]:
    return page.locator("[data-stories-list] [data-stories-item-title]").all_inner_texts()


def coverage(page, theme_id: str):
    return page.locator(f'[data-stories-theme="{theme_id}"] [data-stories-covered]')


def item(page, title: str):
    return page.locator("[data-stories-item]", has=page.locator("[data-stories-item-title]", has_text=title))


def test_add_a_story_and_find_it_after_a_reload(bank):
    expect(bank.locator("[data-stories-empty]")).to_be_visible()
    add_story(bank, "Billing tickets cut by a third", ["technical", "leadership"],
              situation="Support was slow", task="Fix it without hires",
              action="Grouped two months of tickets", result="Response under a day")
    expect(bank.locator("[data-stories-message]")).to_have_text(re.compile(r"^Story saved\. 1 of \d+ stories"))
    expect(bank.locator('[data-stories-field="title"]')).to_have_value("")  # ready for the next one
    expect(bank.locator('[data-stories-tag][value="technical"]')).not_to_be_checked()
    bank.reload()
    assert titles(bank) == ["Billing tickets cut by a third"]
    expect(bank.locator("[data-stories-item-tags]")).to_have_text("leadership, technical")
    expect(bank.locator("[data-stories-count]")).to_have_text("1")
    expect(bank.locator("[data-stories-empty]")).to_be_hidden()
    stored = saved(bank)["tools"]["stories"]
    assert stored == [{"tags": ["leadership", "technical"], "title": "Billing tickets cut by a third",
                       "situation": "Support was slow", "task": "Fix it without hires",
                       "action": "Grouped two months of tickets", "result": "Response under a day"}]


def test_a_story_needs_a_title(bank):
    add_story(bank, "   ", ["values"], situation="Something happened")
    expect(bank.locator("[data-stories-title-error]")).to_have_text("Give your story a title.")
    expect(bank.locator('[data-stories-field="title"]')).to_be_focused()
    assert titles(bank) == []
    expect(bank.locator('[data-stories-field="situation"]')).to_have_value("Something happened")


def test_edit_a_story(bank):
    add_story(bank, "First draft", ["teamwork"], action="Did a thing")
    add_story(bank, "Another story", ["values"])
    item(bank, "First draft").locator("[data-stories-edit]").click()
    title = bank.locator('[data-stories-field="title"]')
    expect(title).to_be_focused()
    expect(title).to_have_value("First draft")
    expect(bank.locator('[data-stories-field="action"]')).to_have_value("Did a thing")
    expect(bank.locator('[data-stories-tag][value="teamwork"]')).to_be_checked()
    expect(bank.locator("[data-stories-form] legend").first).to_have_text("Edit your story", use_inner_text=True)
    expect(bank.locator("[data-stories-save]")).to_have_text("Save changes", use_inner_text=True)
    expect(bank.locator("[data-stories-cancel]")).to_be_visible()
    title.fill("Supplier lost, schedule rebuilt")
    bank.uncheck('[data-stories-tag][value="teamwork"]')
    bank.check('[data-stories-tag][value="conflict"]')
    bank.click("[data-stories-save]")
    assert titles(bank) == ["Supplier lost, schedule rebuilt", "Another story"]  # same place, not added
    expect(bank.locator("[data-stories-save]")).to_have_text("Save the story", use_inner_text=True)
    expect(bank.locator("[data-stories-cancel]")).to_be_hidden()
    expect(coverage(bank, "disagreement")).to_have_text("covered by: Supplier lost, schedule rebuilt")
    expect(coverage(bank, "team-success")).to_have_text("no story yet")
    bank.reload()
    assert titles(bank) == ["Supplier lost, schedule rebuilt", "Another story"]


def test_cancel_editing_leaves_the_story_alone(bank):
    add_story(bank, "Keep me", ["failure"])
    item(bank, "Keep me").locator("[data-stories-edit]").click()
    bank.fill('[data-stories-field="title"]', "Changed my mind")
    bank.click("[data-stories-cancel]")
    expect(bank.locator('[data-stories-field="title"]')).to_have_value("")
    assert titles(bank) == ["Keep me"]


def test_delete_needs_a_second_click(bank):
    add_story(bank, "Keep", ["values"])
    add_story(bank, "Remove", ["failure"])
    delete = item(bank, "Remove").locator("[data-stories-delete]")
    delete.click()
    expect(delete).to_contain_text("Delete for good?")
    assert titles(bank) == ["Keep", "Remove"]
    bank.locator('[data-stories-field="title"]').click()  # leaving takes the question back
    expect(delete).not_to_contain_text("Delete for good?")
    delete.click()
    delete.click()
    assert titles(bank) == ["Keep"]
    expect(bank.locator("[data-stories-message]")).to_contain_text("Story deleted.")
    expect(coverage(bank, "mistake")).to_have_text("no story yet")
    bank.reload()
    assert titles(bank) == ["Keep"]


def test_deleting_another_story_keeps_the_one_being_edited(bank):
    for name in ("One", "Two", "Three"):
        add_story(bank, name)
    item(bank, "Three").locator("[data-stories-edit]").click()
    bank.fill('[data-stories-field="title"]', "Three, better")
    delete = item(bank, "One").locator("[data-stories-delete]")
    delete.click()
    delete.click()
    expect(bank.locator('[data-stories-field="title"]')).to_have_value("Three, better")
    bank.click("[data-stories-save]")
    assert titles(bank) == ["Two", "Three, better"]


def test_buttons_name_their_story(bank):
    add_story(bank, "Migration")
    expect(item(bank, "Migration").locator("[data-stories-edit]")).to_have_accessible_name("Edit Migration")
    expect(item(bank, "Migration").locator("[data-stories-delete]")).to_have_accessible_name("Delete Migration")


def test_the_bank_keeps_at_most_twelve(bank):
    for n in range(12):
        add_story(bank, f"Story {n + 1}")
    add_story(bank, "Story 13")
    expect(bank.locator("[data-stories-message]")).to_contain_text("holds 12 stories")
    assert len(titles(bank)) == 12 and "Story 13" not in titles(bank)
    item(bank, "Story 12").locator("[data-stories-edit]").click()  # editing still works when full
    bank.fill('[data-stories-field="title"]', "Story twelve")
    bank.click("[data-stories-save]")
    assert titles(bank)[-1] == "Story twelve"


def test_coverage_map_updates_as_stories_are_tagged(bank):
    summary = {tid: coverage(bank, tid) for tid in THEMES}
    for locator in summary.values():
        expect(locator).to_have_text("no story yet")
    add_story(bank, "Led the rota change", ["leadership"])
    add_story(bank, "Shipped the launch together", ["teamwork"])
    expect(coverage(bank, "led-without-authority")).to_have_text("covered by: Led the rota change")
    expect(coverage(bank, "helped-someone-grow")).to_have_text(
        "covered by: Led the rota change, Shipped the launch together")
    expect(coverage(bank, "hardest-problem")).to_have_text("no story yet")
    covered = bank.locator('[data-stories-theme="led-without-authority"]')
    expect(covered).to_have_class("sig-coverage__theme sig-coverage--covered")
    expect(bank.locator('[data-stories-theme="hardest-problem"]')).not_to_have_class("sig-coverage--covered")


@pytest.mark.parametrize("address", ["role-questions/", "teamwork/"])
def test_coverage_elsewhere_reflects_the_bank(bank, base_url, address):
    add_story(bank, "Disagreed about the roadmap", ["conflict"])
    bank.goto(base_url + address)
    expect(coverage(bank, "disagreement")).to_have_text("covered by: Disagreed about the roadmap")
    expect(coverage(bank, "hard-feedback")).to_have_text("covered by: Disagreed about the roadmap")
    expect(coverage(bank, "team-success")).to_have_text("no story yet")
    assert bank.locator("[data-stories-form]").count() == 0
    link = bank.locator("[data-stories-coverage] a")
    assert link.get_attribute("href").endswith("background/#your-story-bank")
    link.click()
    bank.wait_for_url(at("background/"))
    expect(bank.locator("[data-stories-list] [data-stories-item-title]")).to_have_text(
        ["Disagreed about the roadmap"])


def test_titles_appear_on_the_cheat_sheet(bank, base_url):
    bank.goto(base_url + "cheat-sheet/")
    expect(bank.locator("[data-story-titles]")).to_be_hidden()
    bank.goto(base_url + "background/")
    for n in range(10):
        add_story(bank, f"Title {n + 1}")
    bank.goto(base_url + "cheat-sheet/")
    listed = bank.locator("[data-story-titles] li")
    expect(listed).to_have_count(8)  # the sheet lists the first eight
    assert listed.all_inner_texts() == [f"Title {n + 1}" for n in range(8)]
    expect(bank.locator("[data-story-titles]")).to_be_visible()


def test_hostile_title_stays_text(bank, base_url):
    alerts = []
    bank.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    add_story(bank, HOSTILE, ["values"])
    expect(bank.locator("[data-stories-item-title]")).to_have_text(HOSTILE)
    expect(coverage(bank, "workplace-values")).to_have_text(f"covered by: {HOSTILE}")
    assert bank.locator("[data-stories] img, [data-stories-coverage] img").count() == 0
    bank.goto(base_url + "cheat-sheet/")
    expect(bank.locator("[data-story-titles] li")).to_have_text(HOSTILE)
    assert bank.locator("[data-story-titles] img").count() == 0
    bank.goto(base_url + "teamwork/")
    assert bank.locator("[data-stories-coverage] img").count() == 0
    assert alerts == []


def test_export_clear_import_carries_the_stories(bank, base_url):
    add_story(bank, "Exported story", ["failure"], result="It worked")
    bank.goto(base_url)
    with bank.expect_download() as info:
        bank.click("[data-progress-export]")
    path = info.value.path()
    assert json.loads(Path(path).read_text())["tools"]["stories"][0]["title"] == "Exported story"
    bank.evaluate("localStorage.clear()")
    bank.goto(base_url + "background/")
    assert titles(bank) == []
    bank.goto(base_url)
    bank.set_input_files("[data-progress-import]", path)
    expect(bank.locator("[data-progress-message]")).to_contain_text("Progress restored")
    bank.goto(base_url + "background/")
    assert titles(bank) == ["Exported story"]
    expect(coverage(bank, "mistake")).to_have_text("covered by: Exported story")


def test_wrong_shapes_in_storage_are_ignored(page, base_url):
    junk = [None, "text", {"title": ""}, {"title": 5}, {"title": "Good one", "tags": ["values", "bogus", 3],
            "action": ["not text"]}, {"title": "Tags as text", "tags": "conflict"}, {"title": "x" * 200}]
    state = {"checklists": {}, "notes": {}, "tools": {"stories": junk}}
    page.goto(base_url)
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(state))})")
    page.goto(base_url + "background/")
    assert titles(page) == ["Good one", "Tags as text", "x" * 60]
    expect(coverage(page, "workplace-values")).to_have_text("covered by: Good one")
    expect(coverage(page, "disagreement")).to_have_text("covered by: Tags as text")
    for shape in ('{"oops": 1}', '"text"', "null", "7"):
        state["tools"]["stories"] = json.loads(shape)
        page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(state))})")
        page.reload()
        assert titles(page) == []


def test_storage_denied_still_works_for_the_visit(context, base_url):
    page = page_with_storage(context, DENIED)
    page.goto(base_url + "background/")
    add_story(page, "Remembered in memory", ["teamwork"])
    assert titles(page) == ["Remembered in memory"]
    expect(page.locator("[data-stories] [data-storage-notice]")).to_contain_text("cannot be saved")
    instant_ready(page)
    page.click(".md-nav--primary a[href$='teamwork/']")
    page.wait_for_url(at("teamwork/"))
    expect(coverage(page, "team-success")).to_have_text("covered by: Remembered in memory")
    page.click(".md-nav--primary a[href$='cheat-sheet/']")
    page.wait_for_url(at("cheat-sheet/"))
    expect(page.locator("[data-story-titles] li")).to_have_text(["Remembered in memory"])


def sixty(n: int) -> str:
    """A 60-character title with long words, marked so it can be found in the PDF."""
    text = f"STORY{n}MARK Negotiated implementation with stakeholders transformation"
    return text[:60]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_cheat_sheet_with_eight_stories_and_full_notes_prints_on_one_page(bank, base_url, paper, tmp_path):
    for n in range(8):
        add_story(bank, sixty(n + 1))
    assert all(len(t) == 60 for t in titles(bank))
    bank.goto(base_url + "cheat-sheet/")
    filled = fill_every_note(bank)
    pdf = print_pdf(bank, paper)
    (tmp_path / f"cheat-sheet-{paper}-stories.pdf").write_bytes(pdf)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in document.pages)
        sizes = {round(c["size"], 1) for p in document.pages for c in p.chars if c["text"].strip()}
    assert min(sizes) >= MIN_POINTS, f"text at {min(sizes)} pt is smaller than {MIN_POINTS} pt"
    for n in range(8):
        assert f"STORY{n + 1}MARK" in text, f"story title {n + 1} missing from the printed sheet"
    for key in filled:
        assert f"{key.upper()}MARK" in text, f"the {key} note is missing from the print"
    assert pages == 1, f"{paper}: the sheet with eight story titles prints on {pages} pages"


def test_axe_finds_no_violation_with_stories(page, base_url):
    page.goto(base_url + "background/")
    add_story(page, "Led the rota change", ["leadership", "teamwork"])
    add_story(page, "A mistake I owned", ["failure"])
    item(page, "Led the rota change").locator("[data-stories-edit]").click()
    item(page, "A mistake I owned").locator("[data-stories-delete]").click()
    found = violations_in_both_schemes(page, GUIDE_TOOLS)
    for address in ("teamwork/", "cheat-sheet/"):
        page.goto(base_url + address)
        found += [f"{address}: {v}" for v in violations_in_both_schemes(page, GUIDE_TOOLS)]
    assert not found, "\n".join(found)
