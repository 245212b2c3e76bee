"""The vocabulary manager: every tag with slug, aliases, description and article count.

Rename, merge, aliases and descriptions go through core (each one transaction).
Confirmations say what will happen and how to undo it: a rename keeps the old
name as an alias (rename back to undo); a merge cannot be split again, so its
confirmation names the number of articles that move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from editor_app.core.errors import BylineError

if TYPE_CHECKING:
    from editor_app.core.library import Library

#: English; translated where they are shown (context VocabularyDialog)
COLUMNS = (QT_TRANSLATE_NOOP("VocabularyDialog", "Name"),
           QT_TRANSLATE_NOOP("VocabularyDialog", "Slug"),
           QT_TRANSLATE_NOOP("VocabularyDialog", "Aliases"),
           QT_TRANSLATE_NOOP("VocabularyDialog", "Description"),
           QT_TRANSLATE_NOOP("VocabularyDialog", "Articles"))
ID_ROLE = Qt.ItemDataRole.UserRole


class VocabularyDialog(QDialog):
    """Manage the tag vocabulary. Actions take optional arguments so tests need no popups."""

    def __init__(self, library: Library, signals, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag vocabulary"))
        self.resize(760, 480)
        self._library = library
        self._signals = signals
        #: asks the user to confirm (title, text) -> bool; tests replace it
        self.confirm = self._confirm_with_message_box

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter tags…"))
        self.filter.setAccessibleName(self.tr("Filter tags"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])
        self.table.setAccessibleName(self.tr("Tags"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.rename_button = QPushButton(self.tr("&Rename…"))
        self.merge_button = QPushButton(self.tr("&Merge into…"))
        self.aliases_button = QPushButton(self.tr("&Aliases…"))
        self.description_button = QPushButton(self.tr("D&escription…"))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        buttons = QHBoxLayout()
        for b in (self.rename_button, self.merge_button, self.aliases_button,
                  self.description_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)

        self.rename_button.clicked.connect(lambda: self.rename_selected())
        self.merge_button.clicked.connect(lambda: self.merge_selected())
        self.aliases_button.clicked.connect(lambda: self.edit_aliases())
        self.description_button.clicked.connect(lambda: self.edit_description())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.filter.textChanged.connect(self._apply_filter)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _i: self.rename_selected())
        self.reload()

    # -- data --------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        self.tags = {t.id: t for t in self._library.all_tags()}
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.tags))
        for row, tag in enumerate(self.tags.values()):
            cells = [tag.name, tag.slug, ", ".join(tag.aliases), tag.description]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, tag.id)
                self.table.setItem(row, col, item)
            count = QTableWidgetItem()
            count.setData(Qt.ItemDataRole.DisplayRole, tag.count)
            count.setData(ID_ROLE, tag.id)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 4, count)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self._apply_filter(self.filter.text())
        if select_id is not None:
            self.select_tag(select_id)
        self._update_buttons()

    def row_names(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def select_tag(self, tag: int | str) -> None:
        target = tag if isinstance(tag, int) else self._library.find_tag(tag).id
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(ID_ROLE) == target:
                self.table.selectRow(row)
                return

    def selected_tag(self):
        items = self.table.selectedItems()
        return self.tags.get(items[0].data(ID_ROLE)) if items else None

    # -- actions -----------------------------------------------------------
    def rename_selected(self, new_name: str | None = None) -> bool:
        tag = self.selected_tag()
        if tag is None:
            return False
        if new_name is None:
            new_name, ok = QInputDialog.getText(self, self.tr("Rename tag"),
                                                self.tr("New name for “{name}”:").format(
                                                    name=tag.name),
                                                text=tag.name)
            if not ok:
                return False
        return self._run(lambda: self._library.rename_tag(tag.id, new_name),
                         self.tr("Renamed “{old}” to “{new}”; the old name stays as an alias "
                                 "(rename back to undo).").format(old=tag.name,
                                                                   new=new_name.strip()))

    def merge_selected(self, target: str | None = None) -> bool:
        tag = self.selected_tag()
        if tag is None:
            return False
        if target is None:
            others = sorted((t.name for t in self.tags.values() if t.id != tag.id), key=str.casefold)
            if not others:
                self._say(self.tr("There is no other tag to merge into."))
                return False
            target, ok = QInputDialog.getItem(self, self.tr("Merge tag"),
                                              self.tr("Merge “{name}” into:").format(name=tag.name),
                                              others, 0, True)
            if not ok:
                return False
        found = self._library.find_tag(target)
        into = found.name if found else target
        if not self.confirm(self.tr("Merge tags"),
                            self.tr("Move the %n article(s) tagged “{name}” to “{into}” and "
                                    "remove “{name}”? Its name becomes an alias of “{into}”. "
                                    "A merge cannot be split again.", "", tag.count)
                            .format(name=tag.name, into=into)):
            return False
        return self._run(lambda: self._library.merge_tags(tag.id, target),
                         self.tr("Merged “{name}” into “{into}”.").format(name=tag.name,
                                                                          into=into))

    def edit_aliases(self, aliases: list[str] | None = None) -> bool:
        tag = self.selected_tag()
        if tag is None:
            return False
        if aliases is None:
            text, ok = QInputDialog.getText(self, self.tr("Aliases"),
                                            self.tr("Other names for “{name}”, comma-separated:")
                                            .format(name=tag.name), text=", ".join(tag.aliases))
            if not ok:
                return False
            aliases = [a for a in text.split(",") if a.strip()]
        return self._run(lambda: self._library.set_tag_aliases(tag.id, aliases),
                         self.tr("Aliases of “{name}” saved.").format(name=tag.name))

    def edit_description(self, description: str | None = None) -> bool:
        tag = self.selected_tag()
        if tag is None:
            return False
        if description is None:
            description, ok = QInputDialog.getMultiLineText(
                self, self.tr("Description"),
                self.tr("Description of “{name}”:").format(name=tag.name), tag.description)
            if not ok:
                return False
        return self._run(lambda: self._library.set_tag_description(tag.id, description),
                         self.tr("Description of “{name}” saved.").format(name=tag.name))

    def delete_selected(self) -> bool:
        tag = self.selected_tag()
        if tag is None:
            return False
        if not self.confirm(self.tr("Delete tag"),
                            self.tr("Remove “{name}” from %n article(s) and from the vocabulary? "
                                    "This cannot be undone.", "", tag.count).format(name=tag.name)):
            return False
        return self._run(lambda: self._library.delete_tag(tag.id),
                         self.tr("Deleted “{name}”.").format(name=tag.name))

    # -- internals ---------------------------------------------------------
    def _run(self, action, done_message: str) -> bool:
        try:
            result = action()
        except BylineError as exc:
            self._say(str(exc))
            return False
        self.reload(select_id=getattr(result, "id", None))
        self._say(done_message)
        self._signals.tags_changed.emit(0)  # vocabulary-wide: every article may show it
        return True

    def _say(self, message: str) -> None:
        self.status.setText(message)

    def _confirm_with_message_box(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.table.rowCount()):
            hay = " ".join(self.table.item(row, c).text() for c in range(3)).casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in hay)

    def _update_buttons(self) -> None:
        selected = self.selected_tag() is not None
        for b in (self.rename_button, self.merge_button, self.aliases_button,
                  self.description_button, self.delete_button):
            b.setEnabled(selected)
