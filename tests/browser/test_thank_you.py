"""The thank-you drafter on the follow-up page, as a reader uses it: cards that remember, hand edits
that stay, copy and mail, hostile text kept inert, moving progress, storage refused."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.support import (
    exported_application,
    instant_ready,
    at,
    DENIED,
    KEY,
    import_here,
    saved as saved_state,
    page_with_storage,
    via_link_and_back,
    violations_in_both_schemes,
)

ROOT = "[data-thankyou]"
SHOWN = f"{ROOT} [data-thankyou-card]:not([hidden])"
ADD = f"{ROOT} [data-thankyou-add]"
SAM = {"name": "Sam Lee", "role": "engineering manager", "topic": "the data migration",
       "reason": "I want to build tools that people rely on every day."}
RIA = {"name": "Ria Patel", "role": "product lead", "topic": "the roadmap for next year",
       "reason": "the team cares about its users"}


def card(number: int) -> str:
    return f"{ROOT} [data-thankyou-card]:nth-of-type({number})"


def box(number: int, key: str) -> str:
    return f'{card(number)} [data-thankyou-field="{key}"]'


def fill_card(page, number: int, values: dict) -> None:
    for key, value in values.items():
        page.fill(box(number, key), value)


def message(page, number: int) -> str:
    return page.input_value(box(number, "message"))


def saved(page) -> list:
    return saved_state(page)["tools"]["thankYou"]


@pytest.fixture
def follow_up(page, base_url):
    page.goto(base_url + "follow-up/")
    page.wait_for_selector(f"{ROOT}[data-thankyou-ready]", state="attached")
    return page


def two_interviewers(page) -> None:
    page.fill(f"{ROOT} [data-thankyou-from]", "Alex Kim")
    fill_card(page, 1, SAM)
    page.click(ADD)
    expect(page.locator(box(2, "name"))).to_be_focused()
    fill_card(page, 2, RIA)


def test_message_thanks_by_name_mentions_topic_and_reason(follow_up):
    page = follow_up
    expect(page.locator(SHOWN)).to_have_count(1)
    assert "[their name]" in message(page, 1)  # an empty field shows what belongs there
    two_interviewers(page)
    text = message(page, 1)
    greeting, body, sign_off = text.split("\n\n")
    assert greeting == "Dear Sam Lee,"
    assert sign_off == "Best wishes,\nAlex Kim"
    assert "engineering manager" in body and "the data migration" in body
    assert "because I want to build tools that people rely on every day." in body  # one full stop
    assert 4 <= len(re.findall(r"[.!?](?:\s|$)", body)) <= 6
    assert message(page, 2).startswith("Dear Ria Patel,") and "the roadmap for next year" in message(page, 2)


def test_two_interviewers_survive_a_reload(follow_up):
    page = follow_up
    two_interviewers(page)
    before = [message(page, 1), message(page, 2)]
    page.reload()
    expect(page.locator(SHOWN)).to_have_count(2)
    expect(page.locator(f"{ROOT} [data-thankyou-from]")).to_have_value("Alex Kim")
    for number, values in ((1, SAM), (2, RIA)):
        for key, value in values.items():
            expect(page.locator(box(number, key))).to_have_value(value)
    assert [message(page, 1), message(page, 2)] == before
    assert [c["name"] for c in saved(page)] == ["Sam Lee", "Ria Patel"]


def test_hand_edit_survives_reload_and_fields_do_not_overwrite_it(follow_up):
    page = follow_up
    two_interviewers(page)
    edited = "Dear Sam,\n\nThank you! I wrote this one myself.\n\nAlex"
    page.fill(box(1, "message"), edited)
    expect(page.locator(f"{card(1)} [data-thankyou-rebuild]")).to_be_visible()
    expect(page.locator(f"{card(2)} [data-thankyou-rebuild]")).to_be_hidden()
    page.fill(box(1, "topic"), "the hiring plan")
    page.fill(f"{ROOT} [data-thankyou-from]", "Alex K.")
    assert message(page, 1) == edited
    assert message(page, 2).endswith("Alex K")  # the other card still follows its fields
    page.reload()
    assert message(page, 1) == edited
    expect(page.locator(f"{card(1)} [data-thankyou-rebuild]")).to_be_visible()
    page.fill(box(1, "role"), "head of platform")
    assert message(page, 1) == edited
    page.click(f"{card(1)} [data-thankyou-rebuild]")
    rebuilt = message(page, 1)
    assert "the hiring plan" in rebuilt and "head of platform" in rebuilt and rebuilt != edited
    expect(page.locator(f"{card(1)} [data-thankyou-rebuild]")).to_be_hidden()
    page.fill(box(1, "topic"), "the on-call rota")
    assert "the on-call rota" in message(page, 1)  # following the fields again


def test_mailto_link_carries_subject_and_encoded_body(follow_up):
    page = follow_up
    fill_card(page, 1, {**SAM, "topic": "costs & benefits; 100% uptime?"})
    href = page.get_attribute(f"{card(1)} [data-thankyou-mail]", "href")
    assert href.startswith("mailto:?subject=")
    assert "&" not in href.split("&body=", 1)[1], "the body must be encoded"
    query = parse_qs(urlsplit(href).query)
    assert query["subject"] == ["Thank you for today's conversation"]
    assert query["body"] == [message(page, 1).replace("\n", "\r\n")]
    assert "costs & benefits; 100% uptime?" in query["body"][0]


def test_copy_puts_the_message_on_the_clipboard(context, page, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url + "follow-up/")
    fill_card(page, 1, SAM)
    page.click(f"{card(1)} [data-thankyou-copy]")
    expect(page.locator(f"{card(1)} [data-thankyou-status]")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == message(page, 1)


def test_copy_that_fails_selects_the_text_and_says_how(follow_up):
    page = follow_up
    page.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); }")
    fill_card(page, 1, SAM)
    page.click(f"{card(1)} [data-thankyou-copy]")
    expect(page.locator(f"{card(1)} [data-thankyou-status]")).to_have_text("Press Ctrl+C or Cmd+C to copy.")
    expect(page.locator(box(1, "message"))).to_be_focused()
    selected = page.evaluate("(() => { const t = document.activeElement; "
                             "return t.value.slice(t.selectionStart, t.selectionEnd); })()")
    assert selected == message(page, 1)


def test_reader_text_is_never_html(follow_up):
    page = follow_up
    hostile = "<img src=x onerror=alert(1)>"
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    fill_card(page, 1, {"name": hostile, "topic": "<b>bold</b>"})
    page.fill(f"{ROOT} [data-thankyou-from]", "<script>alert(2)</script>")
    assert message(page, 1).startswith(f"Dear {hostile},")
    assert "<b>bold</b>" in message(page, 1)
    page.reload()
    assert message(page, 1).startswith(f"Dear {hostile},")
    assert page.locator(f"{ROOT} img, {ROOT} b, {ROOT} script").count() == 0
    assert dialogs == []


def test_add_up_to_eight_and_remove_any(follow_up):
    page = follow_up
    for number in range(1, 9):
        if number > 1:
            page.click(ADD)
        page.fill(box(number, "name"), f"Person {number}")
    expect(page.locator(SHOWN)).to_have_count(8)
    expect(page.locator(ADD)).to_be_hidden()
    page.click(f"{card(2)} [data-thankyou-remove]")
    expect(page.locator(SHOWN)).to_have_count(7)
    expect(page.locator(ADD)).to_be_visible()
    expect(page.locator(box(2, "name"))).to_have_value("Person 3")  # the others move up
    assert message(page, 2).startswith("Dear Person 3,")
    expect(page.locator(f"{card(2)} legend")).to_have_text("Interviewer 2")
    page.reload()
    names = [c["name"] for c in saved(page)]
    assert names == ["Person 1", "Person 3", "Person 4", "Person 5", "Person 6", "Person 7", "Person 8"]
    for _ in range(7):
        page.click(f"{card(1)} [data-thankyou-remove]")
    expect(page.locator(SHOWN)).to_have_count(1)  # removing the last leaves one empty card
    expect(page.locator(box(1, "name"))).to_have_value("")


def test_saved_nonsense_is_ignored(follow_up):
    page = follow_up
    for wrong in ('"a string"', '{"name": "x"}', '[null, 5, "x", {"name": 7, "edited": "yes"}]'):
        page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{checklists: {{}}, notes: {{}}, "
                      f"tools: {{thankYou: {wrong}}}}}))")
        page.reload()
        expect(page.locator(SHOWN)).to_have_count(1)
        expect(page.locator(box(1, "name"))).to_have_value("")
        assert message(page, 1).startswith("Dear [their name],")


def test_export_clear_import_carries_the_messages(follow_up, base_url):
    page = follow_up
    two_interviewers(page)
    page.fill(box(2, "message"), "My own words for Ria.")
    page.goto(base_url)
    with page.expect_download() as info:
        page.click("[data-progress-export]")
    exported = exported_application(json.loads(Path(info.value.path()).read_text()))
    assert [c["name"] for c in exported["tools"]["thankYou"]] == ["Sam Lee", "Ria Patel"]
    page.evaluate("localStorage.clear()")
    page.goto(base_url + "follow-up/")
    expect(page.locator(SHOWN)).to_have_count(1)
    page.goto(base_url)
    page.set_input_files("[data-progress-import]", info.value.path())
    expect(page.locator("[data-progress-message]")).to_contain_text("Progress restored")
    page.goto(base_url + "follow-up/")
    expect(page.locator(SHOWN)).to_have_count(2)
    expect(page.locator(box(1, "name"))).to_have_value("Sam Lee")
    assert message(page, 2) == "My own words for Ria."
    expect(page.locator(f"{card(2)} [data-thankyou-rebuild]")).to_be_visible()


def test_import_while_on_the_page_refreshes_the_cards(follow_up, base_url, tmp_path):
    page = follow_up
    progress = {"format": "second-interview-guide/progress", "version": 1, "checklists": {}, "notes": {},
                "tools": {"thankYou": [{**SAM, "from": "Alex", "message": "", "edited": False}]}}
    file = tmp_path / "progress.json"
    file.write_text(json.dumps(progress))
    page.goto(base_url)
    instant_ready(page)
    page.click(".md-nav--primary a[href$='follow-up/']")  # instant navigation: no reload
    page.wait_for_url(at("follow-up/"))
    expect(page.locator(box(1, "name"))).to_have_value("")
    import_here(page, file)
    expect(page.locator(box(1, "name"))).to_have_value("Sam Lee")
    assert message(page, 1).startswith("Dear Sam Lee,") and message(page, 1).endswith("Alex")


def test_storage_denied_still_works_for_the_visit(context, base_url):
    page = page_with_storage(context, DENIED)
    page.goto(base_url + "follow-up/")
    two_interviewers(page)
    # One notice per page (the planner's, first on the page), not one per tool.
    expect(page.locator("[data-storage-notice]:visible")).to_have_count(1)
    expect(page.locator("[data-storage-notice]:visible")).to_contain_text("cannot be saved")
    assert message(page, 2).startswith("Dear Ria Patel,")
    via_link_and_back(page, "offer/", "follow-up/")
    expect(page.locator(SHOWN)).to_have_count(2)
    expect(page.locator(box(2, "name"))).to_have_value("Ria Patel")


def test_filled_cards_pass_axe(page, base_url):
    page.goto(base_url + "follow-up/")
    two_interviewers(page)
    page.fill(box(2, "message"), "My own words.")  # shows the rebuild button
    page.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('no')); }")
    page.click(f"{card(1)} [data-thankyou-copy]")  # and a status message
    expect(page.locator(f"{card(1)} [data-thankyou-status]")).not_to_be_empty()
    found = violations_in_both_schemes(page, "[data-thankyou]")
    assert not found, "\n".join(found)
