"""The reader's applications: the first visit's set-up, the bar (switch, add, edit details,
delete with Undo), one record that the bar and the planner both edit under one rule, the limit on
every path that adds one, and what another tab's add, delete, rename or clear does here."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout, expect

from macros.applications import FIELD_WORDS, MAX_APPLICATIONS, NAME_WORDS, WORDS
from macros.core import RECORD_KEY_PREFIX
from tests.browser.support import FIRST, G, api, entries, key, open_page, put, records

from tests.pages import GUIDE

SECTION = GUIDE.sections[0]
PREP = SECTION.checklists[0]
FIRST_ITEM = f'[data-checklist="{PREP.id}"] input[data-item="{PREP.items[0].id}"]'
SECOND_ITEM = f'[data-checklist="{PREP.id}"] input[data-item="{PREP.items[1].id}"]'
BAR = "[data-applications]"
SWITCHER = "select[data-application-switcher]"
STATUS = "[data-application-status]"
ALERT = f"{BAR} [data-guide-alert]"


def ready(page, url: str):
    open_page(page, url, f"{BAR}[data-applications-ready]")


def add(page, company: str, role: str = "", date: str = ""):
    page.click("[data-application-add]")
    page.fill('[data-application-field="company"]', company)
    page.fill('[data-application-field="role"]', role)
    page.fill('[data-application-field="date"]', date)
    page.click("[data-application-save]")
    expect(page.locator(STATUS)).to_contain_text(company)


def names(page) -> list[str]:
    return page.locator(f"{SWITCHER} option").all_inner_texts()


def current_name(page) -> str:
    return page.evaluate(f"() => document.querySelector('{SWITCHER}').selectedOptions[0].textContent")


def switch_to(page, company: str):
    value = page.evaluate(
        f"(c) => [...document.querySelectorAll('{SWITCHER} option')].find((o) => o.textContent.startsWith(c)).value", company)
    page.select_option(SWITCHER, value)
    expect(page.locator(STATUS)).to_contain_text(company)


@pytest.mark.parametrize("width, height", [(1366, 900), (390, 844)])
def test_a_first_visit_sets_up_the_interview_from_the_first_screen(page, base_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    ready(page, base_url)
    form = page.locator("[data-application-setup]")
    expect(form).to_be_visible()
    box = form.locator("[data-application-setup-save]").bounding_box()
    assert box["y"] + box["height"] <= height, "the set-up is in the first screen"
    expect(page.locator("[data-application-current]")).to_be_hidden()
    page.fill('[data-application-setup-field="company"]', "Northwind Analytics")
    page.fill('[data-application-setup-field="role"]', "Data analyst")
    page.fill('[data-application-setup-field="date"]', "2026-12-08")
    page.click("[data-application-setup-save]")
    expect(page.locator(STATUS)).to_have_text(WORDS["named"].format(name="Northwind Analytics (Data analyst)"))
    expect(form).to_be_hidden()
    assert names(page) == ["Northwind Analytics (Data analyst)"]
    assert list(records(page)) == [FIRST], "setting up names the first application, and leaves no other"
    assert records(page)[FIRST]["date"] == "2026-12-08"


@pytest.mark.parametrize("named", [True, False], ids=["named", "untitled"])
def test_the_first_screen_is_right_before_any_script_of_ours_runs(context, base_url, named):
    """The head's check (overrides/main.html, with macros/core.py RECORD_KEY_PREFIX) picks the
    set-up or the bar for the first paint: with every script of the guide refused, only it can."""
    page = context.new_page()  # its own tab: the route below must not reach a lent one
    page.goto(base_url + "about/")
    put(page, {f"{RECORD_KEY_PREFIX}{FIRST}": {"company": "Globex" if named else "", "added": 0}})
    page.route("**/assets/guide/*.js", lambda route: route.abort())
    page.goto(base_url)
    setup, bar = page.locator("[data-application-setup]"), page.locator("[data-application-current]")
    expect(bar if named else setup).to_be_visible()
    expect(setup if named else bar).to_be_hidden()


def test_the_set_up_needs_a_company_and_says_so(page, base_url):
    ready(page, base_url)
    page.fill('[data-application-setup-field="date"]', "2026-12-08")
    page.click("[data-application-setup-save]")
    company = page.locator('[data-application-setup-field="company"]')
    expect(company).to_have_attribute("aria-invalid", "true")
    expect(company).to_be_focused()
    expect(page.locator(ALERT)).to_have_text(FIELD_WORDS["company"]["missing"])
    expect(page.locator("#sig-setup-company-error")).to_have_text(FIELD_WORDS["company"]["missing"])
    assert records(page) == {}
    # `required` only where it is: the company, never an optional date.
    assert page.locator("[data-guide-component] [required]").evaluate_all(
        "els => els.map((e) => e.getAttribute('data-application-setup-field') || e.getAttribute('data-application-field'))"
    ) == ["company", "company"]


def test_ticks_and_notes_belong_to_their_application_and_a_reload_keeps_it(page, base_url):
    ready(page, base_url + f"{SECTION.slug}/")
    assert names(page) == [NAME_WORDS["untitled"]]
    page.check(FIRST_ITEM)
    add(page, "Globex", "Data analyst")  # names the untitled one: its tick is Globex's now
    assert names(page) == ["Globex (Data analyst)"] and list(records(page)) == [FIRST]
    expect(page.locator(FIRST_ITEM)).to_be_checked()
    add(page, "Blue Harbor Health", "Operations")
    assert current_name(page) == "Blue Harbor Health (Operations)"
    expect(page.locator(FIRST_ITEM)).not_to_be_checked()  # a new one starts empty, without a reload
    page.check(SECOND_ITEM)
    switch_to(page, "Globex")
    expect(page.locator(FIRST_ITEM)).to_be_checked()
    expect(page.locator(SECOND_ITEM)).not_to_be_checked()
    page.reload()
    page.wait_for_selector(f"{BAR}[data-applications-ready]", state="attached")
    assert current_name(page) == "Globex (Data analyst)"  # the reload kept this tab's application
    page.wait_for_load_state("networkidle")
    page.click(".md-nav--primary a[href$='cheat-sheet/']")  # instant navigation
    page.wait_for_selector("[data-cheatsheet][data-cheatsheet-ready]", state="attached")
    note = page.locator('[data-cheatsheet-note="questions"]')
    note.fill("What does the first month look like?")
    switch_to(page, "Blue Harbor")
    expect(note).to_have_value("")
    switch_to(page, "Globex")
    expect(note).to_have_value("What does the first month look like?")


def test_the_bar_and_the_planner_edit_one_record_under_one_rule(page, base_url):
    ready(page, base_url + "follow-up/")
    company = page.locator('[data-planner-field="company"]')
    company.fill("Initech")
    expect(page.locator(f"{SWITCHER} option")).to_have_text(["Initech"])
    page.fill('[data-planner-field="date"]', "2026-12-03")
    page.click("[data-application-rename]")  # "Edit details"
    expect(page.locator("[data-application-rename]")).to_have_text("Edit details")
    expect(page.locator('[data-application-field="date"]')).to_have_value("2026-12-03")
    page.fill('[data-application-field="company"]', "Initech Ltd")
    page.fill('[data-application-field="time"]', "14:30")
    page.click("[data-application-save]")
    expect(company).to_have_value("Initech Ltd")
    expect(page.locator('[data-planner-field="time"]')).to_have_value("14:30")
    # Emptying the company in the planner is refused as in the bar: the name stays.
    company.fill("")
    expect(company).to_have_attribute("aria-invalid", "true")
    expect(page.locator('[data-planner-message="company"]')).to_have_text(FIELD_WORDS["company"]["missing"])
    assert records(page)[FIRST]["company"] == "Initech Ltd"
    assert names(page) == ["Initech Ltd"]
    # Storage keeps each fact once: the planner's part holds only its own dates.
    page.fill('[data-planner-field="offer"]', "2026-12-20")
    page.wait_for_function("k => localStorage.getItem(k)", arg=key(FIRST, "tool:planner"))
    stored = entries(page)
    assert set(__import__("json").loads(stored[key(FIRST, "tool:planner")])) <= {"decision", "offer"}


def test_delete_asks_and_undo_brings_it_all_back_from_the_keyboard(page, base_url):
    ready(page, base_url + f"{SECTION.slug}/")
    add(page, "Stark")
    page.focus("[data-application-add]")
    page.keyboard.press("Enter")
    expect(page.locator('[data-application-field="company"]')).to_be_focused()
    page.keyboard.type("Wayne")
    page.keyboard.press("Tab")
    page.keyboard.type("Designer")
    page.keyboard.press("Enter")  # submits the form
    expect(page.locator(STATUS)).to_contain_text("Wayne")
    expect(page.locator(SWITCHER)).to_be_focused()
    page.check(FIRST_ITEM)
    wayne = api(page, f"{G}.scope()")
    delete = page.locator("[data-application-delete]")
    delete.focus()
    page.keyboard.press("Enter")
    expect(delete).to_have_text(delete.get_attribute("data-confirm"))  # asks first
    page.keyboard.press("Enter")
    expect(page.locator(f"{SWITCHER} option")).to_have_count(1)
    assert not any(k.startswith(f"{key(wayne, '')}") for k in entries(page)) and wayne not in records(page)
    undo = page.locator(f"{STATUS} [data-guide-undo]")
    expect(undo).to_be_focused()
    expect(page.locator("[data-application-undo-button]")).to_have_count(1)
    page.keyboard.press("Enter")
    expect(page.locator(STATUS)).to_have_text(WORDS["restored"].format(name="Wayne (Designer)"))
    assert current_name(page) == "Wayne (Designer)"
    expect(page.locator(FIRST_ITEM)).to_be_checked()
    expect(page.locator(SWITCHER)).to_be_focused()


def test_no_path_takes_the_reader_past_the_limit(page, base_url):
    """Issue 24, 1: with the most, delete one, add one, then Undo the delete: refused, not one too many."""
    page.goto(base_url + "about/")
    put(page, {key("shared", f"application:a{n}"): {"company": f"Company {n}", "added": n}
               for n in range(MAX_APPLICATIONS)})
    ready(page, base_url + f"{SECTION.slug}/")
    expect(page.locator(f"{SWITCHER} option")).to_have_count(MAX_APPLICATIONS)
    page.click("[data-application-add]")
    expect(page.locator(ALERT)).to_have_text(WORDS["full"])
    expect(page.locator("[data-application-form]")).to_be_hidden()
    page.click("[data-application-delete]")
    page.click("[data-application-delete]")
    undo = page.locator(f"{STATUS} [data-guide-undo]")
    expect(undo).to_be_visible()
    api(page, f"{G}.addApplication({{company: 'Newcomer'}})")  # another way in: still one path, one rule
    undo.click()
    expect(page.locator(ALERT)).to_have_text(WORDS["full"])
    assert len(records(page)) == MAX_APPLICATIONS


def holds_both(page, *companies: str) -> bool:
    """Whether `page`'s storage comes to hold a record for each company. Another tab's write reaches
    this tab's storage a moment after that tab's add resolves (each tab has its own renderer), so
    wait for it; a record written over never arrives, and the wait runs out."""
    try:
        page.wait_for_function(
            """([prefix, names]) => {
                const held = Object.keys(localStorage).filter((k) => k.startsWith(prefix))
                  .map((k) => { try { return JSON.parse(localStorage.getItem(k)).company; } catch { return null; } });
                return names.every((name) => held.includes(name));
            }""", arg=[RECORD_KEY_PREFIX, list(companies)], timeout=5_000)
        return True
    except PlaywrightTimeout:
        return False


def test_two_tabs_adding_in_the_same_millisecond_keep_both(context, base_url):
    """Issue 24: each record is an entry of its own, so neither add can write over the other."""
    mine, other = context.new_page(), context.new_page()
    for tab in (mine, other):
        ready(tab, base_url + f"{SECTION.slug}/")
        add(tab, f"Named {'mine' if tab is mine else 'other'}")  # names the untitled one in each
    schedule = """([at, name]) => {
        window.__added = null;
        setTimeout(() => window.SecondInterviewGuide.addApplication({ company: name })
          .then((outcome) => { window.__added = outcome.result; }), at - Date.now());
      }"""
    kept = 0
    for run in range(20):
        start = mine.evaluate("Date.now() + 200")
        for tab, label in ((mine, "A"), (other, "B")):
            tab.evaluate(schedule, [start, f"{label} {run}"])
        for tab in (mine, other):
            tab.wait_for_function("window.__added === 'added'")
        kept += holds_both(mine, f"A {run}", f"B {run}")
        mine.evaluate(f"() => {{ for (const k of Object.keys(localStorage)) if (k.includes(':application:') && !k.endsWith(':{FIRST}')) localStorage.removeItem(k); }}")
    assert kept == 20


def test_another_tabs_delete_is_said_here_and_nothing_typed_goes_elsewhere(context, base_url):
    mine, other = context.new_page(), context.new_page()
    ready(mine, base_url + "cheat-sheet/")
    add(mine, "Globex")
    add(mine, "Acme")
    acme = api(mine, f"{G}.scope()")
    ready(other, base_url + f"{SECTION.slug}/")
    note = mine.locator('[data-cheatsheet-note="questions"]')
    note.fill("Typed for Acme")
    api(other, f"{G}.deleteApplication('{acme}')")
    expect(mine.locator(ALERT)).to_have_text(WORDS["gone"].format(name="Acme", next="Globex"))
    expect(note).to_have_value("")  # Globex's own note, not Acme's text carried over
    assert not any(k.startswith(key(acme, "")) for k in entries(mine))
    assert (records(mine).get(FIRST) or {}).get("company") == "Globex"


def test_saving_details_of_an_application_deleted_elsewhere_is_refused(context, base_url):
    """Issue 24, 8: the open form closes with a message, and no save brings the deleted
    application back empty."""
    mine, other = context.new_page(), context.new_page()
    ready(mine, base_url + f"{SECTION.slug}/")
    add(mine, "Globex")
    add(mine, "Acme")
    acme = api(mine, f"{G}.scope()")
    ready(other, base_url + f"{SECTION.slug}/")
    other.click("[data-application-rename]")
    other.fill('[data-application-field="role"]', "Analyst")
    api(mine, f"{G}.deleteApplication('{acme}')")
    expect(other.locator("[data-application-form]")).to_be_hidden()
    expect(other.locator(ALERT)).to_have_text(WORDS["gone"].format(name="Acme", next="Globex"))
    assert api(other, f"{G}.saveApplication('{acme}', {{ role: 'Analyst' }})") == "gone"
    assert acme not in records(other)


def test_a_clear_in_another_tab_leaves_one_untitled_application_and_says_so(context, base_url):
    mine, other = context.new_page(), context.new_page()
    ready(mine, base_url + f"{SECTION.slug}/")
    add(mine, "Globex")
    add(mine, "Acme")
    other.goto(base_url + "about/")
    other.evaluate("localStorage.clear()")
    expect(mine.locator(f"{SWITCHER} option")).to_have_text([NAME_WORDS["untitled"]])
    expect(mine.locator(ALERT)).to_have_text(WORDS["cleared"])


def test_a_switch_leaves_the_other_tabs_application_alone(context, base_url):
    mine, other = context.new_page(), context.new_page()
    ready(mine, base_url + f"{SECTION.slug}/")
    add(mine, "Wayne")
    add(mine, "Stark")
    ready(other, base_url + f"{SECTION.slug}/")
    assert current_name(other) == "Stark"  # a new tab starts from the last one chosen
    switch_to(mine, "Wayne")
    expect(other.locator(f"{SWITCHER} option")).to_have_count(2)
    assert current_name(other) == "Stark"
    other.check(FIRST_ITEM)
    expect(mine.locator(FIRST_ITEM)).not_to_be_checked()


def test_names_cannot_turn_the_page_around(page, base_url):
    """Issue 24, 16: a direction override typed into a company name is dropped."""
    ready(page, base_url + f"{SECTION.slug}/")
    page.click("[data-application-add]")
    page.fill('[data-application-field="company"]', "\u202eAcme Corp")
    page.click("[data-application-save]")
    expect(page.locator(STATUS)).to_have_text(WORDS["named"].format(name="Acme Corp"))
    assert names(page) == ["Acme Corp"]
    assert records(page)[FIRST]["company"] == "Acme Corp"


@pytest.mark.parametrize("named", [False, True], ids=["first visit", "returning"])
def test_the_home_page_does_not_move_as_its_tools_mount(page, base_url, named):
    """The set-up or the bar is in place from the first paint (CLS 0), for a first visit and for a
    reader who named an application."""
    page.goto(base_url + "about/")
    if named:
        put(page, {key("shared", f"application:{FIRST}"): {"company": "Globex", "added": 0}})
    ready(page, base_url)
    page.wait_for_load_state("networkidle")
    shift = page.evaluate("""() => new Promise((done) => {
        let sum = 0;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) { sum += e.value; window.__shifts = (window.__shifts || []).concat(e.sources.map((s) => s.node && (s.node.outerHTML || "").slice(0, 90))); } })
          .observe({ type: "layout-shift", buffered: true });
        setTimeout(() => done(sum), 0);
      })""")
    assert shift < 0.01, f"the page moved by {shift:.3f} as it loaded: {page.evaluate('window.__shifts')}"
    expect(page.locator("[data-application-setup]")).to_be_visible() if not named else \
        expect(page.locator("[data-application-current]")).to_be_visible()


def test_the_bars_questions_and_errors_reach_a_live_region(page, base_url):
    """Issue 24, 10 and 11: the delete's question and an empty company's error are said, not only
    shown; the error field is aria-invalid="true" and names its message."""
    ready(page, base_url + f"{SECTION.slug}/")
    add(page, "Globex")
    add(page, "Acme")
    delete = page.locator("[data-application-delete]")
    delete.click()
    expect(page.locator(STATUS)).to_contain_text(delete.get_attribute("data-confirm"))
    expect(page.locator(STATUS)).to_have_attribute("aria-live", "polite")
    delete.blur()
    page.click("[data-application-rename]")
    company = page.locator('[data-application-field="company"]')
    company.fill("")
    page.click("[data-application-save]")
    expect(page.locator(ALERT)).to_have_text(FIELD_WORDS["company"]["missing"])
    expect(page.locator(ALERT)).to_have_attribute("role", "alert")
    expect(company).to_have_attribute("aria-invalid", "true")
    assert "sig-application-company-error" in company.get_attribute("aria-describedby").split()
    assert names(page)[-1] == "Acme", "the refused save changed nothing"
