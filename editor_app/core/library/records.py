"""Library mixin: the record log, what travels besides revisions (#14).

A record is one immutable thing someone did, with a global ``uid``: a comment
or reply, a resolution, a move in the workflow, a change of an article's tags, a
pin or ban of related news, a vocabulary change, a dictionary word. The tables
the program reads (``comments``, ``status_events``, ``related_pins``...) hold the
state those records add up to; every local change writes its row AND its
record in one transaction, and records that arrive from elsewhere are applied
to the same rows by the sync engine. Two sets of records merge by union: the
same uid arriving twice is recognised and ignored.

Some kinds are *registers*: the latest word on one subject (is this comment
resolved? is that article pinned?). A register record names the records it
knew of on that subject (``after``), so that later and concurrent words can be
told apart without any clock; the sync engine settles concurrent ones with a
fixed rule (see ``editor_app.core.sync.registers``).

``seq`` is the local order of arrival: the cursor for "changes since", never a time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from editor_app.core.identity import load_identity
from editor_app.core.ids import new_uid
from editor_app.core.library.connection import utc_now
from editor_app.core.library.store import StoreBase
from editor_app.core.library.sync_schema import genesis_uid

if TYPE_CHECKING:
    from editor_app.core.library import Library

#: Kinds whose records supersede earlier ones on the same subject (``article``, ``kind``, ``key``).
REGISTER_KINDS = frozenset({"status", "comment.state", "related", "related.order", "word"})
#: Every kind this version knows; a hand-off with another kind is refused.
RECORD_KINDS = REGISTER_KINDS | {"comment", "tags", "vocabulary"}


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class Record:
    """One record as stored and as exchanged (``seq`` is local and never travels)."""

    uid: str
    kind: str
    article: str  # the article's uuid; "" for the library-wide (vocabulary, newsroom words)
    key: str
    after: tuple[str, ...]
    data: dict = field(hash=False)
    author: str = ""
    origin: str = ""
    created_at: str = ""
    seq: int = 0

    def as_wire(self) -> dict:
        return {"uid": self.uid, "kind": self.kind, "article": self.article, "key": self.key,
                "after": list(self.after), "data": self.data, "author": self.author,
                "origin": self.origin, "created_at": self.created_at}


def _row_to_record(row: tuple) -> Record:
    seq, uid, kind, article, key, after, data, author, origin, created = row
    return Record(uid, kind, article, key, tuple(json.loads(after)), json.loads(data), author,
                  origin, created, seq)


_RECORD_COLUMNS = "seq, uid, kind, article, key, after, data, author, origin, created_at"


class RecordStore(StoreBase):
    """Mixin of Library (see editor_app/core/library/__init__.py)."""

    # -- writing (inside the caller's transaction) -------------------------------
    def _article_uuid(self, article_id: int) -> str:
        row = self.db.execute("SELECT uuid FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else ""

    def _record_heads(self, article: str, kind: str, key: str) -> list[str]:
        """Records on one subject that no other record on it names as known: the latest words."""
        rows = self.db.execute("SELECT uid, after FROM sync_records WHERE article = ? AND kind = ?"
                               " AND key = ? ORDER BY seq", [article, kind, key]).fetchall()
        known = set()
        for _uid, after in rows:
            known.update(json.loads(after))
        return [uid for uid, _after in rows if uid not in known]

    def _log_record(self, kind: str, *, article: str = "", key: str = "", data: dict,
                    author: str = "", uid: str | None = None) -> str:
        """Append a record of a change made here; the caller holds the write transaction.

        Without an ``author`` the record names the person of the preferences.
        """
        after = self._record_heads(article, kind, key) if kind in REGISTER_KINDS else []
        if not author:
            author = load_identity(cast("Library", self)).name  # a store is part of the Library
        uid = uid or new_uid()
        self.db.execute(
            "INSERT INTO sync_records (uid, kind, article, key, after, data, author, origin,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [uid, kind, article, key, _json(after), _json(data), author, self.library_uid,
             utc_now()])
        return uid

    def _log_genesis(self, article_id: int, article_uuid: str, status: str) -> None:
        """The status an article was created with: where the replay of its moves starts."""
        self.db.execute(
            "INSERT OR IGNORE INTO sync_records (uid, kind, article, key, after, data, author,"
            " origin, created_at) VALUES (?, 'status', ?, '', '[]', ?, '', '', '')",
            [genesis_uid(article_uuid), article_uuid,
             _json({"genesis": True, "from": "", "to": status})])

    def _forget_records(self, article_uuid: str) -> None:
        """Drop an article's records with the article, so that it can arrive again whole."""
        self.db.execute("DELETE FROM sync_records WHERE article = ?", [article_uuid])

    def _store_record(self, record: Record) -> bool:
        """Keep a record that arrived from elsewhere; False when it was known already."""
        cur = self.db.execute(
            "INSERT OR IGNORE INTO sync_records (uid, kind, article, key, after, data, author,"
            " origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [record.uid, record.kind, record.article, record.key, _json(list(record.after)),
             _json(record.data), record.author, record.origin, record.created_at])
        return cur.rowcount > 0

    # -- reading ---------------------------------------------------------------
    def article_records(self, article_id: int, kinds: tuple[str, ...] | None = None) -> list[Record]:
        """An article's records in the order they reached this library (causes first)."""
        with self._tx.lock:
            article = self._article_uuid(article_id)
            if not article:
                return []
            return self._records_where(article, kinds)

    def library_records(self, kinds: tuple[str, ...] | None = None) -> list[Record]:
        """Records that belong to no article: vocabulary changes, newsroom dictionary words."""
        with self._tx.lock:
            return self._records_where("", kinds)

    def _records_where(self, article: str, kinds: tuple[str, ...] | None) -> list[Record]:
        sql = f"SELECT {_RECORD_COLUMNS} FROM sync_records WHERE article = ?"
        params: list = [article]
        if kinds:
            sql += f" AND kind IN ({','.join('?' * len(kinds))})"
            params += list(kinds)
        return [_row_to_record(r) for r in self.db.execute(sql + " ORDER BY seq", params)]

    def subject_records(self, article: str, kind: str, key: str) -> list[Record]:
        """Every record on one subject (a register), in order of arrival."""
        with self._tx.lock:
            return [_row_to_record(r) for r in self.db.execute(
                f"SELECT {_RECORD_COLUMNS} FROM sync_records WHERE article = ? AND kind = ?"
                " AND key = ? ORDER BY seq", [article, kind, key])]

    def known_records(self, uids: list[str]) -> dict[str, tuple[str, str]]:
        """``{uid: (article uuid, kind)}`` of the given records this library has."""
        out: dict[str, tuple[str, str]] = {}
        with self._tx.lock:
            for start in range(0, len(uids), 500):
                chunk = uids[start:start + 500]
                for uid, article, kind in self.db.execute(
                        "SELECT uid, article, kind FROM sync_records WHERE uid IN"
                        f" ({','.join('?' * len(chunk))})", chunk):
                    out[uid] = (article, kind)
        return out

    def records_since(self, seq: int, *, limit: int | None = None) -> list[Record]:
        """Records that reached this library after the cursor ``seq``, in order (the server's pull/push)."""
        sql = f"SELECT {_RECORD_COLUMNS} FROM sync_records WHERE seq > ? ORDER BY seq"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._tx.lock:
            return [_row_to_record(r) for r in self.db.execute(sql, [seq])]

    def record_cursor(self) -> int:
        """The newest ``seq``: pass it to ``records_since`` next time."""
        with self._tx.lock:
            return self.db.execute("SELECT coalesce(max(seq), 0) FROM sync_records").fetchone()[0]

    def ensure_genesis(self, article_id: int) -> None:
        """Give an article written outside the library API (a bulk load) its genesis record.

        Such an article has no moves either, so it starts where it is.
        """
        with self._tx.write() as db:
            row = db.execute("SELECT uuid, status FROM articles WHERE id = ?",
                             [article_id]).fetchone()
            if row and not db.execute("SELECT 1 FROM sync_records WHERE uid = ?",
                                      [genesis_uid(row[0])]).fetchone():
                self._log_genesis(article_id, row[0], row[1])
