"""Importing files from the GUI (File ▸ Import, files dropped on the window), off the GUI thread.

Reading a Word document with its pictures, or fifty old stories, takes longer than a
keystroke may wait, so the import runs on a worker with a connection of its own
(core's ``import_each``: each file imported, updated, unchanged or refused). Batches
queue: a second drop while the first is stored waits its turn instead of replacing it.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor_app.ui.background import BackgroundWork

if TYPE_CHECKING:
    from editor_app.core.library import Library


def _import(library: Library, paths: list[str]):
    from editor_app.core.importing import import_each  # on the worker: YAML, mammoth…

    return import_each(library, paths)


class ImportRunner(QObject):
    """Imports batches of files one after another on a worker.

    Signals:
      started(list[str]): a batch started (its paths).
      finished(object): an ImportReport for the batch.
      failed(str): the batch could not be imported at all (a message for people).
    """

    started = Signal(list)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self._work = BackgroundWork(self, library=library)
        self._work.finished.connect(self._done)
        self._work.failed.connect(lambda message, _error: self._fail(message))
        self._queue: deque[list[str]] = deque()
        self._running = False

    def submit(self, paths) -> None:
        """Import these files after any batch already under way."""
        self._queue.append([str(p) for p in paths])
        if not self._running:
            self._next()

    def is_idle(self) -> bool:
        return not self._running and not self._queue

    def _next(self) -> None:
        if not self._queue:
            self._running = False
            return
        self._running = True
        paths = self._queue.popleft()
        self.started.emit(paths)
        self._work.submit(_import, paths)

    def _done(self, report) -> None:
        self.finished.emit(report)
        self._next()

    def _fail(self, message: str) -> None:
        self.failed.emit(message)
        self._next()

    def close(self) -> None:
        """Finish the running batch (its transaction), drop the waiting ones."""
        self._queue.clear()
        self._work.close()
