"""Screenshot pages in light, dark and phone width: python -m tools.screenshots OUT_DIR [PAGE ...]

Builds the site into a temporary folder, serves it and saves one PNG per page and view, so a
change can be looked at before it is proposed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.sitekit import build_site, launch_chromium, serve, site_path

VIEWS = {
    "light": dict(viewport={"width": 1280, "height": 900}, color_scheme="light"),
    "dark": dict(viewport={"width": 1280, "height": 900}, color_scheme="dark"),
    "phone": dict(viewport={"width": 390, "height": 844}, color_scheme="light", is_mobile=True),
}


def main(out_dir: str, pages: list[str]) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        with serve(Path(tmp), site_path()) as base, sync_playwright() as p:
            build_site(Path(tmp), site_url=base)
            browser = launch_chromium(p)
            for name, options in VIEWS.items():
                context = browser.new_context(**options)
                page = context.new_page()
                for address in pages or [""]:
                    page.goto(base + address)
                    page.wait_for_load_state("networkidle")
                    stem = address.strip("/").replace("/", "-") or "home"
                    page.screenshot(path=out / f"{stem}-{name}.png", full_page=True)
                context.close()
            browser.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
