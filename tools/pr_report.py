"""A pull request's report for reviewers, written by CI to the job summary (Markdown).

    python -m tools.pr_report --base origin/main --site site --junit reports/junit.xml \
        --artifact "Cheat sheet, A4 (PDF)=https://..."

It says which pages changed with their word counts before and after, which checklist item and practice question ids
were added, renamed or retired, how much room the printed cheat sheet has left on A4 and Letter,
how the accessibility (axe) and link gates did, and links the run's artifacts (CI passes each
upload's address; one not uploaded in this run comes with an empty address and is left out). Each part is a pure function over text, so
tests/unit/test_pr_report.py checks them without git, a build or a browser.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from macros.guide_data import (
    PRACTICE_FILE,
    PRACTICE_LEDGER,
    Guide,
    build_guide,
    load_guide,
    load_practice_deck,
    parse_section,
    read_ledger,
    section_files,
)
from tools.print_cheat_sheet import MARGIN, PAPERS
from tools.sitekit import ROOT

POINTS_PER_INCH = 72
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
LINK_TARGET = re.compile(r"\]\([^)]*\)")
WORD = re.compile(r"[A-Za-z0-9’']+")


def word_count(markdown: str) -> int:
    """Words a reader reads: without front matter, macro calls, comments and link targets."""
    text = FRONT_MATTER.sub("", markdown)
    for pattern in (MACRO, COMMENT, LINK_TARGET):
        text = pattern.sub(" ", text)
    return len(WORD.findall(text))


@dataclass
class PageChange:
    path: str
    before: int | None  # None: the page is new
    after: int | None  # None: the page was removed


def page_changes(before: dict[str, str], after: dict[str, str]) -> list[PageChange]:
    """Pages (path -> Markdown) that differ between the base and this branch."""
    changes = []
    for path in sorted(set(before) | set(after)):
        if before.get(path) != after.get(path):
            changes.append(PageChange(
                path,
                word_count(before[path]) if path in before else None,
                word_count(after[path]) if path in after else None,
            ))
    return changes


@dataclass
class IdChanges:
    added: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (old, new)
    retired: list[str] = field(default_factory=list)


def _items(guide: Guide) -> dict[str, tuple[str, ...]]:
    """<checklist>/<item> -> the item's old ids, as <checklist>/<old>; practice/<question> the same."""
    items = {
        f"{c.id}/{i.id}": tuple(f"{c.id}/{old}" for old in i.renamed_from)
        for c in guide.checklists.values()
        for i in c.items
    }
    return items | {
        f"{PRACTICE_LEDGER}/{q.id}": tuple(f"{PRACTICE_LEDGER}/{old}" for old in q.renamed_from)
        for q in guide.deck.questions
    }


def id_changes(base: Guide, head: Guide, base_retired: set[str], head_retired: set[str]) -> IdChanges:
    old, new = _items(base), _items(head)
    changes = IdChanges()
    for item, renamed_from in sorted(new.items()):
        if item in old:
            continue
        previous = [o for o in renamed_from if o in old]
        if previous:
            changes.renamed += [(o, item) for o in previous]
        else:
            changes.added.append(item)
    changes.retired = sorted(head_retired - base_retired)
    return changes


def sheet_fit(pdf: bytes) -> tuple[int, float]:
    """(pages, points of room left above the bottom margin on the first page)."""
    import pdfplumber

    margin = float(MARGIN["bottom"].removesuffix("in")) * POINTS_PER_INCH
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        first = document.pages[0]
        bottoms = [c["bottom"] for c in first.chars if c["text"].strip()]
        last = max(bottoms) if bottoms else 0.0
        return len(document.pages), round(first.height - margin - last, 1)


@dataclass
class Gate:
    name: str
    passed: int = 0
    failed: list[str] = field(default_factory=list)


GATES = {
    "Accessibility (axe, light and dark)": re.compile(r"axe"),
    "Links and anchors": re.compile(r"test_links\b|link_resolves|broken_link"),
}


def gates(junit_xml: str) -> list[Gate]:
    """Each gate's passed and failed tests, from pytest's JUnit XML."""
    root = ElementTree.fromstring(junit_xml)
    found = [Gate(name) for name in GATES]
    for case in root.iter("testcase"):
        label = f"{case.get('classname', '')}.{case.get('name', '')}"
        for gate, pattern in zip(found, GATES.values()):
            if pattern.search(label):
                if case.find("failure") is not None or case.find("error") is not None:
                    gate.failed.append(case.get("name", "?"))
                elif case.find("skipped") is None:
                    gate.passed += 1
    return found


def artifact_links(pairs: list[str]) -> list[tuple[str, str]]:
    """(label, address) from "label=address" arguments (the label holds no "="), leaving out those
    without an address."""
    split = (pair.partition("=") for pair in pairs)
    return [(label.strip(), address.strip()) for label, _, address in split if address.strip()]


def _words(n: int | None) -> str:
    return "–" if n is None else f"{n:,}"


def render(pages: list[PageChange], ids: IdChanges, sheets: dict[str, tuple[int, float]] | None,
           gate_results: list[Gate] | None, artifacts: list[tuple[str, str]] = ()) -> str:
    out = ["## What this pull request changes", ""]
    if artifacts:
        out += ["**Open from this run:** " + " · ".join(f"[{label}]({address})" for label, address in artifacts), ""]
    if pages:
        out += ["| page | words before | words after | change |", "| --- | ---: | ---: | ---: |"]
        for p in pages:
            delta = (p.after or 0) - (p.before or 0)
            out.append(f"| `{p.path}` | {_words(p.before)} | {_words(p.after)} | {delta:+,} |")
    else:
        out.append("No page in `docs/` changed.")
    out += ["", "**Checklist item and practice question ids**", ""]
    if ids.added or ids.renamed or ids.retired:
        out += [f"- added: `{i}`" for i in ids.added]
        out += [f"- renamed: `{old}` → `{new}` (readers' ticks follow)" for old, new in ids.renamed]
        out += [f"- retired: `{i}`" for i in ids.retired]
    else:
        out.append("No item id added, renamed or retired.")
    out += ["", "**Printed cheat sheet** (as `make pdf` prints it, notes empty)", ""]
    if sheets:
        for paper, (count, room) in sheets.items():
            verdict = "fits on one page" if count == 1 else f"**{count} pages: it no longer fits**"
            out.append(f"- {paper}: {verdict}, {room} pt left above the bottom margin")
    else:
        out.append("- not printed in this run")
    out += ["", "**Gates**", ""]
    for gate in gate_results or []:
        if gate.failed:
            out.append(f"- {gate.name}: **{len(gate.failed)} failed** ({', '.join(gate.failed[:5])}), "
                       f"{gate.passed} passed")
        else:
            out.append(f"- {gate.name}: all {gate.passed} passed")
    if gate_results is None:
        out.append("- no test results found")
    return "\n".join(out) + "\n"


# ---------- reading the repository (git) and the built site ----------

def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def files_at(ref: str, folder: str, suffix: str) -> dict[str, str]:
    names = [n for n in _git("ls-tree", "-r", "--name-only", ref, "--", folder).splitlines()
             if n.endswith(suffix)]
    return {name: _git("show", f"{ref}:{name}") for name in names}


def files_here(folder: str, suffix: str) -> dict[str, str]:
    return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted((ROOT / folder).rglob(f"*{suffix}"))}


def guide_at(ref: str) -> tuple[Guide, set[str]]:
    """The checklists, the practice deck (if `ref` had one) and retired ids as they were at `ref`."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in files_at(ref, "data", ".yml").items():
            (Path(tmp) / Path(name).name).write_text(text, encoding="utf-8")
        ledger = Path(tmp) / "_ledger.yml"
        retired = read_ledger(ledger)[1] if ledger.is_file() else set()
        sections = [parse_section(f"data/{p.name}", p.read_text(encoding="utf-8"))
                    for p in section_files(Path(tmp))]
        guide = build_guide(sections)
        if (Path(tmp) / PRACTICE_FILE).is_file():
            guide.deck = load_practice_deck(Path(tmp), [s.slug for s in guide.sections])
        return guide, retired


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="git ref to compare with, such as origin/main")
    parser.add_argument("--site", type=Path, help="built site holding downloads/*.pdf")
    parser.add_argument("--junit", type=Path, help="pytest's JUnit XML")
    parser.add_argument("--artifact", action="append", default=[], metavar="LABEL=URL",
                        help="an uploaded artifact to link (left out when URL is empty)")
    args = parser.parse_args(argv)

    base = _git("merge-base", args.base, "HEAD").strip()
    pages = page_changes(files_at(base, "docs", ".md"), files_here("docs", ".md"))
    base_guide, base_retired = guide_at(base)
    head_retired = read_ledger(ROOT / "data" / "_ledger.yml")[1]
    ids = id_changes(base_guide, load_guide(ROOT / "data"), base_retired, head_retired)
    sheets = None
    if args.site:
        pdfs = {paper: Path(args.site) / "downloads" / name for name, paper in PAPERS.items()}
        sheets = {paper: sheet_fit(path.read_bytes()) for paper, path in pdfs.items() if path.is_file()}
    results = gates(args.junit.read_text(encoding="utf-8")) if args.junit and args.junit.is_file() else None
    sys.stdout.write(render(pages, ids, sheets, results, artifact_links(args.artifact)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
