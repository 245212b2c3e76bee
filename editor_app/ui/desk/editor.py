"""The markdown editor: a QPlainTextEdit with formatting shortcuts and image drops.

Nothing here runs over the whole document on a keystroke: the highlighter works per
line, and listeners (preview, autosave, statistics) only restart timers on
``contentsChange``.  Extra selections (current line, find matches, comments, spelling)
come from several owners, so they are kept in named layers and merged.
"""

from __future__ import annotations

import pathlib

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QTextCursor, QTextFormat
from PySide6.QtWidgets import QInputDialog, QPlainTextEdit, QTextEdit

from editor_app.core.errors import InputError
from editor_app.core.images import image_mime, looks_like_image
from editor_app.core.interview import answer_insertion, enter_in_question, question_insertion
from editor_app.ui.desk.highlighter import MarkdownHighlighter

#: Qt lays out a line in time quadratic in its length (200,000 characters: about a
#: second; 3 million: minutes), so longer lines are refused instead of freezing.
MAX_LINE_LENGTH = 100_000


def check_line_lengths(text: str) -> None:
    """Raise InputError when a line is too long for the editor to lay out in time."""
    if len(text) <= MAX_LINE_LENGTH:
        return
    longest = max(map(len, text.split("\n")))
    if longest > MAX_LINE_LENGTH:
        raise InputError(QCoreApplication.translate(
            "MarkdownEditor", "a line of {length} characters is longer than the editor can show "
            "({limit}); split it with line breaks in another program first").format(
                length=f"{longest:,}", limit=f"{MAX_LINE_LENGTH:,}"))


#: pasted HTML larger than this goes in as plain text: converting it would hold the
#: GUI thread for a noticeable moment (an ordinary passage is a few kilobytes)
MAX_PASTED_HTML = 1_000_000


def pasted_markdown(source: QMimeData) -> str | None:
    """The markdown for a paste: formatted text (a web page, a word processor) converted
    to clean markdown (#20); None when the clipboard holds only plain text, or formatting
    too large to convert, or no text."""
    if not source.hasHtml():
        return None
    html = source.html()
    if not html or len(html) > MAX_PASTED_HTML:
        return None
    from editor_app.core.html_markdown import html_to_markdown

    markdown = html_to_markdown(html)
    return markdown or None


#: texts longer than this are highlighted in the background after the first screens
#: (a 5,000-word interview's 300 lines took a tenth of a second before it showed, #20)
LONG_TEXT_LINES = 150
FIRST_HIGHLIGHTED_BLOCKS = 120


class MarkdownEditor(QPlainTextEdit):
    """Plain-text markdown editing for prose: soft wrap, a readable width, few surprises.

    Signals:
      image_received(bytes data, str name, str mime): an image was pasted or dropped;
        the article tab stores it as an asset and inserts the reference.
      top_line_changed(int): the 0-based source line at the top of the view changed
        (scrolling); the preview follows it.
      refused(str): pasted text was not inserted, with the reason.
    """

    image_received = Signal(bytes, str, str)
    top_line_changed = Signal(int)
    refused = Signal(str)  # a paste was refused (the reason, for the status bar)

    def __init__(self, parent=None, *, dark: bool = False):
        super().__init__(parent)
        self.setObjectName("markdownEditor")
        self.setAccessibleName(self.tr("Article text"))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        self.setCenterOnScroll(False)
        self.document().setDocumentMargin(12)
        self.highlighter = MarkdownHighlighter(self.document(), dark=dark)
        self._selection_layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._last_top_line = -1
        # Scroll events come in bursts; the preview needs only the last position.
        self._scroll_timer = QTimer(self, singleShot=True, interval=30)
        self._scroll_timer.timeout.connect(self._emit_top_line)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._scroll_timer.start())
        self.cursorPositionChanged.connect(self._highlight_current_line)
        self._paste_plain = False

    def paste_as_plain_text(self) -> None:
        """Paste the clipboard's plain text, ignoring its formatting (Ctrl+Shift+V)."""
        self._paste_plain = True
        try:
            self.paste()
        finally:
            self._paste_plain = False

    # -- text ----------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Replace the text without an undo step; InputError when a line is too long."""
        check_line_lengths(text)
        if text.count("\n") > LONG_TEXT_LINES:
            self.highlighter.highlight_in_background(first_blocks=FIRST_HIGHLIGHTED_BLOCKS)
        self.setPlainText(text)
        self.document().setModified(False)

    def text(self) -> str:
        return self.toPlainText()

    # -- extra selections ----------------------------------------------------
    def set_selection_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Show ``selections`` under ``name`` (e.g. "find", "comments", "spelling").

        Each owner replaces only its own layer; the editor shows all layers at once.
        """
        self._selection_layers[name] = list(selections)
        self._apply_selections()

    def clear_selection_layer(self, name: str) -> None:
        if self._selection_layers.pop(name, None) is not None:
            self._apply_selections()

    def _apply_selections(self) -> None:
        merged: list[QTextEdit.ExtraSelection] = []
        for name in sorted(self._selection_layers, key=lambda n: n != "current-line"):
            merged.extend(self._selection_layers[name])
        self.setExtraSelections(merged)

    def _highlight_current_line(self) -> None:
        if self.isReadOnly():
            return
        selection = QTextEdit.ExtraSelection()
        color = self.palette().color(self.palette().ColorRole.Highlight)
        color.setAlpha(22)
        selection.format.setBackground(color)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.cursor = self.textCursor()
        selection.cursor.clearSelection()
        self.set_selection_layer("current-line", [selection])

    # -- formatting commands -------------------------------------------------
    def wrap_selection(self, before: str, after: str | None = None) -> None:
        """Bold/italic: wrap the selection, or unwrap it when it is already wrapped.

        With no selection the markers are inserted and the cursor put between them.
        """
        after = before if after is None else after
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            selected = cursor.selectedText()
            if selected.startswith(before) and selected.endswith(after) \
                    and len(selected) >= len(before) + len(after):
                inner = selected[len(before): len(selected) - len(after)]
                cursor.insertText(inner)
                cursor.setPosition(start)
                cursor.setPosition(start + len(inner), QTextCursor.MoveMode.KeepAnchor)
            else:
                cursor.insertText(before + selected + after)
                cursor.setPosition(start + len(before))
                cursor.setPosition(end + len(before), QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.insertText(before + after)
            cursor.setPosition(cursor.position() - len(after))
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def toggle_bold(self) -> None:
        self.wrap_selection("**")

    def toggle_italic(self) -> None:
        self.wrap_selection("*")

    def insert_link(self, url: str | None = None) -> None:
        """``[selection](url)``; without a URL the cursor waits inside the parentheses."""
        cursor = self.textCursor()
        label = cursor.selectedText() or self.tr("link text")
        cursor.beginEditBlock()
        start = cursor.selectionStart()
        cursor.insertText(f"[{label}]({url or ''})")
        cursor.endEditBlock()
        if url:
            cursor.setPosition(start + 1)
            cursor.setPosition(start + 1 + len(label), QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.setPosition(start + len(label) + 3)
        self.setTextCursor(cursor)

    def insert_question(self) -> None:
        """Start a ``Q:`` paragraph after the current line (one undo step)."""
        self._apply_insertion(question_insertion(self.toPlainText(), self.textCursor().position()))

    def insert_answer(self) -> None:
        """Start an ``A:`` paragraph after the current line (Interview ▸ Insert Answer)."""
        self._apply_insertion(answer_insertion(self.toPlainText(), self.textCursor().position()))

    def _enter_after_question(self) -> bool:
        """Only the cursor's paragraph is read (not the whole text: Enter stays cheap)."""
        cursor = self.textCursor()
        block = cursor.block()
        lines = [block.text()[: cursor.positionInBlock()]]
        previous = block.previous()
        while previous.isValid() and previous.text().strip():
            lines.insert(0, previous.text())
            previous = previous.previous()
        if not cursor.atBlockEnd():
            return False
        local = "\n".join(lines)
        insertion = enter_in_question(local, len(local))
        if insertion is None:
            return False
        cursor.insertText(insertion.text)  # one undo step, the cursor after the blank line
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def _apply_insertion(self, insertion) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.setPosition(insertion.position)
        cursor.setPosition(insertion.position + insertion.remove, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(insertion.text)
        cursor.endEditBlock()
        cursor.setPosition(insertion.cursor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def insert_image_reference(self, name: str, alt: str) -> None:
        """``![alt](asset:name)`` as a paragraph of its own at the cursor."""
        alt = alt.replace("[", "(").replace("]", ")").replace("\n", " ").strip()
        cursor = self.textCursor()
        cursor.beginEditBlock()
        block_text = cursor.block().text()
        lead = "" if not block_text.strip() else "\n\n"
        if block_text.strip():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertText(f"{lead}![{alt}](asset:{name})\n\n")
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def go_to_line(self, line: int | None = None) -> None:
        """Move to a 1-based line; asks for it when not given (Ctrl+G)."""
        count = self.document().blockCount()
        if line is None:
            current = self.textCursor().blockNumber() + 1
            line, ok = QInputDialog.getInt(self, self.tr("Go to line"),
                                           self.tr("Line (1–{count}):").format(count=count),
                                           current, 1, count)
            if not ok:
                return
        block = self.document().findBlockByNumber(max(0, min(count, line) - 1))
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    # -- scrolling -----------------------------------------------------------
    def top_line(self) -> int:
        """The 0-based line (text block) at the top of the viewport."""
        return self.firstVisibleBlock().blockNumber()

    def _emit_top_line(self) -> None:
        line = self.top_line()
        if line != self._last_top_line:
            self._last_top_line = line
            self.top_line_changed.emit(line)

    # -- images: paste and drop ----------------------------------------------
    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 (Qt name)
        if source.hasImage() or _image_paths(source):
            return True
        return super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt name)
        paths = _image_paths(source)
        if paths:
            for path in paths:
                try:
                    data = path.read_bytes()
                except OSError:
                    continue
                self.image_received.emit(data, path.name, image_mime(path.name))
            return
        if source.hasImage() and not source.hasText():
            image = source.imageData()
            if isinstance(image, QImage) and not image.isNull():
                self.image_received.emit(_png_bytes(image), "pasted-image.png", "image/png")
                return
        # Formatted text (web pages, word processors) becomes clean markdown; the HTML
        # itself would bring invisible junk, and plain text would lose the structure.
        markdown = None if self._paste_plain else pasted_markdown(source)
        if markdown is not None or source.hasText():
            text = markdown if markdown is not None else source.text()
            try:
                check_line_lengths(text)
            except InputError as exc:
                self.refused.emit(self.tr("Not pasted: {error}").format(error=exc))
                return
            self.textCursor().insertText(text)
            self.ensureCursorVisible()
            return
        super().insertFromMimeData(source)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt name)
        # Put the cursor where the image was dropped before inserting.
        if _image_paths(event.mimeData()) or event.mimeData().hasImage():
            self.setTextCursor(self.cursorForPosition(event.position().toPoint()))
        super().dropEvent(event)

    # -- keys ----------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() \
                and not self.isReadOnly() and not self.textCursor().hasSelection():
            # Enter after a question starts its answer as a paragraph of its own (#17).
            if self._enter_after_question():
                return
        # Enter in a list item continues the list, as every writing app does.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            block_text = self.textCursor().block().text()
            stripped = block_text.lstrip()
            for marker in ("- ", "* ", "+ "):
                if stripped.startswith(marker) and self.textCursor().atBlockEnd():
                    indent = block_text[: len(block_text) - len(stripped)]
                    if stripped.strip() == marker.strip():
                        cursor = self.textCursor()
                        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
                        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
                        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                            QTextCursor.MoveMode.KeepAnchor)
                        cursor.removeSelectedText()
                        return
                    self.textCursor().insertText("\n" + indent + marker)
                    return
        super().keyPressEvent(event)


def _image_paths(source: QMimeData) -> list[pathlib.Path]:
    if not source.hasUrls():
        return []
    paths = []
    for url in source.urls():
        if url.isLocalFile():
            path = pathlib.Path(url.toLocalFile())
            # Every picture goes to the tab, which accepts it or says why not (SVG).
            if looks_like_image(path) and path.is_file():
                paths.append(path)
    return paths


def _png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())

