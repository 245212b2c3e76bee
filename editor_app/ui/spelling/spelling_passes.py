"""One article's traffic with the spell worker: full passes and paragraph rechecks.

The worker is the spelling service's single thread, shared by every open article. One
job per article is on it at a time; its answer comes back on the GUI thread as a
signal. A full pass answers for the text as it was when the pass started (the
controller maps that answer through the edits made since); a recheck answers with the
generation it was computed for, so the controller can tell an answer about older text.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from editor_app.core.errors import BylineError
from editor_app.core.spelling.tracking import LostTrack, NamesBox, TextVersion, shift_offset

#: Worker pause between delivering a full pass and deriving names from it.
NAMES_DELAY_S = 0.05


@dataclass(eq=False)
class SpellJob:
    """A job on the worker: a full pass, or a recheck of ``span`` (moved through later edits)."""

    full: bool
    generation: int = 0
    span: list[int] = field(default_factory=list)
    words_epoch: int = 0


class _Relay(QObject):
    """Carries a worker's answer to the GUI thread (queued: the QObject lives there)."""

    done = Signal(object, object)  # job, answer or exception


class SpellPasses(QObject):
    """Sends one article's passes to the spell worker and hands the answers back.

    Signals (on the GUI thread):
      full_pass_done(checker, issues, words_epoch): the newest full pass; the issues are
        for the text as it was when the pass started.
      recheck_done(generation, start, end, answer): ``answer`` is (span_start, span_end,
        issues); start/end are the requested span moved through the edits made since.
      failed(message, full): a pass could not run (``full``: the full pass).
      lost_track(): the worker's copy of the text did not add up: start a full pass.
      returned(): a job came back, whatever its answer: the worker is free again.
    """

    full_pass_done = Signal(object, object, int)
    recheck_done = Signal(int, int, int, object)
    failed = Signal(str, bool)
    lost_track = Signal()
    returned = Signal()

    def __init__(self, executor, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = executor
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_answer, Qt.ConnectionType.QueuedConnection)
        self._in_flight: SpellJob | None = None
        self._full_job: SpellJob | None = None
        self._names = NamesBox()
        self._closed = False

    # -- state -----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A job of this article is on the worker."""
        return self._in_flight is not None

    @property
    def full_pass_running(self) -> bool:
        return self._full_job is not None

    @property
    def proven_names(self) -> frozenset[str] | None:
        """The names the last full pass proved (None until it has)."""
        return self._names.names

    # -- asking ----------------------------------------------------------------------
    def start_full_pass(self, text: str, checker, make_checker: Callable, words_epoch: int) -> None:
        """Check all of ``text`` with ``checker`` (or one ``make_checker()`` builds on the
        worker); any earlier full pass's answer will be dropped."""
        job = SpellJob(full=True, words_epoch=words_epoch)
        self._full_job = job
        box = self._names = NamesBox()

        def work():
            used = checker or make_checker()
            return used, used.check(text)  # infers the names from the whole text

        def then(answer):
            # The same names again, for paragraph rechecks; they queue behind this on the
            # single worker, so they see it (a shared pool may run one early: it then
            # infers names from its paragraph alone). The pause first lets the GUI thread
            # apply the answer without competing for the GIL.
            time.sleep(NAMES_DELAY_S)
            box.names = answer[0].document_names(text)
            # what the dictionaries said of this text's words, for the next session's
            # first pass (written only when there is something new; milliseconds)
            answer[0].save_lookups()

        self._submit(job, work, then)

    def recheck(self, version: TextVersion, start: int, end: int, checker, generation: int) -> None:
        """Check the paragraphs around ``[start, end)`` of ``version`` (built on the worker)."""
        job = SpellJob(full=False, generation=generation, span=[start, end])
        box = self._names

        def work():
            text = version.get()
            if text is None:
                raise LostTrack()
            return checker.check_range(text, start, end, names=box.names)

        self._submit(job, work)

    def shift(self, pos: int, removed: int, added: int) -> None:
        """An edit: the span of the recheck on the worker moves with the text."""
        job = self._in_flight
        if job is not None and not job.full:
            start, end = job.span
            job.span = [shift_offset(start, pos, removed, added), shift_offset(end, pos, removed, added)]

    def forget_full_pass(self) -> None:
        """Spell-check went off or starts over: the running full pass answers for nobody."""
        self._full_job = None

    def close(self) -> None:
        self._closed = True
        self._full_job = None

    # -- the worker ------------------------------------------------------------------
    def _submit(self, job: SpellJob, work: Callable, then: Callable | None = None) -> None:
        """Run ``work`` on the worker and deliver its answer; ``then`` runs on the worker
        after delivery (work the GUI need not wait for)."""
        relay = self._relay

        def run():
            try:
                answer = work()
            except (BylineError, LostTrack) as exc:
                answer = exc
            except Exception as exc:  # a bug must not take the editor down with it
                answer = BylineError(QCoreApplication.translate(
                    "SpellPasses", "spell-check failed: {error}").format(error=exc))
            try:
                relay.done.emit(job, answer)
            except RuntimeError:  # the controller was deleted meanwhile
                return
            if then is not None and not isinstance(answer, BaseException):
                try:
                    then(answer)
                except Exception:  # noqa: S110 - an optional refinement; the pass stands
                    pass

        try:
            self._executor.submit(run)
        except RuntimeError:  # the service shut down (the application is quitting)
            return
        self._in_flight = job

    @Slot(object, object)
    def _on_answer(self, job: SpellJob, answer) -> None:
        if self._in_flight is job:
            self._in_flight = None
        if self._closed:
            return
        full = job is self._full_job
        if full:
            self._full_job = None
        if isinstance(answer, LostTrack):
            self.lost_track.emit()
        elif isinstance(answer, BaseException):
            self.failed.emit(str(answer), full)
        elif job.full:
            if full:  # otherwise spell-check was switched off or restarted since
                checker, issues = answer
                self.full_pass_done.emit(checker, issues, job.words_epoch)
        else:
            start, end = job.span
            self.recheck_done.emit(job.generation, start, end, answer)
        self.returned.emit()
