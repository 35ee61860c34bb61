"""The guide's macros for mkdocs-macros-plugin (and engines that run define_env the same way).

define_env loads and checks the data, registers the macros, then checks every page's macro calls
before any page is rendered; each macro's HTML comes from a pure function of its feature's module.
Keeping to define_env (no mkdocs-macros hook) lets the site move to engines that run it the same
way, such as Zensical or ProperDocs.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Zensical loads this file by its path without putting the project on sys.path, so the relative
# imports below would fail there; MkDocs and ProperDocs have the project on the path already.
_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from . import applications, checklists, offers, planner, practice, progress, stories, thank_you  # noqa: E402
from . import cheat_sheet as cheat_sheet_feature  # noqa: E402  (the macros below take the plain names)
from . import readiness as readiness_feature  # noqa: E402
from .contents import check_nav_titles, render_section_list  # noqa: E402
from .core import RECORD_KEY_PREFIX, core_config, render_core  # noqa: E402
from .facts import fact_macros, facts_used, load_facts, page_reviewed  # noqa: E402
from .guide_data import (  # noqa: E402
    FACTS_FILE,
    LEDGER_FILE,
    DataError,
    check_checklist_sizes,
    check_ledger,
    check_page_links,
    load_guide,
    load_story_themes,
)
from .pages import PAGE_NAMES, PageTools, check_pages, minifies  # noqa: E402
from .reviewed_html import render_reviewed, reviewed_date  # noqa: E402

# Every feature's module; each has one name (FEATURE) for its script and stylesheet,
# docs/assets/guide/<name>.js and <name>.css.
MODULES = (checklists, readiness_feature, progress, cheat_sheet_feature, planner, thank_you, offers, stories,
           applications, practice)
FEATURES = tuple(m.FEATURE for m in MODULES)

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
    docs_dir = project_dir / (conf.get("docs_dir") or "docs")  # absolute in MkDocs; joining keeps it
    try:
        guide = load_guide(project_dir / "data")
        check_page_links(guide, docs_dir)
        check_checklist_sizes(guide)
        check_nav_titles(guide.sections, conf.get("nav"))
        check_ledger(guide, project_dir / "data" / LEDGER_FILE)
        themes = load_story_themes(project_dir / "data" / "_story-themes.yml")
        facts = load_facts(project_dir / "data" / FACTS_FILE)
    except DataError as error:
        raise _abort(str(error)) from None
    page = PageTools(
        env, docs_dir=docs_dir, header=render_core(core_config(MODULES)), bar=applications.render_application_bar(),
        record_key=RECORD_KEY_PREFIX,
        style_suffix=".min.css" if minifies(conf, "css") else ".css",
        file_links=type(env).__module__.split(".")[0] == "zensical",
    )
    # The head's first-paint check (overrides/main.html) reads the start of an application's key
    # here on every page, 404 included; Zensical does not pass this on, but keeps what each tool's
    # macro writes into its page's metadata (PageTools.note_for_head).
    conf["extra"]["guide_record_key"] = RECORD_KEY_PREFIX
    data_edit_url = _data_edit_url(conf)

    @env.macro
    def checklist(checklist_id: str) -> str:
        """Render the checklist with this id from data/, with a link to edit its data file."""
        try:
            found = guide.checklist(checklist_id)
        except DataError as error:
            page.stop(error, f'checklist("{checklist_id}")')
        edit = data_edit_url and f"{data_edit_url}{found.section}.yml"
        return page.uses(checklists.FEATURE, checklists.render_checklist(found, page.page_address, edit))

    for name, function in fact_macros(facts).items():  # fact(), fact_table(), facts_index()
        env.macro(page.reporting(function, name), name)

    @env.macro
    def last_reviewed() -> str:
        """When the page was last checked, shown under its title: the oldest checked date of the
        facts its Markdown calls, or its `reviewed:` front matter (that page variable would hide a
        macro of the same name) when a person re-reviewed it later. The head's metadata, written
        from page.meta after the macros run, gets the same date."""
        meta = getattr(page.page, "meta", None)
        meta = meta if isinstance(meta, dict) else {}
        try:
            day = reviewed_date(meta.get("reviewed"), page.name())
            meta["reviewed"] = page_reviewed(day, facts_used(page.markdown(), facts))
            return render_reviewed(meta["reviewed"], page.name())
        except DataError as error:
            page.stop(error)

    @env.macro
    def your_interview() -> str:
        """The home page's first screen: set up the interview, or the applications bar once set up."""
        bar = applications.render_application_bar(set_up=True, short_path="#short-on-time")
        return page.uses(applications.FEATURE, bar, with_bar=False)

    @env.macro
    def section_list() -> str:
        """The home page's list of the sections: title, link and what each covers (data/)."""
        return render_section_list(guide.sections)

    @env.macro
    def readiness() -> str:
        """Overall progress across every checklist, per section and per application."""
        summary = readiness_feature.render_readiness(guide.sections, page.page_address, practice.manifest(guide.deck),
                                                     with_manifest=page.once("manifest"))
        return page.uses(readiness_feature.FEATURE, summary)

    @env.macro
    def progress_tools() -> str:
        """Export and import controls for everything the reader saved."""
        tools = progress.render_progress_tools(guide.sections, MODULES, with_manifest=page.once("manifest"))
        return page.uses(progress.FEATURE, tools)

    @env.macro
    def cheat_sheet() -> str:
        """The one-page cheat sheet from every section's key points, plus the reader's notes."""
        downloads = [
            cheat_sheet_feature.Download(label, page.address(f"downloads/{name}", f"downloads/{name}"))
            for label, name in PDF_DOWNLOADS
            if (docs_dir / "downloads" / name).is_file()
        ]
        return page.uses(cheat_sheet_feature.FEATURE, cheat_sheet_feature.render_cheat_sheet(
            guide.sections, downloads, page.page_address, story_titles=stories.render_story_titles()))

    # The reader's tools; their behaviour is in docs/assets/guide/<feature>.js.
    @env.macro
    def interview_planner() -> str:
        """Dated preparation plan with calendar export (follow-up page)."""
        return page.uses(planner.FEATURE, planner.render_interview_planner(
            {"rehearse": page.page_address("practice.md")}))

    @env.macro
    def thank_you_drafter() -> str:
        """One editable thank-you message per interviewer (follow-up page)."""
        return page.uses(thank_you.FEATURE, thank_you.render_thank_you_drafter())

    @env.macro
    def offer_comparison() -> str:
        """Up to three offers side by side with yearly totals (offer page)."""
        return page.uses(offers.FEATURE, offers.render_offer_comparison())

    @env.macro
    def story_bank() -> str:
        """The reader's STAR stories with tags and a coverage map (background page)."""
        return page.uses(stories.FEATURE, stories.render_story_bank(themes, page.page_address("practice.md")))

    @env.macro
    def practice_deck() -> str:
        """The practice room around every practice question, grouped by section as plain HTML
        (practice page)."""
        return page.uses(practice.FEATURE, practice.render_practice_room(
            guide.deck, guide.sections, page.page_address("background.md#your-story-bank")))

    @env.macro
    def story_coverage() -> str:
        """Which common question themes have a story, read-only (role and teamwork pages)."""
        return page.uses(stories.FEATURE, stories.render_story_coverage(
            themes, page.page_address("background.md#your-story-bank")))

    @env.macro
    def recording_note() -> str:
        """What the practice room does with the microphone and a recording (the About page)."""
        return practice.RECORDING_NOTE

    @env.macro
    def application_fields() -> str:
        """What an application holds besides its data, in words (the About page)."""
        return applications.describe_fields()

    # Every page's macro calls, checked before any page is rendered: a misspelt macro or an
    # unclosed bracket stops the build with one line naming the page and the line as the editor
    # sees it, on every engine (mkdocs-macros would print a block of lines numbered from the end
    # of the front matter, Zensical a traceback).
    jinja_env = getattr(env, "env", None)
    if jinja_env is None:  # Zensical: no Jinja environment of its own to read
        import jinja2

        jinja_env = jinja2.Environment()
    known = set(env.variables) | set(env.macros) | set(env.filters) | set(jinja_env.globals) | PAGE_NAMES
    problem = check_pages(docs_dir, jinja_env, known)
    if problem:
        raise _abort(problem)
