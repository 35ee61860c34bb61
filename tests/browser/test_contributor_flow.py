"""The README's "Adding a checklist item", followed literally in a copy of the project: add an item
to a data file, see `make build` ask for the ledger, run `make ledger`, build, and find the new item
counted everywhere a reader sees totals."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros.guide_data import MAX_ITEMS, load_guide
from tests.pages import GUIDE, done, items_done, items_in_guide, items_in_section
from tools.ledger import ledger_problems, read_ledger
from tools.sitekit import ROOT, copy_project, serve, site_path

NEW_ID = "compare-two-sources"
# A checklist with room for one more item, chosen from the data as it is today.
TARGET = next(c for c in GUIDE.checklists.values() if len(c.items) < MAX_ITEMS)


def contributor_copy(dest: Path) -> Path:
    """The project as a contributor's clone has it, sharing this checkout's installed .venv/."""
    copy_project(dest)
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, dest / name)
    shutil.copytree(ROOT / "tools", dest / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    (dest / ".venv").symlink_to(ROOT / ".venv")
    # The shared .venv/ is installed: date the copied lock before its stamp, so make reuses it.
    stamp = (ROOT / ".venv" / ".installed-from-lock").stat().st_mtime
    os.utime(dest / "requirements.txt", (stamp - 60, stamp - 60))
    return dest


def make(project: Path, target: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", target], cwd=project, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def added(tmp_path_factory):
    """(project, base URL): the README's steps done in a copy, its site built and served."""
    project = contributor_copy(tmp_path_factory.mktemp("contributor"))
    data = project / "data" / f"{TARGET.section}.yml"
    last = TARGET.items[-1].id
    text = data.read_text(encoding="utf-8")
    # Step 1: add an item under the checklist, as the README shows it.
    block = (f"      - id: {NEW_ID}   # lowercase words joined by hyphens, never reused\n"
             "        text: Compare at least two pay sources, such as [the BLS](https://www.bls.gov/oes/) "
             "and a survey.\n")
    start = text.index(f"      - id: {last}\n")
    end = text.find("\n  - id:", start)  # the next checklist, or the end of the file
    end = len(text) if end == -1 else end + 1
    data.write_text(text[:end] + block + text[end:], encoding="utf-8")

    forgot = make(project, "build")
    ledger = make(project, "ledger")  # step 2
    built = make(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    with serve(project / "site", site_path()) as url:
        yield project, url, forgot, ledger


def test_build_before_the_ledger_step_says_to_run_it(added):
    _, _, forgot, _ = added
    errors = [line for line in forgot.stderr.splitlines() if line.startswith("ERROR")]
    assert forgot.returncode != 0 and len(errors) == 1, forgot.stderr
    assert f"{TARGET.id}/{NEW_ID}" in errors[0] and "run `make ledger`" in errors[0]


def test_make_ledger_records_the_new_id_and_nothing_is_left_to_fix(added):
    project, _, _, ledger = added
    assert ledger.returncode == 0 and "1 new id(s) added" in ledger.stdout, ledger.stdout + ledger.stderr
    guide = load_guide(project / "data")
    assert ledger_problems(guide, *read_ledger(project / "data" / "_ledger.yml")) == []
    assert items_in_guide(guide) == items_in_guide() + 1


def test_the_browser_counts_the_new_item(page, added):
    _, url, _, _ = added
    every = items_in_guide() + 1
    page.goto(url)
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(0, every))
    row = page.locator(f'[data-readiness-section="{TARGET.section}"] [data-readiness-count]')
    expect(row).to_have_text(done(0, items_in_section(TARGET.section) + 1))

    page.goto(url + f"{TARGET.section}/")
    checklist = page.locator(f'[data-checklist="{TARGET.id}"]')
    expect(checklist.locator("input[data-item]")).to_have_count(len(TARGET.items) + 1)
    checklist.locator(f'input[data-item="{NEW_ID}"]').check()
    expect(checklist.locator("[data-checklist-progress]")).to_have_text(done(1, len(TARGET.items) + 1))

    page.goto(url)
    expect(page.locator("[data-readiness-total]")).to_have_text(items_done(1, every))
    expect(row).to_have_text(done(1, items_in_section(TARGET.section) + 1))
