"""Shared fixtures of the hardening tests."""

from __future__ import annotations

import os

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


@pytest.fixture
def big_library():
    """``big_library(path, images)``: a library of one story and ``images`` incompressible
    20 MB images, big enough that copying or chunking it can be killed halfway."""
    def make(path, images: int) -> Library:
        library = Library.open(path)
        library.create_article(Article(title="Kept story", body="Every word of it.\n"))
        for i in range(images):
            library.add_asset(os.urandom(20 * 1024 * 1024), name=f"photo-{i}.jpg",
                              mime="image/jpeg")
        return library

    return make
