"""Dated facts (data/facts.yml): every legal or statistical claim once, with its source and dates.

A page inserts a fact with {{ fact("id") }} and a table of facts with {{ fact_table("group") }},
so its wording and its "as of" date read the same wherever it is used. Nothing here knows about
MkDocs: YAML text in, checked Fact records out (or one DataError line naming data/facts.yml and
the fix); a fact in, Markdown out; a page's source in, the date its facts were last checked out.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .guide_data import FACTS_FILE, SLUG, DataError, entry_id, load_yaml

SHOWN = f"data/{FACTS_FILE}"
FACT_KEYS = {"id", "name", "text", "jurisdiction", "source", "checked", "review_by", "as_of",
             "since", "table", "where"}
SOURCE_KEYS = {"title", "url"}
MAX_NAME_CHARS = 70  # the About page's table lists every fact by this name
# "general", a country (US, UK, PL), the EU, or a country's state or province (US-CA, CA-ON).
JURISDICTION = re.compile(r"^(?:general|EU|[A-Z]{2}(?:-[A-Z]{2})?)$")
# The dates a fact's text may say, filled in from the fact's own fields so they are written once.
PLACEHOLDER = re.compile(r"\{([a-z_]*)\}")
DATE_FIELDS = ("as_of", "since")
MARKDOWN_LINK = re.compile(r"\]\((https?://[^)\s]+)\)")
# How pages call the fact macros; last_reviewed() reads them from the page's Markdown source.
FACT_CALL = re.compile(r"""\bfact\(\s*["']([^"']*)["']\s*\)""")
TABLE_CALL = re.compile(r"""\bfact_table\(\s*["']([^"']*)["']""")


@dataclass(frozen=True)
class Source:
    """The page that says a fact: its title as the guide shows it, and its deep address."""

    title: str
    url: str


@dataclass(frozen=True)
class Fact:
    """One dated claim, worded once, with where it holds and when it was checked."""

    id: str
    name: str  # a short name for the About page's list
    text: str  # Markdown, one paragraph; may say {as_of} and {since}
    jurisdiction: str
    source: Source
    checked: dt.date  # the day someone last checked the fact against its source
    review_by: dt.date  # the day it is due to be checked again
    as_of: dt.date | None = None  # the day the source says it is current to (shown as its month)
    since: dt.date | None = None  # the day a rule came into force
    table: str = ""  # the table on a page that lists this fact as a row
    where: str = ""  # that row's first cell, such as "Colorado"


def day_text(day: dt.date) -> str:
    """2026-01-01 -> "1 January 2026", as the guide writes dates."""
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class FactBook:
    """Every fact in file order, findable by its id, and the facts of each table."""

    facts: tuple[Fact, ...]

    def get(self, fact_id: str) -> Fact:
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        ids = [f.id for f in self.facts]
        close = difflib.get_close_matches(str(fact_id), ids, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise DataError(f"{SHOWN} has no fact {fact_id!r}: {hint}fix the id in the page's "
                        f"fact(\"...\") call, or add the fact to {SHOWN}")

    def table(self, group: str) -> tuple[Fact, ...]:
        rows = tuple(f for f in self.facts if f.table == group)
        if not rows:
            known = ", ".join(sorted({f.table for f in self.facts if f.table})) or "none"
            raise DataError(f"{SHOWN} has no fact with 'table: {group}': fix the name in the page's "
                            f"fact_table(\"...\") call (known tables: {known})")
        return rows


def _fail(where: str, problem: str) -> DataError:
    return DataError(f"{where}: {problem}")


def _date(where: str, raw: dict, key: str, required: bool) -> dt.date | None:
    """YAML reads 2026-12-06 as a date; a quoted one is text, which we accept in the same shape."""
    value = raw.get(key)
    if value is None and not required:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _fail(where, f"'{key}' is {value!r}; write it as a date, such as '{key}: 2026-12-06'")


def _text(where: str, raw: dict, key: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"'{key}' is missing or empty; write it after '{key}:'")
    return value.strip()


def _source(where: str, raw: object) -> Source:
    if not isinstance(raw, dict) or set(raw) != SOURCE_KEYS:
        raise _fail(where, "'source' needs exactly a 'title' and a 'url', one per line under "
                    "'source:'")
    title, url = _text(where, raw, "title"), _text(where, raw, "url")
    if not url.startswith("https://") or " " in url:
        raise _fail(where, f"the source url {url!r} is not a web address; use the https:// address "
                    "of the page that says the fact, not the site's home page")
    return Source(" ".join(title.split()), url)


def _check_text(where: str, fact: Fact) -> None:
    """One paragraph, linking its source (a table row links it in its own column), saying each of
    its dates through a placeholder, so a date is written once, in its field."""
    if "\n\n" in fact.text:
        raise _fail(where, "'text' has a blank line; a fact is one paragraph, so join the lines")
    for name in PLACEHOLDER.findall(fact.text):
        if name not in DATE_FIELDS or getattr(fact, name) is None:
            raise _fail(where, f"'text' says {{{name}}}, but only {{as_of}} and {{since}} can be "
                        "filled in, from the fields of the same names; set the field or fix the word")
    if "{" in PLACEHOLDER.sub("", fact.text) or "}" in PLACEHOLDER.sub("", fact.text):
        raise _fail(where, "'text' has a brace that is not {as_of} or {since}; remove it")
    if fact.as_of and "{as_of}" not in fact.text:
        raise _fail(where, "'as_of' is set but the text never says {as_of}; add it where the date "
                    "belongs, such as 'As of {as_of}, ...'")
    if fact.since and not fact.table and "{since}" not in fact.text:
        raise _fail(where, "'since' is set but the text never says {since}; add it, such as "
                    "'Since {since}, ...'")
    if not fact.table and fact.source.url not in MARKDOWN_LINK.findall(fact.text):
        raise _fail(where, f"'text' does not link its source; put [some words]({fact.source.url}) "
                    "in the text, where the reader wants the proof")


def _parse_fact(where: str, raw: object, seen: set[str]) -> Fact:
    fact_id = entry_id(where, raw, FACT_KEYS, seen, what="fact", example="topresume-2017",
                       shape="id, name, text, jurisdiction, source, checked and review_by")
    where = f"{where} ({fact_id})"
    name = " ".join(_text(where, raw, "name").split())
    if len(name) > MAX_NAME_CHARS:
        raise _fail(where, f"'name' has {len(name)} characters; shorten it to {MAX_NAME_CHARS} or fewer")
    jurisdiction = raw.get("jurisdiction")
    if not isinstance(jurisdiction, str) or not JURISDICTION.match(jurisdiction):
        raise _fail(where, f"'jurisdiction' is {jurisdiction!r}; use 'general', 'EU', a country code "
                    "such as 'UK' or 'US', or a state or province such as 'US-CA' or 'CA-ON'")
    table = raw.get("table", "")
    if table and (not isinstance(table, str) or not SLUG.match(table)):
        raise _fail(where, f"'table' is {table!r}; use a lowercase slug such as 'pay-transparency'")
    where_cell = " ".join(str(raw.get("where", "")).split())
    if bool(table) != bool(where_cell):
        raise _fail(where, "'table' and 'where' go together: a table row needs both, such as "
                    "'table: pay-transparency' and 'where: Colorado'")
    fact = Fact(
        id=fact_id, name=name, text=" ".join(_text(where, raw, "text").split()),
        jurisdiction=jurisdiction, source=_source(where, raw.get("source")),
        checked=_date(where, raw, "checked", True), review_by=_date(where, raw, "review_by", True),
        as_of=_date(where, raw, "as_of", False), since=_date(where, raw, "since", False),
        table=table, where=where_cell,
    )
    if fact.review_by <= fact.checked:
        raise _fail(where, f"'review_by' ({fact.review_by}) is not after 'checked' ({fact.checked}); "
                    "set the day the fact is due to be checked again")
    if fact.as_of and fact.as_of > fact.checked:
        raise _fail(where, f"'as_of' ({fact.as_of}) is after 'checked' ({fact.checked}); a source "
                    "cannot be current to a day after you read it")
    _check_text(where, fact)
    return fact


def parse_facts(text: str, shown: str = SHOWN) -> FactBook:
    """The facts in the file's text; any mistake raises DataError naming `shown` and the fix."""
    raw = load_yaml(text, shown, "check the indentation, and quote any text that contains ': ' "
                    "or starts with a special character")
    if not isinstance(raw, list) or not raw:
        raise _fail(shown, "the file must be a list of facts, each starting with '- id:'")
    facts: list[Fact] = []
    for number, entry in enumerate(raw, start=1):
        facts.append(_parse_fact(f"{shown}: fact {number}", entry, {f.id for f in facts}))
    return FactBook(tuple(facts))


def load_facts(path: Path) -> FactBook:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        raise _fail(SHOWN, "the file cannot be read; restore it from the repository") from None
    return parse_facts(text)


# ---------- rendering: a fact in, Markdown out ----------

def date_text(fact: Fact, field: str) -> str:
    """How a fact's date reads: `since` to the day; `as_of` to the month, because sources say
    "current to late June" more often than which day."""
    day = getattr(fact, field)
    return f"{day:%B %Y}" if field == "as_of" else day_text(day)


def fact_markdown(fact: Fact) -> str:
    """The fact's text with its dates filled in (one line, so it also fits in a table cell)."""
    return PLACEHOLDER.sub(lambda m: date_text(fact, m.group(1)), fact.text)


def render_fact(fact: Fact) -> str:
    """Inline: the page's Markdown goes on around it. An empty marker goes first, naming the fact
    (data-fact) and the day it was last checked (data-fact-checked); it wraps nothing, so the
    fact's links stay direct children of their paragraph, list item or cell, where the guide's
    stylesheet underlines links in running text."""
    return (f'<span class="sig-fact" data-fact="{fact.id}" data-fact-checked="{fact.checked}"></span>'
            f"{fact_markdown(fact)}")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_fact_table(rows: Iterable[Fact], rule: str = "The rule") -> str:
    """A Markdown table, one row per fact: where it holds and since when, then the rule and its
    source. Two columns, so the rule keeps a readable width on a phone. A row with no 'since' (no
    law yet, or a date that differs by country) says why in its text."""
    lines = [f"| Where | {_cell(rule)} |", "| --- | --- |"]
    for fact in rows:
        since = f"<br>since {fact.since.day} {fact.since:%b %Y}" if fact.since else ""
        lines.append(f"| **{_cell(fact.where)}**{since} | {_cell(render_fact(fact))} "
                     f"([{_cell(fact.source.title)}]({fact.source.url})) |")
    return "\n".join(lines)


def render_facts_index(book: FactBook) -> str:
    """The About page's list of every fact: its name, where it holds, its source and when it was
    checked. Left out of the search index, which every page loads: the pages already hold the facts."""
    lines = ["| Fact and source | Where | Checked |", "| --- | --- | --- |"]
    for fact in book.facts:
        lines.append(f"| {_cell(fact.name)} ([{_cell(fact.source.title)}]({fact.source.url})) | "
                     f"{fact.jurisdiction} | {fact.checked.day} {fact.checked:%b %Y} |")
    return '<div class="sig-facts" markdown="1" data-search-exclude="">\n\n' + "\n".join(lines) + "\n\n</div>"


# ---------- dates: which facts a page uses, and when they were last checked ----------

def facts_used(markdown: str, book: FactBook) -> tuple[Fact, ...]:
    """The facts a page's Markdown source calls, by fact("id") or fact_table("group"). A wrong id
    or table is skipped here: the call itself stops the build, naming its own line."""
    ids = set(FACT_CALL.findall(markdown))
    groups = set(TABLE_CALL.findall(markdown))
    return tuple(f for f in book.facts if f.id in ids or (f.table and f.table in groups))


def page_reviewed(reviewed: dt.date, used: Iterable[Fact]) -> dt.date:
    """The oldest checked date of the facts a page uses, or the page's own `reviewed:` date when a
    person re-reviewed the page after that (or the page uses no facts)."""
    checked = [f.checked for f in used]
    return max(reviewed, min(checked)) if checked else reviewed


def facts_due(book: FactBook, today: dt.date) -> tuple[Fact, ...]:
    """Facts whose review-by day has passed, oldest first: the weekly workflow lists them."""
    return tuple(sorted((f for f in book.facts if f.review_by < today), key=lambda f: f.review_by))


def fact_macros(book: FactBook) -> dict[str, Callable[..., str]]:
    """The page macros, by name, for define_env to register; a wrong id or table name raises
    DataError, which the build reports as one line naming the page."""

    def fact(fact_id: str) -> str:
        """One dated fact from data/facts.yml, worded and dated the same on every page."""
        return render_fact(book.get(fact_id))

    def fact_table(group: str, rule: str = "The rule") -> str:
        """A table of the facts in data/facts.yml marked 'table: <group>', with `rule` heading
        the column of what each one says."""
        return render_fact_table(book.table(group), rule)

    def facts_index() -> str:
        """Every fact with its source and the day it was checked (the About page)."""
        return render_facts_index(book)

    return {"fact": fact, "fact_table": fact_table, "facts_index": facts_index}
