"""Notices articles changed by another process (a CLI import, a second window).

Polls ``ExternalChangeWatcher`` on the GUI thread (microseconds when nothing
changed). A clean open tab reloads the other version; a tab with unsaved typing
keeps its text and shows the conflict banner, so no one's edit is silently lost.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from editor_app.core.errors import BylineError
from editor_app.core.external_changes import ExternalChangeWatcher

POLL_MS = 1500


class OutsideChangeMonitor(QObject):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.watcher = ExternalChangeWatcher(window.library)
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)
        window.tab_opened.connect(self._watch_tab)
        for tab in window.article_tabs():
            self._watch_tab(tab)
        self.timer.start()

    def _watch_tab(self, tab) -> None:
        # The tab saves from a worker connection: tell the watcher those are ours.
        tab.saved.connect(lambda article_id, tab=tab: self.watcher.note_own_write(
            article_id, tab.version))

    def poll(self) -> set[int]:
        """Handle outside changes now; returns the ids that were changed elsewhere."""
        try:
            changes = self.watcher.poll()
        except BylineError:
            return set()
        if not changes:
            return set()
        for article_id in changes.changed:
            tab = self.window.tab_for(article_id)
            if tab is None or tab.is_saving():
                continue  # a save in flight meets the change as a ConflictError instead
            try:
                current = self.window.library.article_version(article_id)
            except BylineError:
                continue
            if current == tab.version:
                continue
            if tab.is_dirty():
                tab.show_conflict()
            else:
                tab.reload_from_library()
        for article_id in changes.deleted:
            tab = self.window.tab_for(article_id)
            if tab is not None:
                tab.show_banner("This article was deleted elsewhere. Your text stays here; "
                                "copy it before closing the tab.")
        self.window.signals.library_changed.emit()
        return set(changes.changed) | set(changes.deleted)
