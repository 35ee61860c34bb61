"""Every internal link and asset in the built site resolves, anchors included."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup, SoupStrainer

from tests.pages import page_html
from tools.sitekit import site_path


SITE_PATH = site_path()  # read once: mkdocs.yml is parsed on every call
REFERRING_TAGS = ["a", "link", "script", "img", "source"]
REFERRING = SoupStrainer(REFERRING_TAGS)


def internal_targets(site_dir: Path):
    """(page, href) for every link, script, stylesheet and image that stays on the site."""
    for html in sorted(site_dir.rglob("*.html")):
        # Parse only the tags that refer to something: several times faster on Material's pages.
        soup = BeautifulSoup(page_html(html), "html.parser", parse_only=REFERRING)
        for tag in soup.find_all(REFERRING_TAGS):
            ref = tag.get("href") or tag.get("src")
            if not ref or urlparse(ref).scheme or ref.startswith("//"):
                continue
            yield html, ref


def resolve(site_dir: Path, page: Path, ref: str) -> tuple[Path, str]:
    page_url = "/" + page.relative_to(site_dir).as_posix()
    url = urlparse(urljoin(page_url, ref))
    path = unquote(url.path)
    prefix = SITE_PATH
    if path.startswith(prefix):  # absolute links (the 404 page) carry the site's path
        path = "/" + path[len(prefix):]
    target = site_dir / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, url.fragment


@lru_cache(maxsize=None)
def ids_in(page: Path) -> frozenset[str]:
    soup = BeautifulSoup(page_html(page), "html.parser", parse_only=SoupStrainer(id=True))
    return frozenset(tag["id"] for tag in soup.find_all(id=True))


def test_every_internal_link_resolves(site_dir):
    broken = []
    checked = 0
    for page, ref in internal_targets(site_dir):
        target, fragment = resolve(site_dir, page, ref)
        checked += 1
        if not target.is_file():
            broken.append(f"{page.relative_to(site_dir)}: {ref} -> missing {target.relative_to(site_dir)}")
        elif fragment and target.suffix == ".html" and fragment not in ids_in(target):
            broken.append(f"{page.relative_to(site_dir)}: {ref} -> no #{fragment}")
    assert checked > 200, f"only {checked} links found: is the crawl working?"
    assert not broken, "\n".join(broken)


def test_crawler_finds_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text('<a href="missing/">x</a><a href="#nowhere">y</a>')
    refs = list(internal_targets(tmp_path))
    assert [r for _, r in refs] == ["missing/", "#nowhere"]
    target, _ = resolve(tmp_path, tmp_path / "index.html", "missing/")
    assert not target.is_file()
    target, fragment = resolve(tmp_path, tmp_path / "index.html", "#nowhere")
    assert target.is_file() and fragment not in ids_in(target)
