"""Several applications (issue 14): each application keeps its own ticks, notes and plan; the
current one survives a reload and is this tab's alone; data from before applications is the first
application; adding, switching and deleting work from the keyboard, and a delete can be undone."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from macros.applications import CONFIG, MAX_APPLICATIONS, WORDS
from tests.browser.support import FULL, GUIDE_TOOLS, KEY, V2, entries, page_with_storage, violations_in_both_schemes
from tests.pages import GUIDE

SECTION = GUIDE.sections[0]
PREP = SECTION.checklists[0]
LIST = f'[data-checklist="{PREP.id}"]'
FIRST_ITEM = f'{LIST} input[data-item="{PREP.items[0].id}"]'
SECOND_ITEM = f'{LIST} input[data-item="{PREP.items[1].id}"]'
BAR = "[data-applications]"
SWITCHER = "select[data-application-switcher]"
STATUS = "[data-application-status]"


def ready(page, url: str):
    page.goto(url)
    page.wait_for_selector(f"{BAR}[data-applications-ready]", state="attached")


def add(page, company: str, role: str = ""):
    page.click("[data-application-add]")
    page.fill('[data-application-field="company"]', company)
    page.fill('[data-application-field="role"]', role)
    page.click("[data-application-save]")
    expect(page.locator(STATUS)).to_contain_text(company)


def option_names(page) -> list[str]:
    return page.locator(f"{SWITCHER} option").all_inner_texts()


def current_name(page) -> str:
    return page.evaluate(f"() => document.querySelector('{SWITCHER}').selectedOptions[0].textContent")


def switch_to(page, company: str):
    value = page.evaluate(
        f"(c) => [...document.querySelectorAll('{SWITCHER} option')].find((o) => o.textContent.startsWith(c)).value",
        company)
    page.select_option(SWITCHER, value)
    expect(page.locator(STATUS)).to_contain_text(company)


def test_ticks_and_notes_belong_to_their_application_and_reload_keeps_it(page, base_url):
    ready(page, base_url + f"{SECTION.slug}/")
    assert page.locator(BAR).count() == 1
    assert option_names(page) == [WORDS["untitled"]]  # a first visit: one application
    page.check(FIRST_ITEM)
    add(page, "Globex", "Data analyst")
    assert current_name(page) == "Globex (Data analyst)"
    expect(page.locator(FIRST_ITEM)).not_to_be_checked()  # B starts empty, without a reload
    page.check(SECOND_ITEM)
    switch_to(page, WORDS["untitled"])
    expect(page.locator(FIRST_ITEM)).to_be_checked()
    expect(page.locator(SECOND_ITEM)).not_to_be_checked()
    page.reload()
    page.wait_for_selector(f"{BAR}[data-applications-ready]", state="attached")
    assert current_name(page) == WORDS["untitled"]  # the reload kept this tab's application
    expect(page.locator(FIRST_ITEM)).to_be_checked()
    switch_to(page, "Globex")
    page.reload()
    page.wait_for_selector(f"{BAR}[data-applications-ready]", state="attached")
    assert current_name(page) == "Globex (Data analyst)"
    expect(page.locator(SECOND_ITEM)).to_be_checked()
    expect(page.locator(FIRST_ITEM)).not_to_be_checked()

    # Notes, after an instant navigation to the cheat sheet (the switch works there too).
    page.wait_for_load_state("networkidle")
    page.click(".md-nav--primary a[href$='cheat-sheet/']")
    page.wait_for_selector("[data-cheatsheet][data-cheatsheet-ready]", state="attached")
    note = page.locator('[data-cheatsheet-note="questions"]')
    expect(note).to_have_value("")
    note.fill("What does the first month look like at Globex?")
    expect(page.locator("[data-application-header]")).to_contain_text("Globex")
    switch_to(page, WORDS["untitled"])
    expect(note).to_have_value("")
    switch_to(page, "Globex")
    expect(note).to_have_value("What does the first month look like at Globex?")
    assert page.locator(BAR).count() == 1


def test_the_planners_company_is_the_applications(page, base_url):
    ready(page, base_url + "follow-up/")
    company = page.locator('[data-planner-field="company"]')
    company.fill("Initech")
    expect(page.locator(f"{SWITCHER} option")).to_have_text(["Initech"])
    add(page, "Umbrella", "Engineer")
    expect(company).to_have_value("Umbrella")
    page.fill('[data-planner-field="date"]', "2026-12-03")
    page.click("[data-application-rename]")
    expect(page.locator('[data-application-field="date"]')).to_have_value("2026-12-03")
    page.fill('[data-application-field="company"]', "Umbrella Corp")
    page.click("[data-application-save]")
    expect(company).to_have_value("Umbrella Corp")
    switch_to(page, "Initech")
    expect(company).to_have_value("Initech")
    expect(page.locator('[data-planner-field="date"]')).to_have_value("")


def test_version_1_data_is_the_first_application(page, base_url):
    ticks = {PREP.id: {item.id: True for item in PREP.items[:2]}}
    notes = {"questions": "Who would I work with?", "salary": "55-60k"}
    old = {"checklists": ticks, "notes": notes,
           "tools": {"planner": {"date": "2026-12-01", "company": "Hooli"}, "stories": [{"title": "A"}]}}
    page.goto(base_url + "about/")
    page.evaluate("([key, value]) => { localStorage.clear(); localStorage.setItem(key, value); }",
                  [KEY, json.dumps(old)])
    ready(page, base_url + f"{SECTION.slug}/")
    assert option_names(page) == ["Hooli"]
    for item in PREP.items[:2]:
        expect(page.locator(f'{LIST} input[data-item="{item.id}"]')).to_be_checked()
    stored = entries(page)
    assert json.loads(stored[f"{V2}:main:checklists"]) == ticks
    assert json.loads(stored[f"{V2}:main:notes"]) == notes
    assert KEY not in stored
    record = json.loads(stored[f"{V2}:shared:tool:applications"])["list"]["main"]
    assert record["company"] == "Hooli" and record["date"] == "2026-12-01"


def test_delete_asks_and_can_be_undone_all_from_the_keyboard(page, base_url):
    ready(page, base_url + f"{SECTION.slug}/")
    page.focus("[data-application-add]")
    page.keyboard.press("Enter")
    expect(page.locator('[data-application-field="company"]')).to_be_focused()
    page.keyboard.type("Stark")
    page.keyboard.press("Tab")
    page.keyboard.type("Designer")
    page.keyboard.press("Enter")  # submits the form
    expect(page.locator(STATUS)).to_contain_text("Stark")
    expect(page.locator(SWITCHER)).to_be_focused()
    page.focus(FIRST_ITEM)
    page.keyboard.press("Space")
    expect(page.locator(FIRST_ITEM)).to_be_checked()
    stark = page.evaluate("window.SecondInterviewGuide.scope()")

    delete = page.locator("[data-application-delete]")
    delete.focus()
    page.keyboard.press("Enter")
    expect(delete).to_have_text(delete.get_attribute("data-confirm"))  # asks first
    assert len(option_names(page)) == 2
    page.keyboard.press("Enter")
    expect(page.locator(SWITCHER + " option")).to_have_count(1)
    assert not any(key.startswith(f"{V2}:{stark}:") for key in entries(page))
    expect(page.locator("[data-application-undo-button]")).to_be_focused()
    expect(page.locator(FIRST_ITEM)).not_to_be_checked()
    page.keyboard.press("Enter")  # Undo
    expect(page.locator(SWITCHER + " option")).to_have_count(2)
    assert current_name(page) == "Stark (Designer)"
    expect(page.locator(FIRST_ITEM)).to_be_checked()

    # Switch with the keyboard alone: the arrow keys on the focused select.
    expect(page.locator(SWITCHER)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator(STATUS)).to_contain_text(WORDS["untitled"])
    expect(page.locator(FIRST_ITEM)).not_to_be_checked()


def test_a_switch_leaves_the_other_tabs_application_alone(context, base_url):
    mine, other = context.new_page(), context.new_page()
    ready(mine, base_url + f"{SECTION.slug}/")
    add(mine, "Wayne")
    ready(other, base_url + f"{SECTION.slug}/")
    assert current_name(other) == "Wayne"  # a new tab starts from the last one chosen
    switch_to(mine, WORDS["untitled"])
    expect(other.locator(SWITCHER + " option")).to_have_count(2)
    assert current_name(other) == "Wayne"
    other.check(FIRST_ITEM)
    expect(mine.locator(FIRST_ITEM)).not_to_be_checked()
    other.reload()
    other.wait_for_selector(f"{BAR}[data-applications-ready]", state="attached")
    assert current_name(other) == "Wayne"  # its own choice, kept in the tab
    expect(other.locator(FIRST_ITEM)).to_be_checked()


def test_the_limit_comes_from_python(page, base_url):
    ready(page, base_url + f"{SECTION.slug}/")
    records = {f"a{n}": {"company": f"Company {n}", "added": n} for n in range(MAX_APPLICATIONS)}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [f"{V2}:shared:tool:applications", json.dumps({"current": "a0", "list": records})])
    page.reload()
    page.wait_for_selector(f"{BAR}[data-applications-ready]", state="attached")
    expect(page.locator(SWITCHER + " option")).to_have_count(CONFIG["max"])
    page.click("[data-application-add]")
    expect(page.locator(STATUS)).to_have_text(WORDS["full"])
    expect(page.locator("[data-application-form]")).to_be_hidden()


def test_home_lists_applications_soonest_first_with_readiness(page, base_url):
    ready(page, base_url + f"{SECTION.slug}/")
    page.check(FIRST_ITEM)
    records = {"main": {"company": "Late Ltd", "date": "2027-03-01", "added": 0},
               "b1": {"company": "Soon Inc", "date": "2026-12-01", "added": 1},
               "b2": {"company": "Undated", "added": 2}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [f"{V2}:shared:tool:applications", json.dumps({"current": "main", "list": records})])
    ready(page, base_url)
    rows = page.locator("[data-application-rows] tr")
    expect(rows).to_have_count(3)
    names = [rows.nth(i).locator("th").inner_text() for i in range(3)]
    assert names == ["Soon Inc", "Late Ltd", "Undated"]
    total = sum(len(c.items) for c in GUIDE.checklists.values())
    assert rows.nth(1).locator("td").nth(1).inner_text() == WORDS["ready"].format(done=1, total=total)
    assert rows.nth(2).locator("td").nth(0).inner_text() == WORDS["noDate"]


def test_no_axe_violations_in_light_and_dark_with_several_applications(page, base_url):
    from macros import progress

    ready(page, base_url)
    add(page, "Acme", "Analyst")
    add(page, "Globex")
    page.click("[data-application-add]")  # the form open too
    several = {"format": progress.CONFIG["format"], "version": progress.CONFIG["version"], "tools": {},
               "applications": [{"id": "x1", "details": {"company": "Acme", "role": "Analyst"}},
                                {"id": "x2", "details": {"company": "Initech"}}]}
    page.set_input_files("[data-progress-import]", {"name": "progress.json", "mimeType": "application/json",
                                                    "buffer": json.dumps(several).encode()})
    expect(page.locator("[data-progress-review]")).to_be_visible()  # the review of several too
    problems = violations_in_both_schemes(page, GUIDE_TOOLS)
    assert not problems, problems


def test_applications_work_for_the_visit_when_the_browser_refuses_to_save(context, base_url):
    page = page_with_storage(context, FULL)
    ready(page, base_url + f"{SECTION.slug}/")
    expect(page.locator("[data-storage-notice]:not([hidden])")).to_have_count(1)
    add(page, "Acme")
    page.check(FIRST_ITEM)
    switch_to(page, WORDS["untitled"])
    expect(page.locator(FIRST_ITEM)).not_to_be_checked()
    switch_to(page, "Acme")
    expect(page.locator(FIRST_ITEM)).to_be_checked()
    assert not any(key.startswith(V2 + ":") for key in entries(page))  # nothing claimed as stored


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_sheet_starts_with_the_application_and_prints_on_one_page(page, base_url, paper):
    import io

    from pypdf import PdfReader

    from macros.applications import APPLICATION_FIELDS
    from tests.browser.test_cheat_sheet_print import fill_every_note
    from tools.print_cheat_sheet import print_pdf

    ready(page, base_url + "cheat-sheet/")
    fill_every_note(page)
    full = {f.key: ("W" * (f.limit or 10))[: f.limit or 10] for f in APPLICATION_FIELDS}
    full.update(date="2026-12-09", time="09:30")
    records = {f"a{n}": dict(full, company=f"CO{n}" + "x" * (len(full["company"]) - 3), added=n)
               for n in range(MAX_APPLICATIONS)}
    records["main"] = dict(full, company="COMPANYMARK " + "w" * (len(full["company"]) - 12),
                           role="ROLEMARK " + "r" * (len(full["role"]) - 9), added=-1)
    del records[f"a{MAX_APPLICATIONS - 1}"]
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [f"{V2}:shared:tool:applications", json.dumps({"current": "main", "list": records})])
    page.reload()
    page.wait_for_selector(f"{BAR}[data-applications-ready]", state="attached")
    expect(page.locator(SWITCHER + " option")).to_have_count(MAX_APPLICATIONS)
    pdf = print_pdf(page, paper)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1, f"{paper}: the sheet with its header is more than one page"
    text = " ".join(reader.pages[0].extract_text().split())
    assert "COMPANYMARK" in text and "ROLEMARK" in text
    assert f'{full["date"]}, {full["time"]}' in text  # the date and time are never cut short
    assert text.index("COMPANYMARK") < text.index(GUIDE.sections[0].title)  # the header comes first


def test_a_blank_sheet_prints_its_title_and_no_made_up_company(page, base_url):
    """An application the reader has not named is shown as "untitled" in the bar, but the printed
    header holds only what the reader entered: a blank sheet (what `make pdf` prints for
    download) keeps its title and leaves the company to be written in by hand."""
    import io

    from pypdf import PdfReader

    from tools.print_cheat_sheet import print_pdf

    ready(page, base_url + "cheat-sheet/")
    expect(page.locator(SWITCHER + " option")).to_have_text([WORDS["untitled"]])
    title = page.locator(".sig-sheet__title").inner_text().strip()
    printed = " ".join(PdfReader(io.BytesIO(print_pdf(page, "A4"))).pages[0].extract_text().split())
    assert title and printed.startswith(title), printed[:200]
    assert WORDS["untitled"] not in printed
    page.emulate_media(media="print")
    expect(page.locator("[data-application-header-row]:visible")).to_have_count(0)
    page.emulate_media(media="screen")
    page.fill('[data-cheatsheet-note="interviewers"]', "Ana Ruiz, head of design")
    add(page, "Hooli", "Designer")
    switch_to(page, WORDS["untitled"])  # back to the unnamed one: only what was entered prints
    page.emulate_media(media="print")
    expect(page.locator("[data-application-header-row]:visible")).to_have_text(
        ["Interviewers: Ana Ruiz, head of design"])


def test_a_version_1_file_imports_into_the_current_application(page, base_url, tmp_path):
    from macros import progress

    ready(page, base_url)
    add(page, "Cyberdyne", "Analyst")
    cyberdyne = page.evaluate("window.SecondInterviewGuide.scope()")
    ticks = {PREP.id: {PREP.items[0].id: True}}
    file = tmp_path / "progress.json"
    file.write_text(json.dumps({"format": progress.CONFIG["format"], "version": progress.CONFIG["oneApplication"],
                                "checklists": ticks, "notes": {"salary": "60k"},
                                "tools": {"planner": {"date": "2026-12-08", "company": "Cyberdyne Systems"}}}))
    page.set_input_files("[data-progress-import]", str(file))
    page.click("[data-progress-replace]")  # it asks: the application's plan holds its company
    expect(page.locator("[data-progress-message]")).to_contain_text("restored")
    stored = entries(page)
    assert json.loads(stored[f"{V2}:{cyberdyne}:checklists"]) == ticks
    assert json.loads(stored[f"{V2}:{cyberdyne}:notes"]) == {"salary": "60k"}
    assert f"{V2}:main:checklists" not in stored  # the first application is untouched
    # The file's plan names the application it went into (one value, two views).
    expect(page.locator(SWITCHER)).to_contain_text("Cyberdyne Systems (Analyst)")
    row = page.locator(f'[data-application-row="{cyberdyne}"]')
    expect(row).to_contain_text("2026-12-08")


def test_the_about_page_says_what_each_application_keeps_and_how_to_delete_it(soup_of):
    from bs4 import BeautifulSoup

    from macros.applications import describe_fields, render_application_bar

    text = " ".join(soup_of("about/").get_text().split())
    assert describe_fields() in text  # every field of an application, from Python
    assert "second-interview-guide:v2:<application>:" in text
    bar = BeautifulSoup(render_application_bar(), "html.parser")
    delete = bar.select_one("[data-application-delete] [data-confirm-face]").get_text()
    undo = bar.select_one("[data-application-undo-button]").get_text()
    assert f'press "{delete}" twice; "{undo}" brings it back' in text
