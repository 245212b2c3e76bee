"""What the full-text index sees of a text, so that search works in every script.

SQLite's unicode61 tokenizer removes accents ("Łódź" matches "lodz" only half way: ó and ź
lose their accents, but Ł is a letter of its own, not L with a stroke) and takes a run
of letters without spaces for one word, so "図書館" is never found inside
"東京の新しい図書館". The index is therefore fed `search_text`, not the raw text:

* letters unicode61 does not fold are written as their base letters (Ł -> L, ø -> o,
  đ -> d, ß -> ss, æ -> ae, þ -> th, ı -> i);
* between two characters of a script written without spaces (Chinese, Japanese, Korean,
  Thai, Lao, Khmer, Myanmar) a zero-width space is put, so each character is a word of
  its own and a search for 図書館 is the phrase 図 書 館 (what a trigram index would
  find, at the size of an ordinary one).

The same function folds the query. SQLite calls it as ``byline_search_text()`` from the
index's triggers and from the view the index reads its content from, so every connection
of Byline registers it (`register`). Snippets come out of SQLite folded; `display_snippet`
puts the article's own letters back.
"""

from __future__ import annotations

import re
import sqlite3
from bisect import bisect_right

SQL_FUNCTION = "byline_search_text"
SEPARATOR = "\u200b"  # a zero-width space: a word break for unicode61, invisible on screen

# Letters unicode61's remove_diacritics leaves alone, as base letters people type.
_FOLDS = {
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
    "Ħ": "H", "ħ": "h", "ı": "i", "Ŀ": "L", "ŀ": "l", "Ŧ": "T", "ŧ": "t", "ĸ": "k",
    "Ŋ": "N", "ŋ": "n", "ſ": "s", "Ə": "E", "ə": "e", "ß": "ss", "ẞ": "SS",
    "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "TH", "þ": "th",
}
# Scripts written without spaces between words.
_NO_SPACE = (
    "\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"  # Thai, Lao, Myanmar, Khmer
    "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0002fa1f"  # kana, CJK ideographs, Hangul, half-width kana
)
_CHANGES = re.compile(f"[{''.join(_FOLDS)}]|(?<=[{_NO_SPACE}])(?=[{_NO_SPACE}])")
_WORD = re.compile(r"\w+")
_MARKERS = "\x01\x02\x03"  # snippet(): match start, match end, ellipsis


def _replacement(match: re.Match[str]) -> str:
    return _FOLDS.get(match.group(), SEPARATOR)


def search_text(text: str | None) -> str:
    """``text`` as the index and queries see it (see the module's docstring)."""
    if not text:
        return text or ""
    if text.isascii():  # nearly every English article: nothing to do
        return text
    return _CHANGES.sub(_replacement, text)


def register(conn: sqlite3.Connection) -> None:
    """Make ``byline_search_text()`` known to a connection (the index's triggers and
    view call it); every connection that may write articles needs it."""
    conn.create_function(SQL_FUNCTION, 1, search_text, deterministic=True)


def fts_query(text: str) -> str:
    """A safe FTS5 query from what a person typed: every word must occur.

    Words are folded like the index and quoted, so FTS5 syntax characters in the input
    cannot raise (a word of several CJK characters becomes a phrase of them); the last
    word matches as a prefix, so results appear while typing.
    """
    words = [search_text(w).replace('"', "") for w in _WORD.findall(text)]
    words = [w for w in words if w]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _offset_map(text: str) -> tuple[list[int], list[int]]:
    """Where folding changed lengths: (folded offsets, original offsets) after each change."""
    folded_at, original_at = [0], [0]
    delta = 0
    for match in _CHANGES.finditer(text):
        added = len(_replacement(match)) - (match.end() - match.start())
        if added:
            delta += added
            folded_at.append(match.end() + delta)
            original_at.append(match.end())
    return folded_at, original_at


def _to_original(offset: int, folded_at: list[int], original_at: list[int]) -> int:
    i = bisect_right(folded_at, offset) - 1
    return original_at[i] + (offset - folded_at[i]) if offset >= folded_at[i] else original_at[i]


def display_snippet(snippet: str, original: str, *, start: str = "[", end: str = "]",
                    ellipsis: str = "…") -> str:
    """A snippet SQLite cut from the folded text (``\\x01``/``\\x02`` around matches,
    ``\\x03`` where text was left out), shown in the article's own letters."""
    plain = snippet.replace("\x01", "").replace("\x02", "").strip("\x03")
    folded = search_text(original)
    at = folded.find(plain) if folded != original else -1
    if at < 0:  # nothing was folded (or the text changed meanwhile): show it as SQLite cut it
        shown = snippet.replace(SEPARATOR, "") if folded != original else snippet
        return shown.replace("\x01", start).replace("\x02", end).replace("\x03", ellipsis)
    folded_at, original_at = _offset_map(original)
    out: list[str] = []
    position = at  # in the folded text
    for piece in re.split(f"([{_MARKERS}])", snippet):
        if piece == "\x03":
            out.append(ellipsis)
        elif piece == "\x01":
            out.append(start)
        elif piece == "\x02":
            out.append(end)
        elif piece:
            begin = _to_original(position, folded_at, original_at)
            position += len(piece)
            out.append(original[begin:_to_original(position, folded_at, original_at)])
    return "".join(out)
