"""Spell-check attached to any QPlainTextEdit: wavy underlines, context menu, F7, per-article switch.

Why it is built this way (spell-check is what makes long documents slow elsewhere):

* The GUI thread never scans text. A keystroke costs a few integer updates (core's
  ``EditTracker`` and ``IssueIndex``: the issues shift lazily, the worker's copy of the
  text is patched from the typed span) and a timer restart. When typing pauses, the
  edited paragraphs go to the worker (``SpellPasses``, ~2 ms); the answer comes back on
  the GUI thread.
* Every edit starts a new generation. A paragraph answer computed on older text is
  dropped and its span rechecked; the first full pass, which takes longer, is instead
  mapped through the edits made meanwhile (otherwise continuous typing would starve it).
* Underlines (``SpellUnderlines``) are drawn for the visible part of the document only.
* A missing or unreadable dictionary switches spell-check off for the session with a
  message (``unavailable``); the editor is never blocked.

The parts: ``SpellService`` (one per process: the worker, languages, word lists),
``SpellPasses`` (this article's jobs on the worker), ``SpellUnderlines`` (drawing),
``SpellingMenu`` (the context menu). This class holds them together for one editor and
is what the rest of the window talks to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMetaMethod, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.core.errors import BylineError
from editor_app.core.spelling import SPELLING, SpellIssue, names_from_metadata, normalize_word
from editor_app.core.spelling.tracking import EditTracker, IssueIndex, map_through_edits
from editor_app.ui.spelling.spelling_menu import SpellingMenu
from editor_app.ui.spelling.spelling_messages import spelling_message
from editor_app.ui.spelling.spelling_passes import SpellPasses
from editor_app.ui.spelling.spelling_service import SpellService
from editor_app.ui.spelling.spelling_underlines import SpellUnderlines

if TYPE_CHECKING:
    from editor_app.core.library import Library

#: Typing pause after which the edited paragraphs are rechecked.
RECHECK_DELAY_MS = 200
#: Pause after the last result before `issues_changed` (the panel) is told.
ISSUES_SIGNAL_DELAY_MS = 150
#: An edit this large (characters removed + added) restarts the full pass.
BIG_EDIT = 20_000


def _plain(text: str) -> str:
    """Qt's separators as ``toPlainText`` gives them (same length, so offsets agree)."""
    return text.replace("\u2029", "\n").replace("\u2028", "\n").replace("\u00a0", " ")

#: Dictionary problems already shown (LanguageData.problems): each is said once.
_ANNOUNCED_PROBLEMS: set[str] = set()


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

    def __init__(self, editor: QPlainTextEdit, library: Library, article_id, language="en",
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
        self.dictionaries = self.service.dictionaries(library, article_id)
        #: the checker of the last full pass (None until one has run)
        self.checker = None
        self.enabled = False
        #: answers dropped because the text moved on (tests, statistics)
        self.stale_dropped = 0
        #: times the worker's copy of the text had to be taken whole again (tests)
        self.resyncs = 0
        self._closed = False
        self._revision = -1  # the document revision of the last edit seen
        self._dropped_on_edit = False  # an edit dropped issues whose underline still shows
        self._words_epoch = 0  # bumped when a word list changes

        self._issues = IssueIndex()
        self._tracker = EditTracker()
        self._passes = SpellPasses(pool or self.service.executor, self)
        self._underlines = SpellUnderlines(editor, self._issues)
        self._menu = SpellingMenu(self)

        self._issues_signal = QMetaMethod.fromSignal(self.issues_changed)
        self._passes.full_pass_done.connect(self._on_full_pass)
        self._passes.recheck_done.connect(self._on_recheck)
        self._passes.failed.connect(self._on_pass_failed)
        self._passes.lost_track.connect(self._on_lost_track)
        self._passes.returned.connect(self._on_job_returned)
        self._recheck_timer = QTimer(self, singleShot=True, interval=RECHECK_DELAY_MS)
        self._recheck_timer.timeout.connect(self._dispatch_recheck)
        self._issues_timer = QTimer(self, singleShot=True, interval=ISSUES_SIGNAL_DELAY_MS)
        self._issues_timer.timeout.connect(self._emit_issues)

        self.toggle_action = QAction(self.tr("Check spelling"), self, checkable=True)
        self.toggle_action.setToolTip(self.tr("Spell-check this article (F7: next issue)"))
        self.toggle_action.toggled.connect(self._toggled_by_user)
        # F7 belongs to the editor's QShortcut; binding it to a menu action as well would
        # make it ambiguous (Qt then fires neither), so this action only names the key.
        self.next_action = QAction(self.tr("Next spelling issue") + "\tF7", self)
        self.next_action.triggered.connect(self.next_issue)
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_F7), editor)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.next_issue)

        editor.document().contentsChange.connect(self._on_contents_change)
        editor.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        # No event filter: it would put a Python call (and a wait for the GIL while the
        # worker runs) in front of every key and paint event. A resize that changes what
        # is visible changes the scroll range; the context menu comes as a signal.
        editor.verticalScrollBar().rangeChanged.connect(self._on_scrolled)
        self._previous_menu_policy = editor.contextMenuPolicy()
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._menu.show)
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
        self._set_checked(bool(on))
        self._tracker.new_generation()
        self._tracker.stop()
        self._passes.forget_full_pass()
        self._recheck_timer.stop()
        if self.enabled:
            self._start_full_pass()
        else:
            self._issues.reset(())
            self._render(force=True)
            self._issues_timer.start(0)
        self.enabled_changed.emit(self.enabled)

    def _set_checked(self, on: bool) -> None:
        self.enabled = on
        self.toggle_action.blockSignals(True)
        self.toggle_action.setChecked(on)
        self.toggle_action.blockSignals(False)

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
            self._restart()

    def close(self) -> None:
        """Detach from the editor (the article tab closes)."""
        self._closed = True
        self._passes.close()
        self._recheck_timer.stop()
        self._issues_timer.stop()
        try:
            self.editor.document().contentsChange.disconnect(self._on_contents_change)
            self.editor.verticalScrollBar().rangeChanged.disconnect(self._on_scrolled)
            self.editor.verticalScrollBar().valueChanged.disconnect(self._on_scrolled)
            self.editor.customContextMenuRequested.disconnect(self._menu.show)
            self.editor.setContextMenuPolicy(self._previous_menu_policy)
            self.service.words_changed.disconnect(self._on_words_changed)
        except (RuntimeError, TypeError):
            pass
        if self._own_service:
            self.service.shutdown()

    # -- edits (the per-keystroke path: keep it to integer bookkeeping) -----------------------
    def _on_contents_change(self, pos: int, removed: int, added: int) -> None:
        if not self.enabled:
            return
        document = self.editor.document()
        revision = document.revision()
        if removed == added and revision == self._revision and document.isUndoRedoEnabled():
            return  # a highlighter re-formatting a block, not an edit
        self._revision = revision
        self._tracker.new_generation()
        if removed + added > BIG_EDIT:  # a reload or a huge paste: check everything again
            self._start_full_pass()
            return
        removed, added = self._tracker.edit(pos, removed, added, document.characterCount() - 1)
        if self._issues.edit(pos, removed, added):
            self._dropped_on_edit = True
        self._passes.shift(pos, removed, added)
        self._underlines.shift(pos, removed, added)
        self._recheck_timer.start()

    def _read_span(self, start: int, end: int) -> str:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return _plain(cursor.selectedText())

    def _document_length(self) -> int:
        return self.editor.document().characterCount() - 1

    def document_text(self, start: int, end: int) -> str:
        """The editor's text between two offsets (clamped to the text), as ``toPlainText``."""
        length = self._document_length()
        return self._read_span(max(0, min(start, length)), max(0, min(end, length)))

    def text(self) -> str:
        """The editor's text as the worker sees it (``toPlainText()``); for tests."""
        version = self._tracker.current_version(self._document_length(), self._read_span)
        version.complete()
        text = version.get(timeout=5)
        if text is None:  # lost track of an edit: take the whole text again
            self.resyncs += 1
            text = self.editor.toPlainText()
            self._tracker.resync(text)
        return text

    # -- the worker ----------------------------------------------------------------------------
    def _start_full_pass(self) -> None:
        text = self.editor.toPlainText()
        self._revision = self.editor.document().revision()
        self._tracker.restart(text)
        names = names_from_metadata(*self._metadata_names) | self._metadata_names
        language, title, dictionaries = self.language, self._title, self.dictionaries
        # The library's lists are read here, on the thread that owns its connection.
        stored = dictionaries.stored_words()

        def make_checker():
            return dictionaries.checker(language, metadata_names=names, title=title,
                                        stored_words=stored)

        self._passes.start_full_pass(text, self.checker, make_checker, self._words_epoch)

    def _restart(self) -> None:
        """Check everything again (the metadata or a word list changed)."""
        self._tracker.new_generation()
        self._start_full_pass()

    def _dispatch_recheck(self) -> None:
        if self._closed or not self.enabled or self._tracker.dirty is None:
            return
        if self._passes.busy or self.checker is None:
            return  # sent when the job on the worker comes back
        start, end = self._tracker.take_dirty()
        version = self._tracker.current_version(self._document_length(), self._read_span)
        self._passes.recheck(version, start, end, self.checker, self._tracker.generation)

    def recheck_now(self) -> None:
        """Send pending edits to the worker without waiting for the typing pause."""
        self._recheck_timer.stop()
        self._dispatch_recheck()

    def is_idle(self) -> bool:
        """Nothing on the worker, no full pass under way and no edit waiting to be checked."""
        return (not self._passes.busy and not self._passes.full_pass_running
                and self._tracker.dirty is None)

    @property
    def generation(self) -> int:
        """Grows with every edit; a recheck answers for the generation it was sent in."""
        return self._tracker.generation

    @property
    def passes(self) -> SpellPasses:
        """This article's traffic with the worker (its signals show every answer)."""
        return self._passes

    @property
    def proven_names(self) -> frozenset[str] | None:
        """The names the last full pass proved from the whole text (the names rule)."""
        return self._passes.proven_names

    @Slot(object, object, int)
    def _on_full_pass(self, checker, issues, words_epoch: int) -> None:
        if not self.enabled:
            return
        self.checker = checker
        for problem in checker.problems:  # a broken dictionary: said once per process
            if problem not in _ANNOUNCED_PROBLEMS:
                _ANNOUNCED_PROBLEMS.add(problem)
                self.message.emit(spelling_message(problem))
        edits = self._tracker.take_edit_log()
        if words_epoch != self._words_epoch:  # a word was taught while the pass ran
            known = checker.is_known
            issues = [i for i in issues if i.kind != SPELLING or not known(i.word)]
        if edits:
            issues = [m for m in (map_through_edits(i, edits) for i in issues) if m is not None]
        self._issues.reset(issues)
        self._after_issues_changed()

    @Slot(int, int, int, object)
    def _on_recheck(self, generation: int, start: int, end: int, answer) -> None:
        if not self.enabled:
            return
        if generation != self._tracker.generation:
            # computed on text that has changed since: drop it, recheck that span later
            self.stale_dropped += 1
            self._tracker.mark_dirty(start, end)
            return
        span_start, span_end, issues = answer
        known = self.checker.is_known
        issues = [i for i in issues if i.kind != SPELLING or not known(i.word)]
        changed = self._issues.replace_span(span_start, span_end, issues)
        if changed or self._dropped_on_edit:
            # most pauses end on correct words: then nothing is redrawn or announced
            self._dropped_on_edit = False
            self._after_issues_changed()

    @Slot(str, bool)
    def _on_pass_failed(self, message: str, full: bool) -> None:
        if not self.enabled:
            return
        message = spelling_message(message)  # core's refusal, in the interface's language
        if not full:
            self.message.emit(message)
            return
        self._set_checked(False)
        self._issues.reset(())
        self._render(force=True)
        self.unavailable.emit(message)
        self.message.emit(message)
        self.enabled_changed.emit(False)

    @Slot()
    def _on_lost_track(self) -> None:
        if self.enabled:
            self.resyncs += 1
            self._restart()

    @Slot()
    def _on_job_returned(self) -> None:
        if self.enabled and self._tracker.dirty is not None:
            self._recheck_timer.start()

    # -- underlines and the panel -----------------------------------------------------------
    def _on_scrolled(self, *_args) -> None:
        self._render()

    def _render(self, force: bool = False) -> None:
        if not self._closed:
            self._underlines.draw(force=force)

    def _after_issues_changed(self) -> None:
        self._render(force=True)
        self._issues_timer.start()

    def _emit_issues(self) -> None:
        # building the list costs O(issues): only when someone listens (the panel)
        if not self._closed and self.isSignalConnected(self._issues_signal):
            self.issues_changed.emit(self.issues())

    # -- issues ------------------------------------------------------------------------------
    def issues(self) -> list[SpellIssue]:
        """Every current issue, in text order, with offsets into the editor's text now."""
        return self._issues.all() if self.enabled else []

    def issue_at(self, position: int) -> SpellIssue | None:
        """The issue under a text position (a word's end counts, as the caret sits there)."""
        return self._issues.at(position)

    def line_of(self, offset: int) -> int:
        """1-based line of a text offset."""
        return self.editor.document().findBlock(offset).blockNumber() + 1

    def next_issue(self) -> bool:
        """Select the next issue after the cursor, wrapping to the first (F7)."""
        if not self.enabled:
            return False
        cursor = self.editor.textCursor()
        issue = self._issues.next_after(max(cursor.selectionEnd(), cursor.position()))
        if issue is None:
            return False
        self.select_issue(issue)
        return True

    def select_issue(self, issue: SpellIssue) -> None:
        """Select an issue's word in the editor and bring it into view."""
        start, end = issue.start, issue.end
        if self.document_text(start, end) != issue.word:  # the panel's copy is older
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

    def _nearest(self, issue: SpellIssue) -> SpellIssue | None:
        candidates = [i for i in self._issues.all() if i.word == issue.word and i.kind == issue.kind]
        return min(candidates, key=lambda i: abs(i.start - issue.start), default=None)

    def suggestions_for(self, issue: SpellIssue, limit: int) -> list[str] | None:
        """Replacements for a misspelled word; None while suggesting would not be instant
        (the language's index is still being built: the menu must not wait for it)."""
        if self.checker is None or not self.service.suggestions_ready(self.language):
            return None
        return list(self.checker.with_suggestions([issue], limit)[0].suggestions)

    # -- word lists ----------------------------------------------------------------------------
    def build_context_menu(self, position):
        """The editor's context menu with the spelling entries (see SpellingMenu.build)."""
        return self._menu.build(position)

    def can_teach(self, scope: str) -> bool:
        """Whether a word can go to the "personal", "newsroom" or "article" word list here."""
        if scope == "personal":
            return self.service.personal_path is not None
        if scope == "newsroom":
            return self.library is not None
        return self.library is not None and self.article_id is not None

    def add_word(self, word: str, scope: str) -> bool:
        """Teach a word ("personal", "newsroom" or "article") and drop its flags."""
        try:
            self.service.add_word(self.dictionaries, word, scope)
        except BylineError as exc:
            self.message.emit(spelling_message(str(exc)))
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
                self._restart()
        elif added:
            self.checker.add_words([word], scope)
            self._forget_word(word)
        elif normalize_word(word) in self.checker.words(scope):
            self.checker.remove_words([word], scope)
            if self.enabled:
                self._restart()
