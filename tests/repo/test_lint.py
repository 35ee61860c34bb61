"""The gates in `make lint` catch mistakes: codespell and pymarkdown (with the project's config) in
the prose, Ruff (with pyproject.toml's rules) in the Python."""

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


def test_ruff_catches_an_unused_import_and_an_undefined_name(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("import json\n\n\ndef shown():\n    return rendered\n")
    result = run(str(BIN / "ruff"), "check", "--config", str(ROOT / "pyproject.toml"), str(module))
    assert result.returncode != 0 and "F401" in result.stdout and "F821" in result.stdout, result.stdout
