"""The page's language: its fixed words, quotation marks and writing direction.

The exported and previewed page speaks the article's language, not the program's: a
Lithuanian story says "Susijusios naujienos" under it and quotes „taip“, an Arabic one
runs right to left. The command line and the program's own messages stay English.

Fixed words live in `PAGE_WORDS`, one table per language (the page is small: a handful
of words); a language without a table uses English words, but still gets its own
dates (dates.py), direction and quotation marks.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from types import MappingProxyType

_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")

# Each entry: the words of the page. ``interview``, ``interview_by`` and ``by`` are
# patterns: {interviewee} and {author} mark where the names go (they are set in
# their own <span>s). Lithuanian avoids "su" + a name, which would need the name
# declined ("su Jonu Jonaičiu"): "Interviu: …", "Kalbino …", "Parengė …".
PAGE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "related_news": "Related news",
        "interview": "Interview with {interviewee}",
        "interview_by": "Interview with {interviewee}, by {author}",
        "by": "By {author}",
        "articles": "Articles",
    },
    "lt": {
        "related_news": "Susijusios naujienos",
        "interview": "Interviu: {interviewee}",
        "interview_by": "Interviu: {interviewee}. Kalbino {author}",
        "by": "Parengė {author}",
        "articles": "Straipsniai",
    },
    "ar": {
        "related_news": "أخبار ذات صلة",
        "interview": "مقابلة مع {interviewee}",
        "interview_by": "مقابلة مع {interviewee}، بقلم {author}",
        "by": "بقلم {author}",
        "articles": "مقالات",
    },
    "he": {
        "related_news": "חדשות קשורות",
        "interview": "ראיון עם {interviewee}",
        "interview_by": "ראיון עם {interviewee}, מאת {author}",
        "by": "מאת {author}",
        "articles": "כתבות",
    },
}

# Quotation marks (primary open, close, secondary open, close) as newspapers of each
# language set them (Unicode CLDR delimiters); other languages keep the English ones.
QUOTES = {
    "en": "\u201c\u201d\u2018\u2019",  # “…” ‘…’
    "lt": "\u201e\u201c\u201a\u2018",  # „…“ ‚…‘
    "de": "\u201e\u201c\u201a\u2018",  # „…“ ‚…‘
    "cs": "\u201e\u201c\u201a\u2018",
    "pl": "\u201e\u201d\u00ab\u00bb",  # „…” «…»
    "ru": "\u00ab\u00bb\u201e\u201c",  # «…» „…“
    "uk": "\u00ab\u00bb\u201e\u201c",
    "fr": "\u00ab\u00bb\u201c\u201d",  # «…» “…”
}
ENGLISH_QUOTES = QUOTES["en"]

# Scripts written right to left, by language (when Babel cannot say).
_RTL = frozenset({"ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr"})


@dataclass(frozen=True)
class PageLanguage:
    """Everything about a page that follows its language."""

    tag: str  # the BCP 47 tag as given ("lt", "en-GB"), or "en" when none or malformed
    direction: str  # "ltr" or "rtl"
    quotes: str  # four characters, see QUOTES
    words: MappingProxyType = field(repr=False)

    def byline(self, interviewee: str, author: str) -> list[tuple[str, str]]:
        """The byline as (text, css class) pieces: the names are set apart by the
        template ("interviewee", "author"); the words around them have no class."""
        if interviewee and author:
            pattern = self.words["interview_by"]
        elif interviewee:
            pattern = self.words["interview"]
        elif author:
            pattern = self.words["by"]
        else:
            return []
        pieces: list[tuple[str, str]] = []
        for part in re.split(r"(\{interviewee\}|\{author\})", pattern):
            if part == "{interviewee}":
                pieces.append((interviewee, "interviewee"))
            elif part == "{author}":
                pieces.append((author, "author"))
            elif part:
                pieces.append((part, ""))
        return pieces


def clean_tag(language: str | None) -> str:
    """A well-formed BCP 47 tag for ``lang=""`` (``en_GB`` becomes ``en-GB``), else "en"."""
    tag = str(language or "").strip().replace("_", "-")
    return tag if _TAG.fullmatch(tag) else "en"


def page_quotes(language: str | None) -> str:
    """The quotation marks of ``page_language(language)``, without loading Babel's data
    for the language (the renderer needs them before it can send text to convert)."""
    return QUOTES.get(clean_tag(language).split("-")[0].lower(), ENGLISH_QUOTES)


@functools.lru_cache(maxsize=256)
def page_language(language: str | None) -> PageLanguage:
    """The page language for an article's ``language`` field."""
    tag = clean_tag(language)
    code = tag.split("-")[0].lower()
    direction = "rtl" if code in _RTL else "ltr"
    try:
        from editor_app.core.render.dates import babel_locale

        locale = babel_locale(tag)
        if locale.language == code:
            direction = locale.text_direction
    except Exception:  # noqa: BLE001 - Babel data missing: the table above decides
        pass
    words = PAGE_WORDS.get(code, PAGE_WORDS["en"])
    return PageLanguage(tag=tag, direction=direction, quotes=QUOTES.get(code, ENGLISH_QUOTES),
                        words=MappingProxyType(words))
