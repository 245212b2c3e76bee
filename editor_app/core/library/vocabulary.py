"""Library mixin: tag vocabulary management (rename, merge, aliases, descriptions) — owned by the tags/related work (#5)."""

from __future__ import annotations


class VocabularyStore:
    """Mixin of Library (see editor_app/core/library/__init__.py)."""
