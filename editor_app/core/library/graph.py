"""Library mixin: the revision graph of each article, its working head and its conflicts (#14).

Every revision has a global ``uid`` and one parent, two for a merge. Of the
graph's heads (revisions without children) one is the article's *working head*:
the revision its current text continues from, which the next snapshot takes as
its parent. Any other head is a version from elsewhere that could not be merged
cleanly: it is listed in ``revision_conflicts`` and the article is "in conflict"
until a resolving revision takes both as parents.

``number`` stays a local counter: the order in which revisions reached this
library (parents always before children), shown in the history list. Nothing
is ordered by a clock.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from editor_app.core.errors import ConflictError, NotFoundError
from editor_app.core.library.connection import inserted_id, utc_now
from editor_app.core.library.store import StoreBase
from editor_app.core.models import Revision

_REVISION_COLUMNS = "id, article_id, number, title, body, metadata, author, reason, created_at, uid"


@dataclass(frozen=True)
class ConflictSummary:
    """One article of the "Conflicts" queue: what the list shows."""

    article_id: int
    slug: str
    title: str
    status: str
    #: Unmerged versions from elsewhere (revision ids), oldest arrival first.
    theirs: tuple[int, ...]
    detected_at: str

    def as_dict(self) -> dict:
        return {"id": self.article_id, "slug": self.slug, "title": self.title,
                "status": self.status, "theirs": list(self.theirs),
                "detected_at": self.detected_at}


class GraphStore(StoreBase):
    """Mixin of Library (see editor_app/core/library/__init__.py)."""

    # -- identity --------------------------------------------------------------
    @property
    def library_uid(self) -> str:
        """This library's own global id: the ``origin`` of the revisions and records it makes."""
        cached = getattr(self, "_library_uid", None)
        if cached is None:
            with self._tx.lock:
                row = self.db.execute("SELECT uid FROM library_identity WHERE id = 1").fetchone()
            cached = self._library_uid = row[0] if row else ""
        return cached

    # -- reading -------------------------------------------------------------
    def _revision_from_row(self, row: tuple, parents: tuple[str, ...]) -> Revision:
        return Revision(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), row[6],
                        row[7], row[8], row[9] or "", parents)

    def _parent_uids(self, revision_ids: list[int]) -> dict[int, tuple[str, ...]]:
        """Parent uids of some revisions (a few: each uid is read from its revision's row)."""
        out: dict[int, list[str]] = {}
        for start in range(0, len(revision_ids), 500):
            chunk = revision_ids[start:start + 500]
            for rid, uid in self.db.execute(
                    "SELECT p.revision_id, r.uid FROM revision_parents p JOIN revisions r"
                    f" ON r.id = p.parent_id WHERE p.revision_id IN ({','.join('?' * len(chunk))})"
                    " ORDER BY p.revision_id, p.position", chunk):
                out.setdefault(rid, []).append(uid)
        return {rid: tuple(uids) for rid, uids in out.items()}

    def _article_parent_uids(self, article_id: int) -> dict[int, tuple[str, ...]]:
        """Parent uids of every revision of an article, from the body-free index only."""
        uid_of = dict(self.db.execute(
            "SELECT id, uid FROM revisions WHERE article_id = ?",
            [article_id]).fetchall())
        out: dict[int, list[str]] = {}
        for rid, parent in self.db.execute(
                "SELECT rp.revision_id, rp.parent_id FROM revisions c"
                " JOIN revision_parents rp ON rp.revision_id = c.id WHERE c.article_id = ?"
                " ORDER BY rp.revision_id, rp.position", [article_id]):
            out.setdefault(rid, []).append(uid_of.get(parent, ""))
        return {rid: tuple(uids) for rid, uids in out.items()}

    def working_head(self, article_id: int) -> int | None:
        """The revision id the article's current text continues from (None: no revision yet)."""
        with self._tx.lock:
            row = self.db.execute("SELECT revision_id FROM article_heads WHERE article_id = ?",
                                  [article_id]).fetchone()
        return row[0] if row else None

    def revision_by_uid(self, uid: str) -> Revision:
        with self._tx.lock:
            row = self.db.execute(f"SELECT {_REVISION_COLUMNS} FROM revisions WHERE uid = ?",
                                  [uid]).fetchone()
            if row is None:
                raise NotFoundError(f"no revision with id {uid}")
            return self._revision_from_row(row, self._parent_uids([row[0]]).get(row[0], ()))

    def revision_graph(self, article_id: int) -> dict[str, tuple[str, ...]]:
        """``{revision uid: parent uids}`` of one article: what merge bases are found in."""
        with self._tx.lock:
            uid_of = dict(self.db.execute(
                "SELECT id, uid FROM revisions WHERE article_id = ?",
                [article_id]).fetchall())
            parents = self._article_parent_uids(article_id)
        return {uid: parents.get(rid, ()) for rid, uid in uid_of.items()}

    def revision_uids(self, uids: list[str]) -> dict[str, tuple[int, int]]:
        """``{uid: (revision id, article id)}`` for the given uids this library has."""
        out: dict[str, tuple[int, int]] = {}
        with self._tx.lock:
            for start in range(0, len(uids), 500):
                chunk = uids[start:start + 500]
                for uid, rid, aid in self.db.execute(
                        "SELECT uid, id, article_id FROM revisions WHERE uid IN"
                        f" ({','.join('?' * len(chunk))})", chunk):
                    out[uid] = (rid, aid)
        return out

    def revision_origins(self, article_id: int) -> dict[int, str]:
        """``{revision id: id of the library that made it}`` ("" for automatic merges, old history)."""
        with self._tx.lock:
            return dict(self.db.execute(
                "SELECT id, origin FROM revisions WHERE article_id = ?",
                [article_id]).fetchall())

    def revisions_since(self, seq: int, *, limit: int | None = None) -> list[tuple[int, int, int]]:
        """``(seq, revision id, article id)`` of revisions that reached this library after ``seq``.

        The cursor of a sync: a sequence of arrival, never a time, never reused.
        """
        sql = ("SELECT s.seq, r.id, r.article_id FROM revision_sequence s JOIN revisions r"
               " ON r.id = s.revision_id WHERE s.seq > ? ORDER BY s.seq")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._tx.lock:
            return [tuple(r) for r in self.db.execute(sql, [seq])]

    # -- writing ---------------------------------------------------------------
    def _set_head(self, article_id: int, revision_id: int) -> None:
        self.db.execute("INSERT INTO article_heads (article_id, revision_id) VALUES (?, ?)"
                        " ON CONFLICT(article_id) DO UPDATE SET revision_id = excluded.revision_id",
                        [article_id, revision_id])

    def _insert_revision(self, article_id: int, *, uid: str, title: str, body: str,
                         metadata: str, author: str, reason: str, created_at: str, origin: str,
                         parent_ids: list[int]) -> int:
        """Store one revision under the next local number; the caller holds the transaction."""
        row = self.db.execute("SELECT max(number) FROM revisions WHERE article_id = ?",
                              [article_id]).fetchone()
        number = (row[0] or 0) + 1
        cur = self.db.execute(
            "INSERT INTO revisions (article_id, number, title, body, metadata, author, reason,"
            " created_at, uid, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article_id, number, title, body, metadata, author, reason, created_at, uid, origin])
        rid = inserted_id(cur)
        self.db.execute("INSERT INTO revision_sequence (revision_id) VALUES (?)", [rid])
        self.db.conn.executemany(
            "INSERT INTO revision_parents (revision_id, parent_id, position) VALUES (?, ?, ?)",
            [(rid, parent, position) for position, parent in enumerate(parent_ids)])
        return rid

    # -- conflicts -------------------------------------------------------------
    def conflict_revisions(self, article_id: int) -> list[int]:
        """Unmerged versions from elsewhere of one article (revision ids), oldest first."""
        with self._tx.lock:
            return [r[0] for r in self.db.execute(
                "SELECT c.revision_id FROM revision_conflicts c JOIN revisions r"
                " ON r.id = c.revision_id WHERE c.article_id = ? ORDER BY r.number",
                [article_id])]

    def in_conflict(self, article_id: int) -> bool:
        """True while a version from elsewhere waits to be merged by a person."""
        with self._tx.lock:
            return self.db.execute("SELECT 1 FROM revision_conflicts WHERE article_id = ? LIMIT 1",
                                   [article_id]).fetchone() is not None

    def conflict_count(self) -> int:
        """Articles in conflict: the live count of the "Conflicts" queue."""
        with self._tx.lock:
            return self.db.execute(
                "SELECT count(DISTINCT article_id) FROM revision_conflicts").fetchone()[0]

    def conflicted_article_ids(self) -> list[int]:
        """Ids of the articles in conflict, for filtering the library list to the queue."""
        with self._tx.lock:
            return [r[0] for r in self.db.execute(
                "SELECT DISTINCT article_id FROM revision_conflicts ORDER BY article_id")]

    def conflicts(self) -> list[ConflictSummary]:
        """Every article in conflict, the one waiting longest first."""
        with self._tx.lock:
            rows = self.db.execute(
                "SELECT a.id, a.slug, a.title, a.status, group_concat(c.revision_id),"
                " min(c.detected_at) FROM revision_conflicts c JOIN articles a"
                " ON a.id = c.article_id GROUP BY a.id ORDER BY min(c.detected_at), a.id").fetchall()
        return [ConflictSummary(r[0], r[1], r[2], r[3],
                                tuple(sorted(int(x) for x in str(r[4]).split(","))), r[5])
                for r in rows]

    def _set_conflicts(self, article_id: int, revision_ids: list[int], detected_at: str) -> None:
        """Replace the article's unmerged versions (the set the last merge left)."""
        keep = set(revision_ids)
        current = {r[0] for r in self.db.execute(
            "SELECT revision_id FROM revision_conflicts WHERE article_id = ?", [article_id])}
        for rid in current - keep:
            self.db.execute("DELETE FROM revision_conflicts WHERE revision_id = ?", [rid])
        self.db.conn.executemany(
            "INSERT INTO revision_conflicts (revision_id, article_id, detected_at) VALUES (?, ?, ?)",
            [(rid, article_id, detected_at) for rid in sorted(keep - current)])

    # -- heads -----------------------------------------------------------------------
    def head_uids(self, article_id: int) -> tuple[str | None, list[str]]:
        """``(working head uid, uids of every head of the graph)``."""
        with self._tx.lock:
            row = self.db.execute(
                "SELECT r.uid FROM article_heads h JOIN revisions r ON r.id = h.revision_id"
                " WHERE h.article_id = ?", [article_id]).fetchone()
            heads = [r[0] for r in self.db.execute(
                "SELECT r.uid FROM revisions r WHERE r.article_id = ?"
                " AND NOT EXISTS"
                " (SELECT 1 FROM revision_parents p WHERE p.parent_id = r.id) ORDER BY r.number",
                [article_id])]
        return (row[0] if row else None), heads

    # -- resolving a conflict --------------------------------------------------------
    def store_resolution(self, article_id: int, values: dict, *, theirs_revision_id: int,
                         expected_version: int | None, who: str, reason: str) -> int:
        """The resolving revision (parents: mine, then theirs) and the article as resolved.

        Raises ConflictError when the article changed since the conflict was
        loaded, NotFoundError when that version from elsewhere is no longer in conflict.
        Returns the new revision's id.
        """
        from editor_app.core.ids import new_uid

        with self._tx.write() as db:
            row = db.execute("SELECT version FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            if expected_version is not None and row[0] != expected_version:
                raise ConflictError("the article was changed since the conflict was opened; "
                                    "open it again to see the change")
            if not db.execute("SELECT 1 FROM revision_conflicts WHERE revision_id = ? AND"
                              " article_id = ?", [theirs_revision_id, article_id]).fetchone():
                raise NotFoundError("that version is not in conflict any more")
            self._snapshot(article_id, reason="kept before resolving a conflict", author=who,
                           skip_if_unchanged=True)
            mine = db.execute("SELECT revision_id FROM article_heads WHERE article_id = ?",
                              [article_id]).fetchone()[0]
            self._write_article_content(article_id, values)
            article = self.get_article(article_id)
            rid = self._insert_revision(
                article_id, uid=new_uid(), title=article.title, body=article.body,
                metadata=self._revision_metadata(article), author=who, reason=reason,
                created_at=utc_now(), origin=self.library_uid,
                parent_ids=[mine, theirs_revision_id])
            self._set_head(article_id, rid)
            db.execute("DELETE FROM revision_conflicts WHERE revision_id = ?", [theirs_revision_id])
            self._bump(article_id)
        return rid
