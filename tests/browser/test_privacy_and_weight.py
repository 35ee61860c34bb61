"""Privacy: no request leaves the site and no cookie is set. Weight: a first visit stays light."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.pages import PAGES
from tools.sitekit import serve
from tools.weight import (
    GUIDE_PARTS,
    OWN_CODE_ANY_PAGE,
    OWN_CODE_WITHOUT_TOOLS,
    first_visit,
    is_own_code,
    own_code,
)

MAX_FIRST_VISIT = 150 * 1024


@pytest.fixture(scope="module")
def first_visit_to(browser, base_url_with_search):
    """What a first visit to a page fetched, measured once per page for both weight tests."""
    measured = {}

    def visit(address: str):
        if address not in measured:
            measured[address] = first_visit(browser, base_url_with_search + address)
        return measured[address]

    return visit


def requests_leaving(context, url: str) -> list[str]:
    """Visit url and list every request to another host (blocked, so nothing is really sent)."""
    home = urlparse(url).netloc
    outside: list[str] = []

    def guard(route):
        request_url = route.request.url
        if urlparse(request_url).scheme in ("data", "blob") or urlparse(request_url).netloc == home:
            route.continue_()
        else:
            outside.append(request_url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.close()
    return outside


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a.strip("/") or "home")
def test_no_request_to_another_host_and_no_cookie(browser, base_url, address):
    context = browser.new_context()
    outside = requests_leaving(context, base_url + address)
    cookies = context.cookies()
    context.close()
    assert outside == [], f"{address or 'home'} asked other hosts for: {outside}"
    assert cookies == [], f"{address or 'home'} set cookies: {cookies}"


def test_privacy_check_catches_an_outside_script(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><script src="https://cdn.example.com/track.js"></script>'
    )
    with serve(tmp_path, "/") as url:
        context = browser.new_context()
        outside = requests_leaving(context, url)
        context.close()
    assert outside == ["https://cdn.example.com/track.js"]


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a.strip("/") or "home")
def test_first_visit_weighs_at_most_150_kb(first_visit_to, address):
    resources = first_visit_to(address)
    total = sum(r.transferred for r in resources)
    assert any(r.url.endswith(".js") for r in resources), "measured nothing: is the page loading?"
    listing = "\n".join(f"{r.transferred:>8} {r.url}" for r in sorted(resources, key=lambda r: -r.transferred))
    assert total <= MAX_FIRST_VISIT, f"{address or 'home'}: {total} bytes gzip\n{listing}"


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a.strip("/") or "home")
def test_own_code_a_first_visit_loads_stays_in_budget(first_visit_to, soup_of, address):
    """The core on every page, and a feature's code only where it is: within tools/weight.py's
    budgets for a page without the reader's tools and for any page."""
    shown = {el["data-guide-component"] for el in soup_of(address).select("[data-guide-component]")}
    tools = shown - set(GUIDE_PARTS)
    budget = OWN_CODE_ANY_PAGE if tools else OWN_CODE_WITHOUT_TOOLS
    resources = first_visit_to(address)
    own = [r for r in resources if is_own_code(r.url)]
    assert len(own) == 2 + 2 * len(shown), f"expected the core and {sorted(shown)}: {[r.url for r in own]}"
    listing = "\n".join(f"{r.transferred:>8} {r.url}" for r in own)
    assert own_code(resources) <= budget, f"{address or 'home'}: over {budget} bytes gzip\n{listing}"
