"""The lock files: what `make install` and CI install is what Dependabot's pip ecosystem updates;
every package is pinned with its hashes, names no index or local path, and each engine's pin is
written in its lock and nowhere else."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess

import yaml
from packaging.requirements import Requirement
from packaging.version import Version

from tools.sitekit import ROOT

LOCKS = {"requirements.txt": "requirements.in", "requirements-engines.txt": "requirements-engines.in"}
LOCAL = re.compile(r"file:|--(extra-)?index-url|--find-links|(^|\s)-f\s|(^|\s)(\.{0,2}/|~/)\S")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\$")
HASH = re.compile(r"--hash=sha256:([0-9a-f]{64})")


def local_lines(text: str) -> list[str]:
    """Lines that point pip somewhere other than the default index (comments aside)."""
    return [line for line in text.splitlines()
            if LOCAL.search(line.split("#", 1)[0])]


def pins(lock: str) -> dict[str, tuple[str, frozenset[str]]]:
    """{name: (version, hashes)} of a pip-compile lock; fails on a requirement that is not `==`."""
    found, name = {}, None
    for line in (ROOT / lock).read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            match = PIN.match(line)
            assert match, f"{lock}: `{line}` is not pinned with ==, followed by its hashes"
            name = match[1].lower()
            found[name] = (match[2], frozenset())
        found[name] = (found[name][0], found[name][1] | set(HASH.findall(line)))
    return found


def ranges(source: str) -> dict[str, Requirement]:
    lines = (line.split("#", 1)[0].strip() for line in (ROOT / source).read_text().splitlines())
    return {(r := Requirement(line)).name.lower(): r for line in lines if line and not line.startswith("-")}


def test_the_locks_name_no_index_or_local_path():
    for lock in LOCKS:
        assert local_lines((ROOT / lock).read_text()) == [], lock


def test_the_check_catches_what_a_careless_lock_would_carry():
    planted = [
        "--extra-index-url file:///opt/pypi/simple",
        "--index-url https://mirror.example/simple",
        "--find-links /opt/wheels",
        "./vendor/pkg-1.0-py3-none-any.whl --hash=sha256:" + "0" * 64,
        "pkg @ file:///home/me/pkg",
    ]
    assert local_lines("\n".join(planted)) == planted
    assert local_lines("mkdocs==1.6.1 \\\n    --hash=sha256:" + "0" * 64 + "\n    # via -r requirements.in") == []


def test_every_locked_package_is_pinned_with_hashes_and_both_locks_agree():
    main, engines = pins("requirements.txt"), pins("requirements-engines.txt")
    for lock in (main, engines):
        assert lock and all(hashes for _, hashes in lock.values())
    shared = set(main) & set(engines)
    assert shared and {name: engines[name] for name in shared} == {name: main[name] for name in shared}


def test_each_lock_is_pip_compiles_output_of_its_in_file_with_hashes():
    """What Dependabot's pip-compile support reads: the .in beside its .txt, and the command in the
    header, which it runs again to make its pull request's lock."""
    for lock, source in LOCKS.items():
        header = (ROOT / lock).read_text().split("\n\n", 1)[0]
        command = next(line for line in header.splitlines() if line.lstrip("# ").startswith("pip-compile "))
        assert "--generate-hashes" in command and f"--output-file={lock}" in command, command
        assert command.rstrip().endswith(f" {source}"), command
        assert set(ranges(source)) <= set(pins(lock)), f"{source} names a package {lock} does not pin"


def test_dependabot_updates_the_locks_make_install_installs():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    [pip] = [u for u in config["updates"] if u["package-ecosystem"] == "pip"]
    assert pip["directory"] == "/" and all((ROOT / name).is_file() for pair in LOCKS.items() for name in pair)
    # What `make install` runs, read from make itself (dry run, every target out of date).
    commands = subprocess.run(["make", "--dry-run", "--always-make", "install"], cwd=ROOT, capture_output=True,
                              text=True, timeout=60, check=True).stdout
    assert "--require-hashes" in commands and "-r requirements.txt" in commands, commands


def test_dependabot_proposes_no_mkdocs_that_requirements_in_keeps_out():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    [pip] = [u for u in config["updates"] if u["package-ecosystem"] == "pip"]
    [ignored] = [i for i in pip["ignore"] if i["dependency-name"] == "mkdocs"]
    allowed = ranges("requirements.in")["mkdocs"].specifier
    first_kept_out = Version(re.fullmatch(r">=\s*(\S+)", ignored["versions"][0])[1])
    assert first_kept_out not in allowed and Version(f"{first_kept_out.major - 1}.99") in allowed


def test_lower_bounds_are_at_least_what_material_requires():
    ours = ranges("requirements.in")
    checked = 0
    for text in importlib.metadata.requires("mkdocs-material"):
        theirs = Requirement(text)
        if theirs.marker is None and theirs.name.lower() in ours:
            floor = [Version(s.version) for s in theirs.specifier if s.operator == ">="]
            mine = [Version(s.version) for s in ours[theirs.name.lower()].specifier if s.operator == ">="]
            assert mine and floor and max(mine) >= max(floor), f"requirements.in: {theirs.name} below {theirs}"
            checked += 1
    assert checked >= 2  # mkdocs and pymdown-extensions at least


def tracked_text_files():
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in names.splitlines():
        path = ROOT / name
        if path.is_file():
            try:
                yield name, path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue


def test_each_engine_pin_is_written_in_its_lock_and_nowhere_else():
    locked = pins("requirements-engines.txt")
    engines = {name: locked[name][0] for name in ranges("requirements-engines.in")}
    assert set(engines) == {"zensical", "properdocs"}
    pinned = {name: re.compile(rf"{name}\s*==|{name}\s+v?{re.escape(version)}\b", re.I)
              for name, version in engines.items()}
    found = [f"{file}: {pattern.pattern}" for file, text in tracked_text_files()
             if file != "requirements-engines.txt" for pattern in pinned.values() if pattern.search(text)]
    assert found == []
