"""axe-core finds no violation on any page, light and dark, after ticking and typing; the keyboard
reaches every control with a visible focus, and the skip link works."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.support import SCHEMES, violations, violations_in_both_schemes, wait_until_mounted
from tests.pages import PAGES, SECTIONS
from tools.sitekit import serve


def use_the_page(page, address: str) -> None:
    """Put the page in the state a reader leaves it in: boxes ticked, notes typed, and every field
    error the page can show showing (the one error style passes too)."""
    wait_until_mounted(page)
    boxes = page.locator("form[data-checklist] input[data-item]")
    for index in range(min(2, boxes.count())):
        boxes.nth(index).check()
    for field in page.locator("textarea[data-cheatsheet-note]").all():
        field.fill("Sam Lee, engineering manager")
    if page.locator("[data-application-setup]:visible").count():
        page.click("[data-application-setup-save]")  # no company: its error shows
    if page.locator("[data-planner]").count():
        page.fill('[data-planner-field="company"]', "Globex")
        page.fill('[data-planner-field="company"]', "")  # refused: its error shows
    if page.locator("[data-offers]").count():
        page.fill('[data-offers-field="base"][data-offers-offer="1"]', "52.000")  # could mean two amounts
        page.keyboard.press("Tab")
    if page.locator("[data-stories]").count():
        page.click("[data-stories-save]")  # no title: its error shows


@pytest.mark.parametrize("address", [*PAGES, "no-such-page/"], ids=lambda a: a.strip("/") or "home")
def test_axe_finds_no_violation(page, base_url, address):
    page.goto(base_url + address)
    if address != "no-such-page/":
        use_the_page(page, address)
    found = violations_in_both_schemes(page)
    assert not found, f"{address or 'home'}:\n" + "\n".join(found)


def test_axe_check_catches_an_unlabelled_input_and_faint_text(browser, tmp_path):
    """The check finds planted faults; its colour-only run (the second scheme's) finds the faint
    text and leaves the label to the first run."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>Broken</title></head>'
        '<body><main><h1>Broken</h1><input type="checkbox">'
        '<p style="color: #bbb; background: #fff">Faint words</p></main></body></html>'
    )
    with serve(tmp_path, "/") as url:
        page = browser.new_page()
        page.goto(url)
        every_rule = violations(page)
        colour_only = violations(page, colour_only=True)
        page.close()
    assert {line.split()[0] for line in every_rule} >= {"label", "color-contrast"}, every_rule
    assert [line.split()[0] for line in colour_only] == ["color-contrast"], colour_only


def test_a_first_visit_shows_the_readers_colour_scheme(scheme_page, base_url):
    """Until the reader picks a scheme, Material's palette follows the system setting: the switch
    in place that violations_in_both_schemes makes relies on it."""
    scheme_page.goto(base_url + "salary/")
    expect(scheme_page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme_page.scheme])


# Links in the article's running text (a paragraph, a list item, a cell...), even inside bold or
# italics, that are not underlined: colour alone would set them apart (WCAG 1.4.1). Tab labels are
# controls, not text.
BARE_LINKS = """() => [...document.querySelectorAll("article a[href]:not(.md-button, .headerlink, .tabbed-labels a)")]
  .filter((a) => a.closest("p, li, td, dd, label, legend") && a.textContent.trim() && a.getClientRects().length)
  .filter((a) => !getComputedStyle(a).textDecorationLine.includes("underline"))
  .map((a) => a.textContent.trim())"""


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a.strip("/") or "home")
def test_links_in_running_text_are_underlined(page, base_url, address):
    page.goto(base_url + address)
    assert page.evaluate(BARE_LINKS) == [], f"links on /{address} told apart by colour alone"


def test_tab_labels_are_not_underlined_as_links(page, base_url, soup_of):
    """Material puts a link in each tab's label once the page runs: a control, not running text."""
    address = next(a for a in PAGES if soup_of(a).select(".tabbed-labels label"))
    page.goto(base_url + address)
    page.wait_for_selector(".tabbed-labels a", state="attached")
    assert page.evaluate("[...document.querySelectorAll('.tabbed-labels a')]"
                         ".filter((a) => getComputedStyle(a).textDecorationLine.includes('underline')).length") == 0


def test_skip_link_moves_to_the_content(page, base_url):
    page.goto(base_url + "salary/")
    page.keyboard.press("Tab")
    skip = page.evaluate("[document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert skip[0].lower().startswith("skip to content"), skip
    assert page.evaluate("getComputedStyle(document.activeElement).visibility") == "visible"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.length > 1")
    target = page.evaluate("location.hash")
    assert page.locator(target).is_visible()
    assert page.evaluate("window.scrollY") > 0 or page.locator(target).bounding_box()["y"] < 200


@pytest.mark.parametrize("address", ["background/", "cheat-sheet/", "", "follow-up/", "offer/"],
                         ids=["section-and-story-bank", "cheat-sheet", "home", "planner-and-drafter", "offers"])
def test_tab_reaches_every_control_with_visible_focus(page, base_url, address):
    page.goto(base_url + address)
    # The guide's own controls, each tagged so the walk can tell them apart.
    controls = page.evaluate(
        # Every control in the article the reader can see, except Material's content-tab radios
        # (one stop per tab set, moved between with the arrow keys) and its hidden scroll buttons.
        """() => { const all = [...document.querySelectorAll(
              'article :is(input, button, textarea, select, a[download]):not(.tabbed-set > input, [tabindex="-1"])')]
              .filter(el => el.getClientRects().length > 0 || el.type === 'file');
            all.forEach((el, i) => { el.dataset.probe = String(i); });
            return all.length; }"""
    )
    assert controls > 0
    # The page notes where the focus is after each press of Tab (on the key's release, once the
    # focus has moved), so the walk costs one round trip per key press instead of two.
    page.evaluate(
        """() => { window.__walk = [];
            document.addEventListener('keyup', () => {
              const el = document.activeElement; const cs = getComputedStyle(el);
              // The file input and Material's palette toggle show their focus on their label.
              const host = el.closest('label') ||
                (el.matches('.md-option') && el.nextElementSibling) || el;
              const hs = getComputedStyle(host);
              const visible = [cs, hs].some(s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                                                 || (s.boxShadow && s.boxShadow !== 'none'));
              window.__walk.push({probe: el.dataset.probe || null, visible, tag: el.outerHTML.slice(0, 80)});
            }, true); }"""
    )
    walk: list[dict] = []
    for _ in range(40):  # at most 400 presses of Tab, ten between looks
        for _ in range(10):
            page.keyboard.press("Tab")
        walk = page.evaluate("window.__walk")
        if any(stop["tag"].startswith("<body") for stop in walk):
            break
    # Past the last control the focus leaves the page (the body is focused): the walk ends there.
    stops = walk[:next((i for i, stop in enumerate(walk) if stop["tag"].startswith("<body")), len(walk))]
    reached = {stop["probe"] for stop in stops if stop["probe"] is not None}
    invisible = [stop["tag"] for stop in stops if not stop["visible"]]
    missed = page.evaluate(
        "reached => [...document.querySelectorAll('[data-probe]')].filter(el => !reached.includes(el.dataset.probe))"
        ".map(el => el.outerHTML.slice(0, 120))",
        sorted(reached),
    )
    assert not missed, f"Tab never reached {len(missed)} of {controls} controls: {missed}"
    assert not invisible, "focus not visible on: " + "; ".join(invisible[:5])


def test_every_section_checklist_is_labelled(soup_of):
    """Each checklist form names the heading that labels it (markup only: read from the build)."""
    for slug in SECTIONS:
        soup = soup_of(f"{slug}/")
        forms = soup.select("form[data-checklist]")
        labels = [soup.find(id=form["aria-labelledby"]) if form.get("aria-labelledby") else None for form in forms]
        names = [label.get_text() if label else None for label in labels]
        assert names and all(name and name.strip() for name in names), f"{slug}: {names}"
