"""What readers download is the minified build: no comment of the readable sources in the guide's
scripts and stylesheets, no HTML comment in any page; and the search index, which every first
visit loads, holds the pages' text but not the tools or the checklists."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from macros.inline import inline_html
from tests.pages import GUIDE, SEARCH_INDEXES
from tools.sitekit import ROOT

SOURCES = sorted((ROOT / "docs" / "assets" / "guide").glob("*.[jc]s*"))
COMMENT = re.compile(r"/\*(.*?)\*/", re.S)


def words_of(comment: str) -> str:
    """The first few words of a comment: enough to find it again, whatever the spacing."""
    return " ".join(comment.split()[:6])


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_built_file_carries_none_of_its_sources_comments(site_dir, source):
    built = site_dir / "assets" / "guide" / f"{source.stem}.min{source.suffix}"
    assert built.is_file(), f"{built.name} was not built"
    text = built.read_text(encoding="utf-8")
    comments = [words_of(c) for c in COMMENT.findall(source.read_text(encoding="utf-8")) if len(c.split()) >= 3]
    assert comments, f"{source.name} has no comment to look for"
    kept = [c for c in comments if c in " ".join(text.split())]
    assert not kept, f"{built.name} still carries comments: {kept[:3]}"
    assert len(text) < source.stat().st_size, f"{built.name} is no smaller than its source"
    assert not (site_dir / "assets" / "guide" / source.name).exists(), f"the unminified {source.name} is shipped too"


def test_no_page_carries_an_html_comment(site_dir):
    pages = [p for p in site_dir.rglob("*.html")]
    assert pages
    with_comments = [p.relative_to(site_dir).as_posix() for p in pages if "<!--" in p.read_text(encoding="utf-8")]
    assert not with_comments, with_comments


def test_the_sources_keep_their_comments():
    """docs/ stays readable: every source file has comments for the next person."""
    for source in SOURCES:
        assert COMMENT.search(source.read_text(encoding="utf-8")), f"{source.name} has no comment"


def _index(site_dir) -> list[dict]:
    path, pages = next((p, k) for p, k in SEARCH_INDEXES.items() if (site_dir / p).is_file())
    return json.loads((site_dir / path).read_text(encoding="utf-8"))[pages]


def test_the_checklists_stay_out_of_the_search_index_as_the_readme_says(site_dir):
    """Every first visit loads the search index: the checklists' items would weigh on every page
    (README, "Limits", says so and why). Each section's own text is in the index."""
    text = " ".join(e.get("text", "") for e in _index(site_dir))
    for checklist in GUIDE.checklists.values():
        words = " ".join(BeautifulSoup(inline_html(checklist.items[0].text), "html.parser").get_text().split())
        assert words not in text, f"{checklist.id}: its first item is in the search index"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "search index" in readme and "checklist" in readme


@pytest.mark.parametrize("section", GUIDE.sections, ids=lambda s: s.slug)
def test_the_tools_controls_stay_out_of_the_search_index(site_dir, section):
    text = " ".join(e.get("text", "") for e in _index(site_dir) if e["location"].startswith(section.slug + "/"))
    assert text and "Clear this checklist" not in text and "Add an application" not in text
