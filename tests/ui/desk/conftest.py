"""Fixtures of the writing-desk tests: the autosave worker and an interview to open."""

from __future__ import annotations

import pytest

from tests.ui.desk.helpers import make_interview


@pytest.fixture
def saver(library):
    """The save worker an ArticleTab hands its writes to (closed after the test)."""
    from editor_app.ui.desk.autosave import AutosaveService

    service = AutosaveService(library)
    yield service
    service.close()


@pytest.fixture
def interview(library):
    """A short interview with a lede, two questions and their answers."""
    return make_interview(library)
