"""Slow work off the GUI thread, with the answer back on it: the one way widgets do it.

A search as you type, related news, tag suggestions, a revision diff, the pre-flight
check, an export and the preview's render all ask for work that may take longer than a
keystroke may wait. Each widget owns a ``BackgroundWork`` and calls ``submit``; the
work runs on a worker thread, one job at a time, and its result or error comes back as
a signal on the GUI thread. Only the newest job's answer is delivered: a job submitted
while another runs waits, and a newer one replaces it before it starts, because its
answer would be stale anyway. ``cancel`` forgets every job and asks the running one to
stop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal

from editor_app.core.errors import BylineError

if TYPE_CHECKING:
    from editor_app.core.library import Library


class Job:
    """One submitted piece of work, as seen by the widget and by the code that runs it.

    A job function given the job (``submit(..., with_job=True)``) may pass
    ``job.stop_event`` to core functions that take a cancel event, and ``job.report``
    as their progress callback.
    """

    def __init__(self, fn: Callable, args: tuple, relay: _Relay, with_job: bool):
        self.fn = fn
        self.args = args
        self.with_job = with_job
        self.stop_event = threading.Event()
        self._relay = relay
        self._finished = threading.Event()

    def stop(self) -> None:
        """Ask the job to stop early (it decides when); what it returns still arrives."""
        self.stop_event.set()

    @property
    def stopped(self) -> bool:
        return self.stop_event.is_set()

    def report(self, *values) -> None:
        """Called on the worker: delivered as ``BackgroundWork.progress(values)``."""
        try:
            self._relay.progress.emit(self, values)
        except RuntimeError:
            pass  # the widget went away meanwhile

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job's function has returned; False when the time ran out."""
        return self._finished.wait(timeout)


class _Relay(QObject):
    """Carries answers from the worker to the GUI thread (queued signals)."""

    done = Signal(object, object, object)  # job, result, exception or None
    progress = Signal(object, object)  # job, values


class _Runner(QRunnable):
    def __init__(self, job: Job, open_library: Callable | None):
        super().__init__()
        self.setAutoDelete(True)
        self.job = job
        self.open_library = open_library

    def run(self) -> None:
        job = self.job
        try:
            context = (job,) if job.with_job else ()
            if self.open_library is not None:
                context += (self.open_library(),)
            result, error = job.fn(*context, *job.args), None
        except Exception as exc:  # noqa: BLE001 - reported to the widget, never lost
            result, error = None, exc
        finally:
            job._finished.set()
        try:
            job._relay.done.emit(job, result, error)
        except RuntimeError:
            pass  # the widget went away meanwhile


def internal_error_message(exc: Exception) -> str:
    """The message for an error no one expected: it names the exception, for the bug report."""
    return QCoreApplication.translate("BackgroundWork", "internal error ({name}: {error})").format(
        name=type(exc).__name__, error=exc)


class BackgroundWork(QObject):
    """Runs jobs on a worker thread one at a time; the newest job's answer arrives on the GUI thread.

    Signals:
      finished(object): the newest job's return value.
      failed(str, object): a message for people and the exception. A BylineError's
        message is its text; any other exception reads ``describe_unexpected(exc)``.
      progress(object): the values a job passed to ``job.report`` (newest job only).

    ``library``: jobs then receive, as their first argument, a connection of their own
    to that library, opened on the worker when first needed and closed by ``close``.
    ``pool``: a QThreadPool to run on (default: a private one with one thread).
    """

    finished = Signal(object)
    failed = Signal(str, object)
    progress = Signal(object)

    def __init__(self, parent: QObject | None = None, *, library: Library | None=None,
                 pool: QThreadPool | None = None,
                 describe_unexpected: Callable[[Exception], str] = internal_error_message):
        super().__init__(parent)
        self._library = library
        self._worker_library = None
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
        self._pool = pool
        self._describe_unexpected = describe_unexpected
        self._relay = _Relay()
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._relay.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._running: Job | None = None
        self._pending: Job | None = None
        self._newest: Job | None = None

    # -- asking ----------------------------------------------------------------------
    def submit(self, fn: Callable, *args, with_job: bool = False) -> Job:
        """Run ``fn(*args)`` off the GUI thread; returns the job.

        With a library, ``fn`` gets the worker's connection first; with ``with_job``
        it gets the Job before that (for ``stop_event`` and ``report``).
        """
        job = Job(fn, args, self._relay, with_job)
        self._newest = job
        if self._running is None:
            self._start(job)
        else:
            self._pending = job  # replaces one that never started: its answer would be stale
        return job

    def cancel(self) -> None:
        """Forget every job: no answer arrives, the pending one never runs, the running
        one is asked to stop."""
        self._newest = None
        self._pending = None
        if self._running is not None:
            self._running.stop()

    def is_idle(self) -> bool:
        """True when nothing runs or waits to run (answers already delivered)."""
        return self._running is None and self._pending is None

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the running job's function has returned; False on time-out."""
        running = self._running
        return running is None or running.wait(msecs / 1000)

    def close(self, msecs: int = 5000) -> None:
        """Drop what is pending, let the running job finish, close the worker's connection."""
        self._pending = None
        self.wait(msecs)
        if self._worker_library is not None:
            self._worker_library.close()
            self._worker_library = None

    # -- running ---------------------------------------------------------------------
    def _start(self, job: Job) -> None:
        self._running = job
        open_library = self._worker_connection if self._library is not None else None
        self._pool.start(_Runner(job, open_library))

    def _worker_connection(self):
        # Called on the worker thread, where the connection is used.
        if self._worker_library is None:
            self._worker_library = self._library.reopen()
        return self._worker_library

    def _on_done(self, job: Job, result, error) -> None:
        if job is self._running:
            self._running = None
        if self._pending is not None and self._running is None:
            pending, self._pending = self._pending, None
            self._start(pending)
        if job is not self._newest:
            return  # stale: a newer job was submitted, or everything was cancelled
        self._newest = None
        if error is None:
            self.finished.emit(result)
        elif isinstance(error, BylineError):
            self.failed.emit(str(error), error)
        else:
            self.failed.emit(self._describe_unexpected(error), error)

    def _on_progress(self, job: Job, values) -> None:
        if job is self._newest:
            self.progress.emit(values)
