"""What a first visit to a page costs: every response the browser receives, and its gzip size.

GitHub Pages serves text gzip-compressed, so each body is measured compressed at level 6 (the
usual server setting); images and other binaries count as they are. Used by the weight test and
by `make bench`, with the budgets for the project's own CSS and JavaScript below.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass

KIB = 1024
# The project's own code a first visit loads, gzip, minified as readers get it: the core and the
# features on the page.
OWN_CODE_WITHOUT_TOOLS = 8 * KIB  # pages with none of the reader's tools
OWN_CODE_ANY_PAGE = 12 * KIB
# A page's whole first visit against Material building the same docs/ without the additions.
MOST_TIMES_BARE = 1.12
MOST_TIMES_BARE_WITHOUT_TOOLS = 1.08
# The most any first visit may weigh, gzip (the tests' limit).
MOST_FIRST_VISIT = 142 * KIB
# Features that are part of reading the guide; every other feature is one of the reader's tools.
GUIDE_PARTS = ("checklists", "readiness", "progress")
_OWN = re.compile(r"/assets/guide/[a-z-]+(?:\.min)?\.(?:js|css)$")

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg")


@dataclass(frozen=True)
class Resource:
    url: str
    raw: int
    transferred: int


def transferred_size(body: bytes, content_type: str) -> int:
    if content_type.startswith(COMPRESSED_TYPES):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


def _measured(url: str, body: bytes, headers: dict[str, str]) -> Resource:
    return Resource(url, len(body), transferred_size(body, headers.get("content-type", "")))


@dataclass(frozen=True)
class Visit:
    """A first visit: what it fetched, every address it asked for (any host), the cookies it left."""

    resources: list[Resource]
    requested: list[str]
    cookies: list[dict]


def visit(browser, url: str) -> Visit:
    """Load url in a fresh profile (empty cache) and measure everything it fetched."""
    context = browser.new_context()
    responses, requested = [], []
    context.on("response", lambda response: responses.append(response))
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    resources = []
    for response in responses:
        if response.status >= 300 or response.url.startswith("data:"):
            continue
        resources.append(_measured(response.url, response.body(), response.headers))
    # A reader's browser fetches the page's icon; Chromium's headless shell does not, so it is
    # fetched here when the page did not (0.2 KiB, docs/assets/images/guide-icon.svg).
    icons = page.eval_on_selector_all("link[rel~='icon']", "links => links.map((link) => link.href)")
    if icons and not any(resource.url in icons for resource in resources):
        icon = context.request.get(icons[0])
        if icon.ok:
            resources.append(_measured(icons[0], icon.body(), icon.headers))
    cookies = context.cookies()
    context.close()
    return Visit(resources, requested, cookies)


def first_visit(browser, url: str) -> list[Resource]:
    return visit(browser, url).resources


def is_own_code(url: str) -> bool:
    """The project's own scripts and stylesheets (all in assets/guide/)."""
    return bool(_OWN.search(url.split("?", 1)[0].split("#", 1)[0]))


def own_code(resources: list[Resource]) -> int:
    return sum(r.transferred for r in resources if is_own_code(r.url))


def total(resources: list[Resource]) -> int:
    return sum(r.transferred for r in resources)
