"""What every subject store of the library shares, for the stores and for the type checker.

``Library`` is assembled from one mixin per subject (see ``__init__.py``). They
share the connection (``db``), its lock and transactions (``_tx``) and the file's
path; a few use another subject's methods (an article's tags, the record a
change writes, the revision an article keeps). ``StoreBase`` declares those for
the type checker only, so that each mixin is checked on its own: the list below
is what one subject borrows from another, and mypy proves each entry matches
the method it names (a mixin's definition overrides its entry here).
"""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor_app.core.library.article_rows import ArticleSummary, EditRule
    from editor_app.core.library.connection import Transactions
    from editor_app.core.library.sqlite import Database
    from editor_app.core.models import Article, Revision, Tag


class StoreBase:
    """The state of an open library that every subject store works on."""

    path: pathlib.Path
    db: Database
    _tx: Transactions

    if TYPE_CHECKING:
        @property
        def read_only(self) -> str | None: ...  # __init__.py

        # articles.py
        def resolve_id(self, id_or_slug: int | str) -> int: ...
        def get_article(self, id_or_slug: int) -> Article: ...
        def list_articles(self, *, status: str | None = None, tag: str | None = None,
                          ids: list[int] | None = None, order: str = "date",
                          descending: bool = True, limit: int | None = None,
                          offset: int = 0) -> list[ArticleSummary]: ...
        def update_article(self, article_id: int, *, expected_version: int | None = None,
                           who: str = "", revision_reason: str | None = None,
                           tags: list[str] | None = None, refuse: EditRule | None = None,
                           **fields: Any) -> Article: ...
        def slug_follows_headline(self, article_id: int) -> bool: ...
        def _fix_slug(self, article_id: int) -> None: ...
        def _unique_slug(self, wanted: str, exclude_id: int | None = None) -> str: ...
        def _bump(self, article_id: int) -> None: ...

        # revisions.py
        @staticmethod
        def _revision_metadata(art: Article) -> str: ...
        def _snapshot(self, article_id: int, *, reason: str, author: str = "",
                      skip_if_unchanged: bool = False,
                      article: Article | None = None) -> int | None: ...

        # graph.py
        @property
        def library_uid(self) -> str: ...
        def _revision_from_row(self, row: tuple, parents: tuple[str, ...]) -> Revision: ...
        def _parent_uids(self, revision_ids: list[int]) -> dict[int, tuple[str, ...]]: ...
        def _article_parent_uids(self, article_id: int) -> dict[int, tuple[str, ...]]: ...
        def _insert_revision(self, article_id: int, *, uid: str, title: str, body: str,
                             metadata: str, author: str, reason: str, created_at: str,
                             origin: str, parent_ids: list[int]) -> int: ...
        def _set_head(self, article_id: int, revision_id: int) -> None: ...

        # tags.py
        def _tags_for(self, article_ids: list[int]) -> dict[int, list[str]]: ...
        def article_tags(self, article_id: int) -> list[str]: ...
        def get_tag(self, tag_id: int) -> Tag: ...
        def set_tags(self, article_id: int, names: list[str], *, _bump: bool = True,
                     _record: bool = True, who: str = "") -> list[str]: ...

        # records.py
        def _article_uuid(self, article_id: int) -> str: ...
        def _log_record(self, kind: str, *, article: str = "", key: str = "", data: dict,
                        author: str = "", uid: str | None = None) -> str: ...
        def _log_genesis(self, article_id: int, article_uuid: str, status: str) -> None: ...
        def _forget_records(self, article_uuid: str) -> None: ...

        # exchange.py
        def _write_article_content(self, article_id: int, values: dict) -> None: ...
