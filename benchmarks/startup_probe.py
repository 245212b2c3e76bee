"""Runs a Qt program unchanged and reports when its window, text and preview reach the screen.

    python startup_probe.py REPORT_FILE MODULE [ARGS...]

Used by ``benchmarks/startup.py`` for Byline (PySide6) and ReText (PyQt6) alike, so
both programs are timed by the same rules.  Before the program's own code runs,
``QApplication`` is replaced by a subclass whose event filter watches paint
events; each moment is appended to REPORT_FILE as one JSON line with the wall
clock (``time.time()``, which the parent also read just before starting us):

- ``window``: the first paint of any widget inside a top-level main window;
- ``text``: the first paint of a text editor's viewport holding the opened article
  (more than ``TEXT_MIN_CHARS`` characters): the article is readable;
- ``preview``: the rendered article is on screen.  A QTextBrowser preview (ReText's)
  counts when its viewport paints with the text; Byline's web view counts when its
  PreviewPane reports the first rendered page shown (``shown_generation``), checked
  on every event the application handles.

The probe never changes what the program does; it only listens.
"""

from __future__ import annotations

import importlib
import json
import os
import runpy
import sys
import time

TEXT_MIN_CHARS = 2000


def main() -> None:
    report_path, module, *args = sys.argv[1:]
    binding = os.environ.get("PROBE_BINDING", "PySide6")
    qtcore = importlib.import_module(f"{binding}.QtCore")
    qtwidgets = importlib.import_module(f"{binding}.QtWidgets")
    seen: set[str] = set()

    def report(event: str) -> None:
        if event in seen:
            return
        seen.add(event)
        with open(report_path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"event": event, "t": time.time()}) + "\n")

    paint = qtcore.QEvent.Type.Paint
    text_edits = (qtwidgets.QPlainTextEdit, qtwidgets.QTextEdit)
    browser = qtwidgets.QTextBrowser
    main_window = qtwidgets.QMainWindow
    widget_class = qtwidgets.QWidget

    class Watcher(qtcore.QObject):
        checked = 0.0

        def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
            if len(seen) == 3:
                return False
            try:
                if event.type() == paint and isinstance(obj, qtwidgets.QWidget):
                    # Unbound calls: ReText's widgets keep attributes named "parent".
                    top = widget_class.window(obj)
                    if isinstance(top, main_window) and widget_class.isVisible(top):
                        report("window")
                        parent = qtcore.QObject.parent(obj)
                        if isinstance(parent, text_edits) \
                                and obj is qtwidgets.QAbstractScrollArea.viewport(parent) \
                                and parent.document().characterCount() > TEXT_MIN_CHARS:
                            report("preview" if isinstance(parent, browser) else "text")
                now = time.perf_counter()
                if "preview" not in seen and "window" in seen and now - self.checked > 0.004:
                    self.checked = now  # a few checks a millisecond would slow the program
                    for pane in self.panes():
                        if pane.shown_generation >= 1 and not pane.last_error:
                            report("preview")
            except RuntimeError:  # a wrapped object deleted meanwhile
                pass
            return False

        def panes(self):
            app = qtwidgets.QApplication.instance()
            found = []
            for widget in app.topLevelWidgets():
                if isinstance(widget, main_window):
                    found += [w for w in widget.findChildren(qtwidgets.QWidget, "previewPane")
                              if w.isVisible() and hasattr(w, "shown_generation")]
            return found

    base = qtwidgets.QApplication

    class ProbedApplication(base):
        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            self._probe = Watcher()
            self.installEventFilter(self._probe)

    qtwidgets.QApplication = ProbedApplication
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
