"""What several browser test files share: storage access, broken-storage scripts, imports, axe."""

from __future__ import annotations

import json

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


def violations(page, context: str | None = None) -> list[str]:
    """Each axe violation as a to-do line: rule, impact, what to fix, where."""
    page.wait_for_timeout(300)  # let Material's colour transitions (125 ms) finish first
    result = _AXE.run(page, context=context) if context else _AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in result.response["violations"]
    ]


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


def via_link_and_back(page, there: str, here: str) -> None:
    """Follow the navigation link to `there` (Material's instant navigation), then go back."""
    page.click(f".md-nav--primary a[href$='{there}']")
    page.wait_for_url(f"**/{there}**")  # Material's heading tracking may add #... to either page
    page.go_back()
    page.wait_for_url(f"**/{here}**")
