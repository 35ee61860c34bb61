"""The practice page's HTML (macros/practice.py): the deck, every question grouped by section in
the order given, as plain HTML that needs no script and stays out of the search index; the room
around it with its hooks, words and limits; what the practice part declares for the core, the
import and the home page's readiness; and the links to the page from the planner and the story
bank."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

import macros
from macros import planner, practice, stories
from macros.core import data_layout
from macros.guide_data import STORY_TAGS, PracticeDeck, PracticeQuestion, Section, load_guide, load_story_themes
from macros.practice import FEATURE, HINT_LABEL, TAGS_LABEL, render_practice_deck, render_practice_room
from macros.progress import limits
from macros.readiness import render_readiness
from tools.sitekit import ROOT

GUIDE = load_guide(ROOT / "data")
HOSTILE = "<img src=x onerror=alert(1)> \"quoted\" & 'single' <script>alert(2)</script>"


def soup_of(deck: PracticeDeck = GUIDE.deck, sections=GUIDE.sections) -> BeautifulSoup:
    return BeautifulSoup(render_practice_deck(deck, sections), "html.parser")


def section(slug: str, title: str) -> Section:
    return Section(slug=slug, title=title, order=1, key_points=(), checklists=())


def test_the_feature_is_named_practice():
    assert FEATURE == "practice"


def test_every_question_of_the_deck_once_with_its_hooks():
    soup = soup_of()
    shown = soup.select("[data-practice-question-id]")
    assert [q["data-practice-question-id"] for q in shown] == [
        q.id for s in GUIDE.sections for q in GUIDE.deck.in_section(s.slug)]
    assert len(shown) == len(GUIDE.deck.questions)
    by_id = {q.id: q for q in GUIDE.deck.questions}
    for element in shown:
        question = by_id[element["data-practice-question-id"]]
        assert element["data-practice-section"] == question.section
        assert element["data-practice-tags"] == " ".join(question.tags)
        assert element.select_one(".sig-practice__text").get_text() == question.text
        hint = element.select_one(".sig-practice__hint")
        assert (hint.get_text() == f"{HINT_LABEL} {question.hint}") if question.hint else hint is None
        tags = element.select_one(".sig-practice__tags")
        assert (tags.get_text() == f"{TAGS_LABEL} {', '.join(question.tags)}") if question.tags else tags is None


def test_groups_follow_the_guides_order_with_each_sections_title():
    soup = soup_of()
    groups = soup.select("[data-practice-group]")
    assert [g["data-practice-group"] for g in groups] == [s.slug for s in GUIDE.sections]
    assert [g.h3.get_text() for g in groups] == [s.title for s in GUIDE.sections]
    for group in groups:
        assert {q["data-practice-section"] for q in group.select("[data-practice-question-id]")} == {
            group["data-practice-group"]}


def test_groups_follow_the_order_given_and_leave_out_sections_without_questions():
    deck = PracticeDeck((
        PracticeQuestion("first", "salary", "Salary?"),
        PracticeQuestion("second", "offer", "Offer?"),
        PracticeQuestion("third", "salary", "Salary again?"),
    ))
    sections = [section("offer", "Offer"), section("culture", "Culture"), section("salary", "Salary")]
    soup = soup_of(deck, sections)
    assert [g["data-practice-group"] for g in soup.select("[data-practice-group]")] == ["offer", "salary"]
    assert [q["data-practice-question-id"] for q in soup.select("[data-practice-question-id]")] == [
        "second", "first", "third"]


def test_text_hint_title_and_attributes_are_escaped():
    deck = PracticeDeck((PracticeQuestion("odd", "salary", HOSTILE, tags=("values",), hint=HOSTILE),))
    html = render_practice_deck(deck, [section("salary", HOSTILE)])
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find("script") and not soup.find("img")
    assert soup.select_one(".sig-practice__text").get_text() == HOSTILE
    assert soup.select_one(".sig-practice__hint").get_text() == f"{HINT_LABEL} {HOSTILE}"
    assert soup.h3.get_text() == HOSTILE
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_renamed_question_names_its_old_ids():
    deck = PracticeDeck((PracticeQuestion("new-name", "salary", "Q?", renamed_from=("old-one", "older")),))
    element = soup_of(deck, [section("salary", "Salary")]).select_one("[data-practice-question-id]")
    assert element["data-practice-renamed-from"] == "old-one older"


def test_the_deck_is_plain_html_out_of_search():
    soup = soup_of()
    [root] = soup.select("[data-practice-deck]")
    assert root.name == "div" and "sig-practice__deck" in root["class"] and root.has_attr("data-search-exclude")
    assert root.parent is soup, "the deck is one element"
    # No script, configuration or controls: the practice script's root will come around the deck.
    assert not soup.select("script, button, input, textarea, form, [data-guide-component]")
    assert not any(attr.endswith("-config") for tag in soup.find_all(True) for attr in tag.attrs)


def test_nothing_inside_the_deck_breaks_materials_search_exclusion():
    """Material's search parser ends an exclusion at the first closing tag with the root's name,
    and makes an entry of every heading with an id: the deck holds neither."""
    root = soup_of().select_one("[data-practice-deck]")
    assert not root.find_all(root.name)
    assert not root.select("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]")


# ---------- the room around the deck ----------

BANK = "../background/#your-story-bank"


def room(deck: PracticeDeck = GUIDE.deck, sections=GUIDE.sections) -> BeautifulSoup:
    return BeautifulSoup(render_practice_room(deck, sections, BANK), "html.parser")


def test_the_room_carries_the_hooks_outside_checks_rely_on():
    soup = room()
    [root] = soup.select("[data-practice]")
    assert root["data-guide-component"] == FEATURE and root.parent is soup
    for hook in ("question", "record", "stop", "next"):
        assert len(root.select(f"[data-practice-{hook}]")) == 1, hook
    for hook in ("record", "stop", "next", "start"):
        assert root.select_one(f"[data-practice-{hook}]").name == "button"
    assert root.select_one("audio[data-practice-audio]")
    assert root.select_one("[data-practice-deck]").parent is root, "the room is around the deck"


def test_the_room_is_the_configuration_from_python():
    config = json.loads(room().select_one("[data-practice]")["data-practice-config"])
    assert config == json.loads(json.dumps(practice.CONFIG))
    assert config["store"] == practice.PART.name and config["stories"] == stories.PART.name
    assert config["parts"] == [[key, label] for key, label, _ in stories.STAR_PARTS]


def test_without_javascript_only_the_deck_shows():
    """The room's controls wait, hidden, for the script; the deck below them needs none."""
    root = room().select_one("[data-practice]")
    assert root.select_one("[data-practice-room]").has_attr("hidden")
    assert root.noscript and not root.select_one("[data-practice-deck]").find_parent(attrs={"hidden": True})


def test_each_shortcut_is_shown_and_named_on_its_button():
    soup = room()
    keys = soup.select_one(".sig-practice__small kbd").parent
    shown = [kbd.get_text() for kbd in keys.select("kbd")]
    assert shown == [key.upper() for _, key, _ in practice.KEYS]
    for hook, key, label in practice.KEYS:
        control = soup.select_one(f"[data-practice-{hook}]")
        assert control["aria-keyshortcuts"] == key.upper() and control.get_text() == label
        assert practice.CONFIG["keys"][key] == hook


def test_the_choices_cover_least_every_section_every_theme_and_own_questions():
    sections = [section("salary", "Salary"), section("offer", "The offer")]
    values = [o["value"] for o in room(GUIDE.deck, sections).select("[data-practice-choose] option")]
    assert values == ["least", "section:salary", "section:offer", *[f"tag:{t}" for t in STORY_TAGS], "own"]
    targets = room().select("[data-practice-target] option")
    assert [int(o["value"]) for o in targets] == list(practice.TARGETS)
    assert [o["value"] for o in targets if o.has_attr("selected")] == [str(practice.TARGET)]


def test_the_self_check_asks_each_part_and_the_story():
    check = room().select_one("form[data-practice-check]")
    assert check.has_attr("hidden")
    assert [b["data-practice-checked"] for b in check.select("input[type=checkbox]")] == practice.CONFIG["checks"]
    for box in check.select("input[type=checkbox]"):
        assert check.select_one(f'label[for="{box["id"]}"]')
    assert check.select_one('label[for="sig-practice-story"]') and check.select_one("select#sig-practice-story")


def test_own_questions_have_a_limited_labelled_field_and_the_bank_is_linked():
    soup = room()
    own = soup.select_one("input[data-practice-own-text]")
    assert int(own["maxlength"]) == practice.CONFIG["ownChars"] and soup.select_one(f'label[for="{own["id"]}"]')
    assert soup.select_one("[data-practice-stories] a")["href"] == BANK


def test_the_room_says_the_recording_stays_in_the_page():
    text = room().select_one("[data-practice-room]").get_text(" ")
    assert "never saved" in text and "never sent" in text and "microphone only" in text


def test_nothing_inside_the_room_breaks_materials_search_exclusion():
    """As for the deck: no element inside with the root's tag, no heading with an id."""
    root = room().select_one("[data-practice]")
    assert root.has_attr("data-search-exclude")
    assert not root.find_all(root.name)
    assert not root.select("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]")


def test_room_text_and_titles_are_escaped():
    deck = PracticeDeck((PracticeQuestion("odd", "salary", HOSTILE, tags=("values",), hint=HOSTILE),))
    html = render_practice_room(deck, [section("salary", HOSTILE)], '"><script>alert(3)</script>')
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find("script") and not soup.find("img")
    assert soup.select_one('[data-practice-choose] option[value="section:salary"]').get_text() == HOSTILE


# ---------- the practice part: core, import, readiness ----------

def test_the_part_is_declared_for_the_core_and_the_import():
    assert practice in macros.MODULES and FEATURE in macros.FEATURES
    layout = data_layout(macros.MODULES)
    assert layout["kinds"][practice.PART.name] == "list" and practice.PART.name not in layout["shared"]
    rules = limits(GUIDE.sections, macros.MODULES)["tools"][practice.PART.name]
    assert rules["most"] == practice.MAX_ANSWERS + practice.MAX_OWN
    assert rules["label"] == practice.PART.label and rules["summary"] == list(practice.PART.summary)
    assert rules["fields"]["question"]["required"] and rules["fields"]["date"]["date"]
    assert {key for key, _ in practice.CHECKS} <= set(rules["fields"])
    assert rules["fields"]["story"]["chars"] == stories.MAX_TITLE_CHARS


def test_every_question_id_fits_the_imports_limit():
    assert max(len(q.id) for q in GUIDE.deck.questions) <= practice.ID_CHARS
    assert len(practice.OWN_PREFIX) + 7 <= practice.ID_CHARS  # the core's new ids are 7 characters


def test_the_readiness_manifest_names_each_themes_questions_and_old_ids():
    deck = PracticeDeck((
        PracticeQuestion("lead", "salary", "Q1?", tags=("leadership", "values")),
        PracticeQuestion("plain", "salary", "Q2?"),
        PracticeQuestion("new", "offer", "Q3?", tags=("values",), renamed_from=("old", "older")),
    ))
    found = practice.manifest(deck)
    assert found["store"] == practice.PART.name
    assert found["renamed"] == {"old": "new", "older": "new"}
    assert found["tags"]["values"] == ["lead", "new"] and found["tags"]["leadership"] == ["lead"]
    assert set(found["tags"]) == set(STORY_TAGS)


def test_readiness_shows_practice_with_a_link_to_the_page():
    address = lambda name: name.removesuffix(".md") + "/"  # noqa: E731  (as page_address gives it)
    soup = BeautifulSoup(render_readiness([GUIDE.sections[0]], address, practice.manifest(GUIDE.deck)), "html.parser")
    line = soup.select_one("[data-readiness-practice]")
    assert json.loads(line["data-readiness-practice"]) == practice.manifest(GUIDE.deck)
    assert line.a["href"] == "practice/" and line.select_one("[data-readiness-rehearsed]") is not None
    bare = BeautifulSoup(render_readiness([GUIDE.sections[0]], address), "html.parser")
    assert bare.select_one("[data-readiness-practice]") is None


def test_the_planners_rehearse_step_and_the_story_bank_link_to_the_page():
    soup = BeautifulSoup(planner.render_interview_planner({"rehearse": "../practice/"}), "html.parser")
    link = soup.select_one("template[data-planner-links]").find("a")
    assert link["data-planner-link"] == "rehearse" and link["href"] == "../practice/"
    assert "rehearse" in planner.PLANNER_WORDS
    bank = BeautifulSoup(stories.render_story_bank(load_story_themes(), "../practice/"), "html.parser")
    assert bank.select_one("[data-stories-practice]")["href"] == "../practice/"
