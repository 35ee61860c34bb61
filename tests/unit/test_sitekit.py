"""The harness itself: it finds a Chromium, or stops with one line saying how to get one."""

from __future__ import annotations

import pytest

from tools import sitekit


def test_chromium_variable_wins(monkeypatch, tmp_path):
    fake = tmp_path / "my-chromium"
    fake.write_text("")
    monkeypatch.setenv("CHROMIUM", str(fake))
    assert sitekit.find_chromium() == str(fake)


def test_no_browser_stops_with_one_line_saying_how_to_get_one(monkeypatch, playwright):
    monkeypatch.setattr(sitekit, "find_chromium", lambda: "/nonexistent/chromium")
    with pytest.raises(RuntimeError) as caught:
        sitekit.launch_chromium(playwright)
    message = str(caught.value)
    assert "\n" not in message
    assert "apt-get install chromium" in message and "playwright install chromium" in message


def test_site_path_comes_from_site_url():
    assert sitekit.site_path() == "/second-interview-guide/"
