"""A real MkDocs build of a copy of the project whose question deck (data/practice.yml) holds one
editor's mistake stops with one line naming the file, the question and the fix.

Every question, section and tag edited here is read from the deck through the project's loader,
so the tests follow the deck as it changes.
"""

from __future__ import annotations

import re

from macros.guide_data import (
    LEDGER_FILE,
    MAX_QUESTION_CHARS,
    MIN_QUESTIONS_PER_SECTION,
    PRACTICE_FILE,
    PRACTICE_LEDGER,
)
from tests.build.test_build_errors import build, edit, one_line_error
from tests.pages import GUIDE

DECK = f"data/{PRACTICE_FILE}"
FIRST, SECOND = GUIDE.deck.questions[:2]
TAGGED_NUMBER, TAGGED = next((n, q) for n, q in enumerate(GUIDE.deck.questions, start=1) if q.tags)
SECTION = GUIDE.sections[-1].slug


def block(question_id: str) -> str:
    """The line that starts a question in the file."""
    return f"- id: {question_id}\n"


def edit_deck(project, old: str, new: str) -> None:
    edit(project / "data" / PRACTICE_FILE, old, new)


def deck_error(project, *parts: str) -> None:
    result = build(project)
    assert one_line_error(result, *parts), result.stderr


def test_yaml_syntax_error_names_the_deck_and_the_line(project):
    edit_deck(project, f"  section: {FIRST.section}\n", f"  section: [{FIRST.section}\n")
    deck_error(project, f"{DECK}, line", "YAML syntax error")


def test_a_missing_id_names_the_question(project):
    edit_deck(project, f"- id: {FIRST.id}\n  section:", "- section:")
    deck_error(project, f"{DECK}: question 1: question has no 'id'")


def test_a_badly_formed_id_names_the_question(project):
    edit_deck(project, block(FIRST.id), "- id: Why Are You Leaving\n")
    deck_error(project, f"{DECK}: question 1:", "'Why Are You Leaving' is not a lowercase slug")


def test_a_duplicate_id_names_both_questions(project):
    edit_deck(project, block(SECOND.id), block(FIRST.id))
    deck_error(project, f"{DECK}: question 2 ({FIRST.id}): the id '{FIRST.id}' is also used by question 1")


def test_an_unknown_section_lists_the_known_ones(project):
    edit_deck(project, f"{block(FIRST.id)}  section: {FIRST.section}\n", f"{block(FIRST.id)}  section: salery\n")
    deck_error(project, f"{DECK}: question 1 ({FIRST.id}): unknown section 'salery'",
               ", ".join(s.slug for s in GUIDE.sections))


def test_an_unknown_tag_lists_the_story_tags(project):
    path = project / "data" / PRACTICE_FILE
    text = path.read_text(encoding="utf-8")
    start = text.index(block(TAGGED.id))
    tags = re.compile(r"  tags: \[[^\]]*\]\n").search(text, start)
    path.write_text(text[:tags.start()] + "  tags: [leadrship]\n" + text[tags.end():], encoding="utf-8")
    deck_error(project, f"{DECK}: question {TAGGED_NUMBER} ({TAGGED.id}): unknown tag 'leadrship'")


def test_a_text_too_long_says_the_limit(project):
    edit_deck(project, f"  text: {FIRST.text}\n", f"  text: {'x' * (MAX_QUESTION_CHARS + 1)}\n")
    deck_error(project, f"{DECK}: question 1 ({FIRST.id}):",
               f"shorten it to {MAX_QUESTION_CHARS} or fewer")


def test_an_empty_text_says_write_one(project):
    edit_deck(project, f"  text: {FIRST.text}\n", "  text: ''\n")
    deck_error(project, f"{DECK}: question 1 ({FIRST.id}): 'text' is missing or empty")


def test_an_unknown_key_lists_the_allowed_ones(project):
    edit_deck(project, f"  text: {FIRST.text}\n", f"  text: {FIRST.text}\n  answer: Say yes.\n")
    deck_error(project, f"{DECK}: question 1 ({FIRST.id}): unknown key 'answer'", "allowed keys are")


def test_too_few_questions_in_a_section_names_it(project):
    path = project / "data" / PRACTICE_FILE
    text = path.read_text(encoding="utf-8")
    for question in GUIDE.deck.in_section(SECTION)[MIN_QUESTIONS_PER_SECTION - 1:]:
        text = re.sub(rf"- id: {question.id}\n(?:  .*\n)+", "", text, count=1)
    path.write_text(text, encoding="utf-8")
    deck_error(project, f"{DECK}: section '{SECTION}' has {MIN_QUESTIONS_PER_SECTION - 1} question",
               f"add questions with 'section: {SECTION}'")


def test_a_question_missing_from_the_ledger_stops_the_build(project):
    edit_deck(project, block(FIRST.id),
              f"- id: not-in-the-ledger\n  section: {FIRST.section}\n  text: A new question?\n\n{block(FIRST.id)}")
    deck_error(project, f"data/{LEDGER_FILE}: new question id {PRACTICE_LEDGER}/not-in-the-ledger not recorded",
               "run `make ledger`")


def test_no_checklist_may_take_the_decks_ledger_id(project):
    checklist = GUIDE.sections[0].checklists[0]
    data = f"data/{GUIDE.sections[0].slug}.yml"
    edit(project / data, f"  - id: {checklist.id}\n", f"  - id: {PRACTICE_LEDGER}\n")
    deck_error(project, f"{data}: checklist '{PRACTICE_LEDGER}': the id '{PRACTICE_LEDGER}' is kept",
               "choose another id")
