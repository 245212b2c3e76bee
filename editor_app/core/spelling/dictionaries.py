"""The words a newsroom teaches Byline: personal, newsroom-wide, per article, and names.

* personal: a plain text file per user (the caller picks the path, e.g. the platformdirs
  user data dir), one word a line, so it can be edited, shared or versioned by hand;
* newsroom: stored in the library (``Library.dictionary_words("newsroom")``), so it
  travels with the library file to every desk that opens it;
* article: the per-article ignore list, stored in the library under ``"article:<id>"``;
* names: the interviewee and author of the article count as known words.

Lookups are case-insensitive: a newsroom adding "Zinichev" does not want
"ZINICHEV" in a headline flagged.
"""

from __future__ import annotations

import os
import pathlib
import re
import threading
from collections.abc import Iterable
from typing import Protocol

from editor_app.core.errors import InputError
from editor_app.core.spelling.wordlists import (  # noqa: F401 - part of this module's API
    clean_word,
    normalize_word,
    read_wordlist,
    write_wordlist,
)

SCOPES = ("personal", "newsroom", "article")


class DictionaryStore(Protocol):
    """What the library offers for stored word lists (implemented by Library)."""

    def dictionary_words(self, scope: str) -> set[str]: ...

    def add_dictionary_word(self, word: str, scope: str) -> None: ...

    def remove_dictionary_word(self, word: str, scope: str) -> None: ...


_NAME_SEPARATORS = re.compile(r"[\s,;/&]+|\band\b")


def names_from_metadata(*values: str | None) -> set[str]:
    """Words of names such as ``"Dr. Jane Roe, Sam O'Neil"`` -> {"Jane", "Roe", "O'Neil", …}.

    Hyphenated names are also split into their parts, the way the tokenizer checks them.
    """
    words = set()
    for value in values:
        for piece in _NAME_SEPARATORS.split(str(value or "")):
            piece = piece.strip(".:\"'()[]“”‘’")
            if not piece or not any(c.isalpha() for c in piece):
                continue
            words.add(piece)
            words.update(p for p in re.split(r"[-\u2010]", piece) if p)
            if piece.endswith(("'s", "\u2019s")):
                words.add(piece[:-2])
    return words


def article_names(article) -> set[str]:
    """Words an article itself vouches for: its interviewee's and author's names and
    the words of its tags ("InoLink", "European Union"). The one place that says which
    fields count, for the editor, the pre-flight check and ``byline spell``."""
    return names_from_metadata(getattr(article, "interviewee", ""), getattr(article, "author", ""),
                               *(getattr(article, "tags", None) or ()))


def default_personal_path() -> pathlib.Path:
    """Where the user's own word list lives unless the caller says otherwise."""
    import platformdirs

    return pathlib.Path(platformdirs.user_data_dir("byline", appauthor=False)) / "personal-dictionary.txt"


def article_scope(article_id: int | str) -> str:
    return f"article:{article_id}"


class Dictionaries:
    """The user's, newsroom's and one article's word lists, read and written in one place.

    ``add``/``remove`` persist the change (file or library) and update every checker this
    object made with `checker`, so the next check no longer flags the word.
    """

    def __init__(
        self,
        *,
        personal_path: str | os.PathLike | None = None,
        store: DictionaryStore | None = None,
        article_id: int | str | None = None,
    ) -> None:
        self.personal_path = pathlib.Path(personal_path) if personal_path else None
        self.store = store
        self.article_id = article_id
        self._checkers: list = []
        self._lock = threading.Lock()

    def words(self, scope: str) -> set[str]:
        """The words of one scope ("personal", "newsroom" or "article")."""
        if scope == "personal":
            if self.personal_path is None or not self.personal_path.exists():
                return set()
            return set(read_wordlist(self.personal_path))
        if scope == "newsroom":
            return set(self.store.dictionary_words("newsroom")) if self.store else set()
        if scope == "article":
            if self.store is None or self.article_id is None:
                return set()
            return set(self.store.dictionary_words(article_scope(self.article_id)))
        raise InputError(f"unknown dictionary {scope!r}; expected one of: {', '.join(SCOPES)}")

    def add(self, word: str, scope: str) -> None:
        word = clean_word(word)
        with self._lock:
            if scope == "personal":
                if self.personal_path is None:
                    raise InputError("no personal dictionary file is configured")
                write_wordlist(self.personal_path, self.words("personal") | {word})
            else:
                store_scope = self._store_scope(scope)
                self.store.add_dictionary_word(word, store_scope)
            for checker in self._checkers:
                checker.add_words([word], scope)

    def remove(self, word: str, scope: str) -> None:
        with self._lock:
            if scope == "personal":
                if self.personal_path is None:
                    return
                kept = {w for w in self.words("personal") if normalize_word(w) != normalize_word(word)}
                write_wordlist(self.personal_path, kept)
            else:
                store_scope = self._store_scope(scope)
                # the library matches exactly; remove every spelling that differs only in case
                for stored in self.store.dictionary_words(store_scope):
                    if normalize_word(stored) == normalize_word(word):
                        self.store.remove_dictionary_word(stored, store_scope)
            for checker in self._checkers:
                checker.remove_words([word], scope)

    def import_words(self, path: str | os.PathLike, scope: str) -> int:
        """Add every word of a plain-text list; returns how many were new."""
        have = {normalize_word(w) for w in self.words(scope)}
        new = [w for w in read_wordlist(path) if normalize_word(w) not in have]
        for word in new:
            clean_word(word)
        for word in new:
            self.add(word, scope)
        return len(new)

    def export_words(self, path: str | os.PathLike, scope: str) -> int:
        words = self.words(scope)
        write_wordlist(path, words)
        return len(words)

    def _store_scope(self, scope: str) -> str:
        if self.store is None:
            raise InputError("no library is open; the newsroom dictionary lives in the library")
        if scope == "newsroom":
            return "newsroom"
        if scope == "article":
            if self.article_id is None:
                raise InputError("no article is open")
            return article_scope(self.article_id)
        raise InputError(f"unknown dictionary {scope!r}; expected one of: {', '.join(SCOPES)}")

    def stored_words(self) -> dict[str, set[str]]:
        """The word lists kept in the library ("newsroom", "article"), read now.

        Read them on the thread that owns the library's connection and hand them to
        ``checker`` on a worker: the worker then never uses that connection."""
        return {scope: self.words(scope) for scope in ("newsroom", "article")}

    def checker(self, language: str | None = "en", *, metadata_names: Iterable[str] = (),
                stored_words: dict[str, set[str]] | None = None, **options):
        """A SpellChecker with all three word lists; blocks while the language loads.

        ``stored_words``: what ``stored_words()`` returned earlier (else read here)."""
        from editor_app.core.spelling.checker import SpellChecker

        stored = stored_words if stored_words is not None else self.stored_words()
        checker = SpellChecker(
            language,
            personal_words=self.words("personal"),
            newsroom_words=stored["newsroom"],
            ignored=stored["article"],
            known_names=metadata_names,
            **options,
        )
        with self._lock:
            self._checkers.append(checker)
        return checker
