"""What several browser test files share: browser profiles that fail a test on any uncaught page
error, reused tabs, the reader's data in storage, the real import, navigation, axe in both schemes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

from macros import MODULES, progress, stories
from macros.applications import FIRST_ID, MAX_APPLICATIONS
from macros.core import LAYOUT_KEY, RECORD_KEY_PREFIX
from tests.pages import GUIDE

# The storage layout (guide.js, ARCHITECTURE.md): one entry per part.
V1 = "second-interview-guide:v1"
V2 = LAYOUT_KEY
FIRST = FIRST_ID  # the first application's scope
# The storage notices a reader can see: a page shows at most one.
NOTICES = "[data-storage-notice]:visible"
# Every feature's root element: the guide's own tools on a page.
GUIDE_TOOLS = "[data-guide-component]"
G = "window.SecondInterviewGuide"

# Scripts that break storage for a profile (context.add_init_script). Plain Errors (not
# DOMExceptions) carry a stack, so a failure can be traced to its script.
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
# uncaught error a page of these threw, then forgets it, so a shared profile blames only the test
# that was running.
OPEN_PROFILES: list = []


def open_profile(browser, **options):
    """A new browser profile (context) whose pages' uncaught errors fail the running test."""
    profile = browser.new_context(**options)
    profile.js_errors = []
    profile.on("weberror", lambda error: profile.js_errors.append(f"{error.error}\n{error.error.stack}"))
    OPEN_PROFILES.append(profile)
    profile.on("close", lambda _: OPEN_PROFILES.remove(profile) if profile in OPEN_PROFILES else None)
    return profile


def page_errors() -> list[str]:
    """The uncaught page errors of the open profiles not yet reported; reported by returning them."""
    errors = []
    for profile in OPEN_PROFILES:
        errors += profile.js_errors
        profile.js_errors.clear()
    return errors


VIEWPORT = {"width": 1280, "height": 720}  # Playwright's default for a new profile


class ReusedTabs:
    """One profile and one tab per colour scheme, lent to one test at a time and wiped between
    tests: storage emptied, extra tabs closed, media emulation and viewport reset.

    Why: a page load in a new profile costs Chromium about 1.5 times the CPU of the same load in a
    tab that exists, and the browser suite is bound by CPU. The rule that makes it safe: a test
    that changes the profile or the tab beyond its pages (an init script, a route, a listener,
    permissions) asks for the `context` fixture and gets a profile of its own.
    """

    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.origin = "{0.scheme}://{0.netloc}".format(urlparse(base_url))
        self.tabs: dict[str, object] = {}

    def lend(self, scheme: str):
        tab = self.tabs.get(scheme)
        if tab is None or tab.is_closed():
            profile = open_profile(self.browser, accept_downloads=True, color_scheme=scheme)
            tab = self.tabs[scheme] = profile.new_page()
            tab.wiper = profile.new_cdp_session(tab)
        tab.scheme = scheme
        return tab

    def take_back(self, scheme: str) -> None:
        """Wipe the tab for the next test; a tab that cannot be wiped loses its profile instead."""
        from playwright.sync_api import Error

        tab = self.tabs[scheme]
        try:
            for other in tab.context.pages:
                if other is not tab:
                    other.close()
            tab.goto("about:blank")  # the test's page unloads first, so its last writes land
            # localStorage and this tab's sessionStorage, emptied by the browser.
            tab.wiper.send("Storage.clearDataForOrigin", {"origin": self.origin, "storageTypes": "local_storage"})
            tab.emulate_media(media="null", color_scheme=scheme, reduced_motion="null", forced_colors="null")
            tab.set_viewport_size(VIEWPORT)
        except Error:
            self.tabs.pop(scheme).context.close()

    def close(self) -> None:
        for tab in self.tabs.values():
            tab.context.close()


# ---------- pages ----------

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


def open_page(page, url: str, ready: str = GUIDE_TOOLS) -> None:
    """Go to `url` and wait until its tools (or those `ready` matches) are mounted."""
    page.goto(url)
    page.wait_for_selector(ready, state="attached")
    wait_until_mounted(page, ready)


def load_data(page) -> None:
    """Load the reader's data (guide-data.js, with the API and the helpers every tool shares), as a
    page with tools does: with nothing saved, a page whose tools all wait loads it only when one is
    used (guide-wake.js)."""
    page.wait_for_function(f"typeof {G}.need === 'function'")
    page.evaluate(f"{G}.need('guide-data')")


def api(page, script: str, arg=None):
    """page.evaluate(script, arg) once the reader's data is loaded, for a script that uses its API
    (G.scope, G.addApplication...)."""
    load_data(page)
    return page.evaluate(script, arg)


def call(page, feature: str, function: str, *args):
    """A pure function a feature's script exports, run in the page (the script is loaded if the
    page has not loaded it, after the reader's data, as the page loads its tools): such as
    call(page, "planner", "planSteps", data, today, words, years)."""
    return api(page, f"([f, fn, args]) => {G}.need(f).then((x) => x[fn](...args))", [feature, function, list(args)])


# ---------- storage ----------

def key(scope: str, part: str) -> str:
    return f"{V2}:{scope}:{part}"


def entries(page) -> dict[str, str]:
    """Every localStorage entry of the page's origin, as stored text."""
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]))")


def part(page, scope: str, name: str):
    """A stored part, parsed (None when there is none): part(page, "main", "checklists")."""
    text = page.evaluate("k => localStorage.getItem(k)", key(scope, name))
    return None if text is None else json.loads(text)


def put(page, stored: dict) -> None:
    """Replace the origin's storage with `stored` ({key: value}; values are written as JSON unless
    they are text already). The page must be on the site."""
    page.evaluate("(s) => { localStorage.clear(); sessionStorage.clear(); for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }",
                  {k: v if isinstance(v, str) else json.dumps(v) for k, v in stored.items()})


def records(page) -> dict[str, dict]:
    """The reader's application records by id."""
    prefix = RECORD_KEY_PREFIX
    return {k[len(prefix):]: json.loads(v) for k, v in entries(page).items() if k.startswith(prefix)}


def current_scope(page) -> str:
    return api(page, f"{G}.scope()")


# ---------- export and import, through the real controls on the home page ----------

TOOLS = "[data-progress-tools]"
MESSAGE = f"{TOOLS} [data-progress-message]"
ALERT = f"{TOOLS} [data-guide-alert]"
REVIEW = f"{TOOLS} [data-progress-review]"
PICKER = f"{TOOLS} [data-progress-import]"
FILE_WORDS = progress.CONFIG  # the import's words, and the limits every feature gives it
FILE_LIMITS = progress.limits(GUIDE.sections, MODULES)
LISTS = list(GUIDE.checklists.values())
NOTE_KEYS = list(FILE_LIMITS["notes"]["fields"])


def export_file(page, base_url: str, tmp_path: Path) -> dict:
    """Export through the home page's button; the file as the reader gets it."""
    open_page(page, base_url, f"{TOOLS}[data-progress-ready]")
    with page.expect_download() as info:
        page.click(f"{TOOLS} [data-progress-export]")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


def import_file(page, base_url: str, path: Path, choose: str = "") -> str:
    """Import through the home page's control; `choose` the review's button (replace, merge, new)
    when the browser already holds progress. Returns the message the reader reads."""
    from playwright.sync_api import expect

    open_page(page, base_url, f"{TOOLS}[data-progress-ready]")
    page.set_input_files(f"{TOOLS} [data-progress-import]", str(path))
    if choose:
        page.locator(f"{TOOLS} [data-progress-{choose}]").click()
    status = page.locator(f"{TOOLS} [data-guide-announce], {TOOLS} [data-guide-alert]")
    expect(status.filter(has_text=re.compile(r"\S"))).to_have_count(1)
    return status.filter(has_text=re.compile(r"\S")).inner_text()


def write_file(tmp_path: Path, data: dict, name: str = "progress.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def v1(**sections) -> dict:
    """A file of one application, as every version before several applications wrote it."""
    return {"format": FILE_WORDS["format"], "version": FILE_WORDS["oneApplication"], **sections}


def v2(*apps, **rest) -> dict:
    return {"format": FILE_WORDS["format"], "version": FILE_WORDS["version"], "applications": list(apps), **rest}


def app(app_id: str, company: str = "", role: str = "", **parts) -> dict:
    return {"id": app_id, "details": {"company": company, "role": role}, **parts}



def choose(page, content) -> None:
    """Pick a file in the import control: a dict is written as JSON, text as it is."""
    data = content if isinstance(content, str) else json.dumps(content)
    page.evaluate("s => document.querySelectorAll(s).forEach((e) => { e.textContent = ''; })",
                  f"{MESSAGE}, {ALERT}")
    page.set_input_files(PICKER, {"name": "progress.json", "mimeType": "application/json", "buffer": data.encode()})


def home(page, base_url) -> None:
    """The home page, with its progress tools ready."""
    open_page(page, base_url, f"{TOOLS}[data-progress-ready]")


def held(page) -> dict:
    """Every entry the guide keeps, parsed."""
    return {k: json.loads(v) for k, v in entries(page).items() if k.startswith(V2 + ":")}


def dump(page) -> dict:
    """What the guide holds, as its export reads it."""
    return json.loads(api(page, f"{G}.dump().then((whole) => JSON.stringify(whole))"))


def totals(whole: dict) -> dict:
    """The counts the import's messages give, from what is stored: known ticks and filled notes."""
    known = {c.id: {i.id for i in c.items} for c in LISTS}
    apps = whole["applications"]
    return {
        "applications": len(apps),
        "ticks": sum(v is True and i in known.get(c, ()) for a in apps
                     for c, t in a["state"]["checklists"].items() for i, v in t.items()),
        "notes": sum(bool(str(a["state"]["notes"].get(k, "")).strip()) for a in apps for k in NOTE_KEYS),
    }


def imports_again(page, base_url, tmp_path) -> dict:
    """Issue 24's rule: export what is stored, import that file with Replace: accepted, the message
    says what is now stored, and the guide holds exactly what it held. Returns the file."""
    from playwright.sync_api import expect

    home(page, base_url)
    before = dump(page)
    file = export_file(page, base_url, tmp_path)
    choose(page, file)
    page.locator(f"{REVIEW}:visible [data-progress-replace], {MESSAGE}:not(:empty), {ALERT}:not(:empty)").first.wait_for()
    if page.locator(REVIEW).is_visible():
        page.click(f"{TOOLS} [data-progress-replace]")
    expect(page.locator(ALERT)).to_be_hidden()
    expect(page.locator(MESSAGE)).to_have_text(re.compile("^" + re.escape(FILE_WORDS["restoredSeveral"].format(**totals(before)))))
    assert dump(page) == before
    return file



# The largest file the limits allow.

WIDE = "語\""  # three bytes in UTF-8, and a character JSON escapes


def at_limit(rule: dict, fill: str = WIDE):
    """A field's value at its limit, generic over the import's rules."""
    if rule.get("flag"):
        return True
    if rule.get("number"):
        return 1
    if rule.get("many"):
        return list(rule["choices"])
    if "choices" in rule:
        return rule["choices"][-1]
    if rule.get("date"):
        return "2026-12-31"
    if rule.get("time"):
        return "23:59"
    return (fill * rule["chars"])[: rule["chars"]]


def entry_at_limit(fields: dict, fill: str = WIDE) -> dict:
    return {k: at_limit(r, fill) for k, r in fields.items()}


def full_file(fill: str = WIDE) -> dict:
    """The most the guide keeps: every application, every list full, every field at its limit."""
    ids = [FIRST] + [f"a{n}" for n in range(1, MAX_APPLICATIONS)]

    def tools(shared: bool) -> dict:
        out = {}
        for store, rule in FILE_LIMITS["tools"].items():
            if bool(rule.get("shared")) != shared:
                continue
            entry = entry_at_limit(rule["fields"], fill)
            if "link" in rule:
                entry[rule["link"]] = ids[1]
            if store == "planner":  # the application's own fields now live in the record
                entry = {k: v for k, v in entry.items() if k in ("decision", "offer")}
            out[store] = [dict(entry) for _ in range(rule["most"])] if rule.get("kind") == "list" else entry
        return out

    apps = []
    for n, app_id in enumerate(ids):
        details = entry_at_limit(FILE_LIMITS["details"]["fields"], fill)
        details["added"] = n
        notes = {k: at_limit(r, fill) for k, r in FILE_LIMITS["notes"]["fields"].items()}
        apps.append({"id": app_id, "details": details,
                     "checklists": {c.id: {i.id: True for i in c.items} for c in LISTS}, "notes": notes,
                     "tools": tools(False)})
    file = v2(*apps, tools=tools(True), current=ids[-1])
    for n, entry in enumerate(file["tools"][stories.PART.name]):  # titles are how merge tells stories apart
        entry[stories.TITLE] = entry[stories.TITLE][:-2] + str(n).zfill(2)
    return file


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
    """Switch the page to `scheme` ("light" or "dark") as a reader's system setting would."""
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function("name => document.body.getAttribute('data-md-color-scheme') === name", arg=SCHEMES[scheme])


def violations_in_both_schemes(page, context: str | None = None) -> list[str]:
    """axe on the page as it is, in the light scheme with every default rule, then in the dark one
    with the colour rules (switched in place, so what was typed and ticked stays)."""
    found = []
    for scheme in SCHEMES:
        show_scheme(page, scheme)
        found += [f"{scheme}: {line}" for line in violations(page, context, colour_only=scheme != "light")]
    return found


def reach_in(page, tool: str = GUIDE_TOOLS) -> None:
    """Focus the first visible field of `tool` (of any tool by default), as a reader does by
    clicking into it: a tool that waits to be used (data-guide-wake) starts loading its script."""
    page.locator(tool).locator(":is(input, select, textarea):visible").first.focus()


def wake(page, tool: str) -> None:
    """Reach into a tool that loads its script on use (data-guide-wake) and wait until the script
    has mounted it (data-guide-waiting is gone)."""
    reach_in(page, tool)
    page.wait_for_function("s => !document.querySelector(s).hasAttribute('data-guide-waiting')", arg=tool)


OWN_FILE = re.compile(r"/assets/guide/([a-z-]+)\.min\.(js|css)$")


def own_file(url: str) -> str | None:
    """The guide's own file a URL names, as "name.js" or "name.css" (None for any other URL)."""
    found = OWN_FILE.search(url.split("?", 1)[0].split("#", 1)[0])
    return f"{found.group(1)}.{found.group(2)}" if found else None


def all_tools_wait(soup) -> bool:
    """Whether a built page has tools and every one waits to be used (data-guide-wake): such a page
    loads none of their code, nor the reader's data when none is saved, until one is used."""
    tools = soup.select("[data-guide-component]")
    return bool(tools) and all(tool.has_attr("data-guide-wake") for tool in tools)


def first_visit_files(soup) -> set[str]:
    """The guide's own files a built page loads when the browser holds none of the reader's data:
    the core and each feature's stylesheet; then, on a page whose tools all wait to be used
    (data-guide-wake), guide-wake.js, else the reader's data (guide-data.js) and every script."""
    shown = {el["data-guide-component"] for el in soup.select("[data-guide-component]")}
    scripts = {"guide-wake.js"} if all_tools_wait(soup) else {"guide-data.js", *(f"{name}.js" for name in shown)}
    return {"guide.js", "guide.css", *(f"{name}.css" for name in shown), *(scripts if shown else ())}
