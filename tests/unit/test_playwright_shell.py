"""tools.playwright_shell reads where Playwright installs its headless shell and finds the program
inside, on listings in Playwright's `install --dry-run` form (the real listing is read by
tests/repo/test_ci_browser.py)."""

from __future__ import annotations

from pathlib import Path

from tools.playwright_shell import EXECUTABLES, executable_in, install_location

LISTING = """\
Chrome for Testing 159.0.8154.6 (playwright chromium v1255)
  Install location:    /cache/ms-playwright/chromium-1255
  Download url:        https://example.org/chrome-linux64.zip

Chrome Headless Shell 159.0.8154.6 (playwright chromium-headless-shell v1255)
  Install location:    /cache/ms-playwright/chromium_headless_shell-1255
  Download url:        https://example.org/chrome-headless-shell-linux64.zip

FFmpeg (playwright ffmpeg v1013)
  Install location:    /cache/ms-playwright/ffmpeg-1013
"""


def test_the_shells_own_block_gives_its_install_location():
    assert install_location(LISTING) == Path("/cache/ms-playwright/chromium_headless_shell-1255")
    without_shell = LISTING.split("\n\n")[0] + "\n"
    assert install_location(without_shell) is None


def test_the_executable_is_found_by_name_in_any_platform_folder(tmp_path):
    assert executable_in(tmp_path) is None
    program = tmp_path / "chrome-headless-shell-mac-arm64" / EXECUTABLES[0]
    program.parent.mkdir()
    program.write_text("")
    assert executable_in(tmp_path) is None  # not executable yet
    program.chmod(0o755)
    assert executable_in(tmp_path) == program
