"""HTML for the thank-you drafter (HTML out); thank-you.js fills in and keeps the messages.

All the cards are in the page and the script shows those in use. Each interviewer's draft is put
together from the word lists below, card by card, so two interviewers of one application never get
the same letter with another name in it. The data-thankyou-* attributes are a public contract.
"""

from __future__ import annotations

import json
import re
from html import escape

from .cheat_sheet import INTERVIEWERS, PART as NOTES
from .markup import NO_SCRIPT, Field, Wake, attr, button, component, field, saved_cut_notice, status
from .parts import Part

FEATURE = "thank-you"
PART = Part("thankYou", "thank-you drafts", ("{count} thank-you draft", "{count} thank-you drafts"))  # per application
MOST_CARDS = 8
# Its script loads once the reader has drafts, an application's details or cheat-sheet notes (the
# interviewers its cards start from) saved, or uses a card.
WAKE = Wake(parts=(PART.name,), core=(NOTES.name,), records=True)

THANK_YOU_FIELDS = (
    # A title first greets them by it ("Dear Ms Weber"), as many countries expect in a first letter.
    Field("name", "Their name", "text", 100,
          hint="Start with a title, such as Ms or Dr, to greet them by title and surname, as is usual "
               "in Germany, France or Japan; without one the greeting uses the first name"),
    Field("role", "Their role", "text", 100),
    Field("topic", "One topic you discussed", "text", 200),
    Field("said", "Something they said or asked", "text", 200,
          hint="In your words, such as: how the team plans its releases"),
    Field("reason", "Why you want the job", "text", 200),
)
MESSAGE = "message"  # the card's editable message, saved with the fields
MESSAGE_LIMIT = 2000
FROM_LIMIT = 100  # the sign-off name

# Each list is used card by card (card n takes entry n, from the start again past the end), so
# the lists have different lengths and two cards of one application never share an opening and a
# closing. {key|hint}: the field's text without a closing full stop, or [hint] while it is empty.
THANK_YOU_WORDS = {
    "greeting": "Dear {first|their name},",
    "openings": [
        "Thank you for taking the time to meet me today and for telling me about your work as {role|their role}.",
        "Thank you for our conversation today; it was good to hear how you see your work as {role|their role}.",
        "Many thanks for the time you gave me today, and for what you shared about your work as {role|their role}.",
    ],
    "topics": [
        "I especially enjoyed our conversation about {topic|the topic you discussed}.",
        "Our talk about {topic|the topic you discussed} has stayed with me since.",
    ],
    "said": [
        "I have been thinking about what you said about {said|something they said or asked}.",
        "You mentioned {said|something they said or asked}, and it gave me a clearer picture of the team.",
        "Your point about {said|something they said or asked} was one of the most useful of the day.",
    ],
    "reasons": [
        "It left me even keener on this role, because {reason|why you want the job}.",
        "It made me more sure that I want this job, because {reason|why you want the job}.",
    ],
    "closings": [
        "If anything else would help your decision, I would be glad to send it. I look forward to hearing from you.",
        "Please let me know if I can send anything that would help. I hope we speak again soon.",
        "I would be glad to answer any further questions. Thank you again for your time.",
        "If it would help to talk again, I am happy to. I look forward to the next step.",
    ],
    "signOffs": ["Best wishes,", "Kind regards,", "With thanks,"],
    "from": "{from|your name}",
    # Titles kept in a greeting: "Dear Dr Okafor", not "Dear Dr".
    "titles": ["dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx."],
    "subject": "Thank you: {job} interview at {company}",
    "subjectPlain": "Thank you for today's conversation",
    "copied": "Copied: paste it into your email.",
    "copy": "Press Ctrl+C or Cmd+C to copy.",
    "added": "Interviewer {n} added.",
    "removed": "Removed interviewer {n}, {name}.",
    "rebuilt": "Message rebuilt from the fields.",
}
# The lists a draft's body is made of, in its order; the greeting, the sign-off and the name come round it.
BODY = ("openings", "topics", "said", "reasons", "closings")
PLACEHOLDER = re.compile(r"\{(\w+)\|(.*?)\}")


def blanks() -> dict[str, str]:
    """Each field's mark in a draft while it is empty, "[hint]"; the script writes the field's text
    in its place. One mark per field, and no two fields share one."""
    templates = [THANK_YOU_WORDS["greeting"], THANK_YOU_WORDS["from"], *(t for k in BODY for t in THANK_YOU_WORDS[k])]
    marks: dict[str, str] = {}
    for key, hint in (pair for template in templates for pair in PLACEHOLDER.findall(template)):
        if marks.setdefault(key, f"[{hint}]") != f"[{hint}]":
            raise ValueError(f"macros/thank_you.py: {{{key}|...}} has two hints; give it one")
    if len(set(marks.values())) != len(marks):
        raise ValueError("macros/thank_you.py: two fields share a hint; give each its own")
    return marks


def draft(n: int) -> str:
    """Card n's message (n from 0) while its fields are empty. Each list is taken at its own place
    (entry n, from the start again past the end), so the cards of one application differ."""
    def pick(name: str) -> str:
        return THANK_YOU_WORDS[name][n % len(THANK_YOU_WORDS[name])]

    body = " ".join(pick(name) for name in BODY)
    letter = "\n".join([THANK_YOU_WORDS["greeting"], "", body, "", pick("signOffs"), THANK_YOU_WORDS["from"]])
    return PLACEHOLDER.sub(lambda found: f"[{found.group(2)}]", letter)


# What the script reads: the cards' drafts as put together here, the fields' marks, and its messages.
PAGE_WORDS = {
    **{k: v for k, v in THANK_YOU_WORDS.items() if k not in (*BODY, "greeting", "signOffs", "from")},
    "drafts": [draft(n) for n in range(MOST_CARDS)],
    "blanks": blanks(),
}

# Shown when the stored messages hold more than the drafter can show (only an old import could).
SAVED_CUT = (f"Your saved messages hold more than the drafter shows (at most {MOST_CARDS} interviewers, "
             "each field to its limit), so only what fits is shown, and your next change here keeps "
             "only that. Export your progress first if you want to keep the rest.")

CONFIG = {
    "store": PART.name,
    "fields": [f.key for f in THANK_YOU_FIELDS] + [MESSAGE],
    "message": MESSAGE,
    "from": "from",  # the sign-off name, saved with the first card
    "most": MOST_CARDS,  # the page holds the first card; the script makes the others from it
    "legend": "Interviewer {n}",
    "ids": "sig-thankyou-{n}-",  # card n's ids start so; the script renumbers card 1's
    # Until the reader saves a card, the cards start from the interviewers listed on the cheat
    # sheet, a line each: the name, then the role after a comma, a dash or in brackets.
    "sheet": {"part": NOTES.name, "field": INTERVIEWERS, "into": [f.key for f in THANK_YOU_FIELDS[:2]]},  # name, role
}
FROM_SHEET = ("These names come from the interviewers you listed on your cheat sheet. Change them "
              "here if you need to: the sheet keeps its own list.")


def import_rules() -> dict:
    """What an import checks of the drafts (macros/progress.py gathers it)."""
    return {"most": MOST_CARDS,
            "fields": {**{f.key: {"chars": f.limit} for f in THANK_YOU_FIELDS},
                       MESSAGE: {"chars": MESSAGE_LIMIT}, CONFIG["from"]: {"chars": FROM_LIMIT},
                       "edited": {"flag": True}}}


def _card(number: int) -> str:
    """One interviewer's card; thank-you.js makes card n from card 1 (its ids, CONFIG["ids"])."""
    prefix = CONFIG["ids"].format(n=number).rstrip("-")
    fields = "".join(field(f, f"{prefix}-{f.key}", f'data-thankyou-field="{f.key}"') for f in THANK_YOU_FIELDS)
    message = field(Field(MESSAGE, "Your message (edit it as you like)", "textarea", MESSAGE_LIMIT, lines=10),
                    f"{prefix}-{MESSAGE}", f'data-thankyou-field="{MESSAGE}"', text=draft(number - 1))
    return (
        f'<fieldset class="sig-thankyou__card" data-thankyou-card{" hidden" if number > 1 else ""}>'
        f'<legend>{CONFIG["legend"].format(n=number)}</legend><div class="sig-form__fields">{fields}</div>{message}'
        '<p class="sig-controls">'
        + button("Copy", "data-thankyou-copy") + " "
        + '<a class="md-button sig-button" data-thankyou-mail href="mailto:">Open in your mail program</a> '
        + button("Rebuild from the fields", "data-thankyou-rebuild hidden") + " "
        + button("Remove this interviewer", "data-thankyou-remove")
        + f'</p><p class="sig-thankyou__status" id="{prefix}-status" data-thankyou-status></p></fieldset>'
    )


def render_thank_you_drafter() -> str:
    """Your name once, then one card per interviewer with a message to edit, copy or email (the
    first card only: the script adds the others, which would otherwise weigh on every visit)."""
    cards = _card(1)
    words = attr(json.dumps(PAGE_WORDS, separators=(",", ":")))
    sign_off = field(Field("from", "Your name, for the sign-off", "text", FROM_LIMIT), "sig-thankyou-from",
                     'data-thankyou-from autocomplete="name"')
    return (
        f'<section class="sig-tool sig-thankyou" data-thankyou {component(FEATURE, CONFIG, ready="data-thankyou-ready", wake=WAKE)} '
        f'data-thankyou-words="{words}" aria-label="Thank-you messages">{NO_SCRIPT}{saved_cut_notice(SAVED_CUT)}'
        f'<div class="sig-form">{sign_off}</div>'
        f'<p class="sig-field__hint" data-thankyou-sheet hidden>{escape(FROM_SHEET)}</p>{cards}'
        f'<p class="sig-controls">{button("Add another interviewer", "data-thankyou-add")}</p>'
        f"{status()}</section>"
    )
