#!/usr/bin/env python3
"""Check that a built copy of the guide renders its interactive parts, whatever engine built it.

Usage: python tools/check_engine_build.py SITE_DIR

Meant for builds by other engines (ProperDocs, Zensical) next to the MkDocs build. It checks only
what a reader depends on, not how the theme looks:

  checklist  background/index.html has an element with data-checklist="background-prep" holding
             at least one <input data-item>
  cheatsheet cheat-sheet/index.html has an element with data-cheatsheet and one element with
             data-cheatsheet-topic per section file in data/
  no-raw-jinja  no HTML page has "{{" or "{%" left outside <script> and <style> (a macro that
             did not run)
  assets     every page links assets/stylesheets/guide.css and assets/javascripts/guide.js,
             and both files are in the site
  edit-link  every page but 404.html has an "Edit this page" link to its own docs/*.md
  links      (extra) every relative link inside a page's <article> stays inside the site and
             points at a file that was built; catches an engine rewriting links in macro HTML

Prints one PASS/FAIL line per check and exits 1 if any failed, 2 on bad usage. Standard library
only; uses BeautifulSoup when it is installed and falls back to regular expressions.
"""

from __future__ import annotations

import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

try:
    from bs4 import BeautifulSoup
except ImportError:  # the checks below fall back to regular expressions
    BeautifulSoup = None

CHECKLIST_ID = "background-prep"
# One topic per section file, counted as macros/guide_data.load_guide counts them (no imports here).
CHEATSHEET_TOPICS = sum(1 for p in (Path(__file__).resolve().parent.parent / "data").glob("*.yml")
                        if not p.name.startswith("_"))
CSS = "assets/stylesheets/guide.css"
JS = "assets/javascripts/guide.js"


class Page:
    """One built HTML page, with the few queries the checks need."""

    def __init__(self, path: Path):
        self.path = path
        self.html = path.read_text(encoding="utf-8", errors="replace")
        self.soup = BeautifulSoup(self.html, "html.parser") if BeautifulSoup else None

    def count_attr(self, attr: str, value: str | None = None, tag: str | None = None) -> int:
        if self.soup is not None:
            want = True if value is None else value
            return len(self.soup.find_all(tag or True, attrs={attr: want}))
        return len(_find_tags(self.html, attr, value, tag))

    def inputs_with_data_item_inside(self, attr: str, value: str) -> int | None:
        """Inputs with data-item inside the element with attr=value; None if no such element."""
        if self.soup is not None:
            box = self.soup.find(True, attrs={attr: value})
            if box is None:
                return None
            return len(box.find_all("input", attrs={"data-item": True}))
        found = _find_tags(self.html, attr, value)
        if not found:
            return None
        name, start = found[0]
        inner = self.html[start:_closing_tag(self.html, name, start)]
        return len(_find_tags(inner, "data-item", None, "input"))

    def text_without_scripts(self) -> str:
        return re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", "", self.html)

    def links(self, tag: str, url_attr: str) -> list[str]:
        if self.soup is not None:
            return [el.get(url_attr, "") for el in self.soup.find_all(tag)]
        pattern = rf"(?is)<{tag}\b[^>]*\b{url_attr}\s*=\s*[\"']([^\"']*)[\"']"
        return re.findall(pattern, self.html)

    def article_links(self) -> list[str]:
        if self.soup is not None:
            articles = self.soup.find_all("article")
            return [a.get("href", "") for art in articles for a in art.find_all("a")]
        hrefs = []
        for art in re.findall(r"(?is)<article\b.*?</article\s*>", self.html):
            hrefs += re.findall(r"(?is)<a\b[^>]*\bhref\s*=\s*[\"']([^\"']*)[\"']", art)
        return hrefs

    def edit_links(self) -> list[str]:
        if self.soup is not None:
            hrefs = []
            for a in self.soup.find_all("a"):
                rel = a.get("rel") or []
                if "edit" in rel or a.get("title", "").strip().lower() == "edit this page":
                    hrefs.append(a.get("href", ""))
            return hrefs
        hrefs = []
        for tag in re.findall(r"(?is)<a\b[^>]*>", self.html):
            if re.search(r"(?i)\brel\s*=\s*[\"'][^\"']*\bedit\b", tag) or re.search(
                r"(?i)\btitle\s*=\s*[\"']\s*edit this page\s*[\"']", tag
            ):
                m = re.search(r"(?i)\bhref\s*=\s*[\"']([^\"']*)[\"']", tag)
                hrefs.append(m.group(1) if m else "")
        return hrefs


def _find_tags(html: str, attr: str, value: str | None, tag: str | None = None):
    """(tag name, end of the opening tag) for each opening tag with attr (=value)."""
    name = re.escape(tag) if tag else r"[a-zA-Z][\w-]*"
    if value is None:
        has_attr = rf"\s{re.escape(attr)}(?=[\s=/>])"
    else:
        has_attr = rf"\s{re.escape(attr)}\s*=\s*(?P<q>[\"']){re.escape(value)}(?P=q)"
    pattern = rf"(?is)<(?P<name>{name})\b(?=[^>]*{has_attr})[^>]*>"
    return [(m.group("name").lower(), m.end()) for m in re.finditer(pattern, html)]


def _closing_tag(html: str, name: str, start: int) -> int:
    """Where the element whose opening tag ends at start closes (nesting of the same name)."""
    depth = 1
    for m in re.finditer(rf"(?is)<(/?){re.escape(name)}\b[^>]*>", html[start:]):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return start + m.start()
    return len(html)


def check_checklist(site: Path) -> tuple[bool, str]:
    path = site / "background" / "index.html"
    if not path.is_file():
        return False, f"{path.relative_to(site)} is missing"
    items = Page(path).inputs_with_data_item_inside("data-checklist", CHECKLIST_ID)
    if items is None:
        return False, f'no element with data-checklist="{CHECKLIST_ID}" in background/index.html'
    if items == 0:
        return False, f'data-checklist="{CHECKLIST_ID}" has no <input data-item>'
    return True, f'data-checklist="{CHECKLIST_ID}" with {items} <input data-item>'


def check_cheatsheet(site: Path) -> tuple[bool, str]:
    path = site / "cheat-sheet" / "index.html"
    if not path.is_file():
        return False, f"{path.relative_to(site)} is missing"
    page = Page(path)
    sheets = page.count_attr("data-cheatsheet")
    topics = page.count_attr("data-cheatsheet-topic")
    ok = sheets >= 1 and topics == CHEATSHEET_TOPICS
    return ok, (
        f"{sheets} element(s) with data-cheatsheet, {topics} with data-cheatsheet-topic "
        f"(want >=1 and {CHEATSHEET_TOPICS})"
    )


def check_no_raw_jinja(pages: list[Page], site: Path) -> tuple[bool, str]:
    bad = []
    for page in pages:
        text = page.text_without_scripts()
        for marker in ("{{", "{%"):
            at = text.find(marker)
            if at != -1:
                line = text.count("\n", 0, at) + 1
                snippet = " ".join(text[at : at + 60].split())
                bad.append(f"{page.path.relative_to(site)}:{line}: {snippet}")
                break
    if bad:
        return False, "raw Jinja left in " + "; ".join(bad[:5]) + (" ..." if len(bad) > 5 else "")
    return True, f"no raw {{{{ or {{% in {len(pages)} pages"


def check_assets(pages: list[Page], site: Path) -> tuple[bool, str]:
    problems = [f"{name} is not in the site" for name in (CSS, JS) if not (site / name).is_file()]
    for page in pages:
        css = any(h.split("?")[0].endswith(CSS) for h in page.links("link", "href"))
        js = any(s.split("?")[0].endswith(JS) for s in page.links("script", "src"))
        missing = [n for n, ok in (("guide.css", css), ("guide.js", js)) if not ok]
        if missing:
            problems.append(f"{page.path.relative_to(site)} does not link {' and '.join(missing)}")
    if problems:
        return False, "; ".join(problems[:5]) + (" ..." if len(problems) > 5 else "")
    return True, f"guide.css and guide.js linked from all {len(pages)} pages"


def check_edit_links(pages: list[Page], site: Path) -> tuple[bool, str]:
    problems = []
    checked = 0
    for page in pages:
        rel = page.path.relative_to(site)
        if rel.name != "index.html":  # 404.html has no source page
            continue
        checked += 1
        source = "index.md" if rel.parent == Path(".") else f"{rel.parent.as_posix()}.md"
        hrefs = page.edit_links()
        if not hrefs:
            problems.append(f"{rel} has no edit link")
        elif not any(h.endswith("/" + source) for h in hrefs):
            problems.append(f"{rel} edit link {hrefs[0]!r} does not end in /{source}")
    if not checked:
        return False, "no pages to check"
    if problems:
        return False, "; ".join(problems[:5]) + (" ..." if len(problems) > 5 else "")
    return True, f'"Edit this page" link on all {checked} pages'


def check_links(pages: list[Page], site: Path) -> tuple[bool, str]:
    problems = []
    count = 0
    for page in pages:
        rel = page.path.relative_to(site)
        if rel.name != "index.html":  # 404.html links from the site root, by absolute URL
            continue
        for href in page.article_links():
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue  # other site, mail, same-page anchor or absolute path
            count += 1
            target = posixpath.normpath(posixpath.join(rel.parent.as_posix(), unquote(parts.path)))
            if target == ".." or target.startswith("../"):
                problems.append(f"{rel}: {href} leads out of the site")
                continue
            path = site / target
            if not (path.is_file() or (path / "index.html").is_file()):
                problems.append(f"{rel}: {href} leads to nothing built")
    if problems:
        return False, "; ".join(problems[:5]) + (" ..." if len(problems) > 5 else "")
    return True, f"{count} relative links in page content all lead to built files"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    site = Path(argv[1])
    if not site.is_dir():
        print(f"not a folder: {site}", file=sys.stderr)
        return 2
    pages = [Page(p) for p in sorted(site.rglob("*.html"))]
    parser = "BeautifulSoup" if BeautifulSoup else "regex"
    print(f"Checking {site} ({len(pages)} HTML pages, parser: {parser})")
    checks = [
        ("checklist", check_checklist(site)),
        ("cheatsheet", check_cheatsheet(site)),
        ("no-raw-jinja", check_no_raw_jinja(pages, site)),
        ("assets", check_assets(pages, site)),
        ("edit-link", check_edit_links(pages, site)),
        ("links", check_links(pages, site)),
    ]
    for name, (ok, detail) in checks:
        print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}")
    failed = sum(not ok for _, (ok, _) in checks)
    print(f"{len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
