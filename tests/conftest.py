"""Fixtures shared by the built-site and browser tests.

The site is built once per session into a temporary folder through MkDocs' Python API, exactly as
`mkdocs build` makes it for readers (minified, with its real search index), then served on
127.0.0.1 under the same path as on GitHub Pages. Browser tests drive a real Chromium.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.pages import page_html
from tests.browser.support import OPEN_PROFILES, ReusedTabs, open_profile, page_errors
from tools.sitekit import ROOT, build_site, find_chromium, launch_chromium, serve, site_path

FAILURES = ROOT / "reports" / "failures"  # CI uploads this folder when a test fails


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
            cache[address] = BeautifulSoup(page_html(site_dir / address / "index.html"), "html.parser")
        return cache[address]

    return parse


# expect() retries until its condition holds, so a longer limit costs a passing test nothing; on a
# busy machine (several suites sharing two cores) a page's first load can take several seconds.
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


@pytest.fixture
def context(browser):
    """A fresh light-scheme browser profile of the test's own: empty storage, downloads allowed.
    For a test that changes the profile (an init script, a route, a second tab, permissions)."""
    profile = open_profile(browser, accept_downloads=True, color_scheme="light")
    yield profile
    profile.close()


@pytest.fixture(scope="session")
def reused_tabs(browser, base_url):
    tabs = ReusedTabs(browser, base_url)
    yield tabs
    tabs.close()


def _lent_tab(request, scheme: str):
    """A tab in the `scheme` colour scheme that starts blank with empty storage (see ReusedTabs)."""
    tabs = request.getfixturevalue("reused_tabs")
    yield tabs.lend(scheme)
    tabs.take_back(scheme)
    errors = page_errors()
    if errors:  # thrown while the test's page unloaded: still the test's fault
        raise AssertionError("uncaught JavaScript errors as the page unloaded:\n" + "\n".join(errors))


@pytest.fixture
def page(request):
    """A light-scheme tab with empty storage; any uncaught page error fails the test. It must not be
    changed beyond its pages (no init scripts, routes or listeners): ask for `context` for that."""
    yield from _lent_tab(request, "light")


@pytest.fixture(params=["light", "dark"])
def scheme_page(request):
    """The same test in both colour schemes (see `page`)."""
    yield from _lent_tab(request, request.param)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail the test on any uncaught error thrown by a page of an open profile while it ran."""
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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failed test, a screenshot and the HTML of every page it had open, in reports/failures/,
    where CI uploads them."""
    report = yield
    if report.when == "call" and report.failed and "browser" in item.keywords:
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid)[-120:]
        FAILURES.mkdir(parents=True, exist_ok=True)
        pages = [tab for profile in OPEN_PROFILES for tab in profile.pages if not tab.is_closed()]
        for number, tab in enumerate(pages, start=1):
            try:
                tab.screenshot(path=FAILURES / f"{stem}-{number}.png", full_page=True, timeout=5000)
                (FAILURES / f"{stem}-{number}.html").write_text(tab.content(), encoding="utf-8")
            except Exception as error:  # a page that cannot be captured must not hide the failure
                report.sections.append(("failure capture", f"page {number}: {error}"))
    return report


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
        if "tests/browser" in Path(item.fspath).as_posix():
            item.add_marker(pytest.mark.browser)
    items.sort(key=_tier)
