"""Checklists as a reader uses them, in a real Chromium: ticks survive reloads, links and renames."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.browser.support import instant_ready, KEY, at, saved as stored
from tests.pages import GUIDE, done, items_done, items_in, items_in_guide, items_in_section

# Every id and count below comes from data/: the first section's first two checklists, the second
# section's first checklist, and the last section's.
HOME, OTHER, LAST = GUIDE.sections[0], GUIDE.sections[1], GUIDE.sections[-1]
PREP = HOME.checklists[0]
LIST = f'[data-checklist="{PREP.id}"]'
FIRST = f'{LIST} input[data-item="{PREP.items[0].id}"]'
SECOND = f'{LIST} input[data-item="{PREP.items[1].id}"]'
PROGRESS = f"{LIST} [data-checklist-progress]"
OTHER_LIST = OTHER.checklists[0]


def test_tick_reload_still_ticked(page, base_url):
    page.goto(base_url + f"{HOME.slug}/")
    page.check(FIRST)
    expect(page.locator(PROGRESS)).to_have_text(done(1, len(PREP.items)))
    assert stored(page)["checklists"][PREP.id] == {PREP.items[0].id: True}
    page.reload()
    expect(page.locator(FIRST)).to_be_checked()
    expect(page.locator(SECOND)).not_to_be_checked()
    expect(page.locator(PROGRESS)).to_have_text(done(1, len(PREP.items)))


def test_instant_navigation_mounts_once_on_every_page(page, base_url):
    other = f'[data-checklist="{OTHER_LIST.id}"]'
    page.goto(base_url + f"{HOME.slug}/")
    page.check(FIRST)
    # Material's instant navigation swaps the page without reloading it.
    instant_ready(page)
    page.evaluate("window.__same_document = true")
    page.click(f".md-nav--primary a[href$='{OTHER.slug}/']")
    page.wait_for_url(at(f"{OTHER.slug}/"))
    assert page.evaluate("window.__same_document") is True, "the link reloaded the page"
    page.check(f"{other} input >> nth=0")
    page.go_back()
    page.wait_for_url(at(f"{HOME.slug}/"))
    expect(page.locator(FIRST)).to_be_checked()
    page.click(f".md-nav--primary a[href$='{OTHER.slug}/']")
    page.wait_for_url(at(f"{OTHER.slug}/"))
    box = page.locator(f"{other} input >> nth=1")
    box.focus()
    page.keyboard.press("Enter")  # bound twice, Enter would toggle twice and change nothing
    expect(box).to_be_checked()
    expect(page.locator(f"{other} [data-checklist-progress]")).to_have_text(done(2, len(OTHER_LIST.items)))
    assert page.evaluate("window.__same_document") is True
    assert len(stored(page)["checklists"][OTHER_LIST.id]) == 2


def test_keyboard_tab_space_and_visible_focus(page, base_url):
    page.goto(base_url + f"{HOME.slug}/")
    page.locator(FIRST).focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # arrive by keyboard, so :focus-visible applies
    assert page.evaluate("document.activeElement.dataset.item") == PREP.items[0].id
    page.keyboard.press("Space")
    expect(page.locator(FIRST)).to_be_checked()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "a focused checkbox must show its focus"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.item") == PREP.items[1].id
    page.keyboard.press("Enter")
    expect(page.locator(SECOND)).to_be_checked()
    # The reset button is reachable by keyboard and works with Enter.
    page.locator(f"{LIST} [data-checklist-reset]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(FIRST)).not_to_be_checked()


def test_each_checkbox_has_an_accessible_name(page, base_url):
    page.goto(base_url + f"{HOME.slug}/")
    labels = page.evaluate(
        "[...document.querySelectorAll('input[data-item]')].map(el => el.labels.length === 1 ? el.labels[0].textContent : null)"
    )
    assert len(labels) == items_in_section(HOME.slug) and None not in labels
    for text in labels:  # what a screen reader announces for each checkbox
        expect(page.get_by_role("checkbox", name=text, exact=True)).to_have_count(1)


def test_reset_clears_the_checklist(page, base_url):
    neighbour = f'[data-checklist="{HOME.checklists[1].id}"] input >> nth=0'
    page.goto(base_url + f"{HOME.slug}/")
    page.check(FIRST)
    page.check(SECOND)
    page.check(neighbour)
    page.click(f"{LIST} [data-checklist-reset]")
    expect(page.locator(FIRST)).not_to_be_checked()
    expect(page.locator(PROGRESS)).to_have_text(done(0, len(PREP.items)))
    page.reload()
    expect(page.locator(SECOND)).not_to_be_checked()
    expect(page.locator(neighbour)).to_be_checked()


def test_readiness_counts_across_sections(page, base_url):
    every = items_in_guide()
    page.goto(base_url)
    total = page.locator("[data-readiness-total]")
    expect(total).to_have_text(items_done(0, every))
    page.goto(base_url + f"{HOME.slug}/")
    page.check(FIRST)
    page.check(SECOND)
    page.goto(base_url + f"{LAST.slug}/")
    page.check(f'[data-checklist="{LAST.checklists[0].id}"] input >> nth=0')
    page.goto(base_url)
    expect(total).to_have_text(items_done(3, every))
    expect(page.locator(f'[data-readiness-section="{HOME.slug}"] [data-readiness-count]')).to_have_text(
        done(2, items_in_section(HOME.slug)))
    expect(page.locator(f'[data-readiness-section="{LAST.slug}"] [data-readiness-count]')).to_have_text(
        done(1, items_in_section(LAST.slug)))
    page.click(f'[data-readiness-section="{LAST.slug}"] a')
    expect(page.locator(f'[data-checklist="{LAST.checklists[0].id}"]')).to_be_visible()


def test_unknown_ids_in_storage_are_ignored_but_kept(page, base_url):
    first, second = PREP.items[0].id, PREP.items[1].id
    state = {"checklists": {PREP.id: {first: True, "gone-item": True}}, "notes": {}}
    page.goto(base_url)
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(state))})")
    page.goto(base_url + f"{HOME.slug}/")
    expect(page.locator(PROGRESS)).to_have_text(done(1, items_in(PREP.id)))
    page.check(SECOND)
    assert stored(page)["checklists"][PREP.id] == {first: True, "gone-item": True, second: True}
    page.goto(base_url)
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(2, items_in_guide()))


def test_a_second_tab_sees_ticks_and_does_not_undo_them(context, base_url):
    first, second = context.new_page(), context.new_page()
    first.goto(base_url + f"{HOME.slug}/")
    second.goto(base_url + f"{HOME.slug}/")
    first.check(FIRST)
    expect(second.locator(FIRST)).to_be_checked()  # the storage event updated the other tab
    second.check(SECOND)
    first.reload()
    expect(first.locator(FIRST)).to_be_checked()
    expect(first.locator(SECOND)).to_be_checked()
