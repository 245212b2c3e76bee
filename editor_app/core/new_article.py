"""Starting a new story: File ▸ New Interview in the window, ``byline new`` on the command line.

A new article is a draft bylined to the person at the keyboard (core/identity),
dated today, in the newsroom's default language, with a placeholder headline the
pre-flight check refuses and no address of its own yet: its slug follows the
headline as it is typed until the story is first exported or published (#17).
An interview starts with an empty first question, ready to type.

    new_article(library, "interview", title="") -> Article
    default_language(library) / set_default_language(library, "lt")
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from editor_app.core.errors import InputError
from editor_app.core.identity import Identity, load_identity
from editor_app.core.models import Article, Kind, Status
from editor_app.core.text import check_clean_text, placeholder_title

if TYPE_CHECKING:
    from editor_app.core.library import Library

#: What File ▸ New and the other New menus offer, in order: (kind, what it is called).
NEW_KINDS = (("interview", "Interview"), ("news", "News Story"), ("feature", "Feature"),
             ("opinion", "Opinion Piece"))

#: Library setting: the language new articles start in. It is the newsroom's (it travels
#: with the library), unlike the person's name and role.
LANGUAGE_SETTING = "newsroom.language"
DEFAULT_LANGUAGE = "en"
#: What an interview starts with: the first question, its text still to come.
INTERVIEW_START = "Q: "


def default_language(library: Library) -> str:
    """The language a new article starts in (BCP 47: en, en-GB, lt, …)."""
    value = library.get_setting(LANGUAGE_SETTING)
    return value if isinstance(value, str) and value.strip() else DEFAULT_LANGUAGE


def set_default_language(library: Library, language: str) -> str:
    """Store the newsroom's default article language; InputError for a malformed tag."""
    text = check_clean_text(str(language or ""), "language").strip()
    if not text or len(text) > 35 or not all(part.isalnum() for part in text.split("-")):
        raise InputError(f"language: {language!r} is not a language tag (en, en-GB, lt, …)")
    library.set_setting(LANGUAGE_SETTING, text)
    return text


def new_article(library: Library, kind: Kind | str = Kind.NEWS, *, title: str = "",
                who: Identity | None = None, language: str = "",
                today: datetime.date | None = None) -> Article:
    """Create and return a new draft of ``kind``; nothing else is asked of the person.

    Without a ``title`` the article carries a placeholder headline ("Untitled
    interview") until one is typed. The author is ``who`` (default: the person of
    core/identity), the date ``today`` (default: the local date now).
    """
    article_kind = Kind.parse(kind)
    who = who or load_identity(library)
    title = (title or "").strip()
    article = Article(
        title=title or placeholder_title(article_kind.value),
        kind=article_kind,
        author=who.name,
        date=(today or datetime.date.today()).isoformat(),
        language=language or default_language(library),
        body=INTERVIEW_START if article_kind == Kind.INTERVIEW else "",
        status=Status.DRAFT,
    )
    return library.create_article(article, author=who.trail_name, reason="new article",
                                  slug_follows_headline=True)
