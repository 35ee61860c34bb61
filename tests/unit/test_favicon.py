"""The site's icon (tools/favicon.py): the committed file is the drawing, and it stays small."""

from __future__ import annotations

import io

from PIL import Image

from tools.favicon import FAVICON, INDIGO, SIZE, favicon_png

# Material's default icon is 1870 bytes; ours exists to leave room under the first-visit limit.
MOST_BYTES = 1024


def test_the_committed_icon_is_what_the_tool_draws():
    assert FAVICON.read_bytes() == favicon_png(), "run `.venv/bin/python -m tools.favicon` after changing it"


def test_the_icon_is_a_small_indigo_square_with_round_corners():
    drawn = favicon_png()
    assert len(drawn) <= MOST_BYTES
    image = Image.open(io.BytesIO(drawn)).convert("RGBA")
    assert image.size == (SIZE, SIZE)
    assert image.getpixel((0, 0))[3] == 0, "the corners are see-through"
    edge = image.getpixel((SIZE // 2, 2))
    assert all(abs(a - b) <= 8 for a, b in zip(edge, INDIGO)), edge
    assert min(image.getpixel((20, 32))[:3]) > 230, "the tick's elbow is white"
