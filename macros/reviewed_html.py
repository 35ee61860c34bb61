"""The "last reviewed" line under each page's title, from the page's `reviewed:` front matter.

Pure: a value in, an HTML string out (or a DataError naming the fix), so it is unit-tested without
MkDocs. The same date goes into the page's metadata from overrides/main.html.
"""

from __future__ import annotations

import datetime as dt
import re

from .guide_data import DataError

ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def reviewed_date(value: object, page: str) -> dt.date:
    """The front matter's date; YAML reads 2026-11-27 as a date, a quoted one as text."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:  # the shape is right but the day does not exist, such as 2026-02-30
            pass
    raise DataError(
        f"{page}: 'reviewed' is {value!r}; add 'reviewed: YYYY-MM-DD' to the page's front "
        "matter with the date you last checked its facts"
    )


def render_reviewed(value: object, page: str) -> str:
    day = reviewed_date(value, page)
    shown = f"{day.day} {day:%B %Y}"
    return (f'<p class="sig-reviewed" data-reviewed="{day.isoformat()}">Last reviewed: '
            f'<time datetime="{day.isoformat()}">{shown}</time></p>')
