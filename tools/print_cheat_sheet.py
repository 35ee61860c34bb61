"""Print the cheat sheet to PDF (A4 and US Letter) and build the site linking them: `make pdf`.

The PDFs go to docs/downloads/ (not committed), then the site is built again into site/ so the
cheat sheet links them. Without this step the site simply has no download links, never a
broken one.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from macros import PDF_DOWNLOADS
from tools.sitekit import ROOT, build_site, launch_chromium, serve, site_path

PAPERS = {"cheat-sheet-a4.pdf": "A4", "cheat-sheet-letter.pdf": "Letter"}
# The browser's default margins; the tests print with the same call, so they prove these PDFs.
MARGIN = {side: "0.4in" for side in ("top", "right", "bottom", "left")}


def print_pdf(page, paper: str, path: Path | None = None) -> bytes:
    """The open page as a PDF on A4 or Letter, backgrounds included."""
    return page.pdf(path=str(path) if path else None, format=paper, margin=MARGIN, print_background=True)


def print_pdfs(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp), site_path()) as url:
        build_site(Path(tmp), site_url=url)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page()
            page.goto(url + "cheat-sheet/")
            for _, name in PDF_DOWNLOADS:
                target = out_dir / name
                print_pdf(page, PAPERS[name], target)
                written.append(target)
            browser.close()
    return written


def main(site_dir: str = "site") -> int:
    for path in print_pdfs(ROOT / "docs" / "downloads"):
        print(f"printed {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
    build_site(ROOT / site_dir)
    print(f"built {site_dir}/ with the PDFs linked from the cheat sheet")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
