"""Privacy: no request leaves the site and no cookie is set. Weight: a first visit stays light, the
project's own code within its budgets, and code most visits never run loads only when it is used."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.support import first_visit_files, own_file, open_page, write_file
from tests.pages import PAGES
from tools.sitekit import serve
from tools.weight import (
    GUIDE_PARTS,
    MOST_FIRST_VISIT,
    OWN_CODE_ANY_PAGE,
    OWN_CODE_WITHOUT_TOOLS,
    Visit,
    is_own_code,
    own_code,
    visit,
)


@pytest.fixture(scope="module")
def first_visit_to(browser, base_url):
    """One first visit per page, as a reader makes it, in a fresh profile: what it fetched, asked
    for and left. The browser resolves no host but this machine, so nothing is really sent."""
    measured = {}

    def visit_page(address: str) -> Visit:
        if address not in measured:
            measured[address] = visit(browser, base_url + address)
        return measured[address]

    return visit_page


def leaving(found: Visit, url: str) -> list[str]:
    """The addresses a visit asked another host for (data: and blob: stay in the page)."""
    home = urlparse(url).netloc
    return [address for address in found.requested
            if urlparse(address).scheme not in ("data", "blob") and urlparse(address).netloc != home]


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a.strip("/") or "home")
def test_a_first_visit_stays_home_light_and_in_budget(first_visit_to, base_url, soup_of, address):
    found = first_visit_to(address)
    assert found.requested, "asked for nothing: is the page loading?"
    assert leaving(found, base_url) == [], f"{address or 'home'} asked other hosts for: {leaving(found, base_url)}"
    assert found.cookies == [], f"{address or 'home'} set cookies: {found.cookies}"
    resources = found.resources
    total = sum(r.transferred for r in resources)
    listing = "\n".join(f"{r.transferred:>8} {r.url}" for r in sorted(resources, key=lambda r: -r.transferred))
    # The core on every page, and a feature's code only where it is.
    shown = {el["data-guide-component"] for el in soup_of(address).select("[data-guide-component]")}
    budget = OWN_CODE_ANY_PAGE if shown - set(GUIDE_PARTS) else OWN_CODE_WITHOUT_TOOLS
    own = [r for r in resources if is_own_code(r.url)]
    # Only what the page shows, and nothing a first visit does not use (tools that wait to be used,
    # forms, the import, older data).
    files, expected = [own_file(r.url) for r in own], first_visit_files(soup_of(address))
    assert sorted(files) == sorted(expected), f"expected {sorted(expected)}, loaded {files}"
    over = []
    if total > MOST_FIRST_VISIT:
        over.append(f"{address or 'home'}: {total} bytes gzip, over {MOST_FIRST_VISIT}\n{listing}")
    if own_code(resources) > budget:
        over.append(f"{address or 'home'}: own code {own_code(resources)}, over {budget} bytes gzip\n" +
                    "\n".join(f"{r.transferred:>8} {r.url}" for r in own))
    assert not over, "\n".join(over)


def test_the_privacy_check_catches_an_outside_script(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><script src="https://cdn.example.com/track.js"></script>')
    with serve(tmp_path, "/") as url:
        found = visit(browser, url)
    assert leaving(found, url) == ["https://cdn.example.com/track.js"]


def test_the_import_loads_only_when_a_file_is_picked(context, base_url, tmp_path):
    tab = context.new_page()
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    open_page(tab, base_url, "[data-progress-tools][data-progress-ready]")
    tab.wait_for_load_state("networkidle")
    assert not [url for url in requested if "progress-import" in url], "the import's code came with the page"
    path = write_file(tmp_path, {"format": "not ours"})
    tab.set_input_files("[data-progress-import]", str(path))
    tab.wait_for_function("() => document.querySelector('[data-progress-tools] [data-guide-alert]').textContent")
    loaded = {Path(urlparse(url).path).suffix for url in requested if "progress-import" in url}
    assert loaded == {".js", ".css"}, f"picking a file loaded the import's {sorted(loaded) or 'nothing'}"
