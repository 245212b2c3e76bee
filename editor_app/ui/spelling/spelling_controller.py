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

The worker side (`SpellService`, the jobs) is in `spelling_service`, the Qt-free
bookkeeping in `spelling_state`, the context menu and word actions in `spelling_menu`.
"""

from __future__ import annotations

from PySide6.QtCore import QMetaMethod, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from editor_app.core.errors import BylineError
from editor_app.core.spelling import REPEAT, SpellIssue, load_language
from editor_app.core.spelling.tracking import _IssueIndex, _NamesBox, _plain, _shift, _TextVersion
from editor_app.ui.desk.selection_layers import SelectionLayers
from editor_app.ui.spelling.spelling_menu import MAX_SUGGESTIONS, _SpellMenu
from editor_app.ui.spelling.spelling_service import NAMES_DELAY_S, SpellService, _Relay, _SpellJobs

# Re-exported: callers and tests import these from here, as before the split.
__all__ = [
    "BIG_EDIT", "ISSUES_SIGNAL_DELAY_MS", "LAYER", "MAX_SUGGESTIONS", "MAX_UNDERLINES",
    "NAMES_DELAY_S", "RECHECK_DELAY_MS", "SpellController", "SpellService", "_IssueIndex",
    "load_language", "show_selection_layer",
]

#: Typing pause after which the edited paragraphs are rechecked.
RECHECK_DELAY_MS = 200
#: Pause after the last result before `issues_changed` (the panel) is told.
ISSUES_SIGNAL_DELAY_MS = 150
#: Most underlines drawn at once (a screenful rarely holds more than a few dozen).
MAX_UNDERLINES = 600
#: An edit this large (characters removed + added) restarts the full pass.
BIG_EDIT = 20_000
LAYER = "spelling"


def show_selection_layer(editor: QPlainTextEdit, name: str, selections) -> None:
    """Show ``selections`` as the editor's layer ``name`` (any QPlainTextEdit)."""
    SelectionLayers.of(editor).set_layer(name, selections)



class SpellController(_SpellJobs, _SpellMenu, QObject):
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
