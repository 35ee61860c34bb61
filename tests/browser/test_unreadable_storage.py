"""Stored data the guide cannot read is said once per page, never overwritten, and offered to the
reader as a file before the guide starts fresh; version-1 data in storage moves to the v2 layout
without loss. (A page whose browser refuses storage shows one notice, not one per tool:
test_storage_refused_site.py.)"""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.support import KEY, NOTICES, V2, entries, saved, saved_per_application
from tests.pages import GUIDE, items_done, items_in_guide

HOME = GUIDE.sections[0]
PREP = HOME.checklists[0]
FIRST = f'[data-checklist="{PREP.id}"] input[data-item="{PREP.items[0].id}"]'
TICKS = f"{V2}:main:checklists"


def test_unreadable_data_is_kept_until_the_reader_takes_it_as_a_file(page, base_url):
    page.goto(base_url)
    page.evaluate(f"localStorage.setItem('{TICKS}', '{{broken')")
    page.goto(base_url + f"{HOME.slug}/")
    notice = page.locator(NOTICES)
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text("cannot be read")
    page.check(FIRST)  # works for the visit, and the unreadable text stays as it was
    expect(page.locator(FIRST)).to_be_checked()
    assert entries(page)[TICKS] == "{broken"
    page.reload()  # every visit says so again until the reader acts
    expect(notice).to_contain_text("cannot be read")
    page.check(FIRST)
    with page.expect_download() as info:
        notice.locator("[data-storage-recover]").click()
    assert json.loads(Path(info.value.path()).read_text())["unreadable"] == {TICKS: "{broken"}
    expect(page.locator(NOTICES)).to_have_count(0)
    assert saved(page)["checklists"] == {PREP.id: {PREP.items[0].id: True}}
    page.reload()
    expect(page.locator(FIRST)).to_be_checked()
    expect(page.locator(NOTICES)).to_have_count(0)


def test_unreadable_version_1_data_is_removed_only_by_the_readers_step(page, base_url):
    page.goto(base_url)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{this is not json')")
    page.reload()
    expect(page.locator(NOTICES)).to_contain_text("cannot be read")  # the home page too
    with page.expect_download() as info:
        page.click("[data-storage-recover]")
    assert json.loads(Path(info.value.path()).read_text())["unreadable"] == {KEY: "{this is not json"}
    assert KEY not in entries(page)
    expect(page.locator(NOTICES)).to_have_count(0)


def test_export_never_fails_whatever_is_stored(page, base_url):
    deep = "[" * 4800 + "]" * 4800
    page.goto(base_url)
    page.evaluate(f"([key, text]) => localStorage.setItem(key, text)", [f"{V2}:main:tool:crafted", deep])
    page.reload()
    with page.expect_download() as info:
        page.click("[data-progress-export]")
    exported = json.loads(Path(info.value.path()).read_text())
    assert exported["unreadable"] == {f"{V2}:main:tool:crafted": deep}
    expect(page.locator("[data-progress-message]")).to_contain_text("saved to a file")


def test_version_1_data_in_storage_moves_to_the_new_layout_without_loss(page, base_url):
    old = {"checklists": {PREP.id: {PREP.items[0].id: True, "retired-item": True}},
           "notes": {"questions": "Who leads the team?"},
           "tools": {"stories": [{"title": "Old story", "tags": ["teamwork"]}],
                     "planner": {"date": "2026-11-30", "company": "Acme"},
                     "offers": [{"name": "Acme", "base": "52000"}],
                     "thankYou": [{"name": "Sam", "message": "Hi", "edited": True}]}}
    page.goto(base_url)
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(old))})")
    page.reload()
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(1, items_in_guide()))
    assert saved_per_application(page) == old  # tick for tick, note for note, unknown ids too
    stored = entries(page)
    assert KEY not in stored
    assert f"{V2}:shared:tool:stories" in stored and f"{V2}:main:tool:planner" in stored
    assert json.loads(stored[V2]) == {"layout": "v2", "scopes": ["main"]}
    page.goto(base_url + "cheat-sheet/")
    expect(page.locator('[data-cheatsheet-note="questions"]')).to_have_value("Who leads the team?")


def test_an_over_long_stored_note_is_cut_to_its_field_and_the_reader_told(page, base_url):
    from macros.cheat_sheet import NOTE_FIELDS

    salary = next(f for f in NOTE_FIELDS if f.key == "salary")
    page.goto(base_url)
    page.evaluate(f"localStorage.setItem('{V2}:main:notes', JSON.stringify({{salary: 'x'.repeat(500000)}}))")
    page.goto(base_url + "cheat-sheet/")
    field = page.locator('[data-cheatsheet-note="salary"]')
    expect(field).to_have_value("x" * salary.limit)
    expect(page.locator('[data-note="salary"] [data-note-remaining]')).to_contain_text(
        f"only its first {salary.limit} characters are shown")
    assert len(page.locator('[data-note="salary"] [data-note-print]').inner_text()) == salary.limit


def test_more_stories_than_the_bank_keeps_are_shown_cut_and_the_reader_told(page, base_url):
    from macros.stories import MAX_STORIES

    page.goto(base_url)
    page.evaluate(f"""(n) => localStorage.setItem('{V2}:shared:tool:stories',
        JSON.stringify(Array.from({{length: n}}, (_, i) => ({{title: 'Story ' + i}}))))""", MAX_STORIES + 18)
    page.goto(base_url + "background/")
    expect(page.locator("[data-stories-item]")).to_have_count(MAX_STORIES)
    expect(page.locator("[data-stories-message]")).to_contain_text("more than the bank keeps")
    assert len(json.loads(entries(page)[f"{V2}:shared:tool:stories"])) == MAX_STORIES + 18  # untouched
