"""Load and validate the guide's data files (data/<section>.yml).

Every mistake a content editor can make raises DataError with one line that names the file, the
place in it and the fix. Nothing here knows about MkDocs, so the rules are unit-tested directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_KEY_POINT_CHARS = 90
MAX_KEY_POINTS = 4  # more would push the printed cheat sheet past one page
MAX_ITEM_CHARS = 200
# A checklist a reader can finish in one sitting: fewer items is not worth a list, more is a chore.
MIN_ITEMS, MAX_ITEMS = 5, 10
# data/_ledger.yml records every item id ever published; `make ledger` adds new ones.
LEDGER_FILE = "_ledger.yml"
# data/practice.yml holds the practice page's question deck (not a section). The ledger records
# each question as practice/<question id>, so no checklist may take the id "practice".
PRACTICE_FILE = "practice.yml"
PRACTICE_LEDGER = "practice"
# Links in data may point to the web or to a page of the guide by its file name (salary.md); the
# macros turn the latter into an address relative to the page that shows them.
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]*)")
PAGE_LINK = re.compile(r"^[a-z0-9-]+\.md(#[a-z0-9-]+)?$")

SECTION_KEYS = {"section", "title", "summary", "order", "key_points", "checklists"}
MAX_SUMMARY_CHARS = 160  # one line of the home page's list of sections
CHECKLIST_KEYS = {"id", "title", "items"}
ITEM_KEYS = {"id", "text", "renamed_from"}


# libyaml's loader when PyYAML has it: several times faster, same results and error positions.
YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(ValueError):
    """A mistake in a data file, described in one line that names the file and the fix."""


def load_yaml(text: str, shown: str, fix: str) -> object:
    """The YAML in `text`, or DataError naming `shown`, the line and `fix` (used by macros/facts.py)."""
    try:
        return yaml.load(text, Loader=YamlLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "somewhere"
        raise DataError(f"{shown}, {line}: YAML syntax error; {fix}") from None


@dataclass(frozen=True)
class Item:
    """One checklist item: its id (readers' ticks are keyed by it) and its Markdown text."""

    id: str
    text: str
    renamed_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class Checklist:
    """A checklist of a section, in the order its items are ticked."""

    id: str  # readers' ticks are kept under their items' ids within it
    title: str
    section: str  # its section's slug, which names its file: data/<section>.yml
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Section:
    """A section of the guide: its page (slug), place in the guide, cheat-sheet points, checklists."""

    slug: str
    title: str  # its short name: the navigation, the tools and the home page's list say it
    order: int
    key_points: tuple[str, ...]
    checklists: tuple[Checklist, ...]
    summary: str = ""  # what it covers, after its title in the home page's list
    source: str = ""


@dataclass(frozen=True)
class PracticeQuestion:
    id: str
    section: str
    text: str
    tags: tuple[str, ...] = ()
    hint: str = ""
    renamed_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class PracticeDeck:
    """The questions of data/practice.yml in the file's order."""

    questions: tuple[PracticeQuestion, ...] = ()

    def in_section(self, slug: str) -> tuple[PracticeQuestion, ...]:
        return tuple(q for q in self.questions if q.section == slug)


@dataclass
class Guide:
    """All sections in guide order, with every checklist findable by its id, and the practice
    deck (empty for a guide built from section files alone)."""

    sections: list[Section]
    checklists: dict[str, Checklist] = field(default_factory=dict)
    deck: PracticeDeck = field(default_factory=PracticeDeck)

    def checklist(self, checklist_id: str) -> Checklist:
        try:
            return self.checklists[checklist_id]
        except KeyError:
            known = ", ".join(sorted(self.checklists)) or "none"
            raise DataError(
                f"no checklist has the id {checklist_id!r}: fix the name in the macro call "
                f"(known ids: {known}) or add the checklist to a file in data/"
            ) from None


def _fail(where: str, problem: str) -> DataError:
    return DataError(f"{where}: {problem}")


def _check_keys(where: str, mapping: dict, allowed: set[str]) -> None:
    unknown = sorted(set(mapping) - allowed)
    if unknown:
        raise _fail(
            where,
            f"unknown key {unknown[0]!r}; allowed keys are {', '.join(sorted(allowed))}",
        )


def _require_slug(where: str, mapping: dict, what: str) -> str:
    if "id" not in mapping or mapping["id"] in (None, ""):
        raise _fail(where, f"{what} has no 'id'; add one such as 'id: my-{what}-name'")
    value = mapping["id"]
    if not isinstance(value, str) or not SLUG.match(value):
        raise _fail(
            where,
            f"{what} id {value!r} is not a lowercase slug; use letters, digits and hyphens "
            "such as 'pick-three-projects'",
        )
    return value


def _require_text(where: str, mapping: dict, key: str, limit: int) -> str:
    value = mapping.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"'{key}' is missing or empty; write the text after '{key}:'")
    value = " ".join(value.split())
    if len(value) > limit:
        raise _fail(where, f"'{key}' has {len(value)} characters; shorten it to {limit} or fewer")
    for target in MARKDOWN_LINK.findall(value):
        if not (target.startswith(("https://", "http://")) or PAGE_LINK.match(target)):
            raise _fail(
                where,
                f"link target {target!r} is neither a web address (https://...) nor a page "
                "of the guide (such as salary.md or salary.md#heading)",
            )
    return value


def _parse_item(where: str, raw: object) -> Item:
    if not isinstance(raw, dict):
        raise _fail(where, "each item must be a mapping with 'id' and 'text'")
    _check_keys(where, raw, ITEM_KEYS)
    item_id = _require_slug(where, raw, "item")
    where = f"{where} ({item_id})"
    text = _require_text(where, raw, "text", MAX_ITEM_CHARS)
    return Item(id=item_id, text=text, renamed_from=_renamed_from(where, raw))


def _renamed_from(where: str, raw: dict) -> tuple[str, ...]:
    renamed = raw.get("renamed_from", [])
    if isinstance(renamed, str) or not isinstance(renamed, list):
        raise _fail(where, "'renamed_from' must be a list, such as 'renamed_from: [old-id]'")
    for old in renamed:
        if not isinstance(old, str) or not SLUG.match(old):
            raise _fail(where, f"renamed_from entry {old!r} is not a lowercase slug")
    return tuple(renamed)


def _parse_checklist(where: str, raw: object, section: str) -> Checklist:
    if not isinstance(raw, dict):
        raise _fail(where, "each checklist must be a mapping with 'id', 'title' and 'items'")
    _check_keys(where, raw, CHECKLIST_KEYS)
    checklist_id = _require_slug(where, raw, "checklist")
    where = f"{where.rsplit(':', 1)[0]}: checklist {checklist_id!r}"
    if checklist_id == PRACTICE_LEDGER:
        raise _fail(where, f"the id {PRACTICE_LEDGER!r} is kept for the practice questions in "
                    f"data/{LEDGER_FILE} ({PRACTICE_LEDGER}/<question id>); choose another id")
    title = _require_text(where, raw, "title", 80)
    raw_items = raw.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise _fail(where, "has no items; add a list under 'items:'")
    items: list[Item] = []
    seen: dict[str, str] = {}
    for number, raw_item in enumerate(raw_items, start=1):
        item = _parse_item(f"{where}, item {number}", raw_item)
        for name in (item.id, *item.renamed_from):
            if name in seen:
                raise _fail(
                    where,
                    f"item id {name!r} is used twice ({seen[name]} and item {number}); "
                    "give each item its own id",
                )
            seen[name] = f"item {number}"
        items.append(item)
    return Checklist(id=checklist_id, title=title, section=section, items=tuple(items))


def parse_section(path: str, text: str) -> Section:
    """Parse one data file's text; `path` is only used to name the file in errors."""
    raw = _read_yaml(path, text)
    if not isinstance(raw, dict):
        raise _fail(path, "the file must be a mapping with section, title, summary, order, "
                    "key_points and checklists")
    _check_keys(path, raw, SECTION_KEYS)
    slug = raw.get("section")
    expected = Path(path).stem
    if slug != expected:
        raise _fail(path, f"'section' is {slug!r} but must match the file name: {expected!r}")
    title = _require_text(path, raw, "title", 80)
    summary = _require_text(path, raw, "summary", MAX_SUMMARY_CHARS)
    order = raw.get("order")
    if not isinstance(order, int) or isinstance(order, bool) or order < 1:
        raise _fail(path, f"'order' is {order!r}; use a whole number from 1, its place in the guide")
    points = raw.get("key_points")
    if not isinstance(points, list) or not points:
        raise _fail(path, "'key_points' must list the section's points for the cheat sheet")
    if len(points) > MAX_KEY_POINTS:
        raise _fail(path, f"'key_points' has {len(points)} points; keep {MAX_KEY_POINTS} or fewer "
                    "so the cheat sheet still prints on one page")
    key_points = tuple(
        _require_text(f"{path}: key point {n}", {"text": p}, "text", MAX_KEY_POINT_CHARS)
        for n, p in enumerate(points, start=1)
    )
    raw_checklists = raw.get("checklists")
    if not isinstance(raw_checklists, list) or not raw_checklists:
        raise _fail(path, "'checklists' must list at least one checklist")
    checklists = tuple(
        _parse_checklist(f"{path}: checklist {n}", c, slug)
        for n, c in enumerate(raw_checklists, start=1)
    )
    return Section(slug, title, order, key_points, checklists, summary=summary, source=path)


def _read_yaml(path: str, text: str) -> object:
    """The file's YAML, or one line naming the line that breaks it."""
    _refuse_tabs(path, text)
    try:
        return yaml.load(text, Loader=YamlLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "somewhere"
        problem = getattr(error, "problem", None) or "the YAML cannot be read"
        raise _fail(
            f"{path}, {line}", f"YAML syntax error ({problem}); check indentation and quote "
            "any text that contains ': ' or starts with a special character"
        ) from None


def _refuse_tabs(path: str, text: str) -> None:
    """YAML forbids tabs in indentation, and libyaml's own message does not say so plainly."""
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise _fail(f"{path}, line {number}", "tabs are not allowed for indentation; use spaces")


def check_checklist_sizes(guide: Guide) -> None:
    """Every checklist on the site holds MIN_ITEMS to MAX_ITEMS items."""
    for section in guide.sections:
        for checklist in section.checklists:
            count = len(checklist.items)
            if count < MIN_ITEMS:
                raise _fail(section.source, f"checklist {checklist.id!r} has {count} items; a checklist "
                            f"holds {MIN_ITEMS} to {MAX_ITEMS}: add items or merge it into another checklist")
            if count > MAX_ITEMS:
                raise _fail(section.source, f"checklist {checklist.id!r} has {count} items; a checklist "
                            f"holds {MIN_ITEMS} to {MAX_ITEMS}: move some items into a new checklist")


def item_ids(guide: Guide) -> set[str]:
    """Every current item id, as the ledger writes it: <checklist id>/<item id>."""
    return {f"{c.id}/{i.id}" for c in guide.checklists.values() for i in c.items}


def question_ids(guide: Guide) -> set[str]:
    """Every current practice question id, as the ledger writes it: practice/<question id>."""
    return {f"{PRACTICE_LEDGER}/{q.id}" for q in guide.deck.questions}


def ledger_ids(guide: Guide) -> set[str]:
    """Every id a reader's saved data can be keyed by: the ledger must record each of them."""
    return item_ids(guide) | question_ids(guide)


def renamed_ledger_ids(guide: Guide) -> set[str]:
    """The former ids of items and questions (renamed_from), as the ledger writes them."""
    return ({f"{c.id}/{old}" for c in guide.checklists.values() for i in c.items for old in i.renamed_from}
            | {f"{PRACTICE_LEDGER}/{old}" for q in guide.deck.questions for old in q.renamed_from})


def read_ledger(path: Path) -> tuple[set[str], set[str]]:
    """(published, retired) ids from data/_ledger.yml."""
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=YamlLoader) or {}
    return set(data.get("published") or []), set(data.get("retired") or [])


def check_ledger(guide: Guide, path: Path) -> None:
    """Every item id is recorded in the ledger, so a later rename or removal cannot pass unseen."""
    shown = f"{Path(path).parent.name}/{Path(path).name}"
    if not Path(path).is_file():
        raise _fail(shown, "is missing; run `make ledger` to create it from the checklists")
    published, _retired = read_ledger(path)
    new = sorted(ledger_ids(guide) - published)
    if new:
        listed = ", ".join(new[:3]) + (f" and {len(new) - 3} more" if len(new) > 3 else "")
        kinds = {"question" if i.startswith(f"{PRACTICE_LEDGER}/") else "item" for i in new}
        kind = f"{kinds.pop()} " if len(kinds) == 1 else ""
        raise _fail(shown, f"new {kind}id{'s' if len(new) > 1 else ''} {listed} not recorded; "
                    "run `make ledger` to add them, then commit data/_ledger.yml")


def build_guide(sections: list[Section]) -> Guide:
    """Check what spans files (unique checklist ids and orders) and index the checklists."""
    guide = Guide(sections=sorted(sections, key=lambda s: s.order))
    orders: dict[int, str] = {}
    for section in guide.sections:
        if section.order in orders:
            raise _fail(
                section.source,
                f"'order: {section.order}' is also used by {orders[section.order]}; "
                "give each section its own place",
            )
        orders[section.order] = section.source
        for checklist in section.checklists:
            if checklist.id in guide.checklists:
                other = guide.checklists[checklist.id].section
                raise _fail(
                    section.source,
                    f"checklist id {checklist.id!r} is also used in data/{other}.yml; "
                    "checklist ids must be unique across the guide",
                )
            guide.checklists[checklist.id] = checklist
    return guide


# data/facts.yml holds the dated facts (macros/facts.py), not a section.
FACTS_FILE = "facts.yml"


def section_files(data_dir: Path) -> list[Path]:
    """The section files of data_dir: every *.yml but the deck, the facts and the files named _*.yml."""
    return sorted(p for p in Path(data_dir).glob("*.yml")
                  if not p.name.startswith("_") and p.name not in (PRACTICE_FILE, FACTS_FILE))


def load_guide(data_dir: Path) -> Guide:
    """Read every section file in data_dir, then the practice deck, checked against them."""
    files = section_files(data_dir)
    if not files:
        raise DataError(f"{data_dir}: no section files (*.yml) found")
    sections = []
    for path in files:
        shown = f"{Path(data_dir).name}/{path.name}"
        sections.append(parse_section(shown, path.read_text(encoding="utf-8")))
    guide = build_guide(sections)
    guide.deck = load_practice_deck(data_dir, [s.slug for s in guide.sections])
    return guide


def check_page_links(guide: Guide, docs_dir: Path) -> None:
    """Every page a data text links to (salary.md) must exist in docs/."""
    for section in guide.sections:
        texts = [*section.key_points, *(i.text for c in section.checklists for i in c.items)]
        for text in texts:
            for target in MARKDOWN_LINK.findall(text):
                page = target.split("#", 1)[0]
                if PAGE_LINK.match(target) and not (Path(docs_dir) / page).is_file():
                    raise _fail(
                        section.source,
                        f"links to {page!r}, but docs/{page} does not exist; fix the file name",
                    )


# ---------- data/_story-themes.yml: the question themes the story bank checks coverage against ----------

STORY_THEMES_FILE = Path(__file__).resolve().parent.parent / "data" / "_story-themes.yml"
STORY_THEMES_SHOWN = "data/_story-themes.yml"
# The tags a reader can give a story; each theme names the tags that answer it.
STORY_TAGS = ("leadership", "conflict", "failure", "teamwork", "values", "technical")
STORY_THEME_KEYS = {"id", "question", "tags"}
MAX_THEME_QUESTION_CHARS = 120


@dataclass(frozen=True)
class Theme:
    id: str
    question: str
    tags: tuple[str, ...]


def entry_id(where: str, raw: object, keys: set[str], seen: set[str], *, what: str, example: str, shape: str) -> str:
    """An entry's id, after the checks every list in data/ shares: a mapping with only its `keys`,
    an id that is a lowercase slug, used once. `what` names the entry ("theme", "fact")."""
    if not isinstance(raw, dict):
        raise _fail(where, f"each {what} must be a mapping with {shape}")
    unknown = sorted(set(raw) - keys)
    if unknown:
        raise _fail(where, f"unknown key {unknown[0]!r}; allowed keys are {', '.join(sorted(keys))}")
    found = raw.get("id")
    if found in (None, ""):
        raise _fail(where, f"the {what} has no 'id'; add one such as 'id: {example}'")
    if not isinstance(found, str) or not SLUG.match(found):
        raise _fail(where, f"{what} id {found!r} is not a lowercase slug; use letters, digits "
                    f"and hyphens such as '{example}'")
    if found in seen:
        raise _fail(where, f"{what} id {found!r} is used twice; give each {what} its own id")
    return found


def _parse_theme(where: str, raw: object, seen: set[str]) -> Theme:
    theme_id = entry_id(where, raw, STORY_THEME_KEYS, seen, what="theme", example="led-without-authority",
                        shape="'id', 'question' and 'tags'")
    where = f"{where} ({theme_id})"
    question = raw.get("question")
    if not isinstance(question, str) or not question.strip():
        raise _fail(where, "'question' is missing or empty; write the question after 'question:'")
    question = " ".join(question.split())
    if len(question) > MAX_THEME_QUESTION_CHARS:
        raise _fail(where, f"'question' has {len(question)} characters; shorten it to "
                    f"{MAX_THEME_QUESTION_CHARS} or fewer")
    return Theme(theme_id, question, _story_tags(where, raw.get("tags"), at_least_one=True))


def _story_tags(where: str, tags: object, *, at_least_one: bool) -> tuple[str, ...]:
    """A list of STORY_TAGS, each once."""
    if isinstance(tags, str) or not isinstance(tags, list) or (at_least_one and not tags):
        some = "one or more tags" if at_least_one else "tags"
        raise _fail(where, f"'tags' must be a list of {some}, such as 'tags: [leadership]'")
    for tag in tags:
        if tag not in STORY_TAGS:
            raise _fail(where, f"unknown tag {tag!r}; use one of {', '.join(STORY_TAGS)}")
    if len(set(tags)) != len(tags):
        raise _fail(where, "a tag is listed twice in 'tags'; list each tag once")
    return tuple(tags)


def parse_story_themes(text: str, shown: str = STORY_THEMES_SHOWN) -> tuple[Theme, ...]:
    """The themes in the file's text; any mistake raises DataError naming `shown` and the fix."""
    try:
        raw = yaml.load(text, Loader=YamlLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "somewhere"
        raise _fail(f"{shown}, {line}", "YAML syntax error; check indentation and quote any "
                    "question that contains ': '") from None
    if not isinstance(raw, list) or not raw:
        raise _fail(shown, "the file must be a list of themes, each with id, question and tags")
    seen: set[str] = set()
    themes = []
    for number, entry in enumerate(raw, start=1):
        theme = _parse_theme(f"{shown}: theme {number}", entry, seen)
        seen.add(theme.id)
        themes.append(theme)
    return tuple(themes)


def load_story_themes(path: Path = STORY_THEMES_FILE) -> tuple[Theme, ...]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        raise _fail(STORY_THEMES_SHOWN, "the file cannot be read; restore it from the repository") from None
    return parse_story_themes(text)


# ---------- data/practice.yml: the questions a reader rehearses on the practice page ----------

# Enough questions in each section for a reader to pick from and for a mock panel to mix.
MIN_QUESTIONS_PER_SECTION = 6
# A question as an interviewer says it, in one breath; a hint is one short sentence.
MAX_QUESTION_CHARS = 160
MAX_HINT_CHARS = 200
QUESTION_KEYS = {"id", "section", "text", "tags", "hint", "renamed_from"}


def _parse_question(where: str, raw: object, sections: list[str]) -> PracticeQuestion:
    if not isinstance(raw, dict):
        raise _fail(where, "each question must be a mapping with 'id', 'section' and 'text'")
    question_id = _require_slug(where, raw, "question")
    where = f"{where} ({question_id})"
    _check_keys(where, raw, QUESTION_KEYS)
    section = raw.get("section")
    if section not in sections:
        raise _fail(where, f"unknown section {section!r}; use one of {', '.join(sections)}")
    text = _require_text(where, raw, "text", MAX_QUESTION_CHARS)
    hint = ""
    if "hint" in raw:
        if not isinstance(raw["hint"], str) or not raw["hint"].strip():
            raise _fail(where, "'hint' is empty; write one sentence after 'hint:' or remove the line")
        hint = _require_text(where, raw, "hint", MAX_HINT_CHARS)
    if MARKDOWN_LINK.search(text + hint):
        raise _fail(where, "a question and its hint are plain text, shown as written; remove the link")
    return PracticeQuestion(
        id=question_id, section=section, text=text,
        tags=_story_tags(where, raw.get("tags", []), at_least_one=False),
        hint=hint, renamed_from=_renamed_from(where, raw),
    )


def parse_practice_deck(text: str, sections: list[str], shown: str = f"data/{PRACTICE_FILE}") -> PracticeDeck:
    """The deck in the file's text, checked against the guide's section slugs (in guide order);
    any mistake raises DataError naming `shown`, the question and the fix."""
    raw = _read_yaml(shown, text)
    if not isinstance(raw, list) or not raw:
        raise _fail(shown, "the file must be a list of questions, each with id, section and text")
    questions: list[PracticeQuestion] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(raw, start=1):
        question = _parse_question(f"{shown}: question {number}", entry, sections)
        for name in (question.id, *question.renamed_from):
            if name in seen:
                raise _fail(f"{shown}: question {number} ({question.id})",
                            f"the id {name!r} is also used by question {seen[name]}; give each "
                            "question its own id, and never reuse an old one")
            seen[name] = number
        questions.append(question)
    deck = PracticeDeck(tuple(questions))
    for slug in sections:
        count = len(deck.in_section(slug))
        if count < MIN_QUESTIONS_PER_SECTION:
            raise _fail(shown, f"section {slug!r} has {count} question{'s' if count != 1 else ''}; "
                        f"the deck needs at least {MIN_QUESTIONS_PER_SECTION} in each section: "
                        f"add questions with 'section: {slug}'")
    return deck


def load_practice_deck(data_dir: Path, sections: list[str]) -> PracticeDeck:
    path = Path(data_dir) / PRACTICE_FILE
    shown = f"{Path(data_dir).name}/{PRACTICE_FILE}"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise _fail(shown, "the file cannot be read; restore it from the repository") from None
    return parse_practice_deck(text, sections, shown)
