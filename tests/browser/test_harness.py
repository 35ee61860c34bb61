"""The harness stops with one line saying how to get a browser when none can start."""

from __future__ import annotations

import pytest

from tools import sitekit


def test_no_browser_stops_with_one_line_saying_how_to_get_one(monkeypatch, playwright):
    monkeypatch.setattr(sitekit, "find_chromium", lambda: "/nonexistent/chromium")
    with pytest.raises(RuntimeError) as caught:
        sitekit.launch_chromium(playwright)
    message = str(caught.value)
    assert "\n" not in message
    assert "apt-get install chromium" in message and "playwright install chromium" in message
