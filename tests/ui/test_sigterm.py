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


def test_a_window_closed_before_the_first_run_question_is_not_asked(
        qtbot, library, qsettings):
    """The start-up schedules "Who is writing?" after the article's preview; a session that
    ends (SIGTERM) just before must not leave that dialog open on a closed window, where it
    kept the process alive until it was killed."""
    from PySide6.QtWidgets import QApplication

    from editor_app.app import ask_who_you_are_soon
    from editor_app.core.identity import identity_is_set
    from editor_app.ui.preferences.first_run import FirstRunDialog

    assert not identity_is_set()  # a first start: the question would be asked
    window = build_main_window(library, settings=qsettings, watch_outside_changes=False)
    qtbot.addWidget(window)
    window.show()
    ask_who_you_are_soon(window)
    assert window.close()
    qtbot.wait(50)
    asked = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, FirstRunDialog) and w.isVisible()]
    assert not asked and getattr(window, "first_run", None) is None
    window.panels.shutdown()
