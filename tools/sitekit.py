"""Shared by the tests and the maintenance scripts: build the site, serve it, start Chromium.

The site is served under the same path as on GitHub Pages (the path of site_url), so absolute
links in the 404 page and the sitemap are exercised as they will be in production.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_BROWSER = (
    "No Chromium found for the browser tests: install one with `apt-get install chromium` "
    "(or `python -m playwright install chromium`), or set CHROMIUM=/path/to/chromium"
)


def site_path(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The path part of site_url, such as /second-interview-guide/."""
    import yaml

    # mkdocs.yml may hold !!python tags in other projects; ours is plain, so a safe load is fine.
    with open(config_file, encoding="utf-8") as handle:
        url = yaml.safe_load(handle)["site_url"]
    path = urlparse(url).path or "/"
    return path if path.endswith("/") else path + "/"


PROJECT_PARTS = ("docs", "data", "macros", "overrides")


def copy_project(dest: Path) -> Path:
    """A copy of what a build reads (not .venv, site or downloads), for tests that edit it."""
    for name in PROJECT_PARTS:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "downloads"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def build_site(site_dir: Path, site_url: str | None = None, config_file: Path = ROOT / "mkdocs.yml") -> None:
    """A strict build through MkDocs' Python API, as `mkdocs build --strict` does it.

    Pass the address the site will be served from as site_url, as `mkdocs serve` does: Material's
    instant navigation only follows links listed in sitemap.xml, matched with their port.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    overrides = {"site_url": site_url} if site_url else {}
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides)
    build(config)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves site_dir under `prefix`, and the site's 404 page for anything missing."""

    prefix = "/"

    def log_message(self, *args):  # keep pytest's output readable
        pass

    def translate_path(self, path):
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        else:
            path = "/__outside_the_site__"
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            super().send_error(code, message, explain)


@contextlib.contextmanager
def serve(site_dir: Path, prefix: str):
    """Serve site_dir on 127.0.0.1 (a free port); yields the site's base URL.

    Files are read at request time, so the server may start before the site is built into it.
    """
    handler = functools.partial(
        type("Handler", (_Handler,), {"prefix": prefix}), directory=str(site_dir)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def find_chromium() -> str | None:
    """$CHROMIUM, then Debian's or a system Chromium; None means use Playwright's own."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def launch_chromium(playwright):
    """Launch a real headless Chromium, or raise RuntimeError with one line saying how to get one."""
    executable = find_chromium()
    try:
        return playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
    except Exception as error:  # Playwright raises its own Error when no browser exists
        raise RuntimeError(NO_BROWSER) from error
