"""The component registry in a real browser: a page loads only its features' files, and each
feature mounts once per page, whether the page is opened directly or reached by instant navigation
from a page with or without it, in either direction."""

from __future__ import annotations

import re

import pytest

from macros import FEATURES
from tests.pages import PAGES
from tests.browser.support import instant_ready, wait_until_mounted

OWN_FILE = re.compile(r"/assets/(?:javascripts|stylesheets)/([a-z-]+)\.(?:js|css)$")

# Counts every mount, per element, by wrapping register as the core publishes it.
COUNT_MOUNTS = """
(() => {
  let guide;
  window.__mounts = [];
  Object.defineProperty(window, "SecondInterviewGuide", {
    configurable: true,
    get() { return guide; },
    set(value) {
      const register = value.register;
      value.register = function (name, feature) {
        const mount = feature.mount;
        feature.mount = function (element, context) {
          element.__mounts = (element.__mounts || 0) + 1;
          window.__mounts.push(name);
          return mount.call(this, element, context);
        };
        return register.call(this, name, feature);
      };
      guide = value;
    },
  });
})();
"""


def features_on(soup) -> set[str]:
    return {el["data-guide-component"] for el in soup.select("[data-guide-component]")}


@pytest.fixture(scope="module")
def features_of(soup_of) -> dict[str, set[str]]:
    return {address: features_on(soup_of(address)) for address in PAGES}


def own_files_requested(page) -> set[str]:
    return {m.group(1) for url in page.requested if (m := OWN_FILE.search(url.split("?")[0]))}


@pytest.fixture
def counted(context):
    context.add_init_script(COUNT_MOUNTS)
    tab = context.new_page()
    tab.requested = []
    tab.on("request", lambda request: tab.requested.append(request.url))
    return tab


def instant_go(page, base_url: str, address: str) -> None:
    """Follow a link as a reader does: Material swaps the page in without reloading it."""
    target = base_url + address
    page.evaluate("""(href) => {
        const link = Object.assign(document.createElement('a'), { href });
        document.querySelector('.md-content').append(link);
        link.click();
    }""", target)
    page.wait_for_function("href => document.querySelector('link[rel=canonical]').href === href", arg=target)


def mounted_once(page, feature: str) -> None:
    """Wait until every element of `feature` on the page is mounted, then check it was once."""
    selector = f'[data-guide-component="{feature}"]'
    wait_until_mounted(page, selector)
    counts = page.eval_on_selector_all(selector, "els => els.map((e) => e.__mounts)")
    assert counts and counts == [1] * len(counts), f"{feature}: mounts per element {counts}"


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a.strip("/") or "home")
def test_a_page_requests_only_its_features_files(counted, base_url, features_of, address):
    counted.goto(base_url + address)
    for feature in features_of[address]:
        mounted_once(counted, feature)
    counted.wait_for_load_state("networkidle")
    assert own_files_requested(counted) == {"guide", *features_of[address]}


@pytest.mark.parametrize("feature", FEATURES)
def test_each_feature_mounts_once_across_instant_navigation(counted, base_url, features_of, feature):
    with_it = [a for a in PAGES if feature in features_of[a]]
    without = [a for a in PAGES if feature not in features_of[a]]
    assert with_it and without, f"{feature} should be on some pages and not on others"
    page = counted
    page.goto(base_url + without[0])
    instant_ready(page)
    page.evaluate("window.__same_document = true")
    visits = 0
    # Without -> with -> without -> with (its script now known) -> back -> forward.
    for address in (with_it[0], without[-1], with_it[-1]):
        instant_go(page, base_url, address)
        present = page.locator(f'[data-guide-component="{feature}"]').count()
        if feature in features_of[address]:
            mounted_once(page, feature)
            visits += present
            assert page.locator(f'head link[data-guide-styles="{feature}"]').count() == 1
        else:
            assert present == 0
            assert page.locator(f'head link[data-guide-styles="{feature}"]').count() == 0
    page.go_back()
    page.wait_for_function("href => document.querySelector('link[rel=canonical]').href === href",
                           arg=base_url + without[-1])
    page.go_forward()
    page.wait_for_function("href => document.querySelector('link[rel=canonical]').href === href",
                           arg=base_url + with_it[-1])
    mounted_once(page, feature)
    visits += page.locator(f'[data-guide-component="{feature}"]').count()
    assert page.evaluate("window.__same_document") is True, "a link reloaded the page"
    mounts = page.evaluate(f"window.__mounts.filter((name) => name === '{feature}').length")
    assert mounts == visits, f"{feature}: {mounts} mounts for {visits} elements shown"
    scripts = [url for url in page.requested if url.split("?")[0].endswith(f"/javascripts/{feature}.js")]
    assert len(scripts) == 1, f"{feature}.js was requested {len(scripts)} times"
