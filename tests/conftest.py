"""Shared fixtures. Qt runs offscreen; WebEngine runs without its sandbox under root."""

import os
import pathlib

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> pathlib.Path:
    """The public corpora in ../shared/data; tests that need them skip when absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def own_config_folder(tmp_path_factory, monkeypatch):
    """The person's settings (core/identity: name and role) in a folder of the test's own,
    never the user's: ``XDG_CONFIG_HOME`` is where platformdirs looks (and child processes
    inherit it)."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture(autouse=True, scope="session")
def own_cache_folder(tmp_path_factory):
    """Caches (the spelling lookup cache, #18) in a folder of the test run's own, never
    the user's; session-wide, so that module fixtures and child processes use it too."""
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("cache")
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder


@pytest.fixture
def library(tmp_path):
    """A fresh, empty library in a temporary folder."""
    from editor_app.core.library import Library

    lib = Library.open(tmp_path / "test.byline")
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def renderer():
    """The one renderer (markdown in worker processes), shared by the tests of a module:
    its processes take a moment to start, and every test may use it."""
    from editor_app.core.render import Renderer

    with Renderer() as shared:
        yield shared


@pytest.fixture
def make_window(qtbot, tmp_path, renderer):
    """``make_window(library)``: a main window as app.py builds it, at a laptop's 1366×768,
    with a settings file of its own; closed and shut down after the test."""
    from PySide6.QtCore import QSettings

    from editor_app.app import build_main_window

    made = []

    def make(library):
        settings = QSettings(str(tmp_path / f"settings-{len(made)}.ini"), QSettings.Format.IniFormat)
        win = build_main_window(library, settings=settings, renderer=renderer)
        qtbot.addWidget(win)
        win.resize(1366, 768)
        win.show()
        made.append(win)
        return win

    yield make
    for win in made:
        win.close_all_tabs()
        win.shutdown()
