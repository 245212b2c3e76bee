"""The merge view: two versions of an article side by side, one choice per conflicting passage (#14).

Theirs (the version from another library) on the left, mine (this library's) on
the right, each conflicting passage marked in both. For each passage, or each
field both sides changed (the headline, the summary…), the person takes theirs,
mine or both, or types the result by hand; the result is saved as the resolving
revision, whose parents are both versions, so the conflict is over wherever the
article travels next.

The model (``core.sync.conflicts.ConflictModel``) is loaded and saved on a worker
with a library connection of its own (``BackgroundWork``): loading merges the two
versions, which can take a moment on a long interview. If the article changed
while the view was open (a sync, a receive), saving is refused with a clear
message and "Reload" loads the conflict again, keeping the choices made for the
passages that are still the same.

Keyboard: Alt+Down / F8 next conflict, Alt+Up / Shift+F8 previous, Alt+T take
theirs, Alt+M take mine, Alt+B take both, Alt+P edit the passage by hand, Alt+W
the whole result, Alt+C the list of conflicts, Ctrl+S save, Esc cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import ConflictError, NotFoundError
from editor_app.core.sync.conflicts import Choice, ConflictModel, Hunk, VersionInfo
from editor_app.ui.background import BackgroundWork
from editor_app.ui.review.standard_buttons import ask_yes_no, name_buttons

if TYPE_CHECKING:
    from editor_app.core.library import Library

FIELD_LABELS = {"title": QT_TRANSLATE_NOOP("MergeView", "Headline"),
                "kind": QT_TRANSLATE_NOOP("MergeView", "Kind"),
                "interviewee": QT_TRANSLATE_NOOP("MergeView", "Interviewee"),
                "author": QT_TRANSLATE_NOOP("MergeView", "Author"),
                "date": QT_TRANSLATE_NOOP("MergeView", "Date"),
                "language": QT_TRANSLATE_NOOP("MergeView", "Language"),
                "summary": QT_TRANSLATE_NOOP("MergeView", "Summary"),
                "slug": QT_TRANSLATE_NOOP("MergeView", "Slug")}
CHOICE_WORDS = {None: QT_TRANSLATE_NOOP("MergeView", "not chosen yet"),
                Choice.MINE: QT_TRANSLATE_NOOP("MergeView", "mine"),
                Choice.THEIRS: QT_TRANSLATE_NOOP("MergeView", "theirs"),
                Choice.BOTH: QT_TRANSLATE_NOOP("MergeView", "both"),
                Choice.EDITED: QT_TRANSLATE_NOOP("MergeView", "edited by hand")}


#: lupdate reads the literal texts of translate("Context", "…") calls
translate = QCoreApplication.translate


def choice_word(choice) -> str:
    """How the list names a conflict's choice, in the interface's language."""
    return translate("MergeView", CHOICE_WORDS[choice])

# Marks on the two sides: light backgrounds with dark text, readable in a dark theme too.
TEXT_COLOR = "#1a1a1a"
OPEN_COLOR = "#ffe08a"  # a passage still to choose
CURRENT_COLOR = "#ffb347"  # the passage being chosen now
TAKEN_COLOR = "#c8efc8"  # the side that was taken
DROPPED_COLOR = "#e4e4e4"  # the side that was not (struck through)
EDITED_COLOR = "#cfe3ff"  # typed by hand: both sides were the source


def hunk_label(hunk: Hunk) -> str:
    """What the list calls a conflict: the field's name, or a passage by its first words."""
    if not hunk.is_body:
        if hunk.name.startswith("extra."):
            return translate("MergeView", "Field “{name}”").format(name=hunk.name[len("extra."):])
        if hunk.name in FIELD_LABELS:
            return translate("MergeView", FIELD_LABELS[hunk.name])
        return hunk.name
    text = " ".join((hunk.mine or hunk.theirs or hunk.base).split())
    return translate("MergeView", "Passage “{text}”").format(
        text=f"{text[:36]}…" if len(text) > 36 else text)


def version_caption(side: str, info: VersionInfo, here: str) -> str:
    """``Theirs — revision 5 by Tomas, 2024-05-02 10:14, from another library``."""
    parts = [translate("MergeView", "{side} — revision {number}").format(side=side,
                                                                         number=info.number)]
    if info.author:
        parts[0] += " " + translate("MergeView", "by {who}").format(who=info.author)
    if info.created_at:
        parts.append(info.created_at[:16].replace("T", " "))
    parts.append(translate("MergeView", "this library") if info.origin and info.origin == here
                 else translate("MergeView", "from another library") if info.origin else "")
    return ", ".join(p for p in parts if p)


def _load(library: Library, article_id: int):
    from editor_app.core.sync.resolve import load_conflict

    return ("loaded", load_conflict(library, article_id))


def _save(library: Library, model: ConflictModel):
    from editor_app.core.sync.resolve import save_resolution

    article = save_resolution(library, model, how="in the merge view")
    revision = library.get_revision(library.working_head(article.id))
    return ("saved", article, revision, library.in_conflict(article.id))


class _SidePane(QWidget):
    """One version: a caption, the field in conflict (when a field is current), the body."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setObjectName(f"{name}Caption")
        self.caption.setWordWrap(True)
        self.field = QLabel()
        self.field.setObjectName(f"{name}Field")
        self.field.setWordWrap(True)
        self.field.setTextFormat(Qt.TextFormat.PlainText)
        self.field.setStyleSheet(f"background: {CURRENT_COLOR}; color: {TEXT_COLOR}; padding: 3px")
        self.field.hide()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.caption)
        layout.addWidget(self.field)
        layout.addWidget(self.text, 1)

    def mark(self, spans: list[tuple[tuple[int, int], QTextCharFormat]]) -> None:
        """Colour these (start, end) spans; an empty one colours its line (a passage one
        side does not have: where it would be)."""
        document = self.text.document()
        limit = max(0, document.characterCount() - 1)
        selections = []
        for (start, end), fmt in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(min(start, limit))
            if end > start:
                cursor.setPosition(min(end, limit), QTextCursor.MoveMode.KeepAnchor)
                selection.format = fmt
            else:
                line = QTextCharFormat(fmt)
                line.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.format = line
            selection.cursor = cursor
            selections.append(selection)
        self.text.setExtraSelections(selections)

    def show_at(self, position: int) -> None:
        document = self.text.document()
        cursor = QTextCursor(document)
        cursor.setPosition(min(position, max(0, document.characterCount() - 1)))
        self.text.setTextCursor(cursor)
        self.text.centerCursor()


def _format(color: str, *, struck: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QBrush(QColor(color)))
    fmt.setForeground(QBrush(QColor(TEXT_COLOR)))
    fmt.setFontStrikeOut(struck)
    return fmt


class MergeView(QDialog):
    """Resolve one article's conflict (see the module docstring).

    Signals: ``resolved(object)`` with the saved Article, after each saved resolution
    (the view stays open, on the next one, when another version also conflicts);
    ``loaded()`` when a conflict is on screen (for tests and screen readers).
    """

    resolved = Signal(object)
    loaded = Signal()

    def __init__(self, library: Library, article_id: int, parent=None):
        super().__init__(parent)
        self.library = library
        self.article_id = article_id
        self.model: ConflictModel | None = None
        self.current = 0
        self.saved_revision = None  # the resolving revision, once saved
        self._filling = False  # the passage editor is being filled, not typed in
        self._reapply: dict | None = None  # choices to keep across a reload
        #: Asks whether to throw away the choices made; replaced in tests.
        self.confirm_discard: Callable[[], bool] = self._confirm_discard

        self.setWindowTitle(self.tr("Resolve conflict"))
        self.setObjectName("mergeView")
        self.heading = QLabel(self.tr("Loading the two versions…"))
        self.heading.setObjectName("mergeHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)

        self.hunk_list = QListWidget()
        self.hunk_list.setAccessibleName(self.tr("Conflicting passages and fields"))
        self.hunk_list.setObjectName("mergeHunks")
        self.hunk_list.setWordWrap(True)
        self.hunk_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hunk_list.setSpacing(2)
        hunk_caption = QLabel(self.tr("&Conflicts:"))
        hunk_caption.setBuddy(self.hunk_list)
        hunk_box = QWidget()
        hunk_layout = QVBoxLayout(hunk_box)
        hunk_layout.setContentsMargins(0, 0, 0, 0)
        hunk_layout.setSpacing(3)
        hunk_layout.addWidget(hunk_caption)
        hunk_layout.addWidget(self.hunk_list, 1)
        self.theirs = _SidePane("theirs")
        self.mine = _SidePane("mine")
        self.theirs.text.setAccessibleName(self.tr("Theirs: the version from another library"))
        self.mine.text.setAccessibleName(self.tr("Mine: the version in this library"))
        sides = QSplitter(Qt.Orientation.Horizontal)
        sides.addWidget(hunk_box)
        sides.addWidget(self.theirs)
        sides.addWidget(self.mine)
        sides.setStretchFactor(0, 0)
        sides.setStretchFactor(1, 1)
        sides.setStretchFactor(2, 1)
        sides.setSizes([210, 545, 545])
        sides.setChildrenCollapsible(False)

        self.position_label = QLabel()
        self.position_label.setObjectName("mergePosition")
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.previous_button.setToolTip(self.tr("Previous conflict (Alt+Up, Shift+F8)"))
        self.previous_button.setAccessibleName(self.tr("Previous conflict"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("Next conflict (Alt+Down, F8)"))
        self.next_button.setAccessibleName(self.tr("Next conflict"))
        self.theirs_button = QPushButton(self.tr("Take &Theirs"))
        self.theirs_button.setToolTip(self.tr("Use the other library's text for this passage "
                                              "(Alt+T)"))
        self.theirs_button.setAccessibleName(self.tr("Take theirs"))
        self.mine_button = QPushButton(self.tr("Take &Mine"))
        self.mine_button.setToolTip(self.tr("Keep this library's text for this passage (Alt+M)"))
        self.mine_button.setAccessibleName(self.tr("Take mine"))
        self.both_button = QPushButton(self.tr("Take &Both"))
        self.both_button.setToolTip(self.tr("My paragraphs, then theirs that I do not have "
                                            "(Alt+B)"))
        self.both_button.setAccessibleName(self.tr("Take both"))
        controls = QHBoxLayout()
        controls.addWidget(self.previous_button)
        controls.addWidget(self.next_button)
        controls.addWidget(self.position_label, 1)
        controls.addWidget(self.theirs_button)
        controls.addWidget(self.mine_button)
        controls.addWidget(self.both_button)

        self.passage = QPlainTextEdit()
        self.passage.setObjectName("mergePassage")
        self.passage.setAccessibleName(
            self.tr("This passage as it will be saved; type to edit it by hand"))
        self.passage.setTabChangesFocus(True)
        self.passage.setPlaceholderText(self.tr("Not chosen yet: take theirs, mine or both, or "
                                                "type the text this passage should have."))
        self.whole = QPlainTextEdit()
        self.whole.setObjectName("mergeResult")
        self.whole.setReadOnly(True)
        self.whole.setTabChangesFocus(True)
        self.whole.setAccessibleName(self.tr("The whole article as it will be saved"))
        self.bottom = QTabWidget()
        # Alt+P / Alt+W go to the page AND into its text (a tab mnemonic would only switch).
        self.bottom.addTab(self.passage, self.tr("This passage, edit by hand (Alt+P)"))
        self.bottom.addTab(self.whole, self.tr("Whole result (Alt+W)"))
        self.bottom.setAccessibleName(self.tr("Result"))

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(controls)
        lower_layout.addWidget(self.bottom, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(sides)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([430, 190])

        self.status = QLabel()
        self.status.setObjectName("mergeStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Merge status"))
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.setToolTip(self.tr("Load the conflict again as the article is now; "
                                              "the choices for passages that are still the "
                                              "same are kept"))
        self.reload_button.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("&Save Resolution"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(self.tr("Save the result as a revision with both versions "
                                            "as parents (Ctrl+S)"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        bottom_row = QHBoxLayout()
        bottom_row.addWidget(self.status, 1)
        bottom_row.addWidget(self.reload_button)
        bottom_row.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom_row)

        for first, second in ((self.hunk_list, self.theirs.text), (self.theirs.text, self.mine.text),
                              (self.mine.text, self.previous_button),
                              (self.previous_button, self.next_button),
                              (self.next_button, self.theirs_button),
                              (self.theirs_button, self.mine_button),
                              (self.mine_button, self.both_button),
                              (self.both_button, self.bottom), (self.bottom, self.passage),
                              (self.passage, self.whole), (self.whole, self.reload_button),
                              (self.reload_button, self.save_button),
                              (self.save_button, self.cancel_button)):
            QWidget.setTabOrder(first, second)

        self.previous_button.clicked.connect(self.previous_conflict)
        self.next_button.clicked.connect(self.next_conflict)
        self.theirs_button.clicked.connect(lambda: self.take(Choice.THEIRS))
        self.mine_button.clicked.connect(lambda: self.take(Choice.MINE))
        self.both_button.clicked.connect(lambda: self.take(Choice.BOTH))
        self.passage.textChanged.connect(self._typed)
        self.hunk_list.currentRowChanged.connect(self._row_changed)
        self.bottom.currentChanged.connect(lambda _i: self._show_result())
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.reload_button.clicked.connect(self.reload)
        for keys, slot in ((("Alt+Down", "F8"), self.next_conflict),
                           (("Alt+Up", "Shift+F8"), self.previous_conflict),
                           ((QKeySequence.StandardKey.Save,), self.save),
                           (("Alt+P",), lambda: self._focus_page(self.passage)),
                           (("Alt+W",), lambda: self._focus_page(self.whole))):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        # Alt+T/M/B/C are documented: a translation whose mnemonics use other letters
        # gets them as shortcuts besides (never both, which Qt would find ambiguous).
        for letter, text, slot in (("T", self.theirs_button.text(), self.theirs_button.click),
                                   ("M", self.mine_button.text(), self.mine_button.click),
                                   ("B", self.both_button.text(), self.both_button.click),
                                   ("C", hunk_caption.text(), self.hunk_list.setFocus)):
            if f"&{letter}" not in text.upper():
                shortcut = QShortcut(QKeySequence(f"Alt+{letter}"), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

        self.work = BackgroundWork(self, library=library)
        self.work.finished.connect(self._answer)
        self.work.failed.connect(self._failed)
        self._set_busy(True)
        self.resize(1300, 700)
        self.reload()

    # -- loading ------------------------------------------------------------------
    def reload(self) -> None:
        """Load the conflict (again) on the worker, keeping choices for unchanged passages."""
        if self.model is not None:
            self._reapply = {_key(h): (h.choice, h.edited) for h in self.model.hunks
                             if h.choice is not None}
        self.reload_button.hide()
        self._set_busy(True)
        self.status.setText(self.tr("Loading the two versions…"))
        self.work.submit(_load, self.article_id)

    def _answer(self, answer) -> None:
        if answer[0] == "loaded":
            self._show_model(answer[1])
        else:
            self._saved(*answer[1:])

    def _show_model(self, model: ConflictModel) -> None:
        self.model = model
        kept = 0
        for hunk in model.hunks:  # after a reload: the same passage keeps its choice
            choice, edited = (self._reapply or {}).get(_key(hunk), (None, ""))
            if choice == Choice.EDITED:
                model.edit(hunk.index, edited)
                kept += 1
            elif choice is not None:
                model.take(hunk.index, choice)
                kept += 1
        self._reapply = None
        here = self.library.library_uid
        title = model.mine_snapshot.title or model.theirs_snapshot.title
        count = len(model.hunks)
        self.setWindowTitle(self.tr("Resolve conflict — {title}").format(title=title))
        conflicts = (self.tr("%n conflict", None, count) if count == 1
                     else self.tr("%n conflicts", None, count))
        self.heading.setText(
            f"<b>{_html(title)}</b><br>"
            + self.tr("Two versions of this article could not be merged: {conflicts}, where "
                      "each side changed the same passage or field differently (what only one "
                      "side changed merged on its own). For each one take theirs, mine or "
                      "both, or type the text yourself, then save: both versions stay in the "
                      "history.").format(conflicts=conflicts))
        self.theirs.caption.setText(version_caption(self.tr("Theirs"), model.theirs, here))
        self.mine.caption.setText(version_caption(self.tr("Mine"), model.mine, here))
        self.theirs.text.setPlainText(model.theirs_body)
        self.mine.text.setPlainText(model.mine_body)
        self.hunk_list.blockSignals(True)
        self.hunk_list.clear()
        for _hunk in model.hunks:
            self.hunk_list.addItem(QListWidgetItem())
        self.hunk_list.blockSignals(False)
        self._set_busy(False)
        self.current = 0
        first_open = next((h.index for h in model.hunks if h.choice is None), 0)
        self.go_to(first_open)
        if kept:
            self.status.setText((self.tr("Loaded again; %n choice kept.", None, kept) if kept == 1
                                 else self.tr("Loaded again; %n choices kept.", None, kept))
                                + " " + self._progress_text())
        self.hunk_list.setFocus()
        self.loaded.emit()

    def _failed(self, message: str, exc) -> None:
        self._set_busy(False, keep_disabled=self.model is None)
        if isinstance(exc, ConflictError):
            self.status.setText(self.tr(
                "Not saved: the article changed while this view was open (a sync, a receive or "
                "an edit in another window). Nothing was written. Reload to see it as it is "
                "now; your choices for passages that did not change are kept."))
            self.reload_button.show()
            self.reload_button.setFocus()
        elif isinstance(exc, NotFoundError) and self.model is not None:
            self.status.setText(self.tr("Not saved: {error}. It may have been resolved "
                                        "meanwhile (in another window, or a sync brought a "
                                        "resolution).").format(error=message))
            self.reload_button.show()
        else:
            self.status.setText((self.tr("Cannot resolve: {error}") if self.model is None
                                 else self.tr("Not saved: {error}")).format(error=message))
        self.status.setStyleSheet("color: #c0392b")

    def _set_busy(self, busy: bool, *, keep_disabled: bool = False) -> None:
        enabled = not busy and not keep_disabled and self.model is not None
        for widget in (self.hunk_list, self.previous_button, self.next_button, self.theirs_button,
                       self.mine_button, self.both_button, self.passage, self.save_button):
            widget.setEnabled(enabled)
        if enabled:
            self._update_buttons()

    # -- moving between conflicts ---------------------------------------------------
    def go_to(self, index: int) -> None:
        """Show conflict ``index`` (0-based): marked and scrolled to in both versions."""
        if self.model is None or not self.model.hunks:
            return
        self.current = max(0, min(index, len(self.model.hunks) - 1))
        if self.hunk_list.currentRow() != self.current:
            self.hunk_list.blockSignals(True)
            self.hunk_list.setCurrentRow(self.current)
            self.hunk_list.blockSignals(False)
        self._refresh()
        hunk = self.model.hunks[self.current]
        if hunk.is_body:
            self.theirs.show_at(hunk.theirs_span[0])
            self.mine.show_at(hunk.mine_span[0])

    def next_conflict(self) -> None:
        if self.model is not None and self.current < len(self.model.hunks) - 1:
            self.go_to(self.current + 1)

    def previous_conflict(self) -> None:
        if self.model is not None and self.current > 0:
            self.go_to(self.current - 1)

    def _row_changed(self, row: int) -> None:
        if row >= 0 and row != self.current:
            self.go_to(row)

    # -- choosing -------------------------------------------------------------------
    def take(self, choice: Choice | str) -> None:
        """Take theirs, mine or both for the current conflict."""
        if self.model is None or not self.model.hunks:
            return
        try:
            self.model.take(self.current, choice)
        except ValueError as exc:
            self.status.setText(str(exc)[0].upper() + str(exc)[1:])
            return
        self._refresh()

    def edit(self, text: str) -> None:
        """The current conflict's text as typed by hand (what typing in the passage does)."""
        if self.model is None or not self.model.hunks:
            return
        hunk = self.model.hunks[self.current]
        if not hunk.is_body:  # a field is one line
            text = " ".join(text.split("\n")).strip()
        self.model.edit(self.current, text)
        self._refresh(keep_passage=True)

    def _focus_page(self, page: QPlainTextEdit) -> None:
        self.bottom.setCurrentWidget(page)
        page.setFocus()

    def _typed(self) -> None:
        if not self._filling and self.model is not None:
            self.edit(self.passage.toPlainText())

    # -- what is on screen ----------------------------------------------------------------
    def _refresh(self, *, keep_passage: bool = False) -> None:
        model = self.model
        if model is None or not model.hunks:
            return
        hunk = model.hunks[self.current]
        for row, h in enumerate(model.hunks):
            item = self.hunk_list.item(row)
            state = choice_word(h.choice)
            item.setText(f"{row + 1}. {hunk_label(h)} — {state}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         self.tr("Conflict {n} of {total}: {what}, {state}").format(
                             n=row + 1, total=len(model.hunks), what=hunk_label(h), state=state))
            item.setForeground(QBrush(QColor("#c0392b")) if h.choice is None else QBrush())
        self.position_label.setText(
            self.tr("Conflict {n} of {total}: {what} — {state}").format(
                n=self.current + 1, total=len(model.hunks), what=hunk_label(hunk),
                state=choice_word(hunk.choice)))
        for pane, value in ((self.theirs, hunk.theirs), (self.mine, hunk.mine)):
            if hunk.is_body:
                pane.field.hide()
            else:
                pane.field.setText(f"{hunk_label(hunk)}: {value or self.tr('(empty)')}")
                pane.field.show()
        self._mark()
        if not keep_passage:
            self._filling = True
            try:
                self.passage.setPlainText(hunk.result() if hunk.choice is not None else "")
            finally:
                self._filling = False
        self._update_buttons()
        self._show_result()
        self.status.setStyleSheet("")
        self.status.setText(self._progress_text())

    def _mark(self) -> None:
        theirs, mine = [], []
        for h in self.model.hunks:
            if not h.is_body:
                continue
            if h.choice is None:
                tf = mf = _format(CURRENT_COLOR if h.index == self.current else OPEN_COLOR)
                tf = mf = _format(OPEN_COLOR)
            elif h.choice == Choice.THEIRS:
                tf, mf = _format(TAKEN_COLOR), _format(DROPPED_COLOR, struck=True)
            elif h.choice == Choice.MINE:
                tf, mf = _format(DROPPED_COLOR, struck=True), _format(TAKEN_COLOR)
            elif h.choice == Choice.BOTH:
                tf = mf = _format(TAKEN_COLOR)
            else:
                tf = mf = _format(EDITED_COLOR)
            if h.index == self.current:  # the one in front is underlined too
                for fmt in (tf, mf):
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(QColor("#d35400"))
            theirs.append((h.theirs_span, tf))
            mine.append((h.mine_span, mf))
        self.theirs.mark(theirs)
        self.mine.mark(mine)

    def _update_buttons(self) -> None:
        model = self.model
        if model is None or not model.hunks:
            return
        hunk = model.hunks[self.current]
        self.both_button.setEnabled(hunk.is_body)
        self.both_button.setToolTip(self.tr("My paragraphs, then theirs that I do not have "
                                            "(Alt+B)")
                                    if hunk.is_body else self.tr("A field takes one value: "
                                                                 "theirs, mine, or type it"))
        self.previous_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current < len(model.hunks) - 1)

    def _show_result(self) -> None:
        if self.model is None or self.bottom.currentWidget() is not self.whole:
            return  # built only when looked at: the whole body, on every choice
        self.whole.setPlainText(self.model.merged_body())

    def _progress_text(self) -> str:
        model = self.model
        open_count = len(model.unresolved)
        if not open_count:
            return self.tr("Every conflict has a choice: save the resolution (Ctrl+S).")
        total = len(model.hunks)
        text = (self.tr("{open} of %n conflict still to choose.", None, total) if total == 1
                else self.tr("{open} of %n conflicts still to choose.", None, total))
        return text.format(open=open_count)

    # -- saving -----------------------------------------------------------------------
    def save(self) -> None:
        """Save the resolving revision (on the worker); points at what is still open first."""
        model = self.model
        if model is None or not self.save_button.isEnabled():
            return
        if model.unresolved:
            first = model.unresolved[0]
            self.go_to(first.index)
            self.status.setText(self.tr("Choose theirs, mine or both for conflict {n} ({what}) "
                                        "first; {open} still open.").format(
                n=first.index + 1, what=hunk_label(first), open=len(model.unresolved)))
            self.status.setStyleSheet("color: #c0392b")
            self.hunk_list.setFocus()
            return
        self._set_busy(True)
        self.status.setText(self.tr("Saving the resolution…"))
        self.work.submit(_save, model)

    def _saved(self, article, revision, still_in_conflict: bool) -> None:
        self.saved_revision = revision
        self.resolved.emit(article)
        if still_in_conflict:  # another version from elsewhere waits: the same view goes on
            self.model = None
            self.status.setText(self.tr("Saved as revision {number}. Another version from "
                                        "elsewhere conflicts too: loading it…").format(
                number=revision.number))
            self._set_busy(True)
            self.work.submit(_load, self.article_id)
            return
        self.accept()

    # -- closing ----------------------------------------------------------------------
    def reject(self) -> None:
        if self.model is not None and any(h.choice is not None for h in self.model.hunks) \
                and self.saved_revision is None and not self.confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        return ask_yes_no(self, self.tr("Resolve conflict"),
                          self.tr("Close without saving? The choices made here are lost; the "
                                  "article stays in conflict."))

    def done(self, result: int) -> None:
        self.work.cancel()
        self.work.close()
        super().done(result)


def _key(hunk: Hunk) -> tuple:
    return (hunk.name, hunk.base, hunk.mine, hunk.theirs)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
