"""The worker side of spell-check: the per-process `SpellService` and each controller's jobs.

`SpellService` is the per-process part (language loading, the worker, word-list changes
broadcast to every open article); the composition root creates one and hands it in.

`_SpellJobs` is the part of `SpellController` that sends passes to that worker and takes
their results back on the GUI thread; it lives here so everything crossing threads sits
in one module. It is a mixin: it reads and writes the controller's own attributes.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import time

from PySide6.QtCore import QObject, Qt, Signal, Slot

from editor_app.core.errors import BylineError
from editor_app.core.spelling import (
    SPELLING,
    Dictionaries,
    load_language,
    names_from_metadata,
    normalize_language,
)
from editor_app.ui.spelling_state import _LostTrack, _map_through, _NamesBox, _TextVersion

#: Worker pause between delivering a full pass and deriving names from it.
NAMES_DELAY_S = 0.05
#: Dictionary problems already shown (LanguageData.problems): each is said once.
_ANNOUNCED_PROBLEMS: set[str] = set()


class _Relay(QObject):
    """Carries a worker's result to the GUI thread (queued: the QObject lives there)."""

    done = Signal(object)


class SpellService(QObject):
    """Per-process spelling: the worker thread, language loading, word-list broadcasts.

    One worker runs every spell pass (two cores are shared with the renderer and the
    autosave; passes are short and queue fine). The suggestion index, which takes
    seconds to build, gets its own thread so it never delays a pass.

    Signals:
      language_ready(str): a language's dictionary is loaded.
      unavailable(str, str): (language, message) the dictionary could not be loaded.
      words_changed(str, str, object, bool): (word, scope, article_id, added) a word list
        changed; every controller updates its checker.
    """

    language_ready = Signal(str)
    unavailable = Signal(str, str)
    words_changed = Signal(str, str, object, bool)

    def __init__(self, personal_path=None, *, executor=None, parent=None):
        super().__init__(parent)
        self.personal_path = personal_path
        self._own_executor = executor is None
        self.executor = executor or concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="byline-spellcheck")
        self._index_executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="byline-spell-index")
        self._relay = _Relay(self)
        self._relay.done.connect(self._loaded, Qt.ConnectionType.QueuedConnection)
        self._requested: set[str] = set()
        self._languages: dict[str, object] = {}  # code -> LanguageData, once loaded

    def preload(self, language: str | None = "en") -> None:
        """Load a language on the worker and then build its suggestion index (start-up)."""
        code = normalize_language(language)
        if code in self._requested:
            return
        self._requested.add(code)
        relay = self._relay
        index_executor = self._index_executor

        def job():
            try:
                data = load_language(code)
            except BylineError as exc:
                result = (code, None, exc)
            else:
                index_executor.submit(data.suggester.build_index)
                result = (code, data, None)
            try:
                relay.done.emit(result)
            except RuntimeError:  # the service was deleted meanwhile
                pass

        self.executor.submit(job)

    @Slot(object)
    def _loaded(self, result) -> None:
        code, data, error = result
        if error is None:
            self._languages[code] = data
            self.language_ready.emit(code)
        else:
            self._requested.discard(code)
            self.unavailable.emit(code, str(error))

    def suggestions_ready(self, language: str | None) -> bool:
        """Whether suggesting is instant: the language's index is built.

        Until then a suggestion request would wait for the build (seconds), so the
        context menu offers none rather than freeze the editor.
        """
        data = self._languages.get(normalize_language(language))
        return data is not None and data.suggester.index_ready

    def dictionaries(self, library, article_id) -> Dictionaries:
        return Dictionaries(personal_path=self.personal_path, store=library, article_id=article_id)

    def add_word(self, dictionaries: Dictionaries, word: str, scope: str) -> None:
        """Persist ``word`` and tell every open article (raises InputError/LibraryError)."""
        dictionaries.add(word, scope)
        self.words_changed.emit(word, scope, dictionaries.article_id, True)

    def remove_word(self, dictionaries: Dictionaries, word: str, scope: str) -> None:
        dictionaries.remove(word, scope)
        self.words_changed.emit(word, scope, dictionaries.article_id, False)

    def shutdown(self) -> None:
        if self._own_executor:
            self.executor.shutdown(wait=False, cancel_futures=True)
        self._index_executor.shutdown(wait=False, cancel_futures=True)


_job_ids = itertools.count(1)


class _SpellJobs:
    """`SpellController`'s traffic with the worker: full passes, paragraph rechecks, results."""

    def _submit(self, job: dict, work, then=None) -> None:
        """Run ``work`` on the worker and deliver its result; ``then`` runs on the worker
        after delivery (work the GUI need not wait for)."""
        relay = self._relay

        def run():
            try:
                result = work()
            except (BylineError, _LostTrack) as exc:
                result = exc
            except Exception as exc:  # a bug must not take the editor down with it
                result = BylineError(f"spell-check failed: {exc}")
            try:
                relay.done.emit((job, result))
            except RuntimeError:  # the controller was deleted meanwhile
                return
            if then is not None and not isinstance(result, BaseException):
                try:
                    then(result)
                except Exception:  # noqa: S110 - an optional refinement; the pass stands
                    pass

        try:
            self._executor.submit(run)
        except RuntimeError:  # the service shut down (the application is quitting)
            return
        self._in_flight = job

    def _make_checker(self):
        return self.dictionaries.checker(
            self.language,
            metadata_names=names_from_metadata(*self._metadata_names) | self._metadata_names,
            title=self._title,
        )

    def _start_full_pass(self) -> None:
        text = self.editor.toPlainText()
        self._version = _TextVersion(text)
        self._length = len(text)
        self._stale_text = None
        self._revision = self.editor.document().revision()
        job = {"id": next(_job_ids), "kind": "full", "generation": self._generation,
               "words": self._words_epoch}
        self._full_job = job
        self._edit_log = []
        self._dirty = None
        existing = self.checker
        box = self._names_box = _NamesBox()

        def work():
            checker = existing or self._make_checker()
            return checker, checker.check(text)  # infers the names from the whole text

        def then(result):
            # the same names again, for paragraph rechecks; they queue behind this on the
            # single worker, so they see it (a shared pool may run one early: it then
            # infers names from its paragraph alone). The pause first lets the GUI thread
            # apply the result without competing for the GIL.
            time.sleep(NAMES_DELAY_S)
            box.names = result[0].document_names(text)

        self._submit(job, work, then)

    def _dispatch_recheck(self) -> None:
        if self._closed or not self.enabled or self._dirty is None:
            return
        if self._in_flight is not None or self.checker is None:
            return  # sent when the job on the worker comes back
        start, end = self._dirty
        self._dirty = None
        version, checker, box = self._next_version(), self.checker, self._names_box
        job = {"id": next(_job_ids), "kind": "range", "generation": self._generation,
               "range": [start, end]}

        def work():
            text = version.get()
            if text is None:
                raise _LostTrack()
            return checker.check_range(text, start, end, names=box.names)

        self._submit(job, work)

    def recheck_now(self) -> None:
        """Send pending edits to the worker without waiting for the typing pause."""
        self._recheck_timer.stop()
        self._dispatch_recheck()

    @Slot(object)
    def _on_result(self, payload) -> None:
        job, result = payload
        if self._in_flight is job:
            self._in_flight = None
        if self._closed:
            return
        if not self.enabled:
            return
        if isinstance(result, _LostTrack):
            self.resyncs += 1
            self._generation += 1
            self._start_full_pass()
            return
        if isinstance(result, BaseException):
            if job is self._full_job:
                self._go_unavailable(str(result))
            else:
                self.message.emit(str(result))
            return
        if job["kind"] == "full":
            self._apply_full(job, result)
        else:
            self._apply_range(job, result)
        if self._dirty is not None:
            self._recheck_timer.start()

    def _apply_full(self, job, result) -> None:
        checker, issues = result
        if job is not self._full_job:
            return  # spell-check was switched off or restarted since
        self._full_job = None
        self.checker = checker
        for problem in checker.problems:  # a broken dictionary: said once per process
            if problem not in _ANNOUNCED_PROBLEMS:
                _ANNOUNCED_PROBLEMS.add(problem)
                self.message.emit(problem)
        edits = self._edit_log or []
        self._edit_log = None
        if job["words"] != self._words_epoch:  # a word was taught while the pass ran
            known = checker.is_known
            issues = [i for i in issues if i.kind != SPELLING or not known(i.word)]
        if edits:
            issues = [m for m in (_map_through(i, edits) for i in issues) if m is not None]
        self._issues.reset(issues)
        self._after_issues_changed()

    def _apply_range(self, job, result) -> None:
        if job["generation"] != self._generation:
            # computed on text that has changed since: drop it, recheck that range later
            self.stale_dropped += 1
            start, end = job["range"]
            self._mark_dirty(start, end)
            return
        span_start, span_end, issues = result
        known = self.checker.is_known
        issues = [i for i in issues if i.kind != SPELLING or not known(i.word)]
        changed = self._issues.replace_span(span_start, span_end, issues)
        if changed or self._dropped_on_edit:
            # most pauses end on correct words: then nothing is redrawn or announced
            self._dropped_on_edit = False
            self._after_issues_changed()

    def _go_unavailable(self, message: str) -> None:
        self.enabled = False
        self.toggle_action.blockSignals(True)
        self.toggle_action.setChecked(False)
        self.toggle_action.blockSignals(False)
        self._issues.reset(())
        self._render(force=True)
        self.unavailable.emit(message)
        self.message.emit(message)
        self.enabled_changed.emit(False)
