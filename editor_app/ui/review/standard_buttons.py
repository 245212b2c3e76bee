"""Translated texts for Qt's standard dialog buttons (OK, Cancel, Close, Save, Yes, No).

Qt names these buttons through its own catalogue (context "QPlatformTheme"), and PySide6
ships no Lithuanian one for it: without this a Lithuanian dialog would still say "Cancel".
The English texts here are Qt's own, so nothing changes when no translation is loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

_DIALOG = {
    QDialogButtonBox.StandardButton.Ok: QT_TRANSLATE_NOOP("StandardButtons", "OK"),
    QDialogButtonBox.StandardButton.Cancel: QT_TRANSLATE_NOOP("StandardButtons", "Cancel"),
    QDialogButtonBox.StandardButton.Close: QT_TRANSLATE_NOOP("StandardButtons", "Close"),
    QDialogButtonBox.StandardButton.Save: QT_TRANSLATE_NOOP("StandardButtons", "Save"),
    QDialogButtonBox.StandardButton.Yes: QT_TRANSLATE_NOOP("StandardButtons", "&Yes"),
    QDialogButtonBox.StandardButton.No: QT_TRANSLATE_NOOP("StandardButtons", "&No"),
}
#: QMessageBox has its own enum with the same values
_MESSAGE = {QMessageBox.StandardButton(button.value): text for button, text in _DIALOG.items()}


def name_buttons(box: QDialogButtonBox | QMessageBox) -> None:
    """Give every standard button of ``box`` its text in the interface's language."""
    texts = _MESSAGE if isinstance(box, QMessageBox) else _DIALOG
    for button in box.buttons():
        text = texts.get(box.standardButton(button))
        if text is not None:
            button.setText(QCoreApplication.translate("StandardButtons", text))


def ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    """QMessageBox.question with translated Yes and No; True for Yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    name_buttons(box)
    return box.exec() == QMessageBox.StandardButton.Yes


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str,
                text: str) -> QMessageBox:
    """A QMessageBox with one translated OK button (not shown yet: ``open()`` or ``exec()``)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    name_buttons(box)
    return box
