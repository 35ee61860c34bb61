"""`make bench`: build time and every page's first-visit weight, against bare Material.

The comparison is Material building the same docs/ with the project's additions taken out: the
same palette, features and Markdown extensions from mkdocs.yml, but no macros, no extra CSS or
JavaScript and no overrides. Build time is the median of several `mkdocs build` runs (goal: at
most BUILD_TIMES_BARE times). Weight: every page loaded once in a fresh Chromium profile, each response counted
at its gzip size; "own" is the project's CSS and JavaScript that visit loaded (budgets in
tools/weight.py).
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

from tests.pages import PAGES
from tools.sitekit import ROOT, build_site, launch_chromium, serve, site_path
from tools.weight import (
    GUIDE_PARTS,
    KIB,
    MOST_TIMES_BARE,
    MOST_TIMES_BARE_WITHOUT_TOOLS,
    OWN_CODE_ANY_PAGE,
    OWN_CODE_WITHOUT_TOOLS,
    first_visit,
    own_code,
    total,
)

BUILD_TIMES_BARE = 1.3  # the build, minification included, against bare Material (issue 21)

RUNS = 5
ADDITIONS = ("extra_css", "extra_javascript", "watch", "hooks")


def bare_config(out: Path) -> Path:
    """mkdocs.yml without the project's additions, writing into `out`."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ADDITIONS:
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config["theme"].pop("favicon", None)  # ours is the guide's own; bare Material has its own
    config["plugins"] = [p for p in config.get("plugins", []) if p == "search" or "search" in p]
    config["docs_dir"] = str(ROOT / "docs")
    config["strict"] = False  # the macro calls stay in the pages as text
    config.pop("validation", None)
    path = out / "bare.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def median_build_seconds(config: Path, out: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(out)],
            check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def has_tool(site: Path, address: str) -> bool:
    """Whether the built page shows one of the reader's tools (its HTML is minified: attribute
    values may have no quotes)."""
    html = (site / address / "index.html").read_text(encoding="utf-8")
    shown = set(re.findall(r'data-guide-component="?([a-z-]+)', html))
    return bool(shown & set(tool_names()))


def tool_names() -> list[str]:
    from macros import FEATURES

    return [name for name in FEATURES if name not in GUIDE_PARTS]


def main() -> int:
    missed = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        bare = bare_config(tmp)
        ours_s = median_build_seconds(ROOT / "mkdocs.yml", tmp / "ours")
        bare_s = median_build_seconds(bare, tmp / "bare-timed")
        print(f"build time, median of {RUNS} runs of `mkdocs build` (process start included):")
        print(f"  this site      {ours_s:6.2f} s")
        print(f"  bare Material  {bare_s:6.2f} s   (same docs/, palette, features and extensions)")
        ratio = ours_s / bare_s
        print(f"  ratio          {ratio:6.2f}   (goal: at most {BUILD_TIMES_BARE:g}){'' if ratio <= BUILD_TIMES_BARE else '  over the goal'}")

        site, bare_site = tmp / "site", tmp / "bare"
        site.mkdir()
        bare_site.mkdir()
        prefix = site_path()
        with serve(site, prefix) as url, serve(bare_site, prefix) as bare_url, sync_playwright() as playwright:
            build_site(site, site_url=url)
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(bare),
                 "--site-dir", str(bare_site)],
                check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            browser = launch_chromium(playwright)
            print("\nfirst visit, fresh profile, gzip KiB. own: the project's CSS and JavaScript")
            print(f"(goal {OWN_CODE_WITHOUT_TOOLS / KIB:g} on a page without the reader's tools, "
                  f"{OWN_CODE_ANY_PAGE / KIB:g} on any); ratio: total against bare Material "
                  f"(goal at most {MOST_TIMES_BARE:g})")
            print(f"  {'page':<18}{'tools':>6}{'own':>7}{'total':>8}{'bare':>8}{'ratio':>7}")
            for address in PAGES:
                ours = first_visit(browser, url + address)
                theirs = first_visit(browser, bare_url + address)
                tools = has_tool(site, address)
                own, whole, base = own_code(ours), total(ours), total(theirs)
                ratio = whole / base
                ok = (own <= (OWN_CODE_ANY_PAGE if tools else OWN_CODE_WITHOUT_TOOLS)
                      and ratio <= (MOST_TIMES_BARE if tools else MOST_TIMES_BARE_WITHOUT_TOOLS))
                missed += not ok
                print(f"  /{address:<17}{'yes' if tools else 'no':>6}{own / KIB:>7.1f}{whole / KIB:>8.1f}"
                      f"{base / KIB:>8.1f}{ratio:>7.2f}{'' if ok else '  over the goal'}")
            browser.close()
    print(f"\n{'every page meets the goals' if not missed else f'{missed} page(s) over a goal'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
