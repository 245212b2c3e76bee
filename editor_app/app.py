"""Composition root: builds settings, the library, services and the main window.

Nothing else in Byline creates long-lived objects or connects app-wide signals;
modules have no side effects at import time.
"""

from __future__ import annotations

import os
import pathlib
import sys


def prepare_environment() -> None:
    """Settings Qt reads at start-up: WebEngine refuses to run as root with its sandbox."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") \
            and sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def tune_interpreter() -> None:
    """Hand the GIL back to the GUI thread sooner than Python's default 5 ms.

    Render, save and spelling threads run Python too; with the default switch
    interval a keystroke could wait 5 ms for the GIL twice over.  1 ms costs the
    workers a little throughput and keeps typing under the 5 ms budget.
    """
    sys.setswitchinterval(0.001)


def open_library_for_gui(path: pathlib.Path, *, explicit: bool):
    """Open the library; the default one is created and seeded with samples on first launch."""
    from editor_app.core.library import Library
    from editor_app.core.samples import seed_samples

    if not explicit:
        path.parent.mkdir(parents=True, exist_ok=True)
    library = Library.open(path)
    if library.created and not explicit:
        seed_samples(library)
    return library


def build_renderer():
    """The one renderer of the process (its worker processes start in the background)."""
    from editor_app.core.render.renderer import Renderer

    return Renderer()


def build_main_window(library, *, settings=None, renderer=None):
    """Create the signal hub and the main window and wire them; returns the window.

    Without a renderer the window makes its own when the first article opens.
    """
    from editor_app.ui.main_window import MainWindow
    from editor_app.ui.signals import AppSignals

    signals = AppSignals()
    window = MainWindow(library, signals, settings=settings, renderer=renderer)
    window.signals_hub = signals  # keep the hub alive as long as the window
    return window


def run_gui(*, library_path: pathlib.Path, explicit: bool, open_id: str | None = None,
            smoke_test: bool = False) -> int:
    prepare_environment()
    tune_interpreter()
    if smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from editor_app.core.errors import BylineError

    QCoreApplication.setOrganizationName("Byline")
    QCoreApplication.setApplicationName("Byline")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        library = open_library_for_gui(library_path, explicit=explicit)
        open_article = library.get_article(open_id).id if open_id else None
    except BylineError as exc:
        print(f"byline: error: {exc}", file=sys.stderr)
        if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            QMessageBox.critical(None, "Byline cannot start", str(exc))
        return 1
    renderer = build_renderer()
    window = build_main_window(library, renderer=renderer)
    window.restore_layout()
    window.show()
    window.restore_session()
    if open_article is not None:
        window.library_panel.select_article(open_article)
        window.signals_hub.open_article_requested.emit(open_article)
        window.activateWindow()
    elif library.count_articles():
        window.library_panel.table.selectRow(0)
    if smoke_test:
        QTimer.singleShot(500, window.close)
    code = app.exec()
    window.shutdown()
    renderer.close()
    library.close()
    return code
