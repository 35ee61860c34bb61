"""tools/check_engine_build.py, run by the other-engine CI jobs, passes on our build and fails on
a build whose macros did not run."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.pages import GUIDE
from tools.sitekit import ROOT

CHECKER = ROOT / "tools" / "check_engine_build.py"


def test_checker_passes_on_the_mkdocs_build(site_dir):
    result = subprocess.run([sys.executable, str(CHECKER), str(site_dir)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAIL" not in result.stdout


def test_checker_fails_when_the_macros_did_not_run(site_dir, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(site_dir, broken)
    checklist = GUIDE.sections[0].checklists[0]
    page = broken / checklist.section / "index.html"
    html = page.read_text()
    start = html.index(f'<form class="sig-checklist" data-checklist="{checklist.id}"')
    end = html.index("</form>", start) + len("</form>")
    page.write_text(html[:start] + f'{{{{ checklist("{checklist.id}") }}}}' + html[end:])
    result = subprocess.run([sys.executable, str(CHECKER), str(broken)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "FAIL checklist" in result.stdout and "FAIL no-raw-jinja" in result.stdout
