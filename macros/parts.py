"""The parts of the reader's data, each declared once by the feature that keeps it.

A feature module sets PART = Part(...). The core's configuration (core.py `data_layout`) and the
import's checks (progress.py `limits`) read these declarations and nothing else of a feature's, so
neither names a feature. Storage and files: ARCHITECTURE.md, "The reader's data".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """One part of the reader's data. `name` is a tool's store (tool:<name> in storage, under
    "tools" in an exported file) or, with tool=False, a part the core keeps itself (the record, the
    notes). `label` and `summary` (one, more) are how the import names and counts it to the reader."""

    name: str
    label: str
    summary: tuple[str, str] = ("", "")
    kind: str = "list"  # or "record": a stored value of the other shape is held aside, never overwritten
    shared: bool = False  # one part for every application, else one per application
    lifted: tuple[str, ...] = ()  # fields an older version kept here that now live in the record
    tool: bool = True
