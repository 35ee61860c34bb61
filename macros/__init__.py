"""The guide's macros for mkdocs-macros-plugin.

define_env only loads the data and registers macros; each macro's HTML comes from a pure function
in its own module. Keeping to define_env (no page hooks) lets the site move to engines that
understand that much, such as Zensical or ProperDocs.
"""

from __future__ import annotations

from pathlib import Path

from .cheatsheet_html import Download, render_cheat_sheet
from .checklist_html import SectionLink, render_checklist, render_progress_tools, render_readiness
from .guide_data import DataError, check_page_links, load_guide

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


def _relative(env, target: str) -> str:
    """The address of a page from the page being rendered (raw HTML is not rewritten later)."""
    from mkdocs.utils import get_relative_url

    return get_relative_url(target, env.page.url if env.page else "")


def define_env(env):
    project_dir = Path(env.conf["config_file_path"]).parent
    docs_dir = Path(env.conf["docs_dir"])
    try:
        guide = load_guide(project_dir / "data")
        check_page_links(guide, docs_dir)
    except DataError as error:
        raise _abort(str(error)) from None

    def page_address(page: str) -> str:
        """salary.md -> its address from the page being rendered (index.md is the home page)."""
        return _relative(env, "" if page == "index.md" else page[: -len(".md")] + "/")

    def page_name() -> str:
        return f"docs/{env.page.file.src_uri}" if env.page else "a page"

    @env.macro
    def checklist(checklist_id: str) -> str:
        """Render the checklist with this id from data/."""
        try:
            return render_checklist(guide.checklist(checklist_id), page_address)
        except DataError as error:
            raise _abort(f"{page_name()}: {error}") from None

    @env.macro
    def readiness() -> str:
        """Overall progress across every checklist, with a link to each section."""
        links = [SectionLink(s, _relative(env, f"{s.slug}/")) for s in guide.sections]
        return render_readiness(links)

    @env.macro
    def progress_tools() -> str:
        """Export and import controls for everything the reader saved."""
        return render_progress_tools()

    @env.macro
    def cheat_sheet() -> str:
        """The one-page cheat sheet from every section's key points, plus the reader's notes."""
        downloads = [
            Download(label, _relative(env, f"downloads/{name}"))
            for label, name in PDF_DOWNLOADS
            if (docs_dir / "downloads" / name).is_file()
        ]
        return render_cheat_sheet(guide.sections, downloads, page_address)
