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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
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
    Queue("all", QT_TRANSLATE_NOOP("ReviewQueues", "All articles"), ()),
    Queue("my_drafts", QT_TRANSLATE_NOOP("ReviewQueues", "My drafts"), ("draft",), mine=True),
    Queue("waiting", QT_TRANSLATE_NOOP("ReviewQueues", "Waiting for review"), ("submitted", "in_review")),
    Queue("changes", QT_TRANSLATE_NOOP("ReviewQueues", "Changes requested"), ("changes_requested",)),
    Queue("ready", QT_TRANSLATE_NOOP("ReviewQueues", "Ready to publish"), ("approved",)),
    Queue("published", QT_TRANSLATE_NOOP("ReviewQueues", "Published"), ("published",)),
    Queue("spiked", QT_TRANSLATE_NOOP("ReviewQueues", "Spiked"), ("spiked",)),
    Queue("conflicts", QT_TRANSLATE_NOOP("ReviewQueues", "Conflicts"), (), conflicts=True),
)

CONFLICT_COLOR = "#c0392b"
#: the "New …" entries per kind, whole phrases so that each reads right when translated
NEW_ENTRIES = {"interview": QT_TRANSLATE_NOOP("ReviewQueues", "New &Interview"),
               "news": QT_TRANSLATE_NOOP("ReviewQueues", "New &News Story"),
               "feature": QT_TRANSLATE_NOOP("ReviewQueues", "New &Feature"),
               "opinion": QT_TRANSLATE_NOOP("ReviewQueues", "New &Opinion Piece")}


def queue_label(queue: Queue) -> str:
    """The queue's name in the interface's language."""
    return QCoreApplication.translate("ReviewQueues", queue.label)


def new_entry_label(kind: str, name: str) -> str:
    """"New &Interview"… for the New Story menu, in the interface's language."""
    if kind in NEW_ENTRIES:
        return QCoreApplication.translate("ReviewQueues", NEW_ENTRIES[kind])
    return QCoreApplication.translate("ReviewQueues", "New &{kind}").format(kind=name)


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
        self.list.setAccessibleName(self.tr("Review queues"))
        self.list.setObjectName("reviewQueues")
        for queue in QUEUES:
            item = QListWidgetItem(queue_label(queue))
            item.setData(Qt.ItemDataRole.UserRole, queue.key)
            self.list.addItem(item)
        # Starting a story from where the day's work is listed (#17): the button's menu,
        # and the same entries on the list's context menu.
        self.new_menu = QMenu(self)
        for kind, name in NEW_KINDS:
            self.new_menu.addAction(new_entry_label(kind, name), lambda kind=kind: self._new(kind))
        self.new_button = QToolButton(text=self.tr("New Story"))
        self.new_button.setAccessibleName(self.tr("New story"))
        self.new_button.setToolTip(self.tr("Start a new article (File ▸ New Interview is Ctrl+N)"))
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
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.list)
        layout.addStretch(1)  # a taller dock leaves its spare room under the list, not between
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
            label = queue_label(queue)
            item.setText(f"{label} ({n})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         self.tr("{queue}: %n articles", None, n).format(queue=label))
            if queue.conflicts:  # waiting for a person: it should catch the eye
                font = QFont(item.font())
                font.setBold(n > 0)
                item.setFont(font)
                item.setForeground(QBrush(QColor(CONFLICT_COLOR)) if n else QBrush())
                item.setToolTip(self.tr("Articles changed on two laptops whose versions could "
                                        "not be merged: open one and choose Resolve…"))
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
