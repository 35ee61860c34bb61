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
    Visit,
    is_own_code,
    own_code,
    visit,
)

MAX_FIRST_VISIT = 150 * 1024


@pytest.fixture(scope="module")
def first_visit_to(browser, base_url_with_search):
    """One first visit per page, as a reader makes it (the whole search index), in a fresh
    profile: what it fetched, asked for and left, for the privacy and both weight tests. The
    browser resolves no host but this machine (conftest's `browser`), so nothing is really sent."""
    measured = {}

    def visit_page(address: str) -> Visit:
        if address not in measured:
            measured[address] = visit(browser, base_url_with_search + address)
        return measured[address]

    return visit_page


def leaving(found: Visit, url: str) -> list[str]:
    """The addresses a visit asked another host for (data: and blob: stay in the page)."""
    home = urlparse(url).netloc
    return [address for address in found.requested
            if urlparse(address).scheme not in ("data", "blob") and urlparse(address).netloc != home]


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a.strip("/") or "home")
def test_no_request_to_another_host_and_no_cookie(first_visit_to, base_url_with_search, address):
    found = first_visit_to(address)
    assert found.requested, "asked for nothing: is the page loading?"
    outside = leaving(found, base_url_with_search)
    assert outside == [], f"{address or 'home'} asked other hosts for: {outside}"
    assert found.cookies == [], f"{address or 'home'} set cookies: {found.cookies}"


def test_privacy_check_catches_an_outside_script(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><script src="https://cdn.example.com/track.js"></script>'
    )
    with serve(tmp_path, "/") as url:
        found = visit(browser, url)
    assert leaving(found, url) == ["https://cdn.example.com/track.js"]


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a.strip("/") or "home")
def test_first_visit_weighs_at_most_150_kb(first_visit_to, address):
    resources = first_visit_to(address).resources
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
    resources = first_visit_to(address).resources
    own = [r for r in resources if is_own_code(r.url)]
    assert len(own) == 2 + 2 * len(shown), f"expected the core and {sorted(shown)}: {[r.url for r in own]}"
    listing = "\n".join(f"{r.transferred:>8} {r.url}" for r in own)
    assert own_code(resources) <= budget, f"{address or 'home'}: over {budget} bytes gzip\n{listing}"
