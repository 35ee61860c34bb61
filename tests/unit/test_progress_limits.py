"""The import's limits are the forms' limits, from one source: progress gathers each feature's
import_rules without knowing their shape, and every limit a rendered form enforces (a maxlength, a
date or time input, a select's choices) is the one the import checks for that field. The progress
tools carry the review's hooks. Pure functions, no MkDocs."""

from __future__ import annotations

import inspect
import json
from html import unescape

import pytest
from bs4 import BeautifulSoup

from macros import MODULES, progress
from macros.guide_data import load_story_themes
from macros.readiness import manifest
from tests.pages import GUIDE
from tools.sitekit import ROOT

LIMITS = progress.limits(GUIDE.sections, MODULES)
# What a renderer may ask for, by its parameter's name.
ARGUMENTS = {"sections": GUIDE.sections, "themes": load_story_themes(ROOT / "data" / "_story-themes.yml"),
             "modules": MODULES, "deck": GUIDE.deck, "bank_href": "background/#your-story-bank"}
WITH_RULES = [m for m in MODULES if hasattr(m, "import_rules")]


def rules_of(module) -> dict:
    """The import's rules for the part of a file this module's feature keeps."""
    return LIMITS["tools"][module.PART.name] if module.PART.tool else LIMITS[module.PART.name]


def rendered_forms(module) -> BeautifulSoup:
    """Everything the module renders, from each render_* function whose arguments are known."""
    html = ""
    for name, function in vars(module).items():
        if not name.startswith("render_") or not callable(function):
            continue
        params = inspect.signature(function).parameters.values()
        needed = [p.name for p in params if p.default is p.empty and p.kind is not p.KEYWORD_ONLY]
        if all(n in ARGUMENTS for n in needed):
            flags = {p.name: True for p in params if p.kind is p.KEYWORD_ONLY and isinstance(p.default, bool)}
            html += function(*(ARGUMENTS[n] for n in needed), **flags)
    return BeautifulSoup(html, "html.parser")


def field_key(control, fields: dict) -> str | None:
    """The rule a control is checked by: a hook's value (data-planner-field="date") or the end of a
    hook's name (data-thankyou-from) that names one of the part's fields."""
    for attr, value in control.attrs.items():
        if not attr.startswith("data-"):
            continue
        for candidate in (value, attr.rsplit("-", 1)[-1]):
            if isinstance(candidate, str) and candidate in fields:
                return candidate
    return None


@pytest.mark.parametrize("module", WITH_RULES, ids=lambda m: m.FEATURE)
def test_every_limit_of_a_features_form_is_in_the_imports_limits(module):
    fields = rules_of(module)["fields"]
    controls = rendered_forms(module).select("input:not([type=checkbox]), textarea, select")
    assert controls, f"{module.FEATURE}: no form rendered to compare with"
    for control in controls:
        if control.get("data-application-switcher") is not None or control.get("data-practice-choose") is not None:
            continue  # chooses an application or a question to show; not a field of a file
        key = field_key(control, fields)
        assert key, f"{module.FEATURE}: {control.attrs} has no rule in the import"
        rule = fields[key]
        if control.get("maxlength"):
            assert rule["chars"] == int(control["maxlength"]), (module.FEATURE, key)
        if control.get("data-max-lines"):
            assert rule["lines"] == int(control["data-max-lines"]), (module.FEATURE, key)
        if control.get("type") in ("date", "time"):
            assert rule.get(control["type"]) is True and rule["chars"] == len({"date": "2026-12-31", "time": "23:59"}[control["type"]])
        if control.name == "select" and "choices" in rule:
            assert [o["value"] for o in control.select("option")] == rule["choices"], (module.FEATURE, key)
        if control.has_attr("required"):
            assert rule.get("required") or key in LIMITS["details"]["fields"], (module.FEATURE, key)


def test_every_feature_that_keeps_a_part_gives_the_import_its_rules():
    stores = {m.PART.name for m in MODULES if getattr(m, "PART", None) and m.PART.tool}
    assert set(LIMITS["tools"]) == stores
    for module in WITH_RULES:
        assert rules_of(module)["label"] == module.PART.label
    for store, rule in LIMITS["tools"].items():
        assert rule["summary"] and len(rule["summary"]) == 2, store
        if rule.get("kind") == "list":
            assert rule["most"] > 0, store


def test_the_counts_are_the_features_own():
    from macros import applications, offers, stories, thank_you

    assert LIMITS["details"]["most"] == applications.MAX_APPLICATIONS == progress.CONFIG["max"]
    assert LIMITS["tools"][stories.PART.name]["most"] == stories.MAX_STORIES
    assert LIMITS["tools"][offers.PART.name]["most"] == offers.OFFERS
    assert LIMITS["tools"][thank_you.PART.name]["most"] == thank_you.MOST_CARDS
    assert LIMITS["tools"][stories.PART.name]["fields"]["tags"]["choices"] == list(stories.CONFIG["tags"])


def test_unknown_data_is_kept_no_deeper_than_an_export_writes_it_again():
    """A tool's value sits four levels into a file of several applications (the file, its list of
    applications, one application, its tools): the unknown value's own depth plus four fits."""
    assert LIMITS["unknownDepth"] == progress.UNKNOWN_DEPTH
    assert progress.UNKNOWN_DEPTH + 4 <= LIMITS["maxDepth"] == progress.MAX_DEPTH


def test_the_checklists_an_import_knows_are_the_guides():
    assert LIMITS["checklists"] == {list_id: entry["items"] for list_id, entry in manifest(GUIDE.sections).items()}
    assert set(LIMITS["checklists"]) == set(GUIDE.checklists)


def test_progress_tools_carry_the_review_hooks_and_their_limits():
    soup = BeautifulSoup(progress.render_progress_tools(GUIDE.sections, MODULES), "html.parser")
    tools = soup.select_one("[data-progress-tools][data-guide-component=progress]")
    config = json.loads(unescape(tools["data-progress-config"]))
    # The checklists' ids are the page's one manifest, not a second copy in this configuration.
    assert config["limits"] == json.loads(json.dumps({k: v for k, v in LIMITS.items() if k != "checklists"}))
    assert {k: v["items"] for k, v in json.loads(unescape(tools["data-guide-manifest"])).items()} == LIMITS["checklists"]
    alone = BeautifulSoup(progress.render_progress_tools(GUIDE.sections, MODULES, with_manifest=False), "html.parser")
    assert not alone.select("[data-guide-manifest]")
    review = tools.select_one("[data-progress-review]")
    assert review.has_attr("hidden") and review["role"] == "group"
    for hook in ("review-title", "file", "current", "current-title", "explain", "replace", "merge", "new", "cancel"):
        assert review.select_one(f"[data-progress-{hook}]") is not None, hook
    assert tools.select_one("[data-progress-message][data-guide-announce][role=status]") is not None
    assert tools.select_one("[data-guide-alert][role=alert]") is not None
