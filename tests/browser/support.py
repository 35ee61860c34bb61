"""What several browser test files share: browser profiles that fail a test on any uncaught page
error, storage access, broken-storage scripts, imports, instant navigation, axe in both schemes."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path
from urllib.parse import urlparse

from tools.sitekit import SEARCH_INDEXES, SEARCH_WORKER, WITH_PAGES

KEY = "second-interview-guide:v1"
# The storage notices a reader can see: a page shows at most one (guide.js, showNotices).
NOTICES = "[data-storage-notice]:visible"
# Every feature's root element (guide.js mounts each one): the guide's own tools on a page. A test
# of a tool's states runs axe here; test_accessibility runs it on whole pages, so a state test need
# not check Material's header, navigation and footer again.
GUIDE_TOOLS = "[data-guide-component]"

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


# ---------- browser profiles ----------

# Every browser profile the tests have open. tests/conftest.py fails the running test on any
# uncaught error a page of these threw (in the test's fixtures or its own steps), then forgets
# it, so a profile shared by a module's tests blames only the test that was running.
OPEN_PROFILES: list = []


def open_profile(browser, *, search: bool = False, **options):
    """A new browser profile (context) whose pages' uncaught errors fail the running test.

    The test server's search index lists no pages and its search worker is empty (conftest's
    served_site); with `search` true this profile asks it for the real ones, so search finds pages.
    """
    profile = browser.new_context(**options)
    profile.js_errors = []
    profile.on("weberror", lambda error: profile.js_errors.append(f"{error.error}\n{error.error.stack}"))
    if search:
        for path in [*SEARCH_INDEXES, SEARCH_WORKER]:
            profile.route(f"**/{path}", _index_with_pages)
    OPEN_PROFILES.append(profile)
    profile.on("close", lambda _: OPEN_PROFILES.remove(profile) if profile in OPEN_PROFILES else None)
    return profile


def _index_with_pages(route) -> None:
    # A route, not a second server: the test's pages keep their one origin and its storage.
    route.continue_(url=route.request.url.split("?", 1)[0] + "?" + WITH_PAGES)


def page_errors() -> list[str]:
    """The uncaught page errors of the open profiles not yet reported; reported by returning them."""
    errors = []
    for profile in OPEN_PROFILES:
        errors += profile.js_errors
        profile.js_errors.clear()
    return errors


# ---------- reused tabs ----------

# What a test may not change on a reused profile (the next test would inherit it), and what it may
# change on a reused tab only by having the tab replaced afterwards.
PROFILE_CHANGES = ("add_init_script", "route", "route_from_har", "grant_permissions", "expose_binding",
                   "expose_function", "set_extra_http_headers", "set_geolocation", "set_offline",
                   "add_cookies", "set_default_timeout", "set_default_navigation_timeout")
TAB_CHANGES = ("on", "once", "add_init_script", "expose_binding", "expose_function", "route_from_har",
               "set_extra_http_headers", "set_default_timeout", "set_default_navigation_timeout")
VIEWPORT = {"width": 1280, "height": 720}  # Playwright's default for a new profile


class ReusedTabs:
    """One profile and one tab per colour scheme, lent to one test at a time and wiped between
    tests: storage emptied, extra tabs closed, routes, media emulation and viewport reset.

    Why: a page load in a fresh profile costs Chromium's headless shell about 1.5 times the CPU of
    the same load in a tab that exists, the desktop Chromium 2.5 times (`python -m
    tools.page_load_cpu`), and the browser suite is bound by CPU. A
    test that changes the profile itself (an init script, a route, permissions) must ask for the
    `context` fixture instead: on a reused profile those calls raise and say so.
    """

    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.origin = "{0.scheme}://{0.netloc}".format(urlparse(base_url))
        self.tabs: dict[str, object] = {}

    def lend(self, scheme: str):
        tab = self.tabs.get(scheme)
        if tab is None or tab.is_closed():
            profile = open_profile(self.browser, accept_downloads=True, color_scheme=scheme)
            for name in PROFILE_CHANGES:
                setattr(profile, name, _refused(name))
            tab = self.tabs[scheme] = self._new_tab(profile)
        tab.scheme = scheme
        return tab

    def _new_tab(self, profile):
        tab = profile.new_page()
        tab.changed = False
        tab.wiper = profile.new_cdp_session(tab)
        for name in TAB_CHANGES:
            setattr(tab, name, _marking(tab, getattr(tab, name)))
        return tab

    def take_back(self, scheme: str) -> None:
        """Wipe the tab for the next test; a tab that cannot be wiped loses its profile instead."""
        from playwright.sync_api import Error

        tab = self.tabs[scheme]
        try:
            for other in tab.context.pages:
                if other is not tab:
                    other.close()
            tab.unroute_all(behavior="ignoreErrors")
            tab.goto("about:blank")  # the test's page unloads first, so its last writes land
            # Chromium's "local_storage" here is localStorage and this tab's sessionStorage, emptied
            # by the browser: half the CPU of loading a page of the site to empty them from there.
            tab.wiper.send("Storage.clearDataForOrigin", {"origin": self.origin, "storageTypes": "local_storage"})
            if tab.changed:
                tab.close()
                tab = self.tabs[scheme] = self._new_tab(tab.context)
            tab.emulate_media(media="null", color_scheme=scheme, reduced_motion="null", forced_colors="null")
            tab.set_viewport_size(VIEWPORT)
        except Error:
            self.tabs.pop(scheme).context.close()

    def close(self) -> None:
        for tab in self.tabs.values():
            tab.context.close()


def _refused(name: str):
    def refuse(*args, **kwargs):
        raise RuntimeError(f"{name}() would change the profile the next test reuses: ask for the "
                           "`context` fixture to get a fresh profile")
    return refuse


def _marking(tab, method):
    def call(*args, **kwargs):
        tab.changed = True  # replaced by a new tab before the next test
        return method(*args, **kwargs)
    return call


@contextlib.contextmanager
def one_page(browser, url: str, ready: str):
    """One page load shared by a module's tests of pure functions (they change no state): open
    `url`, wait for `ready`, close the profile afterwards. An uncaught page error fails the test
    that was running, as with the `page` fixture."""
    profile = open_profile(browser)
    page = profile.new_page()
    page.goto(url)
    page.wait_for_selector(ready, state="attached")
    yield page
    profile.close()


# ---------- storage ----------

def stored_text(page) -> str | None:
    return page.evaluate(f"localStorage.getItem('{KEY}')")


def stored(page) -> dict:
    return json.loads(stored_text(page) or "{}")


def page_with_storage(context, script: str):
    """A new page whose storage is broken by `script` (DENIED or FULL). An uncaught error fails
    the test, as on every page the fixtures open."""
    context.add_init_script(script)
    return context.new_page()


def import_here(page, file, choose: str = "") -> None:
    """Import through the real export/import control, fetched from the home page and added to
    this page: the core then mounts it (as after an instant navigation) and the import refreshes
    the features already on the page, which the home page's import never needs to. `choose`: the
    review's button to click, when the page already holds progress and the import asks first."""
    from playwright.sync_api import expect  # imported here: the unit tier loads this module via conftest

    page.evaluate("""() => fetch(__md_scope).then((response) => response.text()).then((html) => {
        const home = new DOMParser().parseFromString(html, 'text/html');
        document.body.appendChild(document.adoptNode(home.querySelector('[data-progress-tools]')));
        document$.next(document);
    })""")
    page.wait_for_selector("body > [data-progress-tools][data-progress-ready]", state="attached")
    page.set_input_files("body > [data-progress-tools] [data-progress-import]", str(file))
    if choose:
        page.click(f"body > [data-progress-tools] {choose}")
    expect(page.locator("body > [data-progress-tools] [data-progress-message]")).to_contain_text("restored")


# ---------- navigation ----------

def at(address: str) -> re.Pattern:
    """A URL pattern for wait_for_url: the page at `address` (such as "culture/"), with or without
    the #fragment Material's navigation.tracking adds while the reader scrolls."""
    return re.compile(re.escape("/" + address.lstrip("/")) + r"(#.*)?$")


def instant_ready(page) -> None:
    """Wait until Material's instant navigation can take a click: it intercepts only links listed
    in sitemap.xml, which it fetches after the page loads; a click before that is a full reload."""
    page.wait_for_load_state("networkidle")


def wait_until_mounted(page, selector: str = GUIDE_TOOLS) -> None:
    """Wait until guide.js has mounted every element `selector` matches (each marks itself
    data-guide-mounted): the page as the reader sees it, with its tools in place."""
    page.wait_for_function(
        "s => [...document.querySelectorAll(s)].every((e) => e.hasAttribute('data-guide-mounted'))", arg=selector)


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
    import_here(page, file, choose="[data-progress-replace]")


# ---------- axe ----------

# Colour transitions still running (Material's palette switch, button hovers) would let axe
# measure contrast between two colours; wait until none is running instead of sleeping.
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"

_AXE_SCRIPT: list[str] = []  # axe-core, read once per test process


def _axe_script() -> str:
    if not _AXE_SCRIPT:
        import axe_playwright_python

        _AXE_SCRIPT.append((Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8"))
    return _AXE_SCRIPT[0]


# The rules of a default run that read colours (axe tags them cat.color; the AAA contrast rule is
# not in a default run). Only these can find something new after a switch of colour scheme.
COLOUR_RULES = "axe.getRules(['cat.color']).filter((r) => !r.tags.includes('wcag2aaa')).map((r) => r.ruleId)"


def violations(page, context: str | None = None, *, colour_only: bool = False) -> list[str]:
    """Each axe violation as a to-do line: rule, impact, what to fix, where. axe-core's default
    rules (WCAG 2 A and AA, and best practices), or only its colour rules, on the whole page or
    the elements the `context` selector matches."""
    page.wait_for_function(SETTLED)
    if not page.evaluate("typeof window.axe === 'object'"):  # once per page load, not per run
        page.evaluate(_axe_script())
    result = page.evaluate(
        f"""([context, colourOnly]) => axe.run(context || document, {{resultTypes: ['violations'],
             ...(colourOnly ? {{runOnly: {{type: 'rule', values: {COLOUR_RULES}}}}} : {{}})}})""",
        [context, colour_only])
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in result["violations"]
    ]


# Material's palette for a first visit follows the system setting, so changing the emulated
# setting switches the page's scheme in place; the body names the scheme it shows.
SCHEMES = {"light": "default", "dark": "slate"}


def show_scheme(page, scheme: str) -> None:
    """Switch the page to `scheme` ("light" or "dark") as a reader's system setting would, and
    wait until the page shows it."""
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function("name => document.body.getAttribute('data-md-color-scheme') === name",
                           arg=SCHEMES[scheme])


def violations_in_both_schemes(page, context: str | None = None) -> list[str]:
    """axe on the page as it is, in the light scheme with every default rule, then in the dark one
    with the colour rules (switched in place without a reload, so what was typed and ticked stays);
    each line names its scheme. A scheme changes colours only: the markup, names and layout the
    other rules read are the same in both, so running them twice would find nothing new."""
    found = []
    for scheme in SCHEMES:
        show_scheme(page, scheme)
        found += [f"{scheme}: {line}" for line in violations(page, context, colour_only=scheme != "light")]
    return found


def saved_per_application(page) -> dict:
    """saved(page) without the shared list of applications (issue 14): what one application and
    the shared stories and offers hold, as version 1 held it."""
    state = saved(page)
    state["tools"].pop("applications", None)
    return state


def exported_application(file: dict) -> dict:
    """An exported progress file (several applications, issue 14) read as version 1 held it: the
    current application's checklists, notes and tools, with the shared tools beside them."""
    current = next(app for app in file["applications"] if app["id"] == file["current"])
    return {"checklists": current["checklists"], "notes": current["notes"],
            "tools": {**current["tools"], **file["tools"]}}
