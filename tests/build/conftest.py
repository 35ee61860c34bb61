"""What the build tests share: an edited copy of the project, one per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.sitekit import copy_project


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of what a build reads, for the test to edit (tools/sitekit.py copy_project)."""
    return copy_project(tmp_path)
