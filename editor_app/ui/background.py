"""Library queries off the GUI thread, where only the newest answer counts.

Search-as-you-type, related-news and tag suggestions all ask the library again
before the last answer arrived; this runs each on one worker thread with its own
connection and drops answers to questions nobody is asking any more.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from editor_app.core.errors import BylineError


class _Relay(QObject):
    done = Signal(int, object, str)  # generation, result or None, error


class _Job(QRunnable):
    def __init__(self, relay: _Relay, generation: int, fn, args):
        super().__init__()
        self.relay, self.generation, self.fn, self.args = relay, generation, fn, args

    def run(self) -> None:
        try:
            result, error = self.fn(*self.args), ""
        except BylineError as exc:
            result, error = None, str(exc)
        except Exception as exc:  # noqa: BLE001 - a side panel must never take the window down
            result, error = None, f"internal error ({type(exc).__name__}: {exc})"
        try:
            self.relay.done.emit(self.generation, result, error)
        except RuntimeError:
            pass  # the widget went away meanwhile


class BackgroundQuery(QObject):
    """Runs ``fn(worker_library, *args)`` off the GUI thread; only the newest result is delivered.

    One thread per query object, so requests never run concurrently on the
    worker's connection; a request made while one runs supersedes it.
    """

    finished = Signal(object)   # the result of the newest request
    failed = Signal(str)

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self._library = library
        self._worker_library = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.generation = 0
        self.busy = False

    def _worker(self):
        if self._worker_library is None:
            self._worker_library = self._library.reopen()
        return self._worker_library

    def submit(self, fn, *args) -> int:
        self.generation += 1
        self.busy = True
        call = lambda *a: fn(self._worker(), *a)  # noqa: E731 - opened lazily on the worker
        self._pool.start(_Job(self._relay, self.generation, call, args))
        return self.generation

    def _on_done(self, generation: int, result, error: str) -> None:
        if generation != self.generation:
            return  # stale: a newer request is on its way
        self.busy = False
        if error:
            self.failed.emit(error)
        else:
            self.finished.emit(result)

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)

    def close(self) -> None:
        self._pool.waitForDone(5000)
        if self._worker_library is not None:
            self._worker_library.close()
            self._worker_library = None
