"""The import's limits are the forms' limits, from one source; the progress tools' markup carries the
review's hooks and the page's one storage notice. Pure functions, no MkDocs."""

from __future__ import annotations

import json
from html import unescape

from bs4 import BeautifulSoup

from macros import cheat_sheet, offers, planner, progress, stories, thank_you
from macros.markup import STORAGE_NOTICE
from macros.readiness import manifest
from tests.pages import GUIDE


def test_every_limit_of_the_forms_is_in_the_imports_limits():
    limits = progress.limits()
    assert limits["notes"] == {f.key: {"chars": f.limit, "lines": f.lines, "label": f.label}
                               for f in cheat_sheet.NOTE_FIELDS}
    lists = limits["lists"]
    assert lists[stories.CONFIG["store"]]["most"] == stories.MAX_STORIES
    assert lists[offers.CONFIG["store"]]["most"] == offers.OFFERS
    assert lists[thank_you.CONFIG["store"]]["most"] == thank_you.MOST_CARDS
    story = lists[stories.CONFIG["store"]]["fields"]
    assert story[stories.TITLE] == {"chars": stories.MAX_TITLE_CHARS, "required": True}
    assert {story[part]["chars"] for part, _, _ in stories.STAR_PARTS} == {stories.MAX_PART_CHARS}
    assert story["tags"]["choices"] == list(stories.CONFIG["tags"])
    card = lists[thank_you.CONFIG["store"]]["fields"]
    assert card[thank_you.MESSAGE]["chars"] == thank_you.MESSAGE_LIMIT
    assert {card[f.key]["chars"] for f in thank_you.THANK_YOU_FIELDS} == {f.limit for f in thank_you.THANK_YOU_FIELDS}
    offer = lists[offers.CONFIG["store"]]["fields"]
    assert offer["name"]["chars"] == offers.NAME_LIMIT
    assert all(offer[key]["chars"] == offers.AMOUNT_LIMIT for key, _, _, _ in offers.ROWS)
    plan = limits["records"][planner.CONFIG["store"]]["fields"]
    assert set(plan) == {f.key for f in planner.PLANNER_FIELDS}
    assert all(rule["chars"] > 0 for rule in plan.values())


def test_the_form_fields_enforce_the_same_numbers():
    """The rendered thank-you drafter uses the constants the import checks against."""
    html = thank_you.render_thank_you_drafter()
    assert f'maxlength="{thank_you.MESSAGE_LIMIT}"' in html and f'maxlength="{thank_you.FROM_LIMIT}"' in html


def test_progress_tools_carry_the_review_hooks_the_notice_and_the_checklists():
    items = {list_id: entry["items"] for list_id, entry in manifest(GUIDE.sections).items()}
    soup = BeautifulSoup(progress.render_progress_tools(items), "html.parser")
    tools = soup.select_one("[data-progress-tools]")
    config = json.loads(unescape(tools["data-progress-config"]))
    assert config["limits"]["checklists"] == items
    review = tools.select_one("[data-progress-review]")
    assert review.has_attr("hidden")
    for hook in ("review-title", "file", "current", "replace", "merge", "cancel"):
        assert review.select_one(f"[data-progress-{hook}]") is not None, hook
    assert tools.select_one("[data-storage-notice][role=alert]") is not None


def test_the_storage_notice_has_its_words_and_its_way_out():
    notice = BeautifulSoup(STORAGE_NOTICE, "html.parser").select_one("[data-storage-notice]")
    assert notice.has_attr("hidden") and notice["data-storage-unreadable"]
    assert "{date}" in notice["data-storage-file"]
    button = notice.select_one("button[data-storage-recover]")
    assert button.has_attr("hidden") and button.get_text(strip=True)
