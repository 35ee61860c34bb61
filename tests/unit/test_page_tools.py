"""What the macros ask of the page being rendered (macros/pages.py), on either engine's terms:
mkdocs-macros hands over the page's Markdown and calls a hook before each page; Zensical does
neither, so the Markdown comes from the page's file and each tool notes what the head needs."""

from __future__ import annotations

from types import SimpleNamespace

from macros.core import RECORD_KEY_PREFIX
from macros.pages import PageTools


def tools(env, docs_dir):
    return PageTools(env, docs_dir=docs_dir, header="<header>", bar="<bar>", record_key=RECORD_KEY_PREFIX,
                     style_suffix=".css", file_links=False)


def test_the_markdown_is_what_mkdocs_macros_hands_over(tmp_path):
    (tmp_path / "salary.md").write_text("on disk", encoding="utf-8")
    env = SimpleNamespace(markdown="handed over", page=SimpleNamespace(path="salary.md", meta={}))
    assert tools(env, tmp_path).markdown() == "handed over"


def test_without_it_the_markdown_is_read_from_the_pages_file(tmp_path):
    (tmp_path / "salary.md").write_text("{{ fact(\"x\") }} on disk", encoding="utf-8")
    env = SimpleNamespace(page=SimpleNamespace(path="salary.md", meta={}))  # as Zensical's
    assert tools(env, tmp_path).markdown() == "{{ fact(\"x\") }} on disk"
    env.page = SimpleNamespace(path="missing.md", meta={})
    assert tools(env, tmp_path).markdown() == ""


def test_a_tool_notes_the_record_key_for_the_head_as_the_hook_does(tmp_path):
    env = SimpleNamespace(page=SimpleNamespace(path="salary.md", meta={}))
    html = tools(env, tmp_path).uses("offers", "<section></section>")
    assert env.page.meta["guide_record_key"] == RECORD_KEY_PREFIX
    assert html.startswith("<header>")  # the first tool brings the core's header
    other = SimpleNamespace(page=SimpleNamespace(path="about.md", meta={}))
    tools(other, tmp_path).note_for_head()
    assert other.page.meta == {"guide_record_key": RECORD_KEY_PREFIX}
