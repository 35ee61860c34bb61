"""The practice page (/practice/, "Rehearse your answers"): in the navigation before the cheat
sheet, every question of the deck grouped by section, the deck out of the search index, and prose
that reads easily. Every id, section and title comes from data/ through the project's loader."""

from __future__ import annotations

import datetime as dt
import json
import re

from bs4 import BeautifulSoup

from tests.pages import GUIDE, PAGES, SEARCH_INDEXES
from tests.site.test_pages import article
from tests.site.test_trust_and_sharing import meta

ADDRESS = "practice/"
TITLE = "Rehearse your answers"
MAX_WORDS = 900
MIN_READING_EASE = 60  # Flesch: 60 to 70 is "plain English", read easily by 13- to 15-year-olds

# ---------- Flesch reading ease, in plain Python ----------
# 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words). Syllables are counted with a
# small heuristic, right for most everyday English words: each group of vowels (a, e, i, o, u, y)
# is one syllable, less a silent final "e" ("rehearse") or "-ed" ("asked"), and every word has one.

WORD = re.compile(r"[A-Za-z][A-Za-z’']*")
VOWEL_GROUP = re.compile(r"[aeiouy]+")
SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"”)]|$)")


def syllables(word: str) -> int:
    word = word.lower().replace("’", "'").split("'")[0] or word.lower()
    count = len(VOWEL_GROUP.findall(word))
    if count > 1 and word.endswith("e") and not word.endswith(("le", "ee")):
        count -= 1
    elif count > 1 and word.endswith("ed") and not word.endswith(("ted", "ded")):
        count -= 1
    return max(1, count)


def reading_ease(blocks: list[str]) -> float:
    """Each block is a paragraph, list item or heading: a sentence at least, even unpunctuated."""
    words = [w for block in blocks for w in WORD.findall(block)]
    sentences = sum(max(1, len(SENTENCE_END.findall(block.strip()))) for block in blocks)
    syllable_count = sum(syllables(w) for w in words)
    return 206.835 - 1.015 * len(words) / sentences - 84.6 * syllable_count / len(words)


def prose(soup) -> BeautifulSoup:
    """The article as a reader reads it: no practice room (its deck included), title, dates or buttons."""
    clone = BeautifulSoup(str(article(soup)), "html.parser")
    for junk in clone.select("[data-practice], h1, .sig-reviewed, .md-content__button, .headerlink"):
        junk.decompose()
    return clone


def prose_blocks(soup) -> list[str]:
    text = prose(soup)
    blocks = [el.get_text(" ", strip=True) for el in text.select("p, li, h2, h3")
              if not el.find(["p", "li"])]
    return [b for b in blocks if b]


def test_the_syllable_heuristic_counts_common_words_right():
    expected = {"the": 1, "a": 1, "asked": 1, "don't": 1, "you’ll": 1, "practice": 2, "rehearse": 2,
                "minute": 2, "table": 2, "panel": 2, "yourself": 2, "wanted": 2, "answer": 2,
                "interview": 3, "recording": 3, "questions": 2, "result": 2}
    assert {word: syllables(word) for word in expected} == expected


def test_the_reading_ease_gate_tells_plain_from_dense_text():
    plain = ["Say your answer out loud. Time it. Then say it again, and listen."]
    dense = ["Organizational socialization constitutes a multidimensional phenomenon encompassing "
             "anticipatory expectations, institutional communication infrastructures and "
             "longitudinal evaluative considerations."]
    assert reading_ease(plain) > 90 and reading_ease(dense) < 0


def test_the_page_has_its_title_and_comes_just_before_the_cheat_sheet(soup_of):
    soup = soup_of(ADDRESS)
    assert next(article(soup).h1.stripped_strings) == TITLE
    links = [(a.get_text(strip=True), a["href"]) for a in
             soup_of("").select("nav.md-nav--primary > ul > li.md-nav__item > a.md-nav__link")]
    names = [name for name, _ in links]
    assert names[names.index(TITLE) + 1] == "Cheat sheet", names
    assert dict(links)[TITLE].endswith(ADDRESS)


def test_the_reviewed_date_shows_under_the_title_and_in_the_metadata(soup_of):
    """As on the section pages; this page is not one of them, so the reading time of the whole
    guide (tests/site/test_trust_and_sharing.py) leaves its deck out."""
    soup = soup_of(ADDRESS)
    line = article(soup).h1.find_next_sibling()
    assert "sig-reviewed" in line.get("class", [])
    day = dt.date.fromisoformat(line.time["datetime"])
    assert day <= dt.date.today() and meta(soup, "article:modified_time") == day.isoformat()


def test_every_question_of_the_deck_is_listed_under_its_section(soup_of):
    deck = article(soup_of(ADDRESS)).select_one("[data-practice-deck]")
    groups = deck.select("[data-practice-group]")
    assert [g["data-practice-group"] for g in groups] == [s.slug for s in GUIDE.sections]
    for group, section in zip(groups, GUIDE.sections):
        assert group.h3.get_text(strip=True) == section.title
        shown = group.select("[data-practice-question-id]")
        assert [q["data-practice-question-id"] for q in shown] == [q.id for q in GUIDE.deck.in_section(section.slug)]
        assert {q["data-practice-section"] for q in shown} == {section.slug}
    assert len(deck.select("[data-practice-question-id]")) == len(GUIDE.deck.questions)
    texts = {q.get_text(" ", strip=True) for q in deck.select(".sig-practice__text")}
    assert texts == {q.text for q in GUIDE.deck.questions}


def test_the_deck_stays_out_of_the_search_index_and_the_prose_does_not(soup_of, site_dir):
    path, pages = next((path, pages) for path, pages in SEARCH_INDEXES.items() if (site_dir / path).is_file())
    docs = json.loads((site_dir / path).read_text(encoding="utf-8"))[pages]
    entries = [d for d in docs if d.get("location", "").split("#")[0] == ADDRESS]
    assert entries and entries[0]["title"] == TITLE
    indexed = " ".join(f"{d.get('title', '')} {d.get('text', '')}" for d in docs)
    # A question the prose quotes as an example ("When could you start?") is found for the prose.
    said = prose(soup_of(ADDRESS)).get_text(" ")
    leaked = [q.id for q in GUIDE.deck.questions
              if (q.text in indexed and q.text not in said) or (q.hint and q.hint in indexed)]
    assert not leaked, f"indexed from the deck: {leaked}"
    assert all(d["title"].strip() for d in entries), "a heading of the deck made an empty search entry"


def test_the_prose_is_short_and_reads_easily(soup_of):
    blocks = prose_blocks(soup_of(ADDRESS))
    words = sum(len(WORD.findall(b)) for b in blocks)
    assert 0 < words <= MAX_WORDS
    ease = reading_ease(blocks)
    assert ease >= MIN_READING_EASE, f"Flesch reading ease {ease:.1f}; use shorter sentences and words"


def test_only_the_practice_page_loads_the_practice_room(soup_of):
    with_room = [a for a in PAGES if soup_of(a).select('[data-guide-component="practice"]')]
    assert with_room == [ADDRESS]
    assert all(not soup_of(a).select('link[data-guide-styles="practice"]') for a in PAGES if a != ADDRESS)
    assert soup_of(ADDRESS).select_one('link[data-guide-styles="practice"]')["href"].endswith("practice.min.css")
