"""Where Playwright's Chromium headless shell is: `python -m tools.playwright_shell [--link PATH]`.

On GitHub's runners CI installs the shell with `python -m playwright install --only-shell chromium`
(the browser the README recommends, at the build the locked Playwright names), and this links it
at the path the workflows give in $CHROMIUM, so tools/sitekit.py `find_chromium`, pytest's header
and `make pdf` all name that one binary. (A link at a fixed path, not a path written to
$GITHUB_ENV at run time, which zizmor rightly counts as a risk.) Playwright says where it installs
a browser (`install --dry-run`); the folder inside differs by platform, so the executable is found
by name.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

INSTALL = ("install", "--only-shell", "chromium")
SHELL_ID = "chromium-headless-shell"  # how Playwright names the shell in its listing
EXECUTABLES = ("chrome-headless-shell", "headless_shell")  # the name now, and before Playwright 1.49
NOT_INSTALLED = "Playwright's headless shell is not installed: run `python -m playwright install --only-shell chromium`"


def install_location(dry_run: str) -> Path | None:
    """The folder Playwright installs the headless shell into, from `playwright install --dry-run`'s
    listing (one block per browser: a title line naming it, then indented fields)."""
    in_shell_block = False
    for line in dry_run.splitlines():
        if line and not line[0].isspace():
            in_shell_block = f"playwright {SHELL_ID} " in line
        elif in_shell_block and line.strip().startswith("Install location:"):
            return Path(line.split(":", 1)[1].strip())
    return None


def executable_in(location: Path) -> Path | None:
    """The shell's executable inside its install folder, or None while it is not installed."""
    found = sorted(path for name in EXECUTABLES for path in location.glob(f"*/{name}")
                   if path.is_file() and os.access(path, os.X_OK))
    return found[0] if found else None


def headless_shell() -> Path | None:
    """Where the locked Playwright's headless shell is installed, or None."""
    listing = subprocess.run([sys.executable, "-m", "playwright", *INSTALL, "--dry-run"],
                             capture_output=True, text=True, timeout=120, check=True).stdout
    location = install_location(listing)
    return executable_in(location) if location else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--link", type=Path, help="make PATH a symbolic link to the shell")
    args = parser.parse_args(argv)
    shell = headless_shell()
    if shell is None:
        print(NOT_INSTALLED, file=sys.stderr)
        return 1
    if args.link:
        args.link.unlink(missing_ok=True)
        args.link.parent.mkdir(parents=True, exist_ok=True)
        args.link.symlink_to(shell)
    print(shell)
    return 0


if __name__ == "__main__":
    sys.exit(main())
