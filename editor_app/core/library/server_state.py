"""Library mixin: what this library knows of the newsroom server it syncs with (#15).

The sync itself (``editor_app.core.server.sync``) decides; these methods keep its
bookkeeping in the library file, in the same transactions as the changes:

- ``server_sync``: per server (its uid), the cursor of the pull (the server's
  sequence, never a clock), how far this library's own revisions and records
  were sent (their local sequence numbers), and who the server took us for;
- ``server_seen``: for every revision and record the server holds, its sequence
  number there, who sent it from which laptop and, for a move of the workflow,
  the server's verdict. The replay of moves follows this order and these verdicts,
  so that every laptop ends where the server did;
- ``server_refusals``: revisions and records of this library that the server
  would not take, with its rule: shown to the person, never sent again;
- ``server_article_versions``: the version of each article when it was last
  kept as a revision for a sync, so that finding typed-but-not-kept text does
  not read every body.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from editor_app.core.library.connection import utc_now
from editor_app.core.library.store import StoreBase

TABLES = """
CREATE TABLE server_sync (
    server_uid TEXT PRIMARY KEY,
    pull_cursor INTEGER NOT NULL DEFAULT 0,
    pushed_revisions INTEGER NOT NULL DEFAULT 0,
    pushed_records INTEGER NOT NULL DEFAULT 0,
    member TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    last_sync TEXT NOT NULL DEFAULT ''
);
CREATE TABLE server_seen (
    uid TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    member TEXT NOT NULL DEFAULT '',
    laptop TEXT NOT NULL DEFAULT '',
    refused INTEGER NOT NULL DEFAULT 0,
    refusal TEXT NOT NULL DEFAULT ''
);
CREATE TABLE server_refusals (
    uid TEXT PRIMARY KEY,
    article TEXT NOT NULL DEFAULT '',
    what TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE server_article_versions (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version INTEGER NOT NULL
);
"""


@dataclass(frozen=True)
class ServerState:
    """Where this library stands with one server."""

    server_uid: str
    pull_cursor: int = 0
    pushed_revisions: int = 0
    pushed_records: int = 0
    member: str = ""
    role: str = ""
    last_sync: str = ""


@dataclass(frozen=True)
class Provenance:
    """Who sent a revision to the server, from which laptop, as which change there."""

    member: str
    laptop: str
    seq: int


@dataclass(frozen=True)
class Refusal:
    """Something of this library the server would not take, and its rule."""

    uid: str
    article: str
    what: str
    reason: str
    at: str

    def as_dict(self) -> dict:
        return {"uid": self.uid, "article": self.article, "what": self.what,
                "reason": self.reason, "at": self.at}


@dataclass(frozen=True)
class OutgoingRevision:
    """A revision to send, with the local sequence number that is the push cursor."""

    seq: int
    article: str  # the article's uuid
    article_id: int
    uid: str
    parents: tuple[str, ...]
    title: str
    body: str
    metadata: dict
    author: str
    reason: str
    created_at: str
    origin: str


class ServerStateStore(StoreBase):
    """Mixin of Library (see editor_app/core/library/__init__.py)."""

    # -- where we stand ----------------------------------------------------------------
    def server_state(self, server_uid: str | None = None) -> ServerState | None:
        """The state with that server, or with the one this library synced with last."""
        with self._tx.lock:
            if server_uid is None:
                row = self.db.execute(
                    "SELECT server_uid, pull_cursor, pushed_revisions, pushed_records, member,"
                    " role, last_sync FROM server_sync ORDER BY last_sync DESC LIMIT 1").fetchone()
            else:
                row = self.db.execute(
                    "SELECT server_uid, pull_cursor, pushed_revisions, pushed_records, member,"
                    " role, last_sync FROM server_sync WHERE server_uid = ?", [server_uid]).fetchone()
        return ServerState(*row) if row else None

    def start_server_sync(self, server_uid: str) -> ServerState:
        """The state with this server (nothing is written until the sync writes something).

        A library syncs with one newsroom: pointing it at another server (another
        uid) starts over there, so what was learnt from the old one is forgotten.
        """
        with self._tx.lock:
            other = self.db.execute("SELECT 1 FROM server_sync WHERE server_uid != ? LIMIT 1",
                                    [server_uid]).fetchone()
        if other:
            with self._tx.write() as db:
                for table in ("server_sync", "server_seen", "server_refusals",
                              "server_article_versions"):
                    db.execute(f"DELETE FROM {table}")
        return self.server_state(server_uid) or ServerState(server_uid)

    def _set_server_cursor(self, server_uid: str, **values: int | str) -> None:
        """Move cursors inside the caller's transaction (with the changes they cover)."""
        allowed = {"pull_cursor", "pushed_revisions", "pushed_records", "last_sync", "member",
                   "role"}
        assert set(values) <= allowed, values
        self.db.execute("INSERT INTO server_sync (server_uid) VALUES (?) ON CONFLICT DO NOTHING",
                        [server_uid])
        self.db.execute(f"UPDATE server_sync SET {', '.join(f'{k} = ?' for k in values)}"
                        " WHERE server_uid = ?", [*values.values(), server_uid])

    def restart_server_push(self, server_uid: str) -> None:
        """Send everything again on the next sync (what the server has answers as known)."""
        with self._tx.write():
            self._set_server_cursor(server_uid, pushed_revisions=0, pushed_records=0)
            self.db.execute("DELETE FROM server_article_versions")

    def finish_server_sync(self, server_uid: str, *, member: str, role: str) -> None:
        """The sync went through: when, and who the server took us for."""
        with self._tx.write():
            self._set_server_cursor(server_uid, last_sync=utc_now(), member=member, role=role)

    # -- what the server said ----------------------------------------------------------
    def _note_server_seen(self, rows: list[tuple]) -> None:
        """``(uid, seq, member, laptop, refused, refusal)`` of what the server holds."""
        self.db.conn.executemany(
            "INSERT INTO server_seen (uid, seq, member, laptop, refused, refusal)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(uid) DO UPDATE SET seq = excluded.seq,"
            " member = excluded.member, laptop = excluded.laptop, refused = excluded.refused,"
            " refusal = excluded.refusal", rows)
        if rows:
            uids = [r[0] for r in rows]
            for start in range(0, len(uids), 500):
                chunk = uids[start:start + 500]
                self.db.execute(f"DELETE FROM server_refusals WHERE uid IN ({','.join('?' * len(chunk))})",
                                chunk)

    def server_verdicts(self, article_uuid: str) -> dict[str, tuple[int, bool, str]]:
        """``{record uid: (server sequence, refused, why)}`` of an article's moves the server holds."""
        with self._tx.lock:
            return {uid: (seq, bool(refused), refusal) for uid, seq, refused, refusal in self.db.execute(
                "SELECT s.uid, s.seq, s.refused, s.refusal FROM sync_records r JOIN server_seen s"
                " ON s.uid = r.uid WHERE r.article = ? AND r.kind = 'status'", [article_uuid])}

    def revision_provenance(self, article_id: int) -> dict[int, Provenance]:
        """``{revision id: who sent it from which laptop}`` for the revisions the server holds."""
        with self._tx.lock:
            return {rid: Provenance(member, laptop, seq) for rid, member, laptop, seq in self.db.execute(
                "SELECT r.id, s.member, s.laptop, s.seq FROM revisions r JOIN server_seen s"
                " ON s.uid = r.uid WHERE r.article_id = ?", [article_id])}

    def known_to_server(self, uids: list[str]) -> set[str]:
        out: set[str] = set()
        with self._tx.lock:
            for start in range(0, len(uids), 500):
                chunk = uids[start:start + 500]
                out.update(r[0] for r in self.db.execute(
                    f"SELECT uid FROM server_seen WHERE uid IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def _note_refusals(self, rows: list[tuple[str, str, str, str]]) -> None:
        """``(uid, article uuid, what, reason)`` the server would not take."""
        now = utc_now()
        self.db.conn.executemany(
            "INSERT INTO server_refusals (uid, article, what, reason, at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(uid) DO UPDATE SET reason = excluded.reason, at = excluded.at",
            [(*row, now) for row in rows])

    def server_refusals(self, limit: int = 100) -> list[Refusal]:
        """What the server would not take, newest first."""
        with self._tx.lock:
            return [Refusal(*r) for r in self.db.execute(
                "SELECT uid, article, what, reason, at FROM server_refusals ORDER BY at DESC, uid"
                " LIMIT ?", [limit])]

    # -- what to send ------------------------------------------------------------------
    def articles_changed_for_sync(self) -> list[int]:
        """Articles changed since they were last kept for a sync (their version moved)."""
        with self._tx.lock:
            return [r[0] for r in self.db.execute(
                "SELECT a.id FROM articles a LEFT JOIN server_article_versions v"
                " ON v.article_id = a.id WHERE v.version IS NULL OR v.version != a.version")]

    def note_synced_versions(self, article_ids: list[int]) -> None:
        """Remember the articles' versions as kept (inside or outside a transaction)."""
        with self._tx.write() as db:
            for start in range(0, len(article_ids), 500):
                chunk = article_ids[start:start + 500]
                db.execute("INSERT INTO server_article_versions (article_id, version)"
                           f" SELECT id, version FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
                           " ON CONFLICT(article_id) DO UPDATE SET version = excluded.version", chunk)

    def text_differs_from_head(self, article_id: int) -> bool:
        """True when the article's text or fields differ from its working head (status aside)."""
        with self._tx.lock:
            row = self.db.execute(
                "SELECT r.title, r.body, r.metadata FROM article_heads h JOIN revisions r"
                " ON r.id = h.revision_id WHERE h.article_id = ?", [article_id]).fetchone()
            if row is None:
                return True
            article = self.get_article(article_id)
        head = json.loads(row[2] or "{}")
        now = json.loads(self._revision_metadata(article))
        head.pop("status", None)
        now.pop("status", None)
        return (row[0], row[1], head) != (article.title, article.body, now)

    def outgoing_revisions(self, after_seq: int, limit: int) -> list[OutgoingRevision]:
        """Revisions that reached this library after the local sequence ``after_seq``, in order."""
        with self._tx.lock:
            rows = self.db.execute(
                "SELECT s.seq, a.uuid, a.id, r.id, r.uid, r.title, r.body, r.metadata, r.author,"
                " r.reason, r.created_at, r.origin FROM revision_sequence s"
                " JOIN revisions r ON r.id = s.revision_id JOIN articles a ON a.id = r.article_id"
                " WHERE s.seq > ? ORDER BY s.seq LIMIT ?", [after_seq, limit]).fetchall()
            parents = self._parent_uids([r[3] for r in rows])
        return [OutgoingRevision(seq, uuid, aid, uid, parents.get(rid, ()), title, body,
                                 json.loads(meta or "{}"), author or "", reason or "",
                                 created or "", origin or "")
                for seq, uuid, aid, rid, uid, title, body, meta, author, reason, created, origin in rows]

    def revision_cursor(self) -> int:
        """The newest local revision sequence number (the push cursor after a full push)."""
        with self._tx.lock:
            return self.db.execute("SELECT coalesce(max(seq), 0) FROM revision_sequence").fetchone()[0]
