"""Notices articles changed by another process (a CLI import, a second window).

Polls ``ExternalChangeWatcher`` on the GUI thread (microseconds when nothing
changed). A clean open tab reloads the other version; a tab with unsaved typing
keeps its text and shows the conflict banner, so no one's edit is silently lost.

It also notices when the library file itself was replaced (a backup restored by
another program, a file manager, a sync tool): core then refuses every write, so
nothing is "saved" into the file moved aside, and the window says so once, with
a way to keep each open article's text as a markdown file (#19).
"""

from __future__ import annotations

import pathlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from editor_app.core.errors import BylineError
from editor_app.core.external_changes import ExternalChangeWatcher
from editor_app.core.importers import dump_markdown
from editor_app.ui.desk.autosave import SaveState

POLL_MS = 1500
#: English; translated where it is shown (context OutsideChangeMonitor)
REPLACED_MESSAGE = QT_TRANSLATE_NOOP(
    "OutsideChangeMonitor",
    "The library file was replaced while Byline had it open (a backup restored by another "
    "program?). Nothing more is saved into the old file. Your text is still here: keep it "
    "with “Save a copy…”, then close Byline and open it again (the copy can be imported).")


class OutsideChangeMonitor(QObject):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        #: why the library file is no longer ours (None while it is), see _on_replaced
        self.replaced: str | None = None
        self.watcher = ExternalChangeWatcher(window.library)
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)
        window.tab_opened.connect(self._watch_tab)
        for tab in window.article_tabs():
            self._watch_tab(tab)
        self.timer.start()

    def _watch_tab(self, tab) -> None:
        self.watcher.watch(tab.article_id)  # its deletion elsewhere is news too
        # The tab saves from a worker connection: tell the watcher those are ours.
        tab.saved.connect(lambda article_id, tab=tab: self.watcher.note_own_write(
            article_id, tab.version))

    def poll(self) -> set[int]:
        """Handle outside changes now; returns the ids that were changed elsewhere."""
        if self.replaced is None:
            reason = self.window.library.replaced_on_disk()
            if reason:
                self._on_replaced(reason)
        if self.replaced is not None:
            return set()
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
            if tab.follow_library_version():
                continue  # a status move, tags or a comment: the text is still ours (#17)
            if tab.is_dirty():
                tab.show_conflict()
            else:
                tab.reload_from_library()
        for article_id in changes.deleted:
            tab = self.window.tab_for(article_id)
            if tab is not None:
                tab.show_banner(self.tr("This article was deleted elsewhere. Your text stays "
                                        "here; copy it before closing the tab."))
        self.window.signals.library_changed.emit()
        return set(changes.changed) | set(changes.deleted)

    # -- the library file was replaced ---------------------------------------------------
    def _on_replaced(self, reason: str) -> None:
        self.replaced = reason
        self.window.library_replaced = reason  # closing may then leave unsaved text behind
        for tab in self.window.article_tabs():
            tab.autosave.stop()
            self._show_replaced(tab)
            # A failed save replaces the banner with its own: put this one (and its button) back.
            tab.save_state_changed.connect(
                lambda state, _detail, tab=tab: state is SaveState.NOT_SAVED
                and QTimer.singleShot(0, lambda: self._show_replaced(tab)))
        self.window.statusBar().showMessage(
            self.tr("The library file was replaced: nothing more is saved"))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Library file replaced"),
                          self.tr(REPLACED_MESSAGE),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setDetailedText(reason)
        box.open()  # not modal: the text stays reachable
        self.message_box = box

    def _show_replaced(self, tab, first: str = "") -> None:
        try:
            tab.show_banner(first + self.tr(REPLACED_MESSAGE),
                            buttons=((self.tr("Save a copy…"), lambda: self.save_copy(tab)),))
        except RuntimeError:
            pass  # the tab was closed meanwhile

    def save_copy(self, tab, path: str | None = None) -> pathlib.Path | None:
        """Write the tab's article as typed to a markdown file (asks where when not given)."""
        if path is None:
            default = pathlib.Path.home() / f"{tab.snapshot().slug or 'article'}.md"
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save a copy of the article"),
                                                  str(default), self.tr("Markdown (*.md)"))
            if not path:
                return None
        target = pathlib.Path(path)
        try:
            target.write_text(dump_markdown(tab.snapshot()), encoding="utf-8")
        except OSError as exc:
            self._show_replaced(tab, self.tr("Could not save the copy: {error}. ").format(
                error=exc.strerror or exc))
            return None
        self._show_replaced(tab, self.tr("A copy was saved as {path}. ").format(path=target))
        return target
