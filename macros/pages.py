"""What the macros need of the page being rendered: its name for messages, addresses from it, and
which tools it shows (the head links their stylesheets; the first one brings the core's
configuration, the storage notice and the applications bar). No HTML of a feature is written here.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path



def minifies(conf, kind: str) -> bool:
    """Whether the build minifies the project's `kind` files ("css" or "js"), renaming them .min
    (mkdocs-minify-plugin, whose settings Zensical reads too)."""
    plugins = conf.get("plugins") or {}
    plugin = plugins.get("minify") if hasattr(plugins, "get") else None
    settings = getattr(plugin, "config", None) or (plugin.get("config") if isinstance(plugin, dict) else None) or {}
    return bool(settings.get(f"minify_{kind}"))


class PageTools:
    """One object per build, asked about the page being rendered (env.page changes per page)."""

    def __init__(self, env, *, docs_dir: Path, header: str, bar: str, record_key: str, style_suffix: str,
                 file_links: bool):
        self.env = env
        self.docs_dir = docs_dir
        self.record_key = record_key  # for the head's first-paint check (overrides/main.html)
        self.header = header  # the core's configuration and the storage notice: once per page
        self.bar = bar  # the applications bar, above the first tool of a page that has none yet
        self.style_suffix = style_suffix
        self.file_links = file_links  # Zensical rewrites links inside macro HTML as links to files

    @property
    def page(self):
        return self.env.page

    def _file(self) -> str | None:
        """The page's file within docs/ (salary.md): MkDocs names it src_uri, Zensical path."""
        return getattr(getattr(self.page, "file", None), "src_uri", None) or getattr(self.page, "path", None)

    def name(self) -> str:
        source = self._file()
        return f"docs/{source}" if source else "a page"

    def markdown(self) -> str:
        """The page's Markdown as its editor wrote it. mkdocs-macros hands it over; Zensical does
        not, so it is the page's file."""
        return getattr(self.env, "markdown", None) or self.source()

    def url(self) -> str:
        return (getattr(self.page, "url", "") or "") if self.page else ""

    def address(self, target_url: str, target_file: str) -> str:
        """A page or file's address from the page being rendered; raw HTML is not rewritten."""
        if self.file_links:
            return target_file
        here = self.url()
        base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        relative = posixpath.relpath("/" + target_url, "/" + base)
        if relative == ".":
            return "./"
        return relative + "/" if target_url.endswith("/") else relative

    def page_address(self, page: str) -> str:
        """salary.md -> its address from the page being rendered (index.md is the home page)."""
        name, _, anchor = page.partition("#")
        url = "" if name == "index.md" else name[: -len(".md")] + "/"
        return self.address(url, name) + (f"#{anchor}" if anchor else "")

    def once(self, name: str) -> bool:
        """True the first time `name` is asked for on the page being rendered: what several tools
        read from the page (the checklists' manifest) is written into it once."""
        meta = getattr(self.page, "meta", None)
        if not isinstance(meta, dict):
            return True
        given = meta.setdefault("guide_once", [])
        if name in given:
            return False
        given.append(name)
        return True

    def note_for_head(self) -> None:
        """Put in the page's metadata the start of an application record's key, for the head's
        first-paint check (overrides/main.html): Zensical keeps what a tool's macro puts there,
        where it does not pass on what the macros add to config.extra."""
        meta = getattr(self.page, "meta", None)
        if isinstance(meta, dict):
            meta["guide_record_key"] = self.record_key

    def uses(self, feature: str, html: str, *, with_bar: bool = True) -> str:
        """Note that the page shows `feature` (the head links its stylesheet, so the page is styled
        before its first paint). The page's first tool comes after the core's header and, unless
        the page placed it already, the applications bar."""
        meta = getattr(self.page, "meta", None)
        if not isinstance(meta, dict):
            return html
        self.note_for_head()
        used = meta.setdefault("guide_components", [])
        styles = meta.setdefault("guide_styles", [])

        def show(name: str) -> None:
            if name not in used:
                used.append(name)
                styles.append(f"assets/guide/{name}{self.style_suffix}")

        show(feature)
        if not html:
            return html
        before = ""
        if not meta.get("guide_header"):
            meta["guide_header"] = True
            before = self.header
        if with_bar and "applications" not in used:
            show("applications")
            before += self.bar
        return before + html

    def stop(self, error: Exception | str, call: str = "", *, line: int | None = None) -> None:
        """A content editor's mistake in this page: one ERROR line naming the page, the line (of
        `call` in its Markdown, as the editor sees it: front matter counted) and the fix."""
        where = self.name()
        line = line or (self.line_of(call) if call else None)
        if line:
            where += f", line {line}"
        message = str(error)
        if message.startswith(self.name() + ": "):
            message = message[len(self.name()) + 2:]
        logging.getLogger("mkdocs.plugins.macros").error(f"{where}: {message}")
        raise SystemExit(1)  # not an Exception: mkdocs-macros would print it as a block of lines

    def reporting(self, macro, name: str):
        """`macro` with its DataError (a wrong id in the page's call) reported as one line naming
        the page and the line of the call."""
        from .guide_data import DataError

        def call(*args):
            try:
                return macro(*args)
            except DataError as error:
                self.stop(error, f'{name}("{args[0]}"' if args else f"{name}(")

        return call

    def source(self) -> str:
        """The page's file as its editor sees it, front matter included ("" when there is none)."""
        source = self._file()
        path = self.docs_dir / source if source else None
        return path.read_text(encoding="utf-8") if path and path.is_file() else ""

    def line_of(self, needle: str) -> int | None:
        for number, line in enumerate(self.source().splitlines(), start=1):
            if needle in line:
                return number
        return None


# Names mkdocs-macros gives each page as it renders it (besides the macros and the config's
# variables), and the front matter's own keys.
PAGE_NAMES = frozenset({"page", "navigation", "files", "config", "environment", "plugin", "git", "macros_info"})
FRONT_MATTER = re.compile(r"\A---\r?\n(.*?\r?\n)?---\r?\n", re.S)


def check_pages(docs_dir: Path, jinja_env, known: set[str]) -> str | None:
    """Every page's macro calls, checked before any page is rendered, so a mistake stops the build
    the same way on every engine: "docs/<page>, line N: <the fix>" (the line as the editor sees
    it, front matter counted), or None when every page is fine."""
    import yaml

    for path in sorted(Path(docs_dir).rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        found = FRONT_MATTER.match(text)
        try:
            meta = yaml.safe_load(found.group(1) or "") if found else None
        except yaml.YAMLError:
            meta = None
        body = text[found.end():] if found else text
        problem = check_template(jinja_env, body, known | set(meta if isinstance(meta, dict) else ()))
        if problem:
            line, message = problem
            offset = text[: found.end()].count("\n") if found else 0
            name = path.relative_to(Path(docs_dir)).as_posix()
            return f"docs/{name}, line {line + offset}: {' '.join(message.split())}"
    return None


def check_template(jinja_env, markdown: str, known: set[str]) -> tuple[int, str] | None:
    """A page's macro mistakes before it is rendered: (line in `markdown`, message) for a syntax
    error or a name no macro or variable has; None when the page is fine."""
    import jinja2
    from jinja2 import nodes

    try:
        tree = jinja_env.parse(markdown)
    except jinja2.TemplateSyntaxError as error:
        return error.lineno, error.message or "template syntax error"
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    for name in tree.find_all(nodes.Name):
        if name.ctx == "load" and name.name not in known and name.name not in assigned:
            return name.lineno, (f"'{name.name}' is undefined; check the spelling of the macro and its "
                                 'brackets, such as {{ checklist("salary-research") }}')
    return None

