"""Library mixin: queries the exporter needs (assets of an article, batches by status) (#7)."""

from __future__ import annotations

from editor_app.core.models import Article, Status


class ExportStore:
    """Mixin of Library (see editor_app/core/library/__init__.py)."""

    def export_snapshot(self, article_id: int, *, author: str = "") -> tuple[Article, int, str]:
        """The article as one revision: (article, revision number, revision created_at).

        The first export fixes the article's slug (it stops following the headline).
        Autosave updates the article row without a revision; exporting keeps a
        revision first (only when the text differs from the last one), so every
        bundle names a revision that holds exactly what was exported, and
        exporting again without edits names the same revision (same bytes).
        """
        with self._tx.lock:  # the usual case, exporting again: nothing to write, no write lock
            article = self.get_article(article_id)
            last = self._last_revision(article_id)
            if last and (last[1], last[2], last[3]) == (article.title, article.body,
                                                         self._revision_metadata(article)) \
                    and not self.slug_follows_headline(article_id):
                return article, last[0], last[4]
        with self._tx.write():
            self._fix_slug(article_id)  # the bundle's folder is its address from now on (#17)
            article = self.get_article(article_id)
            self._snapshot(article_id, reason="export", author=author, skip_if_unchanged=True,
                           article=article)
            last = self._last_revision(article_id)  # the working head, not the newest arrival
            number, created = last[0], last[4]
        return article, number, created

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

    def ids_with_status(self, status: str | Status) -> list[int]:
        """Article ids with a status, newest dateline first (a batch export of "approved")."""
        value = Status.parse(status).value
        with self._tx.lock:
            return [r[0] for r in self.db.execute(
                "SELECT id FROM articles WHERE status = ? ORDER BY date DESC, id DESC", [value])]

    def missing_assets(self, names: list[str]) -> list[str]:
        """Which ``<sha256>.<ext>`` names have no image stored in the library, in order."""
        missing = []
        with self._tx.lock:
            for name in names:
                digest = name.split(".", 1)[0]
                if self.db.execute("SELECT 1 FROM assets WHERE sha256 = ?", [digest]).fetchone() is None:
                    missing.append(name)
        return missing

    def asset_data(self, sha256: str) -> bytes | None:
        with self._tx.lock:
            row = self.db.execute("SELECT data FROM assets WHERE sha256 = ?", [sha256]).fetchone()
        return bytes(row[0]) if row else None
