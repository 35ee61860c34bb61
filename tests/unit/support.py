"""What several unit test files share."""

from __future__ import annotations

import pytest

from macros.guide_data import DataError


def editor_error(shown: str, parse, *args) -> str:
    """The error `parse(*args)` raises for a content editor's mistake, checked as every such error
    must read: one line, starting with the file it is about (`shown`)."""
    with pytest.raises(DataError) as caught:
        parse(*args)
    message = str(caught.value)
    assert "\n" not in message, "an error must be one line"
    assert message.startswith(shown), f"an error must start with the file it is about, {shown}"
    return message
