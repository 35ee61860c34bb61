"""Placeholder until the tool lands (issue 7)."""


def render_offer_comparison() -> str:
    return "<p>This tool is being built.</p>"
