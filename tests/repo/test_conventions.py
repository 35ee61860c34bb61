"""The repository's conventions hold and its files say what their names promise: every tracked file
follows .editorconfig, git stores text with LF endings, the licence files hold the licences the
package metadata names, and SECURITY.md, the code of conduct and the issue chooser give a private
way to reach the maintainers, on this repository."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import editorconfig
import yaml
from packaging.licenses import canonicalize_license_expression

from tools.sitekit import ROOT

REPO_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text())["repo_url"].rstrip("/")
PRIVATE_REPORT = f"{REPO_URL}/security/advisories/new"


def tracked_files(root: Path = ROOT) -> list[Path]:
    names = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=root,
                           capture_output=True, text=True, check=True).stdout.splitlines()
    return [root / name for name in names if (root / name).is_file()]


def editorconfig_problems(path: Path) -> list[str]:
    """How a text file breaks the .editorconfig rules that apply to it (binary files have none)."""
    data = path.read_bytes()
    if b"\0" in data:
        return []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [f"{path.name}: not UTF-8"]
    rules = editorconfig.get_properties(str(path.resolve()))
    lines = text.split("\n")
    problems = []
    if rules.get("end_of_line") == "lf" and "\r" in text:
        problems.append("CR line endings")
    if rules.get("insert_final_newline") == "true" and text and not text.endswith("\n"):
        problems.append("no newline at the end")
    if rules.get("trim_trailing_whitespace") == "true":
        problems += [f"line {n}: trailing spaces" for n, line in enumerate(lines, 1) if line != line.rstrip()]
    if rules.get("indent_style") == "space":
        problems += [f"line {n}: a tab in the indentation" for n, line in enumerate(lines, 1)
                     if line[:len(line) - len(line.lstrip())].count("\t")]
    return [f"{path}: {problem}" for problem in problems]


def test_every_tracked_file_follows_editorconfig():
    files = tracked_files()
    assert len(files) > 50
    assert [p for path in files for p in editorconfig_problems(path)] == []


def test_the_editorconfig_check_catches_a_tab_in_yaml_and_windows_line_endings(tmp_path):
    shutil.copy(ROOT / ".editorconfig", tmp_path / ".editorconfig")
    (tmp_path / "salary.yml").write_text("checklists:\n\t- id: a\n")
    (tmp_path / "notes.md").write_bytes(b"# Notes\r\n\r\nA line with a break  \r\n")
    (tmp_path / "Makefile").write_text("all:\n\techo fine\n")
    assert [p.split(": ", 1)[1] for p in editorconfig_problems(tmp_path / "salary.yml")] == [
        "line 2: a tab in the indentation"]
    assert [p.split(": ", 1)[1] for p in editorconfig_problems(tmp_path / "notes.md")] == ["CR line endings"]
    assert editorconfig_problems(tmp_path / "Makefile") == []


def test_git_stores_yaml_and_other_text_with_lf_endings():
    result = subprocess.run(["git", "check-attr", "text", "eol", "--", "data/salary.yml", ".github/workflows/ci.yml",
                             "tools/sitekit.py"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for path in ("data/salary.yml", ".github/workflows/ci.yml", "tools/sitekit.py"):
        assert f"{path}: eol: lf" in result and f"{path}: text: " in result, result
    binary = subprocess.run(["git", "check-attr", "text", "--", ".github/screenshot.png"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    assert binary.strip().endswith("text: unset")


# What each licence's text says, in words that appear in no other licence GitHub knows.
LICENCE_WORDS = {
    "MIT": ("MIT License", "Permission is hereby granted, free of charge, to any person obtaining a copy",
            'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND'),
    "CC-BY-4.0": ("Attribution 4.0 International", "Creative Commons Attribution 4.0 International Public License",
                  "Section 8 -- Interpretation.", "Creative Commons may be contacted at creativecommons.org."),
}


def licence_of(path: Path) -> list[str]:
    text = " ".join(path.read_text(encoding="utf-8").split())
    return [spdx for spdx, words in LICENCE_WORDS.items() if all(" ".join(w.split()) in text for w in words)]


def test_the_licence_files_hold_the_licences_the_metadata_names_one_each():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    expression = canonicalize_license_expression(project["license"])
    found = []
    for name in project["license-files"]:
        path = ROOT / name
        assert path.is_file() and path.parent == ROOT, f"{name}: GitHub looks for licences at the top"
        [spdx] = licence_of(path)
        found.append(spdx)
    assert expression == " AND ".join(found)
    # GitHub's licence detection reads the whole file: LICENSE holds the MIT text and nothing more.
    assert (ROOT / "LICENSE").read_text().startswith("MIT License\n")
    assert "Creative Commons" not in (ROOT / "LICENSE").read_text()


def test_security_policy_and_code_of_conduct_give_a_private_way_to_the_maintainers():
    security = (ROOT / "SECURITY.md").read_text()
    assert PRIVATE_REPORT in security and "Report a vulnerability" in security
    conduct = (ROOT / "CODE_OF_CONDUCT.md").read_text()
    reporting = conduct.split("## Reporting", 1)[1].split("\n## ", 1)[0]
    assert PRIVATE_REPORT in reporting and "Report content" in reporting and "@" not in reporting


def test_the_issue_chooser_links_the_private_report_and_this_repositorys_pages():
    config = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text())
    urls = [link["url"] for link in config["contact_links"]]
    assert PRIVATE_REPORT in urls
    # Absolute addresses, so a fork changing repo_url in mkdocs.yml must change these with it.
    assert all(url.startswith(REPO_URL + "/") for url in urls), urls
    for url in urls:
        if "/blob/main/" in url:
            assert (ROOT / url.split("/blob/main/", 1)[1].split("#")[0]).is_file(), url
