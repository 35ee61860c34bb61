"""The Makefile and the pre-commit hooks, run for real in a scratch copy: a too-old Python stops
`make` at once, a failed install leaves no half-made .venv/, `make pdf` builds the site once, and a
hook run before `make install` says to run it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tools.print_cheat_sheet import PAPERS
from tools.sitekit import ROOT, copy_project

# Debian 12 ships no Python older than 3.11, so this stands in for one: it answers the two
# questions the Makefile asks (the version check and `--version`) as Python 3.10 would.
OLD_PYTHON = """#!/bin/sh
case "$1" in
  --version) echo "Python 3.10.12" ;;
  -c) echo False ;;
  *) echo "this stand-in only answers version questions" >&2; exit 1 ;;
esac
"""


def scratch(tmp_path: Path, *names: str) -> Path:
    for name in names:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy2(source, tmp_path / name)
    return tmp_path


def make(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=folder, capture_output=True,
                          text=True, timeout=300)


def test_old_python_stops_make_at_once_in_one_line(tmp_path):
    folder = scratch(tmp_path, "Makefile", "requirements.txt")
    old = tmp_path / "python3.10"
    old.write_text(OLD_PYTHON)
    old.chmod(0o755)
    for target in ("install", "test", "serve"):
        result = make(folder, target, f"PYTHON={old}")
        assert result.returncode != 0
        assert result.stdout == ""
        [line] = result.stderr.splitlines()
        assert "Python 3.11 or newer is needed" in line and "Python 3.10.12" in line, line
        assert not (folder / ".venv").exists()


def test_missing_python_stops_make_in_one_line(tmp_path):
    folder = scratch(tmp_path, "Makefile", "requirements.txt")
    result = make(folder, "build", "PYTHON=no-such-python3")
    [line] = result.stderr.splitlines()
    assert result.returncode != 0 and "no-such-python3` is not installed" in line, line


def test_a_failed_install_removes_the_half_made_venv(tmp_path):
    folder = scratch(tmp_path, "Makefile")
    # A lock naming a file that is not there: pip stops after the venv was created.
    (folder / "requirements.txt").write_text(
        "./missing-1.0-py3-none-any.whl --hash=sha256:" + "0" * 64 + "\n")
    # No package index, so nothing waits on the network: the install stops at the first step that
    # needs what is not there (the pinned pip, or else the lock's missing file), as it would anywhere.
    result = subprocess.run(["make", "--no-print-directory", "install", f"PYTHON={sys.executable}"], cwd=folder,
                            capture_output=True, text=True, timeout=300, env={**os.environ, "PIP_NO_INDEX": "1"})
    assert result.returncode != 0
    assert "it was removed, run make again" in result.stdout + result.stderr
    assert not (folder / ".venv").exists()


def hook_commands() -> list[list[str]]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    return [hook["entry"].split() for repo in config["repos"] for hook in repo["hooks"]]


def test_every_hook_before_make_install_says_to_run_it(tmp_path):
    folder = scratch(tmp_path, "tools")
    commands = hook_commands()
    assert commands
    for command in commands:
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=60)
        assert result.returncode != 0, command
        [line] = result.stderr.splitlines()
        assert "run `make install`" in line, line


def test_hooks_run_the_checks_once_installed(tmp_path):
    folder = scratch(tmp_path, "tools")
    (folder / ".venv").symlink_to(Path(sys.executable).parent.parent)
    page = folder / "page.md"
    page.write_text("# Page\n\nRecieve the offer in writing.\n")
    codespell = next(c for c in hook_commands() if "codespell" in c)
    result = subprocess.run([*codespell, str(page)], cwd=folder, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "Recieve" in result.stdout


# Loaded by every Python that `make pdf` starts (PYTHONPATH): each call of MkDocs' build function,
# the one behind `mkdocs build` and behind tools.sitekit.build_site, adds a line to $BUILD_LOG.
COUNT_BUILDS = """
import os
import mkdocs.commands.build as build_module

_build = build_module.build


def counted(*args, **kwargs):
    with open(os.environ["BUILD_LOG"], "a") as log:
        log.write("build\\n")
    return _build(*args, **kwargs)


build_module.build = counted
"""


def test_make_pdf_builds_the_site_once_and_links_the_pdfs_it_prints(tmp_path):
    folder = copy_project(tmp_path / "project")
    scratch(folder, "Makefile", "requirements.txt", "tools")
    (folder / ".venv").symlink_to(Path(sys.executable).parent.parent)
    # The shared .venv/ is installed: date the copied lock before its stamp, so make reuses it.
    stamp = (Path(sys.executable).parent.parent / ".installed-from-lock").stat().st_mtime
    os.utime(folder / "requirements.txt", (stamp - 60, stamp - 60))
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(COUNT_BUILDS)
    log = tmp_path / "builds.log"
    result = subprocess.run(["make", "--no-print-directory", "pdf"], cwd=folder, capture_output=True, text=True,
                            timeout=300, env={**os.environ, "PYTHONPATH": str(hook), "BUILD_LOG": str(log)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert log.read_text().splitlines() == ["build"]
    page = (folder / "site" / "cheat-sheet" / "index.html").read_text(encoding="utf-8")
    for name in PAPERS:
        for where in (folder / "site" / "downloads", folder / "docs" / "downloads"):
            assert (where / name).read_bytes().startswith(b"%PDF-"), where / name
        assert f"downloads/{name}" in page
