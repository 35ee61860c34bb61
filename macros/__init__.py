"""The guide's macros for mkdocs-macros-plugin (and engines that run define_env the same way).

define_env only loads the data and registers macros; each macro's HTML comes from a pure function
in its own module. Keeping to define_env (no page hooks) lets the site move to engines that
understand that much, such as Zensical or ProperDocs; the few places where their environments
differ are handled in the helpers below.
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

# Zensical loads this file by its path without putting the project on sys.path, so the relative
# imports below would fail there; MkDocs and ProperDocs have the project on the path already.
_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from .cheat_sheet import FEATURE as CHEAT_SHEET, Download, render_cheat_sheet  # noqa: E402
from .checklists import FEATURE as CHECKLISTS, render_checklist  # noqa: E402
from .guide_data import DataError, check_page_links, load_guide, load_story_themes  # noqa: E402
from .offers import FEATURE as OFFERS, render_offer_comparison  # noqa: E402
from .planner import FEATURE as PLANNER, render_interview_planner  # noqa: E402
from .progress import FEATURE as PROGRESS, render_progress_tools  # noqa: E402
from .readiness import FEATURE as READINESS, SectionLink, render_readiness  # noqa: E402
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
FEATURES = (CHECKLISTS, READINESS, PROGRESS, CHEAT_SHEET, PLANNER, THANK_YOU, OFFERS, STORIES)

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


def define_env(env):
    conf = env.conf
    project_dir = _project_dir(conf)
    docs_dir = Path(conf.get("docs_dir") or project_dir / "docs")
    try:
        guide = load_guide(project_dir / "data")
        check_page_links(guide, docs_dir)
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
        head, so the page is styled before its first paint (guide.js loads the script)."""
        meta = getattr(env.page, "meta", None)
        if isinstance(meta, dict):
            used = meta.setdefault("guide_components", [])
            if feature not in used:
                used.append(feature)
        return html

    def page_address(page: str) -> str:
        """salary.md -> its address from the page being rendered (index.md is the home page)."""
        return address("" if page == "index.md" else page[: -len(".md")] + "/", page)

    @env.macro
    def checklist(checklist_id: str) -> str:
        """Render the checklist with this id from data/."""
        try:
            return uses(CHECKLISTS, render_checklist(guide.checklist(checklist_id), page_address))
        except DataError as error:
            raise _abort(f"{page_name()}: {error}") from None

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
        return uses(READINESS, render_readiness(links))

    @env.macro
    def progress_tools() -> str:
        """Export and import controls for everything the reader saved."""
        return uses(PROGRESS, render_progress_tools())

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
            guide.sections, downloads, page_address, story_titles=render_story_titles()))

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
    def story_coverage() -> str:
        """Which common question themes have a story, read-only (role and teamwork pages)."""
        bank = page_address("background.md") + "#your-story-bank"
        return uses(STORIES, render_story_coverage(themes, bank))
