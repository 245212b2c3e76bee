"""The comments panel and the editor highlights of commented passages.

Core (``editor_app.core.review``) anchors comments to the text; this module
only shows them. Offsets in core are Python string indices; Qt documents count
UTF-16 code units, which differ once an emoji or another character outside the
Basic Multilingual Plane precedes the passage, so every offset crossing the
boundary goes through ``Utf16Map``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import BylineError
from editor_app.core.review import (
    Anchor,
    anchor_list,
    comment_threads,
    current_user,
    reanchor_comments,
)
from editor_app.core.review.anchoring import passage_context
from editor_app.ui.desk.selection_layers import SelectionLayers

if TYPE_CHECKING:
    from editor_app.core.library import Library

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
REANCHOR_DELAY_MS = 300
OPEN_COLOR = QColor(255, 226, 122)      # a highlighter pen: visible on white and in dark themes
RESOLVED_COLOR = QColor(220, 220, 220)
QUOTE_PREVIEW = 80
LAYER = "comments"  # name of our layer in an editor with selection layers


class Utf16Map:
    """Converts offsets between Python ``str`` indices and Qt (UTF-16) positions."""

    def __init__(self, text: str):
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Qt position of each astral character, for the reverse mapping.
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset) if self._astral else offset

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        return position - bisect.bisect_left(self._astral_qt, position)


def selection_anchor(editor: QPlainTextEdit) -> tuple[str, int, int]:
    """(quote, start, end) of the editor's selection, in Python offsets of its text."""
    cursor = editor.textCursor()
    text = editor.toPlainText()
    mapping = Utf16Map(text)
    start, end = mapping.from_qt(cursor.selectionStart()), mapping.from_qt(cursor.selectionEnd())
    return text[start:end], start, end


class CommentHighlighter:
    """Builds highlight selections for commented passages in a QPlainTextEdit.

    The editor may use extra selections for other things (current line, find
    results), so this class does not own them: ``selections()`` returns its
    part and the caller merges, e.g.
    ``editor.setExtraSelections(own + highlighter.selections())``.
    ``apply()`` does that itself with an editor offering ``set_selection_layer``.
    """

    def __init__(self, editor: QPlainTextEdit, *, show_resolved: bool = False):
        self.editor = editor
        self.show_resolved = show_resolved
        self._anchors: list[Anchor] = []

    def set_anchors(self, anchors: list[Anchor]) -> None:
        self._anchors = [a for a in anchors if a.comment.parent_id is None]

    def selections(self) -> list[QTextEdit.ExtraSelection]:
        document = self.editor.document()
        mapping = Utf16Map(self.editor.toPlainText())
        limit = max(0, document.characterCount() - 1)
        out = []
        for anchor in self._anchors:
            if anchor.detached or anchor.end <= anchor.start:
                continue
            if anchor.comment.resolved and not self.show_resolved:
                continue
            cursor = QTextCursor(document)
            cursor.setPosition(min(mapping.to_qt(anchor.start), limit))
            cursor.setPosition(min(mapping.to_qt(anchor.end), limit), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(RESOLVED_COLOR if anchor.comment.resolved else OPEN_COLOR)
            fmt.setToolTip(f"{anchor.comment.author}: {anchor.comment.text}")
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            out.append(selection)
        return out

    def apply(self) -> None:
        """Show the highlights in the editor's "comments" layer, beside other layers."""
        SelectionLayers.of(self.editor).set_layer(LAYER, self.selections())


def _short(text: str, n: int = QUOTE_PREVIEW) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class CommentsPanel(QWidget):
    """Comment threads of the current article: open, resolved and detached.

    Signals:
      ``jump_requested(start, end)``: Qt document positions of a thread's passage.
      ``anchors_changed(list)``: the current ``Anchor`` list, for ``CommentHighlighter``.
      ``comments_changed(int)``: article id, after a comment was added, resolved or reopened.
    """

    jump_requested = Signal(int, int)
    anchors_changed = Signal(list)
    comments_changed = Signal(int)

    SECTIONS = (("open", QT_TRANSLATE_NOOP("CommentsPanel", "Open")),
                ("resolved", QT_TRANSLATE_NOOP("CommentsPanel", "Resolved")),
                ("detached", QT_TRANSLATE_NOOP("CommentsPanel", "Detached (passage gone)")))

    def __init__(self, library: Library, signals=None, parent=None):
        super().__init__(parent)
        self._library = library
        self._signals = signals
        self.article_id = 0
        self._text = ""
        self.anchors: list[Anchor] = []
        #: Asks for a comment's text; replaced in tests. Returns None on cancel.
        self.ask_text: Callable[[str, str], str | None] = self._ask_text

        self.title = QLabel(self.tr("Comments"))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Comments"))
        # Comments wrap to the panel's width, never cut with "…" (#17): one column that
        # stretches with the panel, no eliding, and rows as tall as their text.
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.header().sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.reply_button = QPushButton(self.tr("Reply…"))
        self.resolve_button = QPushButton(self.tr("Resolve"))
        for button in (self.reply_button, self.resolve_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self, singleShot=True, interval=REANCHOR_DELAY_MS)
        self._timer.timeout.connect(self._reanchor_in_memory)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.tree.itemClicked.connect(self._on_clicked)
        self.tree.itemActivated.connect(self._on_clicked)
        self.reply_button.clicked.connect(self.reply_to_current)
        self.resolve_button.clicked.connect(self.toggle_resolved_current)
        if signals is not None:
            signals.article_saved.connect(self._on_article_saved)

    # -- feeding the panel -------------------------------------------------------
    def set_article(self, article_id: int, text: str | None = None) -> None:
        """Show the comments of an article (0: none); ``text`` is the editor's text if unsaved."""
        self.article_id = article_id
        if not article_id:
            self._text, self.anchors = "", []
            self._rebuild()
            return
        self._text = text if text is not None else self._library.get_article(article_id).body
        self.reload()

    def set_text(self, text: str) -> None:
        """The editor's text changed: re-anchor shortly after typing stops (in memory only)."""
        self._text = text
        self._timer.start()

    def reload(self) -> None:
        """Read the comments again and anchor them to the current text."""
        if not self.article_id:
            return
        try:
            self.anchors = anchor_list(self._text, self._library.comments(self.article_id))
        except BylineError as exc:
            self._message(str(exc))
            return
        self._rebuild()

    def _reanchor_in_memory(self) -> None:
        if self.article_id:
            self.anchors = anchor_list(self._text, [a.comment for a in self.anchors])
            self._rebuild()

    def _on_article_saved(self, article_id: int) -> None:
        """After a save, store the new anchors so other windows and the CLI see them."""
        if article_id != self.article_id or not article_id:
            return
        try:
            body = self._library.get_article(article_id).body
            reanchor_comments(self._library, article_id, body)
        except BylineError as exc:
            self._message(str(exc))
            return
        if not self._timer.isActive():  # no newer unsaved text from the editor
            self._text = body
        self.reload()

    # -- actions -------------------------------------------------------------------
    def add_comment(self, quote: str, start: int, end: int, text: str | None = None):
        """Comment on ``text[start:end]`` (Python offsets); asks for the text when not given.

        Returns the new Comment, or None when cancelled or refused (the reason
        goes to the status bar: an empty selection, an empty comment).
        """
        if not self.article_id:
            return None
        if text is None:
            text = self.ask_text(self.tr("Comment on the passage"), _short(quote))
            if text is None:
                return None
        # The passage's surroundings as on screen (the stored body may lag by a second).
        context = passage_context(self._text, start, end) if self._text[start:end] == quote else None
        try:
            comment = self._library.add_comment(self.article_id, text=text, quote=quote,
                                                start=start, end=end, context=context,
                                                author=current_user(self._library))
        except BylineError as exc:
            self._message(str(exc))
            return None
        self._changed()
        return comment

    def add_comment_from_editor(self, editor: QPlainTextEdit, text: str | None = None):
        """Comment on the editor's current selection (the "Add comment" action)."""
        quote, start, end = selection_anchor(editor)
        self._text = editor.toPlainText()
        return self.add_comment(quote, start, end, text)

    def current_comment(self):
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def thread_root(self, comment):
        if comment is None or comment.parent_id is None:
            return comment
        return next((a.comment for a in self.anchors if a.comment.id == comment.parent_id), comment)

    def reply_to_current(self, text: str | None = None):
        root = self.thread_root(self.current_comment())
        if root is None:
            return None
        if text is None or isinstance(text, bool):  # clicked(bool) passes a bool
            text = self.ask_text(self.tr("Reply"), _short(root.text))
            if text is None:
                return None
        try:
            reply = self._library.add_comment(self.article_id, text=text, parent_id=root.id,
                                              author=current_user(self._library))
        except BylineError as exc:
            self._message(str(exc))
            return None
        self._changed()
        return reply

    def toggle_resolved_current(self) -> None:
        root = self.thread_root(self.current_comment())
        if root is None:
            return
        try:
            self._library.set_comment_resolved(root.id, not root.resolved)
        except BylineError as exc:
            self._message(str(exc))
            return
        self._changed()

    # -- drawing -------------------------------------------------------------------
    def _changed(self) -> None:
        self.reload()
        self.comments_changed.emit(self.article_id)

    def section_item(self, key: str) -> QTreeWidgetItem:
        keys = [k for k, _ in self.SECTIONS]
        return self.tree.topLevelItem(keys.index(key))

    def thread_ids(self, key: str) -> list[int]:
        """Ids of the threads listed in one section (what tests and screen readers see)."""
        section = self.section_item(key)
        return [section.child(i).data(0, Qt.ItemDataRole.UserRole).id
                for i in range(section.childCount())]

    def _rebuild(self) -> None:
        selected = self.current_comment()
        selected_id = selected.id if selected is not None else None
        self.tree.clear()
        bold = QFont()
        bold.setBold(True)
        sections = {}
        for key, label in self.SECTIONS:
            item = QTreeWidgetItem([QCoreApplication.translate("CommentsPanel", label)])
            item.setFont(0, bold)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(item)
            sections[key] = item
        by_id = {a.comment.id: a for a in self.anchors}
        restore = None
        for root, replies in comment_threads([a.comment for a in self.anchors]):
            anchor = by_id[root.id]
            key = "detached" if anchor.detached else ("resolved" if root.resolved else "open")
            item = QTreeWidgetItem([self._thread_text(root, anchor)])
            item.setData(0, Qt.ItemDataRole.UserRole, root)
            item.setToolTip(0, root.quote)
            sections[key].addChild(item)
            if root.id == selected_id:
                restore = item
            for reply in replies:
                child = QTreeWidgetItem([f"↳ {reply.author or '—'} · {_when(reply.created_at)}\n"
                                         f"{reply.text}"])
                child.setData(0, Qt.ItemDataRole.UserRole, reply)
                item.addChild(child)
                if reply.id == selected_id:
                    restore = child
        for key, label in self.SECTIONS:
            n = sections[key].childCount()
            sections[key].setText(0, f"{QCoreApplication.translate('CommentsPanel', label)} ({n})")
            sections[key].setHidden(n == 0 and key != "open")
        self.tree.expandAll()
        if restore is not None:
            self.tree.setCurrentItem(restore)
        n_open = sections["open"].childCount()
        self.title.setText(self.tr("Comments — %n open", None, n_open) if self.article_id
                           else self.tr("Comments"))
        self._update_buttons()
        self.anchors_changed.emit(list(self.anchors))

    def _thread_text(self, root, anchor: Anchor) -> str:
        quote = _short(root.quote)
        where = " " + self.tr("(passage deleted)") if anchor.detached else ""
        return f"{root.author or '—'} · {_when(root.created_at)}{where}\n“{quote}”\n{root.text}"

    def _update_buttons(self, *_):
        root = self.thread_root(self.current_comment())
        self.reply_button.setEnabled(root is not None)
        self.resolve_button.setEnabled(root is not None)
        self.resolve_button.setText(self.tr("Reopen") if root is not None and root.resolved
                                    else self.tr("Resolve"))

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        comment = item.data(0, Qt.ItemDataRole.UserRole)
        if comment is None:
            return
        root = self.thread_root(comment)
        anchor = next((a for a in self.anchors if a.comment.id == root.id), None)
        if anchor is None or anchor.detached:
            self._message(self.tr("the commented passage is no longer in the text"))
            return
        mapping = Utf16Map(self._text)
        self.jump_requested.emit(mapping.to_qt(anchor.start), mapping.to_qt(anchor.end))

    def _ask_text(self, title: str, context: str) -> str | None:
        dialog = QInputDialog(self)
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setWindowTitle(title)
        dialog.setLabelText(context)
        dialog.setOkButtonText(self.tr("OK"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        return dialog.textValue() if dialog.exec() else None

    def _message(self, text: str) -> None:
        if self._signals is not None:
            self._signals.message.emit(text, 5000)


def _when(timestamp: str) -> str:
    """"2024-05-02 14:03" from a stored UTC timestamp (shown as stored: UTC)."""
    return timestamp[:16].replace("T", " ") if timestamp else ""
