"""Shared fixtures of the hardening tests."""

from __future__ import annotations

import pytest

from editor_app.core.library import Library
from editor_app.core.models import Article


@pytest.fixture
def lib(tmp_path):
    """A real library file with five stories (a test module may define its own ``lib``)."""
    library = Library.open(tmp_path / "news.byline")
    for i in range(5):
        library.create_article(Article(title=f"Story {i}", body=f"Body of story {i}. " * 50))
    yield library
    library.close()
