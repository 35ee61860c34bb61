"""requirements.lock names packages and hashes only: no index URL, no local path of the machine it
was made on (pip would print a warning per package, or fail, on every other machine)."""

from __future__ import annotations

import re

from tools.sitekit import ROOT

LOCAL = re.compile(r"file:|--(extra-)?index-url|--find-links|(^|\s)-f\s|(^|\s)(\.{0,2}/|~/)\S")


def local_lines(text: str) -> list[str]:
    """Lines that point pip somewhere other than the default index (comments aside)."""
    return [line for line in text.splitlines()
            if LOCAL.search(line.split("#", 1)[0])]


def test_the_lock_names_no_index_or_local_path():
    text = (ROOT / "requirements.lock").read_text()
    assert "--hash=sha256:" in text
    assert local_lines(text) == []


def test_the_check_catches_what_a_careless_lock_would_carry():
    planted = [
        "--extra-index-url file:///opt/pypi/simple",
        "--index-url https://mirror.example/simple",
        "--find-links /opt/wheels",
        "./vendor/pkg-1.0-py3-none-any.whl --hash=sha256:" + "0" * 64,
        "pkg @ file:///home/me/pkg",
    ]
    assert local_lines("\n".join(planted)) == planted
    assert local_lines("mkdocs==1.6.1 \\\n    --hash=sha256:" + "0" * 64 + "\n    # via -r pyproject.toml") == []
