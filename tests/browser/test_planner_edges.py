"""The planner's edges: years outside the range it accepts are refused with a message (not drawn as
"+010000", not taken for a missing date), a decision date before the interview is flagged and
never schedules the check-in before the interview, and the calendar file holds no control
character and is read by the `icalendar` library for every input the planner accepts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect

from macros.planner import FIRST_YEAR, LAST_YEAR, PLANNER_WORDS
from tests.browser.support import one_page

PLANNER = "window.SecondInterviewGuide.tools.planner"
ROOT = "[data-planner]"
STEPS = f"{ROOT} [data-planner-steps] li"
WORDS = "JSON.parse(document.querySelector('[data-planner]').getAttribute('data-planner-words'))"
CONFIG = "JSON.parse(document.querySelector('[data-planner]').getAttribute('data-planner-config'))"
# Any control character but the CR LF that ends each line.
CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")
HOSTILE = "\x00Acme\x07 \x1b[31mWorks\x7f\tLtd\x85\x0b"


def field(key: str) -> str:
    return f'{ROOT} [data-planner-field="{key}"]'


def message(key: str) -> str:
    return f'{ROOT} [data-planner-message="{key}"]'


@pytest.fixture(scope="module")
def logic(browser, base_url):
    with one_page(browser, base_url + "follow-up/", f"{ROOT}[data-planner-ready]") as page:
        yield page


def plan(page, data: dict, today: str = "2026-11-01") -> list[dict]:
    return page.evaluate(f"([d, t]) => {PLANNER}.planSteps(d, t, {WORDS}, {CONFIG}.years)", [data, today])


def check(page, data: dict) -> dict:
    return page.evaluate(f"d => {PLANNER}.checkDates(d, {WORDS}, {CONFIG})", data)


def calendar_text(page, data: dict) -> str:
    return page.evaluate(
        f"d => {PLANNER}.toICS({PLANNER}.planSteps(d, '2026-11-01', {WORDS}, {CONFIG}.years), d.company || '',"
        " new Date(Date.UTC(2026, 10, 1)))", data)


@pytest.mark.parametrize("date", ["9999-12-31", "0099-06-01", "0001-01-01", f"{FIRST_YEAR - 1}-12-31",
                                  f"{LAST_YEAR + 1}-01-01", "10000-01-01"])
def test_a_year_outside_the_range_is_refused_with_its_message(logic, date):
    assert plan(logic, {"date": date}) == []
    assert check(logic, {"date": date}) == {"date": PLANNER_WORDS["years"]}
    assert str(FIRST_YEAR) in PLANNER_WORDS["years"] and str(LAST_YEAR) in PLANNER_WORDS["years"]
    # The same for the other dates: refused, and the plan leaves them out.
    assert check(logic, {"date": "2026-11-30", "offer": date}) == {"offer": PLANNER_WORDS["years"]}
    assert "offer" not in {s["key"] for s in plan(logic, {"date": "2026-11-30", "offer": date})}


@pytest.mark.parametrize("date", [f"{FIRST_YEAR}-01-01", f"{LAST_YEAR}-12-31"])
def test_the_first_and_last_days_are_planned_with_four_digit_years(logic, date):
    steps = plan(logic, {"date": date, "decision": date, "offer": date})
    assert len(steps) == 8 and check(logic, {"date": date, "decision": date}) == {}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", s["date"]) for s in steps), steps


def test_a_decision_date_before_the_interview_is_flagged_and_not_used(logic):
    data = {"date": "2026-11-30", "decision": "2026-11-20"}
    assert check(logic, data) == {"decision": PLANNER_WORDS["before"]}
    steps = plan(logic, data)
    check_in = next(s for s in steps if s["key"] == "check-in")
    assert check_in["date"] == "2026-12-07" and check_in["date"] > data["date"]
    # The same day is not before it.
    assert check(logic, {"date": "2026-11-30", "decision": "2026-11-30"}) == {}


@pytest.mark.parametrize(
    "data",
    [
        {"date": f"{FIRST_YEAR}-01-01", "decision": f"{FIRST_YEAR}-01-01", "offer": f"{FIRST_YEAR}-01-02"},
        {"date": f"{LAST_YEAR}-12-31", "time": "23:59", "decision": f"{LAST_YEAR}-12-31", "offer": f"{LAST_YEAR}-12-31"},
        {"date": "2026-11-30", "time": "00:00", "company": HOSTILE, "decision": "2026-11-20"},
        {"date": "2026-11-30", "company": "Line one\r\nline two\rthree\nfour; a, b \\ c"},
    ],
    ids=["first-day", "last-day", "control-characters", "line-breaks"],
)
def test_every_accepted_input_makes_a_calendar_icalendar_reads(logic, data):
    text = calendar_text(logic, data)
    assert not CONTROL.search(text.replace("\r\n", "")), repr(CONTROL.search(text.replace("\r\n", "")))
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    steps = plan(logic, data)
    assert len(events) == len(steps) > 0
    for event, step in zip(sorted(events, key=lambda e: str(e["UID"])), sorted(steps, key=lambda s: s["key"] + "-" + s["date"].replace("-", ""))):
        start = event.decoded("DTSTART")
        assert start.strftime("%Y-%m-%d") == step["date"]
        assert CONTROL.search(str(event["SUMMARY"])) is None


# ---------- a reader typing ----------

@pytest.fixture
def follow_up(page, base_url):
    page.goto(base_url + "follow-up/")
    page.wait_for_selector(f"{ROOT}[data-planner-ready]", state="attached")
    return page


def test_typed_edge_years_and_a_decision_before_the_interview(follow_up):
    page = follow_up
    for date in ("9999-12-31", "0026-11-30"):
        page.fill(field("date"), date)
        expect(page.locator(message("date"))).to_have_text(PLANNER_WORDS["years"])
        expect(page.locator(field("date"))).to_have_attribute("aria-invalid", "true")
        expect(page.locator(STEPS)).to_have_count(0)
    assert "+0" not in page.locator("article").inner_text()
    page.fill(field("date"), "2026-11-30")
    expect(page.locator(field("date"))).to_have_attribute("aria-invalid", "false")
    expect(page.locator(STEPS)).to_have_count(7)
    page.fill(field("decision"), "2026-11-20")
    expect(page.locator(message("decision"))).to_have_text(PLANNER_WORDS["before"])
    expect(page.locator(field("decision"))).to_have_attribute("aria-invalid", "true")
    # The plan stays, with the check-in after the interview.
    expect(page.locator(f"{STEPS}[data-planner-step='check-in']")).to_have_attribute("data-planner-date", "2026-12-07")
    page.fill(field("decision"), "2026-12-04")
    expect(page.locator(message("decision"))).to_have_text("")
    expect(page.locator(field("decision"))).to_have_attribute("aria-invalid", "false")


def test_control_characters_typed_into_the_company_stay_out_of_the_calendar(follow_up):
    page = follow_up
    page.fill(field("date"), "2026-11-30")
    page.fill(field("company"), HOSTILE)
    assert CONTROL.search(page.locator(field("company")).input_value()), "the field should hold them, as typed"
    with page.expect_download() as info:
        page.click(f"{ROOT} [data-planner-ics]")
    raw = Path(info.value.path()).read_bytes()
    text = raw.decode("utf-8")
    assert not CONTROL.search(text.replace("\r\n", ""))
    calendar = icalendar.Calendar.from_ical(raw)
    interview = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("interview-"))
    assert "Acme" in str(interview["SUMMARY"]) and "Works" in str(interview["SUMMARY"])
    assert interview.decoded("DTSTART") == dt.date(2026, 11, 30)
    assert not CONTROL.search(page.locator(STEPS).first.locator("..").inner_text())
