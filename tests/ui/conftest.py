"""Fixtures of the GUI tests: the signal hub and a settings file of the test's own."""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

import pytest

from editor_app.core.resources import resource_path

TRANSLATIONS = resource_path("translations")


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


_modal_closer = None


@pytest.fixture(autouse=True)
def _no_modal_left_at_teardown(qtbot):
    """A test that fails with a message box or dialog still open (the window's own
    "could not be saved" question at close, say) must fail, not hang the run: while
    the test's widgets are torn down, any modal dialog left open is rejected."""
    global _modal_closer
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    if _modal_closer is not None:
        _modal_closer.stop()
    yield

    def reject_modal() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog):
            widget.reject()
        elif widget is not None:
            widget.close()

    _modal_closer = QTimer(interval=200)
    _modal_closer.timeout.connect(reject_modal)
    _modal_closer.start()


# -- building and loading the translations ---------------------------------------------------
def _lrelease() -> str:
    beside = pathlib.Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside) if beside.is_file() else shutil.which("pyside6-lrelease")
    if not found:
        pytest.skip("pyside6-lrelease is not installed")
    return found


@pytest.fixture(scope="module")
def lt_folder(tmp_path_factory) -> pathlib.Path:
    """Every *_lt.ts built into a .qm of its own (what `make translations` does), so the
    test reads the .ts files as they are, built or not."""
    sources = sorted(TRANSLATIONS.glob("*_lt.ts"))
    assert sources, f"no Lithuanian translations in {TRANSLATIONS}"
    out = tmp_path_factory.mktemp("qm")
    for ts in sources:
        subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(out / f"{ts.stem}.qm")],
                       check=True)
    return out


@pytest.fixture
def lithuanian(qapp, lt_folder):
    from editor_app.ui.translations import install_translations, remove_translations

    translators = install_translations("lt", qapp, folder=lt_folder)
    assert len(translators) >= len(list(lt_folder.glob("*.qm")))
    yield translators
    remove_translations(translators, qapp)
