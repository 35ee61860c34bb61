"""The follow-up tools' markup: every field labelled, the contract attributes, the words it carries."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from macros.planner import PLANNER_WORDS, render_interview_planner
from macros.thank_you import DRAFT, MOST_CARDS, THANK_YOU_WORDS, render_thank_you_drafter


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


def assert_described_by_live_status(root, field) -> None:
    """The field names its message; the message is not live: the tool's one polite region (and
    its alert, for errors) speaks, so a screen reader hears each result once."""
    target = root.find(id=field["aria-describedby"])
    assert target is not None, field
    assert not target.has_attr("aria-live") and not target.has_attr("role"), target
    tool = field.find_parent(attrs={"data-guide-component": True})
    polite = tool.select("[aria-live=polite]")
    assert [p.has_attr("data-guide-announce") for p in polite] == [True]
    assert [a.has_attr("hidden") for a in tool.select("[data-guide-alert]")] == [True]


def test_planner_fields_labels_and_messages():
    root = soup(render_interview_planner()).select_one("[data-planner]")
    assert_every_field_labelled(root)
    fields = root.select("input[data-planner-field]")
    assert [f["data-planner-field"] for f in fields] == ["date", "time", "company", "decision", "offer"]
    assert [f["type"] for f in fields] == ["date", "time", "text", "date", "date"]
    assert fields[0].has_attr("required") and not any(f.has_attr("required") for f in fields[1:])
    for field in fields:
        assert_described_by_live_status(root, field)
        assert root.find(id=field["aria-describedby"])["data-planner-message"] == field["data-planner-field"]
    assert root.select_one("fieldset > legend").get_text(strip=True)


def test_planner_plan_and_button_wait_for_a_date():
    root = soup(render_interview_planner()).select_one("[data-planner]")
    assert root.select_one("ol[data-planner-steps]").has_attr("hidden")
    button = root.select_one("button[data-planner-ics]")
    assert button["type"] == "button" and button.has_attr("hidden") and "sig-button" in button["class"]
    assert root.select_one("[data-storage-notice]") is not None
    assert root.find("noscript") is not None


def test_planner_words_round_trip_through_the_attribute():
    root = soup(render_interview_planner()).select_one("[data-planner]")
    words = json.loads(root["data-planner-words"])
    assert words == PLANNER_WORDS
    for key in ("research", "stories", "rehearse", "logistics", "interview", "thanks", "check-in", "after", "offer"):
        title, detail = words[key]
        assert title and detail.endswith("."), key
    assert "{date}" in words["after"][1] and "one to two business days" in words["after"][1].lower()
    assert "'" in words["interview"][1]  # an apostrophe survives the attribute's escaping


def test_drafter_has_eight_cards_first_shown():
    root = soup(render_thank_you_drafter()).select_one("[data-thankyou]")
    assert_every_field_labelled(root)
    cards = root.select("fieldset[data-thankyou-card]")
    assert len(cards) == MOST_CARDS == 8
    assert not cards[0].has_attr("hidden") and all(c.has_attr("hidden") for c in cards[1:])
    for number, card in enumerate(cards, start=1):
        assert card.legend.get_text(strip=True) == f"Interviewer {number}"
        keys = [f["data-thankyou-field"] for f in card.select("[data-thankyou-field]")]
        assert keys == ["name", "role", "topic", "reason", "message"]
        message = card.select_one("textarea[data-thankyou-field=message]")
        assert_described_by_live_status(card, message)
        for control in ("copy", "rebuild", "remove"):
            assert card.select_one(f"button[data-thankyou-{control}]")["type"] == "button"
        assert card.select_one("button[data-thankyou-rebuild]").has_attr("hidden")
        assert card.select_one("a[data-thankyou-mail]")["href"].startswith("mailto:")
    assert root.select_one("input[data-thankyou-from]")["id"] == "sig-thankyou-from"
    assert root.select_one("button[data-thankyou-add]")["type"] == "button"


def test_draft_template_fills_every_field_and_reads_as_four_to_six_sentences():
    words = json.loads(soup(render_thank_you_drafter()).select_one("[data-thankyou]")["data-thankyou-words"])
    assert words == THANK_YOU_WORDS and words["draft"] == DRAFT
    keys = re.findall(r"\{(\w+)\|[^}]+\}", DRAFT)
    assert sorted(keys) == ["from", "name", "reason", "role", "topic"]
    greeting, body, sign_off = DRAFT.split("\n\n")
    assert greeting.startswith("Dear {name|") and sign_off.endswith("{from|your name}")
    sentences = [s for s in re.split(r"(?<=\.)\s+", body) if s]
    assert 4 <= len(sentences) <= 6, sentences
    assert words["subject"] == "Thank you for today's conversation"
    assert "Ctrl+C" in words["copy"] and "Cmd+C" in words["copy"]


def test_no_template_code_reaches_the_page():
    for html in (render_interview_planner(), render_thank_you_drafter()):
        assert "{{" not in html and "{%" not in html and "{#" not in html
