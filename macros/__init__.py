"""The guide's macros for mkdocs-macros-plugin (and engines that run define_env the same way).

define_env only loads the data and registers macros; each macro's HTML comes from a pure function
in its own module. Keeping to define_env (no page hooks) lets the site move to engines that
understand that much, such as Zensical or ProperDocs; the few places where their environments
differ are handled in the helpers below.
"""

from __future__ import annotations

import logging
import posixpath
import sys
import traceback
from html import escape
from pathlib import Path

# Zensical loads this file by its path without putting the project on sys.path, so the relative
# imports below would fail there; MkDocs and ProperDocs have the project on the path already.
_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from .applications import (  # noqa: E402
    FEATURE as APPLICATIONS,
    render_application_bar,
    render_application_header,
    render_application_list,
    describe_fields,
)
from .cheat_sheet import FEATURE as CHEAT_SHEET, Download, render_cheat_sheet  # noqa: E402
from .checklists import FEATURE as CHECKLISTS, render_checklist  # noqa: E402
from .guide_data import (  # noqa: E402
    LEDGER_FILE,
    DataError,
    check_checklist_sizes,
    check_ledger,
    check_page_links,
    load_guide,
    load_story_themes,
)
from .offers import FEATURE as OFFERS, render_offer_comparison  # noqa: E402
from .planner import FEATURE as PLANNER, render_interview_planner  # noqa: E402
from .progress import FEATURE as PROGRESS, render_progress_tools  # noqa: E402
from .readiness import FEATURE as READINESS, SectionLink, manifest, render_readiness  # noqa: E402
from .stories import (  # noqa: E402
    FEATURE as STORIES,
    render_story_bank,
    render_story_coverage,
    render_story_titles,
)
from .reviewed_html import render_reviewed  # noqa: E402
from .thank_you import FEATURE as THANK_YOU, render_thank_you_drafter  # noqa: E402

# Every feature, by the one name its Python module (with underscores), its script and its
# stylesheet share: docs/assets/javascripts/<name>.js and docs/assets/stylesheets/<name>.css.
FEATURES = (CHECKLISTS, READINESS, PROGRESS, CHEAT_SHEET, PLANNER, THANK_YOU, OFFERS, STORIES,
            APPLICATIONS)

# PDFs of the cheat sheet made by `make pdf`; linked only when they exist, so no link is dangling.
PDF_DOWNLOADS = (
    ("Download PDF (A4)", "cheat-sheet-a4.pdf"),
    ("Download PDF (US Letter)", "cheat-sheet-letter.pdf"),
)


def _abort(message: str) -> Exception:
    """MkDocs prints a PluginError as one ERROR line and stops, with no traceback."""
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:  # another engine: a plain error still stops its build
        return RuntimeError(message)
    return PluginError(message)


def _project_dir(conf) -> Path:
    """MkDocs names the config file; Zensical gives its root_dir."""
    if conf.get("config_file_path"):
        return Path(conf["config_file_path"]).parent
    return Path(conf.get("root_dir") or _PROJECT)


def _rewrites_html_links(env) -> bool:
    """Zensical rewrites links inside macro HTML as if they were Markdown links to files."""
    return type(env).__module__.split(".")[0] == "zensical"


def _template_line(error: Exception) -> int | None:
    """The line of the page's Markdown body where Jinja stopped, if it says."""
    line = getattr(error, "lineno", None)
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == "<template>":
            line = frame.lineno
    return line


def _report_template_errors(env, page_name) -> None:
    """Make a macro or Jinja mistake in a page one ERROR line naming the page and the line as the
    editor sees it: mkdocs-macros numbers lines from the end of the front matter and prints a
    multi-line block. Only for mkdocs-macros, whose Jinja environment renders each page."""
    if type(env).__module__.split(".")[0] != "mkdocs_macros":
        return
    log = logging.getLogger("mkdocs.plugins.macros")

    def stop(error: Exception, body: str) -> None:
        name = page_name()
        line = _template_line(error)
        where = name
        if line is not None:
            source = getattr(getattr(env.page, "file", None), "abs_src_path", None)
            raw = Path(source).read_text(encoding="utf-8") if source else body
            # The body is what follows the front matter: count the lines the editor sees above it.
            where += f", line {line + max(raw.count(chr(10)) - body.count(chr(10)), 0)}"
        message = getattr(error, "message", None) or str(error)
        if message.startswith(name + ": "):
            message = message[len(name) + 2:]
        hint = "" if isinstance(error, DataError) or "fix the" in message else (
            "; check the spelling of the macro and its brackets, such as {{ checklist(\"salary-research\") }}")
        log.error(f"{where}: {message}{hint}")
        raise SystemExit(1)

    def from_string(source, *args, **kwargs):
        try:
            template = plain_from_string(source, *args, **kwargs)
        except Exception as error:  # a syntax error: an unclosed {{ or a stray {%
            stop(error, source)
        plain_render = template.render

        def render(*r_args, **r_kwargs):
            try:
                return plain_render(*r_args, **r_kwargs)
            except Exception as error:  # an unknown macro or a macro's own DataError
                stop(error, source)

        template.render = render
        return template

    def wrap_once(plugin) -> None:
        # The Jinja environment exists only after define_env, so wrap it before the first page.
        nonlocal plain_from_string
        if plain_from_string is None:
            plain_from_string = plugin.env.from_string
            plugin.env.from_string = from_string

    plain_from_string = None
    env.pre_macro_functions.append(wrap_once)


def _data_edit_url(conf) -> str:
    """Where "Edit this page" points for data/ instead of docs/, such as
    https://github.com/OWNER/REPO/edit/main/data/ ("" when the site names no repository)."""
    repo, edit_uri = conf.get("repo_url") or "", conf.get("edit_uri") or ""
    if not repo or not edit_uri.rstrip("/").endswith("docs"):
        return ""
    return f"{repo.rstrip('/')}/{edit_uri.strip('/')[: -len('docs')]}data/"


def define_env(env):
    conf = env.conf
    project_dir = _project_dir(conf)
    docs_dir = Path(conf.get("docs_dir") or project_dir / "docs")
    try:
        guide = load_guide(project_dir / "data")
        check_page_links(guide, docs_dir)
        check_checklist_sizes(guide)
        check_ledger(guide, project_dir / "data" / LEDGER_FILE)
        themes = load_story_themes(project_dir / "data" / "_story-themes.yml")
    except DataError as error:
        raise _abort(str(error)) from None
    file_links = _rewrites_html_links(env)

    def page_url() -> str:
        page = env.page
        return (getattr(page, "url", "") or "") if page else ""

    def page_name() -> str:
        page = env.page
        source = getattr(getattr(page, "file", None), "src_uri", None) or getattr(page, "path", None)
        return f"docs/{source}" if source else "a page"

    _report_template_errors(env, page_name)

    def address(target_url: str, target_file: str) -> str:
        """A page or file's address from the page being rendered; raw HTML is not rewritten."""
        if file_links:
            return target_file
        here = page_url()
        base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        relative = posixpath.relpath("/" + target_url, "/" + base)
        if relative == ".":
            return "./"
        return relative + "/" if target_url.endswith("/") else relative

    def uses(feature: str, html: str) -> str:
        """Note that the page shows `feature`: overrides/main.html links its stylesheet in the
        head, so the page is styled before its first paint (guide.js loads the script). The
        first checklist or tool on a page comes with the applications bar above it, once."""
        meta = getattr(env.page, "meta", None)
        bar = ""
        if isinstance(meta, dict):
            used = meta.setdefault("guide_components", [])
            if feature not in used:
                used.append(feature)
            if html and APPLICATIONS not in used:
                used.append(APPLICATIONS)
                bar = render_application_bar() + "\n\n"
        return bar + html

    def page_address(page: str) -> str:
        """salary.md -> its address from the page being rendered (index.md is the home page)."""
        return address("" if page == "index.md" else page[: -len(".md")] + "/", page)

    data_edit_url = _data_edit_url(conf)

    @env.macro
    def checklist(checklist_id: str) -> str:
        """Render the checklist with this id from data/, with a link to edit its data file."""
        try:
            found = guide.checklist(checklist_id)
        except DataError as error:
            raise _abort(f"{page_name()}: {error}") from None
        html = uses(CHECKLISTS, render_checklist(found, page_address))
        if data_edit_url:
            # Outside the form, so the checklist's own markup (a public contract) is unchanged.
            html += (
                f'\n<p class="sig-checklist__edit" data-checklist-edit="{escape(found.id, quote=True)}">'
                f'<a href="{escape(data_edit_url + found.section, quote=True)}.yml">'
                f"Edit this checklist</a> (data/{escape(found.section)}.yml)</p>"
            )
        return html

    @env.macro
    def last_reviewed() -> str:
        """When the page was last checked, shown under its title. The date is the page's `reviewed:`
        front matter, which is why the macro has another name: that page variable would hide it."""
        meta = getattr(env.page, "meta", None) or {}
        try:
            return render_reviewed(meta.get("reviewed"), page_name())
        except DataError as error:
            raise _abort(str(error)) from None

    @env.macro
    def readiness() -> str:
        """Overall progress across every checklist, with a link to each section."""
        links = [SectionLink(s, page_address(f"{s.slug}.md")) for s in guide.sections]
        return uses(READINESS, render_readiness(links)) + "\n\n" + render_application_list()

    @env.macro
    def progress_tools() -> str:
        """Export and import controls for everything the reader saved."""
        items = {list_id: entry["items"] for list_id, entry in manifest(guide.sections).items()}
        return uses(PROGRESS, render_progress_tools(items))

    @env.macro
    def cheat_sheet() -> str:
        """The one-page cheat sheet from every section's key points, plus the reader's notes."""
        downloads = [
            Download(label, address(f"downloads/{name}", f"downloads/{name}"))
            for label, name in PDF_DOWNLOADS
            if (docs_dir / "downloads" / name).is_file()
        ]
        uses(STORIES, "")  # the story titles under the stories note
        return uses(CHEAT_SHEET, render_cheat_sheet(
            guide.sections, downloads, page_address, story_titles=render_story_titles(),
            header=render_application_header()))

    # The reader's tools; their behaviour is in docs/assets/javascripts/<feature>.js.
    @env.macro
    def interview_planner() -> str:
        """Dated preparation plan with calendar export (follow-up page)."""
        return uses(PLANNER, render_interview_planner())

    @env.macro
    def thank_you_drafter() -> str:
        """One editable thank-you message per interviewer (follow-up page)."""
        return uses(THANK_YOU, render_thank_you_drafter())

    @env.macro
    def offer_comparison() -> str:
        """Up to three offers side by side with yearly totals (offer page)."""
        return uses(OFFERS, render_offer_comparison())

    @env.macro
    def story_bank() -> str:
        """The reader's STAR stories with tags and a coverage map (background page)."""
        return uses(STORIES, render_story_bank(themes))

    @env.macro
    def application_fields() -> str:
        """What an application holds besides its data, in words (the About page)."""
        return describe_fields()

    @env.macro
    def story_coverage() -> str:
        """Which common question themes have a story, read-only (role and teamwork pages)."""
        bank = page_address("background.md") + "#your-story-bank"
        return uses(STORIES, render_story_coverage(themes, bank))
