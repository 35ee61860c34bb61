"""Fixtures shared by the built-site and browser tests.

The site is built once per session into a temporary folder through MkDocs' Python API, then served
on 127.0.0.1 under the same path as on GitHub Pages. Browser tests drive a real Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tools.sitekit import build_site, launch_chromium, serve, site_path


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """(folder, base URL): the site built once, into the folder a local server already serves."""
    out = tmp_path_factory.mktemp("site")
    with serve(out, site_path()) as url:
        build_site(out, site_url=url)
        yield out, url


@pytest.fixture(scope="session")
def site_dir(served_site) -> Path:
    return served_site[0]


@pytest.fixture(scope="session")
def base_url(served_site) -> str:
    return served_site[1]


@pytest.fixture(scope="session")
def soup_of(site_dir):
    """Parsed HTML of a built page, by its address (e.g. "salary/")."""
    cache: dict[str, BeautifulSoup] = {}

    def parse(address: str) -> BeautifulSoup:
        if address not in cache:
            html = (site_dir / address / "index.html").read_text(encoding="utf-8")
            cache[address] = BeautifulSoup(html, "html.parser")
        return cache[address]

    return parse


# expect() retries until its condition holds, so a longer limit costs a passing test nothing; on a
# busy machine (several suites sharing two cores) Material's search index alone can take over 5 s.
EXPECT_TIMEOUT_MS = 20_000


@pytest.fixture(scope="session")
def playwright():
    """One Playwright driver for the session (a second one cannot start beside it)."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright):
    try:
        chromium = launch_chromium(playwright)
    except RuntimeError as error:
        pytest.exit(str(error), returncode=3)
    yield chromium
    chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: empty storage, light scheme, downloads allowed."""
    ctx = browser.new_context(accept_downloads=True, color_scheme="light")
    yield ctx
    ctx.close()


def watched(tab):
    """Keep the page's uncaught errors; pytest_runtest_call fails the test on any of them."""
    tab.js_errors = []
    tab.on("pageerror", lambda error: tab.js_errors.append(f"{error}"))
    return tab


@pytest.fixture
def page(context):
    """A page in a fresh light-scheme profile; any uncaught page error fails the test."""
    return watched(context.new_page())


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser):
    """The same test in both colour schemes, each in its own profile, closed afterwards; any
    uncaught page error fails the test. Used by the accessibility and tool tests."""
    ctx = browser.new_context(accept_downloads=True, color_scheme=request.param)
    tab = watched(ctx.new_page())
    tab.scheme = request.param
    yield tab
    ctx.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    for name in ("page", "scheme_page"):
        errors = getattr(item.funcargs.get(name), "js_errors", None)
        if errors:
            raise AssertionError(f"uncaught JavaScript errors on the page: {errors}")
    return result


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(Path(item.fspath).as_posix()):
            item.add_marker(pytest.mark.browser)

