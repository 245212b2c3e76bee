"""Fixtures of the GUI tests: the signal hub and a settings file of the test's own."""

from __future__ import annotations

import pytest


@pytest.fixture
def signals():
    """A fresh signal hub, as app.py gives every panel."""
    from editor_app.ui.signals import AppSignals

    return AppSignals()


@pytest.fixture
def qsettings(tmp_path):
    """Window preferences in a file under tmp_path, never the user's own."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
