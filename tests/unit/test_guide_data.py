"""Validation of data/*.yml: every editor mistake fails with one line naming the file and fix."""

from __future__ import annotations

import textwrap

import pytest

from macros.guide_data import (
    LEDGER_FILE,
    MAX_ITEMS,
    MAX_KEY_POINTS,
    MIN_ITEMS,
    DataError,
    build_guide,
    check_checklist_sizes,
    check_ledger,
    check_page_links,
    item_ids,
    load_guide,
    parse_section,
)
from tests.unit.support import editor_error
from tools.sitekit import ROOT

GOOD = """\
section: culture
title: Company culture and values
summary: what the section covers.
order: 2
key_points:
  - Read the values page
checklists:
  - id: culture-research
    title: Research
    items:
      - id: read-values
        text: Read the *values* page
      - id: ask-a-question
        text: Prepare one question about how decisions are made
"""


def parse(text: str, path: str = "data/culture.yml"):
    return parse_section(path, textwrap.dedent(text))


def error_of(text: str, path: str = "data/culture.yml") -> str:
    return editor_error(path, parse, text, path)


def test_good_file_parses():
    section = parse(GOOD)
    assert section.slug == "culture" and section.order == 2
    [checklist] = section.checklists
    assert [i.id for i in checklist.items] == ["read-values", "ask-a-question"]
    assert checklist.section == "culture"


def test_yaml_syntax_error_names_file_and_line():
    broken = GOOD.replace("  - Read the values page", "  - Read: the: values\n   bad: [")
    message = error_of(broken)
    assert "line" in message and "YAML syntax error" in message


def test_missing_item_id():
    message = error_of(GOOD.replace("      - id: read-values\n        text:", "      - text:"))
    assert "item 1" in message and "has no 'id'" in message


def test_missing_checklist_id():
    message = error_of(GOOD.replace("  - id: culture-research\n    title", "  - title"))
    assert "checklist 1" in message and "has no 'id'" in message


def test_duplicate_item_id():
    message = error_of(GOOD.replace("id: ask-a-question", "id: read-values"))
    assert "'read-values' is used twice" in message and "item 2" in message


def test_duplicate_checklist_id_across_files():
    one = parse(GOOD)
    other = parse(GOOD.replace("section: culture", "section: salary").replace("order: 2", "order: 5"),
                  "data/salary.yml")
    with pytest.raises(DataError, match=r"^data/salary.yml: checklist id 'culture-research' is also used in data/culture.yml"):
        build_guide([one, other])


def test_duplicate_order_across_files():
    one = parse(GOOD)
    other = parse(GOOD.replace("section: culture", "section: salary").replace("culture-research", "salary-x"),
                  "data/salary.yml")
    with pytest.raises(DataError, match="'order: 2' is also used"):
        build_guide([one, other])


@pytest.mark.parametrize("blank", ['""', "'   '", ""])
def test_empty_text(blank):
    message = error_of(GOOD.replace("text: Read the *values* page", f"text: {blank}"))
    assert "(read-values)" in message and "'text' is missing or empty" in message


@pytest.mark.parametrize(
    "where, old, new",
    [
        ("section", "order: 2\n", "order: 2\ncolour: blue\n"),
        ("checklist", "    title: Research\n", "    title: Research\n    colour: blue\n"),
        ("item", "        text: Read the *values* page\n",
         "        text: Read the *values* page\n        colour: blue\n"),
    ],
)
def test_unknown_key(where, old, new):
    message = error_of(GOOD.replace(old, new))
    assert "unknown key 'colour'" in message and "allowed keys are" in message


def test_id_must_be_a_slug():
    message = error_of(GOOD.replace("id: read-values", "id: Read Values"))
    assert "not a lowercase slug" in message


def test_section_must_match_file_name():
    assert "must match the file name" in error_of(GOOD, "data/salary.yml")


def test_renamed_from_must_be_a_list_of_slugs():
    message = error_of(GOOD.replace("id: read-values\n", "id: read-values\n        renamed_from: old-id\n"))
    assert "'renamed_from' must be a list" in message


def test_renamed_from_may_not_clash_with_another_item():
    text = GOOD.replace("id: ask-a-question\n", "id: ask-a-question\n        renamed_from: [read-values]\n")
    assert "'read-values' is used twice" in error_of(text)


def test_link_to_a_missing_or_odd_target_fails():
    message = error_of(GOOD.replace("the *values* page", "the [values](/values.html) page"))
    assert "link target '/values.html'" in message


def test_link_to_a_page_that_does_not_exist(tmp_path):
    guide = build_guide([parse(GOOD.replace("the *values* page", "[values](valuez.md)"))])
    (tmp_path / "values.md").write_text("# Values")
    with pytest.raises(DataError, match=r"^data/culture.yml: links to 'valuez.md', but docs/valuez.md does not exist"):
        check_page_links(guide, tmp_path)


def test_unknown_checklist_names_the_known_ones():
    guide = build_guide([parse(GOOD)])
    with pytest.raises(DataError, match="no checklist has the id 'culture-reserch'.*culture-research"):
        guide.checklist("culture-reserch")


def test_the_real_data_passes_every_build_time_check():
    guide = load_guide(ROOT / "data")
    assert [s.order for s in guide.sections] == list(range(1, len(guide.sections) + 1))
    check_page_links(guide, ROOT / "docs")
    check_checklist_sizes(guide)
    check_ledger(guide, ROOT / "data" / LEDGER_FILE)


def test_too_many_key_points_for_one_page():
    many = GOOD.replace("  - Read the values page\n",
                        "".join(f"  - Point {n}\n" for n in range(MAX_KEY_POINTS + 1)))
    assert f"keep {MAX_KEY_POINTS} or fewer" in error_of(many)


def test_a_tab_in_the_indentation_names_the_line_and_says_use_spaces():
    lines = GOOD.splitlines(keepends=True)
    lines[9] = "\t" + lines[9].lstrip(" ")
    message = error_of("".join(lines))
    assert message == "data/culture.yml, line 10: tabs are not allowed for indentation; use spaces"


def test_a_tab_inside_a_text_is_fine():
    assert parse(GOOD.replace("Read the *values* page", "Read the\t*values* page"))


def items(count: int) -> str:
    return "".join(f"      - id: item-{n}\n        text: Item {n}\n" for n in range(count))


def guide_with(count: int):
    text = GOOD.split("    items:\n")[0] + "    items:\n" + items(count)
    return build_guide([parse(text)])


@pytest.mark.parametrize("count", [MIN_ITEMS, MAX_ITEMS])
def test_checklist_sizes_at_the_limits_pass(count):
    check_checklist_sizes(guide_with(count))


@pytest.mark.parametrize("count, fix", [(MIN_ITEMS - 1, "add items"), (MAX_ITEMS + 1, "move some items")])
def test_checklist_outside_the_limits_says_the_limit_and_the_fix(count, fix):
    with pytest.raises(DataError) as caught:
        check_checklist_sizes(guide_with(count))
    message = str(caught.value)
    assert message.startswith("data/culture.yml: checklist 'culture-research'") and "\n" not in message
    assert f"has {count} items" in message and f"{MIN_ITEMS} to {MAX_ITEMS}" in message and fix in message


def test_ledger_check_names_new_ids_and_says_run_make_ledger(tmp_path):
    guide = guide_with(MIN_ITEMS)
    ledger = tmp_path / "data" / LEDGER_FILE
    ledger.parent.mkdir()
    ledger.write_text("published:\n" + "".join(f"- {i}\n" for i in sorted(item_ids(guide))[:-1]))
    with pytest.raises(DataError) as caught:
        check_ledger(guide, ledger)
    message = str(caught.value)
    missing = sorted(item_ids(guide))[-1]
    assert message.startswith("data/_ledger.yml: new item id " + missing) and "run `make ledger`" in message
    ledger.write_text("published:\n" + "".join(f"- {i}\n" for i in sorted(item_ids(guide))))
    check_ledger(guide, ledger)


def test_a_missing_ledger_says_run_make_ledger(tmp_path):
    with pytest.raises(DataError, match="data/_ledger.yml: is missing; run `make ledger`"):
        check_ledger(guide_with(MIN_ITEMS), tmp_path / "data" / LEDGER_FILE)
