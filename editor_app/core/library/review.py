"""The workflow: status changes and their audit trail (the rules are core/models.py's)."""

from __future__ import annotations

import sqlite3

from editor_app.core.errors import InputError, NotFoundError, TransitionError
from editor_app.core.library.connection import inserted_id, utc_now
from editor_app.core.library.store import StoreBase
from editor_app.core.models import (
    BLOCKED_WHILE_IN_CONFLICT,
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


class ReviewStore(StoreBase):
    """Mixin of Library: the workflow trail of each article."""

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
            event_id = inserted_id(cur)
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
                             outside: bool = False, imported: bool = False) -> sqlite3.Cursor:
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
