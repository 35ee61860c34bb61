"""The guide's content (issue 25), on the built site: every dated fact kept once in data/facts.yml
and shown with its dates, the sections' review dates, the defects the review found, one story
count, Previous and Next on every section, and prose a reader can take in (Flesch reading ease)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.facts import fact_markdown, facts_used, load_facts, page_reviewed
from macros.guide_data import FACTS_FILE
from macros.inline import inline_html
from macros.reviewed_html import reviewed_date
from tests.pages import GUIDE, SECTIONS
from tests.site.test_pages import article
from tools.sitekit import ROOT

BOOK = load_facts(ROOT / "data" / FACTS_FILE)
DOCS = sorted((ROOT / "docs").glob("*.md"))


def address(markdown: Path) -> str:
    return "" if markdown.stem == "index" else f"{markdown.stem}/"


def front_matter(markdown: Path) -> dict:
    text = markdown.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1]) if text.startswith("---\n") else {}


USES = {address(page): facts_used(page.read_text(encoding="utf-8"), BOOK) for page in DOCS}


# ---------- facts: kept once, shown where they are used, listed on About ----------

def test_every_fact_is_used_by_a_page():
    used = {fact.id for facts in USES.values() for fact in facts}
    unused = [fact.id for fact in BOOK.facts if fact.id not in used]
    assert not unused, f"facts no page shows (use them or remove them from data/facts.yml): {unused}"


def shown(soup, fact) -> str:
    """The rendered words that follow a fact's marker in its paragraph, list item or cell."""
    marker = article(soup).select_one(f'[data-fact="{fact.id}"]')
    return " ".join(unescape("".join(str(node) for node in marker.next_siblings)).split())


def expected(fact) -> str:
    """The fact's words as the page's Markdown renders them: links and emphasis, nothing else."""
    return " ".join(unescape(inline_html(fact_markdown(fact))).split())


@pytest.mark.parametrize("page", [p for p, facts in USES.items() if facts], ids=lambda p: p or "home")
def test_each_fact_a_page_calls_is_shown_there_in_its_words_with_its_checked_day(soup_of, page):
    for fact in USES[page]:
        markers = article(soup_of(page)).select(f'[data-fact="{fact.id}"]')
        assert len(markers) == 1, f"{page}: {fact.id} shown {len(markers)} times"
        assert markers[0]["data-fact-checked"] == fact.checked.isoformat()
        assert shown(soup_of(page), fact).startswith(expected(fact)), fact.id
        links = [a["href"] for a in markers[0].parent.find_all("a", href=True)]
        assert fact.source.url in links, f"{page}: {fact.id} without a link to its source"


def test_a_fact_used_on_two_pages_reads_the_same_on_both(soup_of):
    shared = {}
    for page, facts in USES.items():
        for fact in facts:
            shared.setdefault(fact, []).append(page)
    assert any(len(pages) > 1 for pages in shared.values()), "no fact is shared; the check has nothing to compare"
    for fact, pages in shared.items():
        assert all(shown(soup_of(p), fact).startswith(expected(fact)) for p in pages), fact.id


@pytest.mark.parametrize("page", ["", *(f"{s}/" for s in SECTIONS)], ids=lambda p: p or "home")
def test_last_reviewed_is_the_oldest_fact_check_or_a_later_review(soup_of, page):
    markdown = ROOT / "docs" / ("index.md" if not page else f"{page[:-1]}.md")
    own = reviewed_date(front_matter(markdown).get("reviewed"), markdown.name)
    expected = page_reviewed(own, USES[page])
    line = article(soup_of(page)).select_one("[data-reviewed]")
    assert line["data-reviewed"] == expected.isoformat()
    if USES[page] and own < min(f.checked for f in USES[page]):
        assert expected > own  # the facts, not the front matter, date this page


def test_about_lists_every_fact_with_its_source_and_checked_day(soup_of):
    # (Zensical leaves out of its index what data-search-exclude marks, then drops the attribute.)
    table = article(soup_of("about/")).select_one(".sig-facts table")
    rows = table.select("tbody tr")
    assert len(rows) == len(BOOK.facts)
    for fact, row in zip(BOOK.facts, rows):
        cells = [" ".join(td.get_text(" ").split()) for td in row.find_all("td")]
        assert cells[0].startswith(fact.name + " (") and cells[1] == fact.jurisdiction
        assert row.find("a", href=fact.source.url) is not None, fact.id
        assert cells[2] == f"{fact.checked.day} {fact.checked:%b %Y}"


# ---------- no dated claim written by hand outside data/facts.yml ----------

YEAR = re.compile(r"\b(?:19|20)\d\d\b")
PERCENT = re.compile(r"\d\s?%|\bper ?cent\b", re.I)
# Lines that hold a year or a percentage without making a claim, each with its reason.
NOT_CLAIMS = {
    re.compile(r"^reviewed: \d{4}-\d\d-\d\d$"): "front matter: the day a person last reviewed the page",
}


def hand_written_claims(text: str, shown: str) -> list[str]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if any(allowed.search(line) for allowed in NOT_CLAIMS):
            continue
        if YEAR.search(line) or PERCENT.search(line):
            found.append(f"{shown}:{number}: {line.strip()}")
    return found


def test_no_year_or_percentage_is_written_by_hand_outside_the_facts_file():
    files = DOCS + [p for p in sorted((ROOT / "data").glob("*.yml")) if p.name != FACTS_FILE]
    found = [claim for path in files
             for claim in hand_written_claims(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert not found, "put these in data/facts.yml and call {{ fact(...) }}:\n" + "\n".join(found)


def test_the_claim_check_catches_a_year_and_a_percentage():
    planted = "---\nreviewed: 2026-11-27\n---\n\nIn 2019, 40% said so.\nAbout 12 per cent.\nSix stories.\n"
    assert hand_written_claims(planted, "page.md") == ["page.md:5: In 2019, 40% said so.",
                                                       "page.md:6: About 12 per cent."]


# ---------- the defects the review found ----------

def text_of(soup_of, page: str) -> str:
    return article(soup_of(page)).get_text(" ").replace("\u2019", "'")


def test_the_anchoring_study_links_its_own_doi_and_says_what_was_studied(soup_of):
    hrefs = [a["href"] for a in article(soup_of("salary/")).find_all("a", href=True)]
    assert "https://doi.org/10.1037/pspi0000016" in hrefs
    assert not any("10.1037/a0038472" in h for h in hrefs), "the wrong DOI is back"
    assert "selling a car" in text_of(soup_of, "salary/") and "in a lab" in text_of(soup_of, "salary/")


# The places the review asked the pay tables to cover, by the jurisdiction codes of data/facts.yml.
PAY_PLACES = {"US-CA", "US-CO", "US-WA", "US-IL", "US-MN", "US-NJ", "US-VT", "US-MA", "US-NY",
              "EU", "PL", "MT", "CA-ON", "CA-BC", "UK"}


def test_the_salary_page_names_every_jurisdiction_of_its_pay_tables(soup_of):
    rows = {fact for fact in USES["salary/"] if fact.table}
    assert PAY_PLACES <= {fact.jurisdiction for fact in rows}
    cells = {tr.find("td").strong.get_text(strip=True): tr
             for tr in article(soup_of("salary/")).select("tbody tr") if tr.find("td").strong}
    for fact in rows:
        assert fact.where in cells, f"no row for {fact.where}"
        assert cells[fact.where].find("a", href=fact.source.url), f"{fact.where}: no source link"


def test_the_salary_scripts_ask_for_their_range_before_giving_yours(soup_of):
    blocks = [" ".join(t.get_text(" ").split()) for t in article(soup_of("salary/")).select(".tabbed-block")]
    text = next(b for b in blocks if "range you've budgeted" in b)
    assert text.index("range you've budgeted") < text.index("I'm looking for")


def test_the_offer_page_covers_spent_convictions_the_fcra_and_fair_chance_timing(soup_of):
    text = text_of(soup_of, "offer/")
    for words in ("spent", "FCRA", "written permission", "copy", "conditional offer", "non-compete",
                  "probation", "Read the contract"):
        assert words in text, words


def test_one_rule_for_telling_other_employers(soup_of):
    rule = "accepted an offer in writing"
    assert rule in text_of(soup_of, "offer/")
    item = next(i for c in GUIDE.checklists.values() for i in c.items if i.id == "tell-other-employers")
    assert rule in item.text


def test_saying_you_prefer_them_comes_with_only_if_true(soup_of):
    for page in ("follow-up/", "offer/"):
        text = text_of(soup_of, page)
        assert "only if" in text and "true" in text, page


def test_the_day_covers_what_to_wear_assessment_centers_ai_video_and_a_debrief(soup_of):
    soup = article(soup_of("the-day/"))
    headings = [h.get_text(" ", strip=True).lower() for h in soup.find_all(["h2", "h3"])]
    assert any("what to wear" in h for h in headings)
    assert any("assessment center" in h for h in headings)
    assert any("debrief" in h and "afterward" in h for h in headings)
    assert soup.select_one('[data-fact="illinois-ai-video-interviews"]')


def test_why_are_you_leaving_is_answered_on_the_background_page(soup_of):
    headings = [h.get_text(" ", strip=True) for h in article(soup_of("background/")).find_all("h2")]
    assert any("Why are you leaving?" in h for h in headings)


# ---------- one story count ----------

COUNT = re.compile(r"\b(four|five|six|seven|eight|nine|ten|\d+)(?: (?:to|or) \w+)? (?:STAR |real )?stories\b", re.I)


def story_counts() -> list[str]:
    files = DOCS + sorted((ROOT / "data").glob("*.yml")) + sorted((ROOT / "macros").glob("*.py"))
    return [f"{path.relative_to(ROOT)}: {m.group(0)}" for path in files
            for m in COUNT.finditer(path.read_text(encoding="utf-8"))]


def test_the_story_bank_size_is_written_once():
    """How many stories to prepare is said once, on the page that holds the story bank; the
    other pages, the checklists and the planner point to the bank instead of repeating a number
    (smaller picks, such as your two strongest stories, are not a bank size)."""
    counts = story_counts()
    assert len(counts) == 1 and counts[0].startswith("docs/background.md: "), counts


def test_the_story_count_check_sees_a_second_count():
    assert COUNT.search("Write four STAR stories") and COUNT.search("pick five or six stories")
    assert not COUNT.search("your two strongest stories")


# ---------- Previous and Next on every section ----------

@pytest.mark.parametrize("index", range(len(SECTIONS)), ids=lambda i: SECTIONS[i])
def test_every_section_links_the_previous_and_the_next(soup_of, index):
    footer = soup_of(f"{SECTIONS[index]}/").select_one("nav.md-footer__inner")
    prev = footer.select_one("a.md-footer__link--prev")
    nxt = footer.select_one("a.md-footer__link--next")
    assert prev and nxt, f"{SECTIONS[index]}: Previous or Next is missing"
    if index > 0:
        assert prev["href"].rstrip("/").endswith(SECTIONS[index - 1])
    if index + 1 < len(SECTIONS):
        assert nxt["href"].rstrip("/").endswith(SECTIONS[index + 1])


# ---------- readability: Flesch reading ease of each section's prose ----------

MIN_READING_EASE = 60  # "plain English": most adults read it easily
WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")
BLOCKS = ["p", "li", "td", "th", "h1", "h2", "h3", "h4", "summary"]


def syllables(word: str) -> int:
    """A small heuristic, right for most English words: count groups of vowels, after dropping a
    silent final e (and the e of -ed, -es after most consonants: "asked", "makes", but not
    "wanted", "chances"), treating y before a vowel as a consonant ("employer"), and counting
    "-ia"/"-io" after a consonant other than c, g, s, t as two ("radio"); at least one."""
    w = word.lower().strip("'\u2019")
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^aeiouytd]ed|[^aeiouysxzcgh]es|[^laeiouy]e)$", lambda m: m.group(0)[0], w)
    w = re.sub(r"y(?=[aeiou])", "_", w)
    extra = len(re.findall(r"[^aeioucgst_]i[ao]", w))
    return max(1, len(VOWEL_GROUPS.findall(w)) + extra)


def reading_ease(blocks: list[str]) -> float:
    """Flesch: 206.835 - 1.015 x words per sentence - 84.6 x syllables per word. A sentence ends at
    . ! ? : or ; and every paragraph, list item, table cell or heading ends one."""
    words = sentences = syllable_count = 0
    for block in blocks:
        for sentence in re.split(r"[.!?:;]+(?:\s|$)", block):
            found = WORD.findall(sentence)
            if found:
                words += len(found)
                sentences += 1
                syllable_count += sum(syllables(w) for w in found)
    return 206.835 - 1.015 * words / sentences - 84.6 * syllable_count / words


def prose_blocks(soup) -> list[str]:
    """The text of each innermost block of the article, without the reader's tools and checklists."""
    clone = BeautifulSoup(str(article(soup)), "html.parser")
    for junk in clone.select("form, [data-guide-component], [data-checklist-edit], .md-content__button, "
                             ".headerlink, script, .sig-reviewed"):
        junk.decompose()
    return [el.get_text(" ", strip=True) for el in clone.find_all(BLOCKS)
            if not el.find(BLOCKS) and el.get_text(strip=True)]


def test_the_syllable_counter_agrees_with_a_dictionary_on_common_words():
    known = {"negotiation": 5, "interview": 3, "employer": 3, "the": 1, "business": 2, "recruiter": 3,
             "table": 2, "asked": 1, "wanted": 2, "people": 2, "questions": 2, "salary": 3, "created": 3}
    wrong = {w: syllables(w) for w, n in known.items() if syllables(w) != n}
    assert len(wrong) <= 3, wrong  # it misses vowel pairs said apart: "ne-go-ti-a-tion", "cre-at-ed"


def test_reading_ease_tells_plain_from_dense_prose():
    plain = ["Ask for the range. Then say yours. Keep it short and kind."]
    dense = ["Notwithstanding organizational considerations, remuneration negotiations necessitate "
             "comprehensive documentation, preliminary authorization and institutional accountability."]
    assert reading_ease(plain) > 80 > MIN_READING_EASE > 0 > reading_ease(dense)


@pytest.mark.parametrize("slug", SECTIONS)
def test_each_section_reads_easily(soup_of, slug):
    ease = reading_ease(prose_blocks(soup_of(f"{slug}/")))
    assert ease >= MIN_READING_EASE, f"{slug}: Flesch reading ease {ease:.1f}, under {MIN_READING_EASE}"


def test_the_home_page_lists_each_section_by_its_one_name(soup_of, base_url):
    """The list comes from data/ (section_list()): the names the navigation and the tools use."""
    heading = article(soup_of("")).find(id="the-sections-of-the-guide")
    items = heading.find_next_sibling("ol").find_all("li", recursive=False)
    assert [li.a.get_text() for li in items] == [s.title for s in GUIDE.sections]
    for li, section in zip(items, GUIDE.sections):
        assert li.a["href"].rstrip("/").endswith(section.slug)
        assert " ".join(li.get_text().split()) == f"{section.title}: {section.summary}"
    nav = {a.get_text(strip=True) for a in soup_of("").select(".md-nav--primary a.md-nav__link")}
    assert {s.title for s in GUIDE.sections} <= nav
