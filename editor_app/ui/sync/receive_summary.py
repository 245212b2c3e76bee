"""What a receive did, in words: the summary dialog after File ▸ Receive… or a drop (#14).

``summary_sections`` turns a ``ReceiveSummary`` into groups a person reads top down:
conflicts first (they need someone), then what merged, what arrived, what was
updated, moves of the workflow that were refused, notes, and what was already
here. ``ReceiveSummaryDialog`` shows them in a tree; double-clicking an article
(or Enter) opens it, "Open Articles" opens the selected ones (or every article
that changed, up to a dozen), "Resolve First Conflict…" goes straight to the
merge view.
"""

from __future__ import annotations

import pathlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from editor_app.ui.review.standard_buttons import name_buttons

#: More than this many articles are listed in the library instead of opened as tabs.
MAX_OPEN = 12
CONFLICT_COLOR = "#c0392b"


#: lupdate reads the literal texts of translate("Context", "…") calls
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    explanation: str
    #: (article id or 0, line) per entry
    entries: tuple[tuple[int, str], ...]


def summary_sections(summary) -> list[Section]:
    """The groups of a receive summary, in the order a person should read them (empty ones left out)."""
    def refs(items):
        return tuple((a.id, a.title or a.slug) for a in items)

    sections = [
        Section("conflicts",
                translate("ReceiveSummary", "In conflict ({n})").format(n=len(summary.conflicts)),
                translate("ReceiveSummary", "changed on both sides in the same passage: choose in "
                          "the merge view; until then it cannot go further than “submitted”"),
                refs(summary.conflicts)),
        Section("merged", translate("ReceiveSummary", "Merged ({n})").format(n=len(summary.merged)),
                translate("ReceiveSummary", "edited on both sides; the edits merged on their own"),
                refs(summary.merged)),
        Section("arrived", translate("ReceiveSummary", "New ({n})").format(n=len(summary.arrived)),
                translate("ReceiveSummary", "new to this library"), refs(summary.arrived)),
        Section("updated",
                translate("ReceiveSummary", "Updated ({n})").format(n=len(summary.updated)),
                translate("ReceiveSummary", "took the newer version, comments or moves from the "
                          "file"),
                refs(summary.updated)),
        Section("refused",
                translate("ReceiveSummary", "Refused moves ({n})").format(n=len(summary.refused)),
                translate("ReceiveSummary", "moves of the workflow made elsewhere that no longer "
                          "applied here; kept in the trail"),
                tuple((r.article.id, f"{r.article.title}: {r.reason}") for r in summary.refused)),
        Section("notes", translate("ReceiveSummary", "Notes ({n})").format(n=len(summary.notes)),
                "", tuple((0, n) for n in summary.notes)),
        Section("unchanged",
                translate("ReceiveSummary", "Already here ({n})").format(n=len(summary.unchanged)),
                translate("ReceiveSummary", "nothing new for these"), refs(summary.unchanged)),
    ]
    out = [s for s in sections if s.entries]
    if not summary.changed:
        out.insert(0, Section("nothing", translate("ReceiveSummary", "Nothing new"),
                              translate("ReceiveSummary", "this library already had everything "
                                        "in the file"), ()))
    return out


def summary_headline(summary) -> str:
    """One line: ``From roe.byline: 1 new, 1 merged, 1 in conflict.``"""
    parts = []
    for items, text in ((summary.arrived, translate("ReceiveSummary", "{n} new")),
                        (summary.merged, translate("ReceiveSummary", "{n} merged")),
                        (summary.updated, translate("ReceiveSummary", "{n} updated")),
                        (summary.conflicts, translate("ReceiveSummary", "{n} in conflict"))):
        if items:
            parts.append(text.format(n=len(items)))
    refused = len(summary.refused)
    if refused:
        # Two source texts so that English reads right with no translation loaded.
        text = (translate("ReceiveSummary", "{n} move refused") if refused == 1
                else translate("ReceiveSummary", "{n} moves refused"))
        parts.append(text.format(n=refused))
    name = pathlib.Path(summary.source).name
    if not parts:
        return translate("ReceiveSummary", "From {name}: nothing new.").format(name=name)
    return translate("ReceiveSummary", "From {name}: {what}.").format(name=name,
                                                                       what=", ".join(parts))


def changed_article_ids(summary) -> list[int]:
    """The articles a receive brought something to, conflicts first, each once."""
    ids: list[int] = []
    for items in (summary.conflicts, summary.merged, summary.arrived, summary.updated):
        for ref in items:
            if ref.id not in ids:
                ids.append(ref.id)
    for move in summary.refused:
        if move.article.id not in ids:
            ids.append(move.article.id)
    return ids


class _WrappingRows(QStyledItemDelegate):
    """Rows as tall as their wrapped text: QTreeView wraps words when painting but asks the
    delegate for one line's height, so a long heading would otherwise end in "…"."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt name)
        hint = super().sizeHint(option, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(50, self._tree.viewport().width() - self._tree.indentation() * depth - 8)
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        height = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000),
                                                 Qt.TextFlag.TextWordWrap, text).height()
        return QSize(hint.width(), max(hint.height(), height + 4))


class ReceiveSummaryDialog(QDialog):
    """The summary of one receive, with the ways on from it.

    Signals: ``open_requested(list)`` (article ids to open), ``resolve_requested(int)``.
    """

    open_requested = Signal(list)
    resolve_requested = Signal(int)

    def __init__(self, summary, parent=None):
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle(self.tr("Received"))
        self.setObjectName("receiveSummary")
        self.headline = QLabel(summary_headline(summary))
        self.headline.setObjectName("receiveHeadline")
        font = QFont(self.headline.font())
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("receiveTree")
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("What the file brought"))
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        # Long headings (and their Lithuanian) wrap to the dialog's width, never cut with "…".
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.header().sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.tree.setItemDelegate(_WrappingRows(self.tree))
        self.sections = summary_sections(summary)
        for section in self.sections:
            top = QTreeWidgetItem([section.heading + (f" — {section.explanation}"
                                                      if section.explanation else "")])
            bold = QFont(top.font(0))
            bold.setBold(True)
            top.setFont(0, bold)
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            if section.key == "conflicts":
                top.setForeground(0, QBrush(QColor(CONFLICT_COLOR)))
            for article_id, line in section.entries:
                child = QTreeWidgetItem([line])
                child.setData(0, Qt.ItemDataRole.UserRole, article_id)
                child.setToolTip(0, line)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(section.key != "unchanged" or len(self.sections) == 1)

        self.changed_ids = changed_article_ids(summary)
        self.button_box = QDialogButtonBox()
        self.resolve_button = self.button_box.addButton(self.tr("&Resolve First Conflict…"),
                                                        QDialogButtonBox.ButtonRole.ActionRole)
        self.resolve_button.setVisible(bool(summary.conflicts))
        self.resolve_button.setToolTip(self.tr("Open the merge view on the first article in "
                                               "conflict"))
        self.open_button = self.button_box.addButton(self.tr("&Open Articles"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(bool(self.changed_ids))
        self.open_button.setToolTip(self.tr("Open the selected articles, or every article that "
                                            "changed (more than {n} are listed in the library "
                                            "instead)").format(n=MAX_OPEN))
        self.close_button = self.button_box.addButton(QDialogButtonBox.StandardButton.Close)
        name_buttons(self.button_box)
        self.button_box.rejected.connect(self.reject)
        self.close_button.clicked.connect(self.reject)
        self.resolve_button.clicked.connect(self._resolve_first)
        self.open_button.clicked.connect(self._open)
        self.tree.itemActivated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.button_box)
        self.resize(640, 420)
        default = self.resolve_button if summary.conflicts else (
            self.open_button if self.changed_ids else self.close_button)
        default.setDefault(True)
        default.setFocus()

    def lines(self) -> list[str]:
        """Everything the tree shows, top down (what a screen reader reads)."""
        out = []
        for row in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(row)
            out.append(top.text(0))
            out += ["  " + top.child(i).text(0) for i in range(top.childCount())]
        return out

    def selected_ids(self) -> list[int]:
        ids = []
        for item in self.tree.selectedItems():
            article_id = item.data(0, Qt.ItemDataRole.UserRole)
            if article_id and article_id not in ids:
                ids.append(int(article_id))
        return ids

    def _activated(self, item, _column) -> None:
        article_id = item.data(0, Qt.ItemDataRole.UserRole)
        if article_id:
            self.open_requested.emit([int(article_id)])
            self.accept()

    def _open(self) -> None:
        self.open_requested.emit(self.selected_ids() or list(self.changed_ids))
        self.accept()

    def _resolve_first(self) -> None:
        if self.summary.conflicts:
            self.resolve_requested.emit(self.summary.conflicts[0].id)
            self.accept()
