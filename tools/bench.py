"""`make bench`: the site's build time against bare Material, and each page's first-visit weight.

Build time: median of several `mkdocs build` runs of this project, and of bare Material building
the same docs/ with no plugins and no Markdown extensions (the goal is at most 1.5 times). Weight:
every page loaded once in a fresh Chromium profile, each response counted at its gzip size.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.pages import PAGES
from tools.sitekit import ROOT, build_site, launch_chromium, serve, site_path
from tools.weight import first_visit

RUNS = 5
BARE_CONFIG = """\
site_name: Bare Material
docs_dir: {docs}
theme:
  name: material
plugins: []
"""


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


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        bare = tmp / "bare.yml"
        bare.write_text(BARE_CONFIG.format(docs=ROOT / "docs"))
        ours_s = median_build_seconds(ROOT / "mkdocs.yml", tmp / "ours")
        bare_s = median_build_seconds(bare, tmp / "bare")
        print(f"build time, median of {RUNS} runs of `mkdocs build` (process start included):")
        print(f"  this site      {ours_s:6.2f} s")
        print(f"  bare Material  {bare_s:6.2f} s   (same docs/, no plugins, no extensions)")
        print(f"  ratio          {ours_s / bare_s:6.2f}   (goal: at most 1.5)")

        site = tmp / "site"
        site.mkdir()
        with serve(site, site_path()) as url, sync_playwright() as playwright:
            build_site(site, site_url=url)
            browser = launch_chromium(playwright)
            print("\nfirst visit, fresh profile, gzip sizes (limit 150 KB per page):")
            print(f"  {'page':<18}{'requests':>9}{'raw KB':>9}{'gzip KB':>9}")
            for address in PAGES:
                resources = first_visit(browser, url + address)
                raw = sum(r.raw for r in resources) / 1024
                sent = sum(r.transferred for r in resources) / 1024
                print(f"  /{address:<17}{len(resources):>9}{raw:>9.1f}{sent:>9.1f}")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
