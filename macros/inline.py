"""Inline Markdown for short texts from data/ (item texts, key points), made safe for HTML.

The text is HTML-escaped first, so a `<script>` or a quote typed into YAML stays text; Markdown then
adds only links, emphasis and code.
"""

from __future__ import annotations

import html
import re
from typing import Callable

import markdown

from .markup import attr

# Turns a page's file name (salary.md) into its address from the page being rendered.
PageResolver = Callable[[str], str]

_renderer = markdown.Markdown(extensions=[], output_format="html")
_PAGE_HREF = re.compile(r'href="([a-z0-9-]+\.md)((?:#[a-z0-9-]+)?)"')


def unchanged(page: str) -> str:
    return page


def inline_html(text: str, resolve_page: PageResolver = unchanged) -> str:
    """Render one line of inline Markdown to HTML with no wrapping paragraph."""
    _renderer.reset()
    rendered = _renderer.convert(html.escape(text, quote=True)).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>"):
        rendered = rendered[3:-4]
    return _PAGE_HREF.sub(
        lambda m: f'href="{attr(resolve_page(m.group(1)))}{m.group(2)}"',
        rendered,
    )
