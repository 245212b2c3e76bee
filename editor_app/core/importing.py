"""Importing files into a library: all files are read and checked before anything is written."""

from __future__ import annotations

import pathlib
from dataclasses import dataclass

from editor_app.core.errors import InputError
from editor_app.core.importers import read_article_file
from editor_app.core.models import Article, Status
from editor_app.core.text import legacy_slug, slugify


@dataclass(frozen=True)
class ImportResult:
    id: int
    slug: str
    title: str
    created: bool
    source: str

    def as_dict(self) -> dict:
        return {"id": self.id, "slug": self.slug, "title": self.title,
                "created": self.created, "source": self.source}


def _article_with_slug(library, slug: str) -> int | None:
    if not slug:
        return None
    try:
        return library.resolve_id(slug)
    except Exception:  # NotFoundError: a new article
        return None


def import_articles(library, articles: list[tuple[str, Article]], *, who: str = "") -> list[ImportResult]:
    """Store parsed articles in ONE transaction; an existing slug gets a new revision.

    Related slugs in front matter (``related: [...]``) are pinned once every
    article of the batch exists, so a batch may reference itself in any order.
    """
    results: list[ImportResult] = []
    with library.transaction():
        for source, article in articles:
            slug = article.slug or slugify(article.title)
            existing = _article_with_slug(library, slug)
            if existing is None and not article.slug:
                # made before slugs were transliterated ("odz-strae" for "Łódź Straße")
                old = legacy_slug(article.title)
                if old != slug and _article_with_slug(library, old) is not None:
                    slug, existing = old, _article_with_slug(library, old)
            if existing is not None and library.get_article(existing).slug == slug:
                fields = {name: getattr(article, name) for name in
                          ("title", "kind", "interviewee", "author", "date", "language",
                           "summary", "body", "extra")}
                stored = library.update_article(existing, tags=article.tags, who=who,
                                                revision_reason="import", **fields)
                results.append(ImportResult(stored.id, stored.slug, stored.title, False, source))
            else:
                stored = library.create_article(article, author=who or article.author,
                                                reason="import")
                if stored.status != Status.DRAFT:
                    library.record_status_event(stored.id, Status.DRAFT, stored.status,
                                                who=who, note=f"imported from {source}")
                results.append(ImportResult(stored.id, stored.slug, stored.title, True, source))
        for (_source, article), result in zip(articles, results, strict=True):
            for other in article.extra.get("related", []):
                try:
                    library.pin_related(result.id, other)
                except InputError:
                    raise
                except Exception:
                    # A related slug not in the library yet is kept in the article's
                    # front matter (extra) and can be pinned later; not an error.
                    continue
    return results


def import_files(library, paths: list[str | pathlib.Path], *, who: str = "") -> list[ImportResult]:
    """Read every file first (any bad file stops the import before a write), then store."""
    parsed = [(str(p), read_article_file(p)) for p in paths]
    return import_articles(library, parsed, who=who)
