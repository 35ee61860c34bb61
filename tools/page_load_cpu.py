"""Where a browser test's time goes: the CPU one page load costs, per Chromium process type.

    .venv/bin/python -m tools.page_load_cpu [ADDRESS ...] [--loads N] [--searchless]
    CHROMIUM=/usr/bin/chromium .venv/bin/python -m tools.page_load_cpu   # another browser

Builds the site, then loads each address N times in one tab (a reused tab, so no process start is
counted) and once per fresh profile (what the `page` fixture pays), and prints the CPU seconds
each process type spent per load, read from /proc (Linux only). On a 2-core machine the browser
suite is bound by this CPU, not by waiting: fewer page loads is what makes it faster.
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.sitekit import build_site, find_chromium, launch_chromium, serve, site_path

TICKS = os.sysconf("SC_CLK_TCK")
READY = "[data-md-component=content]"


def _descendants() -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # the process ended while we looked
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = set(), [os.getpid()]
    while todo:
        pid = todo.pop()
        found.add(pid)
        todo += children.get(pid, [])
    return found


def cpu_by_process() -> dict[int, tuple[str, float]]:
    """CPU seconds used so far by this process and each descendant, with its kind: Chromium's
    --type (renderer, gpu-process, utility), "browser" for Chromium's main process, "driver" for
    Playwright's, "python" for this one."""
    found: dict[int, tuple[str, float]] = {}
    for pid in _descendants():
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        kind = re.search(r"--type=([\w-]+)", command)
        name = kind.group(1) if kind else ("browser" if "chrom" in command else
                                           "python" if pid == os.getpid() else "driver")
        found[pid] = (name, (int(fields[11]) + int(fields[12])) / TICKS)
    return found


def _spent(before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]]) -> dict[str, float]:
    """CPU seconds per kind between two readings; a process that ended in between is not counted."""
    spent: dict[str, float] = {}
    for pid, (kind, seconds) in after.items():
        spent[kind] = spent.get(kind, 0.0) + seconds - before.get(pid, (kind, 0.0))[1]
    return spent


def _load(tab, url: str) -> None:
    tab.goto(url)
    tab.wait_for_selector(READY, state="attached")
    tab.wait_for_load_state("load")


def _report(address: str, where: str, spent: dict[str, float], loads: int) -> None:
    kinds = ", ".join(f"{kind} {seconds / loads * 1000:.0f}" for kind, seconds in
                      sorted(spent.items(), key=lambda item: -item[1]) if seconds > 0)
    print(f"/{address} in {where}: {sum(spent.values()) / loads * 1000:.0f} ms CPU per load ({kinds})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("addresses", nargs="*", default=["", "about/", "background/"])
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--searchless", action="store_true",
                        help="serve the search index without pages, as the browser tests' server does")
    args = parser.parse_args()
    print("browser:", find_chromium() or "Playwright's own Chromium")
    with tempfile.TemporaryDirectory() as folder, serve(Path(folder), site_path(), searchless=args.searchless) as url:
        build_site(Path(folder), site_url=url)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            tab = browser.new_context().new_page()
            for address in args.addresses:
                tab.goto(url + address)  # warm the cache, as later loads in a test are
                before = cpu_by_process()
                for _ in range(args.loads):
                    _load(tab, url + address)
                _report(address, "a reused tab", _spent(before, cpu_by_process()), args.loads)
                fresh: dict[str, float] = {}
                for _ in range(args.loads):
                    before = cpu_by_process()
                    profile = browser.new_context()
                    _load(profile.new_page(), url + address)
                    # Read before closing: a closed profile's renderer is gone with its count.
                    for kind, seconds in _spent(before, cpu_by_process()).items():
                        fresh[kind] = fresh.get(kind, 0.0) + seconds
                    profile.close()
                _report(address, "a fresh profile", fresh, args.loads)
            browser.close()


if __name__ == "__main__":
    main()
