"""The guide's pages, as the tests address them (relative to the site's base URL)."""

SECTIONS = ["the-day", "background", "culture", "role-questions", "teamwork", "salary", "offer", "follow-up"]
PAGES = ["", *(f"{s}/" for s in SECTIONS), "cheat-sheet/", "about/", "accessibility/"]
