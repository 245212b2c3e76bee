"""Status changes with their audit trail, and comments anchored to passages."""

from __future__ import annotations

from editor_app.core.errors import InputError, NotFoundError, TransitionError
from editor_app.core.ids import new_uid
from editor_app.core.library.connection import utc_now
from editor_app.core.models import (
    BLOCKED_WHILE_IN_CONFLICT,
    Comment,
    Role,
    Status,
    StatusEvent,
    check_transition,
)
from editor_app.core.text import check_clean_text


def _clean_trail(who: str, note: str) -> None:
    """Refuse a name or note SQLite cannot store (a lone surrogate) or that could mislead."""
    check_clean_text(who, "who")
    check_clean_text(note, "note", multiline=True)


class ReviewStore:
    """Mixin of Library: the workflow trail and the comments of each article."""

    def set_status(self, article_id: int, new_status: str | Status, *, role: str | Role,
                   who: str = "", note: str = "", override: bool = False,
                   force: bool = False) -> StatusEvent:
        """Move an article through the workflow; the move and its trail entry are one write.

        ``force`` skips the transition table (an editor fixing a mistake); it is
        recorded as an override, like an approval over a failed pre-flight check.
        """
        new = Status.parse(new_status) if not isinstance(new_status, Status) else new_status
        role = Role.parse(role) if not isinstance(role, Role) else role
        _clean_trail(who, note)
        with self._tx.write() as db:
            row = db.execute("SELECT status FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            current = Status(row[0])
            if current == new:
                raise InputError(f"the article is already {new.value}")
            if not force:
                check_transition(current, new, role)
            self._refuse_while_in_conflict(article_id, new)
            now = utc_now()
            db.execute("UPDATE articles SET status = ?, version = version + 1, updated_at = ? "
                       "WHERE id = ?", [new.value, now, article_id])
            cur = self._insert_status_event(article_id, current.value, new.value, who=who,
                                            role=role.value, note=note,
                                            override=bool(override or force), created_at=now)
            self._snapshot(article_id, reason=f"status change: {current.value} → {new.value}",
                           author=who)
            if new == Status.PUBLISHED:
                self._fix_slug(article_id)  # readers have the address now (#17)
            event_id = cur.lastrowid
        return next(e for e in self.status_events(article_id) if e.id == event_id)

    def record_status_event(self, article_id: int, from_status: Status, to_status: Status, *,
                            who: str = "", role: str = "", note: str = "",
                            apply: bool = False) -> None:
        """Trail entry for a status that was set outside the workflow (an import).

        ``apply`` also sets the article's status to ``to_status`` in the same write.
        """
        _clean_trail(who, note)
        with self._tx.write() as db:
            if apply:
                db.execute("UPDATE articles SET status = ?, version = version + 1, updated_at = ?"
                           " WHERE id = ?", [Status(to_status).value, utc_now(), article_id])
            self._insert_status_event(article_id, Status(from_status).value, Status(to_status).value,
                                      who=who, role=role, note=note, override=False,
                                      created_at=utc_now(), outside=not apply, imported=apply)

    def _insert_status_event(self, article_id: int, from_status: str, to_status: str, *, who: str,
                             role: str, note: str, override: bool, created_at: str,
                             outside: bool = False, imported: bool = False):
        """The trail row and its record (#14), last in the article's trail; returns the cursor.

        ``outside``: an entry that moves nothing in the replay of the workflow (an
        override without a move): shown, never applied. ``imported``: a status an import
        set, as far as the importing role could move it (#19); the replay applies it
        without checking the table again, since it may stand for several moves.
        """
        article = self._article_uuid(article_id)
        data = {"from": from_status, "to": to_status, "role": role, "note": note,
                "override": override, "outside": outside}
        if imported:
            data["imported"] = True
        uid = self._log_record("status", article=article, author=who, data=data)
        return self.db.execute(
            "INSERT INTO status_events (article_id, from_status, to_status, who, role, note,"
            " override, created_at, uid, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " (SELECT coalesce(max(position), -1) + 1 FROM status_events WHERE article_id = ?))",
            [article_id, from_status, to_status, who, role, note, 1 if override else 0, created_at,
             uid, article_id])

    def _refuse_while_in_conflict(self, article_id: int, new: Status) -> None:
        """No move past "submitted" while versions from elsewhere wait to be merged (#14)."""
        if new in BLOCKED_WHILE_IN_CONFLICT and self.db.execute(
                "SELECT 1 FROM revision_conflicts WHERE article_id = ? LIMIT 1",
                [article_id]).fetchone():
            raise TransitionError(
                f"the article is in conflict (two versions from different libraries); resolve the "
                f"conflict before moving it to {new.value} (byline resolve {article_id})")

    def status_events(self, article_id: int) -> list[StatusEvent]:
        """The audit trail in the order of its causes, refused moves included (with why)."""
        with self._tx.lock:
            rows = self.db.execute(
                "SELECT id, article_id, from_status, to_status, who, role, note, override, created_at,"
                " uid, refused, refusal FROM status_events WHERE article_id = ?"
                " ORDER BY position, id", [article_id]).fetchall()
        return [StatusEvent(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9] or "",
                            bool(r[10]), r[11]) for r in rows]

    # -- comments ----------------------------------------------------------
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
            comment_id = cur.lastrowid
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

    def move_comment_anchor(self, comment_id: int, start: int, end: int) -> None:
        """Remember where a comment's quote is now, after edits moved it."""
        with self._tx.write() as db:
            db.execute("UPDATE comments SET start = ?, \"end\" = ?, updated_at = ? WHERE id = ?",
                       [start, end, utc_now(), comment_id])
