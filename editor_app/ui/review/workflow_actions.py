"""Workflow actions for the current article: allowed moves, pre-flight gate, trail.

Only the moves the user's role may make are offered (core enforces the same
table). Approval and publishing show the pre-flight checklist first; going
ahead over failed checks is an explicit "Override" and is recorded.

An article in conflict (#14) goes no further than "submitted": the panel says so
above the buttons, with "Resolve…" (asked for on the hub), and a move the library
refuses is explained in the panel, not only in the status bar. A move made in
another library that no longer applied when it arrived is in the trail as
refused, with who made it and why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
from editor_app.ui.labels import role_label, status_label
from editor_app.ui.review.preflight_dialog import OVERRIDE, PreflightDialog
from editor_app.ui.review.revision_reasons import revision_reason

TRAIL_REFRESH_MS = 1000
if TYPE_CHECKING:
    from editor_app.core.library import Library
#: lupdate reads the literal texts of translate("Context", "…") calls
translate = QCoreApplication.translate

#: Button text per target status; moves back to review from approved or
#: published are corrections, and a spiked story comes back as a draft.
VERBS = {
    Status.SUBMITTED: QT_TRANSLATE_NOOP("WorkflowActions", "Submit for review"),
    Status.IN_REVIEW: QT_TRANSLATE_NOOP("WorkflowActions", "Start review"),
    Status.CHANGES_REQUESTED: QT_TRANSLATE_NOOP("WorkflowActions", "Request changes"),
    Status.APPROVED: QT_TRANSLATE_NOOP("WorkflowActions", "Approve"),
    Status.PUBLISHED: QT_TRANSLATE_NOOP("WorkflowActions", "Mark published"),
    Status.SPIKED: QT_TRANSLATE_NOOP("WorkflowActions", "Spike"),
    Status.DRAFT: QT_TRANSLATE_NOOP("WorkflowActions", "Back to draft"),
}


def move_label(current: Status, target: Status) -> str:
    if target == Status.IN_REVIEW and current in (Status.APPROVED, Status.PUBLISHED):
        return translate("WorkflowActions", "Reopen for correction")
    if target == Status.DRAFT and current == Status.SPIKED:
        return translate("WorkflowActions", "Restore as draft")
    return translate("WorkflowActions", VERBS[target]) if target in VERBS else status_label(target)


PROBLEM_COLOR = "#c0392b"


def revision_line(revision) -> str:
    """A revision made after approval, as the trail shows it."""
    when = revision.created_at[:16].replace("T", " ")
    line = QCoreApplication.translate(
        "WorkflowActions", "changed after approval: revision {number} ({reason})").format(
        number=revision.number, reason=revision_reason(revision.reason))
    if revision.author:
        line += " " + QCoreApplication.translate("WorkflowActions", "by {who}").format(
            who=revision.author)
    return f"{when}  ✎ {line}"


def _status(value: str) -> str:
    """A stored status ("in_review") as the trail writes it ("in review"), translated."""
    return status_label(value).lower()


def trail_line(event) -> str:
    """One move of the trail as the panel lists it; a refused move says so, who and why (#14)."""
    when = event.created_at[:16].replace("T", " ")
    moved = (f"{_status(event.from_status)} → {_status(event.to_status)}"
             if event.from_status != event.to_status
             else QCoreApplication.translate("WorkflowActions", "{status} (no move)").format(
                 status=_status(event.to_status)))
    who = event.who or "—"
    role = f" ({role_label(event.role).lower()})" if event.role else ""
    flag = " · " + translate("WorkflowActions", "OVERRIDE") if event.override else ""
    note = f"\n    {event.note}" if event.note else ""
    by = translate("WorkflowActions", "by {who}").format(who=f"{who}{role}")
    if getattr(event, "refused", False):
        why = event.refusal or translate("WorkflowActions",
                                         "it no longer applied when it arrived")
        not_applied = translate("WorkflowActions", "not applied: {why}").format(why=why)
        refused = translate("WorkflowActions", "REFUSED")
        return f"{when}  {refused} {moved}  {by}{flag}{note}\n    {not_applied}"
    return f"{when}  {moved}  {by}{flag}{note}"


def trail_item(event) -> QListWidgetItem:
    """The trail's row for one move: a refused one in red italics, its reason in the tooltip."""
    item = QListWidgetItem(trail_line(event))
    if getattr(event, "refused", False):
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        item.setForeground(QBrush(QColor(PROBLEM_COLOR)))
        why = event.refusal or translate("WorkflowActions",
                                         "it no longer applied when it arrived")
        who = event.who or translate("WorkflowActions", "someone")
        item.setToolTip(translate("WorkflowActions", "Refused: {who} moved it {old} → {new} in "
                                  "another library, but it did not apply here: {why}").format(
            who=who, old=event.from_status, new=event.to_status, why=why))
        item.setData(Qt.ItemDataRole.AccessibleTextRole,
                     translate("WorkflowActions", "Refused move {old} to {new} by {who}: {why}")
                     .format(old=event.from_status, new=event.to_status, who=who, why=why))
    return item


class WorkflowActions(QWidget):
    """Status, the allowed moves as buttons, and the article's trail.

    Signals: ``status_changed(article_id, new_status)`` (also sent on the hub).
    ``spelling_issue_count``: optional callable ``(article_id) -> int | None``
    giving the editor's live spell count, so the checklist need not spell-check again;
    ``spelling_issues``: the same as the issues themselves (``(article_id) -> list |
    None``), so that the checklist can name each and jump to it.

    The note for the trail is typed in the panel, above the buttons, and is optional:
    no dialog stands between a person and a move (#17).
    """

    status_changed = Signal(int, str)
    #: the checklist asked to show a place in the body (start, end) or a field (code)
    spot_requested = Signal(int, int)
    field_requested = Signal(str)

    def __init__(self, library: Library, signals=None, parent=None,
                 spelling_issue_count: Callable[[int], int | None] | None = None,
                 spelling_issues: Callable[[int], list | None] | None = None):
        super().__init__(parent)
        self._library = library
        self._signals = signals
        self._spelling = spelling_issue_count
        self._spelling_issues = spelling_issues
        self.article_id = 0
        #: Gives the optional note (the inline field); None cancels the move. Tests replace it.
        self.ask_note: Callable[[str], str | None] = self._ask_note
        #: Shows the checklist; returns "proceed", "override" or None. Replaced in tests.
        self.run_preflight: Callable[[int, Status], str | None] = self._run_preflight

        self.status_label = QLabel(self.tr("No article"))
        self.status_label.setObjectName("workflowStatus")
        self.status_label.setWordWrap(True)
        self.note_edit = QLineEdit(placeholderText=self.tr("Note for the trail (optional)"))
        self.note_edit.setAccessibleName(self.tr("Note for the trail"))
        self.note_edit.setClearButtonEnabled(True)
        # While the article is in conflict: why only some moves are offered, and the way out.
        self.conflict_label = QLabel()
        self.conflict_label.setObjectName("workflowConflict")
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setStyleSheet(f"color: {PROBLEM_COLOR}")
        self.conflict_label.setAccessibleName(self.tr("Conflict"))
        self.resolve_button = QPushButton(self.tr("Resolve…"))
        self.resolve_button.setAccessibleName(self.tr("Resolve the conflict"))
        self.resolve_button.setToolTip(self.tr("Open the merge view: choose between the two versions"))
        self.resolve_button.clicked.connect(self._request_resolve)
        conflict_row = QHBoxLayout()
        conflict_row.addWidget(self.conflict_label, 1)
        conflict_row.addWidget(self.resolve_button, 0, Qt.AlignmentFlag.AlignTop)
        # A move the library refused here, said where the person is looking.
        self.problem_label = QLabel()
        self.problem_label.setObjectName("workflowProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {PROBLEM_COLOR}")
        self.problem_label.setAccessibleName(self.tr("Why the move was refused"))
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The moves wrap onto more rows in a narrow dock rather than being cut (#20).
        self.buttons_row = FlowLayout(spacing=6, row_spacing=4)
        self.trail = QListWidget()
        self.trail.setAccessibleName(self.tr("Status trail"))
        self.trail.setWordWrap(True)
        self.trail.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.trail.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.no_trail = QLabel(self.tr("No moves yet."))
        self.no_trail.setStyleSheet("color: gray;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status_label)
        layout.addLayout(conflict_row)
        layout.addWidget(self.note_edit)
        layout.addLayout(self.buttons_row)
        layout.addWidget(self.problem_label)
        layout.addWidget(QLabel(self.tr("Trail")))
        layout.addWidget(self.no_trail)
        layout.addWidget(self.trail, 1)
        layout.addStretch(0)  # an empty or short trail leaves the rest of the dock free
        self.buttons: dict[Status, QPushButton] = {}
        self._show_conflict(False)
        self.problem_label.hide()
        #: the story was approved once: its saves are changes after approval, in the trail
        self._approved_before = False
        self._trail_timer = QTimer(self, singleShot=True, interval=TRAIL_REFRESH_MS)
        self._trail_timer.timeout.connect(self.refresh)
        if signals is not None:
            signals.article_saved.connect(self._on_saved)
            signals.status_changed.connect(self._on_outside_change)
            signals.current_article_changed.connect(self.set_article)
            signals.identity_changed.connect(lambda _who: self.refresh())

    def set_article(self, article_id: int) -> None:
        if (article_id or 0) != self.article_id:
            self.problem_label.hide()  # the refusal was about the other article
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
            button.hide()  # out of Tab's reach now, not when the event loop deletes it
            button.deleteLater()
        self.buttons = {}
        self.trail.clear()
        self._show_trail()
        if not self.article_id:
            self.status_label.setText(self.tr("No article"))
            self._show_conflict(False)
            return
        try:
            article = self._library.get_article(self.article_id)
            role = current_role(self._library)
            moves = available_moves(self._library, self.article_id, role)
            events = self._library.status_events(self.article_id)
            in_conflict = self._library.in_conflict(self.article_id)
        except BylineError as exc:
            self.status_label.setText(str(exc))
            self._show_conflict(False)
            return
        self.status_label.setText(self.tr("Status: {status} · you act as {role}").format(
            status=status_label(article.status), role=role_label(role).lower()))
        self._show_conflict(in_conflict)
        self.note_edit.setEnabled(bool(moves))
        for target in moves:
            button = QPushButton(move_label(article.status, target))
            button.setAccessibleName(move_label(article.status, target))
            if is_gated(article.status, target):
                button.setToolTip(self.tr("Shows the pre-flight checklist first"))
            button.clicked.connect(lambda _checked=False, t=target: self.move_to(t))
            self.buttons_row.addWidget(button)
            button.setVisible(True)  # a layout shows new children only on the next event turn
            self.buttons[target] = button
        # Tab goes note → moves → trail, as they stand on screen (new buttons would
        # otherwise come last in the window).
        set_focus_order([self.note_edit, *self.buttons.values(), self.trail])
        for event_or_line in reversed(self._trail_entries(events)):  # newest first
            self.trail.addItem(trail_item(event_or_line) if not isinstance(event_or_line, str)
                               else QListWidgetItem(event_or_line))
        self._show_trail()

    def _show_trail(self) -> None:
        empty = self.trail.count() == 0
        self.trail.setVisible(not empty)
        self.no_trail.setVisible(empty)

    def _show_conflict(self, in_conflict: bool) -> None:
        self.conflict_label.setText(
            self.tr("In conflict: a version from another library could not be merged with this "
                    "one. It cannot go further than “submitted” until the conflict is resolved.")
            if in_conflict else "")
        self.conflict_label.setVisible(in_conflict)
        self.resolve_button.setVisible(in_conflict)

    def _request_resolve(self) -> None:
        if self.article_id and self._signals is not None:
            self._signals.resolve_conflict_requested.emit(self.article_id)

    def _trail_entries(self, events) -> list:
        """The moves (events, in the library's order: never re-sorted by a laptop's
        clock), and every revision made after the story was first approved (its line),
        placed before the first move made after it: a change after approval is never
        silent (#17). Oldest first."""
        approved = [e.created_at for e in events
                    if e.to_status in (Status.APPROVED.value, Status.PUBLISHED.value)
                    and not e.refused]
        self._approved_before = bool(approved)
        if not approved:
            return list(events)
        try:
            revisions = self._library.revisions(self.article_id)
        except BylineError:
            revisions = []
        changes = sorted((r for r in revisions if r.created_at > approved[0]
                          and not r.reason.startswith("status change")),
                         key=lambda r: r.created_at)
        entries: list = []
        for event in events:
            while changes and changes[0].created_at < event.created_at:
                entries.append(revision_line(changes.pop(0)))
            entries.append(event)
        entries.extend(revision_line(r) for r in changes)
        return entries

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
            issues = self._spelling_list()
            change_status(self._library, self.article_id, target, note=note, force=force,
                          spelling_issue_count=None if issues is not None else self._spelling_count(),
                          spelling_issues=issues)
        except BylineError as exc:
            self._show_problem(self.tr("“{action}” was not done: {error}").format(
                action=move_label(current, target), error=exc))
            self._message(str(exc))
            self.refresh()  # the article may have changed meanwhile (a receive, a sync)
            return False
        self.problem_label.hide()
        self.note_edit.clear()
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

    def _on_saved(self, article_id: int) -> None:
        if article_id == self.article_id and self._approved_before:
            self._trail_timer.start()  # coalesced: autosave fires every second while typing

    def _on_outside_change(self, article_id: int, _status: str) -> None:
        if article_id == self.article_id:
            self.refresh()

    def _spelling_list(self) -> list | None:
        if self._spelling_issues is None:
            return None
        try:
            return self._spelling_issues(self.article_id)
        except Exception:
            return None

    def _run_preflight(self, article_id: int, target: Status) -> str | None:
        issues = self._spelling_list()
        dialog = PreflightDialog(self._library, article_id,
                                 action_label=move_label(Status.IN_REVIEW, target),
                                 spelling_issue_count=None if issues is not None
                                 else self._spelling_count(),
                                 spelling_issues=issues, parent=self)
        dialog.spot_activated.connect(self.spot_requested)
        dialog.field_activated.connect(self.field_requested)
        dialog.exec()
        return dialog.decision

    def _ask_note(self, _action: str) -> str | None:
        return self.note_edit.text().strip()

    def _show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.show()

    def _message(self, text: str) -> None:
        if self._signals is not None:
            self._signals.message.emit(text, 6000)
