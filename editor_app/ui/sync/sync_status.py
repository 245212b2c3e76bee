"""The newsroom server in the main window: status indicator, Sync Now, background sync (#15).

``NewsroomSync`` owns the parts: File ▸ Newsroom Server… and File ▸ Sync Now, a
``SyncStatusIndicator`` in the status bar (offline / syncing / up to date /
N conflicts / the last error), and the sync itself, which runs on a worker thread
with a library connection of its own (``BackgroundWork``), never on the GUI thread:
every few minutes, when the network comes back, and when asked. After a sync the
window hears ``library_changed`` (queues and the list refresh; open articles changed
by the sync reload through the outside-change monitor).

Nothing of the server is loaded at start-up: psycopg is imported by the first sync,
on the worker; without a server set, the indicator stays hidden.
"""

from __future__ import annotations

import time
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QToolButton, QWidget

from editor_app.core.errors import BylineError
from editor_app.ui.background import BackgroundWork
from editor_app.ui.review.standard_buttons import message_box

if TYPE_CHECKING:
    from editor_app.core.library import Library

SYNC_EVERY_MS = 5 * 60 * 1000
RETRY_OFFLINE_MS = 30 * 1000
FIRST_SYNC_DELAY_MS = 3000


class SyncState(Enum):
    OFF = "off"  # no server set
    OFFLINE = "offline"
    SYNCING = "syncing"
    UP_TO_DATE = "up to date"
    CONFLICTS = "conflicts"
    ERROR = "error"


def run_sync(job, library: Library, password: str | None):
    """The worker's job: one sync with its own connection (imports psycopg there).

    Closing the window stops it between two steps (``job.stop_event``); what was done is kept.
    """
    from editor_app.core.server.sync import sync

    return sync(library, password=password or None, stop=job.stop_event)


def _is_unreachable(exc) -> bool:
    from editor_app.core.server.connection import ServerUnreachable

    return isinstance(exc, ServerUnreachable)


class SyncStatusIndicator(QWidget):
    """A label and a Sync Now button for the status bar; clicking the label opens the settings."""

    sync_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("syncStatus")
        self.label.setAccessibleName(self.tr("Newsroom server status"))
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.mousePressEvent = lambda _event: self.settings_requested.emit()
        self.button = QToolButton()
        self.button.setText(self.tr("Sync Now"))
        self.button.setToolTip(self.tr("Sync with the newsroom server now"))
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.sync_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.state = SyncState.OFF
        self.show_state(SyncState.OFF)

    def show_state(self, state: SyncState, detail: str = "", *, conflicts: int = 0,
                   when: str = "") -> None:
        self.state = state
        self.setVisible(state is not SyncState.OFF)
        self.button.setEnabled(state is not SyncState.SYNCING)
        color = ""
        if state is SyncState.OFFLINE:
            text = "⦸ " + self.tr("Offline")
            tip = detail or self.tr("The newsroom server cannot be reached; you keep working "
                                    "offline")
            color = "#7f8c8d"
        elif state is SyncState.SYNCING:
            text, tip = "⟳ " + self.tr("Syncing…"), self.tr("Sending and receiving changes")
        elif state is SyncState.UP_TO_DATE:
            text = "✓ " + self.tr("Up to date")
            tip = self.tr("Synced with the newsroom server") + when
        elif state is SyncState.CONFLICTS:
            # Two source texts so that English reads right with no translation loaded.
            text = "⚠ " + (self.tr("%n conflict", None, conflicts) if conflicts == 1
                           else self.tr("%n conflicts", None, conflicts))
            tip = self.tr("Articles changed on two laptops wait in the Conflicts queue") + when
            color = "#d35400"
        elif state is SyncState.ERROR:
            text, tip = "✗ " + self.tr("Sync failed"), detail
            color = "#c0392b"
        else:
            text, tip = "", ""
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.label.setStyleSheet(f"color: {color}" if color else "")


class NewsroomSync(QObject):
    """Wires the server's settings, indicator and background sync onto the main window.

    Signals: ``synced(object)`` (a SyncSummary), ``sync_failed(str)``.
    """

    synced = Signal(object)
    sync_failed = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.library = window.library
        self.signals = window.signals
        self.session_password = ""
        self.last_summary = None
        self.last_error = ""
        self._last_ok = 0.0
        self._network = None
        self._current = 0  # the article in front: its panels refresh after a sync that touched it
        self.signals.current_article_changed.connect(self._follow)
        self.signals.article_selected.connect(self._follow)
        self.indicator = SyncStatusIndicator()
        window.statusBar().addPermanentWidget(self.indicator)
        self.indicator.sync_requested.connect(self.sync_now)
        self.indicator.settings_requested.connect(self.open_settings)

        self.settings_action = QAction(self.tr("Newsroom &Server…"), window)
        self.settings_action.triggered.connect(self.open_settings)
        self.sync_action = QAction(self.tr("S&ync Now"), window,
                                   shortcut=QKeySequence("Ctrl+Shift+Y"))
        self.sync_action.setToolTip(self.tr("Send and receive changes through the newsroom "
                                            "server"))
        self.sync_action.triggered.connect(self.sync_now)
        window.add_file_action(self.settings_action)
        window.add_file_action(self.sync_action)

        self.work = BackgroundWork(self, library=self.library)
        self.work.finished.connect(self._done)
        self.work.failed.connect(self._failed)
        self.timer = QTimer(self, interval=SYNC_EVERY_MS)
        self.timer.timeout.connect(self.sync_in_background)
        self.retry = QTimer(self, interval=RETRY_OFFLINE_MS, singleShot=True)
        self.retry.timeout.connect(self.sync_in_background)
        window.shutting_down.connect(self.shutdown)
        self._configure()
        if self.configured():
            QTimer.singleShot(FIRST_SYNC_DELAY_MS, self.sync_in_background)

    def _follow(self, article_id: int) -> None:
        self._current = article_id or 0

    # -- configuration -----------------------------------------------------------------------
    def configured(self) -> bool:
        from editor_app.core.server.settings import server_dsn

        try:
            return bool(server_dsn(self.library))
        except BylineError:
            return False

    def _auto(self) -> bool:
        from editor_app.core.server.settings import auto_sync_enabled

        return auto_sync_enabled(self.library)

    def _configure(self) -> None:
        on = self.configured()
        self.sync_action.setEnabled(on)
        if not on:
            self.timer.stop()
            self.retry.stop()
            self.indicator.show_state(SyncState.OFF)
            return
        if self.indicator.state is SyncState.OFF:
            self.indicator.show_state(SyncState.OFFLINE, self.tr("Not synced yet in this session"))
        if self._auto():
            self.timer.start()
            self._watch_network()
        else:
            self.timer.stop()

    def _watch_network(self) -> None:
        """Sync when the system says the network is back (where Qt knows it)."""
        if self._network is not None:
            return
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.loadDefaultBackend() and QNetworkInformation.instance():
                self._network = QNetworkInformation.instance()
                self._network.reachabilityChanged.connect(self._reachability_changed)
            else:
                self._network = False  # no backend here: retrying while offline covers it
        except Exception:
            self._network = False

    def _reachability_changed(self, reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online:
            self.sync_in_background()

    def open_settings(self) -> None:
        from editor_app.ui.sync.server_settings import ServerSettingsDialog

        dialog = ServerSettingsDialog(self.library, self.window, session_password=self.session_password)
        dialog.page.applied.connect(lambda dsn: self._settings_changed(dialog.page, dsn))
        dialog.exec()

    def _settings_changed(self, page, dsn: str) -> None:
        self.server_settings_applied(dsn, page.session_password)

    def server_settings_applied(self, dsn: str, session_password: str = "") -> None:
        """The server's settings were stored (here or in Preferences): use them now."""
        self.session_password = session_password
        self._configure()
        if dsn:
            self.sync_now()

    # -- syncing ---------------------------------------------------------------------------
    def is_syncing(self) -> bool:
        return not self.work.is_idle()

    def sync_now(self) -> bool:
        """Start a sync (False when none is set up, or one is running already)."""
        if not self.configured():
            self.open_settings()
            return False
        if self.is_syncing():
            return False
        self.indicator.show_state(SyncState.SYNCING)
        self.work.submit(run_sync, self.session_password, with_job=True)
        return True

    def sync_in_background(self) -> None:
        if self.configured() and self._auto() and not self.is_syncing():
            self.sync_now()

    def _when(self) -> str:
        return " " + self.tr("at {time}").format(time=time.strftime("%H:%M")) if self._last_ok else ""

    def _done(self, summary) -> None:
        self.last_summary = summary
        self.last_error = ""
        self._last_ok = time.time()
        conflicts = len(summary.conflicts)
        if conflicts:
            self.indicator.show_state(SyncState.CONFLICTS, conflicts=conflicts, when=self._when())
        else:
            self.indicator.show_state(SyncState.UP_TO_DATE, when=self._when())
        received = summary.received
        if received.changed or summary.refused:
            self.signals.library_changed.emit()
        touched = {a.id for a in received.updated + received.merged + received.conflicts}
        touched |= {m.article.id for m in summary.refused}
        if self._current in touched:  # the workflow panel and the trail show what changed
            try:
                status = self.library.get_article(self._current).status.value
            except BylineError:
                status = ""
            if status:
                self.signals.status_changed.emit(self._current, status)
        parts = []
        if received.arrived or received.updated or received.merged:
            parts.append(self.tr("%n article(s) received", None,
                                 len(received.arrived) + len(received.updated)
                                 + len(received.merged)))
        if summary.sent_revisions or summary.sent_records:
            parts.append(self.tr("changes sent"))
        if summary.refused:
            parts.append(self.tr("%n move(s) refused by the server", None, len(summary.refused)))
        if summary.rejected:
            parts.append(self.tr("%n change(s) not taken by the server", None,
                                 len(summary.rejected)))
        if parts:
            self.signals.message.emit(self.tr("Newsroom sync: {what}").format(
                what=", ".join(parts)), 8000)
        if summary.refused or summary.rejected:
            lines = [f"{m.article.title}: {m.reason}" for m in summary.refused]
            lines += [item["reason"] for item in summary.rejected[:5]]
            self.indicator.label.setToolTip("\n".join(lines))
        self.synced.emit(summary)

    def _failed(self, message: str, exc) -> None:
        self.last_error = message
        if _is_unreachable(exc):
            self.indicator.show_state(SyncState.OFFLINE, message)
            if self._auto():
                self.retry.start()  # the network may come back: try again soon
        else:
            self.indicator.show_state(SyncState.ERROR, message)
        self.sync_failed.emit(message)

    def show_last_error(self) -> None:
        if self.last_error:
            message_box(self.window, QMessageBox.Icon.Warning, self.tr("Newsroom sync"),
                        self.last_error).exec()

    def shutdown(self) -> None:
        self.timer.stop()
        self.retry.stop()
        self.work.cancel()
        self.work.close(10_000)
