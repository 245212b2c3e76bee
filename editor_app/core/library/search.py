"""Full-text search of the library (FTS5, bm25); fulltext.py says what the index sees."""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.core.library.fulltext import display_snippet, fts_query
from editor_app.core.library.store import StoreBase


@dataclass(frozen=True)
class SearchHit:
    id: int
    slug: str
    title: str
    snippet: str
    score: float

    def as_dict(self) -> dict:
        return {"id": self.id, "slug": self.slug, "title": self.title,
                "snippet": self.snippet, "score": self.score}


class SearchStore(StoreBase):
    """Mixin of Library: the search box and ``byline search``."""

    def search(self, query: str, *, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Full-text search ranked by bm25 (title weighs most), with a highlighted snippet."""
        match = fts_query(query)
        if not match:
            return []
        with self._tx.lock:
            rows = self.db.execute(
                "SELECT a.id, a.slug, a.title, "
                "snippet(articles_fts, 2, char(1), char(2), char(3), 12), "
                "bm25(articles_fts, 10.0, 4.0, 1.0) AS score, a.body "
                "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?",
                [match, limit, offset]).fetchall()
        # the index holds folded text (fulltext.py): snippets get the article's letters back
        return [SearchHit(r[0], r[1], r[2], display_snippet(r[3], r[5]), round(-r[4], 6))
                for r in rows]
