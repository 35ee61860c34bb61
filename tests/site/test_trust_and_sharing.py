"""Trust and sharing (issue 10): when each section was reviewed, the card a chat shows for a link,
sources linked at the page that says the thing, notes beside legal facts and an honest reading time."""

from __future__ import annotations

import datetime as dt
import re
import struct
from urllib.parse import urlparse

import pytest
import yaml

from tests.pages import PAGES, SECTIONS
from tests.site.test_pages import article, prose_words
from tools.sitekit import ROOT, site_path

SOURCES = yaml.safe_load((ROOT / "tests" / "data" / "source-addresses.yml").read_text(encoding="utf-8"))
REVIEWED_PAGES = ["", *(f"{s}/" for s in SECTIONS)]
WORDS_PER_MINUTE = 230  # a common figure for adults reading non-fiction silently
CHECK_RULES = "check your country's current rules"
# Text that states what a law says: a page with any of these must also tell the reader to check.
LEGAL = re.compile(r"\b(?:Act|Directive|Labor Code|Labour Code|Labor Law)\b")


def meta(soup, key: str) -> str:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag and tag.get("content") else ""


@pytest.mark.parametrize("address", REVIEWED_PAGES)
def test_reviewed_date_shows_under_the_title_and_in_the_metadata(soup_of, address):
    soup = soup_of(address)
    line = article(soup).h1.find_next_sibling()
    assert line is not None and "sig-reviewed" in line.get("class", []), f"{address}: no reviewed line under the title"
    when = line.time["datetime"]
    day = dt.date.fromisoformat(when)
    assert day <= dt.date.today(), f"{address}: reviewed in the future ({when})"
    assert line.get_text(" ", strip=True) == f"Last reviewed: {day.day} {day:%B %Y}"
    assert meta(soup, "article:modified_time") == when


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "the card image is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("address", PAGES)
def test_card_metadata_names_the_page_and_an_image_in_the_site(soup_of, site_dir, address):
    soup = soup_of(address)
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert meta(soup, "og:title") and meta(soup, "og:title") == meta(soup, "twitter:title")
    assert meta(soup, "og:title") in soup.title.string
    assert meta(soup, "og:description") == description == meta(soup, "twitter:description")
    assert meta(soup, "twitter:card") == "summary_large_image"
    image = urlparse(meta(soup, "og:image"))
    canonical = urlparse(soup.find("link", rel="canonical")["href"])
    assert image.scheme in ("http", "https") and image.netloc == canonical.netloc, "og:image must be absolute"
    assert meta(soup, "twitter:image") == meta(soup, "og:image")
    path = image.path[len(site_path()):] if image.path.startswith(site_path()) else image.path
    file = site_dir / path.lstrip("/")
    assert file.is_file(), f"og:image {image.path} is not a file in the site"
    width, height = png_size(file.read_bytes())
    assert (width, height) == (int(meta(soup, "og:image:width")), int(meta(soup, "og:image:height")))


def outside_links(soup) -> list[str]:
    return [a["href"] for a in article(soup).find_all("a", href=True) if urlparse(a["href"]).scheme in ("http", "https")]


def shallow_source_links(links: list[str]) -> list[str]:
    """Links to a source's home page, or to an address the data file bans, each with the fix."""
    problems = []
    for href in links:
        url = urlparse(href)
        if url.netloc in SOURCES["deep"] and url.path in ("", "/"):
            problems.append(f"{href} is a home page: link {SOURCES['deep'][url.netloc]}")
        problems += [f"{href} is a banned address" for banned in SOURCES["banned"] if href.startswith(banned)]
    return problems


@pytest.mark.parametrize("address", PAGES)
def test_sources_are_linked_at_the_page_that_says_the_thing(soup_of, address):
    problems = shallow_source_links(outside_links(soup_of(address)))
    assert not problems, f"{address or 'home'}:\n" + "\n".join(problems)


def test_the_source_check_catches_a_home_page_and_the_old_cnbc_address():
    links = ["https://www.hr-brew.com/", "https://www.cnbc.com/2017/05/09/any.html",
             "https://www.hr-brew.com/stories/2023/09/25/x", "https://example.org/"]
    problems = shallow_source_links(links)
    assert len(problems) == 2 and "hr-brew" in problems[0] and "banned" in problems[1]


def test_career_centre_sources_are_cited_once(soup_of):
    for host in SOURCES["cited_once"]:
        pages = [a for a in PAGES if any(urlparse(h).netloc == host for h in outside_links(soup_of(a)))]
        assert len(pages) == 1, f"{host} is cited on {pages or 'no page'}; cite it once, where it matters"


@pytest.mark.parametrize("address", PAGES)
def test_legal_facts_carry_a_note_to_check_current_rules(soup_of, address):
    text = article(soup_of(address)).get_text(" ")
    if LEGAL.search(text):
        assert CHECK_RULES in text.replace("’", "'").lower(), f"{address}: names a law but not '{CHECK_RULES}'"


def test_the_note_check_has_pages_to_look_at(soup_of):
    assert sum(bool(LEGAL.search(article(soup_of(a)).get_text(" "))) for a in PAGES) >= 2


def test_home_states_an_honest_reading_time(soup_of):
    home = article(soup_of("")).get_text(" ")
    stated = re.search(r"whole guide takes about (\d+) minutes", home)
    assert stated, "the home page no longer says how long the guide takes to read"
    words = sum(prose_words(soup_of(a)) for a in REVIEWED_PAGES)
    measured = words / WORDS_PER_MINUTE
    assert abs(int(stated[1]) - measured) <= 0.2 * measured, f"says {stated[1]} minutes; {words} words take {measured:.0f}"


def test_short_on_time_paths_link_to_the_parts(soup_of):
    soup = soup_of("")
    heading = next((h for h in article(soup).find_all("h2") if "Short on time" in h.get_text()), None)
    assert heading, "the home page has no 'Short on time?' part"
    paths = {}
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        if sibling.name == "h3":
            paths[sibling.get_text(strip=True).rstrip("¶")] = []
        elif paths and sibling.name in ("ol", "ul"):
            paths[list(paths)[-1]] += [a["href"] for a in sibling.find_all("a", href=True)]
    assert set(paths) >= {"One evening", "Three days"}, paths
    for name in ("One evening", "Three days"):
        assert len(paths[name]) >= 4 and all("#" in h or h.endswith(("cheat-sheet/", "practice/")) for h in paths[name]), paths[name]
