"""Writes articles to the library off the GUI thread, one save at a time.

Saving a 50,000-word article costs about 30 ms (the row, its FTS index, a
revision now and then); on the GUI thread that would be a stutter every second
of typing.  The writes go to a second SQLite connection on one worker thread;
SQLite runs without the GIL, and the WAL journal makes each commit durable against
a killed process before the result comes back.

The article tab decides *when* to save (AutosaveTimer) and what to do with the
answer; this module only runs the write and reports back on the GUI thread.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import enum
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from editor_app.core.errors import BylineError, ConflictError
from editor_app.core.review.corrections import edit_refusal

if TYPE_CHECKING:
    from editor_app.core.library import Library

DEBOUNCE_MS = 500
#: Continuous typing still saves this long after the first unsaved change.
MAX_WAIT_MS = 900
#: A revision snapshot every this many seconds of editing.
REVISION_INTERVAL_S = 300


class SaveState(enum.Enum):
    """Where an open article's text stands; the status bar shows it (red when not saved)."""

    # The values are English; describe() translates them (context SaveState).
    SAVED = QT_TRANSLATE_NOOP("SaveState", "Saved")
    UNSAVED = QT_TRANSLATE_NOOP("SaveState", "Unsaved changes")
    SAVING = QT_TRANSLATE_NOOP("SaveState", "Saving…")
    NOT_SAVED = QT_TRANSLATE_NOOP("SaveState", "Not saved")

    def describe(self, detail: str = "") -> str:
        """The status bar's words, in the interface's language: "Not saved: the disk is
        full…" with a detail."""
        label = QCoreApplication.translate("SaveState", self.value)
        if not detail:
            return label
        return QCoreApplication.translate("SaveState", "{state}: {detail}").format(
            state=label, detail=detail)


@dataclasses.dataclass(frozen=True)
class SaveRequest:
    article_id: int
    expected_version: int
    fields: dict
    revision_reason: str | None = None
    token: int = 0
    #: the fields as last saved by this editor: a version bump that left them alone
    #: (tags, status, pins) is not a conflict
    base_fields: dict | None = None


@dataclasses.dataclass(frozen=True)
class SaveResult:
    request: SaveRequest
    article: object | None  # the saved Article
    error: BylineError | None


class AutosaveService(QObject):
    """One worker thread with its own library connection; results come back as signals."""

    finished = Signal(object)  # SaveResult

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self._library = library
        self._worker_library = None
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1,
                                                               thread_name_prefix="byline-save")
        self._lock = threading.Lock()
        self._closed = False
        self._futures: set[concurrent.futures.Future] = set()
        # Emitted from the worker thread; Qt queues it to this object's (the GUI) thread.
        self._done.connect(self._relay, Qt.ConnectionType.QueuedConnection)

    _done = Signal(object)

    @Slot(object)
    def _relay(self, result: SaveResult) -> None:
        self.finished.emit(result)

    def submit(self, request: SaveRequest) -> concurrent.futures.Future:
        future = self._executor.submit(self._save, request)
        with self._lock:
            self._futures.add(future)
        future.add_done_callback(self._forget)
        return future

    def _forget(self, future) -> None:
        with self._lock:
            self._futures.discard(future)

    def _connection(self):
        if self._worker_library is None:
            try:
                self._worker_library = self._library.reopen()
            except BylineError:
                self._worker_library = self._library  # share the GUI's connection (it locks)
        return self._worker_library

    def _save(self, request: SaveRequest) -> SaveResult:
        try:
            article = save_article(self._connection(), request)
            result = SaveResult(request, article, None)
        except BylineError as exc:
            result = SaveResult(request, None, exc)
        except Exception as exc:  # noqa: BLE001 - report, never lose the worker
            error = self.tr("could not save ({error})").format(error=f"{type(exc).__name__}: {exc}")
            result = SaveResult(request, None, BylineError(error))
        if not self._closed:
            self._done.emit(result)
        return result

    def wait(self, timeout: float = 10.0) -> None:
        """Block until every submitted save has finished (before a synchronous save)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            pending = list(self._futures)
        for future in pending:
            try:
                future.result(timeout=max(0.0, deadline - time.monotonic()))
            except Exception:  # noqa: BLE001 - the result was reported already
                pass

    def close(self) -> None:
        self.wait()
        self._closed = True
        self._executor.shutdown(wait=True)
        if self._worker_library is not None and self._worker_library is not self._library:
            self._worker_library.close()
        self._worker_library = None


def save_article(library: Library, request: SaveRequest):
    """The one write of an autosave: conditional on the version the editor last saw.

    Tags, status changes and related pins also bump an article's version.  When the
    stored text and metadata are still what this editor saved last, such a bump is not
    a conflict and the save goes ahead on the new version; anything else raises
    ConflictError for the user to decide.
    """
    try:
        return library.update_article(request.article_id, expected_version=request.expected_version,
                                      revision_reason=request.revision_reason,
                                      refuse=edit_refusal, **request.fields)
    except ConflictError:
        if request.base_fields is None:
            raise
        current = library.get_article(request.article_id)
        if not unchanged_since(current, request.base_fields):
            raise
        return library.update_article(request.article_id, expected_version=current.version,
                                      revision_reason=request.revision_reason,
                                      refuse=edit_refusal, **request.fields)


def unchanged_since(article, saved: dict) -> bool:
    """Whether the stored article still holds the fields an editor saved last (as its
    ``fields()`` had them): then a newer version changed nothing of its text (a status
    move, tags, a comment). The slug is left out: it follows the headline (#17)."""
    return all(_stored_value(article, name) == value
               for name, value in saved.items() if name != "slug")


def _stored_value(article, name: str):
    value = getattr(article, name)
    return getattr(value, "value", value)


class AutosaveTimer(QObject):
    """Debounce with a ceiling: fire 500 ms after the last change, at most 900 ms after the first.

    The ceiling keeps "nothing older than a second is lost" true while someone types
    without pausing.
    """

    due = Signal()

    def __init__(self, parent=None, *, debounce_ms: int = DEBOUNCE_MS, max_wait_ms: int = MAX_WAIT_MS):
        super().__init__(parent)
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._ceiling = QTimer(self, singleShot=True, interval=max_wait_ms)
        self._debounce.timeout.connect(self._fire)
        self._ceiling.timeout.connect(self._fire)

    def touch(self) -> None:
        self._debounce.start()
        if not self._ceiling.isActive():
            self._ceiling.start()

    def _fire(self) -> None:
        self.stop()
        self.due.emit()

    def stop(self) -> None:
        self._debounce.stop()
        self._ceiling.stop()

    def is_active(self) -> bool:
        return self._debounce.isActive() or self._ceiling.isActive()
