"""The prose gates in `make lint` (codespell, pymarkdown with the project's config) catch mistakes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tools.sitekit import ROOT

BIN = Path(sys.executable).parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True)


def test_codespell_catches_a_typo(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Page\n\nRecieve the offer in writing.\n")
    result = run(str(BIN / "codespell"), str(page))
    assert result.returncode != 0 and "Recieve" in result.stdout


def test_markdown_linter_catches_a_style_slip(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: T\n---\n\n# Page\n\n## Same\n\n## Same\n")
    result = run(str(BIN / "pymarkdown"), "--config", str(ROOT / ".pymarkdown.json"), "scan", str(page))
    assert result.returncode != 0 and "MD024" in result.stdout
