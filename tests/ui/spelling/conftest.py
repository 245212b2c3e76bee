"""Fixtures of the spelling tests: one spelling service, with a personal word list in tmp_path."""

from __future__ import annotations

import pytest


@pytest.fixture
def service(tmp_path):
    from editor_app.ui.spelling.spelling_service import SpellService

    svc = SpellService(personal_path=tmp_path / "personal.txt")
    yield svc
    svc.shutdown()
