"""Library mixin: queries the exporter needs (assets of an article, batches by status) (#7)."""

from __future__ import annotations


class ExportStore:
    """Mixin of Library (see editor_app/core/library/__init__.py)."""
