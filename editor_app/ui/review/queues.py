"""The review queues in the library sidebar, each with a live count.

Clicking a queue emits ``queue_selected(statuses)``; the main window connects
it to the library list's status filter. Counts come from one cheap
``GROUP BY status`` query and are refreshed (coalesced) whenever the signals
hub says a status, an article or the library changed.

"Conflicts" (#14) is a queue of articles, not of statuses: the articles with a
version from another library that waits to be merged by a person, whatever their
status. Clicking it emits ``articles_selected(ids)``; while it is the selected
queue, a refresh that changes its articles (a receive, a sync, a resolution)
emits them again, so the list follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QToolButton, QVBoxLayout, QWidget

from editor_app.core.errors import BylineError
from editor_app.core.identity import load_identity
from editor_app.core.new_article import NEW_KINDS

if TYPE_CHECKING:
    from editor_app.core.library import Library

REFRESH_DELAY_MS = 50


@dataclass(frozen=True)
class Queue:
    key: str
    label: str
    statuses: tuple[str, ...]
    mine: bool = False  # only articles bylined to the current user, when a name is set
    conflicts: bool = False  # the articles in conflict, whatever their status (#14)


QUEUES: tuple[Queue, ...] = (
    Queue("all", "All articles", ()),
    Queue("my_drafts", "My drafts", ("draft",), mine=True),
    Queue("waiting", "Waiting for review", ("submitted", "in_review")),
    Queue("changes", "Changes requested", ("changes_requested",)),
    Queue("ready", "Ready to publish", ("approved",)),
    Queue("published", "Published", ("published",)),
    Queue("spiked", "Spiked", ("spiked",)),
    Queue("conflicts", "Conflicts", (), conflicts=True),
)

CONFLICT_COLOR = "#c0392b"


def queue_counts(library: Library) -> dict[str, int]:
    """Count per queue key; "My drafts" counts all drafts when no user name is set."""
    by_status = library.status_counts()
    user = load_identity(library).name
    counts = {}
    for queue in QUEUES:
        if queue.conflicts:
            counts[queue.key] = library.conflict_count()
        elif queue.mine and user:
            counts[queue.key] = library.count_by_status_and_author(queue.statuses[0], user)
        elif not queue.statuses:
            counts[queue.key] = sum(by_status.values())
        else:
            counts[queue.key] = sum(by_status.get(s, 0) for s in queue.statuses)
    return counts


class ReviewQueues(QWidget):
    """A list of queues: "My drafts (3)", "Waiting for review (5)", …

    Signals:
      ``queue_selected(list)``: the statuses of the clicked queue; an empty list
      means "All articles" (connect as ``lambda s: panel.set_statuses(s or None)``).
      ``queue_activated(str, list, str)``: key, statuses and the author filter
      ("" unless "My drafts" with a user name), for a list that can filter by author.
      ``articles_selected(list)``: the ids of the articles in the clicked queue when it
      is not a set of statuses (Conflicts); sent again when they change while selected.
    """

    queue_selected = Signal(list)
    queue_activated = Signal(str, list, str)
    articles_selected = Signal(list)

    def __init__(self, library: Library, signals=None, parent=None):
        super().__init__(parent)
        self._library = library
        self.list = QListWidget()
        self.list.setAccessibleName("Review queues")
        self.list.setObjectName("reviewQueues")
        for queue in QUEUES:
            item = QListWidgetItem(queue.label)
            item.setData(Qt.ItemDataRole.UserRole, queue.key)
            self.list.addItem(item)
        # Starting a story from where the day's work is listed (#17): the button's menu,
        # and the same entries on the list's context menu.
        self.new_menu = QMenu(self)
        for kind, name in NEW_KINDS:
            self.new_menu.addAction(f"New &{name}", lambda kind=kind: self._new(kind))
        self.new_button = QToolButton(text="New Story")
        self.new_button.setAccessibleName("New story")
        self.new_button.setToolTip("Start a new article (File ▸ New Interview is Ctrl+N)")
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_button.setMenu(self.new_menu)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(
            lambda position: self.new_menu.exec(self.list.viewport().mapToGlobal(position)))
        self._signals = signals
        # Every queue in view, no scroll bar, no empty space under them (#20).
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * self.list.count()
                                 + 2 * self.list.frameWidth() + 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.new_button)
        layout.addWidget(self.list)
        self.setTabOrder(self.new_button, self.list)
        self.counts: dict[str, int] = {}
        self._selected_key = ""
        self._shown_ids: list[int] | None = None  # what articles_selected last said
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.list.itemClicked.connect(self._on_clicked)
        self.list.itemActivated.connect(self._on_clicked)
        if signals is not None:
            signals.status_changed.connect(lambda *_: self.schedule_refresh())
            signals.article_saved.connect(lambda *_: self.schedule_refresh())
            signals.library_changed.connect(self.schedule_refresh)
            signals.identity_changed.connect(lambda _who: self.schedule_refresh())
        self.refresh()

    def _new(self, kind: str) -> None:
        if self._signals is not None:
            self._signals.new_article_requested.emit(kind)

    def schedule_refresh(self) -> None:
        """Coalesce bursts (an import emits many signals) into one query."""
        self._timer.start()

    def refresh(self) -> None:
        try:
            self.counts = queue_counts(self._library)
        except BylineError:
            return  # the library is busy or gone; the next signal retries
        for row, queue in enumerate(QUEUES):
            item = self.list.item(row)
            n = self.counts.get(queue.key, 0)
            item.setText(f"{queue.label} ({n})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{queue.label}: {n} articles")
            if queue.conflicts:  # waiting for a person: it should catch the eye
                font = QFont(item.font())
                font.setBold(n > 0)
                item.setFont(font)
                item.setForeground(QBrush(QColor(CONFLICT_COLOR)) if n else QBrush())
                item.setToolTip("Articles changed on two laptops whose versions could not be "
                                "merged: open one and choose Resolve…")
        if self._selected_key == "conflicts":
            self._emit_articles()

    def count(self, key: str) -> int:
        return self.counts.get(key, 0)

    def select_queue(self, key: str) -> None:
        """Select a queue as if clicked (keyboard shortcuts, restoring the last view)."""
        for row, queue in enumerate(QUEUES):
            if queue.key == key:
                self.list.setCurrentRow(row)
                self._on_clicked(self.list.item(row))
                return
        raise KeyError(key)

    def _on_clicked(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        queue = next(q for q in QUEUES if q.key == key)
        user = load_identity(self._library).name
        self._selected_key = key
        self._shown_ids = None
        if queue.conflicts:
            self._emit_articles()
        else:
            self.queue_selected.emit(list(queue.statuses))
        self.queue_activated.emit(queue.key, list(queue.statuses), user if queue.mine else "")

    def _emit_articles(self) -> None:
        try:
            ids = self._library.conflicted_article_ids()
        except BylineError:
            return
        if ids != self._shown_ids:
            self._shown_ids = ids
            self.articles_selected.emit(ids)
