"""Keeps the related-news topic space current, in a child process (#16).

Learning the space reads every article and runs a numpy SVD: seconds on a
small library, up to a minute or two on 100,000 articles. It runs as
``byline related-space --update --background`` (a niced process with its own
connection, writing in short transactions), so neither typing nor saving
waits for it. It starts a little after the window opens and again once the
library has been quiet for a while after saves and imports; the related
panel's worker picks the new space up on its next query.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from editor_app.core.child_process import PROJECT_ROOT

if TYPE_CHECKING:
    from editor_app.core.library import Library

START_DELAY_MS = 15_000
AFTER_CHANGE_MS = 30_000


def update_command(library_path) -> tuple[str, list[str]]:
    """(program, arguments) of the background update for this build (frozen or not)."""
    args = ["--library", str(library_path), "related-space", "--update", "--background", "--quiet"]
    if getattr(sys, "frozen", False):
        return sys.executable, args
    return sys.executable, ["-m", "editor_app", *args]


class SpaceUpdater(QObject):
    """Runs the topic-space update after start-up and after changes, one at a time."""

    #: an update ended: "" when it succeeded, else its one-line error
    finished = Signal(str)

    def __init__(self, library: Library, signals, parent=None, *, start_delay_ms: int = START_DELAY_MS):
        super().__init__(parent)
        self._library = library
        self._process: QProcess | None = None
        self._again = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.start_update)
        signals.article_saved.connect(lambda *_a: self.schedule())
        signals.library_changed.connect(self.schedule)
        if not library.read_only and start_delay_ms >= 0:
            self._timer.start(start_delay_ms)

    @property
    def running(self) -> bool:
        return self._process is not None

    def schedule(self, delay_ms: int = AFTER_CHANGE_MS) -> None:
        """Update once the library has been quiet for ``delay_ms``."""
        if not self._library.read_only:
            self._timer.start(delay_ms)

    def start_update(self) -> None:
        if self._process is not None:
            self._again = True
            return
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("PYTHONPATH", os.pathsep.join(p for p in (str(PROJECT_ROOT), env.value("PYTHONPATH")) if p))
        env.insert("OPENBLAS_NUM_THREADS", "1")
        process.setProcessEnvironment(env)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.finished.connect(self._done)
        program, args = update_command(self._library.path)
        self._process = process
        process.start(program, args)

    def _done(self, code: int, _status) -> None:
        process, self._process = self._process, None
        error = ""
        if process is not None:
            if code != 0:
                text = bytes(process.readAllStandardError()).decode("utf-8", "replace").strip()
                error = (text.splitlines()[-1] if text else
                         self.tr("the topic-space update stopped ({code})").format(code=code))
            process.deleteLater()
        self.finished.emit(error)
        if self._again:
            self._again = False
            self.schedule()

    def wait(self, msecs: int = 60_000) -> bool:
        """Block until the running update ends (tests)."""
        return self._process is None or self._process.waitForFinished(msecs)

    def shutdown(self) -> None:
        """Stop timers and the child: an interrupted update leaves the old space in use."""
        self._timer.stop()
        self._again = False
        process = self._process
        if process is not None:
            process.finished.disconnect(self._done)
            process.kill()
            process.waitForFinished(3000)
            self._process = None
