"""`make lighthouse`: Lighthouse's mobile performance score of every page, beside bare Material
building the same docs/ in the same run (tools/bench.py's comparison).

Lighthouse is Google's own audit (npm: lighthouse, run with npx; it needs Node.js 18.16 or newer
and a Chromium: $CHROMIUM, else the one tools/sitekit.py finds). Its mobile preset simulates a
mid-range phone on a slow 4G network. Each line gives the score (0-100), First and Largest
Contentful Paint, Total Blocking Time and Cumulative Layout Shift for this site, then for bare
Material.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.pages import PAGES
from tools.bench import bare_config
from tools.sitekit import ROOT, build_site, find_chromium, serve, site_path

LIGHTHOUSE = "lighthouse@12.8.2"  # the newest release that runs on Node.js 20
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP",
           "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS"}


def audit(url: str, chromium: str, out: Path) -> dict:
    """One Lighthouse run: {score, FCP, LCP, TBT, CLS}."""
    report = out / "report.json"
    subprocess.run(
        ["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--only-categories=performance", "--output=json",
         f"--output-path={report}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        check=True, env={**os.environ, "CHROME_PATH": chromium}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    data = json.loads(report.read_text(encoding="utf-8"))
    found = {"score": round(100 * data["categories"]["performance"]["score"])}
    for audit_id, name in METRICS.items():
        found[name] = data["audits"][audit_id]["numericValue"]
    return found


def line(found: dict) -> str:
    return (f"{found['score']:>4} {found['FCP'] / 1000:>5.1f} s {found['LCP'] / 1000:>5.1f} s "
            f"{found['TBT']:>5.0f} ms {found['CLS']:>5.2f}")


def main() -> int:
    if not shutil.which("npx"):
        print("make lighthouse needs Node.js 18.16 or newer (npx) to run Lighthouse", file=sys.stderr)
        return 2
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or find_chromium()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site, bare = tmp / "site", tmp / "bare"
        site.mkdir()
        bare.mkdir()
        prefix = site_path()
        with serve(site, prefix, gzip=True) as url, serve(bare, prefix, gzip=True) as bare_url:
            build_site(site, site_url=url)
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(bare_config(tmp)),
                            "--site-dir", str(bare)], check=True, cwd=ROOT,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True)
            print(f"Lighthouse ({LIGHTHOUSE}), mobile, performance: score, FCP, LCP, TBT, CLS")
            print(f"  {'page':<18}{'this site':<36}bare Material")
            below = 0
            for address in PAGES:
                ours, theirs = audit(url + address, chromium, tmp), audit(bare_url + address, chromium, tmp)
                below += ours["score"] < 100
                print(f"  /{address:<17}{line(ours):<36}{line(theirs)}")
    print(f"\n{'every page scores 100' if not below else f'{below} page(s) under 100'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
