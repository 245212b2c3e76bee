"""Spell-check attached to any QPlainTextEdit: wavy underlines, context menu, F7, per-article switch.

Why it is built this way (issue 4: spell-check is what makes long documents slow elsewhere):

* The GUI thread never scans text. A keystroke costs a few integer updates: the issue list
  shifts lazily (`_IssueIndex`), a Python mirror of the text is patched with the typed
  characters (no ``toPlainText()`` of a 300 kB document per pause), and a timer restarts.
  When typing pauses, the edited paragraphs go to a worker (``check_range``, ~2 ms); the
  result comes back on the GUI thread through a queued signal.
* Every edit bumps a generation counter. A paragraph result computed on older text is
  dropped and its range rechecked; the first full pass, which takes longer, is instead
  mapped through the edits made meanwhile (otherwise continuous typing would starve it).
* Underlines are extra selections for the visible part of the document only (plus a
  margin); a QTextCursor per issue would cost ~40 µs each to create and slow every
  keystroke, since Qt moves every live cursor on each edit.
* A missing or unreadable dictionary switches spell-check off for the session with a
  message (`unavailable`); the editor is never blocked.

`SpellService` is the per-process part (language loading, the worker, word-list changes
broadcast to every open article); the composition root creates one and hands it in.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import threading
import time

from PySide6.QtCore import QMetaMethod, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from editor_app.core.errors import BylineError
from editor_app.core.spelling import (
    REPEAT,
    SPELLING,
    Dictionaries,
    SpellIssue,
    load_language,
    names_from_metadata,
    normalize_language,
    normalize_word,
    repeat_removal_span,
)
from editor_app.ui.selection_layers import SelectionLayers

#: Typing pause after which the edited paragraphs are rechecked.
RECHECK_DELAY_MS = 200
#: Pause after the last result before `issues_changed` (the panel) is told.
ISSUES_SIGNAL_DELAY_MS = 150
#: Most underlines drawn at once (a screenful rarely holds more than a few dozen).
MAX_UNDERLINES = 600
MAX_SUGGESTIONS = 5
#: Worker pause between delivering a full pass and deriving names from it.
NAMES_DELAY_S = 0.05
#: An edit this large (characters removed + added) restarts the full pass.
BIG_EDIT = 20_000
LAYER = "spelling"


class _IssueIndex:
    """Issues sorted by position, as ``[start, end, kind, word]`` lists.

    An edit shifts every issue after it; doing that eagerly costs O(issues) per keystroke.
    Instead items at index >= ``k`` are stored ``d`` short of their real position, so typing
    at one spot only moves that boundary. Moving the boundary elsewhere costs the number of
    issues between the two spots.
    """

    def __init__(self) -> None:
        self.items: list[list] = []
        self.k = 0
        self.d = 0

    def __len__(self) -> int:
        return len(self.items)

    def reset(self, issues) -> None:
        self.items = [[i.start, i.end, i.kind, i.word] for i in issues]
        self.k = len(self.items)
        self.d = 0

    def start(self, i: int) -> int:
        return self.items[i][0] + (self.d if i >= self.k else 0)

    def end(self, i: int) -> int:
        return self.items[i][1] + (self.d if i >= self.k else 0)

    def issue(self, i: int) -> SpellIssue:
        s, e, kind, word = self.items[i]
        if i >= self.k:
            s, e = s + self.d, e + self.d
        return SpellIssue(kind, word, s, e)

    def first_ending_at_or_after(self, pos: int) -> int:
        lo, hi = 0, len(self.items)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.end(mid) < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def first_starting_at_or_after(self, pos: int) -> int:
        lo, hi = 0, len(self.items)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.start(mid) < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _move_boundary(self, new_k: int) -> None:
        items, d = self.items, self.d
        if d:
            if new_k > self.k:
                for i in range(self.k, new_k):
                    item = items[i]
                    item[0] += d
                    item[1] += d
            elif new_k < self.k:
                for i in range(new_k, self.k):
                    item = items[i]
                    item[0] -= d
                    item[1] -= d
        self.k = new_k
        if new_k >= len(items):
            self.d = 0

    def edit(self, pos: int, removed: int, added: int) -> int:
        """Text ``[pos, pos+removed)`` became ``added`` characters: drop the issues it
        touches (the word changed; the recheck decides) and shift those after it."""
        items = self.items
        lo = self.first_ending_at_or_after(pos)
        hi = lo
        limit = pos + removed
        while hi < len(items) and self.start(hi) <= limit:
            hi += 1
        if hi > lo:
            del items[lo:hi]
            if self.k > lo:
                self.k = max(lo, self.k - (hi - lo))
        delta = added - removed
        if delta and lo < len(items):
            self._move_boundary(lo)
            self.d += delta
        return hi - lo

    def replace_span(self, span_start: int, span_end: int, issues) -> bool:
        """Replace the issues starting inside ``[span_start, span_end]`` with ``issues``;
        True when that changed anything."""
        lo = self.first_starting_at_or_after(span_start)
        hi = self.first_starting_at_or_after(span_end + 1)
        self._move_boundary(lo)
        d = self.d
        new = [[i.start - d, i.end - d, i.kind, i.word] for i in issues]
        if self.items[lo:hi] == new:
            return False
        self.items[lo:hi] = new
        if self.k >= len(self.items):
            self.d = 0
        return True

    def in_range(self, start: int, end: int, limit: int) -> list[SpellIssue]:
        i = self.first_ending_at_or_after(start)
        found = []
        while i < len(self.items) and len(found) < limit and self.start(i) < end:
            found.append(self.issue(i))
            i += 1
        return found

    def all(self) -> list[SpellIssue]:
        return [self.issue(i) for i in range(len(self.items))]

    def keep_only(self, predicate) -> bool:
        """Drop the issues ``predicate(kind, word)`` rejects; True when any was dropped."""
        self._move_boundary(len(self.items))
        kept = [item for item in self.items if predicate(item[2], item[3])]
        changed = len(kept) != len(self.items)
        self.items, self.k, self.d = kept, len(kept), 0
        return changed


def _shift(offset: int, pos: int, removed: int, added: int) -> int:
    """Where ``offset`` ends up after an edit (inside the edited text: its end)."""
    if offset < pos:
        return offset
    if offset >= pos + removed:
        return offset + added - removed
    return pos + added


def _map_through(issue: SpellIssue, edits) -> SpellIssue | None:
    """``issue`` moved through later edits, or None when an edit touched it."""
    start, end = issue.start, issue.end
    for pos, removed, added in edits:
        if pos <= end and start <= pos + removed:
            return None
        if start >= pos + removed:
            start += added - removed
            end += added - removed
    if (start, end) == (issue.start, issue.end):
        return issue
    return SpellIssue(issue.kind, issue.word, start, end, issue.suggestions)


def _plain(text: str) -> str:
    """Qt's separators as ``toPlainText`` gives them (same length, so offsets agree)."""
    return text.replace("\u2029", "\n").replace("\u2028", "\n").replace("\u00a0", " ")


def show_selection_layer(editor: QPlainTextEdit, name: str, selections) -> None:
    """Use the editor's own layers when it has them (MarkdownEditor), else SelectionLayers."""
    setter = getattr(editor, "set_selection_layer", None)
    if callable(setter):
        setter(name, selections)
    else:
        SelectionLayers.of(editor).set_layer(name, selections)


class _LostTrack(Exception):
    """The text copy no longer matches the document (an edit Qt reported oddly)."""


class _TextVersion:
    """One state of the text, spliced together on the worker from the previous state.

    Versions form a chain completed in order by the single spell worker; ``get`` waits
    for it. ``None`` as text means the splice did not add up and a full pass must resync.
    """

    def __init__(self, text: str | None = None):
        self.text = text
        self._ready = threading.Event()
        self._make = None
        if text is not None:
            self._ready.set()

    @classmethod
    def spliced(cls, base: _TextVersion, start: int, middle: str, suffix: int, length: int):
        version = cls()

        def make():
            old = base.get()
            text = None
            if old is not None and 0 <= start and 0 <= suffix <= len(old) - start:
                text = old[:start] + middle + old[len(old) - suffix:]
                if len(text) != length:
                    text = None
            return text

        version._make = make
        return version

    def complete(self) -> None:
        """Build the text in this thread if nobody has yet (idempotent)."""
        make, self._make = self._make, None
        if make is not None:
            try:
                self.text = make()
            finally:
                self._ready.set()

    def get(self, timeout: float | None = None) -> str | None:
        self.complete()
        self._ready.wait(timeout)
        return self.text


class _NamesBox:
    """The names a full pass proved; written once on the worker, read by later jobs."""

    names: frozenset[str] | None = None


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


class SpellController(QObject):
    """Spell-check for one article shown in ``editor`` (any QPlainTextEdit).

    Signals:
      issues_changed(list): the current issues (SpellIssue, document offsets), shortly
        after they change; empty when spell-check is off.
      unavailable(str): the dictionary is missing or unreadable; spell-check went off.
      message(str): a one-line message for the status bar (a failed dictionary write).
      enabled_changed(bool)

    ``toggle_action`` (checkable) switches spell-check for this article and stores the
    choice in the library (article field ``spellcheck``).
    """

    issues_changed = Signal(list)
    unavailable = Signal(str)
    message = Signal(str)
    enabled_changed = Signal(bool)

    def __init__(self, editor: QPlainTextEdit, library, article_id, language="en",
                 metadata_names=(), title: str = "", *, service: SpellService | None = None,
                 pool=None, parent=None):
        super().__init__(parent if parent is not None else editor)
        self.editor = editor
        self.library = library
        self.article_id = article_id
        self.language = language or "en"
        self._metadata_names = set(metadata_names or ())
        self._title = title or ""
        self._own_service = service is None
        self.service = service or SpellService(executor=pool, parent=self)
        self._executor = pool or self.service.executor
        self.dictionaries = self.service.dictionaries(library, article_id)
        self.checker = None
        # Names the whole article proves (the names rule); filled in on the worker right
        # after the first pass, so underlines need not wait for a second scan.
        self._names_box = _NamesBox()
        self._issues = _IssueIndex()
        # The worker's copy of the text. Edits only widen ``_stale_text`` (the span that
        # differs from ``_version``); a recheck reads that span from the document and the
        # worker splices it in, so the GUI thread never copies the whole text.
        self._version = _TextVersion("")
        self._length = 0
        self._stale_text: tuple[int, int] | None = None
        self._revision = -1
        self._generation = 0
        self._dirty: tuple[int, int] | None = None
        self._in_flight: dict | None = None  # the job on the worker
        self._edit_log: list | None = None  # edits made while the full pass runs
        self._full_job: dict | None = None
        self._rendered_window = (0, -1)
        self._selection_pool: list[QTextEdit.ExtraSelection] = []
        self._closed = False
        self.enabled = False
        self.stale_dropped = 0  # results dropped because the text moved on (tests, stats)
        self._dropped_on_edit = False  # an edit dropped issues whose underline still shows
        self.resyncs = 0  # times the text copy had to be taken whole again (tests)
        self._words_epoch = 0  # bumped when a word list changes

        self._spelling_format = QTextCharFormat()
        self._spelling_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._spelling_format.setUnderlineColor(QColor("red"))
        self._repeat_format = QTextCharFormat()
        self._repeat_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._repeat_format.setUnderlineColor(QColor("#d97706"))

        self._issues_signal = QMetaMethod.fromSignal(self.issues_changed)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_result, Qt.ConnectionType.QueuedConnection)
        self._recheck_timer = QTimer(self, singleShot=True, interval=RECHECK_DELAY_MS)
        self._recheck_timer.timeout.connect(self._dispatch_recheck)
        self._issues_timer = QTimer(self, singleShot=True, interval=ISSUES_SIGNAL_DELAY_MS)
        self._issues_timer.timeout.connect(self._emit_issues)

        self.toggle_action = QAction("Check spelling", self, checkable=True)
        self.toggle_action.setToolTip("Spell-check this article (F7: next issue)")
        self.toggle_action.toggled.connect(self._toggled_by_user)
        # F7 belongs to the editor's QShortcut; binding it to a menu action as well would
        # make it ambiguous (Qt then fires neither), so this action only names the key.
        self.next_action = QAction("Next spelling issue\tF7", self)
        self.next_action.triggered.connect(self.next_issue)
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_F7), editor)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.next_issue)

        document = editor.document()
        document.contentsChange.connect(self._on_contents_change)
        editor.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        # No event filter: it would put a Python call (and a wait for the GIL while the
        # worker runs) in front of every key and paint event. A resize that changes what
        # is visible changes the scroll range; the context menu comes as a signal.
        editor.verticalScrollBar().rangeChanged.connect(self._on_scrolled)
        self._previous_menu_policy = editor.contextMenuPolicy()
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._show_context_menu)
        self.service.words_changed.connect(self._on_words_changed)
        self.service.preload(self.language)

        self.set_enabled(self._stored_preference(), persist=False)

    # -- switching on and off ---------------------------------------------------------------
    def _stored_preference(self) -> bool:
        if self.library is None or self.article_id is None:
            return True
        try:
            return bool(self.library.get_article(self.article_id).spellcheck)
        except BylineError:
            return True

    def _toggled_by_user(self, on: bool) -> None:
        if on != self.enabled:
            self.set_enabled(on, persist=True)

    def set_enabled(self, on: bool, *, persist: bool = True) -> None:
        """Switch spell-check for this article; ``persist`` stores it in the library."""
        if persist and self.library is not None and self.article_id is not None:
            try:
                self.library.update_article(self.article_id, spellcheck=bool(on))
            except BylineError as exc:
                self.message.emit(str(exc))
        self.enabled = bool(on)
        self.toggle_action.blockSignals(True)
        self.toggle_action.setChecked(self.enabled)
        self.toggle_action.blockSignals(False)
        self._generation += 1
        self._dirty = None
        self._edit_log = None
        self._recheck_timer.stop()
        if self.enabled:
            self._start_full_pass()
        else:
            self._issues.reset(())
            self._render(force=True)
            self._issues_timer.start(0)
        self.enabled_changed.emit(self.enabled)

    def set_metadata(self, *, language=None, metadata_names=None, title=None) -> None:
        """The article's language, interviewee/author or headline changed: recheck all."""
        if language is not None and language != self.language:
            self.language = language
            self.checker = None
            self.service.preload(language)
        if metadata_names is not None:
            self._metadata_names = set(metadata_names)
            self.checker = None
        if title is not None:
            self._title = title
            if self.checker is not None:
                self.checker.set_title(title)
        if self.enabled:
            self._generation += 1
            self._start_full_pass()

    def close(self) -> None:
        """Detach from the editor (the article tab closes)."""
        self._closed = True
        self._recheck_timer.stop()
        self._issues_timer.stop()
        try:
            self.editor.document().contentsChange.disconnect(self._on_contents_change)
            self.editor.verticalScrollBar().rangeChanged.disconnect(self._on_scrolled)
            self.editor.verticalScrollBar().valueChanged.disconnect(self._on_scrolled)
            self.editor.customContextMenuRequested.disconnect(self._show_context_menu)
            self.editor.setContextMenuPolicy(self._previous_menu_policy)
            self.service.words_changed.disconnect(self._on_words_changed)
        except (RuntimeError, TypeError):
            pass
        if self._own_service:
            self.service.shutdown()

    # -- worker jobs -----------------------------------------------------------------------
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

    def _after_issues_changed(self) -> None:
        self._render(force=True)
        self._issues_timer.start()

    def _emit_issues(self) -> None:
        # building the list costs O(issues): only when someone listens (the panel)
        if not self._closed and self.isSignalConnected(self._issues_signal):
            self.issues_changed.emit(self.issues())

    # -- edits (the per-keystroke path: keep it to integer bookkeeping) -----------------------
    def _mark_dirty(self, start: int, end: int) -> None:
        if self._dirty is None:
            self._dirty = (start, end)
        else:
            self._dirty = (min(self._dirty[0], start), max(self._dirty[1], end))

    def _next_version(self) -> _TextVersion:
        """The text as it is now, as a version the worker completes (or already complete)."""
        stale = self._stale_text
        if stale is None:
            return self._version
        self._stale_text = None
        start, end = stale
        document = self.editor.document()
        length = document.characterCount() - 1
        cursor = QTextCursor(document)
        cursor.setPosition(max(0, min(start, length)))
        cursor.setPosition(max(0, min(end, length)), QTextCursor.MoveMode.KeepAnchor)
        version = _TextVersion.spliced(self._version, start, _plain(cursor.selectedText()),
                                       length - end, length)
        self._version = version
        return version

    def text(self) -> str:
        """The editor's text as the worker sees it (``toPlainText()``); for tests."""
        version = self._next_version()
        version.complete()
        text = version.get(timeout=5)
        if text is None:  # lost track of an edit: take the whole text again
            self.resyncs += 1
            text = self.editor.toPlainText()
            self._version = _TextVersion(text)
        return text

    def _on_contents_change(self, pos: int, removed: int, added: int) -> None:
        if not self.enabled:
            return
        document = self.editor.document()
        revision = document.revision()
        if removed == added and revision == self._revision and document.isUndoRedoEnabled():
            return  # a highlighter re-formatting a block, not an edit
        self._revision = revision
        self._generation += 1
        if removed + added > BIG_EDIT:  # a reload or a huge paste: check everything again
            self._start_full_pass()
            return
        # Qt may report a span running past the end (the first edit, setPlainText): clamp
        length = document.characterCount() - 1
        removed = max(0, min(removed, self._length - pos))
        added = max(0, min(added, length - pos))
        self._length = length
        stale = self._stale_text
        if stale is None:
            self._stale_text = (pos, pos + added)
        else:
            self._stale_text = (min(_shift(stale[0], pos, removed, added), pos),
                                max(_shift(stale[1], pos, removed, added), pos + added))
        if self._issues.edit(pos, removed, added):
            self._dropped_on_edit = True
        if self._edit_log is not None:
            self._edit_log.append((pos, removed, added))
        if self._dirty is not None:
            start, end = self._dirty
            self._dirty = (min(_shift(start, pos, removed, added), pos),
                           max(_shift(end, pos, removed, added), pos + added))
        else:
            self._dirty = (pos, pos + added)
        job = self._in_flight
        if job is not None and job["kind"] == "range":
            start, end = job["range"]
            job["range"] = [_shift(start, pos, removed, added), _shift(end, pos, removed, added)]
        low, high = self._rendered_window
        self._rendered_window = (_shift(low, pos, removed, added), _shift(high, pos, removed, added))
        self._recheck_timer.start()

    # -- underlines ---------------------------------------------------------------------------
    def _visible_span(self) -> tuple[int, int]:
        viewport = self.editor.viewport()
        first = self.editor.cursorForPosition(QPoint(0, 0)).position()
        last = self.editor.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return first, max(first, last)

    def _on_scrolled(self, *_args) -> None:
        self._render()

    def _render(self, force: bool = False) -> None:
        """Underline the issues on screen (and a margin of half a screen each side)."""
        if self._closed:
            return
        if not self.enabled or not len(self._issues):
            if force or self._rendered_window != (0, -1):
                self._rendered_window = (0, -1)
                show_selection_layer(self.editor, LAYER, [])
            return
        first, last = self._visible_span()
        low, high = self._rendered_window
        if not force and low <= first and last <= high:
            return
        margin = max(500, (last - first) // 2)
        low, high = max(0, first - margin), last + margin
        self._rendered_window = (low, high)
        issues = self._issues.in_range(low, high, MAX_UNDERLINES)
        # Constructing Qt objects lets a busy worker thread take the GIL (up to 5 ms
        # each time); one cursor and recycled selections keep this loop free of them.
        pool = self._selection_pool
        while len(pool) < len(issues):
            pool.append(QTextEdit.ExtraSelection())
        cursor = QTextCursor(self.editor.document())
        keep = QTextCursor.MoveMode.KeepAnchor
        for selection, issue in zip(pool, issues, strict=False):
            cursor.setPosition(issue.start)
            cursor.setPosition(issue.end, keep)
            selection.cursor = cursor  # copied: Qt moves the copy with later edits
            selection.format = self._repeat_format if issue.kind == REPEAT else self._spelling_format
        show_selection_layer(self.editor, LAYER, pool[:len(issues)])

    def _show_context_menu(self, position: QPoint) -> None:
        # QAbstractScrollArea reports the position in viewport coordinates
        menu = self.build_context_menu(position)
        menu.exec(self.editor.viewport().mapToGlobal(position))
        menu.deleteLater()

    # -- issues ------------------------------------------------------------------------------
    def issues(self) -> list[SpellIssue]:
        """Every current issue, in text order, with offsets into the editor's text now."""
        return self._issues.all() if self.enabled else []

    def issue_at(self, position: int) -> SpellIssue | None:
        """The issue under a text position (a word's end counts, as the caret sits there)."""
        index = self._issues.first_ending_at_or_after(position)
        if index < len(self._issues) and self._issues.start(index) <= position:
            return self._issues.issue(index)
        return None

    def line_of(self, offset: int) -> int:
        """1-based line of a text offset."""
        return self.editor.document().findBlock(offset).blockNumber() + 1

    def next_issue(self) -> bool:
        """Select the next issue after the cursor, wrapping to the first (F7)."""
        if not self.enabled or not len(self._issues):
            return False
        cursor = self.editor.textCursor()
        index = self._issues.first_starting_at_or_after(max(cursor.selectionEnd(), cursor.position()))
        if index >= len(self._issues):
            index = 0
        self.select_issue(self._issues.issue(index))
        return True

    def select_issue(self, issue: SpellIssue) -> None:
        """Select an issue's word in the editor and bring it into view."""
        start, end = issue.start, issue.end
        if self._document_text(start, end) != issue.word:  # the panel's copy is older
            found = self._nearest(issue)
            if found is None:
                return
            start, end = found.start, found.end
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.editor.setFocus()

    def _document_text(self, start: int, end: int) -> str:
        cursor = QTextCursor(self.editor.document())
        length = self.editor.document().characterCount() - 1
        cursor.setPosition(max(0, min(start, length)))
        cursor.setPosition(max(0, min(end, length)), QTextCursor.MoveMode.KeepAnchor)
        return _plain(cursor.selectedText())

    def _nearest(self, issue: SpellIssue) -> SpellIssue | None:
        candidates = [i for i in self._issues.all() if i.word == issue.word and i.kind == issue.kind]
        return min(candidates, key=lambda i: abs(i.start - issue.start), default=None)

    # -- actions -------------------------------------------------------------------------------
    def replace_issue(self, issue: SpellIssue, replacement: str) -> None:
        """Replace the flagged word in one undoable edit."""
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        cursor.setPosition(issue.start)
        cursor.setPosition(issue.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)

    def remove_repeat(self, issue: SpellIssue) -> None:
        offset = max(0, issue.start - 200)  # the blanks before the word go too
        context = self._document_text(offset, issue.end)
        local = SpellIssue(issue.kind, issue.word, issue.start - offset, issue.end - offset)
        start, end = repeat_removal_span(context, local)
        start, end = start + offset, end + offset
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)

    def add_word(self, word: str, scope: str) -> bool:
        """Teach a word ("personal", "newsroom" or "article") and drop its flags."""
        try:
            self.service.add_word(self.dictionaries, word, scope)
        except BylineError as exc:
            self.message.emit(str(exc))
            return False
        self._forget_word(word)
        return True

    def ignore_word(self, word: str) -> bool:
        return self.add_word(word, "article")

    def _forget_word(self, word: str) -> None:
        self._words_epoch += 1
        key = normalize_word(word)
        if self._issues.keep_only(lambda kind, w: kind != SPELLING or normalize_word(w) != key):
            self._after_issues_changed()

    def _on_words_changed(self, word: str, scope: str, article_id, added: bool) -> None:
        """A word list changed (``word`` empty: many words at once, e.g. an import)."""
        if self.checker is None:
            return
        if scope == "article" and article_id != self.article_id:
            return
        if not word:
            self.checker = None  # the next pass builds one with the lists as stored now
            if self.enabled:
                self._generation += 1
                self._start_full_pass()
        elif added:
            self.checker.add_words([word], scope)
            self._forget_word(word)
        elif normalize_word(word) in self.checker.words(scope):
            self.checker.remove_words([word], scope)
            if self.enabled:
                self._generation += 1
                self._start_full_pass()

    def build_context_menu(self, position: QPoint) -> QMenu:
        """The editor's context menu with spelling entries for the word at ``position``
        (viewport coordinates). Tests trigger its actions without showing it."""
        menu = self.editor.createStandardContextMenu(position)
        first_standard = menu.actions()[0] if menu.actions() else None
        entries: list[QAction] = []

        def entry(text: str, slot, *, enabled: bool = True) -> QAction:
            action = QAction(text, menu)
            action.setEnabled(enabled)
            if slot is not None:
                action.triggered.connect(slot)
            entries.append(action)
            return action

        def separator() -> None:
            action = QAction(menu)
            action.setSeparator(True)
            entries.append(action)

        offset = self.editor.cursorForPosition(position).position()
        issue = self.issue_at(offset) if self.enabled else None
        if issue is not None and issue.kind == REPEAT:
            entry(f"Remove repeated “{issue.word}”", lambda: self.remove_repeat(issue))
            separator()
        elif issue is not None:
            ready = self.checker is not None and self.service.suggestions_ready(self.language)
            suggestions = self.checker.with_suggestions([issue], MAX_SUGGESTIONS)[0].suggestions \
                if ready else ()
            for suggestion in suggestions[:MAX_SUGGESTIONS]:
                action = entry(suggestion, lambda _=False, s=suggestion: self.replace_issue(issue, s))
                font = action.font()
                font.setBold(True)
                action.setFont(font)
            if not ready:
                entry("(suggestions are still loading)", None, enabled=False)
            elif not suggestions:
                entry("(no suggestions)", None, enabled=False)
            separator()
            word = issue.word
            entry("Add to my dictionary", lambda: self.add_word(word, "personal"),
                  enabled=self.service.personal_path is not None)
            entry("Add to newsroom dictionary", lambda: self.add_word(word, "newsroom"),
                  enabled=self.library is not None)
            entry("Ignore in this article", lambda: self.ignore_word(word),
                  enabled=self.library is not None and self.article_id is not None)
            separator()
        for action in entries:
            menu.insertAction(first_standard, action)
        menu.addSeparator()
        menu.addAction(self.toggle_action)
        return menu
