"""Headline, kind, names, dateline, language and standfirst of the open article.

The panel only edits values; the article tab saves them with the body (autosave).
A field that does not validate (a date that is not a date) is marked and left out
of ``values()`` until fixed, so a typo never blocks saving the text.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from editor_app.core.errors import InputError
from editor_app.core.models import Kind, parse_date
from editor_app.core.text import is_placeholder_title, is_valid_slug
from editor_app.ui.flow_layout import FlowLayout
from editor_app.ui.labels import kind_label

#: fields are never narrower than these: a 30-character name, the full ISO date (#20)
NAME_SAMPLE = "Dr. Wilhelmina Oyelaran-Castro"
DATE_SAMPLE = "2024-12-31"
#: a field grows with a longer value up to this many characters of the sample's width
MAX_FIELD_CHARS = 60

LANGUAGES = ("en", "en-GB", "en-US", "lt", "lv", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da",
             "ru", "uk", "ar", "he")
_INVALID_STYLE = "QLineEdit { border: 1px solid #c0392b; }"


class MetadataPanel(QWidget):
    """Form over Article.METADATA_FIELDS; emits ``changed`` on every user edit."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("metadataPanel")
        self._loading = False

        self.title_edit = QLineEdit(placeholderText=self.tr("Headline"))
        self.title_edit.setAccessibleName(self.tr("Headline"))
        title_font = QFont(self.title_edit.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title_edit.setFont(title_font)
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(self.tr("Kind"))
        # A core enum's English label (the lead switches it to ui/labels' kind_label).
        for kind in Kind:
            self.kind_box.addItem(kind_label(kind), kind.value)
        self.interviewee_edit = QLineEdit(placeholderText=self.tr("Name as printed"))
        self.interviewee_edit.setAccessibleName(self.tr("Interviewee"))
        self.author_edit = QLineEdit(placeholderText=self.tr("Reporter"))
        self.author_edit.setAccessibleName(self.tr("Author"))
        self.date_edit = QLineEdit(placeholderText=self.tr("YYYY-MM-DD"))
        self.date_edit.setAccessibleName(self.tr("Dateline"))
        self.language_box = QComboBox()
        self.language_box.setEditable(True)
        self.language_box.addItems(LANGUAGES)
        self.language_box.setAccessibleName(self.tr("Language"))
        self.language_box.lineEdit().setAccessibleName(self.tr("Language"))
        for edit, sample in ((self.interviewee_edit, NAME_SAMPLE), (self.author_edit, NAME_SAMPLE),
                             (self.date_edit, DATE_SAMPLE)):
            _fit_to(edit, sample)
            edit.textChanged.connect(lambda text, edit=edit, sample=sample:
                                     _fit_to(edit, sample, text))
        self.language_box.setMinimumWidth(_text_width(self.language_box, "en-GB") + 36)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setPlaceholderText(self.tr("One-sentence standfirst"))
        self.summary_edit.setAccessibleName(self.tr("Summary"))
        self.summary_edit.setTabChangesFocus(True)
        line = self.summary_edit.fontMetrics().lineSpacing()
        self.summary_edit.setFixedHeight(int(line * 2.6) + 10)
        self.interviewee_label = QLabel(self.tr("&Interviewee"))
        self.date_error = QLabel()
        self.date_error.setStyleSheet("color: #c0392b")
        # The address (slug): follows the headline until the story is exported or
        # published, then stays; editable, with a warning once readers have it (#17).
        self.slug_edit = QLineEdit()
        self.slug_edit.setAccessibleName(self.tr("Address (slug)"))
        self.slug_edit.setToolTip(self.tr("The story's address on the site and its folder in "
                                          "exports: lowercase letters, digits and hyphens"))
        self.slug_note = QLabel()
        self.slug_note.setObjectName("slugNote")
        self.slug_note.setWordWrap(True)
        self._slug_edited = False
        self._shown_slug = ""

        # Details wrap onto a second row on narrow windows instead of squeezing every
        # field to a few letters: each keeps the width of its whole value (#20).
        details = FlowLayout(spacing=10, row_spacing=4)
        details.setContentsMargins(0, 0, 0, 0)
        for label, widget, stretch in ((self.tr("&Kind"), self.kind_box, 0),
                                       (self.interviewee_label, self.interviewee_edit, 2),
                                       (self.tr("A&uthor"), self.author_edit, 2),
                                       (self.tr("&Date"), self.date_edit, 0),
                                       (self.tr("&Language"), self.language_box, 0)):
            label_widget = label if isinstance(label, QLabel) else QLabel(label)
            label_widget.setBuddy(widget)
            details.addWidget(_unit(label_widget, widget, self.date_error
                                    if widget is self.date_edit else None), stretch)
        self.details = _wrap(details)

        self.form = QFormLayout(self)
        self.form.setContentsMargins(8, 6, 8, 6)
        self.form.setVerticalSpacing(4)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.addRow(self.tr("Headline"), self.title_edit)
        self.form.addRow("", self.details)
        self.form.addRow(self.tr("Summary"), self.summary_edit)
        address = QHBoxLayout()
        address.setContentsMargins(0, 0, 0, 0)
        address.addWidget(self.slug_edit, 1)
        address.addWidget(self.slug_note, 2)
        self.form.addRow(self.tr("Address"), _wrap(address))
        self.form.labelForField(self.slug_edit.parentWidget()).setBuddy(self.slug_edit)
        # The tag editor (another panel) is mounted here with set_tag_widget.
        self.tags_placeholder = QLabel("")
        self.tags_placeholder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.form.addRow(self.tr("Tags"), self.tags_placeholder)
        self.tags_placeholder.setVisible(False)
        self.form.labelForField(self.tags_placeholder).setVisible(False)
        self.tag_widget: QWidget | None = None

        for edit in (self.title_edit, self.interviewee_edit, self.author_edit):
            edit.textEdited.connect(self._emit_changed)
        self.date_edit.textEdited.connect(self._on_date_edited)
        self.slug_edit.textEdited.connect(self._on_slug_edited)
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self.language_box.currentTextChanged.connect(self._emit_changed)
        self.summary_edit.textChanged.connect(self._emit_changed)

    # -- tag editor slot -----------------------------------------------------
    def set_tag_widget(self, widget: QWidget) -> None:
        """Put the tag editor in the "Tags" row (replaces an earlier one)."""
        old = self.tag_widget or self.tags_placeholder
        label = self.form.labelForField(old)
        self.form.replaceWidget(old, widget)
        old.setParent(None)
        label.setVisible(True)
        widget.setVisible(True)
        self.tag_widget = widget

    # -- values --------------------------------------------------------------
    def set_article(self, article) -> None:
        """Show an article's metadata without emitting ``changed``."""
        self._loading = True
        try:
            # A new story's placeholder headline is not shown as text: the box waits
            # empty (its placeholder says what goes there) until one is typed (#17).
            title = "" if is_placeholder_title(article.title) else (article.title or "")
            self.title_edit.setText(title)
            self.title_edit.setCursorPosition(0)
            index = self.kind_box.findData(getattr(article.kind, "value", article.kind))
            self.kind_box.setCurrentIndex(max(index, 0))
            self.interviewee_edit.setText(article.interviewee or "")
            self.author_edit.setText(article.author or "")
            self.date_edit.setText(article.date or "")
            self.language_box.setCurrentText(article.language or "en")
            if self.summary_edit.toPlainText() != (article.summary or ""):
                self.summary_edit.setPlainText(article.summary or "")
            self._check_date()
            self._update_interviewee_visibility()
            self._slug_edited = False
            self._show_slug_text(article.slug or "")
        finally:
            self._loading = False

    # -- the address -----------------------------------------------------------
    def show_address(self, slug: str, *, follows: bool, published: bool) -> None:
        """Show the stored slug and what happens to it (never over one being typed)."""
        if not self._slug_edited or self.slug_edit.text().strip() == slug:
            self._slug_edited = False
            self._show_slug_text(slug)
        if published:
            self.slug_note.setText(self.tr("⚠ Published at this address: changing it breaks "
                                           "every link to the story."))
            self.slug_note.setStyleSheet("color: #c0392b")
        elif follows:
            self.slug_note.setText(self.tr("Follows the headline until the story is exported "
                                           "or published."))
            self.slug_note.setStyleSheet("color: palette(placeholder-text)")
        else:
            self.slug_note.setText(self.tr("Fixed: exported before, or set by hand."))
            self.slug_note.setStyleSheet("color: palette(placeholder-text)")

    def _show_slug_text(self, slug: str) -> None:
        self._shown_slug = slug
        if self.slug_edit.text() != slug:
            self.slug_edit.setText(slug)
            self.slug_edit.setCursorPosition(0)
        self.slug_edit.setStyleSheet("")

    def _on_slug_edited(self, _text: str) -> None:
        self._slug_edited = True
        self._slug_value()  # marks a bad one at once
        self._emit_changed()

    def _slug_value(self) -> str | None:
        """The slug typed by hand when it is valid and differs from the stored one."""
        if not self._slug_edited:
            return None
        text = self.slug_edit.text().strip()
        if not is_valid_slug(text):
            self.slug_edit.setStyleSheet(_INVALID_STYLE)
            self.slug_edit.setToolTip(self.tr("Not a valid address: lowercase letters, digits "
                                              "and single hyphens, at most 80 (not saved until "
                                              "fixed)"))
            return None
        self.slug_edit.setStyleSheet("")
        return text if text != self._shown_slug else None

    # -- read-only -------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        """An approved or published story: the fields show, nothing can be typed (#17)."""
        for edit in (self.title_edit, self.interviewee_edit, self.author_edit, self.date_edit,
                     self.slug_edit):
            edit.setReadOnly(read_only)
        self.summary_edit.setReadOnly(read_only)
        self.kind_box.setEnabled(not read_only)
        self.language_box.setEnabled(not read_only)

    def set_title(self, title: str) -> None:
        """Set the headline as if typed (the headline-quote tool); emits ``changed``."""
        self.title_edit.setText(title)
        self.title_edit.setCursorPosition(0)
        self._emit_changed()

    def title(self) -> str:
        return self.title_edit.text()

    def interviewee(self) -> str:
        return self.interviewee_edit.text().strip()

    def kind(self) -> str:
        return self.kind_box.currentData()

    def values(self) -> dict:
        """Fields ready for Library.update_article; an invalid date or empty title is left out."""
        values = {
            "kind": self.kind(),
            "interviewee": self.interviewee_edit.text().strip(),
            "author": self.author_edit.text().strip(),
            "language": self.language_box.currentText().strip() or "en",
            "summary": self.summary_edit.toPlainText().strip(),
        }
        if self.title_edit.text().strip():
            values["title"] = self.title_edit.text().strip()
        if self._check_date():
            values["date"] = self.date_edit.text().strip()
        slug = self._slug_value()
        if slug:
            values["slug"] = slug
        return values

    # -- internals -----------------------------------------------------------
    def _emit_changed(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    def _on_kind_changed(self, _index: int) -> None:
        self._update_interviewee_visibility()
        self._emit_changed()

    def _update_interviewee_visibility(self) -> None:
        is_interview = self.kind() == Kind.INTERVIEW.value
        self.interviewee_label.setEnabled(is_interview or bool(self.interviewee_edit.text()))
        self.interviewee_edit.setEnabled(is_interview or bool(self.interviewee_edit.text()))

    def _on_date_edited(self, _text: str) -> None:
        self._check_date()
        self._emit_changed()

    def _check_date(self) -> bool:
        text = self.date_edit.text().strip()
        try:
            if text:
                parse_date(text)
        except InputError:
            self.date_edit.setStyleSheet(_INVALID_STYLE)
            self.date_edit.setToolTip(self.tr("Not a date: use YYYY-MM-DD (not saved until "
                                              "fixed)"))
            self.date_error.setText(self.tr("not a date"))
            return False
        self.date_edit.setStyleSheet("")
        self.date_edit.setToolTip("")
        self.date_error.setText("")
        return True


def _text_width(widget, text: str) -> int:
    return widget.fontMetrics().horizontalAdvance(text)


def _fit_to(edit: QLineEdit, sample: str, text: str = "") -> None:
    """Wide enough for ``sample`` and for the current value (up to MAX_FIELD_CHARS)."""
    text = text[:MAX_FIELD_CHARS]
    # frame and the line edit's own margins: 2 px each side, plus room for the cursor
    width = max(_text_width(edit, sample), _text_width(edit, text)) + 14
    if edit.minimumWidth() != width:
        edit.setMinimumWidth(width)


def _unit(label: QLabel, field: QWidget, extra: QWidget | None = None) -> QWidget:
    """A label and its field, kept together on one row of the details."""
    unit = QWidget()
    layout = QHBoxLayout(unit)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    layout.addWidget(label)
    layout.addWidget(field, 1)
    if extra is not None:
        layout.addWidget(extra)
    policy = field.sizePolicy().horizontalPolicy()
    unit.setSizePolicy(policy, QSizePolicy.Policy.Fixed)
    return unit


def _wrap(layout) -> QWidget:
    widget = QWidget()
    widget.setLayout(layout)
    return widget
