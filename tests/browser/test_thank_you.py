"""The thank-you drafter on the follow-up page: each interviewer's draft written differently and
greeting them as a person would, remove with Undo that brings back exactly what was there, and an
edited message kept, never rebuilt behind the reader's back."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from macros.core import WORDS as CORE_WORDS
from macros.cheat_sheet import INTERVIEWERS, PART as NOTES
from macros.thank_you import FROM_SHEET as FROM_SHEET_WORDS, MESSAGE, PART, THANK_YOU_FIELDS, THANK_YOU_WORDS
from tests.browser.support import FIRST, key, open_page, part, put

pytestmark = pytest.mark.browser

DRAFTER = "[data-thankyou]"
CARDS = f"{DRAFTER} [data-thankyou-card]:visible"
STATUS = f"{DRAFTER} > .sig-status [data-guide-announce]"
FIELDS = [f.key for f in THANK_YOU_FIELDS]
COMPANY, ROLE = "Northwind Analytics", "Senior data analyst"


def greeting(first: str) -> str:
    return re.sub(r"\{first\|[^}]*\}", first, THANK_YOU_WORDS["greeting"])


def ready(page, base_url: str, **record) -> None:
    if record:
        page.goto(base_url + "about/")
        put(page, {key("shared", f"application:{FIRST}"): {**record, "added": 0}})
    open_page(page, base_url + "follow-up/", f"{DRAFTER}[data-thankyou-ready]")


def card(page, n: int):
    return page.locator(CARDS).nth(n)


def fill_card(page, n: int, values: dict) -> None:
    for name, value in values.items():
        card(page, n).locator(f'[data-thankyou-field="{name}"]').fill(value)


def card_values(page, n: int) -> dict:
    return {name: card(page, n).locator(f'[data-thankyou-field="{name}"]').input_value() for name in FIELDS + [MESSAGE]}


def message(page, n: int) -> str:
    return card(page, n).locator(f'[data-thankyou-field="{MESSAGE}"]').input_value()


def add_card(page) -> None:
    count = page.locator(CARDS).count()
    page.click(f"{DRAFTER} [data-thankyou-add]")
    expect(page.locator(CARDS)).to_have_count(count + 1)


SHARED = {"topic": "how the team plans its quarterly releases", "said": "the move to a shared data platform",
          "reason": "I want to build tools that analysts rely on"}
PANEL = [{"name": "Dana Ortiz", "role": "Head of data engineering", **SHARED},
         {"name": "Samuel Okafor", "role": "Principal research scientist", **SHARED}]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def test_two_interviewers_get_different_letters_not_only_different_names(page, base_url):
    ready(page, base_url, company=COMPANY, role=ROLE)
    page.fill(f"{DRAFTER} [data-thankyou-from]", "Alex Morgan")
    fill_card(page, 0, PANEL[0])
    add_card(page)
    fill_card(page, 1, PANEL[1])
    drafts = [message(page, 0), message(page, 1)]
    for n, (draft, person) in enumerate(zip(drafts, PANEL)):
        assert draft.splitlines()[0] == greeting(person["name"].split()[0]), draft
        assert draft.splitlines()[-1] == "Alex Morgan"
        for name in ("role", *SHARED):
            assert person[name] in draft, f"card {n + 1}'s draft uses its {name}"
    # What is left with every word the reader typed taken out is still written differently:
    # no sentence, from the opening to the sign-off, is the same in both (the greeting and the
    # reader's name around them are alike by design).
    typed = sorted({v for p in PANEL for v in p.values()} | {p["name"].split()[0] for p in PANEL}, key=len, reverse=True)
    bare = []
    for draft in drafts:
        for value in typed:
            draft = draft.replace(value, "")
        bare.append(sentences("\n".join(draft.splitlines()[1:-1])))
    shared = set(bare[0]) & set(bare[1])
    assert not shared, f"the two letters share {shared}"
    # The subject of the mail names the role and the company.
    href = card(page, 1).locator("[data-thankyou-mail]").get_attribute("href")
    subject = parse_qs(urlsplit(href).query)["subject"][0]
    assert subject == THANK_YOU_WORDS["subject"].format(job=ROLE, company=COMPANY)
    assert parse_qs(urlsplit(href).query)["body"][0].replace("\r\n", "\n") == drafts[1]


@pytest.mark.parametrize("name, first", [
    ("Dana Ortiz", "Dana"),
    ("Cher", "Cher"),
    ("Dr Okafor", "Dr Okafor"),
    ("Dr Samuel Okafor", "Dr Okafor"),
    ("prof. Ada Lovelace", "prof. Lovelace"),
], ids=["first name", "one name", "title and surname", "title and full name", "title with a stop"])
def test_the_greeting_uses_the_first_name_and_keeps_a_title_with_the_surname(page, base_url, name, first):
    assert first.split()[0].lower() in THANK_YOU_WORDS["titles"] or " " not in first
    ready(page, base_url)
    fill_card(page, 0, {"name": name})
    expect(card(page, 0).locator(f'[data-thankyou-field="{MESSAGE}"]')).to_have_value(
        re.compile("^" + re.escape(greeting(first)) + "\n"))


def test_remove_offers_undo_and_undo_brings_back_exactly_what_was_there(page, base_url):
    ready(page, base_url, company=COMPANY, role=ROLE)
    fill_card(page, 0, PANEL[0])
    edited = message(page, 0).replace(SHARED["topic"], "your data contracts") + "\nP.S. Thanks for the coffee."
    card(page, 0).locator(f'[data-thankyou-field="{MESSAGE}"]').fill(edited)
    add_card(page)
    fill_card(page, 1, PANEL[1])
    before = [card_values(page, 0), card_values(page, 1)]
    stored = part(page, FIRST, f"tool:{PART.name}")
    assert [entry[MESSAGE] for entry in stored] == [edited, before[1][MESSAGE]]

    card(page, 0).locator("[data-thankyou-remove]").click()
    expect(page.locator(CARDS)).to_have_count(1)
    expect(card(page, 0).locator('[data-thankyou-field="name"]')).to_have_value(PANEL[1]["name"])
    status = page.locator(STATUS)
    expect(status).to_contain_text(THANK_YOU_WORDS["removed"].format(n=1, name=PANEL[0]["name"]))
    undo = status.locator("[data-guide-undo]")
    expect(undo).to_be_focused()  # the reader's next key can take it back
    assert [e["name"] for e in part(page, FIRST, f"tool:{PART.name}")] == [PANEL[1]["name"]]

    page.keyboard.press("Enter")
    expect(page.locator(CARDS)).to_have_count(2)
    assert [card_values(page, 0), card_values(page, 1)] == before
    expect(card(page, 0).locator("[data-thankyou-rebuild]")).to_be_visible()  # still the reader's own text
    expect(card(page, 0).locator('[data-thankyou-field="name"]')).to_be_focused()
    expect(status).to_have_text(CORE_WORDS["undone"])
    assert part(page, FIRST, f"tool:{PART.name}") == stored


def test_an_edited_message_is_kept_through_changes_and_a_reload_until_rebuilt(page, base_url):
    ready(page, base_url)
    fill_card(page, 0, PANEL[0])
    rebuild = card(page, 0).locator("[data-thankyou-rebuild]")
    expect(rebuild).to_be_hidden()
    body = card(page, 0).locator(f'[data-thankyou-field="{MESSAGE}"]')
    body.press("Control+End")
    page.keyboard.type("\nSee you soon.")
    edited = body.input_value()
    assert edited.endswith("See you soon.")
    expect(rebuild).to_be_visible()
    fill_card(page, 0, {"topic": "the on-call rota"})  # a field changed after the edit
    expect(body).to_have_value(edited)

    page.reload()
    open_page(page, base_url + "follow-up/", f"{DRAFTER}[data-thankyou-ready]")
    expect(body).to_have_value(edited)
    expect(rebuild).to_be_visible()
    expect(card(page, 0).locator('[data-thankyou-field="topic"]')).to_have_value("the on-call rota")

    rebuild.click()
    expect(body).not_to_have_value(edited)
    expect(body).to_have_value(re.compile(re.escape("the on-call rota")))
    expect(rebuild).to_be_hidden()
    expect(page.locator(STATUS)).to_have_text(THANK_YOU_WORDS["rebuilt"])
    page.reload()
    open_page(page, base_url + "follow-up/", f"{DRAFTER}[data-thankyou-ready]")
    expect(body).to_have_value(re.compile(re.escape("the on-call rota")))
    expect(body).not_to_have_value(re.compile("See you soon"))


# ---------- the cards start from the interviewers listed on the cheat sheet ----------

SHEET_NOTES = "\n".join(["Dana Ortiz, Head of data engineering", "Dr Samuel Okafor (Principal research scientist)",
                         "Priya Natarajan - recruiter", "Lee"])
FROM_SHEET = [("Dana Ortiz", "Head of data engineering"), ("Dr Samuel Okafor", "Principal research scientist"),
              ("Priya Natarajan", "recruiter"), ("Lee", "")]


def test_with_nothing_saved_the_cards_start_from_the_cheat_sheets_interviewers(page, base_url):
    page.goto(base_url + "about/")
    put(page, {key(FIRST, NOTES.name): {INTERVIEWERS: SHEET_NOTES}})
    open_page(page, base_url + "follow-up/", f"{DRAFTER}[data-thankyou-ready]")
    expect(page.locator(CARDS)).to_have_count(len(FROM_SHEET))
    for n, (name, role) in enumerate(FROM_SHEET):
        assert (card_values(page, n)["name"], card_values(page, n)["role"]) == (name, role)
    assert message(page, 0).startswith(greeting("Dana"))
    assert message(page, 1).startswith(greeting("Dr Okafor"))
    expect(page.locator(f"{DRAFTER} [data-thankyou-sheet]")).to_have_text(FROM_SHEET_WORDS)
    assert part(page, FIRST, f"tool:{PART.name}") is None, "nothing is saved until the reader changes a card"
    fill_card(page, 0, {"topic": "the release plan"})
    page.wait_for_function("k => localStorage.getItem(k)", arg=key(FIRST, f"tool:{PART.name}"))
    saved = part(page, FIRST, f"tool:{PART.name}")
    assert [(c["name"], c["role"]) for c in saved] == FROM_SHEET, "changed, the cards are the reader's own"
    page.reload()
    page.wait_for_selector(f"{DRAFTER}[data-thankyou-ready]", state="attached")
    expect(page.locator(f"{DRAFTER} [data-thankyou-sheet]")).to_be_hidden()
    assert card_values(page, 0)["topic"] == "the release plan"


def test_saved_cards_are_never_replaced_by_the_cheat_sheets_list(page, base_url):
    page.goto(base_url + "about/")
    put(page, {key(FIRST, NOTES.name): {INTERVIEWERS: SHEET_NOTES},
               key(FIRST, f"tool:{PART.name}"): [{"name": "Morgan Blake", "role": "Team lead"}]})
    open_page(page, base_url + "follow-up/", f"{DRAFTER}[data-thankyou-ready]")
    expect(page.locator(CARDS)).to_have_count(1)
    assert card_values(page, 0)["name"] == "Morgan Blake"
    expect(page.locator(f"{DRAFTER} [data-thankyou-sheet]")).to_be_hidden()
