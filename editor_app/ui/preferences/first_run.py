"""The first launch asks who you are: your name and your role, in one small dialog (#20).

The same settings as Edit ▸ Preferences ▸ You (core/identity), asked once, after the
window is on screen, so it never delays the first paint. A library made before
the identity file carries its old ``user.name`` / ``user.role``: those are taken
as they are and nothing is asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from editor_app.core.identity import identity_is_set, load_identity
from editor_app.ui.preferences.identity_form import IdentityForm

if TYPE_CHECKING:
    from editor_app.core.library import Library


class FirstRunDialog(QDialog):
    """"Welcome to Byline": name and role, then Start."""

    def __init__(self, library: Library, signals=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Byline"))
        self.setAccessibleName(self.tr("Welcome to Byline"))
        self.signals = signals
        intro = QLabel(self.tr(
            "<b>Who is writing?</b><br>Your name goes into your bylines and into the trail of "
            "every move you make; your role decides which moves Byline offers you. You can "
            "change both later in Edit ▸ Preferences."))
        intro.setWordWrap(True)
        self.form = IdentityForm(library, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("&Start"))
        self.start_button.setAccessibleName(self.tr("Start"))
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        # The roles' lines decide the width (longer in some languages than in English):
        # the wrapped introduction alone would let the dialog open too narrow for them.
        margins = layout.contentsMargins()
        self.setMinimumWidth(max(460, self.form.minimumSizeHint().width() + margins.left()
                                 + margins.right()))
        self.form.name_edit.setFocus()

    def accept(self) -> None:
        if self.form.apply(self.signals) is not None:
            super().accept()

    def reject(self) -> None:
        """Closed without a name: the role chosen is kept, the name stays empty (asked
        again at the next start)."""
        super().reject()


def ask_who_you_are(window) -> FirstRunDialog | None:
    """Open the dialog over ``window`` when the person has not said who they are yet.

    Window-modal and not blocking: the window paints and the library loads behind it.
    """
    load_identity(window.library)  # an old library's user.name / user.role count, once
    if identity_is_set():
        return None
    dialog = FirstRunDialog(window.library, window.signals, parent=window)
    dialog.open()
    return dialog
