"""Export and import (progress.js; progress-import.js, loaded when a file is picked) in a real
browser: export writes everything the guide stores, and the file imports back to exactly that; the
review shows the file beside what this browser holds and applies only the reader's choice; every
file an earlier version exported keeps importing; a damaged file changes nothing and names the
place; and issue 24's one rule: whatever the guide stores, after any path that writes (typing, undo,
merge, import, another tab), it exports and imports again."""

from __future__ import annotations

import json
import os
import re

import pytest
from playwright.sync_api import expect

from macros import MODULES, cheat_sheet, offers, progress, stories, thank_you
from macros.applications import MAX_APPLICATIONS, WORDS as APPLICATION_WORDS
from macros.core import RECORD_KEY_PREFIX
from tests.browser.support import (
    ALERT,
    FIRST,
    G,
    LISTS,
    PICKER,
    REVIEW,
    TOOLS,
    V2,
    WIDE,
    FILE_LIMITS as LIMITS,
    FILE_WORDS as WORDS,
    MESSAGE as STATUS,
    api,
    app,
    call,
    choose,
    dump,
    full_file,
    held,
    home,
    imports_again,
    key,
    open_page,
    open_profile,
    put,
    records,
    totals,
    v1,
    v2,
    violations_in_both_schemes,
)
from tests.pages import GUIDE

PREP = LISTS[0]
NOTES = {f.key: f for f in cheat_sheet.NOTE_FIELDS}
SALARY = NOTES["salary"]
READY = f"{TOOLS}[data-progress-ready]"
FILE_APPS = f"{REVIEW} [data-progress-file] [data-progress-application]"


def story(title: str, **rest) -> dict:
    return {stories.TITLE: title, **rest}


def ticks(checklist, count: int) -> dict:
    return {checklist.id: {item.id: True for item in checklist.items[:count]}}


def where(*steps) -> str:
    """A place in a file as the import's messages name it (progress.CONFIG's words and the limits' labels)."""
    def label(step, before):
        if isinstance(step, int):
            return WORDS["item"].format(n=step + 1)
        if before == "tools" and step in LIMITS["tools"]:
            return LIMITS["tools"][step]["label"]
        if before == "notes" and step in LIMITS["notes"]["fields"]:
            return LIMITS["notes"]["fields"][step]["label"]
        if step in ("notes", "details"):
            return LIMITS[step]["label"]
        return WORDS["sections"].get(step, step)
    return WORDS["where"].format(path=WORDS["pathJoin"].join(
        label(step, steps[n - 1] if n else None) for n, step in enumerate(steps)))


# ---------- pure functions, on one page load ----------

@pytest.fixture(scope="module")
def logic(browser, base_url):
    """The home page (the import's configuration is there), shared by the tests of pure functions."""
    profile = open_profile(browser)
    tab = profile.new_page()
    open_page(tab, base_url, READY)
    tab.config = tab.evaluate(f"JSON.parse(document.querySelector('{TOOLS}').getAttribute('data-progress-config'))")
    # As progress.js completes it when it mounts: each checklist's ids, from the page's one manifest.
    tab.config["limits"]["checklists"] = tab.evaluate(
        "Object.fromEntries(Object.entries(JSON.parse(document.querySelector('[data-guide-manifest]')"
        ".getAttribute('data-guide-manifest'))).map(([id, entry]) => [id, entry.items]))")
    yield tab
    profile.close()


def parse(logic, content) -> dict:
    text = content if isinstance(content, str) else json.dumps(content)
    return call(logic, "progress-import", "parseFile", text, logic.config)


def nested(depth: int):
    """A value `depth` levels deep."""
    value = 1
    for n in range(depth):
        value = {f"level{n}": value}
    return value


def test_the_pages_configuration_is_progress_py(logic):
    """What the page carries, with the checklists' ids from its one manifest, is progress.py's."""
    expected = json.loads(json.dumps(progress.config_of(GUIDE.sections, MODULES)))
    expected["limits"]["checklists"] = json.loads(json.dumps(LIMITS["checklists"]))
    assert logic.config == expected


def test_nesting_is_counted_on_the_text_before_parsing(logic):
    deepest = LIMITS["maxDepth"]
    assert call(logic, "progress-import", "tooDeep", "[" * deepest + "]" * deepest, deepest) is False
    assert call(logic, "progress-import", "tooDeep", '["[[[[[[[[[[", ' + "[" * deepest + "]" * deepest + "]", deepest) is True
    assert call(logic, "progress-import", "tooDeep", json.dumps({"note": "[" * 100}), deepest) is False


def offer_rows(n: int) -> list[dict]:
    return [{"name": f"Offer {i}"} for i in range(n)]


REFUSED = [
    ("not JSON", "{not json", WORDS["notJson"]),
    ("not ours", {"hello": "world"}, WORDS["notOurs"]),
    ("another version", {"format": WORDS["format"], "version": 99}, WORDS["otherVersion"]),
    ("deep nesting", json.dumps(v1())[:-1] + ', "x": ' + "[" * 4800 + "]" * 4800 + "}", WORDS["tooDeep"]),
    ("checklists a list", v1(checklists=[]),
     WORDS["wrongType"].format(where=where("checklists"), expected=WORDS["kinds"]["object"], found=WORDS["kinds"]["list"])),
    ("notes false", v1(notes=False),
     WORDS["wrongType"].format(where=where("notes"), expected=WORDS["kinds"]["object"], found=WORDS["kinds"]["flag"])),
    ("ticks in a list", v1(checklists={PREP.id: [PREP.items[0].id]}),
     WORDS["wrongType"].format(where=where("checklists", PREP.id), expected=WORDS["kinds"]["object"],
                               found=WORDS["kinds"]["list"])),
    ("a tick not true or false", v1(checklists={PREP.id: {PREP.items[0].id: "yes"}}),
     WORDS["wrongType"].format(where=where("checklists", PREP.id, PREP.items[0].id), expected=WORDS["kinds"]["flag"],
                               found=WORDS["kinds"]["text"])),
    ("long note", v1(notes={"salary": "x" * (SALARY.limit + 1)}),
     WORDS["tooLong"].format(where=where("notes", "salary"), count=SALARY.limit + 1, limit=SALARY.limit)),
    ("a note named as a tool is named as a note", v1(notes={"stories": "x" * (NOTES["stories"].limit + 1)}),
     WORDS["tooLong"].format(where=where("notes", "stories"), count=NOTES["stories"].limit + 1,
                             limit=NOTES["stories"].limit)),
    ("many lines", v1(notes={"salary": "a\n" * SALARY.lines + "b"}),
     WORDS["tooManyLines"].format(where=where("notes", "salary"), count=SALARY.lines + 1, limit=SALARY.lines)),
    ("too many stories", v1(tools={"stories": [story(f"S{n}") for n in range(stories.MAX_STORIES + 1)]}),
     WORDS["tooMany"].format(where=where("tools", "stories"), count=stories.MAX_STORIES + 1, limit=stories.MAX_STORIES)),
    ("too many offers", v1(tools={"offers": offer_rows(offers.OFFERS + 1)}),
     WORDS["tooMany"].format(where=where("tools", "offers"), count=offers.OFFERS + 1, limit=offers.OFFERS)),
    ("a story without a title", v1(tools={"stories": [story("  ")]}),
     WORDS["required"].format(where=where("tools", "stories", 0, stories.TITLE))),
    ("a title a number", v1(tools={"stories": [story(5)]}),
     WORDS["wrongType"].format(where=where("tools", "stories", 0, stories.TITLE), expected=WORDS["kinds"]["text"],
                               found=WORDS["kinds"]["number"])),
    ("an unknown tag", v1(tools={"stories": [story("Tagged", tags=["bogus"])]}),
     WORDS["notAChoice"].format(where=where("tools", "stories", 0, "tags", 0))),
    ("a plan as a list", v1(tools={"planner": ["2026-11-30"]}),
     WORDS["wrongType"].format(where=where("tools", "planner"), expected=WORDS["kinds"]["object"], found=WORDS["kinds"]["list"])),
    # Several applications.
    ("too many applications", v2(*[app(f"a{n}", f"C{n}") for n in range(MAX_APPLICATIONS + 1)]),
     WORDS["tooMany"].format(where=where("applications"), count=MAX_APPLICATIONS + 1, limit=MAX_APPLICATIONS)),
    ("no applications", v2(), WORDS["required"].format(where=where("applications"))),
    ("applications not a list", {**v2(), "applications": {"a1": {}}},
     WORDS["wrongType"].format(where=where("applications"), expected=WORDS["kinds"]["list"], found=WORDS["kinds"]["object"])),
    ("an application as text", v2(app("a1", "A"), "text"),
     WORDS["wrongType"].format(where=where("applications", 1), expected=WORDS["kinds"]["object"], found=WORDS["kinds"]["text"])),
    ("two applications of one id", v2(app("a1", "A"), app("a1", "B")), WORDS["badId"].format(where=where("applications", 1, "id"))),
    ("an id the guide never writes", v2(app("__proto__", "A")), WORDS["badId"].format(where=where("applications", 0, "id"))),
    ("a long company", v2(app("a1", "x" * 500)),
     WORDS["tooLong"].format(where=where("applications", 0, "details", "company"), count=500,
                             limit=LIMITS["details"]["fields"]["company"]["chars"])),
    ("a shared tool in an application", v2(app("a1", "A", tools={"stories": []})),
     WORDS["sharedHere"].format(where=where("applications", 0, "tools", "stories"))),
    ("an application's tool shared", v2(app("a1", "A"), tools={"planner": {}}),
     WORDS["ownHere"].format(where=where("tools", "planner"))),
    ("too many drafts", v2(app("a1", "A", tools={"thankYou": [{}] * (thank_you.MOST_CARDS + 1)})),
     WORDS["tooMany"].format(where=where("applications", 0, "tools", "thankYou"), count=thank_you.MOST_CARDS + 1,
                             limit=thank_you.MOST_CARDS)),
    # Issue 24, 9: dates and times are real ones, wherever a file holds them.
    ("30 February in the details", v2({**app("a1", "A"), "details": {"company": "A", "date": "2030-02-30"}}),
     WORDS["notADate"].format(where=where("applications", 0, "details", "date"))),
    ("25:99 in the details", v2({**app("a1", "A"), "details": {"company": "A", "time": "25:99"}}),
     WORDS["notATime"].format(where=where("applications", 0, "details", "time"))),
    ("30 February in a plan", v2(app("a1", "A", tools={"planner": {"decision": "2030-02-30"}})),
     WORDS["notADate"].format(where=where("applications", 0, "tools", "planner", "decision"))),
    ("an old plan's impossible date", v1(tools={"planner": {"date": "2031-02-29"}}),
     WORDS["notADate"].format(where=where("tools", "planner", "date"))),
    ("an old plan's impossible time", v1(tools={"planner": {"date": "2026-12-08", "time": "25:99"}}),
     WORDS["notATime"].format(where=where("tools", "planner", "time"))),
]


@pytest.mark.parametrize("content, message", [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED])
def test_a_damaged_file_is_refused_naming_the_place(logic, content, message):
    assert parse(logic, content) == {"error": message}
    assert message.endswith(progress.UNCHANGED)


def test_the_largest_export_the_limits_allow_is_not_too_large_or_too_deep(logic):
    """Every field at its limit in the widest characters a file can hold (JSON escapes quotes;
    a CJK character is three bytes): the file is still within the import's bounds."""
    file = full_file()
    text = json.dumps(file, indent=2, ensure_ascii=False)
    assert len(text.encode()) > 512 * 1024, "larger than the import once allowed"
    # The widest file of all: every character one that JSON writes as \u0001.
    assert len(json.dumps(full_file("\x01"), indent=2).encode()) <= logic.config["maxBytes"]
    result = parse(logic, text)
    assert "error" not in result, result
    assert len(result["whole"]["applications"]) == MAX_APPLICATIONS


def test_unknown_data_is_counted_honestly_and_kept_only_within_its_bounds(logic):
    unknown = {f"retired-{n}": True for n in range(20_000)}
    result = parse(logic, v1(checklists={PREP.id: {PREP.items[0].id: True, **unknown}}))
    assert result["unknown"] == {"count": 20_000, "kept": LIMITS["unknownKept"]}
    assert len(result["state"]["checklists"][PREP.id]) == 1 + LIMITS["unknownKept"]
    # An unknown tool is kept no deeper than an export can write it again (issue 24, 3), and an
    # unknown name no longer than an id.
    deepest = progress.UNKNOWN_DEPTH
    result = parse(logic, v1(tools={"kept": nested(deepest), "deep": nested(deepest + 1), "x" * (LIMITS["idChars"] + 1): 1}))
    assert result["unknown"] == {"count": 3, "kept": 1}
    assert result["state"]["tools"] == {"kept": nested(deepest)}


def test_a_file_cannot_reach_an_objects_prototype(logic):
    text = ('{"format": "%s", "version": %d, "checklists": {"__proto__": {"polluted": true}}, '
            '"notes": {"__proto__": "x"}, "tools": {"__proto__": {"polluted": true}}}'
            % (WORDS["format"], WORDS["oneApplication"]))
    result = parse(logic, text)
    assert result["unknown"] == {"count": 3, "kept": 3}
    assert logic.evaluate("() => ({}).polluted === undefined && Object.keys(Object.prototype).length === 0")


def test_merging_adds_ticks_and_new_stories_and_fills_only_empty_parts(logic):
    mine = {"checklists": ticks(PREP, 1), "notes": {"salary": "mine"},
            "tools": {"stories": [story("Mine")], "planner": {"decision": "2026-11-30"}}}
    file = {"checklists": {PREP.id: {PREP.items[1].id: True}}, "notes": {"salary": "theirs", "questions": "Q?"},
            "tools": {"stories": [story("Mine"), story("New")], "planner": {"decision": "2027-01-04"},
                      "offers": [{"name": "Acme"}]}}
    merged = call(logic, "progress-import", "mergeStates", mine, file, LIMITS)
    assert merged["checklists"][PREP.id] == {PREP.items[0].id: True, PREP.items[1].id: True}
    assert merged["notes"] == {"salary": "mine", "questions": "Q?"}
    assert [s["title"] for s in merged["tools"]["stories"]] == ["Mine", "New"]
    assert merged["tools"]["planner"] == {"decision": "2026-11-30"}
    assert merged["tools"]["offers"] == [{"name": "Acme"}]


def test_a_merged_offer_keeps_its_link_only_to_an_application_of_the_file(logic):
    """Issue 24, 2: ids are data; an offer linked to `__proto__` is linked to nothing, not to {}."""
    mine = {"current": FIRST, "applications": [{"id": FIRST, "details": {"company": "Acme"}, "state": empty_state()}],
            "tools": {}}
    file = {"current": "x1", "applications": [{"id": FIRST, "details": {"company": "Globex"}, "state": empty_state()}],
            "tools": {"offers": [{"name": "Odd", "application": "__proto__"}, {"name": "C", "application": "constructor"},
                                 {"name": "Globex offer", "application": FIRST}]}}
    merged = call(logic, "progress-import", "mergeWholes", mine, file, logic.config)
    globex = next(a["id"] for a in merged["whole"]["applications"] if a["details"]["company"] == "Globex")
    assert globex != FIRST, "a new id: the reader's first application keeps its own"
    assert [o["application"] for o in merged["whole"]["tools"]["offers"]] == ["", "", globex]
    assert merged["fate"] == {FIRST: "add"}


def empty_state() -> dict:
    return {"checklists": {}, "notes": {}, "tools": {}}


# ---------- export and import through the page ----------

def test_the_imports_code_loads_only_when_a_file_is_picked(context, base_url):
    tab = context.new_page()
    fetched = []
    tab.on("request", lambda request: fetched.append(request.url))
    home(tab, base_url)
    tab.wait_for_load_state("networkidle")
    assert not [u for u in fetched if "progress-import" in u]
    choose(tab, v1(checklists=ticks(PREP, 1)))
    expect(tab.locator(STATUS)).to_have_text(WORDS["restored"].format(ticks=1, notes=0))
    assert sorted(u.rsplit(".", 1)[1] for u in fetched if "progress-import" in u) == ["css", "js"]  # each once


def test_the_review_is_styled_as_it_shows_also_after_instant_navigation(context, base_url):
    """Its styles come with the import's code (progress-import.css), before it can show."""
    tab = context.new_page()
    home(tab, base_url)
    content = v1(checklists=ticks(PREP, 1))
    for visit in ("first", "after leaving and coming back"):
        api(tab, "(t) => window.SecondInterviewGuide.writePart('checklists', t)", {PREP.id: {PREP.items[1].id: True}})
        choose(tab, content)
        expect(tab.locator(REVIEW)).to_be_visible()
        assert tab.locator(REVIEW).evaluate("(e) => getComputedStyle(e).borderLeftWidth") == "4px", visit
        tab.click(f"{TOOLS} [data-progress-cancel]")
        tab.wait_for_load_state("networkidle")  # Material's instant navigation takes links once its sitemap is in
        tab.click(f".md-nav--primary a[href$='{GUIDE.sections[1].slug}/']")
        tab.wait_for_selector("[data-checklist]", state="attached")
        tab.go_back()
        tab.wait_for_selector(f"{TOOLS}[data-progress-ready]", state="attached")


def test_the_largest_file_imports_and_its_export_imports_again(page, base_url, tmp_path):
    """Issue 24's rule at every limit at once."""
    home(page, base_url)
    file = full_file()
    choose(page, json.dumps(file, indent=2, ensure_ascii=False))
    expect(page.locator(STATUS)).not_to_be_empty()  # read from a file: applied a moment later
    expect(page.locator(STATUS)).to_have_text(WORDS["restoredSeveral"].format(**totals(dump(page))))
    assert len(records(page)) == MAX_APPLICATIONS
    exported = imports_again(page, base_url, tmp_path)
    for mine, theirs in zip(exported["applications"], file["applications"]):
        assert {**mine, "details": {**mine["details"], "added": 0}} == {**theirs, "details": {**theirs["details"], "added": 0}}
    assert exported["tools"] == file["tools"]


def test_the_review_shows_both_sides_and_cancel_merge_replace_do_what_they_say(page, base_url):
    content = v1(checklists=ticks(PREP, 1), notes={"salary": "60,000"},
                 tools={"stories": [story("From the file"), story("Mine")]})
    home(page, base_url)
    api(page, """([ticks, titles]) => { const G = window.SecondInterviewGuide;
        G.writePart('checklists', ticks); G.write('stories', titles.map((title) => ({ title }))); }""",
                  [{PREP.id: {PREP.items[1].id: True}}, ["Mine"]])
    before = held(page)

    choose(page, content)
    expect(page.locator(REVIEW)).to_be_visible()
    expect(page.locator(f"{REVIEW} [data-progress-review-title]")).to_be_focused()
    expect(page.locator(STATUS)).to_have_text(WORDS["reviewing"])  # said, not only shown (issue 24, 10)
    expect(page.locator(f"{REVIEW} [data-progress-file] li")).to_have_text(
        [WORDS["summary"]["ticks"][0].format(count=1), WORDS["summary"]["notes"][0].format(count=1),
         LIMITS["tools"]["stories"]["summary"][1].format(count=2)])
    expect(page.locator(f"{REVIEW} [data-progress-current] li")).to_have_text(
        [WORDS["summary"]["ticks"][0].format(count=1), LIMITS["tools"]["stories"]["summary"][0].format(count=1)])
    page.click(f"{TOOLS} [data-progress-cancel]")
    expect(page.locator(STATUS)).to_have_text(WORDS["cancelled"])
    expect(page.locator(REVIEW)).to_be_hidden()
    expect(page.locator(PICKER)).to_be_focused()
    assert held(page) == before

    choose(page, content)
    page.click(f"{TOOLS} [data-progress-merge]")
    expect(page.locator(STATUS)).to_have_text(WORDS["merged"].format(ticks=2, notes=1))
    assert held(page)[key(FIRST, "checklists")] == {PREP.id: {PREP.items[0].id: True, PREP.items[1].id: True}}
    assert [s["title"] for s in held(page)[key("shared", "tool:stories")]] == ["Mine", "From the file"]

    choose(page, content)
    page.click(f"{TOOLS} [data-progress-replace]")
    expect(page.locator(STATUS)).to_have_text(WORDS["restored"].format(ticks=1, notes=1))
    assert held(page)[key(FIRST, "checklists")] == ticks(PREP, 1)
    assert [s["title"] for s in held(page)[key("shared", "tool:stories")]] == ["From the file", "Mine"]


def test_a_damaged_file_changes_nothing_and_the_reader_hears_why(page, base_url):
    """Issue 24, 9, 11, 12: the refusal names the place, reaches the alert, and marks the picker."""
    home(page, base_url)
    api(page, f"([t]) => {G}.writePart('checklists', t)", [ticks(PREP, 1)])
    before = held(page)
    bad = v2({**app("a1", "A"), "details": {"company": "A", "date": "2030-02-30"}})
    choose(page, bad)
    message = WORDS["notADate"].format(where=where("applications", 0, "details", "date"))
    alert = page.locator(f"{ALERT}[role=alert]")
    expect(alert).to_have_text(message)
    expect(page.locator(PICKER)).to_have_attribute("aria-invalid", "true")
    expect(page.locator(REVIEW)).to_be_hidden()
    assert held(page) == before
    choose(page, v1(checklists=ticks(PREP, 2)))  # a good file next: the mark goes
    expect(page.locator(REVIEW)).to_be_visible()
    assert page.locator(PICKER).get_attribute("aria-invalid") is None
    expect(alert).to_be_hidden()


EVERY_EARLIER_FILE = {
    # Version 1 before the tools: checklists and notes only.
    "version 1, checklists and notes": v1(exported="2026-11-26T09:00:00.000Z", checklists=ticks(PREP, 2),
                                          notes={"questions": "Who leads the team?"}),
    # Version 1 with every tool, the plan holding the interview's date, time and company.
    "version 1, every tool": v1(
        exported="2026-11-27T09:00:00.000Z", checklists=ticks(PREP, 1), notes={"salary": "60,000"},
        tools={"planner": {"date": "2026-11-30", "time": "10:00", "company": "Acme", "decision": "", "offer": ""},
               "thankYou": [{"name": "Sam", "role": "", "topic": "", "reason": "", "message": "Hi", "from": "Alex",
                             "edited": True}],
               "offers": [{"name": "Acme", "base": "52,000", "bonusUnit": "percent"}],
               "stories": [story("Old story", situation="", task="", action="", result="", tags=["teamwork"])]}),
    # Version 2 as written before the record was the one source: the plan repeats the details.
    "version 2, the plan holding the details": v2(
        {"id": FIRST, "details": {"company": "Acme", "role": "Analyst", "date": "", "added": 0},
         "checklists": ticks(PREP, 1), "notes": {},
         "tools": {"planner": {"date": "2026-12-08", "time": "14:30", "company": "Acme", "decision": "2026-12-15",
                               "offer": ""}}},
        {"id": "b7k2m1", "details": {"company": "Globex", "role": "", "added": 1764000000000},
         "checklists": {}, "notes": {"stories": "The migration"}, "tools": {"thankYou": []}},
        exported="2026-11-28T09:00:00.000Z", current="b7k2m1",
        tools={"offers": [{"name": "Globex", "application": "b7k2m1", "base": "61000"}]},
        unreadable={f"{V2}:main:tool:crafted": "{broken"}),
}


@pytest.mark.parametrize("name", EVERY_EARLIER_FILE)
def test_every_file_an_earlier_version_exported_still_imports(page, base_url, tmp_path, name):
    file = EVERY_EARLIER_FILE[name]
    home(page, base_url)
    choose(page, file)
    restored = os.path.commonprefix([WORDS["restored"], WORDS["restoredSeveral"]]).split("{")[0]
    expect(page.locator(STATUS)).to_have_text(re.compile("^" + re.escape(restored)))
    whole = dump(page)
    apps = file.get("applications") or [{"id": FIRST, "details": {}, **file}]
    assert [a["state"]["checklists"] for a in whole["applications"]] == [a.get("checklists", {}) for a in apps]
    assert [a["state"]["notes"] for a in whole["applications"]] == [a.get("notes", {}) for a in apps]
    for mine, theirs in zip(whole["applications"], apps):
        plan = (theirs.get("tools") or {}).get("planner") or {}
        # Lifted: the plan's date, time and company are the record's; the plan keeps its own dates.
        for field in ("date", "time", "company"):
            if plan.get(field) and not theirs["details"].get(field):
                assert mine["details"][field] == plan[field]
        assert set(mine["state"]["tools"].get("planner", {})) <= {"decision", "offer"}
    imports_again(page, base_url, tmp_path)


def test_a_version_1_file_goes_into_a_new_application_or_replaces_the_current_one(page, base_url):
    first, second = PREP.items[0].id, PREP.items[1].id
    old = v1(checklists={PREP.id: {second: True}}, notes={},
             tools={"planner": {"date": "2026-12-10", "company": "Vandelay"}, "stories": [story("From the file")]})
    home(page, base_url)
    api(page, f"async ([t]) => {{ await {G}.addApplication({{ company: 'Acme' }}); {G}.writePart('checklists', t); }}",
                  [{PREP.id: {first: True}}])
    acme = api(page, f"{G}.scope()")
    choose(page, old)
    expect(page.locator(f"{TOOLS} [data-progress-new]")).to_be_visible()
    expect(page.locator(f"{TOOLS} [data-progress-replace]")).to_contain_text("Acme")
    page.click(f"{TOOLS} [data-progress-new]")
    expect(page.locator(STATUS)).to_have_text(WORDS["addedNew"].format(name="Vandelay", ticks=1, notes=0))
    vandelay = api(page, f"{G}.scope()")
    assert vandelay not in (acme, FIRST)
    assert held(page)[key(vandelay, "checklists")] == {PREP.id: {second: True}}
    assert held(page)[key(acme, "checklists")] == {PREP.id: {first: True}}
    assert records(page)[vandelay]["company"] == "Vandelay" and records(page)[vandelay]["date"] == "2026-12-10"
    api(page, f"(id) => {G}.useScope(id)", acme)
    choose(page, old)
    page.click(f"{TOOLS} [data-progress-replace]")
    expect(page.locator(STATUS)).to_have_text(WORDS["restored"].format(ticks=1, notes=0))
    assert held(page)[key(acme, "checklists")] == {PREP.id: {second: True}}
    assert len(records(page)) == 2


def test_a_named_application_with_nothing_else_is_asked_about_first(page, base_url):
    """Issue 24, 7: a version-1 file never overwrites "Globex (Analyst)", dated, without the review."""
    home(page, base_url)
    api(page, f"{G}.addApplication({{ company: 'Globex', role: 'Analyst', date: '2026-12-08' }})")
    before = held(page)
    choose(page, v1(tools={"planner": {"date": "2027-01-05", "company": "Other"}}))
    expect(page.locator(REVIEW)).to_be_visible()
    expect(page.locator(f"{TOOLS} [data-progress-replace]")).to_contain_text("Globex (Analyst)")
    assert held(page) == before
    page.click(f"{TOOLS} [data-progress-cancel]")
    assert held(page) == before


def test_merge_joins_applications_by_company_and_role_and_the_offers_links_follow(page, base_url):
    first, second = PREP.items[0].id, PREP.items[1].id
    home(page, base_url)
    api(page, f"""async ([t]) => {{ await {G}.addApplication({{ company: 'Acme', role: 'Analyst' }});
        {G}.writePart('checklists', t); await {G}.addApplication({{ company: 'Other' }}); }}""", [{PREP.id: {first: True}}])
    other = api(page, f"{G}.scope()")
    choose(page, v2(app("x1", " acme", "ANALYST", checklists={PREP.id: {second: True}}),
                    app("x2", "Globex", checklists={PREP.id: {first: True}}),
                    tools={"offers": [{"name": "Globex offer", "application": "x2"}]}))
    lines = page.locator(FILE_APPS)
    expect(lines).to_have_count(2)
    expect(lines.nth(0)).to_contain_text(WORDS["fates"]["join"])
    expect(lines.nth(1)).to_contain_text(WORDS["fates"]["add"])
    page.click(f"{TOOLS} [data-progress-merge]")
    expect(page.locator(STATUS)).to_have_text(WORDS["mergedSeveral"].format(**totals(dump(page))))
    assert totals(dump(page)) == {"applications": 3, "ticks": 3, "notes": 0}
    found = records(page)
    assert sorted(r["company"] for r in found.values()) == ["Acme", "Globex", "Other"]
    assert held(page)[key(FIRST, "checklists")] == {PREP.id: {first: True, second: True}}
    globex = next(i for i, r in found.items() if r["company"] == "Globex")
    assert held(page)[key("shared", "tool:offers")][0]["application"] == globex
    assert api(page, f"{G}.scope()") == other  # this tab stays where it was


# ---------- issue 24: whatever the guide stores, it exports and imports again ----------

def test_after_typing_at_every_limit(page, base_url, tmp_path):
    open_page(page, base_url + "cheat-sheet/", "[data-cheatsheet][data-cheatsheet-ready]")
    for field in cheat_sheet.NOTE_FIELDS:
        page.fill(f'[data-cheatsheet-note="{field.key}"]', (WIDE * field.limit)[: field.limit])
    open_page(page, base_url + "offer/", "[data-offers][data-offers-ready]")
    page.fill('[data-offers-field="name"][data-offers-offer="1"]', WIDE * offers.NAME_LIMIT)
    page.fill('[data-offers-field="base"][data-offers-offer="1"]', "5" * offers.AMOUNT_LIMIT)
    page.wait_for_function("k => localStorage.getItem(k)", arg=key("shared", "tool:offers"))
    imports_again(page, base_url, tmp_path)


def test_after_undo(page, base_url, tmp_path):
    open_page(page, base_url + f"{GUIDE.sections[0].slug}/", "[data-applications][data-applications-ready]")
    api(page, f"async () => {{ await {G}.addApplication({{ company: 'Globex' }}); await {G}.addApplication({{ company: 'Acme' }}); }}")
    # Saved applications wake the bar, which waited for them (guide-wake.js).
    expect(page.locator("[data-applications]")).not_to_have_attribute("data-guide-waiting", "")
    page.check(f'[data-checklist="{PREP.id}"] input[data-item="{PREP.items[0].id}"]')
    page.click("[data-application-delete]")
    page.click("[data-application-delete]")
    page.click("[data-applications] [data-guide-undo]")
    expect(page.locator("[data-application-status]")).to_have_text(APPLICATION_WORDS["restored"].format(name="Acme"))
    imports_again(page, base_url, tmp_path)


def test_after_a_merge_with_an_offer_linked_to_proto(page, base_url, tmp_path):
    """Issue 24, 2: the offer's link is data, never an object's prototype."""
    home(page, base_url)
    api(page, f"{G}.addApplication({{ company: 'Acme' }})")
    choose(page, v2(app("x1", "Globex"), tools={"offers": [{"name": "Odd", "application": "__proto__"},
                                                          {"name": "Globex offer", "application": "x1"}]}))
    page.click(f"{TOOLS} [data-progress-merge]")
    expect(page.locator(STATUS)).to_have_text(WORDS["mergedSeveral"].format(**totals(dump(page))))
    stored = held(page)[key("shared", "tool:offers")]
    assert [o["application"] for o in stored] == ["", "x1"]
    imports_again(page, base_url, tmp_path)


def test_after_importing_unknown_data_nested_as_deep_as_a_file_can_hold(page, base_url, tmp_path):
    """Issue 24, 3: a version-1 file's unknown tool is kept only if its export can be imported."""
    home(page, base_url)
    deepest = progress.UNKNOWN_DEPTH
    choose(page, v1(checklists=ticks(PREP, 1), tools={"kept": nested(deepest), "future": nested(6)}))
    unknown = WORDS["summary"]["unknown"][1].format(count=2, kept=1)
    expect(page.locator(STATUS)).to_have_text(WORDS["restored"].format(ticks=1, notes=0) + " " + unknown + ".")
    assert held(page)[key(FIRST, "tool:kept")] == nested(deepest)
    assert key(FIRST, "tool:future") not in held(page)
    file = imports_again(page, base_url, tmp_path)
    assert file["applications"][0]["tools"]["kept"] == nested(deepest)


def test_after_another_tab_writes(context, base_url, tmp_path):
    mine, other = context.new_page(), context.new_page()
    home(mine, base_url)
    open_page(other, base_url + "cheat-sheet/", "[data-cheatsheet][data-cheatsheet-ready]")
    api(other, f"{G}.addApplication({{ company: 'Globex' }})")
    other.fill('[data-cheatsheet-note="questions"]', "Asked in the other tab")
    notes = key(api(other, f"{G}.scope()"), "notes")
    for tab in (other, mine):  # it reaches this tab's storage a moment after the other's
        tab.wait_for_function("k => localStorage.getItem(k)", arg=notes)
    imports_again(mine, base_url, tmp_path)
    assert "Globex" in [r["company"] for r in records(mine).values()]


def test_a_review_left_open_while_another_tab_adds_the_last_application(context, base_url):
    """Issue 24, 1: the review follows the other tab, and "as a new application" is refused."""
    mine, other = context.new_page(), context.new_page()
    home(mine, base_url)
    put(mine, {key("shared", f"application:a{n}"): {"company": f"Company {n}", "added": n}
               for n in range(MAX_APPLICATIONS - 1)})
    home(mine, base_url)
    choose(mine, v1(checklists=ticks(PREP, 1)))
    new = mine.locator(f"{TOOLS} [data-progress-new]")
    expect(new).to_be_visible()
    open_page(other, base_url + f"{GUIDE.sections[0].slug}/")
    api(other, f"{G}.addApplication({{ company: 'The tenth' }})")
    # Another tab's write reaches this tab's storage a moment later (each tab has its own renderer).
    mine.wait_for_function("([prefix, n]) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).length === n",
                           arg=[RECORD_KEY_PREFIX, MAX_APPLICATIONS])
    mine.evaluate("s => document.querySelector(s).click()", f"{TOOLS} [data-progress-new]")  # as if just before
    expect(mine.locator(ALERT)).to_have_text(WORDS["full"])
    assert len(records(mine)) == MAX_APPLICATIONS
    expect(new).to_be_hidden()  # the review now shows what this browser holds
    expect(mine.locator(f"{REVIEW} [data-progress-explain]")).to_contain_text(WORDS["newFull"])
    expect(mine.locator(f"{REVIEW} [data-progress-current] li").first).to_be_visible()


def test_the_review_and_a_refusal_have_no_accessibility_violations_in_either_scheme(page, base_url):
    home(page, base_url)
    api(page, f"() => {G}.addApplication({{ company: 'Northwind Analytics', date: '2026-12-08' }})")
    choose(page, v2(app("x1", "Blue Harbor Health", "Operations", checklists=ticks(PREP, 1))))
    expect(page.locator(REVIEW)).to_be_visible()
    assert violations_in_both_schemes(page, TOOLS) == []
    choose(page, v2({**app("a1", "A"), "details": {"company": "A", "time": "25:99"}}))
    expect(page.locator(ALERT)).to_be_visible()
    assert violations_in_both_schemes(page, TOOLS) == []
