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


# ---------- every page's macro calls, checked before any is rendered (pages.check_pages) ----------

def pages_in(tmp_path, **files: str):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def check(docs, known=frozenset({"checklist", "fact"})):
    import jinja2

    from macros.pages import PAGE_NAMES, check_pages
    return check_pages(docs, jinja2.Environment(), set(known) | PAGE_NAMES)


def test_a_misspelt_macro_is_one_line_naming_the_page_and_the_line_as_the_editor_sees_it(tmp_path):
    docs = pages_in(tmp_path, **{"salary.md": "---\ntitle: Salary\nreviewed: 2026-11-27\n---\n\n# Salary\n\n"
                                              '{{ checklist("salary-research") }}\n{{ checklst("x") }}\n'})
    problem = check(docs)
    assert problem.startswith("docs/salary.md, line 9: 'checklst' is undefined;") and "\n" not in problem


def test_an_unclosed_bracket_names_its_line(tmp_path):
    docs = pages_in(tmp_path, **{"about.md": "# About\n\nText.\n\n{{ fact(\"x\" }}\n"})
    assert check(docs).startswith("docs/about.md, line 5: ")


def test_pages_that_call_only_known_names_pass(tmp_path):
    docs = pages_in(tmp_path, **{"a.md": "---\nbadge: new\n---\n{{ badge }} {{ page.title }} {{ fact(\"x\") }}\n",
                                 "b.md": "No macro at all.\n"})
    assert check(docs) is None  # a front matter key and a name every page has are known
