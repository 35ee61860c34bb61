"""Checklists as a reader uses them, in a real Chromium: ticks survive reloads, links and renames."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from macros.guide_data import load_guide
from tools.sitekit import ROOT

KEY = "second-interview-guide:v1"
LIST = '[data-checklist="background-prep"]'
FIRST = f'{LIST} input[data-item="pick-six-stories"]'
SECOND = f'{LIST} input[data-item="shape-stories-star"]'
ALL_ITEMS = sum(len(c.items) for c in load_guide(ROOT / "data").checklists.values())


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


def test_tick_reload_still_ticked(page, base_url):
    page.goto(base_url + "background/")
    page.check(FIRST)
    expect(page.locator(f"{LIST} [data-checklist-progress]")).to_have_text("1 of 8 done")
    assert stored(page)["checklists"]["background-prep"] == {"pick-six-stories": True}
    page.reload()
    expect(page.locator(FIRST)).to_be_checked()
    expect(page.locator(SECOND)).not_to_be_checked()
    expect(page.locator(f"{LIST} [data-checklist-progress]")).to_have_text("1 of 8 done")


def test_instant_navigation_mounts_once_on_every_page(page, base_url):
    page.goto(base_url + "background/")
    page.check(FIRST)
    # Material's instant navigation swaps the page without reloading it.
    page.evaluate("window.__same_document = true")
    page.click(".md-nav--primary a[href$='culture/']")
    page.wait_for_url("**/culture/**")
    assert page.evaluate("window.__same_document") is True, "the link reloaded the page"
    page.check('[data-checklist="culture-research"] input >> nth=0')
    page.go_back()
    page.wait_for_url("**/background/**")  # Material may add #... while scrolling
    expect(page.locator(FIRST)).to_be_checked()
    page.click(".md-nav--primary a[href$='culture/']")
    page.wait_for_url("**/culture/**")
    box = page.locator('[data-checklist="culture-research"] input >> nth=1')
    box.focus()
    page.keyboard.press("Enter")  # bound twice, Enter would toggle twice and change nothing
    expect(box).to_be_checked()
    expect(page.locator('[data-checklist="culture-research"] [data-checklist-progress]')).to_have_text("2 of 8 done")
    assert page.evaluate("window.__same_document") is True
    assert len(stored(page)["checklists"]["culture-research"]) == 2


def test_keyboard_tab_space_and_visible_focus(page, base_url):
    page.goto(base_url + "background/")
    page.locator(FIRST).focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # arrive by keyboard, so :focus-visible applies
    assert page.evaluate("document.activeElement.dataset.item") == "pick-six-stories"
    page.keyboard.press("Space")
    expect(page.locator(FIRST)).to_be_checked()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "a focused checkbox must show its focus"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.item") == "shape-stories-star"
    page.keyboard.press("Enter")
    expect(page.locator(SECOND)).to_be_checked()
    # The reset button is reachable by keyboard and works with Enter.
    page.locator(f"{LIST} [data-checklist-reset]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(FIRST)).not_to_be_checked()


def test_each_checkbox_has_an_accessible_name(page, base_url):
    page.goto(base_url + "background/")
    labels = page.evaluate(
        "[...document.querySelectorAll('input[data-item]')].map(el => el.labels.length === 1 ? el.labels[0].textContent : null)"
    )
    assert labels and None not in labels
    for text in labels:  # what a screen reader announces for each checkbox
        expect(page.get_by_role("checkbox", name=text, exact=True)).to_have_count(1)


def test_reset_clears_the_checklist(page, base_url):
    page.goto(base_url + "background/")
    page.check(FIRST)
    page.check(SECOND)
    page.check('[data-checklist="background-rehearse"] input >> nth=0')
    page.click(f"{LIST} [data-checklist-reset]")
    expect(page.locator(FIRST)).not_to_be_checked()
    expect(page.locator(f"{LIST} [data-checklist-progress]")).to_have_text("0 of 8 done")
    page.reload()
    expect(page.locator(SECOND)).not_to_be_checked()
    expect(page.locator('[data-checklist="background-rehearse"] input >> nth=0')).to_be_checked()


def test_readiness_counts_across_sections(page, base_url):
    page.goto(base_url)
    total = page.locator("[data-readiness-total]")
    expect(total).to_have_text(f"0 of {ALL_ITEMS} items done")
    page.goto(base_url + "background/")
    page.check(FIRST)
    page.check(SECOND)
    page.goto(base_url + "salary/")
    page.check('[data-checklist="salary-research"] input >> nth=0')
    page.goto(base_url)
    expect(total).to_have_text(f"3 of {ALL_ITEMS} items done")
    expect(page.locator('[data-readiness-section="background"] [data-readiness-count]')).to_have_text("2 of 13 done")
    expect(page.locator('[data-readiness-section="salary"] [data-readiness-count]')).to_have_text("1 of 13 done")
    page.click('[data-readiness-section="salary"] a')
    page.wait_for_url("**/salary/**")


def test_unknown_ids_in_storage_are_ignored_but_kept(page, base_url):
    state = {"checklists": {"background-prep": {"pick-six-stories": True, "gone-item": True}}, "notes": {}}
    page.goto(base_url)
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(state))})")
    page.goto(base_url + "background/")
    expect(page.locator(f"{LIST} [data-checklist-progress]")).to_have_text("1 of 8 done")
    page.check(SECOND)
    assert stored(page)["checklists"]["background-prep"] == {
        "pick-six-stories": True, "gone-item": True, "shape-stories-star": True}
    page.goto(base_url)
    expect(page.locator("[data-readiness-total]")).to_have_text(f"2 of {ALL_ITEMS} items done")


def test_a_second_tab_sees_ticks_and_does_not_undo_them(context, base_url):
    first, second = context.new_page(), context.new_page()
    first.goto(base_url + "background/")
    second.goto(base_url + "background/")
    first.check(FIRST)
    expect(second.locator(FIRST)).to_be_checked()  # the storage event updated the other tab
    second.check(SECOND)
    first.reload()
    expect(first.locator(FIRST)).to_be_checked()
    expect(first.locator(SECOND)).to_be_checked()
