"""The follow-up tools' markup: every field labelled, the contract attributes, the words it carries."""

from __future__ import annotations

import json
import math
import re

from bs4 import BeautifulSoup

from macros.planner import LINK_WORDS, OWN_FIELDS, PLANNER_FIELDS, PLANNER_WORDS, render_interview_planner
from macros.thank_you import MOST_CARDS, THANK_YOU_FIELDS, THANK_YOU_WORDS, draft, render_thank_you_drafter


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def assert_every_field_labelled(root) -> None:
    fields = root.select("input, textarea")
    assert fields
    for field in fields:
        label = root.select_one(f'label[for="{field["id"]}"]')
        assert label is not None and label.get_text(strip=True), field
    ids = [node["id"] for node in root.select("[id]")]
    assert len(ids) == len(set(ids)), "ids repeat"


def assert_one_status_per_tool(root) -> None:
    """Each field names its own error line; the tool has one polite region and one hidden alert,
    so a screen reader hears each result once."""
    for field in root.select("input, textarea"):
        for target in field["aria-describedby"].split():
            node = root.find(id=target)
            assert node is not None, (field, target)
            assert not node.has_attr("aria-live"), node
    assert [p.has_attr("data-guide-announce") for p in root.select("[aria-live=polite]")] == [True]
    assert [a.has_attr("hidden") for a in root.select("[data-guide-alert]")] == [True]


def test_planner_fields_follow_the_data():
    root = soup(render_interview_planner()).select_one("[data-planner]")
    assert_every_field_labelled(root)
    assert_one_status_per_tool(root)
    fields = root.select("input[data-planner-field]")
    assert [f["data-planner-field"] for f in fields] == [f.key for f in PLANNER_FIELDS]
    assert [f["type"] for f in fields] == [f.kind for f in PLANNER_FIELDS]
    # Only the company is required of the application; the date is the plan's own need, said in words.
    assert [f.has_attr("required") for f in fields] == [f.required for f in PLANNER_FIELDS]
    assert json.loads(root["data-planner-config"])["own"] == list(OWN_FIELDS)


def test_planner_plan_and_button_wait_for_a_date():
    root = soup(render_interview_planner()).select_one("[data-planner]")
    assert root.select_one("ol[data-planner-steps]").has_attr("hidden")
    button = root.select_one("button[data-planner-ics]")
    assert button["type"] == "button" and button.has_attr("hidden") and "sig-button" in button["class"]
    assert root.find("noscript") is not None


def test_planner_step_links_come_from_the_caller():
    links = {key: f"/{key}/" for key in LINK_WORDS}
    template = soup(render_interview_planner(links)).select_one("template[data-planner-links]")
    assert {a["data-planner-link"]: a["href"] for a in template.select("a")} == links
    assert not soup(render_interview_planner()).select_one("template[data-planner-links]").select("a")


def test_planner_words_round_trip_through_the_attribute():
    root = soup(render_interview_planner()).select_one("[data-planner]")
    words = json.loads(root["data-planner-words"])
    assert words == PLANNER_WORDS
    for key in ("research", "stories", "rehearse", "logistics", "interview", "thanks", "check-in", "after", "offer"):
        title, detail = words[key]
        assert title and detail.endswith("."), key
    assert "{date}" in words["after"][1]
    assert "{company}" in words["file"]  # each application's calendar file has its own name


def test_drafter_holds_the_first_card_the_script_copies():
    root = soup(render_thank_you_drafter()).select_one("[data-thankyou]")
    assert_every_field_labelled(root)
    assert_one_status_per_tool(root)
    cards = root.select("fieldset[data-thankyou-card]")
    assert len(cards) == 1 and not cards[0].has_attr("hidden")
    config = json.loads(root["data-thank-you-config"])
    assert config["most"] == MOST_CARDS and "{n}" in config["legend"]
    # thank-you.js renumbers every id of the copies: each one starts with card 1's prefix.
    assert all(node["id"].startswith(config["ids"].format(n=1)) for node in cards[0].select("[id]"))
    for number, card in enumerate(cards, start=1):
        assert card.legend.get_text(strip=True) == f"Interviewer {number}"
        keys = [f["data-thankyou-field"] for f in card.select("[data-thankyou-field]")]
        assert keys == [f.key for f in THANK_YOU_FIELDS] + ["message"]
        for control in ("copy", "rebuild", "remove"):
            assert card.select_one(f"button[data-thankyou-{control}]")["type"] == "button"
        assert card.select_one("button[data-thankyou-rebuild]").has_attr("hidden")
        assert card.select_one("a[data-thankyou-mail]")["href"].startswith("mailto:")
    assert root.select_one("input[data-thankyou-from]")["id"] == "sig-thankyou-from"
    assert root.select_one("button[data-thankyou-add]")["type"] == "button"


def test_each_card_takes_its_own_words_so_no_two_drafts_are_a_form_letter():
    words = THANK_YOU_WORDS
    lists = ("openings", "topics", "said", "reasons", "closings", "signOffs")
    lengths = [len(words[key]) for key in lists]
    assert all(n >= 2 for n in lengths), lengths
    # Card n takes entry n of each list, so the opening and closing pair repeats only after their
    # least common multiple: at least as many cards as the drafter holds.
    assert math.lcm(len(words["openings"]), len(words["closings"])) >= MOST_CARDS
    used = {key for entry in sum((words[k] for k in lists), []) for key in re.findall(r"\{(\w+)\|", entry)}
    assert used == {f.key for f in THANK_YOU_FIELDS} - {"name"}
    assert "{first|" in words["greeting"] and "{company}" in words["subject"]


def test_the_page_carries_every_card_s_draft_put_together_and_no_two_alike():
    root = soup(render_thank_you_drafter()).select_one("[data-thankyou]")
    words = json.loads(root["data-thankyou-words"])
    assert words["drafts"] == [draft(n) for n in range(MOST_CARDS)]
    assert len(set(words["drafts"])) == MOST_CARDS
    # No template syntax is left: each empty field shows its own mark, which the script replaces.
    marks = words["blanks"]
    for text in words["drafts"]:
        assert "{" not in text and "}" not in text
        assert all(mark in text for mark in marks.values()), text
    assert len(set(marks.values())) == len(marks)
    assert set(marks) == {f.key for f in THANK_YOU_FIELDS} - {"name"} | {"first", "from"}  # first: from the name
    # Card 1 is in the page with its draft, as the script would show it to a reader with nothing saved.
    assert root.select_one("textarea[data-thankyou-field]").get_text() == words["drafts"][0]


def test_no_template_code_reaches_the_page():
    for html in (render_interview_planner(), render_thank_you_drafter()):
        assert "{{" not in html and "{%" not in html and "{#" not in html
