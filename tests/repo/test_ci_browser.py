"""CI's browser is the tests' browser: every job that sets up the project (.github/actions/setup)
installs Chromium's headless shell with Playwright, links it where its $CHROMIUM points, and the
tests (pytest's header) and `make pdf` then use that path. The link step runs here for real, in bash
as on GitHub, against a Playwright browsers folder where Playwright's own listing says the shell
goes (its download needs the internet, so this machine's headless shell stands in for it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tools import playwright_shell
from tools.sitekit import ROOT, find_chromium

GITHUB = ROOT / ".github"
SETUP = GITHUB / "actions" / "setup" / "action.yml"


def setup_steps() -> list[dict]:
    return yaml.safe_load(SETUP.read_text())["runs"]["steps"]


def step_running(words: str) -> dict:
    [step] = [s for s in setup_steps() if words in str(s.get("run", ""))]
    return step


def run_step(step: dict, env: dict) -> subprocess.CompletedProcess:
    """A composite step's `run`, as the runner runs it (bash, stop at the first failure)."""
    assert step["shell"] == "bash"
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=180)


def jobs_using_setup():
    for path in sorted((GITHUB / "workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text())
        for name, job in workflow["jobs"].items():
            if any(s.get("uses", "").startswith("./.github/actions/setup") for s in job.get("steps", [])):
                yield f"{path.name}:{name}", {**workflow.get("env", {}), **job.get("env", {})}


def test_every_job_that_sets_up_the_project_says_where_the_browser_goes():
    jobs = dict(jobs_using_setup())
    assert set(jobs) >= {"ci.yml:test", "engines.yml:suites"}
    paths = {env.get("CHROMIUM") for env in jobs.values()}
    assert len(paths) == 1 and None not in paths, jobs


def test_the_shell_playwright_installs_is_the_one_linked_at_chromium_and_the_tests_use(tmp_path):
    install = step_running("playwright install")
    assert "--only-shell chromium" in install["run"]
    link_step = step_running("tools.playwright_shell")
    browsers, link = tmp_path / "ms-playwright", tmp_path / "bin" / "chromium-headless-shell"
    env = {**os.environ, "PLAYWRIGHT_BROWSERS_PATH": str(browsers), "CHROMIUM": str(link)}

    # Before the shell is installed the step fails in one line and links nothing.
    result = run_step(link_step, env)
    assert result.returncode != 0 and not link.exists()
    assert result.stderr.strip().splitlines() == [playwright_shell.NOT_INSTALLED]

    # Where the install step's command puts the shell, by Playwright's own listing.
    listing = subprocess.run([sys.executable, "-m", "playwright", *playwright_shell.INSTALL, "--dry-run"],
                             env=env, capture_output=True, text=True, timeout=120, check=True).stdout
    location = playwright_shell.install_location(listing)
    assert location is not None and location.parent == browsers
    real = Path(shutil.which("chromium-headless-shell") or find_chromium() or "")
    assert real.is_file(), "this check needs a Chromium on the machine (see the README)"
    (location / "platform").mkdir(parents=True)
    (location / "platform" / playwright_shell.EXECUTABLES[0]).symlink_to(real)

    result = run_step(link_step, env)
    assert result.returncode == 0, result.stderr
    assert link.resolve() == real.resolve()

    # The tests name $CHROMIUM (pytest's header, which CI's log shows), and so does `make pdf`
    # through the same tools.sitekit.find_chromium.
    header = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-p", "no:cacheprovider",
                             "tests/unit/test_sitekit.py"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert f"browser tests use: {link}" in header.stdout.splitlines()


def test_the_browser_cache_holds_the_folder_playwright_installs_into():
    [cache] = [s for s in setup_steps() if s.get("uses", "").startswith("actions/cache@")]
    env = {k: v for k, v in os.environ.items() if k != "PLAYWRIGHT_BROWSERS_PATH"}
    listing = subprocess.run([sys.executable, "-m", "playwright", *playwright_shell.INSTALL, "--dry-run"],
                             env=env, capture_output=True, text=True, timeout=120, check=True).stdout
    location = playwright_shell.install_location(listing)
    assert location is not None and location.parent == Path(cache["with"]["path"]).expanduser()
    names = [s.get("name", s.get("uses", "")) for s in setup_steps()]
    install = names.index(step_running("playwright install")["name"])
    assert names.index(cache["name"]) < install, "the cache is restored before the install that reuses it"
