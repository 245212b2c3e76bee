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
- ``preview``: the rendered article is on screen.  A QTextBrowser preview counts
  when its viewport paints holding more than ``TEXT_MIN_CHARS`` characters: ReText's
  preview, and Byline's quick view (the renderer's page shown in a QTextBrowser
  while Chromium starts, ui/desk/preview.py) by the same rule; an empty quick view
  ("Preparing the preview…") does not count. Byline's web view counts when its
  PreviewPane reports the first rendered page shown (``shown_generation``), looked
  at every ``POLL_MS`` ms. Whichever comes first is the moment;
- ``web`` (Byline only): its web view shows the rendered page (``shown_generation``),
  the moment Chromium has taken over from the quick view.

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
POLL_MS = 3


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
    filtered: set[int] = set()

    class Watcher(qtcore.QObject):
        """Filters paint events of the main window and of text viewports it was put on.

        Per object, never on the whole application: a Python filter that sees every
        event of every object crashes PySide when objects are being destroyed."""

        def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
            if event.type() != paint:
                return False
            try:
                kind = roles.get(id(obj))
                if kind == "window":
                    report("window")
                    # Children paint right after their window, in the same pass: their
                    # filters go on now, before that.
                    watch_children(obj)
                elif kind is not None:
                    edit = kind
                    if edit.document().characterCount() > TEXT_MIN_CHARS:
                        report("window")
                        report("preview" if isinstance(edit, browser) else "text")
            except RuntimeError:
                pass
            return False

    roles: dict[int, object] = {}
    watcher_holder: list = []

    def watch_children(top) -> None:
        for edit in top.findChildren(widget_class):
            if not isinstance(edit, text_edits):
                continue
            # Unbound call: ReText's widgets keep attributes named "viewport"
            viewport = qtwidgets.QAbstractScrollArea.viewport(edit)
            if id(viewport) not in filtered:
                filtered.add(id(viewport))
                roles[id(viewport)] = edit
                viewport.installEventFilter(watcher_holder[0])

    def scan() -> None:
        """Every few ms until all is seen: filters on new editors, a look at previews."""
        app = qtwidgets.QApplication.instance()
        if {"window", "text", "preview", "web"} <= seen or (
                "preview" in seen and binding != "PySide6"):
            return
        for top in app.topLevelWidgets():
            if not isinstance(top, main_window):
                continue
            watch_children(top)
            if "window" in seen and "web" not in seen:
                for pane in top.findChildren(widget_class, "previewPane"):
                    if widget_class.isVisible(pane) and getattr(pane, "view", None) is not None \
                            and pane.shown_generation >= 1 and not pane.last_error:
                        report("preview")
                        report("web")
        qtcore.QTimer.singleShot(POLL_MS, scan)

    base = qtwidgets.QApplication

    class ProbedApplication(base):
        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            watcher_holder.append(Watcher())
            qtcore.QTimer.singleShot(0, scan)

    class ProbedMainWindow(main_window):
        """Every main window is watched from its creation: its first paint is not missed."""

        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            roles[id(self)] = "window"
            filtered.add(id(self))
            self.installEventFilter(watcher_holder[0])

    qtwidgets.QMainWindow = ProbedMainWindow
    qtwidgets.QApplication = ProbedApplication
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
