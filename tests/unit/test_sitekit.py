"""The harness itself: which Chromium it picks, and the site path it serves under."""

from __future__ import annotations

import pytest

from tools import sitekit


def test_chromium_variable_wins(monkeypatch, tmp_path):
    fake = tmp_path / "my-chromium"
    fake.write_text("")
    monkeypatch.setenv("CHROMIUM", str(fake))
    assert sitekit.find_chromium() == str(fake)


def test_site_path_is_the_path_of_site_url_with_a_slash(tmp_path):
    config = tmp_path / "mkdocs.yml"
    for url, path in [("https://example.org/fork", "/fork/"), ("https://example.org/a/b/", "/a/b/"),
                      ("https://example.org", "/")]:
        config.write_text(f"site_name: x\nsite_url: {url}\n")
        assert sitekit.site_path(config) == path


def test_the_engine_is_mkdocs_unless_site_engine_says_zensical(monkeypatch):
    monkeypatch.delenv("SITE_ENGINE", raising=False)
    assert sitekit.engine() == "mkdocs"
    monkeypatch.setenv("SITE_ENGINE", "Zensical")
    assert sitekit.engine() == "zensical"
    monkeypatch.setenv("SITE_ENGINE", "hugo")
    with pytest.raises(RuntimeError, match="SITE_ENGINE='hugo' is not known; use one of: mkdocs, zensical"):
        sitekit.engine()
