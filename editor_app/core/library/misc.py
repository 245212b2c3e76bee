"""Assets, dictionary words, settings, full-text search and maintenance."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass

from editor_app.core.errors import InputError, LibraryError, NotFoundError
from editor_app.core.library.connection import describe_sqlite_error, utc_now
from editor_app.core.library.fulltext import display_snippet, fts_query

ASSET_MAX_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True)
class SearchHit:
    id: int
    slug: str
    title: str
    snippet: str
    score: float

    def as_dict(self) -> dict:
        return {"id": self.id, "slug": self.slug, "title": self.title,
                "snippet": self.snippet, "score": self.score}


@dataclass(frozen=True)
class Asset:
    sha256: str
    name: str
    mime: str
    data: bytes


class MiscStore:
    """Mixin of Library: the smaller tables."""

    # -- search ------------------------------------------------------------
    def search(self, query: str, *, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Full-text search ranked by bm25 (title weighs most), with a highlighted snippet."""
        match = fts_query(query)
        if not match:
            return []
        with self._tx.lock:
            rows = self.db.execute(
                "SELECT a.id, a.slug, a.title, "
                "snippet(articles_fts, 2, char(1), char(2), char(3), 12), "
                "bm25(articles_fts, 10.0, 4.0, 1.0) AS score, a.body "
                "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?",
                [match, limit, offset]).fetchall()
        # the index holds folded text (fulltext.py): snippets get the article's letters back
        return [SearchHit(r[0], r[1], r[2], display_snippet(r[3], r[5]), round(-r[4], 6))
                for r in rows]

    # -- assets ------------------------------------------------------------
    def add_asset(self, data: bytes, *, name: str = "", mime: str = "application/octet-stream") -> str:
        """Store an image once, under its sha256; returns the hash."""
        if not data:
            raise InputError(f"{name or 'asset'}: the file is empty")
        if len(data) > ASSET_MAX_BYTES:
            raise InputError(f"{name or 'asset'}: larger than {ASSET_MAX_BYTES // (1024 * 1024)} MB")
        digest = hashlib.sha256(data).hexdigest()
        with self._tx.write() as db:
            db.execute("INSERT OR IGNORE INTO assets (sha256, name, mime, data, size, created_at)"
                       " VALUES (?, ?, ?, ?, ?, ?)", [digest, name, mime, data, len(data), utc_now()])
        return digest

    def get_asset(self, sha256: str) -> Asset:
        with self._tx.lock:
            row = self.db.execute("SELECT sha256, name, mime, data FROM assets WHERE sha256 = ?",
                                  [sha256]).fetchone()
        if row is None:
            raise NotFoundError(f"image {sha256[:12]}… is not in the library")
        return Asset(row[0], row[1], row[2], bytes(row[3]))

    def has_asset(self, sha256: str) -> bool:
        with self._tx.lock:
            return self.db.execute("SELECT 1 FROM assets WHERE sha256 = ?", [sha256]).fetchone() is not None

    # -- dictionary words --------------------------------------------------
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

    # -- settings ----------------------------------------------------------
    def get_setting(self, key: str, default=None):
        """Library-wide settings (site URL, house date format): they travel with the file."""
        with self._tx.lock:
            row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value) -> None:
        with self._tx.write() as db:
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       [key, json.dumps(value, ensure_ascii=False)])

    # -- maintenance -------------------------------------------------------
    def check(self) -> list[str]:
        """Problems found in the file; an empty list means the library is sound."""
        problems: list[str] = []
        with self._tx.lock:
            try:
                rows = [r[0] for r in self.db.execute("PRAGMA integrity_check")]
                if rows != ["ok"]:
                    problems += [f"integrity: {r}" for r in rows[:20]]
                problems += [f"foreign key: {r[0]} row {r[1]} -> {r[2]}"
                             for r in self.db.execute("PRAGMA foreign_key_check")]
                if not self.read_only:  # FTS5 runs its check as a write
                    self.db.execute("INSERT INTO articles_fts(articles_fts, rank) "
                                    "VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as exc:
                problems.append(f"database: {describe_sqlite_error(exc)}")
            try:
                orphans = self.db.execute(
                    "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                    "(SELECT 1 FROM revisions r WHERE r.article_id = a.id)").fetchone()[0]
                if orphans:
                    problems.append(f"revisions: {orphans} article(s) without any revision")
            except sqlite3.DatabaseError as exc:
                problems.append(f"database: {describe_sqlite_error(exc)}")
        return problems

    def backup(self, target) -> None:
        """A consistent copy of the library, safe while others write (SQLite backup API)."""
        import pathlib

        target = pathlib.Path(target)
        if not target.parent.is_dir():
            raise LibraryError(f"{target}: the folder {target.parent} does not exist")
        if target.exists() and target.resolve() == self.path.resolve():
            raise LibraryError(f"{target}: is the library itself")
        tmp = target.with_name(target.name + ".part")
        try:
            dest = sqlite3.connect(str(tmp))
            with self._tx.lock:
                self.db.conn.backup(dest)
            dest.close()
            tmp.replace(target)
        except (sqlite3.Error, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise LibraryError(f"{target}: backup failed ({describe_sqlite_error(exc)})") from None

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap polling for outside edits."""
        with self._tx.lock:
            return self.db.execute("PRAGMA data_version").fetchone()[0]
