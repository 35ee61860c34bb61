"""tests/unit/ stays honest: no browser, no subprocess, no build; so it runs in seconds anywhere."""

from __future__ import annotations

import ast

import pytest

from tools.sitekit import ROOT

SLOW_IMPORTS = {"subprocess", "playwright", "axe_playwright_python"}
SLOW_FIXTURES = {"page", "scheme_page", "context", "browser", "playwright", "served_site", "site_dir",
                 "base_url", "soup_of"}
SLOW_CALLS = {"build_site", "copy_project", "serve", "launch_chromium"}


def problems(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"imports {a.name}" for a in node.names if a.name.split(".")[0] in SLOW_IMPORTS]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in SLOW_IMPORTS:
            found.append(f"imports {node.module}")
        elif isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            found += [f"{node.name} uses the {a.arg} fixture" for a in node.args.args if a.arg in SLOW_FIXTURES]
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in SLOW_CALLS:
            found.append(f"calls {getattr(node.func, 'id', getattr(node.func, 'attr', ''))}")
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "unit").glob("test_*.py")), ids=lambda p: p.name)
def test_unit_tests_need_no_browser_build_or_subprocess(path):
    assert problems(path.read_text(encoding="utf-8")) == []


def test_the_tier_check_catches_a_browser_test_in_the_wrong_place():
    planted = "import subprocess\nfrom tools.sitekit import build_site\n\ndef test_x(page):\n    build_site(1)\n"
    assert problems(planted) == ["imports subprocess", "test_x uses the page fixture", "calls build_site"]
