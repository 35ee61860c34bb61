"""The "last reviewed" line: a date in, one line of HTML out, or one error that names the fix."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from macros.guide_data import DataError
from macros.reviewed_html import render_reviewed


@pytest.mark.parametrize("value", [dt.date(2026, 11, 7), "2026-11-07"])
def test_a_date_or_its_text_renders_the_same_line(value):
    line = BeautifulSoup(render_reviewed(value, "docs/x.md"), "html.parser").p
    assert line["data-reviewed"] == "2026-11-07" and line.time["datetime"] == "2026-11-07"
    assert line.get_text() == "Last reviewed: 7 November 2026"


@pytest.mark.parametrize("value", [None, "", "last week", "2026-02-30", 20261107])
def test_a_missing_or_wrong_date_names_the_page_and_the_fix(value):
    with pytest.raises(DataError) as error:
        render_reviewed(value, "docs/salary.md")
    message = str(error.value)
    assert message.startswith("docs/salary.md: 'reviewed' is") and "reviewed: YYYY-MM-DD" in message
    assert "\n" not in message
