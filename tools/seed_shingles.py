"""Record fingerprints of the seed outline's 8-word runs, so tests can prove none is copied.

Maintainers run `python -m tools.seed_shingles PATH/TO/second-interview.txt` once, where the seed
exists; it writes tests/data/seed-shingles.txt with one SHA-256 per 8-word run. The text itself is
not stored, and the tests never need the seed file (contributors' clones do not have it).
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

RUN = 8
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "seed-shingles.txt"


def words(text: str) -> list[str]:
    """Lower-case words; any other character (apostrophes, punctuation) separates them."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).split()


def shingles(text: str, run: int = RUN) -> set[str]:
    tokens = words(text)
    return {
        hashlib.sha256(" ".join(tokens[i : i + run]).encode()).hexdigest()
        for i in range(len(tokens) - run + 1)
    }


def read_prints(path: Path = OUT) -> set[str]:
    return set(Path(path).read_text(encoding="utf-8").split())


def main(seed: str, out: Path = OUT) -> int:
    prints = sorted(shingles(Path(seed).read_text(encoding="utf-8")))
    Path(out).write_text("\n".join(prints) + "\n", encoding="utf-8")
    print(f"{len(prints)} fingerprints written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
