"""The person's name and role as form fields: the first-launch dialog and Preferences share it.

Reading and writing go through core/identity (the user's own settings folder), and a
change is announced on the hub (``identity_changed``) so that menus, the Workflow
panel and the queues follow at once, without a restart (#17).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import BylineError
from editor_app.core.identity import Identity, load_identity, save_identity
from editor_app.core.models import Role
from editor_app.ui.focus_order import set_focus_order
from editor_app.ui.labels import role_label

if TYPE_CHECKING:
    from editor_app.core.library import Library

#: what each role does, in the words of the newsroom
#: each role's button and what it does (translated where shown, IdentityForm.tr)
ROLE_TEXT = {
    Role.REPORTER: (QT_TRANSLATE_NOOP("IdentityForm", "&Reporter"),
                    QT_TRANSLATE_NOOP("IdentityForm", "writes stories and submits them for review")),
    Role.EDITOR: (QT_TRANSLATE_NOOP("IdentityForm", "&Editor"),
                  QT_TRANSLATE_NOOP("IdentityForm",
                                    "reviews, approves, and reopens stories for correction")),
    Role.PRODUCER: (QT_TRANSLATE_NOOP("IdentityForm", "&Producer"),
                    QT_TRANSLATE_NOOP("IdentityForm",
                                      "exports approved stories and marks them published")),
}


class IdentityForm(QWidget):
    """Name (as printed in bylines and the trail) and one of three roles."""

    def __init__(self, library: Library | None=None, parent=None):
        super().__init__(parent)
        self.library = library
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Your name as printed in bylines"))
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setMaxLength(120)
        self.roles = QButtonGroup(self)
        role_box = QWidget()
        role_layout = QVBoxLayout(role_box)
        role_layout.setContentsMargins(0, 0, 0, 0)
        role_layout.setSpacing(2)
        self.role_buttons: dict[Role, QRadioButton] = {}
        for role, (label, what) in ROLE_TEXT.items():
            label, what = self.tr(label), self.tr(what)
            button = QRadioButton(f"{label} — {what}")
            button.setAccessibleName(f"{role_label(role)}: {what}")
            self.roles.addButton(button)
            self.role_buttons[role] = button
            role_layout.addWidget(button)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        form.addRow(self.tr("You work as:"), role_box)
        # Now that they share this window: Qt ignores (and warns about) a tab order
        # between widgets not yet in the same one.
        set_focus_order([self.name_edit, *self.role_buttons.values()])
        form.addRow("", self.error)
        self.load()

    def load(self) -> None:
        who = load_identity(self.library)
        self.name_edit.setText(who.name)
        self.role_buttons[who.role].setChecked(True)

    def identity(self) -> Identity:
        """What the fields say; InputError naming the field when it cannot be stored."""
        role = next(r for r, b in self.role_buttons.items() if b.isChecked())
        return Identity(self.name_edit.text(), role)

    def problem(self) -> str | None:
        """Why the fields cannot be saved (None when they can), shown under them."""
        if not self.name_edit.text().strip():
            return self.tr("Type your name: it goes into your bylines and the trail of every move.")
        try:
            self.identity()
        except BylineError as exc:
            return str(exc)
        return None

    def apply(self, signals=None) -> Identity | None:
        """Store the name and role and tell the window; None (and the reason shown) when not."""
        problem = self.problem()
        if problem is None:
            try:
                before = load_identity(self.library)
                who = save_identity(self.identity())
            except BylineError as exc:
                problem = str(exc)
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            self.name_edit.setFocus()
            return None
        self.error.hide()
        if signals is not None and who != before:
            signals.identity_changed.emit(who)
        return who
