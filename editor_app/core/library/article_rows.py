"""The shapes an article takes outside its full model: a row of the list, what an edit rule reads.

They live apart from articles.py so that every store (and store.py, which
declares what the stores borrow from each other) can name them without
importing the article store itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from editor_app.core.models import Status


@dataclass(frozen=True)
class ArticleState:
    """What a rule about changing an article reads inside the write (see ``update_article``)."""

    slug: str
    status: Status


#: a rule asked inside an article's write: the reason to refuse it, or None (update_article)
EditRule = Callable[[ArticleState], "str | None"]


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the library list: what the table shows, without the body."""

    id: int
    slug: str
    title: str
    kind: str
    status: str
    date: str
    tags: tuple[str, ...]
    updated_at: str
    author: str = ""

    def as_dict(self) -> dict:
        return {"id": self.id, "slug": self.slug, "title": self.title, "kind": self.kind,
                "status": self.status, "date": self.date, "tags": list(self.tags),
                "updated_at": self.updated_at}
