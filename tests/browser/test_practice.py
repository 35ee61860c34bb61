"""The practice room (/practice/) in a real Chromium: recording with a fake microphone (playable,
kept nowhere, sent nowhere), a refused or missing microphone, the timer's target and its three
announcements and the mock panel under Playwright's clock, keyboard shortcuts, the stories beside a
question, the self-check saved per application, own questions, the home page's readiness, export
and import, a renamed question id, axe in both schemes, 320 px and the first visit's weight.

Every id, count, word and limit comes from data/ (through the project's loader) and macros/."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from macros import practice
from macros.readiness import CONFIG as READINESS
from tests.browser.support import (
    FIRST,
    G,
    api,
    at,
    call,
    export_file,
    import_file,
    instant_ready,
    key,
    load_data,
    open_page,
    open_profile,
    part,
    put,
    violations_in_both_schemes,
    write_file,
)
from tests.pages import GUIDE
from tools.sitekit import (
    FAKE_MICROPHONE,
    MICROPHONE_REFUSED,
    build_site,
    copy_project,
    launch_chromium,
    serve,
    site_path,
)
from tools.weight import OWN_CODE_ANY_PAGE, is_own_code, own_code, visit

WORDS = practice.CONFIG
ADDRESS = "practice/"
ROOM = "[data-practice]"
STATUS = f"{ROOM} [data-guide-announce]"
ALERT = f"{ROOM} [data-guide-alert]"
QUESTION = "[data-practice-question]"
PART = "tool:practice"
BY_TEXT = {q.text: q for q in GUIDE.deck.questions}
SECTION_TITLES = {s.slug: s.title for s in GUIDE.sections}
TAGGED = [q for q in GUIDE.deck.questions if q.tags]
STORY = {"title": "Rescued the billing queue", "situation": "Replies took three days.", "task": "",
         "action": "Sorted the tickets and wrote five articles.", "result": "Tickets fell by a third.",
         "tags": [TAGGED[0].tags[0]]}
OTHER_TAG = next(t for t in practice.STORY_TAGS if t not in STORY["tags"])
OTHER_STORY = {**STORY, "title": "Another story", "tags": [OTHER_TAG]}


def minutes(n: int) -> str:
    return WORDS["minutes"][0 if n == 1 else 1].format(n=n)


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def open_room(page, base_url: str) -> None:
    open_page(page, base_url + ADDRESS, ROOM)


def shown(page):
    """The deck's question the room shows."""
    return BY_TEXT[page.inner_text(QUESTION)]


def log(page, scope: str = FIRST) -> list[dict]:
    return part(page, scope, PART) or []


NAMED = {key("shared", f"application:{FIRST}"): {"company": "Initech", "added": 0}}


def put_stories(page, base_url: str, *stories) -> None:
    """The story bank holds `stories`, and the first application is named (so Add adds one)."""
    page.goto(base_url + "about/")
    put(page, {**NAMED, key("shared", "tool:stories"): list(stories)})


def collect_announcements(page) -> None:
    """Keep every text the room's status says, in order, in window.said."""
    page.evaluate("""(sel) => {
        window.said = [];
        const status = document.querySelector(sel);
        new MutationObserver(() => status.textContent && window.said.push(status.textContent))
          .observe(status, { childList: true, characterData: true, subtree: true });
    }""", STATUS)


def test_every_question_of_the_deck_has_its_own_text():
    """The tests find the question shown by its text."""
    assert len(BY_TEXT) == len(GUIDE.deck.questions)


# ---------- the pure functions, on one page load ----------

@pytest.fixture(scope="module")
def helpers_tab(browser, base_url):
    """A page with a checklist but not the practice room: the helpers every tool shares
    (guide-data.js) are loaded, and the practice room's pure functions are called on their own."""
    profile = open_profile(browser)
    tab = profile.new_page()
    tab.goto(base_url + f"{GUIDE.sections[0].slug}/")
    load_data(tab)
    yield tab
    profile.close()


def answer(question: str, date: str = "2026-12-01", **rest) -> dict:
    return {"question": question, "date": date, "seconds": 90, "target": 2, **rest}


def test_the_log_is_kept_to_its_limits_with_renamed_ids_under_their_new_ones(helpers_tab):
    limits = {"maxOwn": 2, "maxAnswers": 3}
    saved = [answer("old"), {"question": "mine-a1", "text": "Own one?"}, answer("b"), None, {"text": "no id"},
             {"question": "mine-a2", "text": "Own two?"}, {"question": "mine-a3", "text": "Own three?"},
             answer("c", date="2026-02-30"), answer("d"), answer("e"), {"question": "mine-a4", "text": "  "}]
    cleaned = call(helpers_tab, "practice", "clean", saved, {"old": "new"}, limits)
    assert cleaned == [{"question": "mine-a1", "text": "Own one?"}, {"question": "mine-a2", "text": "Own two?"},
                       answer("b"), answer("d"), answer("e")]
    assert call(helpers_tab, "practice", "clean", [answer("old")], {"old": "new"}, limits) == [answer("new")]
    assert call(helpers_tab, "practice", "clean", {"not": "a list"}, {}, limits) == []


def test_next_goes_round_the_pool_and_least_picks_the_least_practiced(helpers_tab):
    pool = [{"id": i} for i in ("a", "b", "c", "d")]
    assert call(helpers_tab, "practice", "nextOf", pool, {}, None, False)["id"] == "a"
    assert call(helpers_tab, "practice", "nextOf", pool, {}, "d", False)["id"] == "a"
    assert call(helpers_tab, "practice", "nextOf", pool, {"b": 3}, "a", False)["id"] == "b"
    assert call(helpers_tab, "practice", "nextOf", pool, {"a": 1, "b": 1, "d": 2}, "a", True)["id"] == "c"
    assert call(helpers_tab, "practice", "nextOf", pool, {"a": 1, "b": 1, "c": 1, "d": 1}, "c", True)["id"] == "d"
    assert call(helpers_tab, "practice", "nextOf", [], {}, None, True) is None


@pytest.mark.parametrize("target, at, phase", [
    (2, 0, 0), (2, 59, 0), (2, 60, 1), (2, 119, 1), (2, 120, 2), (3, 119, 0), (3, 120, 1),
    (1, 0, 0), (1, 59, 0), (1, 60, 2),  # a one-minute target has no "one minute left"
])
def test_the_timer_speaks_at_one_minute_left_and_at_the_target(helpers_tab, target, at, phase):
    assert call(helpers_tab, "practice", "phaseOf", at, target) == phase


def test_a_panel_takes_the_least_practiced_question_of_different_sections(helpers_tab):
    questions = [{"id": q.id, "section": q.section} for q in GUIDE.deck.questions]
    size = practice.PANEL_SIZE
    panel = call(helpers_tab, "practice-panel", "panelOf", questions, {}, size)
    sections = [GUIDE.deck.questions[[q.id for q in GUIDE.deck.questions].index(i)].section for i in panel]
    assert len(panel) == size and len(set(sections)) == size
    first = GUIDE.deck.in_section(sections[0])
    practiced = {q.id: 1 for q in first[:-1]}  # all but the last of the first section, once
    again = call(helpers_tab, "practice-panel", "panelOf", questions, practiced, size)
    assert first[-1].id in again and not set(practiced) & set(again)


# ---------- recording ----------

@pytest.fixture(scope="module")
def fake_microphone(playwright):
    browser = launch_chromium(playwright, only_this_machine=True, extra=FAKE_MICROPHONE)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def refusing_browser(playwright):
    browser = launch_chromium(playwright, only_this_machine=True, extra=(FAKE_MICROPHONE[0], MICROPHONE_REFUSED))
    yield browser
    browser.close()


# Every microphone stream the page is given, so a test can see that it was let go.
KEEP_STREAMS = """
const ask = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
window.streams = [];
navigator.mediaDevices.getUserMedia = (c) => ask(c).then((s) => (window.streams.push(s), s));
"""
MICROPHONE_OFF = "window.streams.every((s) => s.getTracks().every((t) => t.readyState === 'ended'))"


def test_record_then_stop_gives_a_playable_recording_kept_and_sent_nowhere(fake_microphone, base_url):
    profile = open_profile(fake_microphone)
    profile.add_init_script(KEEP_STREAMS)
    requests = []
    profile.on("request", lambda request: requests.append(request))
    tab = profile.new_page()
    open_room(tab, base_url)
    assert not any("practice-record" in r.url for r in requests), "the recorder loads only when asked for"
    tab.click("[data-practice-record]")
    expect(tab.locator(STATUS)).to_have_text(WORDS["recording"].format(target=minutes(practice.TARGET)))
    expect(tab.locator("[data-practice-time]")).to_have_text(re.compile(r"^0:0[1-9] "))  # a second recorded
    tab.click("[data-practice-stop]")
    expect(tab.locator("[data-practice-playback]")).to_be_visible()
    assert tab.evaluate("window.streams.length") == 1
    tab.wait_for_function(MICROPHONE_OFF)
    audio = tab.locator("audio[data-practice-audio]")
    tab.wait_for_function("(a) => a.readyState >= 1 && isFinite(a.duration)", arg=audio.element_handle())
    assert audio.evaluate("a => a.duration") > 0
    audio.evaluate("a => a.play()")  # rejects (and fails the test) if it cannot be played
    tab.wait_for_function("(a) => a.currentTime > 0", arg=audio.element_handle())
    link = tab.locator("[data-practice-download]")
    assert link.get_attribute("href").startswith("blob:") and link.get_attribute("download").endswith(".webm")
    tab.check("[data-practice-checked='action']")
    tab.click("[data-practice-save]")
    expect(tab.locator(STATUS)).to_contain_text("Saved")
    # Nothing of the recording in storage: the log holds the answer's fields and nothing else.
    stored = tab.evaluate("() => JSON.stringify(Object.entries(localStorage))")
    assert "blob:" not in stored and "webm" not in stored and len(stored) < 2000
    fields = set(practice.import_rules()["fields"])
    assert [set(entry) <= fields for entry in log(tab)] == [True]
    assert tab.evaluate("async () => [(await indexedDB.databases()).length, (await caches.keys()).length]") == [0, 0]
    # Nothing sent: every request is a GET for the site's own files, with no body.
    site = urlparse(base_url).netloc
    sent = [(r.method, r.url) for r in requests if r.method != "GET" or r.post_data
            or (urlparse(r.url).scheme in ("http", "https") and urlparse(r.url).netloc != site)]
    assert sent == []
    assert any("practice-record" in r.url for r in requests)
    # Leaving the page while recording lets the microphone go and forgets the last recording.
    recorded = link.get_attribute("href")
    tab.click("[data-practice-record]")
    tab.wait_for_function("window.streams.length === 2")
    instant_ready(tab)
    tab.click(".md-nav--primary a[href$='about/']")
    tab.wait_for_url(at("about/"))
    tab.wait_for_function(MICROPHONE_OFF)
    assert tab.evaluate("(url) => fetch(url).then(() => 'kept', () => 'gone')", recorded) == "gone"
    profile.close()


def test_with_the_microphone_refused_the_page_says_recording_is_off_and_works(refusing_browser, base_url):
    profile = open_profile(refusing_browser)
    tab = profile.new_page()
    open_room(tab, base_url)
    tab.click("[data-practice-record]")
    refused = WORDS["off"]["NotAllowedError"]
    expect(tab.locator("[data-practice-off]")).to_have_text(refused)
    expect(tab.locator(ALERT)).to_have_text(refused)
    expect(tab.locator("[data-practice-record]")).to_be_disabled()
    tab.click("[data-practice-start]")
    tab.click("[data-practice-stop]")
    expect(tab.locator("[data-practice-check]")).to_be_visible()
    expect(tab.locator("[data-practice-playback]")).to_be_hidden()
    profile.close()


def test_without_a_microphone_the_page_says_why(page, base_url):
    """The tests' own browser has no microphone at all."""
    open_room(page, base_url)
    page.click("[data-practice-record]")
    expect(page.locator("[data-practice-off]")).to_have_text(WORDS["off"]["NotFoundError"])
    page.click("[data-practice-next]")
    expect(page.locator("[data-practice-start]")).to_be_enabled()


# ---------- the timer, the keys and the mock panel ----------

def test_the_timer_counts_to_the_target_and_says_only_start_one_minute_left_and_time_up(context, base_url):
    context.clock.install()
    tab = context.new_page()
    open_room(tab, base_url)
    tab.select_option("[data-practice-target]", "3")
    collect_announcements(tab)
    tab.click("[data-practice-start]")
    tab.clock.run_for(119_000)
    expect(tab.locator("[data-practice-time]")).to_have_text(f"{clock(119)} / {clock(180)}")
    tab.clock.run_for(1_000)
    expect(tab.locator(STATUS)).to_have_text(WORDS["said"][1])
    tab.clock.run_for(65_000)
    expect(tab.locator("[data-practice-time]")).to_have_text(
        WORDS["timeUp"].format(time=clock(185), target=minutes(3)))
    assert tab.evaluate("window.said") == [WORDS["said"][0].format(target=minutes(3)), WORDS["said"][1],
                                           WORDS["said"][2]]
    tab.click("[data-practice-stop]")
    over = WORDS["overTime"].format(target=minutes(3))
    expect(tab.locator("[data-practice-took]")).to_have_text(WORDS["took"].format(time=clock(185), fit=over))
    # A one-minute target: no "one minute left", only the start and time up.
    tab.select_option("[data-practice-target]", "1")
    tab.click("[data-practice-next]")
    tab.evaluate("window.said = []")
    tab.click("[data-practice-start]")
    tab.clock.run_for(61_000)
    expect(tab.locator(STATUS)).to_have_text(WORDS["said"][2])
    assert tab.evaluate("window.said") == [WORDS["said"][0].format(target=minutes(1)), WORDS["said"][2]]


def test_start_stop_and_next_by_keyboard_while_in_the_room(page, base_url):
    open_room(page, base_url)
    first = shown(page)
    page.focus(QUESTION)
    page.keyboard.press("s")
    expect(page.locator("[data-practice-stop]")).to_be_enabled()
    expect(page.locator("[data-practice-start]")).to_be_disabled()
    page.keyboard.press("x")
    expect(page.locator("[data-practice-check]")).to_be_visible()
    expect(page.locator("[data-practice-checked]").first).to_be_focused()
    page.keyboard.press("n")
    expect(page.locator(QUESTION)).not_to_have_text(first.text)
    expect(page.locator("[data-practice-check]")).to_be_hidden()
    # Typing in a field is typing: the keys do nothing there.
    page.click(".sig-practice__own summary")
    page.fill("[data-practice-own-text]", "")
    page.type("[data-practice-own-text]", "sxn")
    expect(page.locator("[data-practice-own-text]")).to_have_value("sxn")
    expect(page.locator("[data-practice-start]")).to_be_enabled()


def test_a_mock_panel_asks_questions_from_different_sections_with_a_pause_then_sums_up(context, base_url):
    context.clock.install()
    tab = context.new_page()
    open_room(tab, base_url)
    tab.click("[data-practice-panel]")
    asked = []
    size, pause = practice.PANEL_SIZE, practice.PANEL_PAUSE
    for n in range(1, size + 1):
        question = shown(tab)
        asked.append(question)
        where = WORDS["panelWhere"].format(n=n, size=size, section=SECTION_TITLES[question.section])
        expect(tab.locator("[data-practice-where]")).to_have_text(where)
        expect(tab.locator("[data-practice-stop]")).to_be_enabled()  # the timer runs at once
        tab.clock.run_for(30_000 + n * 1_000)
        tab.click("[data-practice-stop]")
        if n == size:
            break
        expect(tab.locator("[data-practice-where]")).to_have_text(WORDS["pauseWhere"].format(seconds=pause))
        expect(tab.locator("[data-practice-start]")).to_be_disabled()
        if n == 2:
            tab.click("[data-practice-next]")  # the pause cut short
        else:
            tab.clock.run_for(pause * 1_000)
        expect(tab.locator(QUESTION)).not_to_have_text(question.text)
    assert len({q.section for q in asked}) == size
    summary = tab.locator("[data-practice-summary]")
    expect(summary).to_be_focused()
    times = [30 + n for n in range(1, size + 1)]
    expect(summary.locator("li")).to_have_text([WORDS["panelLine"].format(text=q.text, time=clock(t))
                                                for q, t in zip(asked, times)])
    expect(tab.locator("[data-practice-summary-total]")).to_have_text(WORDS["panelDone"].format(
        size=size, time=clock(sum(times)), fit=size, target=minutes(practice.TARGET)))
    assert [(e["question"], e["seconds"]) for e in log(tab)] == [(q.id, t) for q, t in zip(asked, times)]


# ---------- stories, self-check, own questions ----------

def test_the_stories_whose_tags_match_are_beside_the_question_with_their_parts_on_demand(page, base_url):
    put_stories(page, base_url, STORY, OTHER_STORY)
    open_room(page, base_url)
    page.select_option("[data-practice-choose]", f"tag:{STORY['tags'][0]}")
    stories = page.locator("[data-practice-story-list] > li")
    expect(stories).to_have_count(1)
    expect(stories.locator("summary")).to_have_text(STORY["title"])
    action = stories.get_by_text(STORY["action"])
    expect(action).to_be_hidden()
    stories.locator("summary").click()
    expect(action).to_be_visible()
    expect(stories.get_by_text("Task:")).to_have_count(0)  # an empty part is left out
    page.select_option("[data-practice-choose]", f"tag:{OTHER_TAG}")
    expect(stories.locator("summary")).to_have_text(OTHER_STORY["title"])
    untagged = next(q for q in GUIDE.deck.questions if not q.tags)
    page.select_option("[data-practice-choose]", f"section:{untagged.section}")
    while shown(page) != untagged:
        page.click("[data-practice-next]")
    expect(page.locator("[data-practice-stories]")).to_be_hidden()


def test_the_self_check_is_saved_per_application(page, base_url):
    put_stories(page, base_url, STORY)
    open_room(page, base_url)
    page.select_option("[data-practice-choose]", f"tag:{STORY['tags'][0]}")
    question = shown(page)
    page.click("[data-practice-start]")
    page.click("[data-practice-stop]")
    page.check("[data-practice-checked='situation']")
    page.check("[data-practice-checked='result']")
    page.select_option("[data-practice-story]", STORY["title"])
    page.click("[data-practice-save]")
    expect(page.locator(STATUS)).to_have_text(WORDS["saved"].format(count=1))
    today = page.evaluate(f"{G}.today()")
    [saved] = log(page)
    assert saved == {"question": question.id, "date": today, "seconds": saved["seconds"], "target": practice.TARGET,
                     "situation": True, "action": False, "result": True, "story": STORY["title"]}
    other = api(page, f"{G}.addApplication({{ company: 'Globex' }}).then((outcome) => outcome.id)")
    expect(page.locator("[data-practice-check]")).to_be_hidden()
    page.click("[data-practice-start]")
    page.click("[data-practice-stop]")
    page.click("[data-practice-save]")
    assert len(log(page, other)) == 1 and log(page) == [saved]


def test_own_questions_are_added_limited_and_removed_with_undo(page, base_url):
    open_room(page, base_url)
    page.click(".sig-practice__own summary")
    own = page.locator("[data-practice-own-text]")
    page.click("[data-practice-add]")
    expect(own).to_have_attribute("aria-invalid", "true")
    expect(page.locator(ALERT)).to_have_text(WORDS["ownMissing"])
    # The one error style: the field's red border (guide.css) beats the fields' own border.
    assert own.evaluate("i => getComputedStyle(i).borderTopWidth") == "2px"
    text = "Why did you leave your last job so soon?"
    own.fill(text)
    page.click("[data-practice-add]")
    expect(page.locator(QUESTION)).to_have_text(text)
    expect(page.locator("[data-practice-choose]")).to_have_value("own")
    expect(page.locator("[data-practice-where]")).to_have_text(WORDS["ownSection"])
    [entry] = log(page)
    assert entry["text"] == text and entry["question"].startswith(practice.OWN_PREFIX)
    page.click("[data-practice-remove]")
    expect(page.locator(QUESTION)).to_have_text(WORDS["empty"])
    assert log(page) == []
    page.click("[data-guide-undo]")
    expect(page.locator(QUESTION)).to_have_text(text)
    assert log(page) == [entry]
    # At the limit, one more is refused and nothing is stored.
    full = [{"question": f"{practice.OWN_PREFIX}{n}", "text": f"Question {n}?"} for n in range(practice.MAX_OWN)]
    put(page, {key(FIRST, PART): full})
    own.fill("One too many?")
    page.click("[data-practice-add]")
    expect(page.locator(ALERT)).to_have_text(WORDS["ownFull"])
    assert log(page) == full


# ---------- readiness, export and import, a renamed question ----------

def expected_readiness(rehearsed: set[str]) -> str:
    covered = {t for q in GUIDE.deck.questions if q.id in rehearsed for t in q.tags}
    left = len(practice.STORY_TAGS) - len(covered)
    count = READINESS["rehearsed"][0 if len(rehearsed) == 1 else 1].format(count=len(rehearsed))
    return count + ", " + (READINESS["themesLeft"][0 if left == 1 else 1].format(count=left) if left
                           else READINESS["allThemes"])


def test_readiness_on_the_home_page_counts_this_applications_practice(page, base_url):
    chosen = TAGGED[:3]
    page.goto(base_url + "about/")
    put(page, {**NAMED, key(FIRST, PART): [answer(q.id) for q in chosen] + [answer(chosen[0].id)]})
    open_page(page, base_url, "[data-readiness][data-readiness-ready]")
    line = page.locator("[data-readiness-rehearsed]")
    expect(line).to_have_text(expected_readiness({q.id for q in chosen}))
    api(page, f"{G}.addApplication({{ company: 'Globex' }})")
    expect(line).to_have_text(expected_readiness(set()))


def test_practice_is_exported_and_imported_and_older_files_still_import(page, base_url, tmp_path):
    mine = [{"question": f"{practice.OWN_PREFIX}a1", "text": "Mine?"},
            answer(TAGGED[0].id, situation=True, action=True, result=False, story="A story")]
    theirs = [answer(TAGGED[1].id)]
    page.goto(base_url + "about/")
    put(page, {**NAMED, key("shared", "application:a2"): {"company": "Globex", "added": 2},
               key(FIRST, PART): mine, key("a2", PART): theirs})
    exported = export_file(page, base_url, tmp_path)
    by_id = {app["id"]: app["tools"] for app in exported["applications"]}
    assert by_id == {FIRST: {"practice": mine}, "a2": {"practice": theirs}}
    path = write_file(tmp_path, exported)
    put(page, {})
    import_file(page, base_url, path)
    assert log(page) == mine and log(page, "a2") == theirs
    # Merge fills an application's empty practice from the file and keeps practice it has.
    kept = [answer(TAGGED[2].id)]
    page.evaluate("([a, b]) => { localStorage.removeItem(a); localStorage.setItem(b[0], b[1]); }",
                  [key(FIRST, PART), [key("a2", PART), json.dumps(kept)]])
    import_file(page, base_url, path, "merge")
    assert log(page) == mine and log(page, "a2") == kept
    # A file from before the practice room: it imports, and the room starts empty.
    for app in exported["applications"]:
        app["tools"].pop("practice")
    put(page, {})
    import_file(page, base_url, write_file(tmp_path, exported, "older.json"))
    assert log(page) == [] and log(page, "a2") == []
    open_room(page, base_url)
    expect(page.locator("[data-practice-start]")).to_be_enabled()


RENAMED = GUIDE.deck.questions[0]


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    """The guide with the deck's first question renamed, as CONTRIBUTING says, built and served."""
    project = copy_project(tmp_path_factory.mktemp("renamed-question"))
    deck = project / "data" / "practice.yml"
    text = deck.read_text(encoding="utf-8")
    assert f"- id: {RENAMED.id}\n" in text
    deck.write_text(text.replace(f"- id: {RENAMED.id}\n", f"- id: renamed-{RENAMED.id}\n  renamed_from: [{RENAMED.id}]\n"),
                    encoding="utf-8")
    ledger = project / "data" / "_ledger.yml"
    entry = f"- practice/{RENAMED.id}\n"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace(entry, entry + f"- practice/renamed-{RENAMED.id}\n"),
                      encoding="utf-8")
    site = project / "site"
    site.mkdir()
    with serve(site, site_path()) as url:
        build_site(site, site_url=url, config_file=project / "mkdocs.yml")
        yield url


def test_practice_saved_under_an_old_question_id_follows_the_renamed_question(page, renamed_site):
    page.goto(renamed_site + "about/")
    put(page, {key(FIRST, PART): [answer(RENAMED.id)]})
    open_page(page, renamed_site, "[data-readiness][data-readiness-ready]")
    expect(page.locator("[data-readiness-rehearsed]")).to_have_text(expected_readiness({RENAMED.id}))
    open_room(page, renamed_site)
    # "Least practiced" passes over it: it was practiced under its old id.
    expect(page.locator(QUESTION)).to_have_text(GUIDE.deck.questions[1].text)
    page.click("[data-practice-start]")
    page.click("[data-practice-stop]")
    page.click("[data-practice-save]")
    assert [e["question"] for e in log(page)] == [f"renamed-{RENAMED.id}", GUIDE.deck.questions[1].id]


# ---------- accessibility, phone width, weight ----------

def use_the_room(page, base_url) -> None:
    """The room with everything showing: a story beside the question, the self-check, the reason
    recording is off, the own-question form and a panel's summary."""
    put_stories(page, base_url, {**STORY, "title": "W" * 60})
    open_room(page, base_url)
    page.select_option("[data-practice-choose]", f"tag:{STORY['tags'][0]}")
    page.locator("[data-practice-story-list] summary").click()
    page.click("[data-practice-record]")
    expect(page.locator("[data-practice-off]")).to_be_visible()
    page.click(".sig-practice__own summary")
    page.click("[data-practice-start]")
    page.click("[data-practice-stop]")
    expect(page.locator("[data-practice-check]")).to_be_visible()


def test_axe_finds_nothing_in_light_and_dark(page, base_url):
    use_the_room(page, base_url)
    assert violations_in_both_schemes(page) == []


def test_no_sideways_scroll_at_320_px(page, base_url):
    page.set_viewport_size({"width": 320, "height": 800})
    use_the_room(page, base_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.fixture(scope="module")
def first_visit(browser, base_url):
    return visit(browser, base_url + ADDRESS)


def test_a_first_visit_loads_the_core_the_bar_and_the_room_and_nothing_more(first_visit):
    """The self-check, the recorder, the mock panel, the own questions and the stories beside the
    question load when they are used (the tests above use them), never with a first visit."""
    own = sorted(urlparse(r.url).path.rsplit("/", 1)[1] for r in first_visit.resources if is_own_code(r.url))
    assert own == sorted([f"{name}.min.{kind}" for name in ("guide", "applications", "practice") for kind in ("js", "css")]
                         + ["guide-data.min.js"])


def test_a_first_visit_stays_within_the_budget(first_visit):
    listing = "\n".join(f"{r.transferred:>8} {r.url}" for r in first_visit.resources if is_own_code(r.url))
    assert own_code(first_visit.resources) <= OWN_CODE_ANY_PAGE, f"over {OWN_CODE_ANY_PAGE} bytes gzip\n{listing}"


def test_the_planners_rehearse_step_links_to_the_practice_page(page, base_url):
    open_page(page, base_url + "follow-up/")
    page.fill('[data-planner-field="company"]', "Initech")
    page.fill('[data-planner-field="date"]', "2030-06-14")
    link = page.locator('[data-planner-step="rehearse"] a[data-planner-link="rehearse"]')
    expect(link).to_have_count(1)
    # Leaving a field does not redraw the plan under the reader: the link takes the focus, and a click.
    page.focus('[data-planner-field="offer"]')
    for _ in range(4):  # past the date field's own parts (month, day, year)
        if page.evaluate("document.activeElement.matches('[data-planner-field]')"):
            page.keyboard.press("Tab")
    expect(link).to_be_focused()
    page.focus('[data-planner-field="date"]')
    link.click()
    page.wait_for_url(re.compile(re.escape(ADDRESS) + r"(#.*)?$"))
    expect(page.locator(QUESTION)).not_to_be_empty()
