"""Build the site once and print its cheat sheet to PDF (A4 and US Letter): `make pdf`.

The cheat sheet links a PDF only when docs/downloads/ holds it at build time (macros.PDF_DOWNLOADS),
so empty stand-ins are put there first, the site is built once into site/, and the PDFs printed
from that build replace the stand-ins in site/downloads/ and docs/downloads/ (not committed; kept
so `make serve` links them too). Without this step the site simply has no download links, never a
broken one; if printing fails, the stand-ins this run made are removed again.
"""

from __future__ import annotations

import sys
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


def print_pdfs(site_dir: Path, out_dirs: list[Path]) -> list[Path]:
    """Print the built site's cheat sheet into each of `out_dirs`, served as GitHub Pages serves it."""
    written = []
    with serve(site_dir, site_path()) as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.goto(url + "cheat-sheet/")
        for _, name in PDF_DOWNLOADS:
            pdf = print_pdf(page, PAPERS[name])
            for out_dir in out_dirs:
                out_dir.mkdir(parents=True, exist_ok=True)
                (out_dir / name).write_bytes(pdf)
                written.append(out_dir / name)
        browser.close()
    return written


def main(site_dir: str = "site") -> int:
    site = ROOT / site_dir
    downloads = ROOT / "docs" / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    stand_ins = [downloads / name for _, name in PDF_DOWNLOADS if not (downloads / name).is_file()]
    for stand_in in stand_ins:
        stand_in.write_bytes(b"")
    try:
        build_site(site)
        print(f"built {site_dir}/ with the cheat sheet linking its PDFs")
        for path in print_pdfs(site, [site / "downloads", downloads]):
            print(f"printed {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
    except BaseException:
        for stand_in in stand_ins:
            stand_in.unlink(missing_ok=True)
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
