"""Comments anchored to passages of an article, with their replies (threads).

A thread's anchor (start, end, quote, context) follows the text as it is edited
(review/anchoring.py computes it; this file stores it).
"""

from __future__ import annotations

from editor_app.core.errors import InputError, NotFoundError
from editor_app.core.ids import new_uid
from editor_app.core.library.connection import inserted_id, utc_now
from editor_app.core.library.store import StoreBase
from editor_app.core.models import Comment
from editor_app.core.text import check_clean_text


class CommentStore(StoreBase):
    """Mixin of Library: the comments of each article."""

    def add_comment(self, article_id: int, *, text: str, author: str = "", quote: str = "",
                    start: int = 0, end: int = 0, parent_id: int | None = None,
                    context: str | None = None) -> Comment:
        """Store a comment on a passage (or a reply when ``parent_id`` is given).

        ``context`` (review.anchoring.passage_context) is computed from the stored
        body when not given; the desk passes its own, its text may be newer.
        """
        check_clean_text(text, "comment", multiline=True)
        check_clean_text(author, "author")
        check_clean_text(quote, "quote", multiline=True)
        if not text.strip():
            raise InputError("a comment needs some text")
        if parent_id is None and (not quote.strip() or end <= start):
            raise InputError("select the passage to comment on first (the selection is empty)")
        now = utc_now()
        with self._tx.write() as db:
            if not db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
                raise NotFoundError(f"no article with id {article_id}")
            if parent_id is not None:
                parent = db.execute("SELECT quote, start, \"end\" FROM comments WHERE id = ? AND "
                                    "article_id = ?", [parent_id, article_id]).fetchone()
                if parent is None:
                    raise NotFoundError(f"no comment with id {parent_id} on this article")
                quote, start, end = parent
                context = ""
            elif context is None:
                context = self._passage_context(article_id, quote, start, end)
            uid = new_uid()
            cur = db.execute(
                "INSERT INTO comments (article_id, parent_id, author, text, quote, start, \"end\","
                " resolved, created_at, updated_at, uid, context)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                [article_id, parent_id, author, text.strip(), quote, start, end, now, now, uid,
                 context])
            comment_id = inserted_id(cur)
            parent_uid = None if parent_id is None else db.execute(
                "SELECT uid FROM comments WHERE id = ?", [parent_id]).fetchone()[0]
            self._log_record("comment", article=self._article_uuid(article_id), key=uid, uid=uid,
                             author=author, data={"parent": parent_uid, "text": text.strip(),
                                                  "quote": quote, "start": start, "end": end})
        return self.get_comment(comment_id)

    def _passage_context(self, article_id: int, quote: str, start: int, end: int) -> str:
        from editor_app.core.review.anchoring import passage_context

        body = self.db.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        return passage_context(body, start, end) if body[start:end] == quote else ""

    def get_comment(self, comment_id: int) -> Comment:
        with self._tx.lock:
            r = self.db.execute(
                "SELECT id, article_id, author, text, quote, start, \"end\", created_at, parent_id,"
                " resolved, uid, context FROM comments WHERE id = ?", [comment_id]).fetchone()
        if r is None:
            raise NotFoundError(f"no comment with id {comment_id}")
        return Comment(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9]),
                       uid=r[10] or "", context=r[11])

    def comments(self, article_id: int) -> list[Comment]:
        with self._tx.lock:
            rows = self.db.execute(
                "SELECT id, article_id, author, text, quote, start, \"end\", created_at, parent_id,"
                " resolved, uid, context FROM comments WHERE article_id = ? ORDER BY id",
                [article_id]).fetchall()
        return [Comment(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9]),
                        uid=r[10] or "", context=r[11]) for r in rows]

    def unresolved_thread_count(self, article_id: int) -> int:
        """Open comment threads (replies share the state of their thread)."""
        with self._tx.lock:
            return self.db.execute(
                "SELECT count(*) FROM comments WHERE article_id = ? AND parent_id IS NULL"
                " AND resolved = 0", [article_id]).fetchone()[0]

    def set_comment_resolved(self, comment_id: int, resolved: bool, *, who: str = "") -> Comment:
        with self._tx.write() as db:
            if db.execute("UPDATE comments SET resolved = ?, updated_at = ? WHERE id = ?",
                          [1 if resolved else 0, utc_now(), comment_id]).rowcount == 0:
                raise NotFoundError(f"no comment with id {comment_id}")
            uid, article_id = db.execute("SELECT uid, article_id FROM comments WHERE id = ?",
                                         [comment_id]).fetchone()
            self._log_record("comment.state", article=self._article_uuid(article_id), key=uid,
                             author=who, data={"resolved": bool(resolved)})
        return self.get_comment(comment_id)

    # -- anchors ---------------------------------------------------------------------
    def move_comment_anchor(self, comment_id: int, start: int, end: int) -> None:
        """Remember where a comment's quote is now, after edits moved it."""
        with self._tx.write() as db:
            db.execute("UPDATE comments SET start = ?, \"end\" = ?, updated_at = ? WHERE id = ?",
                       [start, end, utc_now(), comment_id])

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
