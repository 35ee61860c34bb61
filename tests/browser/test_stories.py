"""The story bank as a reader uses it: a story saved with its themes shows as covering them on the
map of another page; a delete that can be undone exactly; the limit said, not silently passed; and
the theme checkboxes on a 320 px phone. Limits, tags, themes and words come from macros/stories.py
and data/_story-themes.yml through the project's loader; the pages are found in the built site."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.guide_data import STORY_TAGS, load_story_themes
from macros.stories import CONFIG, MAX_STORIES, STAR_PARTS, TITLE
from macros.stories import PART as STORIES_PART
from tests.browser.support import key, open_page, part, put
from tests.pages import PAGES

pytestmark = pytest.mark.browser

BANK = "[data-stories]"
MAP = "[data-stories-coverage][data-guide-component]"  # a map of its own, outside the bank
SHARED = "shared"
PART = f"tool:{STORIES_PART.name}"
THEMES = load_story_themes()
# A tag some themes ask for and some do not, so the map must tell them apart.
TAG = next(t for t in STORY_TAGS if 0 < sum(t in th.tags for th in THEMES) < len(THEMES))
PARTS = [k for k, _, _ in STAR_PARTS]


@pytest.fixture(scope="module")
def addresses(soup_of):
    """(the bank's page, another page with a coverage map of its own), from the built site."""
    bank = next(a for a in PAGES if soup_of(a).select_one(BANK))
    other = next(a for a in PAGES if a != bank and soup_of(a).select_one(MAP)
                 and soup_of(a).select(f"{MAP} [data-stories-theme]"))
    return bank, other


def story(n: int, tags: list[str]) -> dict:
    return {TITLE: f"Story {n}", **{p: f"{p} of story {n}" for p in PARTS}, "tags": tags}


def ready(page, url: str) -> None:
    open_page(page, url, f"{BANK}[data-stories-ready]")


def store_stories(page, base_url: str, stories: list[dict]) -> None:
    page.goto(base_url + "about/")
    put(page, {key(SHARED, PART): stories})


def test_a_story_with_tags_covers_its_themes_on_another_pages_map(page, base_url, addresses):
    bank, other = addresses
    ready(page, base_url + bank)
    page.fill(f'{BANK} [data-stories-field="{TITLE}"]', "Led the migration")
    page.fill(f'{BANK} [data-stories-field="{PARTS[0]}"]', "Our reporting was two weeks late.")
    page.check(f'{BANK} [data-stories-tag][value="{TAG}"]')
    page.click(f"{BANK} [data-stories-save]")
    expect(page.locator(f"{BANK} [data-stories-message]")).to_contain_text(CONFIG["saved"])
    expect(page.locator(f"{BANK} [data-stories-item-title]")).to_have_text(["Led the migration"])
    assert part(page, SHARED, PART)[0]["tags"] == [TAG]
    open_page(page, base_url + other, MAP)
    rows = page.locator(f"{MAP} [data-stories-theme]")
    expect(rows).to_have_count(len(THEMES))
    covered = CONFIG["covered"].format(titles="Led the migration")
    for theme in THEMES:
        row = page.locator(f'{MAP} [data-stories-theme="{theme.id}"]')
        if TAG in theme.tags:
            expect(row.locator("[data-stories-covered]")).to_have_text(covered)
            expect(row).to_have_class("sig-coverage__theme sig-coverage--covered")
        else:
            expect(row.locator("[data-stories-covered]")).to_have_text(CONFIG["uncovered"])
    # The rule on each row's left says it too: a covered theme's is in another colour.
    colour = {t.id: page.locator(f'{MAP} [data-stories-theme="{t.id}"]').evaluate("(e) => getComputedStyle(e).borderLeftColor")
              for t in THEMES}
    covered_colours = {colour[t.id] for t in THEMES if TAG in t.tags}
    assert covered_colours.isdisjoint(colour[t.id] for t in THEMES if TAG not in t.tags), "covered rows look uncovered"


def test_deleting_a_story_asks_and_undo_restores_it_exactly_in_its_place(page, base_url, addresses):
    bank, _ = addresses
    stories = [story(1, [STORY_TAGS[0]]), story(2, list(STORY_TAGS[1:3])), story(3, [])]
    store_stories(page, base_url, stories)
    ready(page, base_url + bank)
    before = part(page, SHARED, PART)
    titles = page.locator(f"{BANK} [data-stories-item-title]")
    expect(titles).to_have_text([s[TITLE] for s in stories])
    delete = page.locator(f"{BANK} [data-stories-item]").nth(1).locator("[data-stories-delete]")
    delete.click()
    expect(delete.locator("[data-confirm-face]")).to_have_text(delete.get_attribute("data-confirm"))
    assert part(page, SHARED, PART) == before, "the first press only asks"
    delete.click()
    expect(titles).to_have_text([stories[0][TITLE], stories[2][TITLE]])
    expect(page.locator(f"{BANK} [data-stories-message]")).to_contain_text(
        CONFIG["deleted"].format(title=stories[1][TITLE]))
    assert [s[TITLE] for s in part(page, SHARED, PART)] == [stories[0][TITLE], stories[2][TITLE]]
    undo = page.locator(f"{BANK} [data-guide-undo]")
    expect(undo).to_be_focused()
    undo.click()
    expect(titles).to_have_text([s[TITLE] for s in stories])
    expect(page.locator(f"{BANK} [data-stories-message]")).to_contain_text(
        CONFIG["restored"].format(title=stories[1][TITLE]))
    assert part(page, SHARED, PART) == before  # every field, every tag, the same order
    expect(page.locator(f"{BANK} [data-stories-item-tags]").nth(1)).to_have_text(
        CONFIG["tagSeparator"].join(stories[1]["tags"]))


def test_at_the_most_stories_adding_is_refused_and_said(page, base_url, addresses):
    bank, _ = addresses
    full = [story(n, [STORY_TAGS[n % len(STORY_TAGS)]]) for n in range(MAX_STORIES)]
    store_stories(page, base_url, full)
    ready(page, base_url + bank)
    expect(page.locator(f"{BANK} [data-stories-count]")).to_have_text(str(MAX_STORIES))
    page.fill(f'{BANK} [data-stories-field="{TITLE}"]', "One too many")
    page.click(f"{BANK} [data-stories-save]")
    alert = page.locator(f"{BANK} [data-guide-alert]")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text(CONFIG["full"])
    expect(page.locator(f"{BANK} [data-stories-item]")).to_have_count(MAX_STORIES)
    assert len(part(page, SHARED, PART)) == MAX_STORIES
    expect(page.locator(f'{BANK} [data-stories-field="{TITLE}"]')).to_have_value("One too many")  # not lost
    # Deleting one makes room: the same story then saves.
    delete = page.locator(f"{BANK} [data-stories-delete]").first
    delete.click()
    delete.click()
    expect(page.locator(f"{BANK} [data-stories-item]")).to_have_count(MAX_STORIES - 1)
    page.fill(f'{BANK} [data-stories-field="{TITLE}"]', "One too many")
    page.click(f"{BANK} [data-stories-save]")
    expect(page.locator(f"{BANK} [data-stories-item-title]").last).to_have_text("One too many")
    assert len(part(page, SHARED, PART)) == MAX_STORIES


def test_at_320_px_each_theme_checkbox_sits_on_its_labels_line(page, base_url, addresses):
    bank, _ = addresses
    page.set_viewport_size({"width": 320, "height": 844})
    ready(page, base_url + bank)
    boxes = page.locator(f"{BANK} [data-stories-tag]")
    expect(boxes).to_have_count(len(STORY_TAGS))
    for tag in STORY_TAGS:
        box = page.locator(f'{BANK} [data-stories-tag][value="{tag}"]')
        box.scroll_into_view_if_needed()
        check = box.bounding_box()
        label = page.locator(f'{BANK} label[for="sig-story-tag-{tag}"]').bounding_box()
        middle = check["y"] + check["height"] / 2
        assert label["y"] <= middle <= label["y"] + label["height"], f"{tag}: the box is not on its label's line"
        assert check["x"] + check["width"] <= label["x"], f"{tag}: the box is not before its label"
        assert label["x"] + label["width"] <= 320
    assert page.evaluate("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")
