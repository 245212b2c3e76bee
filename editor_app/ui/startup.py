"""Paint first, then build the rest: the order in which the window comes to life (#20).

A person starting Byline wants the window, then the article's text, then the preview;
docks behind other tabs, dictionaries, sync and backups can come after. So the
composition root (app.run_gui) builds only what the first paint shows — the window's
frame: title, menus' titles, the Reader's tab and the docks in their places, with Qt
and the window's own modules only — shows it, and hands everything else to a
``StagedStartup``: on ``painted`` the library opens and fills the frame and the article
in front opens, then the named steps run, each once the window has repainted what
the one before changed, so the window answers between them; ``run_all`` runs what is
left at once (tests, closing early).

``BYLINE_STARTUP_TRACE=1`` prints when each step ran, in ms since the process
started, on stderr (core/startup_trace.py).
"""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from editor_app.core.startup_trace import trace

#: if no paint comes (a window started minimized), the steps start anyway
NO_PAINT_FALLBACK_MS = 1500
#: between steps: a real timer, so that the window repaints first (StagedStartup._soon)
STEP_GAP_MS = 1
#: the longest a step may hold back the next ones (see StagedStartup.add)
WAIT_LIMIT_MS = 1000


class StagedStartup(QObject):
    """Named steps run after the window's first paint, one per event-loop turn.

    Signals: ``painted()`` when the window first painted, ``finished()`` after the
    last step.
    """

    painted = Signal()
    finished = Signal()

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self._steps: deque[tuple[str, Callable[[], object]]] = deque()
        self._started = False
        self._cancelled = False
        self.done: list[str] = []
        self._fallback = QTimer(self, singleShot=True, interval=NO_PAINT_FALLBACK_MS)
        self._fallback.timeout.connect(self._begin)

    def add(self, name: str, step: Callable[[], object], *, after: str | None = None) -> None:
        """Run ``step`` after the first paint, after the steps added before it (or right
        after the step named ``after``, when that one is still waiting).

        A step that returns a signal holds the next steps back until it is emitted
        (at most ``WAIT_LIMIT_MS``): the preview's first page is shown before the
        panels are built, rather than waiting behind them for the GIL.
        """
        names = self.pending
        if after in names:
            self._steps.insert(names.index(after) + 1, (name, step))
        else:
            self._steps.append((name, step))

    @property
    def pending(self) -> list[str]:
        return [name for name, _ in self._steps]

    def start(self) -> None:
        """Wait for the window's first paint, then run the steps."""
        # The window and its centre are painted in the first frame: watching them is
        # enough (an application-wide filter would see every event of every object).
        self._watched = [w for w in (self._window, self._window.centralWidget()) if w]
        for widget in self._watched:
            widget.installEventFilter(self)
        self._fallback.start()
        self._note("window shown")

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint and not self._started:
            # After this paint has reached the screen: the next turn of the loop.
            QTimer.singleShot(0, self._begin)
        return False

    def _unwatch(self) -> None:
        for widget in getattr(self, "_watched", ()):
            try:
                widget.removeEventFilter(self)
            except RuntimeError:
                pass
        self._watched = []

    def _begin(self) -> None:
        if self._started or self._cancelled:
            return
        self._started = True
        self._fallback.stop()
        self._unwatch()
        self._note("first paint")
        self.painted.emit()
        self._soon()

    def _next(self) -> None:
        if self._cancelled:
            return
        if not self._steps:
            self._note("start-up finished")
            self.finished.emit()
            return
        wait_for = self._run_one()
        if wait_for is None:
            self._soon()
            return
        resumed = []

        def resume(*_args) -> None:
            if not resumed:
                resumed.append(True)
                self._soon()

        wait_for.connect(resume, Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(WAIT_LIMIT_MS, self, resume)

    def _soon(self) -> None:
        """The next step, once the window has painted what the last one changed.

        A zero timer is a posted event that Qt handles before the window's repaint
        (a low-priority UpdateRequest, itself posted only once the layout has been
        redone): a chain of them would build every step before the article the first
        one opened reached the screen. A real timer fires after those events.
        """
        QTimer.singleShot(STEP_GAP_MS, self._next)

    def _run_one(self):
        """Run the next step; returns the signal it asks to wait for, if any."""
        name, step = self._steps.popleft()
        started = time.perf_counter()
        result = None
        try:
            result = step()
        except Exception as exc:  # noqa: BLE001 - one part failing must not stop the others
            print(f"byline: start-up step {name!r} failed: {type(exc).__name__}: {exc}",
                  file=sys.stderr)
        self.done.append(name)
        self._note(f"{name} ({(time.perf_counter() - started) * 1000:.0f} ms)")
        return result if hasattr(result, "connect") else None

    def run_all(self) -> None:
        """Run every step still waiting, now (tests; a window closed while starting)."""
        self._started = True
        self._fallback.stop()
        self._unwatch()
        while self._steps and not self._cancelled:
            self._run_one()

    def cancel(self) -> None:
        """Forget the steps still waiting (the window is closing)."""
        self._cancelled = True
        self._steps.clear()
        self._fallback.stop()
        self._unwatch()

    def _note(self, what: str) -> None:
        trace(what)
