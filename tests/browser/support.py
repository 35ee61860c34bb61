"""What several browser test files share: storage access, broken-storage scripts, imports, axe."""

from __future__ import annotations

import contextlib
import json
import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

KEY = "second-interview-guide:v1"

# Plain Errors (not DOMExceptions) carry a stack, so a failure can be traced to its script.
DENIED = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new Error("SecurityError: the operation is insecure"); },
});
"""
FULL = """
Storage.prototype.setItem = function () {
  throw new Error("QuotaExceededError: the quota has been exceeded");
};
"""

_AXE = Axe()


def stored_text(page) -> str | None:
    return page.evaluate(f"localStorage.getItem('{KEY}')")


def stored(page) -> dict:
    return json.loads(stored_text(page) or "{}")


def at(address: str) -> re.Pattern:
    """A URL pattern for wait_for_url: the page at `address` (such as "culture/"), with or without
    the #fragment Material's navigation.tracking adds while the reader scrolls."""
    return re.compile(re.escape("/" + address.lstrip("/")) + r"(#.*)?$")


# Colour transitions still running (Material's palette switch, button hovers) would let axe
# measure contrast between two colours; wait until none is running instead of sleeping.
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


def violations(page, context: str | None = None) -> list[str]:
    """Each axe violation as a to-do line: rule, impact, what to fix, where."""
    page.wait_for_function(SETTLED)
    result = _AXE.run(page, context=context) if context else _AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in result.response["violations"]
    ]


@contextlib.contextmanager
def one_page(browser, url: str, ready: str):
    """One page load shared by a module's tests of pure functions (they change no state): open
    `url`, wait for `ready`, close the profile afterwards, and fail on an uncaught page error."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error}"))
    page.goto(url)
    page.wait_for_selector(ready, state="attached")
    yield page
    context.close()
    assert not errors, f"uncaught JavaScript errors on the page: {errors}"


def import_here(page, file) -> None:
    """Import through the real export/import control, fetched from the home page and added to
    this page: the core then mounts it (as after an instant navigation) and the import refreshes
    the features already on the page, which the home page's import never needs to."""
    page.evaluate("""() => fetch(__md_scope).then((response) => response.text()).then((html) => {
        const home = new DOMParser().parseFromString(html, 'text/html');
        document.body.appendChild(document.adoptNode(home.querySelector('[data-progress-tools]')));
        document$.next(document);
    })""")
    page.wait_for_selector("body > [data-progress-tools][data-progress-ready]", state="attached")
    page.set_input_files("body > [data-progress-tools] [data-progress-import]", str(file))
    expect(page.locator("body > [data-progress-tools] [data-progress-message]")).to_contain_text("restored")


def page_with_storage(context, script: str):
    """A new page whose storage is broken by `script` (DENIED or FULL). Page errors are kept, with
    their stacks, so a test can tell which script threw: see errors_from."""
    context.add_init_script(script)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(f"{error}\n{error.stack}"))
    return page


def errors_from(page, *scripts: str) -> list[str]:
    return [error for error in page.errors if any(script in error for script in scripts)]


def instant_ready(page) -> None:
    """Wait until Material's instant navigation can take a click: it intercepts only links listed
    in sitemap.xml, which it fetches after the page loads; a click before that is a full reload."""
    page.wait_for_load_state("networkidle")


def via_link_and_back(page, there: str, here: str) -> None:
    """Follow the navigation link to `there` (Material's instant navigation), then go back."""
    instant_ready(page)
    page.click(f".md-nav--primary a[href$='{there}']")
    page.wait_for_url(at(there))
    page.go_back()
    page.wait_for_url(at(here))


# Storage layout v2 (guide.js, ARCHITECTURE.md): one entry per part, in a scope ("main" today,
# one per application later) or "shared". PARTS matches an entry's key.
V2 = "second-interview-guide:v2"
PARTS = re.compile(r"second-interview-guide:v2:(main|shared):(checklists|notes|tool:(.+))")


def entries(page) -> dict[str, str]:
    """Every localStorage entry of the page's origin, as stored text."""
    return page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]))")


def saved(page) -> dict:
    """What the guide keeps for the reader, read from the v2 entries themselves and put together as
    version 1 held it: {"checklists": ..., "notes": ..., "tools": {"stories": ..., ...}}."""
    state: dict = {"checklists": {}, "notes": {}, "tools": {}}
    for key, text in entries(page).items():
        match = PARTS.fullmatch(key)
        if match:
            value = json.loads(text)
            if match.group(3):
                state["tools"][match.group(3)] = value
            else:
                state[match.group(2)] = value
    return state


def import_and_replace_here(page, file) -> None:
    """import_here when the page already holds progress: the import asks first, and the reader
    chooses to replace."""
    page.evaluate("""() => fetch(__md_scope).then((response) => response.text()).then((html) => {
        const home = new DOMParser().parseFromString(html, 'text/html');
        document.body.appendChild(document.adoptNode(home.querySelector('[data-progress-tools]')));
        document$.next(document);
    })""")
    page.wait_for_selector("body > [data-progress-tools][data-progress-ready]", state="attached")
    page.set_input_files("body > [data-progress-tools] [data-progress-import]", str(file))
    page.click("body > [data-progress-tools] [data-progress-replace]")
    expect(page.locator("body > [data-progress-tools] [data-progress-message]")).to_contain_text("restored")


def saved_per_application(page) -> dict:
    """saved(page) without the shared list of applications (issue 14): what one application and
    the shared stories and offers hold, as version 1 held it."""
    state = saved(page)
    state["tools"].pop("applications", None)
    return state
