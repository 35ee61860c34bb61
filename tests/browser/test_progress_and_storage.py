"""Moving progress between browsers, and checklists that keep working when storage fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros import progress
from tests.browser.support import (
    exported_application,
    DENIED,
    FULL,
    KEY,
    entries,
    open_profile,
    page_with_storage,
    saved,
    stored_text as stored,
    via_link_and_back,
)
from tests.pages import GUIDE, done, items_done, items_in_guide
from tools.sitekit import build_site, copy_project, serve, site_path

# The first section's first checklist and item, and the section after it, all read from data/.
HOME, OTHER = GUIDE.sections[0], GUIDE.sections[1]
PREP = HOME.checklists[0]
ITEM = PREP.items[0].id
BOX = f'[data-checklist="{PREP.id}"] input[data-item="{ITEM}"]'
NOTICE = f'[data-checklist="{PREP.id}"] [data-storage-notice]'
EVERY = items_in_guide()


def test_export_clear_import_restores(page, base_url, tmp_path):
    page.goto(base_url + f"{HOME.slug}/")
    page.check(BOX)
    page.goto(base_url + "cheat-sheet/")
    page.fill('[data-cheatsheet-note="stories"]', "The migration project")
    page.goto(base_url)
    with page.expect_download() as download_info:
        page.click("[data-progress-export]")
    download = download_info.value
    assert download.suggested_filename.startswith("second-interview-progress-")
    file = json.loads(Path(download.path()).read_text())
    assert file["format"] == progress.CONFIG["format"] and file["version"] == progress.CONFIG["version"]
    exported = exported_application(file)
    assert exported["checklists"][PREP.id] == {ITEM: True}
    assert exported["notes"]["stories"] == "The migration project"

    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(0, EVERY))
    page.set_input_files("[data-progress-import]", download.path())
    expect(page.locator("[data-progress-message]")).to_contain_text("Progress restored")
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(1, EVERY))
    page.goto(base_url + f"{HOME.slug}/")
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
    page.goto(base_url + f"{HOME.slug}/")
    page.check(BOX)
    page.goto(base_url)
    before = entries(page)
    page.set_input_files("[data-progress-import]",
                         {"name": "progress.json", "mimeType": "application/json", "buffer": content})
    expect(page.locator("[data-progress-message]")).to_contain_text(message)
    expect(page.locator("[data-progress-message]")).to_contain_text("Nothing was changed")
    assert entries(page) == before
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(1, EVERY))


@pytest.mark.parametrize("script", [DENIED, FULL], ids=["storage-denied", "storage-full"])
def test_storage_failure_still_works_for_the_visit(context, base_url, script):
    page = page_with_storage(context, script)
    page.goto(base_url + f"{HOME.slug}/")
    page.check(BOX)
    expect(page.locator(BOX)).to_be_checked()
    expect(page.locator(f'[data-checklist="{PREP.id}"] [data-checklist-progress]')).to_have_text(
        done(1, len(PREP.items)))
    expect(page.locator(NOTICE)).to_be_visible()
    expect(page.locator(NOTICE)).to_contain_text("cannot be saved in this browser")
    # Within the visit the tick is remembered across instant navigation.
    via_link_and_back(page, f"{OTHER.slug}/", f"{HOME.slug}/")
    expect(page.locator(BOX)).to_be_checked()


def test_corrupted_storage_still_works_and_is_not_overwritten(page, base_url):
    page.goto(base_url)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{this is not json')")
    page.goto(base_url + f"{HOME.slug}/")
    expect(page.locator(NOTICE)).to_be_visible()
    page.check(BOX)
    expect(page.locator(BOX)).to_be_checked()
    assert stored(page) == "{this is not json"  # left for the reader to recover, never overwritten


def test_without_javascript_checkboxes_still_work(browser, base_url):
    context = open_profile(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + f"{HOME.slug}/")
    page.check(BOX)
    expect(page.locator(BOX)).to_be_checked()
    page.click(f'[data-checklist="{PREP.id}"] [data-checklist-reset]')
    expect(page.locator(BOX)).not_to_be_checked()
    context.close()


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    """The guide with one item renamed, as a content editor would do it, built and served."""
    project = copy_project(tmp_path_factory.mktemp("renamed"))
    data = project / "data" / f"{HOME.slug}.yml"
    text = data.read_text()
    assert f"      - id: {ITEM}\n" in text
    data.write_text(text.replace(f"      - id: {ITEM}\n",
                                 f"      - id: renamed-{ITEM}\n        renamed_from: [{ITEM}]\n"))
    ledger = project / "data" / "_ledger.yml"
    ledger.write_text(ledger.read_text().replace(f"- {PREP.id}/{ITEM}\n",
                                                 f"- {PREP.id}/{ITEM}\n- {PREP.id}/renamed-{ITEM}\n"))
    site = project / "site"
    site.mkdir()
    with serve(site, site_path()) as url:
        build_site(site, site_url=url, config_file=project / "mkdocs.yml")
        yield url


def test_renamed_item_keeps_its_tick(page, renamed_site):
    old = {"checklists": {PREP.id: {ITEM: True}}, "notes": {}}
    page.goto(renamed_site)
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(old))})")
    expect_total = page.locator("[data-readiness-total]")
    page.reload()
    expect(expect_total).to_have_text(items_done(1, EVERY))  # counted under its new id
    page.goto(renamed_site + f"{HOME.slug}/")
    expect(page.locator(f'[data-checklist="{PREP.id}"] input[data-item="renamed-{ITEM}"]')).to_be_checked()
    assert saved(page)["checklists"][PREP.id] == {f"renamed-{ITEM}": True}
