"""The Spelling panel: every issue of the current article, grouped by word, with counts.

A reporter cleaning up a 10,000-word interview wants to see "Zinichev ×14" once and
teach it, not step through fourteen underlines. Rows are words (count, first line,
kind); their children are the occurrences. Clicking jumps the editor there.

The panel follows whichever article is current: ``set_controller(controller)``.
It rebuilds only when shown, so a hidden panel costs nothing while typing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.spelling import REPEAT, SpellIssue, normalize_word

#: Occurrences listed under one word; the count column still tells the total.
MAX_OCCURRENCES = 200
ISSUE_ROLE = Qt.ItemDataRole.UserRole
WORD_COLUMN, COUNT_COLUMN, LINE_COLUMN, KIND_COLUMN = range(4)


def group_issues(issues: list[SpellIssue]) -> list[tuple[str, str, list[SpellIssue]]]:
    """(kind, word as first written, occurrences) in order of first appearance.

    Spelling issues group case-insensitively ("Zinichev" and "ZINICHEV" are one word
    to teach); repeats group by the repeated word.
    """
    groups: dict[tuple[str, str], tuple[str, list[SpellIssue]]] = {}
    for issue in issues:
        key = (issue.kind, normalize_word(issue.word))
        if key not in groups:
            groups[key] = (issue.word, [])
        groups[key][1].append(issue)
    return [(kind, word, found) for (kind, _), (word, found) in groups.items()]


class SpellingPanel(QWidget):
    """Signals: issue_activated(SpellIssue) after the editor jumped to an issue."""

    issue_activated = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("spellingPanel")
        self.controller = None
        self._stale = True
        self._issues: list[SpellIssue] = []

        self.header = QLabel(self.tr("Spell-check is off"))
        self.header.setObjectName("spellingHeader")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Word"), self.tr("Count"), self.tr("Line"),
                                   self.tr("Kind")])
        self.tree.setAccessibleName(self.tr("Spelling issues"))
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemClicked.connect(self._jump)
        self.tree.itemActivated.connect(self._jump)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.add_personal_button = QPushButton(self.tr("Add to my dictionary"))
        self.add_newsroom_button = QPushButton(self.tr("Add to newsroom"))
        self.ignore_button = QPushButton(self.tr("Ignore in article"))
        self.add_personal_button.clicked.connect(lambda: self.teach_current("personal"))
        self.add_newsroom_button.clicked.connect(lambda: self.teach_current("newsroom"))
        self.ignore_button.clicked.connect(lambda: self.teach_current("article"))

        buttons = QHBoxLayout()
        for button in (self.add_personal_button, self.add_newsroom_button, self.ignore_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- following the current article ---------------------------------------------------
    def set_controller(self, controller) -> None:
        """Show the issues of ``controller`` (a SpellController), or nothing for None."""
        if self.controller is controller:
            return
        if self.controller is not None:
            for signal, slot in self._connections():
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
        self.controller = controller
        self._stale = True
        if controller is not None:
            for signal, slot in self._connections():
                signal.connect(slot)
        self._on_issues_changed(controller.issues() if controller is not None else [])

    def _connections(self):
        controller = self.controller
        return [(controller.issues_changed, self._on_issues_changed),
                (controller.enabled_changed, self._on_enabled_changed),
                (controller.destroyed, self._on_controller_destroyed)]

    def _on_controller_destroyed(self, *_args) -> None:
        self.controller = None
        self._on_issues_changed([])

    def _on_enabled_changed(self, _enabled: bool) -> None:
        self._stale = True  # the header changes even when the list does not
        self._on_issues_changed(self.controller.issues() if self.controller else [])

    def _on_issues_changed(self, issues: list) -> None:
        issues = list(issues)
        if issues == self._issues and not self._stale and self.controller is not None:
            return  # nothing new: keep the tree (and its expanded rows) as it is
        self._issues = issues
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- the list -------------------------------------------------------------------------
    def refresh(self) -> None:
        self._stale = False
        controller = self.controller
        issues = self._issues
        repeats = sum(1 for i in issues if i.kind == REPEAT)
        if controller is None or not controller.enabled:
            self.header.setText(self.tr("Spell-check is off"))
        elif not issues:
            self.header.setText(self.tr("No spelling issues"))
        else:
            # Two source texts so that English reads right with no translation loaded;
            # each is a plural form for the languages that need more.
            n = len(issues)
            text = (self.tr("%n issue ({repeats} repeats)", None, n) if n == 1
                    else self.tr("%n issues ({repeats} repeats)", None, n))
            self.header.setText(text.format(repeats=repeats))
        current = self.tree.currentItem()
        keep = current.text(WORD_COLUMN) if current is not None and current.parent() is None else None
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        line_of = controller.line_of if controller is not None else (lambda _o: 0)
        items = []
        for kind, word, found in group_issues(issues):
            first_line = line_of(found[0].start)
            top = QTreeWidgetItem([word, str(len(found)), str(first_line),
                                   self.tr("repeated word") if kind == REPEAT
                                   else self.tr("spelling")])
            top.setData(WORD_COLUMN, ISSUE_ROLE, found[0])
            top.setTextAlignment(COUNT_COLUMN, Qt.AlignmentFlag.AlignRight)
            top.setTextAlignment(LINE_COLUMN, Qt.AlignmentFlag.AlignRight)
            if len(found) > 1:
                for issue in found[:MAX_OCCURRENCES]:
                    line = first_line if issue is found[0] else line_of(issue.start)
                    child = QTreeWidgetItem([self.tr("line {line}").format(line=line), "", str(line),
                                             ""])
                    child.setData(WORD_COLUMN, ISSUE_ROLE, issue)
                    top.addChild(child)
            items.append(top)
        self.tree.addTopLevelItems(items)
        if keep is not None:
            for top in items:
                if top.text(WORD_COLUMN) == keep:
                    self.tree.setCurrentItem(top)
                    break
        self.tree.setUpdatesEnabled(True)
        self._update_buttons()

    def word_rows(self) -> list[tuple[str, int, str]]:
        """(word, count, kind) per row, for tests and screen readers."""
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            rows.append((item.text(WORD_COLUMN), int(item.text(COUNT_COLUMN)), item.text(KIND_COLUMN)))
        return rows

    def item_for_word(self, word: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.text(WORD_COLUMN) == word:
                return item
        return None

    # -- actions ------------------------------------------------------------------------
    def _jump(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        issue = item.data(WORD_COLUMN, ISSUE_ROLE)
        if issue is None or self.controller is None:
            return
        self.controller.select_issue(issue)
        self.issue_activated.emit(issue)

    def _current_issue(self) -> SpellIssue | None:
        item = self.tree.currentItem()
        return item.data(WORD_COLUMN, ISSUE_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        issue = self._current_issue()
        teachable = issue is not None and issue.kind != REPEAT and self.controller is not None
        for button, scope in ((self.add_personal_button, "personal"),
                              (self.add_newsroom_button, "newsroom"),
                              (self.ignore_button, "article")):
            button.setEnabled(teachable and self.controller.can_teach(scope))

    def teach_current(self, scope: str) -> bool:
        """Add the selected word to a dictionary ("personal", "newsroom" or "article")."""
        issue = self._current_issue()
        if issue is None or issue.kind == REPEAT or self.controller is None:
            return False
        return self.controller.add_word(issue.word, scope)
