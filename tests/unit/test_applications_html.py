"""The applications' markup and the record's rules, as Python writes them (no browser): the bar's
public hooks, one labelled field per record field with its limit from Python, `required` only on
the company, the home page's set-up, and the core's configuration gathered from the modules."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

import macros
from macros import applications, core
from macros.applications import MAX_APPLICATIONS, RECORD_FIELDS, SET_UP_FIELDS, render_application_bar

HOOKS = ("data-application-switcher", "data-application-add", "data-application-rename", "data-application-delete",
         "data-application-form", "data-application-save", "data-application-cancel", "data-application-status",
         "data-application-undo", "data-application-legend")


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_the_bar_has_its_public_hooks_and_one_status_place():
    bar = soup(render_application_bar())
    for hook in HOOKS:
        assert bar.select(f"[{hook}]"), hook
    assert len(bar.select("[data-guide-announce]")) == 1 and len(bar.select("[data-guide-alert]")) == 1
    assert bar.select_one("[data-guide-announce]").has_attr("data-application-status")
    assert bar.select_one("[data-application-rename]").get_text() == "Edit details"


def test_every_field_is_labelled_limited_and_tied_to_its_error_line():
    bar = soup(render_application_bar())
    for spec in RECORD_FIELDS:
        control = bar.select_one(f'[data-application-field="{spec.key}"]')
        assert bar.select_one(f'label[for="{control["id"]}"]').get_text() == spec.label
        assert control.get("maxlength") == (str(spec.limit) if spec.limit else None)
        error = bar.select_one(f'#{control["id"]}-error')
        assert error and error["data-application-message"] == spec.key
        assert f'{control["id"]}-error' in control["aria-describedby"].split()
        assert control.has_attr("required") is spec.required
    assert [f.key for f in RECORD_FIELDS if f.required] == ["company"]


def test_the_home_page_bar_sets_up_the_first_application():
    bar = soup(render_application_bar(set_up=True, short_path="#short-on-time"))
    form = bar.select_one("[data-application-setup]")
    assert not form.has_attr("hidden"), "shown from the first paint; the head's script and CSS hide it once named"
    assert [f["data-application-setup-field"] for f in form.select("[data-application-setup-field]")] == list(SET_UP_FIELDS)
    assert form.select_one("[data-application-setup-save]")["type"] == "submit"
    assert form.select_one('a[href="#short-on-time"]')
    assert not soup(render_application_bar()).select("[data-application-setup]")


def test_the_core_gathers_each_features_part_without_naming_one():
    config = core.core_config(macros.MODULES)
    tools = {m.PART.name: m.PART for m in macros.MODULES if getattr(m, "PART", None) and m.PART.tool}
    assert config["kinds"] == {name: part.kind for name, part in tools.items()}
    assert sorted(config["shared"]) == sorted(name for name, part in tools.items() if part.shared)
    assert config["lifted"] == {name: list(part.lifted) for name, part in tools.items() if part.lifted}
    assert config["application"]["max"] == MAX_APPLICATIONS
    assert config["application"]["required"] == ["company"]
    assert config["words"]["untitled"] == applications.NAME_WORDS["untitled"]


def test_the_core_header_carries_its_configuration_and_one_notice():
    header = soup(core.render_core(core.core_config(macros.MODULES)))
    assert json.loads(header.select_one("[data-guide-core]")["data-guide-core"])["years"] == list(core.YEARS)
    notice = header.select_one("[data-storage-notice]")
    assert notice.has_attr("hidden") and notice["data-storage-unreadable"] and notice.select_one("[data-storage-recover]")
