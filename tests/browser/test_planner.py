"""The interview planner on the follow-up page: a plan drawn from the interview date, a warning
when the decision date is before it, one record shared with the applications bar, and calendar
files whose events a later download replaces instead of doubling."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect

from macros.applications import WORDS as BAR_WORDS
from macros.planner import OWN_FIELDS, PLANNER_WORDS
from tests.browser.support import G, api, entries, key, open_page, part, records

pytestmark = pytest.mark.browser

PLANNER = "[data-planner]"
STEP = f"{PLANNER} [data-planner-step]"
DAY = dt.timedelta(days=1)
# The steps of a plan with no dates from the employer: every step the words name but the two that
# need those dates (the check-in after a decision date, the offer deadline).
BASIC_STEPS = [k for k, v in PLANNER_WORDS.items() if isinstance(v, list) and k not in ("after", "offer")]


def ready(page, url: str) -> None:
    open_page(page, url, f"{PLANNER}[data-planner-ready]")


def planner_field(name: str) -> str:
    return f'{PLANNER} [data-planner-field="{name}"]'


def today(page) -> dt.date:
    """Today as the page counts it (the reader's time zone)."""
    return dt.date.fromisoformat(api(page, f"{G}.today()"))


def business_days_after(day: dt.date, count: int) -> dt.date:
    while count:
        day += DAY
        count -= day.weekday() < 5
    return day


def plan(page) -> dict[str, str]:
    """The drawn plan, {step: date}, in the order shown."""
    return dict(zip(page.locator(STEP).evaluate_all("els => els.map((e) => e.getAttribute('data-planner-step'))"),
                    page.locator(STEP).evaluate_all("els => els.map((e) => e.getAttribute('data-planner-date'))")))


def edit_in_bar(page, **values) -> None:
    page.click("[data-application-rename]")
    for name, value in values.items():
        page.fill(f'[data-application-field="{name}"]', value)
    page.click("[data-application-save]")
    expect(page.locator("[data-application-form]")).to_be_hidden()


def add_in_bar(page, company: str) -> None:
    page.click("[data-application-add]")
    page.fill('[data-application-field="company"]', company)
    page.click("[data-application-save]")
    expect(page.locator("[data-application-status]")).to_contain_text(company)


def calendar(page) -> tuple[str, list]:
    """Add to calendar, as the reader clicks it: (the file's name, its events)."""
    with page.expect_download() as info:
        page.click(f"{PLANNER} [data-planner-ics]")
    text = Path(info.value.path()).read_bytes()
    return info.value.suggested_filename, list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def by_title(events, title: str):
    return next(e for e in events if str(e["SUMMARY"]).startswith(title))


def test_the_plan_is_drawn_from_the_interview_date(page, base_url):
    ready(page, base_url + "follow-up/")
    expect(page.locator(STEP)).to_have_count(0)
    expect(page.locator(f"{PLANNER} [data-planner-ics]")).to_be_hidden()
    interview = today(page) + 30 * DAY
    page.fill(planner_field("date"), interview.isoformat())
    expect(page.locator(STEP)).to_have_count(len(BASIC_STEPS))
    drawn = plan(page)
    assert set(drawn) == set(BASIC_STEPS)
    assert list(drawn.values()) == sorted(drawn.values()), "the steps are in date order"
    assert drawn["interview"] == interview.isoformat()
    assert drawn["research"] == (interview - 7 * DAY).isoformat(), "the preparation starts a week before"
    assert max(d for k, d in drawn.items() if k in ("research", "stories", "rehearse", "logistics")) < drawn["interview"]
    assert drawn["thanks"] == (interview + DAY).isoformat(), "the thank-you messages go within 24 hours"
    assert drawn["check-in"] == business_days_after(interview, 5).isoformat()
    for step in BASIC_STEPS:
        expect(page.locator(f'{STEP}[data-planner-step="{step}"]')).to_contain_text(PLANNER_WORDS[step][0])
    words = page.locator(f"{PLANNER} [data-guide-announce]")
    expect(words).to_have_text(re.compile("^" + re.escape(PLANNER_WORDS["ready"].split("{count}")[0])
                                          + str(len(BASIC_STEPS))))
    expect(page.locator(f"{PLANNER} [data-planner-ics]")).to_be_visible()


def test_an_interview_days_away_packs_the_plan_into_the_days_left(page, base_url):
    ready(page, base_url + "follow-up/")
    now = today(page)
    interview = now + 3 * DAY
    page.fill(planner_field("date"), interview.isoformat())
    expect(page.locator(STEP)).to_have_count(len(BASIC_STEPS))
    drawn = plan(page)
    assert min(drawn.values()) >= now.isoformat(), f"no step is set in the past: {drawn}"
    assert all(drawn[k] < drawn["interview"] for k in ("research", "stories", "rehearse", "logistics"))
    first = page.locator(STEP).first
    expect(first).to_contain_text(PLANNER_WORDS["packed"])
    expect(page.locator(f"{PLANNER} [data-planner-step]", has_text=PLANNER_WORDS["passed"].strip())).to_have_count(0)


def test_a_decision_date_before_the_interview_is_flagged_and_a_later_one_moves_the_check_in(page, base_url):
    ready(page, base_url + "follow-up/")
    interview = today(page) + 20 * DAY
    page.fill(planner_field("date"), interview.isoformat())
    decision = page.locator(planner_field("decision"))
    decision.fill((interview - 2 * DAY).isoformat())
    expect(page.locator(f'{PLANNER} [data-planner-message="decision"]')).to_have_text(PLANNER_WORDS["before"])
    expect(decision).to_have_attribute("aria-invalid", "true")
    expect(page.locator(STEP)).to_have_count(len(BASIC_STEPS))  # the plan stays, with the usual check-in
    assert plan(page)["check-in"] == business_days_after(interview, 5).isoformat()

    later = interview + 10 * DAY
    decision.fill(later.isoformat())
    expect(page.locator(f'{PLANNER} [data-planner-message="decision"]')).to_have_text("")
    expect(decision).not_to_have_attribute("aria-invalid", "true")
    check_in = page.locator(f'{STEP}[data-planner-step="check-in"]')
    expect(check_in).to_have_attribute("data-planner-date", business_days_after(later, 1).isoformat())
    shown = page.evaluate(f"d => {G}.when(d)", later.isoformat())
    expect(check_in).to_contain_text(PLANNER_WORDS["after"][1].format(date=shown))
    page.fill(planner_field("offer"), (later + 3 * DAY).isoformat())
    expect(page.locator(f'{STEP}[data-planner-step="offer"]')).to_contain_text(PLANNER_WORDS["offer"][0])
    assert set(part(page, api(page, f"{G}.scope()"), "tool:planner")) <= set(OWN_FIELDS)


def test_the_planner_and_the_bar_show_one_record(page, base_url):
    """The date and company are the application's, kept once: a change in either place shows in
    the other at once, and the plan follows."""
    ready(page, base_url + "follow-up/")
    page.fill(planner_field("company"), "Initech")
    first = (today(page) + 15 * DAY).isoformat()
    page.fill(planner_field("date"), first)
    scope = api(page, f"{G}.scope()")
    expect(page.locator("select[data-application-switcher] option")).to_have_text(["Initech"])
    page.click("[data-application-rename]")
    expect(page.locator('[data-application-field="date"]')).to_have_value(first)
    expect(page.locator('[data-application-field="company"]')).to_have_value("Initech")
    page.click("[data-application-cancel]")

    second = (today(page) + 40 * DAY).isoformat()
    edit_in_bar(page, company="Initech Ltd", date=second)
    expect(page.locator(planner_field("date"))).to_have_value(second)
    expect(page.locator(planner_field("company"))).to_have_value("Initech Ltd")
    interview = page.locator(f'{STEP}[data-planner-step="interview"]')
    expect(interview).to_have_attribute("data-planner-date", second)
    expect(interview).to_contain_text(PLANNER_WORDS["at"].format(company="Initech Ltd"))
    expect(page.locator("[data-application-status]")).to_contain_text(BAR_WORDS["saved"].split("{name}")[0].strip())

    stored = [k for k, v in entries(page).items() if second in v]
    assert stored == [key("shared", f"application:{scope}")], f"the date is stored once, in the record: {stored}"
    assert records(page)[scope]["date"] == second


def test_calendar_files_are_one_per_application_and_a_new_download_replaces_the_events(page, base_url):
    ready(page, base_url + "follow-up/")
    place, contact = "Harbour Exchange Tower, 17 Canal Street, Leeds", "Priya Raman, +44 113 496 0000"
    page.fill(planner_field("company"), "Northwind Analytics")
    interview = today(page) + 30 * DAY
    page.fill(planner_field("date"), interview.isoformat())
    page.fill(planner_field("time"), "14:30")
    edit_in_bar(page, place=place, contact=contact)

    name, events = calendar(page)
    assert name == PLANNER_WORDS["file"].format(company="northwind-analytics")
    assert len(events) == len(BASIC_STEPS)
    uids = {str(e["UID"]) for e in events}
    assert len(uids) == len(events), "each event has a UID of its own"
    meeting = by_title(events, PLANNER_WORDS["interview"][0])
    assert meeting["DTSTART"].dt == dt.datetime.combine(interview, dt.time(14, 30))
    assert str(meeting["LOCATION"]) == place
    assert PLANNER_WORDS["contact"].format(contact=contact) in str(meeting["DESCRIPTION"])
    first_sequence = {int(e["SEQUENCE"]) for e in events}
    assert len(first_sequence) == 1 and all(e.get("DTSTAMP") for e in events)

    moved = interview + 2 * DAY
    page.fill(planner_field("date"), moved.isoformat())
    expect(page.locator(f'{STEP}[data-planner-step="interview"]')).to_have_attribute("data-planner-date", moved.isoformat())
    _, again = calendar(page)
    assert {str(e["UID"]) for e in again} == uids, "the same events, to be replaced in the calendar"
    assert min(int(e["SEQUENCE"]) for e in again) > max(first_sequence)
    assert all(e.get("DTSTAMP") for e in again)
    assert by_title(again, PLANNER_WORDS["interview"][0])["DTSTART"].dt.date() == moved

    add_in_bar(page, "Globex")
    page.fill(planner_field("date"), interview.isoformat())
    other_name, other = calendar(page)
    assert other_name == PLANNER_WORDS["file"].format(company="globex")
    assert not uids & {str(e["UID"]) for e in other}, "two applications' files share no event"
