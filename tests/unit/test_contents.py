"""The home page's list of sections and the navigation's names for them (macros/contents.py),
from the real data/ through the project's loader."""

from __future__ import annotations

import re

import pytest
import yaml

from macros.contents import check_nav_titles, render_section_list
from macros.guide_data import DataError, load_guide
from tools.sitekit import ROOT

GUIDE = load_guide(ROOT / "data")
NAV = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]


def test_the_list_names_every_section_in_order_with_its_page_and_summary():
    lines = render_section_list(GUIDE.sections).splitlines()
    assert len(lines) == len(GUIDE.sections)
    for number, (line, section) in enumerate(zip(lines, GUIDE.sections), start=1):
        assert line == f"{number}. [{section.title}]({section.slug}.md): {section.summary}"
        assert section.summary and not re.search(r"\s{2}", section.summary)


def test_the_navigation_names_each_section_as_its_data_does():
    check_nav_titles(GUIDE.sections, NAV)  # raises when they differ
    check_nav_titles(GUIDE.sections, [zensical(t, p) for entry in NAV for t, p in entry.items()])
    named = {page: title for entry in NAV for title, page in entry.items()}
    assert all(named[f"{s.slug}.md"] == s.title for s in GUIDE.sections)


def zensical(title: str, url: str, children=()) -> dict:
    """A nav entry as Zensical hands the configuration to the macros."""
    return {"title": title, "url": url, "children": list(children), "is_index": False}


@pytest.mark.parametrize("shape", ["flat", "in a group", "zensical", "zensical group"])
def test_another_name_in_the_navigation_is_one_line_naming_both_files(shape):
    section = GUIDE.sections[0]
    page = f"{section.slug}.md"
    nav = {"flat": [{"Another name": page}], "in a group": [{"Sections": [{"Another name": page}]}],
           "zensical": [zensical("Another name", page)],
           "zensical group": [zensical("Sections", None, [zensical("Another name", page)])]}[shape]
    with pytest.raises(DataError) as raised:
        check_nav_titles(GUIDE.sections, nav)
    message = str(raised.value)
    assert "\n" not in message and message.startswith("mkdocs.yml: ")
    assert f"data/{section.slug}.yml" in message and repr(section.title) in message
