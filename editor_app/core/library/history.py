"""Library mixin: extra queries for review, revision history and pre-flight (#6).

The workflow logic itself lives in ``editor_app.core.review``; this file only
holds the SQL it needs, because SQL lives in the library package alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.core.errors import NotFoundError
from editor_app.core.library.connection import utc_now
from editor_app.core.models import Status


@dataclass(frozen=True)
class RevisionInfo:
    """One line of the history list: everything but the text, so 2,000 rows load fast."""

    id: int
    article_id: int
    number: int
    title: str
    author: str
    reason: str
    created_at: str

    def as_dict(self) -> dict:
        return {"id": self.id, "article_id": self.article_id, "number": self.number,
                "title": self.title, "author": self.author, "reason": self.reason,
                "created_at": self.created_at}


class HistoryStore:
    """Mixin of Library (see editor_app/core/library/__init__.py)."""

    # -- revision history ---------------------------------------------------
    def revision_log(self, article_id: int) -> list[RevisionInfo]:
        """Revisions newest first without bodies or metadata (no JSON to parse per row)."""
        with self._tx.lock:
            if not self.db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
                raise NotFoundError(f"no article with id {article_id}")
            rows = self.db.execute(
                "SELECT id, article_id, number, title, author, reason, created_at FROM revisions"
                " WHERE article_id = ? ORDER BY number DESC", [article_id]).fetchall()
        return [RevisionInfo(*r) for r in rows]

    def revision_text(self, revision_id: int) -> tuple[str, str]:
        """(title, body) of one revision: what the diff view compares."""
        with self._tx.lock:
            row = self.db.execute("SELECT title, body FROM revisions WHERE id = ?",
                                  [revision_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no revision with id {revision_id}")
        return row[0], row[1]

    # -- queues ---------------------------------------------------------------
    def count_by_status_and_author(self, status: str | Status, author: str) -> int:
        """Articles of one status bylined to ``author`` (the "My drafts" queue)."""
        with self._tx.lock:
            return self.db.execute(
                "SELECT count(*) FROM articles WHERE status = ? AND author = ?",
                [Status.parse(status).value, author]).fetchone()[0]

    # -- comments ----------------------------------------------------------------
    def unresolved_thread_count(self, article_id: int) -> int:
        """Open comment threads (replies share the state of their thread)."""
        with self._tx.lock:
            return self.db.execute(
                "SELECT count(*) FROM comments WHERE article_id = ? AND parent_id IS NULL"
                " AND resolved = 0", [article_id]).fetchone()[0]

    def update_comment_anchors(self, updates: list[tuple]) -> None:
        """Store re-anchored comments, ``(comment_id, start, end, quote[, context])``, in one write.

        The quote is updated too, so an edit inside a passage does not make the
        next re-anchoring search for text that no longer exists; so is the
        passage's context when given. Replies follow their thread.
        """
        if not updates:
            return
        now = utc_now()
        with self._tx.write() as db:
            db.conn.executemany(
                "UPDATE comments SET start = ?, \"end\" = ?, quote = ?, updated_at = ?"
                " WHERE id = ? OR parent_id = ?",
                [(u[1], u[2], u[3], now, u[0], u[0]) for u in updates])
            db.conn.executemany(
                "UPDATE comments SET context = ? WHERE id = ?",
                [(u[4], u[0]) for u in updates if len(u) > 4])

    # -- trail ---------------------------------------------------------------------
    def record_override_event(self, article_id: int, *, who: str = "", role: str = "",
                              note: str = "") -> None:
        """Trail entry for an override that does not change the status (an export).

        It is written as a move from the current status to itself, flagged as an
        override, so the trail stays one list of events a reviewer can read.
        """
        with self._tx.write() as db:
            row = db.execute("SELECT status FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            self._insert_status_event(article_id, row[0], row[0], who=who, role=role, note=note,
                                      override=True, created_at=utc_now(), outside=True)
