"""The story themes file (data/_story-themes.yml) and the story bank's HTML."""

from __future__ import annotations

import textwrap

import pytest
from bs4 import BeautifulSoup

from macros.guide_data import (
    STORY_TAGS as TAGS,
    STORY_THEMES_FILE as THEMES_FILE,
    DataError,
    Theme,
    load_story_themes,
    parse_story_themes,
)
from macros.stories import CONFIG, render_story_bank, render_story_coverage
from tests.unit.support import editor_error


HOSTILE = "<img src=x onerror=alert(1)> \"quoted\" & <script>alert(2)</script>"
SHOWN = "data/_story-themes.yml"
GOOD = """\
- id: led-without-authority
  question: Tell me about a time you led without formal authority.
  tags: [leadership]
- id: hard-feedback
  question: Tell me about feedback that was hard to hear.
  tags: [failure, conflict]
"""


def error_of(text: str) -> str:
    return editor_error(SHOWN, parse_story_themes, textwrap.dedent(text))


def test_the_real_file_loads_and_covers_every_tag():
    themes = load_story_themes()
    assert THEMES_FILE.name == "_story-themes.yml" and THEMES_FILE.parent.name == "data"
    assert 6 <= len(themes) <= 10
    assert len({t.id for t in themes}) == len(themes)
    assert {tag for t in themes for tag in t.tags} == set(TAGS)
    assert all(t.question.strip() for t in themes)


def test_good_text_parses():
    themes = parse_story_themes(GOOD)
    assert themes == (
        Theme("led-without-authority", "Tell me about a time you led without formal authority.", ("leadership",)),
        Theme("hard-feedback", "Tell me about feedback that was hard to hear.", ("failure", "conflict")),
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (GOOD.replace("[leadership]", "[leadrship]"), "unknown tag 'leadrship'; use one of leadership"),
        (GOOD.replace("- id: led-without-authority\n  question", "- question"), "theme 1: the theme has no 'id'"),
        (GOOD.replace("  question: Tell me about feedback that was hard to hear.\n", ""),
         "theme 2 (hard-feedback): 'question' is missing or empty"),
        (GOOD.replace("question: Tell me about feedback", "question: ''\n  x: Tell"), "unknown key 'x'"),
        (GOOD.replace("id: hard-feedback", "id: led-without-authority"), "'led-without-authority' is used twice"),
        (GOOD.replace("id: hard-feedback", "id: Hard Feedback"), "is not a lowercase slug"),
        (GOOD.replace("[leadership]", "leadership"), "'tags' must be a list"),
        (GOOD.replace("[leadership]", "[]"), "'tags' must be a list of one or more tags"),
        (GOOD.replace("[failure, conflict]", "[failure, failure]"), "a tag is listed twice"),
        (GOOD.replace("formal authority.", "formal " + "authority " * 20), "shorten it to 120 or fewer"),
        ("", "the file must be a list of themes"),
        ("id: x\nquestion: y\n", "the file must be a list of themes"),
        ("- just a string\n", "each theme must be a mapping"),
        (GOOD.replace("tags: [leadership]", "tags: [leadership"), "YAML syntax error"),
    ],
    ids=["typo-tag", "no-id", "no-question", "unknown-key", "duplicate-id", "bad-id", "tags-not-list",
         "no-tags", "tag-twice", "long-question", "empty-file", "not-a-list", "not-a-mapping", "bad-yaml"],
)
def test_mistakes_fail_with_one_line_naming_the_file(text, expected):
    assert expected in error_of(text)


def test_a_missing_file_is_reported_by_name(tmp_path):
    with pytest.raises(DataError, match=r"^data/_story-themes\.yml: the file cannot be read"):
        load_story_themes(tmp_path / "nothing.yml")


def test_story_bank_contract():
    soup = BeautifulSoup(render_story_bank(parse_story_themes(GOOD)), "html.parser")
    root = soup.select_one("[data-stories]")
    fields = {f["data-stories-field"]: f for f in root.select("[data-stories-field]")}
    assert list(fields) == ["title", "situation", "task", "action", "result"]
    assert fields["title"].name == "input" and fields["title"]["maxlength"] == "60"
    assert all(fields[k].name == "textarea" for k in ("situation", "task", "action", "result"))
    boxes = root.select('input[type="checkbox"][data-stories-tag]')
    assert [b["value"] for b in boxes] == list(TAGS)
    assert boxes[0].find_parent("fieldset").legend.get_text(strip=True)
    for field in root.select("input, textarea"):
        label = soup.select_one(f'label[for="{field["id"]}"]')
        assert label is not None and label.get_text(strip=True) and "sig-vh" not in label.get("class", [])
    assert "sig-story-title-error" in fields["title"]["aria-describedby"]
    for name in ("save", "cancel"):
        assert root.select_one(f"[data-stories-{name}]")["type"] == "button"
    # One polite region (the message line) for results; the title's error is said by the alert.
    assert [r.has_attr("data-stories-message") for r in root.select("[aria-live=polite]")] == [True]
    assert not root.select_one("[data-stories-title-error]").has_attr("aria-live")
    assert len(root.select("[data-guide-alert][role=alert][hidden]")) == 1
    row = root.select_one("template[data-stories-row]")
    assert row is not None
    assert {b["data-confirm"] for b in row.select("[data-confirm]")} == {"Delete for good?"}
    assert root.select_one("[data-stories-list]") is not None
    themes = root.select("[data-stories-coverage] [data-stories-theme]")
    assert [(t["data-stories-theme"], t["data-stories-tags"]) for t in themes] == [
        ("led-without-authority", "leadership"), ("hard-feedback", "failure conflict")]
    assert all(t.select_one("[data-stories-covered]").get_text() == CONFIG["uncovered"] for t in themes)
    assert root.select_one("[data-stories-coverage] a") is None  # the bank needs no link to itself


def test_template_row_has_the_hooks_the_script_fills():
    soup = BeautifulSoup(render_story_bank(parse_story_themes(GOOD)), "html.parser")
    item = soup.select_one("template[data-stories-row]").find("li")
    assert item.has_attr("data-stories-item")
    for hook in ("item-title", "item-tags", "edit", "delete"):
        assert len(item.find_all(attrs={f"data-stories-{hook}": True})) == 1, hook
    assert len(item.find_all(attrs={"data-stories-item-name": True})) == 2  # each button names its story
    theme = soup.select_one("[data-stories-theme]")
    assert len(theme.select("[data-stories-covered]")) == 1


def test_hostile_question_is_inert():
    html = render_story_coverage((Theme("x", HOSTILE, ("values",)),))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("img") is None and soup.find("script") is None
    assert soup.select_one(".sig-coverage__question").get_text() == HOSTILE
    assert "<img" not in html


def test_coverage_links_to_the_story_bank():
    html = render_story_coverage(load_story_themes(), "../background/#your-story-bank")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("[data-stories-coverage] a")["href"] == "../background/#your-story-bank"
    assert len(soup.select("[data-stories-theme]")) == len(load_story_themes())
    assert soup.select_one("[data-stories-form]") is None  # read-only


def test_hostile_link_is_escaped():
    soup = BeautifulSoup(render_story_coverage((), 'x" onmouseover="alert(1)'), "html.parser")
    link = soup.find("a")
    assert link["href"] == 'x" onmouseover="alert(1)' and not link.has_attr("onmouseover")


def test_story_bank_lists_every_theme_of_the_data_file():
    soup = BeautifulSoup(render_story_bank(load_story_themes()), "html.parser")
    assert [t["data-stories-theme"] for t in soup.select("[data-stories-theme]")] == [
        t.id for t in load_story_themes()]
