"""Placeholder until the tool lands (issue 7)."""


def render_interview_planner() -> str:
    return "<p>This tool is being built.</p>"


def render_thank_you_drafter() -> str:
    return "<p>This tool is being built.</p>"
