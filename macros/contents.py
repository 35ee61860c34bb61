"""The home page's list of the guide's sections, from data/: each one's title (the words the
navigation and the tools use too) linking to its page, and what it covers."""

from __future__ import annotations

from .guide_data import DataError, Section


def render_section_list(sections: tuple[Section, ...] | list[Section]) -> str:
    """Markdown: a numbered list in the guide's order (the sections come sorted), each title a
    link to its page's file, so MkDocs checks and resolves it."""
    return "\n".join(
        f"{number}. [{section.title}]({section.slug}.md): {section.summary}"
        for number, section in enumerate(sections, start=1)
    )


def _nav_titles(nav) -> dict[str, str]:
    """{page file: its title} of mkdocs.yml's nav, at any depth: as MkDocs reads it ({title:
    file} or {title: [entries]}) or as Zensical hands it over ({"title", "url", "children"})."""
    titles: dict[str, str] = {}
    for entry in nav if isinstance(nav, list) else []:
        if not isinstance(entry, dict):
            continue
        if "title" in entry and ("url" in entry or "children" in entry):
            if isinstance(entry.get("url"), str) and isinstance(entry.get("title"), str):
                titles[entry["url"]] = entry["title"]
            titles.update(_nav_titles(entry.get("children")))
            continue
        for title, target in entry.items():
            if isinstance(target, str):
                titles[target] = title
            else:
                titles.update(_nav_titles(target))
    return titles


def check_nav_titles(sections, nav, config_name: str = "mkdocs.yml") -> None:
    """The navigation names each section as its data file does: one name for one section."""
    titles = _nav_titles(nav)
    for section in sections:
        page = f"{section.slug}.md"
        if page in titles and titles[page] != section.title:
            raise DataError(
                f"{config_name}: the nav calls {page} {titles[page]!r} but data/{section.slug}.yml's "
                f"title is {section.title!r}; use the same words in both"
            )
