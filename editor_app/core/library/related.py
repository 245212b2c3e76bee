"""Pinned and banned related articles: the ordered "Related news" list of a story."""

from __future__ import annotations

from editor_app.core.errors import InputError, NotFoundError
from editor_app.core.library.article_rows import ArticleSummary
from editor_app.core.library.store import StoreBase
from editor_app.core.models import Status


class RelatedStore(StoreBase):
    """Mixin of Library: the editor's choice of related news."""

    def pinned_related(self, article_id: int) -> list[ArticleSummary]:
        """The pinned list, in the editor's order."""
        with self._tx.lock:
            ids = [r[0] for r in self.db.execute(
                "SELECT other_id FROM related_pins WHERE article_id = ? ORDER BY position",
                [article_id])]
        by_id = {a.id: a for a in self.list_articles(ids=ids)}
        return [by_id[i] for i in ids if i in by_id]

    def pin_related(self, article_id: int, other: int | str, *, position: int | None = None) -> None:
        """Pin ``other`` under the story (at the end unless a position is given)."""
        other_id = self.resolve_id(other)
        if other_id == article_id:
            raise InputError("an article cannot be related to itself")
        with self._tx.write() as db:
            row = db.execute("SELECT status FROM articles WHERE id = ?", [other_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no article with id or slug {other!r}")
            if row[0] == "spiked":
                raise InputError(f"article {other!r} is spiked and cannot run as related news")
            ids = [r[0] for r in db.execute(
                "SELECT other_id FROM related_pins WHERE article_id = ? ORDER BY position",
                [article_id])]
            if other_id in ids:
                ids.remove(other_id)
            ids.insert(len(ids) if position is None else max(0, position), other_id)
            self._write_pins(article_id, ids)
            db.execute("DELETE FROM related_bans WHERE article_id = ? AND other_id = ?",
                       [article_id, other_id])
            self._log_related(article_id, other_id, "pinned", ids)

    def unpin_related(self, article_id: int, other: int | str) -> None:
        other_id = self.resolve_id(other)
        with self._tx.write() as db:
            ids = [r[0] for r in db.execute(
                "SELECT other_id FROM related_pins WHERE article_id = ? ORDER BY position",
                [article_id])]
            if other_id not in ids:
                raise NotFoundError(f"article {other!r} is not pinned to this story")
            ids.remove(other_id)
            self._write_pins(article_id, ids)
            self._log_related(article_id, other_id, "none", ids)

    def reorder_related(self, article_id: int, ordered_ids: list[int]) -> None:
        """Store a new order of the same pinned articles (drag and drop)."""
        with self._tx.write() as db:
            current = {r[0] for r in db.execute(
                "SELECT other_id FROM related_pins WHERE article_id = ?", [article_id])}
            if set(ordered_ids) != current or len(ordered_ids) != len(current):
                raise InputError("the new order must contain exactly the pinned articles")
            self._write_pins(article_id, ordered_ids)
            self._log_related(article_id, None, None, ordered_ids)

    def _write_pins(self, article_id: int, ids: list[int]) -> None:
        self.db.execute("DELETE FROM related_pins WHERE article_id = ?", [article_id])
        self.db.conn.executemany(
            "INSERT INTO related_pins (article_id, other_id, position) VALUES (?, ?, ?)",
            [(article_id, oid, pos) for pos, oid in enumerate(ids)])
        self._bump(article_id)

    def ban_related(self, article_id: int, other: int | str) -> None:
        """Never suggest ``other`` for this story again (and unpin it)."""
        other_id = self.resolve_id(other)
        with self._tx.write() as db:
            db.execute("INSERT OR IGNORE INTO related_bans (article_id, other_id) VALUES (?, ?)",
                       [article_id, other_id])
            ids = [r[0] for r in db.execute(
                "SELECT other_id FROM related_pins WHERE article_id = ? ORDER BY position",
                [article_id]) if r[0] != other_id]
            self._write_pins(article_id, ids)
            self._log_related(article_id, other_id, "banned", ids)

    def unban_related(self, article_id: int, other: int | str) -> None:
        other_id = self.resolve_id(other)
        with self._tx.write() as db:
            if db.execute("DELETE FROM related_bans WHERE article_id = ? AND other_id = ?",
                          [article_id, other_id]).rowcount:
                self._log_related(article_id, other_id, "none", None)

    def _log_related(self, article_id: int, other_id: int | None, state: str | None,
                     order: list[int] | None) -> None:
        """Records of a pin, unpin, ban or new order (#14): other articles by their uuid."""
        article = self._article_uuid(article_id)
        if other_id is not None:
            self._log_record("related", article=article, key=self._article_uuid(other_id),
                             data={"state": state})
        if order is not None:
            uuids = [self._article_uuid(i) for i in order]
            self._log_record("related.order", article=article, data={"order": uuids})

    def banned_related(self, article_id: int) -> set[int]:
        with self._tx.lock:
            return {r[0] for r in self.db.execute(
                "SELECT other_id FROM related_bans WHERE article_id = ?", [article_id])}

    def export_related(self, article_id: int) -> list[dict]:
        """Pinned related stories with what their frozen excerpt needs; spiked ones left out."""
        with self._tx.lock:
            rows = self.db.execute(
                "SELECT a.id, a.uuid, a.slug, a.title, a.date, a.summary, a.body "
                "FROM related_pins p JOIN articles a ON a.id = p.other_id "
                "WHERE p.article_id = ? AND a.status != ? ORDER BY p.position",
                [article_id, Status.SPIKED.value]).fetchall()
        keys = ("id", "uuid", "slug", "title", "date", "summary", "body")
        return [dict(zip(keys, row, strict=True)) for row in rows]
