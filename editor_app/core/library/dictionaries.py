"""Shared spelling dictionaries: the newsroom's words and each article's ignore list."""

from __future__ import annotations

from editor_app.core.errors import InputError
from editor_app.core.library.connection import utc_now
from editor_app.core.library.store import StoreBase


class DictionaryStore(StoreBase):
    """Mixin of Library: the dictionary words."""

    def dictionary_words(self, scope: str) -> set[str]:
        """Words of a shared dictionary: "newsroom", or "article:<id>" for an ignore list."""
        with self._tx.lock:
            return {r[0] for r in self.db.execute(
                "SELECT word FROM dictionary_words WHERE scope = ?", [scope])}

    def add_dictionary_word(self, word: str, scope: str = "newsroom") -> None:
        word = word.strip()
        if not word or any(c.isspace() for c in word):
            raise InputError(f"dictionary: {word!r} is not a single word")
        with self._tx.write() as db:
            if db.execute("INSERT OR IGNORE INTO dictionary_words (scope, word, created_at)"
                          " VALUES (?, ?, ?)", [scope, word, utc_now()]).rowcount:
                self._log_word(scope, word, True)

    def remove_dictionary_word(self, word: str, scope: str = "newsroom") -> None:
        with self._tx.write() as db:
            if db.execute("DELETE FROM dictionary_words WHERE scope = ? AND word = ?",
                          [scope, word]).rowcount:
                self._log_word(scope, word, False)

    def _log_word(self, scope: str, word: str, present: bool) -> None:
        """Newsroom words travel library-wide, an article's ignore list with the article (#14)."""
        if scope == "newsroom":
            article = ""
        elif scope.startswith("article:") and scope[8:].isdigit():
            article = self._article_uuid(int(scope[8:]))
            if not article:
                return
        else:
            return  # a scope that stays in this library
        self._log_record("word", article=article, key=word, data={"present": present})
