"""A real MkDocs build (and `mkdocs serve`) of an edited copy of the project stops with one line
naming the file and the fix when a content editor makes a mistake.

What each test edits is found in the project (a page's checklist call, a section's data file), so
the tests follow content changes instead of naming today's pages.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from macros.guide_data import MAX_ITEMS, MIN_ITEMS
from tests.pages import GUIDE
from tools.sitekit import ROOT

CALL = re.compile(r'\{\{ checklist\("([a-z0-9-]+)"\) \}\}')
FACT_CALL = re.compile(r'\{\{ fact\("([a-z0-9-]+)"\) \}\}')


def a_call(call: re.Pattern) -> tuple[str, int, str]:
    """(page file name, line as the editor sees it, id) of the first call of a macro."""
    for page in sorted((ROOT / "docs").glob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            found = call.search(line)
            if found:
                return page.name, number, found.group(1)
    raise AssertionError(f"no page calls {call.pattern}")


PAGE, LINE, CHECKLIST = a_call(CALL)
SECTION = GUIDE.checklist(CHECKLIST).section
DATA = f"{SECTION}.yml"


def env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project, capture_output=True, text=True, env=env(), timeout=120,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def error_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("ERROR")]


def one_line_error(result: subprocess.CompletedProcess, *parts: str) -> bool:
    """Did the build stop with exactly one ERROR line, holding every part (the file and the fix)?"""
    lines = error_lines(result)
    return (result.returncode != 0 and len(lines) == 1 and all(part in lines[0] for part in parts)
            and "Traceback" not in result.stderr)


def test_copy_builds_cleanly(project):
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def test_yaml_syntax_error_fails_the_build(project):
    edit(project / "data" / DATA, "checklists:", "checklists: [\n")
    result = build(project)
    assert one_line_error(result, f"data/{DATA}, line", "YAML syntax error"), result.stderr


def test_a_tab_in_yaml_names_the_line_and_the_fix(project):
    path = project / "data" / DATA
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, start=1) if line.startswith("      - id:"))
    lines[number - 1] = "\t" + lines[number - 1].lstrip(" ")
    path.write_text("".join(lines), encoding="utf-8")
    result = build(project)
    assert one_line_error(result, f"data/{DATA}, line {number}:",
                          "tabs are not allowed for indentation; use spaces"), result.stderr


def test_duplicate_id_fails_the_build(project):
    first, second = GUIDE.sections[0].checklists[:2]
    data = f"{GUIDE.sections[0].slug}.yml"
    edit(project / "data" / data, f"  - id: {second.id}\n", f"  - id: {first.id}\n")
    result = build(project)
    assert one_line_error(result, f"data/{data}: checklist id '{first.id}' is also used"), result.stderr


def item_block(item_id: str, text: str) -> str:
    return f"      - id: {item_id}\n        text: {text}\n"


def test_too_short_a_checklist_fails_at_build_time(project):
    checklist = GUIDE.checklist(CHECKLIST)
    path = project / "data" / DATA
    text = path.read_text(encoding="utf-8")
    for item in checklist.items[MIN_ITEMS - 1:]:  # keep one fewer than the minimum
        text = re.sub(rf"      - id: {item.id}\n(?:        .*\n)+", "", text, count=1)
    path.write_text(text, encoding="utf-8")
    result = build(project)
    assert one_line_error(result, f"data/{DATA}", f"'{CHECKLIST}' has {MIN_ITEMS - 1} items",
                          f"{MIN_ITEMS} to {MAX_ITEMS}", "add items"), result.stderr


def test_too_long_a_checklist_fails_at_build_time(project):
    checklist = GUIDE.checklist(CHECKLIST)
    extra = MAX_ITEMS + 1 - len(checklist.items)
    last = checklist.items[-1].id
    blocks = "".join(item_block(f"extra-item-{n}", f"Extra item {n}") for n in range(extra))
    edit(project / "data" / DATA, f"      - id: {last}\n", blocks + f"      - id: {last}\n")
    result = build(project)
    assert one_line_error(result, f"data/{DATA}", f"has {MAX_ITEMS + 1} items",
                          "move some items into a new checklist"), result.stderr


def add_an_unrecorded_item(project: Path) -> None:
    last = GUIDE.checklist(CHECKLIST).items[-1].id
    edit(project / "data" / DATA, f"      - id: {last}\n",
         item_block("not-in-the-ledger", "A new item nobody recorded") + f"      - id: {last}\n")


def test_an_item_missing_from_the_ledger_stops_the_build(project):
    add_an_unrecorded_item(project)
    result = build(project)
    assert one_line_error(result, "data/_ledger.yml", f"{CHECKLIST}/not-in-the-ledger",
                          "run `make ledger`"), result.stderr


def test_an_item_missing_from_the_ledger_stops_serve(project):
    add_an_unrecorded_item(project)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:0", "--no-livereload"],
        cwd=project, capture_output=True, text=True, env=env(), timeout=120,
    )
    assert one_line_error(result, "data/_ledger.yml", "run `make ledger`"), result.stderr


def test_unknown_checklist_names_the_page_and_its_line(project):
    edit(project / "docs" / PAGE, f'{{{{ checklist("{CHECKLIST}") }}}}', '{{ checklist("no-such-list") }}')
    result = build(project)
    assert one_line_error(result, f"docs/{PAGE}, line {LINE}: no checklist has the id 'no-such-list'"), result.stderr


def test_misspelt_macro_names_the_line_as_the_editor_sees_it(project):
    page = project / "docs" / PAGE
    assert page.read_text(encoding="utf-8").startswith("---\n"), "the page has front matter to count"
    edit(page, f'{{{{ checklist("{CHECKLIST}") }}}}', f'{{{{ checklst("{CHECKLIST}") }}}}')
    result = build(project)
    assert one_line_error(result, f"docs/{PAGE}, line {LINE}:", "'checklst' is undefined",
                          "check the spelling of the macro"), result.stderr


def test_unclosed_bracket_names_the_line_as_the_editor_sees_it(project):
    edit(project / "docs" / PAGE, f'{{{{ checklist("{CHECKLIST}") }}}}', f'{{{{ checklist("{CHECKLIST}" }}}}')
    result = build(project)
    assert one_line_error(result, f"docs/{PAGE}, line {LINE}:", "expected ')'"), result.stderr


def test_broken_internal_link_fails_the_build(project):
    edit(project / "docs" / "about.md", "(cheat-sheet.md)", "(cheat-sheat.md)")
    result = build(project)
    assert result.returncode != 0 and "cheat-sheat.md" in result.stderr


def test_typo_in_story_themes_fails_with_one_line(project):
    edit(project / "data" / "_story-themes.yml", "tags: [leadership]", "tags: [leadrship]")
    result = build(project)
    assert one_line_error(result, "data/_story-themes.yml", "leadrship"), result.stderr


def test_missing_reviewed_date_fails_with_one_line(project):
    edit(project / "docs" / "salary.md", "reviewed: 2026-11-27\n", "reviewed: last week\n")
    result = build(project)
    assert one_line_error(result, "docs/salary.md", "'reviewed' is 'last week'; add 'reviewed: YYYY-MM-DD'"), \
        result.stderr


def test_unknown_fact_names_the_page_its_line_and_the_facts_file(project):
    page, line, fact_id = a_call(FACT_CALL)
    edit(project / "docs" / page, f'{{{{ fact("{fact_id}") }}}}', '{{ fact("no-such-fact") }}')
    result = build(project)
    assert one_line_error(result, f"docs/{page}, line {line}: data/facts.yml has no fact 'no-such-fact'",
                          "fix the id"), result.stderr


def test_a_mistake_in_the_facts_file_fails_with_one_line(project):
    facts = project / "data" / "facts.yml"
    first = re.search(r"^  checked: (\S+)$", facts.read_text(encoding="utf-8"), re.M).group(0)
    edit(facts, first, "  checked: soon")
    result = build(project)
    assert one_line_error(result, "data/facts.yml: fact 1", "'checked' is 'soon'", "2026-12-06"), result.stderr


def test_a_nav_title_unlike_the_sections_data_names_both_files(project):
    """One name for one section: the navigation and the tools say what data/<section>.yml says."""
    section = next(s for s in GUIDE.sections if s.slug == SECTION)
    edit(project / "mkdocs.yml", f"  - {section.title}: {SECTION}.md", f"  - Another name: {SECTION}.md")
    result = build(project)
    assert one_line_error(result, "mkdocs.yml", f"{SECTION}.md 'Another name'", f"data/{SECTION}.yml",
                          "use the same words in both"), result.stderr


def test_a_missing_summary_names_the_file_and_the_fix(project):
    path = project / "data" / DATA
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\nsummary:.*?\n(?=\S)", "\n", text, count=1, flags=re.S), encoding="utf-8")
    result = build(project)
    assert one_line_error(result, f"data/{DATA}", "'summary' is missing", "write the text after 'summary:'"), \
        result.stderr
