"""The pre-flight checklist, shown before approval and publishing (and on demand).

The check may run a spell pass over a long article, so it runs on a worker
thread; the dialog shows "Checking…" until the result arrives. When an
error-level check fails, going ahead needs the explicit "Override" button:
the workflow records that override in the trail.

Each failed check names its problems underneath it (the misspelled words, the
image whose alt text is a file name, the bad link, with their lines); a
double-click on one closes the checklist and shows that place in the editor, or
the field (headline, summary, tags) to fix (#17).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
)

from editor_app.core.review import PreflightResult, preflight
from editor_app.ui.background import BackgroundWork
from editor_app.ui.review.preflight_texts import check_message, check_name, spot_label
from editor_app.ui.review.standard_buttons import name_buttons

if TYPE_CHECKING:
    from editor_app.core.library import Library

PROCEED, OVERRIDE = "proceed", "override"
_ICONS = {"ok": QStyle.StandardPixmap.SP_DialogApplyButton,
          "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
          "error": QStyle.StandardPixmap.SP_MessageBoxCritical}
_MARKS = {"ok": "✓", "warning": "!", "error": "✗"}
#: how a check's level is named to a person (tooltips, screen readers)
_LEVELS = {"ok": QT_TRANSLATE_NOOP("PreflightDialog", "passed"),
           "warning": QT_TRANSLATE_NOOP("PreflightDialog", "warning"),
           "error": QT_TRANSLATE_NOOP("PreflightDialog", "error")}


def _level_name(level: str) -> str:
    return QCoreApplication.translate("PreflightDialog", _LEVELS.get(level, level))
SPOT_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_SPOTS = 50
#: checks about a field of the article rather than a place in its body
FIELD_CHECKS = frozenset({"headline", "summary", "tags", "comments", "related"})


class PreflightDialog(QDialog):
    """Checklist with icons; ``decision`` is PROCEED, OVERRIDE or None after it closes.

    ``action_label`` (e.g. "Approve", "Publish") adds the buttons to go ahead;
    without it the dialog only shows the checklist.
    """

    checked = Signal(object)  # PreflightResult, once the check has run
    #: a problem was double-clicked: its place in the body (start, end)
    spot_activated = Signal(int, int)
    #: a check about a field was double-clicked: its code ("headline", "summary", "tags"…)
    field_activated = Signal(str)

    def __init__(self, library: Library, article_id: int, *, action_label: str | None = None,
                 spelling_issue_count: int | None = None, spelling_issues=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pre-flight check"))
        self.resize(560, 420)
        self.decision: str | None = None
        self.result: PreflightResult | None = None
        self.heading = QLabel(self.tr("Checking…"))
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Pre-flight checklist"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        self.hint = QLabel(self.tr("Double-click a problem (or press Enter on it) to go to it."))
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                                        if action_label else QDialogButtonBox.StandardButton.Close)
        name_buttons(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.proceed_button = self.override_button = None
        if action_label:
            self.proceed_button = QPushButton(action_label)
            self.override_button = QPushButton(
                self.tr("Override and {action}").format(action=action_label.lower()))
            self.override_button.setToolTip(
                self.tr("Go ahead despite failed checks; recorded in the trail"))
            for button in (self.proceed_button, self.override_button):
                button.setEnabled(False)
                self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            self.proceed_button.clicked.connect(lambda: self._decide(PROCEED))
            self.override_button.clicked.connect(lambda: self._decide(OVERRIDE))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        # A connection of its own on the worker: the GUI's may be in another thread's write.
        self._check = BackgroundWork(
            self, library=library,
            describe_unexpected=lambda exc: self.tr("pre-flight check failed to run: {error}").format(error=exc))
        self._check.finished.connect(self.show_result)
        self._check.failed.connect(self._on_failed)
        self._check.submit(lambda worker_library: preflight(
            worker_library, article_id, spelling_issue_count=spelling_issue_count,
            spelling_issues=spelling_issues))

    def show_result(self, result: PreflightResult) -> None:
        self.result = result
        self.list.clear()
        for item in result.items:
            message = check_message(item)
            row = QListWidgetItem(self.style().standardIcon(_ICONS[item.level]), message)
            row.setToolTip(f"{check_name(item.code)}: {_level_name(item.level)}")
            row.setData(Qt.ItemDataRole.UserRole, item.code)
            row.setData(Qt.ItemDataRole.AccessibleTextRole,
                        f"{_MARKS[item.level]} {_level_name(item.level)}: {message}")
            if item.spots:
                row.setData(SPOT_ROLE, (item.spots[0].start, item.spots[0].end))
            self.list.addItem(row)
            for spot in item.spots[:MAX_SPOTS] if item.level != "ok" else ():
                place = QListWidgetItem(f"      → {spot_label(spot)}")
                place.setData(Qt.ItemDataRole.UserRole, item.code)
                place.setData(SPOT_ROLE, (spot.start, spot.end))
                place.setToolTip(self.tr("Double-click to show it in the editor"))
                self.list.addItem(place)
        self.hint.setVisible(any(i.level != "ok" for i in result.items))
        errors, warnings = len(result.errors), len(result.warnings)
        if errors:
            self.heading.setText(self.tr("%n check(s) failed. Fix them, or override: "
                                         "the override is recorded in the trail.", None, errors))
        elif warnings:
            self.heading.setText(self.tr("Ready, with %n warning(s).", None, warnings))
        else:
            self.heading.setText(self.tr("Ready: every check passed."))
        if self.proceed_button is not None:
            self.proceed_button.setEnabled(result.ok)
            self.override_button.setEnabled(not result.ok)
            decided = self.proceed_button if result.ok else self.override_button
            decided.setDefault(True)
            # The keyboard on the decision (the list took it when the dialog opened): Return
            # there would open a check's place and close the dialog instead.
            decided.setFocus()
        self.checked.emit(result)

    def _activated(self, row: QListWidgetItem) -> None:
        spot = row.data(SPOT_ROLE)
        code = row.data(Qt.ItemDataRole.UserRole)
        if spot is not None:
            self.reject()
            self.spot_activated.emit(int(spot[0]), int(spot[1]))
        elif code in FIELD_CHECKS:
            self.reject()
            self.field_activated.emit(code)

    def _on_failed(self, message: str) -> None:
        self.heading.setText(message)
        if self.override_button is not None:
            self.override_button.setEnabled(True)

    def _decide(self, decision: str) -> None:
        self.decision = decision
        self.accept()

    def done(self, code: int) -> None:
        self._check.close(5000)
        super().done(code)
