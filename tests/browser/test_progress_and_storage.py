"""Moving progress between browsers, and checklists that keep working when storage fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.support import (
    DENIED,
    FULL,
    KEY,
    errors_from,
    page_with_storage,
    stored_text as stored,
    via_link_and_back,
)
from macros.guide_data import load_guide
from tools.sitekit import ROOT, build_site, copy_project, serve, site_path

ALL_ITEMS = sum(len(c.items) for c in load_guide(ROOT / "data").checklists.values())

BOX = '[data-checklist="background-prep"] input[data-item="pick-six-stories"]'
NOTICE = '[data-checklist="background-prep"] [data-storage-notice]'


def test_export_clear_import_restores(page, base_url, tmp_path):
    page.goto(base_url + "background/")
    page.check(BOX)
    page.goto(base_url + "cheat-sheet/")
    page.fill('[data-cheatsheet-note="stories"]', "The migration project")
    page.goto(base_url)
    with page.expect_download() as download_info:
        page.click("[data-progress-export]")
    download = download_info.value
    assert download.suggested_filename.startswith("second-interview-progress-")
    exported = json.loads(Path(download.path()).read_text())
    assert exported["format"] == "second-interview-guide/progress" and exported["version"] == 1
    assert exported["checklists"]["background-prep"] == {"pick-six-stories": True}
    assert exported["notes"]["stories"] == "The migration project"

    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator("[data-readiness-total]")).to_have_text(f"0 of {ALL_ITEMS} items done")
    page.set_input_files("[data-progress-import]", download.path())
    expect(page.locator("[data-progress-message]")).to_contain_text("Progress restored")
    expect(page.locator("[data-readiness-total]")).to_have_text(f"1 of {ALL_ITEMS} items done")
    page.goto(base_url + "background/")
    expect(page.locator(BOX)).to_be_checked()
    page.goto(base_url + "cheat-sheet/")
    expect(page.locator('[data-cheatsheet-note="stories"]')).to_have_value("The migration project")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"{not json", "could not be read"),
        (b'{"hello": "world"}', "not a progress file from this guide"),
        (b'{"format": "second-interview-guide/progress", "version": 99, "checklists": {}}', "different version"),
        (b'{"format": "second-interview-guide/progress", "version": 1, "checklists": []}', "damaged"),
    ],
)
def test_bad_import_is_rejected_and_changes_nothing(page, base_url, content, message):
    page.goto(base_url + "background/")
    page.check(BOX)
    page.goto(base_url)
    before = stored(page)
    page.set_input_files("[data-progress-import]",
                         {"name": "progress.json", "mimeType": "application/json", "buffer": content})
    expect(page.locator("[data-progress-message]")).to_contain_text(message)
    expect(page.locator("[data-progress-message]")).to_contain_text("Nothing was changed")
    assert stored(page) == before
    expect(page.locator("[data-readiness-total]")).to_have_text(f"1 of {ALL_ITEMS} items done")


@pytest.mark.parametrize("script", [DENIED, FULL], ids=["storage-denied", "storage-full"])
def test_storage_failure_still_works_for_the_visit(context, base_url, script):
    page = page_with_storage(context, script)
    page.goto(base_url + "background/")
    page.check(BOX)
    expect(page.locator(BOX)).to_be_checked()
    expect(page.locator('[data-checklist="background-prep"] [data-checklist-progress]')).to_have_text("1 of 8 done")
    expect(page.locator(NOTICE)).to_be_visible()
    expect(page.locator(NOTICE)).to_contain_text("cannot be saved in this browser")
    # Within the visit the tick is remembered across instant navigation.
    via_link_and_back(page, "culture/", "background/")
    expect(page.locator(BOX)).to_be_checked()
    assert not errors_from(page, "guide.js"), page.errors


def test_corrupted_storage_still_works_and_is_not_overwritten(page, base_url):
    page.goto(base_url)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{this is not json')")
    page.goto(base_url + "background/")
    expect(page.locator(NOTICE)).to_be_visible()
    page.check(BOX)
    expect(page.locator(BOX)).to_be_checked()
    assert stored(page) == "{this is not json"  # left for the reader to recover, never overwritten


def test_without_javascript_checkboxes_still_work(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "background/")
    page.check(BOX)
    expect(page.locator(BOX)).to_be_checked()
    page.click('[data-checklist="background-prep"] [data-checklist-reset]')
    expect(page.locator(BOX)).not_to_be_checked()
    context.close()


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    """The guide with one item renamed, as a content editor would do it, built and served."""
    project = copy_project(tmp_path_factory.mktemp("renamed"))
    data = project / "data" / "background.yml"
    text = data.read_text()
    assert "      - id: pick-six-stories\n" in text
    data.write_text(text.replace("      - id: pick-six-stories\n",
                                 "      - id: choose-six-stories\n        renamed_from: [pick-six-stories]\n"))
    site = project / "site"
    site.mkdir()
    with serve(site, site_path()) as url:
        build_site(site, site_url=url, config_file=project / "mkdocs.yml")
        yield url


def test_renamed_item_keeps_its_tick(page, renamed_site):
    old = {"checklists": {"background-prep": {"pick-six-stories": True}}, "notes": {}}
    page.goto(renamed_site)
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(old))})")
    expect_total = page.locator("[data-readiness-total]")
    page.reload()
    expect(expect_total).to_have_text(f"1 of {ALL_ITEMS} items done")  # counted under its new id
    page.goto(renamed_site + "background/")
    expect(page.locator('[data-checklist="background-prep"] input[data-item="choose-six-stories"]')).to_be_checked()
    saved = json.loads(stored(page))["checklists"]["background-prep"]
    assert saved == {"choose-six-stories": True}
