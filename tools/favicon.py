"""The site's icon, drawn here: `.venv/bin/python -m tools.favicon` writes FAVICON.

A white tick (the guide's checklists) on the theme's indigo, as a 48-pixel PNG of 16 colours. It
replaces Material's default icon, a 1.8 KiB PNG that every first visit fetches, with one of about
0.6 KiB: headroom under the first-visit weight limit (tests/browser/test_privacy_and_weight.py).
Pillow comes with pdfplumber, so the lock pins it and the same drawing gives the same bytes.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from tools.sitekit import ROOT

FAVICON = ROOT / "docs" / "assets" / "images" / "guide-icon.png"
SIZE = 48
INDIGO = (63, 81, 181, 255)  # Material's indigo, the palette's primary colour in mkdocs.yml
WHITE = (255, 255, 255, 255)
SCALE = 8  # drawn this many times larger, then scaled down, for smooth edges
COLOURS = 16


def favicon_png() -> bytes:
    """The icon as PNG bytes."""
    big = SIZE * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([0, 0, big - 1, big - 1], radius=10 * SCALE, fill=INDIGO)
    tick = [(12 * SCALE, 25 * SCALE), (20.5 * SCALE, 33 * SCALE), (36 * SCALE, 15 * SCALE)]
    draw.line(tick, fill=WHITE, width=6 * SCALE, joint="curve")
    for x, y in (tick[0], tick[-1]):  # round ends
        radius = 3 * SCALE
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=WHITE)
    small = image.resize((SIZE, SIZE), Image.LANCZOS).quantize(COLOURS, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    small.save(out, "PNG", optimize=True)
    return out.getvalue()


def main() -> None:
    FAVICON.write_bytes(favicon_png())
    print(f"wrote {FAVICON.relative_to(ROOT)} ({FAVICON.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
