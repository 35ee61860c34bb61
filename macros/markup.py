"""Markup every renderer shares: attribute escaping, the storage notice and the button classes.

The storage notice is part of the contract with guide.js, which shows it when the browser refuses
to save; one definition keeps every tool's copy the same.
"""

from __future__ import annotations

from html import escape

STORAGE_NOTICE = '<p class="sig-storage-notice" data-storage-notice role="alert" hidden></p>'
BUTTON_CLASS = "md-button sig-button"
BUTTON = f'type="button" class="{BUTTON_CLASS}"'


def attr(value: str) -> str:
    """Text made safe inside a double-quoted attribute."""
    return escape(value, quote=True)
