"""The GitHub workflows, the set-up they share (.github/actions/setup) and Dependabot's configuration:
valid against GitHub's schemas and clean under zizmor's default audit (both offline), every action
pinned by commit, and what each kind of run uploads and deploys, worked out from the steps' own
conditions. The browser CI installs is checked in test_ci_browser.py."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from tools.print_cheat_sheet import PAPERS
from tools.sitekit import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ACTIONS = sorted((GITHUB / "actions").glob("*/action.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")
# An action of this repository, by path (see the comment beside each use for zizmor's ignore).
LOCAL = re.compile(r"^\./\.github/actions/[\w-]+( # zizmor: ignore\[self-repository\])?$")
ZIZMOR = Path(sys.executable).parent / "zizmor"


def validate(schema: str, *paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
        capture_output=True, text=True, timeout=120,
    )


def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    """zizmor's default audit (the regular persona), offline: no GitHub API, no network."""
    return subprocess.run([str(ZIZMOR), "--offline", "--strict-collection", *map(str, paths)],
                          capture_output=True, text=True, timeout=120)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def test_workflows_actions_and_github_configs_validate_against_githubs_schemas():
    assert WORKFLOWS and ACTIONS
    for schema, paths in [("vendor.github-workflows", WORKFLOWS), ("vendor.github-actions", ACTIONS),
                          ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
                          ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"])]:
        result = validate(schema, *paths)
        assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    step:\n      - run: make test\n")
    assert validate("vendor.github-workflows", broken).returncode != 0


def test_zizmors_default_audit_finds_nothing_in_the_repository():
    """Workflows, the shared action, Dependabot's configuration and the pre-commit hooks."""
    result = zizmor(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_zizmor_catches_an_unpinned_action_and_a_template_injection(tmp_path):
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "bad.yml").write_text(
        "on: pull_request\npermissions: {}\njobs:\n  greet:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n')
    result = zizmor(tmp_path)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout and "template-injection" in result.stdout


def uses_lines(path: Path) -> list[str]:
    return [line.split("uses:", 1)[1].strip() for line in path.read_text().splitlines()
            if line.strip().startswith(("uses:", "- uses:"))]


@pytest.mark.parametrize("path", WORKFLOWS + ACTIONS, ids=lambda p: p.relative_to(GITHUB).as_posix())
def test_every_action_is_pinned_by_commit_with_its_version(path):
    used = uses_lines(path)
    assert used
    for action in used:
        assert PINNED.match(action) or LOCAL.match(action), (
            f"{path.name}: `{action}` is not <action>@<40-hex commit> # v<version>, nor an action of this repository")


def test_the_pin_check_catches_a_tag():
    assert not PINNED.match("actions/checkout@v4")
    assert not PINNED.match("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683")
    assert not LOCAL.match("./../elsewhere")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_keep_no_credentials(path):
    for job in load(path)["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, path.name


# ---------- what a run does, from the steps' `if:` conditions ----------

STATUS = re.compile(r"\b(success|failure|always|cancelled)\(\)")


def runs(condition, *, github: dict, matrix: dict | None = None, failed: bool = False) -> bool:
    """Whether a step or job with this `if:` runs: GitHub's expression rules for the operators the
    workflows use (==, !=, &&, ||, !, the status functions; success() when none is named)."""
    expression = str(condition if condition is not None else "success()").strip()
    if expression.startswith("${{"):
        expression = expression[3:-2].strip()
    if not STATUS.search(expression):
        expression = f"success() && ({expression})"
    python = re.sub(r"!(?!=)", " not ", expression.replace("&&", " and ").replace("||", " or "))
    names = {"github": SimpleNamespace(**github), "matrix": SimpleNamespace(**(matrix or {})),
             "success": lambda: not failed, "failure": lambda: failed,
             "always": lambda: True, "cancelled": lambda: False}
    return bool(eval(python, {"__builtins__": {}}, names))  # noqa: S307 - the repository's own YAML


def test_the_condition_reader_follows_githubs_rules():
    pr = {"event_name": "pull_request", "ref": "refs/pull/1/merge"}
    assert runs(None, github=pr) and not runs(None, github=pr, failed=True)
    assert runs("${{ failure() }}", github=pr, failed=True) and not runs("failure()", github=pr)
    assert runs("${{ !cancelled() && github.event_name == 'pull_request' }}", github=pr, failed=True)
    assert not runs("github.event_name == 'pull_request'", github=pr, failed=True)
    assert runs("${{ !matrix.newest }}", github=pr, matrix={"newest": False})


CI = GITHUB / "workflows" / "ci.yml"
FAILING = "make test"  # the step that fails in a failed test run


def ci_run(event: str, ref: str, tests_fail: bool = False) -> dict:
    """Which of ci.yml's steps run for this event: {uploads: [(step, paths)], deploys, report}."""
    workflow = load(CI)
    github = {"event_name": event, "ref": ref}
    failed, uploads, report = False, [], False
    for step in workflow["jobs"]["test"]["steps"]:
        if not runs(step.get("if"), github=github, failed=failed):
            continue
        if str(step.get("run", "")).startswith(FAILING) and tests_fail:
            failed = True
        if "upload-artifact@" in step.get("uses", "") or "upload-pages-artifact@" in step.get("uses", ""):
            uploads.append((step["uses"].split("@")[0], str(step["with"]["path"]).split()))
        report = report or "tools.pr_report" in str(step.get("run", ""))
    deploy = workflow["jobs"]["deploy"]
    deploys = not failed and runs(deploy.get("if"), github=github)
    return {"uploads": uploads, "deploys": deploys, "report": report}


def carried(paths: list[str], file: str) -> bool:
    """Whether an upload of `paths` (folders end in /, ! excludes) carries `file`."""
    included = any(file == p or (p.endswith("/") and file.startswith(p)) for p in paths if not p.startswith("!"))
    excluded = any(file.startswith(p[1:]) for p in paths if p.startswith("!"))
    return included and not excluded


PDFS = [f"site/downloads/{name}" for name in PAPERS]


def test_a_pull_request_uploads_each_pdf_once_and_a_report_links_it_but_nothing_deploys():
    run = ci_run("pull_request", "refs/pull/7/merge")
    for pdf in PDFS:
        assert sum(carried(paths, pdf) for _, paths in run["uploads"]) == 1, pdf
    assert any(carried(paths, "site/index.html") for _, paths in run["uploads"])
    assert run["report"] and not run["deploys"]
    assert not any(carried(paths, "reports/junit.xml") for _, paths in run["uploads"])
    assert "actions/upload-pages-artifact" not in [action for action, _ in run["uploads"]]


def test_a_failed_test_run_uploads_its_reports_and_still_writes_the_report():
    run = ci_run("pull_request", "refs/pull/7/merge", tests_fail=True)
    assert [paths for _, paths in run["uploads"]] == [["reports/"]]
    assert run["report"] and not run["deploys"]


@pytest.mark.parametrize("event", ["push", "workflow_dispatch"])
def test_a_push_or_a_manual_run_on_main_deploys_the_tested_build(event):
    run = ci_run(event, "refs/heads/main")
    assert [action for action, _ in run["uploads"]] == ["actions/upload-pages-artifact"]
    assert run["deploys"] and not run["report"]
    deploy = load(CI)["jobs"]["deploy"]
    assert deploy["needs"] == "test" and not any("run" in s for s in deploy["steps"]), "the deploy builds nothing"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_a_manual_run_elsewhere_or_a_failed_run_on_main_deploys_nothing():
    assert not ci_run("workflow_dispatch", "refs/heads/some-branch")["deploys"]
    assert not ci_run("push", "refs/heads/main", tests_fail=True)["deploys"]


def test_each_engine_job_installs_only_the_engine_it_tests():
    """Per matrix entry, the install steps that run name no package but its SITE_ENGINE."""
    job = load(GITHUB / "workflows" / "engines.yml")["jobs"]["suites"]
    engines = set()
    for entry in job["strategy"]["matrix"]["include"]:
        engine = entry["engine"]
        engines.add(engine)
        installed = []
        for step in job["steps"]:
            command = str(step.get("run", ""))
            if runs(step.get("if"), github={"event_name": "pull_request"}, matrix=entry) and "install" in command:
                installed += re.findall(r'ENGINES="\$SITE_ENGINE"|pip install --upgrade (\S+)', command)
        assert installed and all(name in ("", engine) for name in installed), (entry, installed)
    assert engines == {"zensical", "properdocs"}


def test_the_facts_workflow_runs_weekly_by_hand_or_schedule_with_read_only_rights():
    """Facts past their review-by day fail this job alone: it never runs on a pull request or a
    push, so a passing date can never block a change."""
    workflow = load(GITHUB / "workflows" / "facts.yml")
    assert set(workflow[True]) == {"schedule", "workflow_dispatch"}
    assert len(workflow[True]["schedule"]) == 1 and workflow["permissions"] == {"contents": "read"}
    commands = [str(s.get("run", "")) for job in workflow["jobs"].values() for s in job["steps"]]
    assert any("-m tools.facts_due" in command for command in commands)
