"""Validation of data/practice.yml: every mistake an editor can make in the question deck fails
with one line naming the file, the question and the fix; the ledger records every question id."""

from __future__ import annotations

import pytest
import yaml

from macros.guide_data import (
    LEDGER_FILE,
    MAX_HINT_CHARS,
    MAX_QUESTION_CHARS,
    MIN_QUESTIONS_PER_SECTION,
    PRACTICE_FILE,
    PRACTICE_LEDGER,
    STORY_TAGS,
    DataError,
    check_ledger,
    item_ids,
    load_guide,
    load_practice_deck,
    parse_practice_deck,
    parse_section,
    question_ids,
)
from tests.unit.support import editor_error
from tests.unit.test_ledger import DATA as SECTION, guide_of
from tools.ledger import ledger_problems, read_ledger
from tools.sitekit import ROOT

SHOWN = f"data/{PRACTICE_FILE}"
SECTIONS = ["salary", "offer"]


def questions(per_section: int = MIN_QUESTIONS_PER_SECTION) -> list[dict]:
    """A deck with `per_section` questions in each of SECTIONS, the first with a hint and tags."""
    deck = [{"id": f"{slug}-question-{n}", "section": slug, "text": f"Question {n} about {slug}?"}
            for slug in SECTIONS for n in range(per_section)]
    deck[0].update(tags=["values", "conflict"], hint="Say what matters to you.")
    return deck


def text_of(deck: list[dict]) -> str:
    return yaml.safe_dump(deck, sort_keys=False, allow_unicode=True)


def error_of(text: str) -> str:
    return editor_error(SHOWN, parse_practice_deck, text, SECTIONS)


def error_with(**changes) -> str:
    """The error for a deck whose first question has `changes` (None removes a key)."""
    deck = questions()
    for key, value in changes.items():
        if value is None:
            deck[0].pop(key)
        else:
            deck[0][key] = value
    return error_of(text_of(deck))


def test_a_good_deck_parses_in_the_files_order():
    deck = parse_practice_deck(text_of(questions()), SECTIONS)
    assert [q.id for q in deck.questions] == [q["id"] for q in questions()]
    first = deck.questions[0]
    assert first.tags == ("values", "conflict") and first.hint == "Say what matters to you."
    assert deck.questions[1].tags == () and deck.questions[1].hint == ""
    assert [q.id for q in deck.in_section("offer")] == [q["id"] for q in questions() if q["section"] == "offer"]


def test_the_real_deck_covers_every_section_of_the_guide():
    guide = load_guide(ROOT / "data")
    for section in guide.sections:
        assert len(guide.deck.in_section(section.slug)) >= MIN_QUESTIONS_PER_SECTION, section.slug
    assert {q.section for q in guide.deck.questions} == {s.slug for s in guide.sections}


def test_yaml_syntax_error_names_the_line():
    message = error_of(text_of(questions()).replace("  section: salary\n", "  section: [salary\n", 1))
    assert message.startswith(f"{SHOWN}, line ") and "YAML syntax error" in message


def test_a_tab_in_the_indentation_names_the_line():
    lines = text_of(questions()).splitlines(keepends=True)
    lines[1] = "\t" + lines[1].lstrip(" ")
    assert error_of("".join(lines)) == f"{SHOWN}, line 2: tabs are not allowed for indentation; use spaces"


@pytest.mark.parametrize("text", ["", "# only a comment\n", "questions:\n  - id: a\n"])
def test_the_file_must_be_a_list_of_questions(text):
    assert error_of(text) == f"{SHOWN}: the file must be a list of questions, each with id, section and text"


def test_missing_id():
    assert "question 1: question has no 'id'" in error_with(id=None)


@pytest.mark.parametrize("bad", ["Why Leave", "why_leave", "-why", 12])
def test_id_must_be_a_slug(bad):
    assert "is not a lowercase slug" in error_with(id=bad)


def test_duplicate_id_names_both_questions():
    deck = questions()
    deck[3]["id"] = deck[0]["id"]
    message = error_of(text_of(deck))
    assert f"question 4 ({deck[0]['id']})" in message and "also used by question 1" in message
    assert "never reuse an old one" in message


def test_a_renamed_from_id_may_not_be_used_again():
    deck = questions()
    deck[2]["renamed_from"] = [deck[0]["id"]]
    assert "also used by question 1" in error_of(text_of(deck))


def test_renamed_from_must_be_a_list_of_slugs():
    assert "'renamed_from' must be a list" in error_with(renamed_from="old-id")
    assert "is not a lowercase slug" in error_with(renamed_from=["Old Id"])


def test_unknown_section_lists_the_sections():
    message = error_with(section="salery")
    assert "(salary-question-0): unknown section 'salery'; use one of salary, offer" in message
    assert "unknown section None" in error_with(section=None)


def test_unknown_tag_lists_the_story_tags():
    message = error_with(tags=["values", "leadrship"])
    assert "unknown tag 'leadrship'" in message and ", ".join(STORY_TAGS) in message


def test_tags_must_be_a_list_each_tag_once():
    assert "'tags' must be a list" in error_with(tags="values")
    assert "listed twice" in error_with(tags=["values", "values"])


@pytest.mark.parametrize("blank", ["", "   ", None])
def test_empty_text(blank):
    deck = questions()
    deck[0]["text"] = blank
    assert "(salary-question-0): 'text' is missing or empty" in error_of(text_of(deck))


def test_text_at_the_limit_passes_and_one_more_fails():
    deck = questions()
    deck[0]["text"] = "x" * MAX_QUESTION_CHARS
    parse_practice_deck(text_of(deck), SECTIONS)
    message = error_with(text="x" * (MAX_QUESTION_CHARS + 1))
    assert f"has {MAX_QUESTION_CHARS + 1} characters; shorten it to {MAX_QUESTION_CHARS} or fewer" in message


def test_hint_too_long_or_empty():
    assert f"shorten it to {MAX_HINT_CHARS}" in error_with(hint="y" * (MAX_HINT_CHARS + 1))
    assert "'hint' is empty; write one sentence after 'hint:' or remove the line" in error_with(hint=" ")


def test_a_link_in_a_question_or_hint_is_refused():
    message = "a question and its hint are plain text, shown as written; remove the link"
    assert message in error_with(text="Have you read [our values](culture.md)?")
    assert message in error_with(hint="See [the salary page](https://example.org/pay).")


def test_unknown_key_lists_the_allowed_ones():
    message = error_with(colour="blue")
    assert "unknown key 'colour'" in message and "allowed keys are hint, id, renamed_from, section, tags, text" in message


def test_a_question_must_be_a_mapping():
    deck = questions()
    deck[0] = "What are your salary expectations?"
    assert "question 1: each question must be a mapping" in error_of(text_of(deck))


def test_too_few_questions_in_a_section_names_it_and_the_fix():
    deck = [q for q in questions() if q["id"] != "offer-question-0"]
    message = error_of(text_of(deck))
    count = MIN_QUESTIONS_PER_SECTION - 1
    assert message == (f"{SHOWN}: section 'offer' has {count} question{'s' if count != 1 else ''}; the deck "
                       f"needs at least {MIN_QUESTIONS_PER_SECTION} in each section: add questions with "
                       "'section: offer'")


def test_a_missing_deck_says_restore_it(tmp_path):
    with pytest.raises(DataError, match=f"^{tmp_path.name}/{PRACTICE_FILE}: the file cannot be read"):
        load_practice_deck(tmp_path, SECTIONS)


# ---------- the ledger ----------

def guide_with_deck(deck: list[dict]):
    """The ledger tests' one-section guide (salary) with `deck` as its practice questions."""
    guide = guide_of(SECTION)
    guide.deck = parse_practice_deck(text_of(deck), ["salary"])
    return guide


def salary_questions() -> list[dict]:
    return [q for q in questions() if q["section"] == "salary"]


def test_no_checklist_may_take_the_id_the_ledger_gives_the_deck():
    with pytest.raises(DataError) as caught:
        parse_section("data/salary.yml", SECTION.replace("id: salary-research", f"id: {PRACTICE_LEDGER}"))
    message = str(caught.value)
    assert message.startswith(f"data/salary.yml: checklist '{PRACTICE_LEDGER}': the id '{PRACTICE_LEDGER}' is kept")
    assert "choose another id" in message


def test_the_ledger_check_names_a_new_question_and_says_run_make_ledger(tmp_path):
    guide = guide_with_deck(salary_questions())
    ledger = tmp_path / "data" / LEDGER_FILE
    ledger.parent.mkdir()
    missing = f"{PRACTICE_LEDGER}/{salary_questions()[-1]['id']}"
    recorded = sorted(item_ids(guide) | question_ids(guide))
    ledger.write_text("published:\n" + "".join(f"- {i}\n" for i in recorded if i != missing))
    with pytest.raises(DataError) as caught:
        check_ledger(guide, ledger)
    assert str(caught.value) == (f"data/_ledger.yml: new question id {missing} not recorded; run "
                                 "`make ledger` to add them, then commit data/_ledger.yml")
    ledger.write_text("published:\n" + "".join(f"- {i}\n" for i in recorded))
    check_ledger(guide, ledger)


def test_the_ledger_writes_questions_as_practice_slash_id():
    guide = guide_with_deck(salary_questions())
    assert question_ids(guide) == {f"{PRACTICE_LEDGER}/{q['id']}" for q in salary_questions()}


def test_a_renamed_question_is_accounted_for_and_a_vanished_one_is_not():
    before = guide_with_deck(salary_questions())
    published = item_ids(before) | question_ids(before)
    renamed = salary_questions()
    old = renamed[0]["id"]
    renamed[0].update(id="new-name", renamed_from=[old])
    assert ledger_problems(guide_with_deck(renamed), published | {f"{PRACTICE_LEDGER}/new-name"}, set()) == []
    renamed[0].pop("renamed_from")
    [problem] = ledger_problems(guide_with_deck(renamed), published | {f"{PRACTICE_LEDGER}/new-name"}, set())
    assert problem.startswith(f"{PRACTICE_LEDGER}/{old} was published but is gone")
    retired = {f"{PRACTICE_LEDGER}/{old}"}
    assert ledger_problems(guide_with_deck(renamed), published | {f"{PRACTICE_LEDGER}/new-name"}, retired) == []


def test_the_committed_ledger_records_every_question_of_the_deck():
    guide = load_guide(ROOT / "data")
    published, _retired = read_ledger()
    assert question_ids(guide) <= published and len(question_ids(guide)) == len(guide.deck.questions)


def test_the_files_header_states_the_rules_the_loader_applies():
    """The comment an editor reads at the top of data/practice.yml names the same sections, tags
    and limits as the checks, so the two cannot drift apart unseen."""
    header = " ".join(line.lstrip("# ").strip() for line in
                      (ROOT / "data" / PRACTICE_FILE).read_text(encoding="utf-8").splitlines()
                      if line.startswith("#"))
    slugs = [s.slug for s in load_guide(ROOT / "data").sections]
    assert ", ".join(slugs[:-1]) + f" or {slugs[-1]}" in header
    assert ", ".join(STORY_TAGS) in header
    assert f"{MAX_QUESTION_CHARS} characters or fewer" in header
    assert f"{MAX_HINT_CHARS} characters or fewer" in header
    assert f"at least {MIN_QUESTIONS_PER_SECTION} questions" in header
    assert f"{PRACTICE_LEDGER}/<id>" in header
