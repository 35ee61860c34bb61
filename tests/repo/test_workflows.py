"""The GitHub workflows: valid against GitHub's schema (offline, from check-jsonschema's vendored
copy), actions pinned by commit, checkouts without stored credentials, caches keyed on the lock,
a pull request's artifact and report, and deploys that reuse the tested build one at a time."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tools.print_cheat_sheet import PAPERS
from tools.sitekit import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def validate(schema: str, *paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
        capture_output=True, text=True, timeout=120,
    )


def load(name: str) -> dict:
    return yaml.safe_load((GITHUB / "workflows" / name).read_text())


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_workflows_and_dependabot_validate_against_githubs_schemas():
    assert WORKFLOWS
    result = validate("vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    result = validate("vendor.dependabot", GITHUB / "dependabot.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    step:\n      - run: make test\n")
    assert validate("vendor.github-workflows", broken).returncode != 0


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_with_its_version(path):
    lines = [line.split("uses:", 1)[1].strip() for line in path.read_text().splitlines() if "uses:" in line]
    assert lines
    for used in lines:
        assert PINNED.match(used), f"{path.name}: `{used}` is not <action>@<40-hex commit> # v<version>"


def test_the_pin_check_catches_a_tag():
    assert not PINNED.match("actions/checkout@v4")
    assert not PINNED.match("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_keep_no_credentials(path):
    for step in steps(yaml.safe_load(path.read_text())):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, path.name


def test_dependabot_updates_actions_and_pip():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text())
    assert {u["package-ecosystem"] for u in config["updates"]} >= {"github-actions", "pip"}


def test_ci_caches_pip_on_the_lock_and_playwrights_browser():
    test = load("ci.yml")["jobs"]["test"]["steps"]
    python = next(s for s in test if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip" and python["with"]["cache-dependency-path"] == "requirements.lock"
    cache = next(s for s in test if s.get("uses", "").startswith("actions/cache@"))
    assert "ms-playwright" in cache["with"]["path"] and "hashFiles('requirements.lock')" in cache["with"]["key"]


def test_pull_requests_get_the_site_the_pdfs_and_a_report():
    workflow = load("ci.yml")
    assert "pull_request" in workflow[True] and "pull_request_target" not in workflow[True]
    test = workflow["jobs"]["test"]["steps"]
    runs = " ".join(str(s.get("run", "")) for s in test)
    assert "make test" in runs and "make pdf" in runs
    artifact = next(s for s in test if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert "pull_request" in artifact["if"]
    paths = artifact["with"]["path"].split()
    assert "site/" in paths and all(f"docs/downloads/{name}" in paths for name in PAPERS)
    report = next(s for s in test if "tools.pr_report" in str(s.get("run", "")))
    assert '>> "$GITHUB_STEP_SUMMARY"' in report["run"] and "--junit" in report["run"]
    assert "--junitxml=" in runs  # the gates' results the report reads


def test_deploy_reuses_the_tested_build_one_at_a_time():
    workflow = load("ci.yml")
    uploaded = [s for s in workflow["jobs"]["test"]["steps"]
                if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(uploaded) == 1 and "refs/heads/main" in uploaded[0]["if"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test" and "refs/heads/main" in deploy["if"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert not any("run" in s for s in deploy["steps"]), "the deploy job must not build again"
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}


def test_engines_run_one_at_a_time_per_branch_and_never_block():
    workflow = load("engines.yml")
    assert workflow["concurrency"]["group"].startswith("engines-")
    for job in workflow["jobs"].values():
        assert job["continue-on-error"] is True


def test_the_zensical_suites_job_pins_its_version_and_builds_with_it():
    job = load("engines.yml")["jobs"]["engine-zensical-suites"]
    assert job["env"]["SITE_ENGINE"] == "zensical"
    runs = " ".join(str(s.get("run", "")) for s in job["steps"])
    assert "zensical==0.0.73" in runs and "pytest tests/site tests/browser" in runs
