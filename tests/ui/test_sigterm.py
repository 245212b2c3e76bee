"""SIGTERM (log-out, shutdown) closes the window through the normal path: tabs are saved."""

import os
import signal

from editor_app.app import build_main_window, install_quit_on_sigterm
from editor_app.core.models import Article


def test_sigterm_closes_the_window_and_saves_typing(qtbot, library, qsettings):
    article = library.create_article(Article(title="Late story", body="Saved.\n"))
    window = build_main_window(library, settings=qsettings,
                               watch_outside_changes=False)
    qtbot.addWidget(window)
    window.show()
    tab = window.open_article(article.id)
    tab.autosave.stop()
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    tab.editor.insertPlainText("Typed just before log-out.")
    tab.autosave.stop()
    previous = install_quit_on_sigterm(window)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert library.get_article(article.id).body.endswith("Typed just before log-out.")
    window.panels.shutdown()
