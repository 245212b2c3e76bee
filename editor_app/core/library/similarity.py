"""Library mixin: queries for tag and related-news suggestions (FTS5 bm25, tag statistics) — owned by #5."""

from __future__ import annotations


class SimilarityStore:
    """Mixin of Library (see editor_app/core/library/__init__.py)."""
