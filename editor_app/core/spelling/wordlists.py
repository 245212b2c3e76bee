"""Plain-text word lists, and the form words are compared in.

The lowest layer of spelling: the dictionaries, the language data and the checker all
read word lists and compare words this way, so it imports nothing else of spelling.
"""

from __future__ import annotations

import os
import pathlib
import tempfile
from collections.abc import Iterable

from editor_app.core.errors import InputError


def normalize_word(word: str) -> str:
    """The form words are compared in: typographic apostrophe folded, lower case.

    ``lower`` rather than ``casefold``: the dictionaries are lower-cased that way, and
    casefold would turn German "ß" into "ss" and miss them.
    """
    return word.strip().replace("\u2019", "'").lower()


def clean_word(word: str) -> str:
    """Validate a word someone wants to add; one line, no spaces, not empty."""
    text = str(word).strip()
    if not text or any(c.isspace() for c in text) or any(ord(c) < 32 for c in text):
        raise InputError(f"{word!r} is not a single word")
    if len(text) > 100:
        raise InputError("a dictionary word is at most 100 characters long")
    return text


def read_wordlist(path: str | os.PathLike) -> list[str]:
    """Words from a plain text file, one a line; blank lines and ``#`` comments skipped.

    A UTF-8 byte order mark is accepted. Raises InputError for a file that cannot be read
    or is not UTF-8 (saying where the first bad byte is).
    """
    path = pathlib.Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read word list {path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"word list {path} is not UTF-8 text (bad byte at line {line}); save it as UTF-8"
        ) from None
    words = []
    seen = set()
    for line in text.splitlines():
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def write_wordlist(path: str | os.PathLike, words: Iterable[str]) -> None:
    """Write words sorted, one a line, UTF-8, atomically (a crash leaves the old file)."""
    path = pathlib.Path(path)
    lines = sorted({clean_word(w) for w in words}, key=lambda w: (w.casefold(), w))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".wordlist-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write("".join(f"{w}\n" for w in lines))
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(f"cannot write word list {path}: {exc.strerror or exc}") from None
