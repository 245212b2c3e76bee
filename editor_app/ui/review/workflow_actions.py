"""Workflow actions for the current article: allowed moves, pre-flight gate, trail.

Only the moves the user's role may make are offered (core enforces the same
table). Approval and publishing show the pre-flight checklist first; going
ahead over failed checks is an explicit "Override" and is recorded.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import BylineError
from editor_app.core.models import Status
from editor_app.core.review import available_moves, change_status, current_role, is_gated
from editor_app.ui.flow_layout import FlowLayout
from editor_app.ui.focus_order import set_focus_order
from editor_app.ui.review.preflight_dialog import OVERRIDE, PreflightDialog

#: Button text per target status; moves back to review from approved or
#: published are corrections, and a spiked story comes back as a draft.
VERBS = {
    Status.SUBMITTED: "Submit for review",
    Status.IN_REVIEW: "Start review",
    Status.CHANGES_REQUESTED: "Request changes",
    Status.APPROVED: "Approve",
    Status.PUBLISHED: "Mark published",
    Status.SPIKED: "Spike",
    Status.DRAFT: "Back to draft",
}


def move_label(current: Status, target: Status) -> str:
    if target == Status.IN_REVIEW and current in (Status.APPROVED, Status.PUBLISHED):
        return "Reopen for correction"
    if target == Status.DRAFT and current == Status.SPIKED:
        return "Restore as draft"
    return VERBS.get(target, target.label)


def trail_line(event) -> str:
    when = event.created_at[:16].replace("T", " ")
    moved = (f"{event.from_status} → {event.to_status}" if event.from_status != event.to_status
             else f"{event.to_status} (no move)")
    who = event.who or "—"
    role = f" ({event.role})" if event.role else ""
    flag = " · OVERRIDE" if event.override else ""
    note = f"\n    {event.note}" if event.note else ""
    return f"{when}  {moved}  by {who}{role}{flag}{note}"


class WorkflowActions(QWidget):
    """Status, the allowed moves as buttons, and the article's trail.

    Signals: ``status_changed(article_id, new_status)`` (also sent on the hub).
    ``spelling_issue_count``: optional callable ``(article_id) -> int | None``
    giving the editor's live spell count, so the checklist need not spell-check again.
    """

    status_changed = Signal(int, str)

    def __init__(self, library, signals=None, parent=None,
                 spelling_issue_count: Callable[[int], int | None] | None = None):
        super().__init__(parent)
        self._library = library
        self._signals = signals
        self._spelling = spelling_issue_count
        self.article_id = 0
        #: Asks for an optional note; None cancels the move. Replaced in tests.
        self.ask_note: Callable[[str], str | None] = self._ask_note
        #: Shows the checklist; returns "proceed", "override" or None. Replaced in tests.
        self.run_preflight: Callable[[int, Status], str | None] = self._run_preflight

        self.status_label = QLabel("No article")
        self.status_label.setObjectName("workflowStatus")
        self.status_label.setWordWrap(True)
        # The moves wrap onto more rows in a narrow dock rather than being cut (#20).
        self.buttons_row = FlowLayout(spacing=6, row_spacing=4)
        self.trail = QListWidget()
        self.trail.setAccessibleName("Status trail")
        self.trail.setWordWrap(True)
        self.trail.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.trail.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.no_trail = QLabel("No moves yet.")
        self.no_trail.setStyleSheet("color: gray;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status_label)
        layout.addLayout(self.buttons_row)
        layout.addWidget(QLabel("Trail"))
        layout.addWidget(self.no_trail)
        layout.addWidget(self.trail, 1)
        layout.addStretch(0)  # an empty or short trail leaves the rest of the dock free
        self.buttons: dict[Status, QPushButton] = {}
        if signals is not None:
            signals.status_changed.connect(self._on_outside_change)
            signals.current_article_changed.connect(self.set_article)

    def set_article(self, article_id: int) -> None:
        self.article_id = article_id or 0
        self.refresh()

    def refresh(self) -> None:
        # A keyboard user who pressed a move keeps the keyboard in the panel: on the
        # next move, not on a button that is going away (#20).
        had_focus = any(button.hasFocus() for button in self.buttons.values())
        self._rebuild()
        if had_focus:
            self.trail.setFocus() if not self.buttons else next(iter(self.buttons.values())).setFocus()

    def _rebuild(self) -> None:
        for button in self.buttons.values():
            self.buttons_row.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        self.trail.clear()
        self._show_trail()
        if not self.article_id:
            self.status_label.setText("No article")
            return
        try:
            article = self._library.get_article(self.article_id)
            role = current_role(self._library)
            moves = available_moves(self._library, self.article_id, role)
            events = self._library.status_events(self.article_id)
        except BylineError as exc:
            self.status_label.setText(str(exc))
            return
        self.status_label.setText(f"Status: {article.status.label} · you act as {role.value}")
        for target in moves:
            button = QPushButton(move_label(article.status, target))
            if is_gated(article.status, target):
                button.setToolTip("Shows the pre-flight checklist first")
            button.clicked.connect(lambda _checked=False, t=target: self.move_to(t))
            self.buttons_row.addWidget(button)
            self.buttons[target] = button
        # Tab reaches the moves before the trail, as they stand on screen (new
        # buttons would otherwise come last in the window).
        set_focus_order([self.trail.previousInFocusChain(), *self.buttons.values(), self.trail])
        for event in reversed(events):  # newest first
            self.trail.addItem(QListWidgetItem(trail_line(event)))
        self._show_trail()

    def _show_trail(self) -> None:
        empty = self.trail.count() == 0
        self.trail.setVisible(not empty)
        self.no_trail.setVisible(empty)

    def move_to(self, target: Status) -> bool:
        """Run one move with its note prompt and pre-flight gate; True when it happened."""
        if not self.article_id:
            return False
        current = self._library.get_article(self.article_id).status
        force = False
        if is_gated(current, target):
            decision = self.run_preflight(self.article_id, target)
            if decision is None:
                return False
            force = decision == OVERRIDE
        note = self.ask_note(move_label(current, target))
        if note is None:
            return False
        try:
            change_status(self._library, self.article_id, target, note=note, force=force,
                          spelling_issue_count=self._spelling_count())
        except BylineError as exc:
            self._message(str(exc))
            return False
        self.refresh()
        self.status_changed.emit(self.article_id, target.value)
        if self._signals is not None:
            self._signals.status_changed.emit(self.article_id, target.value)
        return True

    def _spelling_count(self) -> int | None:
        if self._spelling is None:
            return None
        try:
            return self._spelling(self.article_id)
        except Exception:
            return None

    def _on_outside_change(self, article_id: int, _status: str) -> None:
        if article_id == self.article_id:
            self.refresh()

    def _run_preflight(self, article_id: int, target: Status) -> str | None:
        dialog = PreflightDialog(self._library, article_id,
                                 action_label=move_label(Status.IN_REVIEW, target),
                                 spelling_issue_count=self._spelling_count(), parent=self)
        dialog.exec()
        return dialog.decision

    def _ask_note(self, action: str) -> str | None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(action)
        dialog.setLabelText("Note for the trail (optional):")
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        for box in dialog.findChildren(QPlainTextEdit):
            box.setTabChangesFocus(True)  # Tab reaches OK: the note needs no mouse (#20)
            box.setAccessibleName("Note for the trail")
        if not dialog.exec():
            return None
        return dialog.textValue().strip()

    def _message(self, text: str) -> None:
        if self._signals is not None:
            self._signals.message.emit(text, 6000)
