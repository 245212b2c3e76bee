"""Child process of test_gui_kill.py: the REAL Byline window, typing into an open article.

    QT_QPA_PLATFORM=offscreen python tests/hardening/gui_typist.py LIBRARY ARTICLE_ID SETTINGS.ini SEED

Builds the window exactly as ``editor_app.app.run_gui`` does (renderer,
main window, article tab with its AutosaveTimer and AutosaveService), then
sends real key events to the editor: one word ``w<seq>`` after another, with
the pauses of a person typing. Prints, flushed, the same protocol as
autosave_child.py: ``ready``, ``edit <seq> <time>`` once a word is in the
editor, ``saved <seq> <time>`` when the autosave service reports a commit.
"""

from __future__ import annotations

import os
import pathlib
import random
import re
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_LAST_WORD = re.compile(r"w(\d+)\s*$")


def main() -> int:
    library_path, article_id, settings_path, seed = sys.argv[1:5]
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from editor_app.app import build_main_window, build_renderer, prepare_environment
    from editor_app.library_file import open_library

    prepare_environment()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    library = open_library(pathlib.Path(library_path), explicit=True)
    renderer = build_renderer()
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    window = build_main_window(library, settings=settings, renderer=renderer)
    window.show()
    tab = window.open_article(int(article_id))
    editor = tab.editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.setFocus()
    match = _LAST_WORD.search(editor.toPlainText())
    state = {"seq": int(match.group(1)) if match else 0}
    rng = random.Random(int(seed))

    def on_saved(result) -> None:
        if result.error is None and result.request.article_id == int(article_id):
            found = _LAST_WORD.search(result.request.fields.get("body", ""))
            print(f"saved {found.group(1) if found else 0} {time.time():.6f}", flush=True)

    window.saver.finished.connect(on_saved)

    def type_word() -> None:
        state["seq"] += 1
        QTest.keyClicks(editor, f" w{state['seq']}")
        print(f"edit {state['seq']} {time.time():.6f}", flush=True)
        pause = rng.uniform(0.3, 0.9) if rng.random() < 0.05 else rng.uniform(0.03, 0.12)
        QTimer.singleShot(int(pause * 1000), Qt.TimerType.PreciseTimer, type_word)

    def start() -> None:
        print(f"ready {time.time():.6f}", flush=True)
        type_word()

    QTimer.singleShot(0, start)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
