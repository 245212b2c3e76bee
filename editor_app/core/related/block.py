"""The items of an article's "Related news" block, as the renderer takes them.

One function for preview and export, so the block the editor sees is the one
the website gets: pinned order, spiked stories left out, excerpts frozen from the
other story's summary or first paragraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.core.render import RelatedItem, make_excerpt

if TYPE_CHECKING:
    from editor_app.core.library import Library


def related_news_items(library: Library, article_id: int) -> list[RelatedItem]:
    """The pinned related stories of ``article_id`` as RelatedItems (links to sibling bundles)."""
    return related_news_items_from(library.export_related(article_id))


def related_news_items_from(rows: list[dict]) -> list[RelatedItem]:
    """RelatedItems of rows read with ``Library.export_related``."""
    return [RelatedItem(title=row["title"], slug=row["slug"], date=row["date"],
                        excerpt=make_excerpt(row["summary"], row["body"]))
            for row in rows]
