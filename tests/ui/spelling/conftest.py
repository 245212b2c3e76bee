"""Fixtures of the spelling tests: one spelling service, with a personal word list in tmp_path,
and an empty folder of the user's own dictionaries."""

from __future__ import annotations

import pytest


@pytest.fixture
def service(tmp_path):
    from editor_app.ui.spelling.spelling_service import SpellService

    svc = SpellService(personal_path=tmp_path / "personal.txt")
    yield svc
    svc.shutdown()


@pytest.fixture
def user_folder(tmp_path):
    """An empty folder of the user's own dictionaries; languages are read afresh."""
    from editor_app.core.spelling import use_dictionary_folders

    folder = tmp_path / "dictionaries"
    use_dictionary_folders([folder])
    yield folder
    use_dictionary_folders([folder])  # forget what the test loaded
