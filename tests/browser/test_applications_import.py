"""Export and import with several applications (issue 14): export writes every application and
the shared parts, and importing the file gives back exactly what each application held; the
review names the file's applications; Merge joins applications by company and role; a file from
before applications goes into a new application or replaces the current one, as the reader
chooses; a file with too many applications or a malformed one is refused, naming the place; an
offer linked to an application takes its company's name."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from macros import cheat_sheet, progress, stories, thank_you
from macros.applications import MAX_APPLICATIONS, WORDS as APPLICATION_WORDS
from macros.planner import CONFIG as PLANNER
from tests.browser.support import V2, entries
from tests.browser.test_applications import SWITCHER, add, ready
from tests.pages import GUIDE

LISTS = list(GUIDE.checklists.values())
MESSAGE = "[data-progress-message]"
REVIEW = "[data-progress-review]"
FILE_APPS = "[data-progress-file] [data-progress-application]"
WORDS = progress.CONFIG


def held(page) -> dict:
    """Every part the guide stores, parsed, by key; the index's list of applications as a set
    (its order says only which was written first)."""
    found = {key: json.loads(text) for key, text in entries(page).items() if key.startswith(V2)}
    found[V2] = {**found.get(V2, {}), "scopes": set(found.get(V2, {}).get("scopes", []))}
    return found


def choose(page, content) -> None:
    data = json.dumps(content).encode()
    page.set_input_files("[data-progress-import]",
                         {"name": "progress.json", "mimeType": "application/json", "buffer": data})


def fill_application(page, n: int) -> None:
    """Application number n (0, 1, 2) gets its own ticks, note, plan and draft, through the core."""
    checklist = LISTS[n % len(LISTS)]
    note = cheat_sheet.NOTE_FIELDS[n % len(cheat_sheet.NOTE_FIELDS)]
    page.evaluate("""([ticks, notes, plan, card, planned]) => {
        const G = window.SecondInterviewGuide;
        G.writePart('checklists', ticks);
        G.writePart('notes', notes);
        G.saveApplication(G.scope(), plan, planned);
        G.write('thankYou', [card]);
    }""", [{checklist.id: {item.id: True for item in checklist.items[: n + 1]}},
           {note.key: f"Note {n} for {note.label}"},
           {"date": f"2026-12-0{n + 1}", "time": "09:30"},
           {**{f.key: f"{f.key} {n}" for f in thank_you.THANK_YOU_FIELDS}, thank_you.MESSAGE: f"Thanks {n}"},
           PLANNER["application"]])


def export(page, tmp_path) -> dict:
    with page.expect_download() as download:
        page.click("[data-progress-export]")
    path = tmp_path / "export.json"
    download.value.save_as(path)
    expect(page.locator(MESSAGE)).to_have_text(WORDS["exported"])
    return json.loads(path.read_text(encoding="utf-8"))


def test_three_applications_round_trip_exactly_through_a_file(page, base_url, tmp_path):
    ready(page, base_url)
    fill_application(page, 0)
    for n, company in ((1, "Globex"), (2, "Initech")):
        add(page, company, "Analyst")
        fill_application(page, n)
    page.evaluate("""([story]) => {
        const G = window.SecondInterviewGuide;
        G.write('stories', [story]);
        G.write('offers', [{name: 'Globex', base: '52000', application: G.scope()}]);
    }""", [{stories.TITLE: "Shipped the report", "situation": "S", "task": "T", "action": "A", "result": "R",
            "tags": []}])
    before = held(page)
    assert len(before[f"{V2}:shared:tool:applications"]["list"]) == 3

    file = export(page, tmp_path)
    assert file["version"] == WORDS["version"] and len(file["applications"]) == 3

    # The browser changes (a fourth application, a tick), then the file is imported over it.
    add(page, "Hooli")
    fill_application(page, 0)
    page.set_input_files("[data-progress-import]", str(tmp_path / "export.json"))
    expect(page.locator(REVIEW)).to_be_visible()
    lines = page.locator(FILE_APPS)
    expect(lines).to_have_count(3)  # the review names each application in the file
    for app, line in zip(file["applications"], lines.all()):
        assert line.get_attribute("data-progress-application") == app["id"]
        expect(line).to_contain_text(app["details"]["company"] or APPLICATION_WORDS["untitled"])
    expect(page.locator("[data-progress-current] [data-progress-application]")).to_have_count(4)
    expect(page.locator("[data-progress-new]")).to_be_hidden()  # only a file of one application offers it
    page.click("[data-progress-replace]")
    expect(page.locator(MESSAGE)).to_contain_text(
        WORDS["restoredSeveral"].split("{")[0])
    assert held(page) == before
    expect(page.locator(f"{SWITCHER} option")).to_have_count(3)

    # Into an empty browser: applied at once, and again exactly the same.
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    ready(page, base_url)
    page.set_input_files("[data-progress-import]", str(tmp_path / "export.json"))
    expect(page.locator(MESSAGE)).to_contain_text(WORDS["restoredSeveral"].split("{")[0])
    assert held(page) == before


def several(*apps, **rest) -> dict:
    return {"format": WORDS["format"], "version": WORDS["version"], "applications": list(apps), "tools": {},
            **rest}


def app(app_id: str, company: str, role: str = "", ticks=None, **rest) -> dict:
    return {"id": app_id, "details": {"company": company, "role": role}, "checklists": ticks or {}, **rest}


def test_merge_joins_applications_by_company_and_role_and_adds_the_others(page, base_url):
    first, second = LISTS[0].items[0].id, LISTS[0].items[1].id
    ready(page, base_url)
    page.evaluate("""([ticks]) => {
        const G = window.SecondInterviewGuide;
        G.saveApplication(G.scope(), {company: 'Acme', role: 'Analyst'});
        G.writePart('checklists', ticks);
    }""", [{LISTS[0].id: {first: True}}])
    add(page, "Other")
    other = page.evaluate("window.SecondInterviewGuide.scope()")
    choose(page, several(app("x1", " acme", "ANALYST", {LISTS[0].id: {second: True}}),
                         app("x2", "Globex", ticks={LISTS[0].id: {first: True}}),
                         tools={"offers": [{"name": "Globex offer", "application": "x2"}]}))
    lines = page.locator(FILE_APPS)
    expect(lines).to_have_count(2)
    expect(lines.nth(0)).to_contain_text(WORDS["fates"]["join"])
    expect(lines.nth(1)).to_contain_text(WORDS["fates"]["add"])
    page.click("[data-progress-merge]")
    expect(page.locator(MESSAGE)).to_contain_text(WORDS["mergedSeveral"].split("{")[0])
    stored = held(page)
    apps = stored[f"{V2}:shared:tool:applications"]["list"]
    assert sorted(a["company"] for a in apps.values()) == ["Acme", "Globex", "Other"]
    assert stored[f"{V2}:main:checklists"] == {LISTS[0].id: {first: True, second: True}}
    globex = next(i for i, a in apps.items() if a["company"] == "Globex")
    assert stored[f"{V2}:{globex}:checklists"] == {LISTS[0].id: {first: True}}
    assert stored[f"{V2}:shared:tool:offers"][0]["application"] == globex  # the link follows it
    assert page.evaluate("window.SecondInterviewGuide.scope()") == other  # this tab stays where it was


def test_a_version_1_file_goes_into_a_new_application_or_replaces_the_current_one(page, base_url):
    first, second = LISTS[0].items[0].id, LISTS[0].items[1].id
    old_file = {"format": WORDS["format"], "version": WORDS["oneApplication"],
                "checklists": {LISTS[0].id: {second: True}}, "notes": {},
                "tools": {"planner": {"date": "2026-12-10", "company": "Vandelay"},
                          "stories": [{stories.TITLE: "From the file"}]}}
    ready(page, base_url)
    add(page, "Acme")
    acme = page.evaluate("window.SecondInterviewGuide.scope()")
    page.evaluate("([ticks]) => window.SecondInterviewGuide.writePart('checklists', ticks)",
                  [{LISTS[0].id: {first: True}}])

    # A new application: named from the file's plan, and this tab prepares for it.
    choose(page, old_file)
    expect(page.locator("[data-progress-new]")).to_be_visible()
    expect(page.locator("[data-progress-replace]")).to_contain_text("Acme")  # says which one it replaces
    page.click("[data-progress-new]")
    expect(page.locator(MESSAGE)).to_contain_text("Vandelay")
    expect(page.locator(SWITCHER)).to_have_value(page.evaluate("window.SecondInterviewGuide.scope()"))
    vandelay = page.evaluate("window.SecondInterviewGuide.scope()")
    assert vandelay not in (acme, "main")
    stored = held(page)
    assert stored[f"{V2}:{vandelay}:checklists"] == {LISTS[0].id: {second: True}}
    assert stored[f"{V2}:{acme}:checklists"] == {LISTS[0].id: {first: True}}  # Acme untouched
    record = stored[f"{V2}:shared:tool:applications"]["list"][vandelay]
    assert record["company"] == "Vandelay" and record["date"] == "2026-12-10"
    assert [s[stories.TITLE] for s in stored[f"{V2}:shared:tool:stories"]] == ["From the file"]

    # Replacing the current one: Acme takes the file's ticks, the others keep theirs.
    page.select_option(SWITCHER, acme)
    choose(page, old_file)
    page.click("[data-progress-replace]")
    expect(page.locator(MESSAGE)).to_contain_text("restored")
    stored = held(page)
    assert stored[f"{V2}:{acme}:checklists"] == {LISTS[0].id: {second: True}}
    assert stored[f"{V2}:{vandelay}:checklists"] == {LISTS[0].id: {second: True}}
    assert len(stored[f"{V2}:shared:tool:applications"]["list"]) == 3


def test_too_many_or_malformed_applications_are_refused_naming_the_place(page, base_url):
    ready(page, base_url)
    add(page, "Acme")
    tick = {LISTS[0].id: {LISTS[0].items[0].id: True}}
    page.evaluate("([ticks]) => window.SecondInterviewGuide.writePart('checklists', ticks)", [tick])
    before = held(page)
    many = MAX_APPLICATIONS + 1
    cases = [
        (several(*[app(f"a{n}", f"Company {n}") for n in range(many)]),
         f"{many} entries in “applications”, and the guide keeps {MAX_APPLICATIONS}"),
        ({**several(), "applications": {"a1": {}}}, "“applications” should be a list, but it is a group"),
        (several(app("a1", "A"), "text"), "“applications › entry 2” should be a group of named entries"),
        (several(app("a1", "A"), app("a1", "B")), "“applications › entry 2 › id” is not an application id"),
        (several(app("A B", "A")), "“applications › entry 1 › id” is not an application id"),
        (several(app("a1", "x" * 500)), "“applications › entry 1 › the application's details › company” is 500"),
        (several(app("a1", "A", ticks={LISTS[0].id: {LISTS[0].items[0].id: "yes"}})),
         f"“applications › entry 1 › checklists › {LISTS[0].id} › {LISTS[0].items[0].id}” should be true or false"),
        (several(app("a1", "A", tools={"stories": []})),
         "“applications › entry 1 › the tools › story bank” belongs to all applications"),
        (several(app("a1", "A"), tools={"planner": {}}), "“the tools › planner” belongs to one application"),
        (several(app("a1", "A", tools={"thankYou": [{}] * (thank_you.MOST_CARDS + 1)})),
         f"in “applications › entry 1 › the tools › thank-you drafts”, and the guide keeps {thank_you.MOST_CARDS}"),
    ]
    for file, words in cases:
        choose(page, file)
        expect(page.locator(MESSAGE)).to_contain_text(words)
        expect(page.locator(MESSAGE)).to_contain_text("Nothing was changed.")
        expect(page.locator(REVIEW)).to_be_hidden()
    assert held(page) == before


def test_an_offer_linked_to_an_application_takes_its_company(page, base_url):
    ready(page, base_url + "offer/")
    add(page, "Initech", "Engineer")
    initech = page.evaluate("window.SecondInterviewGuide.scope()")
    link = page.locator('[data-offer-application][data-offers-offer="1"]')
    expect(link.locator("option")).to_have_count(3)  # none, the first application, Initech
    link.select_option(initech)
    name = page.locator('[data-offers-field="name"][data-offers-offer="1"]')
    expect(name).to_have_value("Initech")
    page.fill('[data-offers-field="name"][data-offers-offer="2"]', "Own name")
    page.locator('[data-offer-application][data-offers-offer="2"]').select_option(initech)
    expect(page.locator('[data-offers-field="name"][data-offers-offer="2"]')).to_have_value("Own name")
    page.locator('[data-offers-field="base"][data-offers-offer="1"]').fill("52000")
    offers = held(page)[f"{V2}:shared:tool:offers"]
    assert offers[0]["application"] == initech and offers[0]["name"] == "Initech"
    assert offers[1]["application"] == initech and offers[1]["name"] == "Own name"
    page.select_option(SWITCHER, "main")  # the offers are shared: the same in every application
    expect(page.locator("[data-application-status]")).to_contain_text(APPLICATION_WORDS["switched"].split("{")[0])
    expect(name).to_have_value("Initech")
    expect(link).to_have_value(initech)
