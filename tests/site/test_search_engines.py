"""Search engines and sharing: sitemap, robots.txt and a helpful 404 page."""

from __future__ import annotations

from urllib.parse import urlparse
from xml.etree import ElementTree

import yaml
from bs4 import BeautifulSoup

from tests.pages import PAGES, page_html
from tools.sitekit import ROOT


def configured_site_url() -> str:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text())["site_url"]


def test_sitemap_lists_every_page(site_dir, base_url):
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = {urlparse(loc.text).path for loc in tree.getroot().iterfind("s:url/s:loc", namespace)}
    prefix = urlparse(base_url).path
    assert {prefix + page for page in PAGES} <= paths


def test_robots_txt_points_to_the_sitemap(site_dir):
    robots = (site_dir / "robots.txt").read_text()
    assert "User-agent: *" in robots
    assert f"Sitemap: {configured_site_url()}sitemap.xml" in robots, "update docs/robots.txt to match site_url"


def test_404_page_helps_the_reader_back(site_dir):
    soup = BeautifulSoup(page_html(site_dir / "404.html"), "html.parser")
    assert soup.title.get_text().startswith("Page not found")
    assert soup.find("meta", attrs={"name": "robots", "content": "noindex"})
    article = soup.select_one("article")
    assert article.h1.get_text() == "Page not found"
    # Links only: Zensical puts its skip target, an <a id> without href, at the top of the article.
    hrefs = [a["href"] for a in article.find_all("a", href=True)]
    assert any(h.endswith("/cheat-sheet/") for h in hrefs) and all(h.startswith("/") for h in hrefs)


def test_every_page_has_a_canonical_address(soup_of, base_url):
    for page in PAGES:
        canonical = soup_of(page).find("link", rel="canonical")
        assert canonical and canonical["href"] == base_url + page
