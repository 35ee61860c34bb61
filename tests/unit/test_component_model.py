"""The component model: one name per feature across Python, JavaScript and CSS; Python the single
source of words and limits; scripts that find elements only through data-* hooks."""

from __future__ import annotations

import dataclasses
import importlib
import re

import pytest

import macros
from macros import markup
from tools.sitekit import ROOT

JS = ROOT / "docs" / "assets" / "javascripts"
CSS = ROOT / "docs" / "assets" / "stylesheets"
CORE = "guide"


def module_of(feature: str):
    return importlib.import_module(f"macros.{feature.replace('-', '_')}")


def without_comments(source: str) -> str:
    return re.sub(r"/\*.*?\*/|(?<![:\\\"'])//[^\n]*", " ", source, flags=re.S)


STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
# A regular expression literal: a slash after something that cannot end a value.
REGEX = re.compile(r"(?<=[(,=:\[!&|?{};])\s*/(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n\[])+/[gimsuy]*")
NUMBER = re.compile(r"(?<![\w.$])\d+(?:\.\d+)?(?:e\d+)?(?![\w.])")


def string_literals(source: str) -> list[str]:
    return [literal[1:-1] for literal in STRING.findall(without_comments(source))]


def numbers(source: str) -> set[int]:
    code = REGEX.sub(" ", STRING.sub('""', without_comments(source)))
    return {int(float(n)) for n in NUMBER.findall(code) if float(n).is_integer()}


def python_values(value) -> list:
    """Every string and whole number inside a module constant (tuples, dicts, dataclasses)."""
    if isinstance(value, bool):
        return []
    if isinstance(value, (str, int)):
        return [value]
    if dataclasses.is_dataclass(value):
        return python_values(dataclasses.astuple(value))
    if isinstance(value, dict):
        return [v for item in value.values() for v in python_values(item)]
    if isinstance(value, (tuple, list, set, frozenset)):
        return [v for item in value for v in python_values(item)]
    return []


def constants(module) -> list:
    return [v for name, value in vars(module).items() if name.isupper() for v in python_values(value)]


def names(module) -> set[str]:
    """The keys of a module's dicts: the names a script looks words up by, as in config.store or
    words.offer. They are the interface between Python and the script, like the data-* hooks."""
    return {key for name, value in vars(module).items() if name.isupper() and isinstance(value, dict)
            for key in value}


def test_every_feature_has_its_module_script_and_stylesheet_and_nothing_else_is_shipped():
    assert len(macros.FEATURES) == len(set(macros.FEATURES)) == 9
    for feature in macros.FEATURES:
        assert module_of(feature).FEATURE == feature
        script = (JS / f"{feature}.js").read_text(encoding="utf-8")
        assert f'G.register("{feature}", ' in script, f"{feature}.js must register as {feature!r}"
        assert (CSS / f"{feature}.css").is_file(), f"{feature} has no stylesheet"
    expected = {CORE, *macros.FEATURES}
    assert {p.stem for p in JS.glob("*.js")} == expected
    assert {p.stem for p in CSS.glob("*.css")} == expected


def test_each_renderer_marks_its_root_with_its_name_and_configuration():
    html = markup.component("planner", {"limit": 3, "say": 'a "quoted" <word>'})
    assert html.startswith('data-guide-component="planner" data-planner-config="')
    assert "<" not in html.split("config=", 1)[1] and "&quot;quoted" in html


@pytest.mark.parametrize("feature", [CORE, *macros.FEATURES])
def test_scripts_use_strict_equality_listeners_and_data_hooks(feature):
    code = STRING.sub('""', without_comments((JS / f"{feature}.js").read_text(encoding="utf-8")))
    assert not re.search(r"[^=!<>]==[^=]|!=[^=]", code), "use === and !== only"
    assert not re.search(r"\.on[a-z]+\s*=", code), "use addEventListener, not on... properties"
    for positional in ("firstChild", "lastChild", "firstElementChild", "children[", "childNodes", ".id."):
        assert positional not in code, f"find elements through data-* hooks, not {positional}"
    assert "getElementById" not in code and "querySelector(\".sig" not in code


def test_no_script_repeats_a_python_word_or_limit():
    """Words, keys and limits are written once, in Python; the scripts read them from the page.
    Feature names and the names words are looked up by are shared by design."""
    scripts = {p.stem: p.read_text(encoding="utf-8") for p in JS.glob("*.js")}
    literals = {name: set(string_literals(source)) for name, source in scripts.items()}
    checked = 0
    for feature in macros.FEATURES:
        values = [*constants(module_of(feature)), *python_values(module_of(feature).CONFIG)]
        shared = {*macros.FEATURES, *names(module_of(feature))}
        words = {v for v in values if isinstance(v, str) and len(v) > 1 and v not in shared}
        limits = {v for v in values if isinstance(v, int) and v > 1}
        for name in (feature, CORE):
            found = literals[name]
            repeated = sorted(words & found)
            assert not repeated, f"{name}.js repeats {repeated} from macros/{module_of(feature).__name__}"
            long_words = [w for w in words if len(w) > 20 and any(w in literal for literal in found)]
            assert not long_words, f"{name}.js quotes {long_words}"
        for name in (feature, CORE):
            repeated = sorted(limits & numbers(scripts[name]))
            assert not repeated, f"{name}.js repeats the limits {repeated} of {feature}"
        checked += len(words) + len(limits)
    notice = markup.STORAGE_NOTICE_TEXT
    assert not any(notice[:40] in source for source in scripts.values())
    assert checked > 100  # the comparison really saw the configuration


def test_the_checks_above_catch_a_repeat():
    source = 'var x = "Story saved."; // a "comment"\nif (a == b) n = 12; var r = /^[0-3]$/;'
    assert "Story saved." in string_literals(source) and "a \"comment\"" not in string_literals(source)
    assert 12 in numbers(source) and 3 not in numbers(source)
