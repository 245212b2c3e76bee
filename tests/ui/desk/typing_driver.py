"""Run the real ``byline open ID`` GUI and type into it, reporting progress on stdout.

Used by test_autosave_kill.py: it starts this script as a subprocess, reads lines
``typed N at T`` (N characters typed so far, T = time.time()), kills the process
with SIGKILL and then checks what reached the library.  Usage:

    python tests/ui/desk/typing_driver.py LIBRARY ARTICLE_ID
"""

from __future__ import annotations

import os
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
INTERVAL_MS = 25


def main() -> int:
    library_path, article_id = sys.argv[1], sys.argv[2]
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("Byline kill test")
    app = QApplication([])
    state = {"typed": 0}

    def type_one() -> None:
        window = next((w for w in app.topLevelWidgets() if hasattr(w, "current_article_tab")), None)
        tab = window.current_article_tab() if window is not None else None
        if tab is None:
            return
        editor = tab.editor
        if state["typed"] == 0:
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            print(f"ready {tab.article_id} focus={editor.hasFocus()}", flush=True)
        editor.insertPlainText(ALPHABET[state["typed"] % len(ALPHABET)])
        state["typed"] += 1
        print(f"typed {state['typed']} at {time.time():.3f}", flush=True)

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(INTERVAL_MS)
    from editor_app.cli import main as cli_main

    return cli_main(["--library", library_path, "open", article_id])


if __name__ == "__main__":
    raise SystemExit(main())
