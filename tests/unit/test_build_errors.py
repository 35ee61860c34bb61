"""A real MkDocs build of a copy of the project fails, with one clear line, on editor mistakes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.sitekit import copy_project


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path)


def build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project, capture_output=True, text=True, env=env, timeout=120,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def one_line_error(result: subprocess.CompletedProcess, *parts: str) -> bool:
    """Did the build stop with an ERROR line holding every part (the file and the problem)?"""
    return result.returncode != 0 and any(
        line.startswith("ERROR") and all(part in line for part in parts)
        for line in result.stderr.splitlines()
    )


def test_copy_builds_cleanly(project):
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def test_yaml_syntax_error_fails_the_build(project):
    edit(project / "data" / "salary.yml", "checklists:", "checklists: [\n")
    result = build(project)
    assert one_line_error(result, "data/salary.yml, line", "YAML syntax error"), result.stderr


def test_duplicate_id_fails_the_build(project):
    edit(project / "data" / "offer.yml", "  - id: offer-decision", "  - id: offer-review")
    result = build(project)
    assert one_line_error(result, "data/offer.yml: checklist id 'offer-review' is also used"), result.stderr


def test_unknown_checklist_in_a_page_fails_the_build(project):
    edit(project / "docs" / "salary.md", '{{ checklist("salary-research") }}', '{{ checklist("salary-reserch") }}')
    result = build(project)
    assert result.returncode != 0
    assert any("docs/salary.md: no checklist has the id 'salary-reserch'" in line
               for line in result.stderr.splitlines()), result.stderr


def test_typo_in_a_macro_name_fails_the_build(project):
    edit(project / "docs" / "salary.md", '{{ checklist("salary-research") }}', '{{ checklst("salary-research") }}')
    result = build(project)
    assert result.returncode != 0
    assert "salary.md" in result.stderr and "'checklst' is undefined" in result.stderr, result.stderr


def test_broken_internal_link_fails_the_build(project):
    edit(project / "docs" / "about.md", "(cheat-sheet.md)", "(cheat-sheat.md)")
    result = build(project)
    assert result.returncode != 0 and "cheat-sheat.md" in result.stderr


def test_typo_in_story_themes_fails_with_one_line(project):
    edit(project / "data" / "_story-themes.yml", "tags: [leadership]", "tags: [leadrship]")
    result = build(project)
    assert one_line_error(result, "data/_story-themes.yml", "leadrship"), result.stderr
    assert "Traceback" not in result.stderr


def test_missing_reviewed_date_fails_with_one_line(project):
    edit(project / "docs" / "salary.md", "reviewed: 2026-11-27\n", "reviewed: last week\n")
    result = build(project)
    assert result.returncode != 0
    assert any("docs/salary.md: 'reviewed' is 'last week'; add 'reviewed: YYYY-MM-DD'" in line
               for line in result.stderr.splitlines()), result.stderr
