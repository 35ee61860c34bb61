"""Fixtures shared by the built-site and browser tests.

The site is built once per session into a temporary folder through MkDocs' Python API, then served
on 127.0.0.1 under the same path as on GitHub Pages. Browser tests drive a real Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.browser.support import ReusedTabs, open_profile, page_errors
from tools.sitekit import build_site, find_chromium, launch_chromium, serve, site_path


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """(folder, base URL): the site built once, into the folder a local server already serves.

    This server's search index lists no pages (sitekit.serve's `searchless`): building the real
    index costs each page load about a third of its CPU, and only the `search` tests need it."""
    out = tmp_path_factory.mktemp("site")
    with serve(out, site_path(), searchless=True) as url:
        build_site(out, site_url=url)
        yield out, url


@pytest.fixture(scope="session")
def base_url_with_search(served_site) -> str:
    """The same built site with its real search index, as readers get it (for page weight)."""
    with serve(served_site[0], site_path()) as url:
        yield url


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
        chromium = launch_chromium(playwright, only_this_machine=True)  # no test reaches the internet
    except RuntimeError as error:
        pytest.exit(str(error), returncode=3)
    yield chromium
    chromium.close()


def wants_search(request) -> bool:
    return request.node.get_closest_marker("search") is not None


def needs_own_profile(request) -> bool:
    """A test that asks for `context` (to change the profile or open a second tab in it) or for
    the real search index gets a profile of its own; others get a reused, wiped tab."""
    return "context" in request.node.fixturenames or wants_search(request)


def own_profile(browser, request, scheme: str):
    """A fresh browser profile in `scheme`: empty storage, downloads allowed. Any uncaught page
    error fails the test; search finds nothing unless the test is marked `search`."""
    return open_profile(browser, search=wants_search(request), accept_downloads=True, color_scheme=scheme)


@pytest.fixture
def context(browser, request):
    """A fresh light-scheme browser profile (see own_profile)."""
    ctx = own_profile(browser, request, "light")
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def reused_tabs(browser, base_url):
    tabs = ReusedTabs(browser, base_url)
    yield tabs
    tabs.close()


def _lent_tab(request, scheme: str):
    """A tab in the `scheme` colour scheme that starts blank with empty storage (see ReusedTabs),
    or a new tab in the test's own profile when it needs one."""
    if needs_own_profile(request):
        if scheme == "light":
            yield request.getfixturevalue("context").new_page()
            return
        ctx = own_profile(request.getfixturevalue("browser"), request, scheme)
        tab = ctx.new_page()
        tab.scheme = scheme
        yield tab
        ctx.close()
        return
    tabs = request.getfixturevalue("reused_tabs")
    yield tabs.lend(scheme)
    tabs.take_back(scheme)
    errors = page_errors()
    if errors:  # thrown while the test's page unloaded: still the test's fault
        raise AssertionError("uncaught JavaScript errors as the page unloaded:\n" + "\n".join(errors))


@pytest.fixture
def page(request):
    """A light-scheme tab with empty storage; any uncaught page error fails the test."""
    yield from _lent_tab(request, "light")


@pytest.fixture(params=["light", "dark"])
def scheme_page(request):
    """The same test in both colour schemes; any uncaught page error fails the test. To check both
    schemes on one page load instead, use `page` and support.violations_in_both_schemes (or
    support.show_scheme)."""
    yield from _lent_tab(request, request.param)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail the test on any uncaught error thrown by a page of an open profile while it ran (its
    fixtures' setup included): one mechanism for every page the tests open."""
    try:
        result = yield
    except BaseException:
        errors = page_errors()
        if errors:
            item.add_report_section("call", "uncaught page errors", "\n".join(errors))
        raise
    errors = page_errors()
    if errors:
        raise AssertionError("uncaught JavaScript errors on the page:\n" + "\n".join(errors))
    return result


# The slowest tiers first, so that with pytest-xdist workers no long file starts last while
# another has nothing left to do. The order within a tier is kept.
SLOW_FIRST = ("tests/build/", "tests/browser/")


def _tier(item) -> int:
    path = Path(item.fspath).as_posix()
    return next((rank for rank, tier in enumerate(SLOW_FIRST) if f"/{tier}" in path), len(SLOW_FIRST))


def pytest_report_header(config):
    return "browser tests use: " + (find_chromium() or "Playwright's own Chromium")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(Path(item.fspath).as_posix()):
            item.add_marker(pytest.mark.browser)
    items.sort(key=_tier)

