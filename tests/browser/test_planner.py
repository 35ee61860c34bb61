"""The interview planner on the follow-up page: its date logic, run in Chromium, and the page as a
reader uses it (fill, reload, bad dates, the calendar file, moving progress, storage refused)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect

from tests.browser.support import (
    exported_application,
    one_page,
    DENIED,
    KEY,
    import_and_replace_here,
    import_here,
    page_with_storage,
    via_link_and_back,
    violations_in_both_schemes,
)

PLANNER = "window.SecondInterviewGuide.tools.planner"
ROOT = "[data-planner]"
STEPS = f"{ROOT} [data-planner-steps] li"
BUTTON = f"{ROOT} [data-planner-ics]"


def field(key: str) -> str:
    return f'{ROOT} [data-planner-field="{key}"]'


def message(key: str) -> str:
    return f'{ROOT} [data-planner-message="{key}"]'


@pytest.fixture
def follow_up(page, base_url):
    page.goto(base_url + "follow-up/")
    page.wait_for_selector(f"{ROOT}[data-planner-ready]", state="attached")
    return page


@pytest.fixture(scope="module")
def logic(browser, base_url):
    """One page load for every test of the planner's pure functions."""
    with one_page(browser, base_url + "follow-up/", f"{ROOT}[data-planner-ready]") as page:
        yield page


def plan(page, data: dict, today: str = "2026-11-01") -> list[dict]:
    # The words come from the page, as the planner reads them (macros/planner.py writes them).
    return page.evaluate(
        f"([d, t]) => {PLANNER}.planSteps(d, t, JSON.parse("
        "document.querySelector('[data-planner]').getAttribute('data-planner-words')))", [data, today])


def dates(steps: list[dict]) -> dict[str, str]:
    return {s["key"]: s["date"] for s in steps}


# ---------- the logic, as pure functions ----------

@pytest.mark.parametrize(
    "start, days, expected",
    [
        ("2026-11-27", 1, "2026-11-30"),  # Friday + 1 = Monday
        ("2026-11-28", 1, "2026-11-30"),  # from a Saturday, the first weekday after
        ("2026-11-27", 5, "2026-12-04"),  # across a month end
        ("2026-12-31", 1, "2027-01-01"),  # across a year end, landing on a Friday
        ("2027-12-31", 1, "2028-01-03"),  # Friday 31 Dec + 1 = Monday 3 Jan
        ("2028-02-28", 2, "2028-03-01"),  # through a leap day
        ("2026-03-27", 1, "2026-03-30"),  # over Europe's change of clocks
        ("2026-11-30", 0, "2026-11-30"),
    ],
)
def test_add_business_days(logic, start, days, expected):
    assert logic.evaluate(f"([s, n]) => {PLANNER}.addBusinessDays(s, n)", [start, days]) == expected


def test_add_business_days_refuses_a_date_that_does_not_exist(logic):
    assert logic.evaluate(f"{PLANNER}.addBusinessDays('2026-02-30', 1)") == ""
    assert logic.evaluate(f"{PLANNER}.addBusinessDays('soon', 1)") == ""


def test_plan_for_a_monday_interview(logic):
    steps = plan(logic, {"date": "2026-11-30", "time": "09:15", "company": "Acme"})
    assert [s["key"] for s in steps] == [
        "research", "stories", "rehearse", "logistics", "interview", "thanks", "check-in"]
    assert dates(steps) == {
        "research": "2026-11-23", "stories": "2026-11-25", "rehearse": "2026-11-27",
        "logistics": "2026-11-29",  # the day before a Monday is a Sunday: calendar days
        "interview": "2026-11-30", "thanks": "2026-12-01",
        "check-in": "2026-12-07",  # five business days: Tue to Fri, then Monday
    }
    interview = steps[4]
    assert interview["time"] == "09:15" and interview["title"].endswith(" at Acme")
    assert all("time" not in s for s in steps if s["key"] != "interview")
    assert all(s["title"] and s["detail"] for s in steps)
    assert "five business days" in steps[-1]["detail"].lower()


def test_decision_date_on_a_friday_moves_the_check_in_to_monday(logic):
    steps = plan(logic, {"date": "2026-11-30", "decision": "2026-12-04", "offer": "2026-12-18"})
    check_in = next(s for s in steps if s["key"] == "check-in")
    assert check_in["date"] == "2026-12-07"
    assert "one to two business days after" in check_in["detail"].lower()
    assert "Fri 4 Dec 2026" in check_in["detail"]
    assert dates(steps)["offer"] == "2026-12-18"
    assert [s["date"] for s in steps] == sorted(s["date"] for s in steps)


def test_plan_across_a_year_end(logic):
    steps = dates(plan(logic, {"date": "2027-01-04"}))
    assert steps["research"] == "2026-12-28" and steps["logistics"] == "2027-01-03"
    # A decision date on New Year's Eve: the check-in is the next business day, in the new year.
    assert dates(plan(logic, {"date": "2026-12-30", "decision": "2026-12-31"}))["check-in"] == "2027-01-01"


def test_plan_needs_a_real_interview_date_and_ignores_bad_extras(logic):
    for bad in ("", "2026-02-30", "30/11/2026", "2026-13-01", None, 20261130):
        assert plan(logic, {"date": bad}) == [], bad
    assert plan(logic, None) == []
    steps = plan(logic, {"date": "2026-11-30", "time": "25:00", "decision": "2026-02-30", "offer": "later"})
    assert "time" not in steps[4] and "offer" not in dates(steps)
    assert dates(steps)["check-in"] == "2026-12-07"


def test_steps_of_an_interview_already_held_are_marked_past(logic):
    steps = plan(logic, {"date": "2026-11-20"}, today="2026-11-26")
    assert [s["key"] for s in steps if s["past"]] == [
        "research", "stories", "rehearse", "logistics", "interview", "thanks"]
    assert dates(steps)["research"] == "2026-11-13"  # the usual week, not packed: it was held


PREPARATION = ["research", "stories", "rehearse", "logistics"]


def days_from(today: dt.date, n: int) -> str:
    return (today + dt.timedelta(days=n)).isoformat()


def test_interview_two_days_away_is_packed_into_the_days_left(logic):
    today = dt.date.today()
    steps = plan(logic, {"date": days_from(today, 2)}, today=today.isoformat())
    shown = dates(steps)
    assert not [s["key"] for s in steps if s["past"]]
    assert shown["research"] == today.isoformat() and shown["logistics"] == days_from(today, 1)
    assert [shown[k] for k in PREPARATION] == sorted(shown[k] for k in PREPARATION)
    assert [s["key"] for s in steps][:4] == PREPARATION  # still in the order of the usual plan
    research = next(s for s in steps if s["key"] == "research")
    assert research["detail"].startswith("Less than a week to go")


@pytest.mark.parametrize("left", range(0, 8))
def test_no_step_is_passed_however_close_the_interview(logic, left):
    today = dt.date(2026, 11, 27)
    steps = dates(plan(logic, {"date": days_from(today, left)}, today=today.isoformat()))
    first, last = today.isoformat(), days_from(today, max(left - 1, 0))
    assert all(first <= steps[k] <= last for k in PREPARATION), steps
    assert [steps[k] for k in PREPARATION] == sorted(steps[k] for k in PREPARATION)
    if left == 7:  # a week or more away: the usual plan, research a week before
        assert steps["research"] == first and steps["stories"] == days_from(today, 2)


def test_the_page_shows_a_plan_two_days_away_with_nothing_passed(follow_up):
    page = follow_up
    today = dt.date.today()
    page.fill(field("date"), days_from(today, 2))
    expect(page.locator(STEPS)).to_have_count(7)
    expect(page.locator(f'{STEPS}[data-planner-step="research"]')).to_have_attribute(
        "data-planner-date", today.isoformat())
    expect(page.locator(f'{STEPS}[data-planner-step="research"]')).to_contain_text("Less than a week to go")
    expect(page.locator(STEPS).filter(has_text="(passed)")).to_have_count(0)


# ---------- the page, as a reader uses it ----------

def fill_plan(page, company="Acme, Inc; \"R&D\"", time="14:30"):
    page.fill(field("date"), "2026-11-30")
    page.fill(field("time"), time)
    page.fill(field("company"), company)


def test_fill_reload_still_there(follow_up):
    page = follow_up
    expect(page.locator(message("date"))).to_contain_text("Enter your interview date")
    expect(page.locator(STEPS)).to_have_count(0)
    fill_plan(page)
    page.fill(field("decision"), "2026-12-04")
    expect(page.locator(STEPS)).to_have_count(7)
    expect(page.locator(message("date"))).to_have_text("")
    expect(page.locator(f'{STEPS}[data-planner-step="interview"]')).to_contain_text(
        'Mon 30 Nov 2026, 14:30 Your second interview at Acme, Inc; "R&D"')
    expect(page.locator(f'{STEPS}[data-planner-step="check-in"]')).to_contain_text("Mon 7 Dec 2026")
    page.reload()
    expect(page.locator(field("date"))).to_have_value("2026-11-30")
    expect(page.locator(field("time"))).to_have_value("14:30")
    expect(page.locator(field("company"))).to_have_value('Acme, Inc; "R&D"')
    expect(page.locator(field("decision"))).to_have_value("2026-12-04")
    expect(page.locator(STEPS)).to_have_count(7)
    expect(page.locator(BUTTON)).to_be_visible()


def no_broken_dates(page) -> None:
    text = page.locator("article").inner_text()
    assert "NaN" not in text and "Invalid Date" not in text and "undefined" not in text


def test_incomplete_date_shows_a_message_and_no_plan(follow_up):
    page = follow_up
    fill_plan(page)
    expect(page.locator(STEPS)).to_have_count(7)
    # Typing only the month leaves the field incomplete: the browser reports it as bad input.
    page.fill(field("date"), "")
    page.click(field("date"))
    page.keyboard.type("11")
    page.locator(field("company")).focus()  # the message comes when the reader moves on
    expect(page.locator(message("date"))).to_contain_text("complete, real date")
    expect(page.locator(STEPS)).to_have_count(0)
    expect(page.locator(BUTTON)).to_be_hidden()
    no_broken_dates(page)
    page.fill(field("date"), "")
    expect(page.locator(message("date"))).to_contain_text("Enter your interview date")
    no_broken_dates(page)


def test_saved_nonsense_shows_a_message_and_no_plan(follow_up):
    page = follow_up
    saved = {"checklists": {}, "notes": {}, "tools": {
        "planner": {"date": "2026-02-30", "time": "25:99", "company": 42, "decision": ["x"]}}}
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(saved))})")
    page.reload()
    expect(page.locator(message("date"))).to_contain_text("Enter your interview date")
    expect(page.locator(STEPS)).to_have_count(0)
    expect(page.locator(field("company"))).to_have_value("")
    no_broken_dates(page)
    for wrong in ('"a string"', "[1, 2]", "null"):
        page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{checklists: {{}}, notes: {{}}, "
                      f"tools: {{planner: {wrong}}}}}))")
        page.reload()
        expect(page.locator(STEPS)).to_have_count(0)


def download_calendar(page) -> tuple[bytes, icalendar.Calendar]:
    with page.expect_download() as info:
        page.click(BUTTON)
    download = info.value
    assert download.suggested_filename == "second-interview-plan.ics"
    raw = Path(download.path()).read_bytes()
    return raw, icalendar.Calendar.from_ical(raw)


def test_calendar_file_from_the_button(follow_up):
    page = follow_up
    company = 'Acme, Inc; "R&D"'
    fill_plan(page, company=company, time="14:30")
    page.fill(field("decision"), "2026-12-04")
    page.fill(field("offer"), "2026-12-11")
    shown = {li.get_attribute("data-planner-step"): li.get_attribute("data-planner-date")
             for li in page.locator(STEPS).all()}
    raw, calendar = download_calendar(page)

    text = raw.decode("utf-8")
    assert "\n" not in text.replace("\r\n", "") and text.endswith("\r\n"), "lines must end in CRLF"
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert calendar["VERSION"] == "2.0" and calendar["CALSCALE"] == "GREGORIAN" and calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert len(events) == len(shown) == 8
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids) and all(u.endswith("@second-interview-guide") for u in uids)
    assert all(re.fullmatch(r"\d{8}T\d{6}Z", line.split(":", 1)[1])
               for line in text.split("\r\n") if line.startswith("DTSTAMP"))
    for event in events:
        key = str(event["UID"]).split("@")[0].rsplit("-", 1)[0]
        start = event.decoded("DTSTART")
        if key == "interview":
            assert start == dt.datetime(2026, 11, 30, 14, 30) and start.tzinfo is None  # floating
            assert event.decoded("DURATION") == dt.timedelta(hours=1)
            assert str(event["SUMMARY"]) == f"Your second interview at {company}"
        else:
            assert type(start) is dt.date
            assert event.decoded("DTEND") == start + dt.timedelta(days=1)
            assert str(event["SUMMARY"]).endswith(f"({company})")
        assert start.strftime("%Y-%m-%d") == shown[key]
        assert str(event["DESCRIPTION"])
    assert "SUMMARY:Your second interview at Acme\\, Inc\\; \"R&D\"\r\n" in text
    assert "One to two business days after" in text.replace("\r\n ", "")


def test_long_summary_is_folded_by_bytes_and_unfolds_back(follow_up):
    page = follow_up
    company = "Ünïcödé Wörks & Søns – a very long name for a company 😀 with its research department"
    fill_plan(page, company=company)
    raw, calendar = download_calendar(page)
    text = raw.decode("utf-8")
    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    start = next(i for i, line in enumerate(lines) if line.startswith("SUMMARY:Your second interview"))
    assert lines[start + 1].startswith(" "), "the long SUMMARY was not folded"
    interview = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("interview-"))
    assert str(interview["SUMMARY"]) == f"Your second interview at {company}"


def test_export_clear_import_carries_the_plan(follow_up, base_url):
    page = follow_up
    fill_plan(page)
    page.fill(field("offer"), "2026-12-11")
    page.goto(base_url)
    with page.expect_download() as info:
        page.click("[data-progress-export]")
    exported = exported_application(json.loads(Path(info.value.path()).read_text()))
    assert exported["tools"]["planner"]["date"] == "2026-11-30"
    page.evaluate("localStorage.clear()")
    page.reload()
    page.goto(base_url + "follow-up/")
    expect(page.locator(field("date"))).to_have_value("")
    page.goto(base_url)
    page.set_input_files("[data-progress-import]", info.value.path())
    expect(page.locator("[data-progress-message]")).to_contain_text("Progress restored")
    page.goto(base_url + "follow-up/")
    expect(page.locator(field("date"))).to_have_value("2026-11-30")
    expect(page.locator(field("company"))).to_have_value('Acme, Inc; "R&D"')
    expect(page.locator(f'{STEPS}[data-planner-step="offer"]')).to_contain_text("Fri 11 Dec 2026")


def test_storage_denied_still_works_for_the_visit(context, base_url):
    page = page_with_storage(context, DENIED)
    page.goto(base_url + "follow-up/")
    fill_plan(page)
    expect(page.locator(STEPS)).to_have_count(7)
    expect(page.locator(f"{ROOT} [data-storage-notice]")).to_be_visible()
    via_link_and_back(page, "offer/", "follow-up/")
    expect(page.locator(field("date"))).to_have_value("2026-11-30")
    expect(page.locator(STEPS)).to_have_count(7)
    _, calendar = download_calendar(page)
    assert len(calendar.walk("VEVENT")) == 7


def test_import_while_on_the_page_refreshes_the_plan(follow_up, tmp_path):
    page = follow_up
    fill_plan(page)
    progress = {"format": "second-interview-guide/progress", "version": 1, "checklists": {}, "notes": {},
                "tools": {"planner": {"date": "2027-01-04", "company": "Globex"}}}
    file = tmp_path / "progress.json"
    file.write_text(json.dumps(progress))
    import_and_replace_here(page, file)  # the page holds a plan: the import asks first
    expect(page.locator(field("date"))).to_have_value("2027-01-04")
    expect(page.locator(field("time"))).to_have_value("")
    expect(page.locator(f'{STEPS}[data-planner-step="interview"]')).to_contain_text(
        "Mon 4 Jan 2027 Your second interview at Globex")
    assert page.locator(ROOT).evaluate("(root) => root.hasAttribute('data-planner-ready')")


def test_a_filled_plan_and_its_messages_pass_axe(page, base_url):
    page.goto(base_url + "follow-up/")
    fill_plan(page)
    page.fill(field("decision"), "2026-12-04")
    expect(page.locator(STEPS)).to_have_count(7)
    found = violations_in_both_schemes(page, "[data-planner]")
    page.fill(field("date"), "")
    found += violations_in_both_schemes(page, "[data-planner]")
    assert not found, "\n".join(found)
