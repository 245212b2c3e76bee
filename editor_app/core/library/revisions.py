"""Revisions of an article: snapshots, the history list, restoring an old text.

A revision is kept on close, on a status change, every few minutes and before
an export; the graph they form (parents, heads, conflicts) is graph.py's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor_app.core.errors import NotFoundError
from editor_app.core.ids import new_uid
from editor_app.core.library.connection import utc_now
from editor_app.core.library.store import StoreBase
from editor_app.core.models import Article, Revision

if TYPE_CHECKING:
    from editor_app.core.library.article_rows import EditRule


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


class RevisionStore(StoreBase):
    """Mixin of Library: the revisions of each article."""

    # -- keeping ---------------------------------------------------------------------
    @staticmethod
    def _revision_metadata(art: Article) -> str:
        """The JSON a revision keeps beside title and body (compared to skip unchanged ones)."""
        metadata = {name: getattr(art, name) for name in
                    ("kind", "interviewee", "author", "date", "language", "summary", "slug")}
        metadata["kind"] = art.kind.value
        metadata["status"] = art.status.value
        metadata["tags"] = art.tags
        metadata["extra"] = art.extra
        return json.dumps(metadata, ensure_ascii=False, sort_keys=True)

    def _last_revision(self, article_id: int) -> tuple | None:
        """(number, title, body, metadata, created_at) of the working head, or None.

        The working head is the revision the current text continues from: after
        a version from elsewhere arrived in conflict it is not the newest number.
        """
        return self.db.execute(
            "SELECT r.number, r.title, r.body, r.metadata, r.created_at FROM article_heads h"
            " JOIN revisions r ON r.id = h.revision_id WHERE h.article_id = ?",
            [article_id]).fetchone()

    def _snapshot(self, article_id: int, *, reason: str, author: str = "",
                  skip_if_unchanged: bool = False, article: Article | None = None) -> int | None:
        """Keep the article as a new revision, child of its working head (which it becomes).

        ``article``: the row as read inside this same transaction, when the caller has it.
        """
        art = article if article is not None else self.get_article(article_id)
        head = self.db.execute(
            "SELECT r.id, r.title, r.body, r.metadata FROM article_heads h"
            " JOIN revisions r ON r.id = h.revision_id WHERE h.article_id = ?",
            [article_id]).fetchone()
        meta_json = self._revision_metadata(art)
        if skip_if_unchanged and head and (head[1], head[2], head[3]) == (art.title, art.body, meta_json):
            return None
        rid = self._insert_revision(
            article_id, uid=new_uid(), title=art.title, body=art.body, metadata=meta_json,
            author=author, reason=reason, created_at=utc_now(), origin=self.library_uid,
            parent_ids=[head[0]] if head else [])
        self._set_head(article_id, rid)
        return rid

    def save_revision(self, article_id: int, *, reason: str, author: str = "",
                      skip_if_unchanged: bool = True) -> int | None:
        """Keep a snapshot (on close, status change, every few minutes); None if nothing changed."""
        with self._tx.write():
            return self._snapshot(article_id, reason=reason, author=author,
                                  skip_if_unchanged=skip_if_unchanged)

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
            assert last is not None  # a revision was kept just now, or was there already
            number, created = last[0], last[4]
        return article, number, created

    # -- reading ---------------------------------------------------------------------
    def revisions(self, article_id: int, *, with_body: bool = False) -> list[Revision]:
        """Revisions newest first; bodies only when asked (a history can hold thousands)."""
        body = "body" if with_body else "''"
        with self._tx.lock:
            rows = self.db.execute(
                f"SELECT id, article_id, number, title, {body}, metadata, author, reason, created_at,"
                " uid FROM revisions WHERE article_id = ? ORDER BY number DESC",
                [article_id]).fetchall()
            parents = self._article_parent_uids(article_id)
        return [self._revision_from_row(r, parents.get(r[0], ())) for r in rows]

    def get_revision(self, revision_id: int) -> Revision:
        with self._tx.lock:
            r = self.db.execute(
                "SELECT id, article_id, number, title, body, metadata, author, reason, created_at,"
                " uid FROM revisions WHERE id = ?", [revision_id]).fetchone()
            if r is None:
                raise NotFoundError(f"no revision with id {revision_id}")
            return self._revision_from_row(r, self._parent_uids([r[0]]).get(r[0], ()))

    def latest_revision_number(self, article_id: int) -> int:
        row = self.db.execute("SELECT max(number) FROM revisions WHERE article_id = ?",
                              [article_id]).fetchone()
        return row[0] or 0

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

    # -- restoring -------------------------------------------------------------------
    def restore_revision(self, revision_id: int, *, author: str = "",
                         refuse: EditRule | None = None) -> Article:
        """Bring back an old text as a NEW revision: history is never rewritten.

        ``refuse``: as in ``update_article`` (an approved story is reopened first).
        """
        rev = self.get_revision(revision_id)
        meta = rev.metadata
        fields = {k: meta[k] for k in ("kind", "interviewee", "author", "date", "language", "summary")
                  if k in meta}
        return self.update_article(rev.article_id, title=rev.title, body=rev.body,
                                   tags=meta.get("tags"), who=author, refuse=refuse,
                                   revision_reason=f"restore of revision {rev.number}", **fields)
