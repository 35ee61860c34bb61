"""What a first visit to a page costs: every response the browser receives, and its gzip size.

GitHub Pages serves text gzip-compressed, so each body is measured compressed at level 6 (the
usual server setting); images and other binaries count as they are. Used by the weight test and
by `make bench`.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass

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


def first_visit(browser, url: str) -> list[Resource]:
    """Load url in a fresh profile (empty cache) and measure everything it fetched."""
    context = browser.new_context()
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    resources = []
    for response in responses:
        if response.status >= 300 or response.url.startswith("data:"):
            continue
        body = response.body()
        kind = response.headers.get("content-type", "")
        resources.append(Resource(response.url, len(body), transferred_size(body, kind)))
    context.close()
    return resources
