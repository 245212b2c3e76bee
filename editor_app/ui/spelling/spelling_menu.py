"""`SpellController`'s context menu and the word actions it offers (also used by the panel).

A mixin: the methods read the controller's editor, issues and service.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu

from editor_app.core.errors import BylineError
from editor_app.core.spelling import (
    REPEAT,
    SPELLING,
    SpellIssue,
    normalize_word,
    repeat_removal_span,
)

MAX_SUGGESTIONS = 5


class _SpellMenu:
    """Context menu, replacements and taught words for `SpellController`."""

    def _show_context_menu(self, position: QPoint) -> None:
        # QAbstractScrollArea reports the position in viewport coordinates
        menu = self.build_context_menu(position)
        menu.exec(self.editor.viewport().mapToGlobal(position))
        menu.deleteLater()

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
