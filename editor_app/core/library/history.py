"""Library mixin: extra queries for review, revision history and pre-flight (#6)."""

from __future__ import annotations


class HistoryStore:
    """Mixin of Library (see editor_app/core/library/__init__.py)."""
