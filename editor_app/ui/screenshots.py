"""Pictures of the window for the README (``make screenshots``: ``byline --screenshots DIR``).

Renders the main window offscreen on a temporary library seeded with the sample
articles, with a sample interview open, and writes ``main-window.png`` and
``preview.png``.  Nothing touches the user's library or settings. The composition
root (``app.run_screenshots``) passes in how to build the window.
"""

from __future__ import annotations

import os
import pathlib
import tempfile
from collections.abc import Callable

SAMPLE_SLUG = "amara-finch-interview"
WINDOW_SIZE = (1680, 980)


def take_screenshots(out: pathlib.Path, *, prepare: Callable[[], None],
                     build_window: Callable, build_renderer: Callable) -> int:
    """Write the pictures into ``out``; returns the exit status (1: the preview never came)."""
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    prepare()
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("Byline screenshots")
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")

    from editor_app.core.library import Library
    from editor_app.core.samples import seed_samples

    with tempfile.TemporaryDirectory() as temp:
        temp_path = pathlib.Path(temp)
        library = Library.open(temp_path / "newsroom.byline")
        seed_samples(library)
        # An editor sees the workflow buttons; a reporter would see none on an approved story.
        library.set_setting("user.role", "editor")
        library.set_setting("user.name", "Nadia Brook")
        settings = QSettings(str(temp_path / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("appearance/theme", "light")
        renderer = build_renderer()
        window = build_window(library, settings=settings, renderer=renderer)
        window.resize(*WINDOW_SIZE)
        window.splitter.setSizes([470, WINDOW_SIZE[0] - 470])
        window.show()
        article_id = library.resolve_id(SAMPLE_SLUG)
        window.select_in_library(article_id)
        tab = window.open_article(article_id)
        tab.splitter.setSizes([600, 610])
        # Put the cursor in the second question, as a reporter at work would.
        block = tab.editor.document().findBlockByNumber(6)
        cursor = tab.editor.textCursor()
        cursor.setPosition(block.position() + 12)
        tab.editor.setTextCursor(cursor)
        result: dict[str, int] = {"code": 0}

        def shoot() -> None:
            if result.get("shot"):
                return
            result["shot"] = 1
            window.statusBar().clearMessage()
            window.grab().save(str(out / "main-window.png"))
            tab.preview.grab().save(str(out / "preview.png"))
            print(f"wrote {out / 'main-window.png'} and {out / 'preview.png'}")
            window.close()

        def when_ready(_generation: int = 0) -> None:
            # Give the web view a moment to paint after the DOM update.
            QTimer.singleShot(800, shoot)

        tab.preview.updated.connect(when_ready)
        QTimer.singleShot(20000, lambda: (result.update(code=1), shoot()))
        app.exec()
        window.shutdown()
        renderer.close()
        library.close()
    return result["code"]
