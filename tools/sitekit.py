"""Shared by the tests and the maintenance scripts: build the site, serve it, start Chromium.

The site is served under the same path as on GitHub Pages (the path of site_url), so absolute
links in the 404 page and the sitemap are exercised as they will be in production.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
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
    "No Chromium found for the browser tests: install one with `apt-get install chromium-headless-shell` "
    "or `apt-get install chromium` (or `python -m playwright install chromium`), or set CHROMIUM=/path/to/chromium"
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


def copy_project(dest: Path, source: Path = ROOT) -> Path:
    """A copy of what a build reads (not .venv, site or downloads), for tests that edit it."""
    for name in PROJECT_PARTS:
        shutil.copytree(source / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "downloads"))
    shutil.copy(source / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


# SITE_ENGINE=zensical or SITE_ENGINE=properdocs makes the tests build with that engine (the
# engines workflow does; requirements-engines.txt pins both); the default is MkDocs with Material.
# ZENSICAL names Zensical's executable when it is not on PATH.
ENGINES = ("mkdocs", "zensical", "properdocs")


def engine() -> str:
    chosen = os.environ.get("SITE_ENGINE", "mkdocs").strip().lower() or "mkdocs"
    if chosen not in ENGINES:
        raise RuntimeError(f"SITE_ENGINE={chosen!r} is not known; use one of: {', '.join(ENGINES)}")
    return chosen


def build_with_zensical(site_dir: Path, site_url: str | None, config_file: Path) -> None:
    """Zensical has no --site-dir: build a copy of the project (site_url set to where the tests
    serve it) and move its site/ into site_dir."""
    import subprocess
    import tempfile

    executable = os.environ.get("ZENSICAL") or shutil.which("zensical")
    if not executable:
        raise RuntimeError("SITE_ENGINE=zensical but no zensical found: `make install-engines` installs the "
                           "locked one (requirements-engines.txt), or set ZENSICAL=/path/to/zensical")
    if os.sep in executable:  # the build runs in another folder: make a relative path absolute
        executable = str(Path(executable).absolute())
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp), Path(config_file).parent)
        config = project / "mkdocs.yml"
        if site_url:
            text = config.read_text(encoding="utf-8")
            config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {site_url}", text), encoding="utf-8")
        result = subprocess.run([executable, "build", "--strict", "--clean", "-f", str(config)],
                                cwd=project, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            raise RuntimeError(f"zensical build failed:\n{result.stdout}{result.stderr}")
        shutil.copytree(project / "site", site_dir, dirs_exist_ok=True)


def build_site(site_dir: Path, site_url: str | None = None, config_file: Path = ROOT / "mkdocs.yml") -> None:
    """A strict build through MkDocs' Python API, as `mkdocs build --strict` does it (or with the
    engine SITE_ENGINE names: Zensical's command, or ProperDocs' API, which is MkDocs').

    Pass the address the site will be served from as site_url, as `mkdocs serve` does: Material's
    instant navigation only follows links listed in sitemap.xml, matched with their port.
    """
    if engine() == "zensical":
        build_with_zensical(Path(site_dir), site_url, Path(config_file))
        return
    if engine() == "properdocs":
        # As the `properdocs` command does: from here on `mkdocs.*` imports (Material's, the macros
        # plugin's) load ProperDocs' modules, so their plugin classes are the ones it accepts.
        import properdocs.replacement  # noqa: F401
        from properdocs.commands.build import build
        from properdocs.config import load_config
    else:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    overrides = {"site_url": site_url} if site_url else {}
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides)
    build(config)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves site_dir under `prefix`, and the site's 404 page for anything missing; with `gzip`,
    text compressed as GitHub Pages sends it (for Lighthouse, which times what is transferred)."""

    prefix = "/"
    gzip = False

    def send_head(self):
        path = self.translate_path(self.path.split("?", 1)[0])
        kind = self.guess_type(path)
        if not (self.gzip and "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path)
                and kind.startswith(("text/", "application/javascript", "application/json", "image/svg"))):
            return super().send_head()
        import gzip
        import io

        body = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

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
def serve(site_dir: Path, prefix: str, *, gzip: bool = False):
    """Serve site_dir on 127.0.0.1 (a free port); yields the site's base URL. Files are read at
    request time, so the server may start before the site is built into it."""
    handler = functools.partial(type("Handler", (_Handler,), {"prefix": prefix, "gzip": gzip}), directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


# Chromium's headless shell first: the same Blink and V8 without the desktop browser around them,
# it costs about a third less CPU per page load and half as much for a new profile, and the browser
# suite is bound by CPU. Playwright's own headless browser is the same shell.
CHROMIUM_NAMES = ("chromium-headless-shell", "chromium", "chromium-browser")


def find_chromium() -> str | None:
    """$CHROMIUM, then Debian's or a system Chromium (CHROMIUM_NAMES, in that order); None means
    use Playwright's own."""
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        return wanted
    for name in CHROMIUM_NAMES:
        if Path("/usr/bin", name).is_file():
            return str(Path("/usr/bin", name))
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


# Every host name but this machine's is unknown to the browser, so a page that asks another host
# for something (a privacy fault) has it recorded and never sent.
ONLY_THIS_MACHINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
# A microphone that plays a test tone, and a permission prompt answered yes at once (or, with
# MICROPHONE_REFUSED in place of the second flag, no), as a reader's browser would.
FAKE_MICROPHONE = ("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")
MICROPHONE_REFUSED = "--use-fake-ui-for-media-stream=deny"


def launch_chromium(playwright, *, only_this_machine: bool = False, extra: tuple[str, ...] = ()):
    """Launch a real headless Chromium, or raise RuntimeError with one line saying how to get one.
    With `only_this_machine`, it reaches no host but 127.0.0.1 (ONLY_THIS_MACHINE); `extra` flags
    are added, such as FAKE_MICROPHONE."""
    executable = find_chromium()
    args = CHROMIUM_FLAGS + ([ONLY_THIS_MACHINE] if only_this_machine else []) + list(extra)
    try:
        return playwright.chromium.launch(executable_path=executable, headless=True, args=args)
    except Exception as error:  # Playwright raises its own Error when no browser exists
        raise RuntimeError(NO_BROWSER) from error
