"""The editor's context menu with spell-check's entries: suggestions, teach, ignore, remove.

It asks the article's SpellController (public methods only) what is under the mouse and
what may be offered, and edits the text itself: a replacement is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu

from editor_app.core.spelling import REPEAT, SpellIssue, repeat_removal_span

MAX_SUGGESTIONS = 5
#: How far before a repeated word the blanks to remove with it are looked for.
REPEAT_CONTEXT = 200
#: The editor's own entries, by the object names Qt gives them: Qt names them from its own
#: catalogue, which has no Lithuanian, so the menu names them itself.
STANDARD_ENTRIES = {"edit-undo": QT_TRANSLATE_NOOP("SpellingMenu", "&Undo"),
                    "edit-redo": QT_TRANSLATE_NOOP("SpellingMenu", "&Redo"),
                    "edit-cut": QT_TRANSLATE_NOOP("SpellingMenu", "Cu&t"),
                    "edit-copy": QT_TRANSLATE_NOOP("SpellingMenu", "&Copy"),
                    "edit-paste": QT_TRANSLATE_NOOP("SpellingMenu", "&Paste"),
                    "edit-delete": QT_TRANSLATE_NOOP("SpellingMenu", "Delete"),
                    "select-all": QT_TRANSLATE_NOOP("SpellingMenu", "Select All")}


#: lupdate reads the literal texts of translate("Context", "…") calls
translate = QCoreApplication.translate


class SpellingMenu:
    """Builds and shows the context menu for one article's editor.

    ``controller`` is its SpellController: ``editor``, ``enabled``, ``issue_at``,
    ``suggestions_for``, ``can_teach``, ``add_word``, ``document_text`` and
    ``toggle_action`` are what the menu uses.
    """

    def __init__(self, controller):
        self._controller = controller
        self._editor = controller.editor

    def show(self, position: QPoint) -> None:
        # QAbstractScrollArea reports the position in viewport coordinates
        menu = self.build(position)
        menu.exec(self._editor.viewport().mapToGlobal(position))
        menu.deleteLater()

    def build(self, position: QPoint) -> QMenu:
        """The editor's standard menu with spelling entries for the word at ``position``
        (viewport coordinates). Tests trigger its actions without showing it."""
        controller = self._controller
        menu = self._editor.createStandardContextMenu(position)
        for action in menu.actions():
            text = STANDARD_ENTRIES.get(action.objectName())
            if text is not None:  # keep the key Qt shows after a tab
                key = action.text().partition("\t")[2]
                action.setText(translate("SpellingMenu", text) + (f"\t{key}" if key else ""))
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

        offset = self._editor.cursorForPosition(position).position()
        issue = controller.issue_at(offset) if controller.enabled else None
        if issue is not None and issue.kind == REPEAT:
            entry(translate("SpellingMenu", "Remove repeated “{word}”").format(word=issue.word),
                  lambda: self.remove_repeat(issue))
            separator()
        elif issue is not None:
            suggestions = controller.suggestions_for(issue, MAX_SUGGESTIONS)
            for suggestion in (suggestions or ())[:MAX_SUGGESTIONS]:
                action = entry(suggestion, lambda _=False, s=suggestion: self.replace(issue, s))
                font = action.font()
                font.setBold(True)
                action.setFont(font)
            if suggestions is None:
                entry(translate("SpellingMenu", "(suggestions are still loading)"), None,
                      enabled=False)
            elif not suggestions:
                entry(translate("SpellingMenu", "(no suggestions)"), None, enabled=False)
            separator()
            word = issue.word
            entry(translate("SpellingMenu", "Add to my dictionary"),
                  lambda: controller.add_word(word, "personal"),
                  enabled=controller.can_teach("personal"))
            entry(translate("SpellingMenu", "Add to newsroom dictionary"),
                  lambda: controller.add_word(word, "newsroom"),
                  enabled=controller.can_teach("newsroom"))
            entry(translate("SpellingMenu", "Ignore in this article"),
                  lambda: controller.ignore_word(word), enabled=controller.can_teach("article"))
            separator()
        for action in entries:
            menu.insertAction(first_standard, action)
        menu.addSeparator()
        menu.addAction(controller.toggle_action)
        return menu

    def replace(self, issue: SpellIssue, replacement: str) -> None:
        """Replace the flagged word in one undoable edit."""
        self._edit(issue.start, issue.end, replacement)

    def remove_repeat(self, issue: SpellIssue) -> None:
        """Remove the second of two repeated words and the blanks before it."""
        offset = max(0, issue.start - REPEAT_CONTEXT)
        context = self._controller.document_text(offset, issue.end)
        local = SpellIssue(issue.kind, issue.word, issue.start - offset, issue.end - offset)
        start, end = repeat_removal_span(context, local)
        self._edit(start + offset, end + offset, "")

    def _edit(self, start: int, end: int, text: str) -> None:
        cursor = QTextCursor(self._editor.document())
        cursor.beginEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)
        cursor.endEditBlock()
        self._editor.setTextCursor(cursor)
