"""The built site, parsed with BeautifulSoup: pages, sections, checklists, sources, metadata."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from tests.pages import GUIDE, PAGES, SECTIONS
from macros.guide_data import MAX_ITEMS, MIN_ITEMS
from tools import seed_shingles
from tools.seed_shingles import RUN, read_prints, shingles
from tools.sitekit import ROOT

CHECKLIST_CALL = re.compile(r'\{\{ checklist\("([a-z0-9-]+)"\) \}\}')

SEED_PRINTS = read_prints()
MIN_SECTION_WORDS = 900


def article(soup):
    return soup.select_one("article.md-content__inner")


def prose_words(soup) -> int:
    """Words the reader reads in the article, without checklists and the edit button."""
    clone = BeautifulSoup(str(article(soup)), "html.parser")
    for junk in clone.select("form[data-checklist], [data-checklist-edit], .md-content__button, .headerlink, script"):
        junk.decompose()
    return len(re.findall(r"[A-Za-z0-9’']+", clone.get_text(" ")))


@pytest.mark.parametrize("address", PAGES)
def test_page_exists_with_title_description_and_edit_link(soup_of, address):
    soup = soup_of(address)
    assert soup.title and soup.title.string.strip()
    description = soup.find("meta", attrs={"name": "description"})
    assert description and 50 <= len(description["content"]) <= 200
    edit = soup.select_one("a.md-content__button[href]")
    assert edit and edit["href"].startswith("https://github.com/") and "/edit/main/docs/" in edit["href"]
    assert len(article(soup).find_all("h1")) == 1


def test_titles_and_descriptions_are_unique(soup_of):
    titles = [soup_of(a).title.string for a in PAGES]
    descriptions = [soup_of(a).find("meta", attrs={"name": "description"})["content"] for a in PAGES]
    assert len(set(titles)) == len(PAGES) and len(set(descriptions)) == len(PAGES)


@pytest.mark.parametrize("address", PAGES)
def test_no_unrendered_template_code(soup_of, address):
    text = str(article(soup_of(address)))
    assert "{{" not in text and "{%" not in text and "Macro Rendering Error" not in text


@pytest.mark.parametrize("slug", SECTIONS)
def test_section_has_enough_guidance(soup_of, slug):
    words = prose_words(soup_of(f"{slug}/"))
    assert words >= MIN_SECTION_WORDS, f"{slug}: {words} words, fewer than {MIN_SECTION_WORDS}"


@pytest.mark.parametrize("slug", SECTIONS)
def test_section_has_a_checklist_of_five_to_ten_items(soup_of, slug):
    lists = soup_of(f"{slug}/").select(f'form[data-checklist][data-section="{slug}"]')
    assert lists, f"{slug} has no checklist"
    for checklist in lists:
        count = len(checklist.select('input[type="checkbox"][data-item]'))
        assert MIN_ITEMS <= count <= MAX_ITEMS, f"{checklist['data-checklist']} has {count} items"


@pytest.mark.parametrize("slug", SECTIONS)
def test_section_cites_a_linked_source(soup_of, slug):
    links = [a["href"] for a in article(soup_of(f"{slug}/")).select("p a[href^='https://'], li a[href^='https://'], td a[href^='https://']")
             if "github.com" not in a["href"]]
    assert links, f"{slug} links to no outside source"


@pytest.mark.parametrize("slug", SECTIONS)
def test_section_uses_headings_for_an_outline(soup_of, slug):
    soup = soup_of(f"{slug}/")
    assert len(article(soup).find_all("h2")) >= 4
    assert len(soup.select(".md-nav--secondary a.md-nav__link")) >= 4


def copied_runs(soup, prints: set[str]) -> set[str]:
    """Fingerprints of the runs of RUN words the page's article shares with the seed."""
    return shingles(article(soup).get_text(" "), RUN) & prints


@pytest.mark.parametrize("address", PAGES)
def test_no_run_of_eight_words_from_the_seed(soup_of, address):
    assert SEED_PRINTS, "tests/data/seed-shingles.txt holds no fingerprints"
    assert not copied_runs(soup_of(address), SEED_PRINTS), \
        f"{address or 'home'} copies a run of {RUN} words from the seed"


def test_seed_check_catches_a_planted_copy(soup_of, tmp_path):
    """A stand-in seed shares one run of words with a built page, in other case and punctuation;
    its fingerprints, made by the maintainer's own tool, catch that page and no other."""
    words = seed_shingles.words(article(soup_of(f"{SECTIONS[0]}/")).get_text(" "))
    planted = words[len(words) // 2: len(words) // 2 + RUN]
    seed = tmp_path / "seed.txt"
    seed.write_text("Nothing here is on the site. " + ", ".join(w.upper() for w in planted) + ". The end.")
    prints_file = tmp_path / "prints.txt"
    assert seed_shingles.main(str(seed), prints_file) == 0
    prints = read_prints(prints_file)
    assert copied_runs(soup_of(f"{SECTIONS[0]}/"), prints)
    assert not copied_runs(soup_of("about/"), prints)


def test_home_has_readiness_and_progress_tools(soup_of):
    soup = soup_of("")
    readiness = soup.select_one("[data-readiness]")
    rows = readiness.select("[data-readiness-section]")
    assert [r["data-readiness-section"] for r in rows] == SECTIONS
    for row in rows:
        assert row.a["href"] == row["data-readiness-section"] + "/"  # relative to the home page
    assert soup.select_one("[data-progress-export]") and soup.select_one("[data-progress-import]")


def test_checklist_ids_are_unique_across_the_site(soup_of):
    ids = [f["data-checklist"] for slug in SECTIONS for f in soup_of(f"{slug}/").select("form[data-checklist]")]
    assert len(ids) == len(set(ids))


def test_internal_links_in_checklists_point_to_pages(soup_of, site_dir):
    for slug in SECTIONS:
        for link in soup_of(f"{slug}/").select("form[data-checklist] a[href]"):
            href = link["href"]
            if urlparse(href).scheme:
                continue
            target = (site_dir / slug / href.split("#")[0]).resolve()
            assert (target / "index.html").is_file() or target.is_file(), f"{slug}: {href}"


def test_site_loads_no_google_fonts(site_dir):
    for html in site_dir.rglob("*.html"):
        assert "fonts.googleapis.com" not in html.read_text(encoding="utf-8"), html


@pytest.mark.parametrize("slug", SECTIONS)
def test_every_checklist_offers_an_edit_link_to_its_data_file(soup_of, slug):
    soup = soup_of(f"{slug}/")
    page_edit = soup.select_one("a.md-content__button[href]")["href"]
    repository = page_edit.split("/edit/")[0]
    forms = soup.select("form[data-checklist]")
    assert forms
    for form in forms:
        link = soup.select_one(f'[data-checklist-edit="{form["data-checklist"]}"] a[href]')
        assert link, f"{form['data-checklist']} has no edit link"
        assert link["href"] == f"{repository}/edit/main/data/{form['data-section']}.yml"
        assert (ROOT / "data" / f"{form['data-section']}.yml").is_file()


@pytest.mark.parametrize("slug", SECTIONS)
def test_the_markdown_behind_edit_this_page_says_where_its_checklists_live(soup_of, slug):
    """"Edit this page" opens docs/<page>.md; above each checklist call a comment names the data
    file that holds its items, since they are not in the page."""
    page_edit = soup_of(f"{slug}/").select_one("a.md-content__button[href]")["href"]
    markdown = (ROOT / "docs" / page_edit.split("/edit/main/docs/")[1]).read_text(encoding="utf-8")
    lines = markdown.splitlines()
    calls = [(n, CHECKLIST_CALL.search(line).group(1)) for n, line in enumerate(lines) if CHECKLIST_CALL.search(line)]
    assert calls
    for number, checklist_id in calls:
        section = next(s.slug for s in GUIDE.sections for c in s.checklists if c.id == checklist_id)
        above = lines[number - 1] if number else ""
        assert above.startswith("<!--") and f"data/{section}.yml" in above, \
            f"{page_edit}: no comment naming data/{section}.yml above the {checklist_id} checklist"
