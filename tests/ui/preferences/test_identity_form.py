"""The "Who is writing?" form is reached by Tab in reading order: name, then each role (#17 #20)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QDialog, QVBoxLayout

from editor_app.core.models import Role
from editor_app.ui.preferences.identity_form import IdentityForm


def test_tab_goes_from_the_name_through_the_roles_in_order(qtbot):
    warnings: list[str] = []

    def collect(mode, _context, message):
        if mode == QtMsgType.QtWarningMsg:
            warnings.append(message)

    previous = qInstallMessageHandler(collect)
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        form = IdentityForm(None, dialog)
        QVBoxLayout(dialog).addWidget(form)
    finally:
        qInstallMessageHandler(previous)
    assert not [w for w in warnings if "setTabOrder" in w]
    chain, widget = [], form.name_edit
    while len(chain) < 3:  # what Tab reaches: the chain without labels and frames
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
    buttons = form.role_buttons
    assert chain == [buttons[Role.REPORTER], buttons[Role.EDITOR], buttons[Role.PRODUCER]]
