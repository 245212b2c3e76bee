"""Manage the word lists: my dictionary (a file), the newsroom's (in the library), this article's.

Plain text, one word a line, in and out: newsrooms already keep such lists for their
style guide, and a list must outlive any one program. Every change goes through
`SpellService` when one is given, so open articles stop (or start) flagging the word
at once.
"""

from __future__ import annotations

import pathlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import BylineError
from editor_app.core.spelling import Dictionaries

SCOPE_TITLES = {"personal": "My dictionary", "newsroom": "Newsroom", "article": "This article"}


class _ScopePage(QWidget):
    def __init__(self, scope: str, parent=None):
        super().__init__(parent)
        self.scope = scope
        self.filter = QLineEdit(placeholderText="Filter")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSortingEnabled(True)
        self.entry = QLineEdit(placeholderText="New word")
        self.add_button = QPushButton("Add")
        self.remove_button = QPushButton("Remove")
        self.import_button = QPushButton("Import…")
        self.export_button = QPushButton("Export…")
        self.count_label = QLabel()

        add_row = QHBoxLayout()
        add_row.addWidget(self.entry, 1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        for button in (self.remove_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(add_row)
        layout.addLayout(buttons)
        self.filter.textChanged.connect(self._apply_filter)

    def show_words(self, words) -> None:
        self.list.setSortingEnabled(False)
        self.list.clear()
        self.list.addItems(sorted(words, key=lambda w: (w.casefold(), w)))
        self.list.setSortingEnabled(True)
        self.count_label.setText(f"{len(words)} words" if len(words) != 1 else "1 word")
        self._apply_filter(self.filter.text())

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())


class DictionaryDialog(QDialog):
    """Lists, adds, removes, imports and exports the words of each dictionary.

    ``ask_open_path`` / ``ask_save_path`` return a path or None; tests replace them.
    Signals: words_changed(str scope).
    """

    words_changed = Signal(str)

    def __init__(self, dictionaries: Dictionaries, *, service=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Dictionaries")
        self.resize(460, 520)
        self.dictionaries = dictionaries
        self.service = service
        self.ask_open_path = self._ask_open_path
        self.ask_save_path = self._ask_save_path
        self.pages: dict[str, _ScopePage] = {}
        self.tabs = QTabWidget()
        scopes = []
        if dictionaries.personal_path is not None:
            scopes.append("personal")
        if dictionaries.store is not None:
            scopes.append("newsroom")
            if dictionaries.article_id is not None:
                scopes.append("article")
        for scope in scopes:
            page = _ScopePage(scope)
            page.add_button.clicked.connect(lambda _=False, s=scope: self._add_from_entry(s))
            page.entry.returnPressed.connect(lambda s=scope: self._add_from_entry(s))
            page.remove_button.clicked.connect(lambda _=False, s=scope: self._remove_selected(s))
            page.import_button.clicked.connect(lambda _=False, s=scope: self._import_clicked(s))
            page.export_button.clicked.connect(lambda _=False, s=scope: self._export_clicked(s))
            self.pages[scope] = page
            self.tabs.addTab(page, SCOPE_TITLES[scope])
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not scopes:
            layout.addWidget(QLabel("No dictionary is available: no personal word list is "
                                    "configured and no library is open."))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        for scope in scopes:
            self.reload(scope)

    # -- reading -------------------------------------------------------------------------
    def reload(self, scope: str) -> None:
        try:
            words = self.dictionaries.words(scope)
        except BylineError as exc:
            self._say(str(exc))
            words = set()
        self.pages[scope].show_words(words)

    def words_shown(self, scope: str) -> list[str]:
        page = self.pages[scope]
        return [page.list.item(row).text() for row in range(page.list.count())]

    def show_scope(self, scope: str) -> None:
        self.tabs.setCurrentWidget(self.pages[scope])

    # -- changes ------------------------------------------------------------------------
    def add_word(self, scope: str, word: str) -> bool:
        word = word.strip()
        if not word:
            return False
        try:
            if self.service is not None:
                self.service.add_word(self.dictionaries, word, scope)
            else:
                self.dictionaries.add(word, scope)
        except BylineError as exc:
            self._say(str(exc))
            return False
        self._changed(scope, f"Added “{word}”.")
        return True

    def remove_words(self, scope: str, words) -> int:
        removed = 0
        for word in list(words):
            try:
                if self.service is not None:
                    self.service.remove_word(self.dictionaries, word, scope)
                else:
                    self.dictionaries.remove(word, scope)
            except BylineError as exc:
                self._say(str(exc))
                break
            removed += 1
        if removed:
            self._changed(scope, f"Removed {removed} word{'s' if removed != 1 else ''}.")
        return removed

    def import_from(self, scope: str, path) -> int:
        """Add every word of a plain-text list (one a line); returns how many were new."""
        try:
            if self.service is not None:
                count = self.service.import_words(self.dictionaries, path, scope)
            else:
                count = self.dictionaries.import_words(path, scope)
        except BylineError as exc:
            self._say(str(exc))
            return 0
        self._changed(scope, f"Imported {count} new word{'s' if count != 1 else ''} "
                             f"from {pathlib.Path(path).name}.")
        return count

    def export_to(self, scope: str, path) -> int:
        try:
            count = self.dictionaries.export_words(path, scope)
        except BylineError as exc:
            self._say(str(exc))
            return 0
        self._say(f"Exported {count} word{'s' if count != 1 else ''} to {path}.")
        return count

    def _add_from_entry(self, scope: str) -> None:
        page = self.pages[scope]
        if self.add_word(scope, page.entry.text()):
            page.entry.clear()

    def _remove_selected(self, scope: str) -> None:
        self.remove_words(scope, [item.text() for item in self.pages[scope].list.selectedItems()])

    def _import_clicked(self, scope: str) -> None:
        path = self.ask_open_path()
        if path:
            self.import_from(scope, path)

    def _export_clicked(self, scope: str) -> None:
        path = self.ask_save_path(f"{scope}-dictionary.txt")
        if path:
            self.export_to(scope, path)

    def _changed(self, scope: str, message: str) -> None:
        self.reload(scope)
        self._say(message)
        self.words_changed.emit(scope)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _ask_open_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, "Import word list", "",
                                              "Word lists (*.txt *.dic);;All files (*)")
        return path or None

    def _ask_save_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, "Export word list", suggested,
                                              "Word lists (*.txt)")
        return path or None

