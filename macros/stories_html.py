"""Placeholder until the tool lands (issue 7)."""


def render_story_bank(resolve_page=None) -> str:
    return "<p>This tool is being built.</p>"


def render_story_coverage(resolve_page=None) -> str:
    return "<p>This tool is being built.</p>"
