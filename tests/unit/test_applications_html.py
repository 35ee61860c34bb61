"""The applications bar and list: the public hooks, labelled fields, the words and limits it carries."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from macros.applications import (
    APPLICATION_FIELDS,
    CONFIG,
    MAX_APPLICATIONS,
    render_application_bar,
    render_application_list,
)


def root_of(html: str, selector: str):
    root = BeautifulSoup(html, "html.parser").select_one(selector)
    assert root is not None, selector
    return root


def test_bar_has_the_public_hooks():
    bar = root_of(render_application_bar(), "[data-applications]")
    assert bar["data-guide-component"] == "applications"
    assert bar.select_one("select[data-application-switcher]") is not None
    for hook in ("add", "rename", "delete", "save", "cancel", "undo-button"):
        button = bar.select_one(f"button[data-application-{hook}]")
        assert button is not None and button["type"] == "button", hook
    form = bar.select_one("form[data-application-form]")
    assert form.has_attr("hidden")
    assert bar.select_one("[data-application-add]")["aria-controls"] == form["id"]


def test_every_field_is_labelled_and_limited_from_python():
    bar = root_of(render_application_bar(), "[data-applications]")
    inputs = bar.select("input[data-application-field]")
    assert [i["data-application-field"] for i in inputs] == [f.key for f in APPLICATION_FIELDS]
    for field, node in zip(APPLICATION_FIELDS, inputs):
        label = bar.select_one(f'label[for="{node["id"]}"]')
        assert label is not None and label.get_text(strip=True) == field.label
        assert node.get("maxlength") == (str(field.limit) if field.limit else None)
        assert bar.find(id=node["aria-describedby"]) is not None
    assert bar.select_one('[data-application-field="company"]').has_attr("required")
    ids = [n["id"] for n in bar.select("[id]")]
    assert len(ids) == len(set(ids))


def test_config_round_trips_with_the_limit():
    bar = root_of(render_application_bar(), "[data-applications]")
    config = json.loads(bar["data-applications-config"])
    assert config == json.loads(json.dumps(CONFIG))
    assert config["max"] == MAX_APPLICATIONS
    assert str(MAX_APPLICATIONS) in config["words"]["full"]


def test_one_polite_status_region_and_no_alert():
    bar = root_of(render_application_bar(), "[data-applications]")
    status = bar.select("[aria-live]")
    assert len(status) == 1 and status[0]["aria-live"] == "polite" and status[0]["role"] == "status"
    assert not bar.select('[role="alert"]')


def test_list_is_a_captioned_table_with_headers():
    table = root_of(render_application_list(), "[data-application-list] table")
    assert table.caption.get_text(strip=True)
    assert [th["scope"] for th in table.select("thead th")] == ["col", "col", "col"]
    assert table.select_one("tbody[data-application-rows]") is not None


def test_the_sheet_header_has_a_hidden_row_per_field_and_the_bar_none_of_the_sheet():
    from macros.applications import HEADER_LINES, render_application_header

    header = root_of(render_application_header(), "[data-application-header]")
    keys = [key for line in HEADER_LINES for key, _ in line]
    assert [s["data-application-header-field"] for s in header.select("[data-application-header-field]")] == keys
    rows = header.select("[data-application-header-row]")
    assert len(rows) == len(keys) and all(row.has_attr("hidden") for row in rows)
    assert {"company", "role"} <= set(keys)


def test_the_company_limit_is_the_planners():
    from macros.planner import PLANNER_FIELDS

    company = next(f for f in APPLICATION_FIELDS if f.key == "company")
    assert company.limit == next(f.limit for f in PLANNER_FIELDS if f.key == "company")
    assert CONFIG["planned"] and set(CONFIG["planned"]) <= {f.key for f in APPLICATION_FIELDS}
