"""Interview tools that do not need Qt: the headline quote and the question paragraph.

The editor calls these with plain strings and positions, so the rules (typographic
quotes, what counts as a paragraph boundary) are tested without a window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor_app.core.errors import InputError
from editor_app.core.library.articles import TITLE_MAX

OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"
_INNER_QUOTES = str.maketrans({'"': "\u2019", "\u201c": "\u2018", "\u201d": "\u2019"})
_WRAPPING_QUOTES = "\"'\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb\u2039\u203a"
_PREFIX_RE = re.compile(r"^(?:\*\*|__)?[QA]:(?:\*\*|__)?\s*")
_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")
_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SPACE_RE = re.compile(r"\s+")
#: headline_quote's refusals (the GUI shows them in its own language)
NO_INTERVIEWEE = "set the interviewee first: the headline quote is “Interviewee: …”"
NO_QUOTE = "select the words of an answer to use them as the headline quote"
_STRAIGHT_PAIR_RE = re.compile(r'"([^"]*)"')


def clean_quote(selection: str) -> str:
    """The quoted words of a selection: one line, no markup, no Q:/A: or wrapping quotes.

    A full stop at the end is dropped (a headline does not end with one); ``?``, ``!``
    and ``…`` are kept because they change the meaning.
    """
    text = _SPACE_RE.sub(" ", selection.replace("\u2029", " ")).strip()
    text = _PREFIX_RE.sub("", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _EMPHASIS_RE.sub(r"\2", text)
    text = text.strip().strip(_WRAPPING_QUOTES).strip()
    text = text.rstrip(".").rstrip() if not text.endswith("...") else text
    # Double quotes inside the quote become single ones, as in print.
    text = _STRAIGHT_PAIR_RE.sub("\u2018\\1\u2019", text)
    text = text.translate(_INNER_QUOTES).replace("'", "\u2019")
    return text


def headline_quote(interviewee: str, selection: str) -> str:
    """``Interviewee: “selection”`` or InputError saying what is missing."""
    name = _SPACE_RE.sub(" ", interviewee or "").strip()
    if not name:
        raise InputError(NO_INTERVIEWEE)
    quote = clean_quote(selection or "")
    if not quote:
        raise InputError(NO_QUOTE)
    title = f"{name}: {OPEN_QUOTE}{quote}{CLOSE_QUOTE}"
    if len(title) > TITLE_MAX:
        raise InputError(f"the quote is too long for a headline ({len(title)} of {TITLE_MAX} characters)")
    return title


@dataclass(frozen=True)
class Insertion:
    """Replace ``remove`` characters at ``position`` with ``text``; the cursor goes to ``cursor``."""

    position: int
    remove: int
    text: str
    cursor: int


def question_insertion(text: str, position: int) -> Insertion:
    """Start a new ``Q: `` paragraph after the line the cursor is on.

    The cursor may be in the middle of a sentence; the question goes after that
    line rather than splitting it.  The line breaks around the insertion point are
    replaced so that exactly one blank line separates the question from the text
    before and after it, however many there were.
    """
    return _paragraph_insertion(text, position, "Q: ")


def answer_insertion(text: str, position: int) -> Insertion:
    """Start a new ``A: `` paragraph after the line the cursor is on (Interview ▸ Insert
    Answer), with the same blank lines around it as a question gets."""
    return _paragraph_insertion(text, position, "A: ")


def enter_in_question(text: str, position: int) -> Insertion | None:
    """What Enter does at the end of a question's line: a blank line, so the answer
    starts as a paragraph of its own (#17); None where Enter is an ordinary line break.

    In markdown a single line break continues the paragraph: typed after a question,
    the answer would become part of the question.
    """
    position = max(0, min(position, len(text)))
    if position < len(text) and text[position] != "\n":
        return None  # not at the end of a line
    start = text.rfind("\n\n", 0, position)
    paragraph = text[start + 2 if start >= 0 else 0:position].lstrip("\n")
    if not _PREFIX_RE.match(paragraph) or not paragraph.lstrip("*_").startswith("Q"):
        return None
    return Insertion(position=position, remove=0, text="\n\n", cursor=position + 2)


_WORD_CHARS = re.compile(r"[\w'’-]")


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A loose selection widened to the words it touches: the headline quote takes
    whole words even when the selection began or ended inside one (#17)."""
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    while start > 0 and _WORD_CHARS.match(text[start - 1]) and \
            (start == end or _WORD_CHARS.match(text[start])):
        start -= 1
    while end < len(text) and _WORD_CHARS.match(text[end]) and \
            (start == end or _WORD_CHARS.match(text[end - 1])):
        end += 1
    return start, end


def _paragraph_insertion(text: str, position: int, prefix: str) -> Insertion:
    position = max(0, min(position, len(text)))
    end = text.find("\n", position)
    end = len(text) if end < 0 else end
    start = end
    while start > 0 and text[start - 1] == "\n":
        start -= 1
    stop = end
    while stop < len(text) and text[stop] == "\n":
        stop += 1
    lead = "\n\n" if start > 0 else ""
    trail = "\n\n" if stop < len(text) else ""
    new = lead + prefix + trail
    return Insertion(position=start, remove=stop - start, text=new,
                     cursor=start + len(lead) + len(prefix))


def apply_insertion(text: str, insertion: Insertion) -> str:
    """The text after an insertion (the editor does the same through a QTextCursor)."""
    return text[: insertion.position] + insertion.text + text[insertion.position + insertion.remove:]
