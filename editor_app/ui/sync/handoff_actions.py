"""Hand-off files and conflicts in the main window (#14).

``HandoffActions`` mounts, through the window's public methods and the hub:

- File ▸ Send for Review… (``SendDialog``) for the article in front, or the
  articles selected in the library while the Reader is in front;
- File ▸ Receive… and dropping ``.byline`` files on the window: the receive runs
  on a worker with a library connection of its own, behind a progress dialog with
  Cancel (cancelled, nothing is written), then ``ReceiveSummaryDialog`` says what
  arrived, merged and conflicts;
- Review ▸ Resolve Conflict…, a notice on every open article in conflict with
  "Resolve…", and the hub's ``resolve_conflict_requested`` (the workflow panel,
  the summary): all open the ``MergeView``.

A receive or a resolution is this process's own write, made on a worker
connection: the outside-change monitor would see it as another program's. While
one runs the monitor is held; afterwards the open tabs of the articles it changed
are reloaded here (they were saved just before, and the progress dialog and the
merge view are modal, so no typing is lost) and the monitor is told the new
versions, so nothing is reported as changed "elsewhere".
"""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from editor_app.core.errors import BylineError
from editor_app.ui.background import BackgroundWork
from editor_app.ui.review.standard_buttons import message_box
from editor_app.ui.sync.receive_summary import (
    MAX_OPEN,
    ReceiveSummaryDialog,
    changed_article_ids,
    summary_headline,
)

if TYPE_CHECKING:
    from editor_app.core.library import Library

NOTICE_REFRESH_MS = 100
SUFFIX = ".byline"


class ReceiveCancelled(Exception):
    """Raised in the receive's progress callback: the engine rolls everything back."""


def run_receive(job, library: Library, path: str):
    """The worker's job: one receive with the worker's connection; Cancel stops it between articles."""
    from editor_app.core.sync.engine import receive

    def progress(done: int, total: int) -> None:
        if job.stopped:
            raise ReceiveCancelled()
        job.report(done, total)

    if job.stopped:
        raise ReceiveCancelled()
    return receive(library, path, progress=progress)


class ConflictNotice(QFrame):
    """The strip above an article in conflict: what it means, and "Resolve…"."""

    def __init__(self, on_resolve, parent=None):
        super().__init__(parent)
        self.setObjectName("conflictNotice")
        self.setStyleSheet("QFrame#conflictNotice { background: #fde2d4; border-bottom: 1px solid "
                           "#e08060; } QFrame#conflictNotice QLabel { color: #5a1a00; }")
        self.label = QLabel(self.tr(
            "<b>In conflict:</b> a version from another library changed the same passages. "
            "Your text stays as it is until you resolve it; until then the article cannot go "
            "further than “submitted”."))
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Conflict notice"))
        self.button = QPushButton(self.tr("Resolve…"))
        self.button.setAccessibleName(self.tr("Resolve the conflict"))
        self.button.setToolTip(self.tr("Open the merge view: theirs and mine side by side"))
        self.button.clicked.connect(on_resolve)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()


class HandoffActions(QObject):
    """Wires Send for Review, Receive, drops of .byline files and conflict resolution onto a window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.library = window.library
        self.signals = window.signals
        self.settings = window.settings
        self.notices: dict[object, ConflictNotice] = {}  # ArticleTab -> its notice
        self.merge_view = None
        self.summary_dialog = None
        self.send_dialog = None
        self.error_box = None
        self.progress = None
        self.last_summary = None
        self._job = None
        self._receiving: str | None = None
        self._queue: list[pathlib.Path] = []
        #: asks for a hand-off file to receive (None: cancelled); replaced in tests
        self.ask_receive_path = self._ask_receive_path

        self.send_action = QAction(self.tr("Sen&d for Review…"), window)
        self.send_action.setToolTip(self.tr("Write the article into a file to e-mail or carry to "
                                            "the editor"))
        self.send_action.triggered.connect(self.send_for_review)
        self.receive_action = QAction(self.tr("Recei&ve…"), window)
        self.receive_action.setToolTip(self.tr("Merge a .byline file from a colleague into this "
                                               "library"))
        self.receive_action.triggered.connect(self.receive_dialog)
        window.add_file_action(self.send_action)
        window.add_file_action(self.receive_action)
        self.resolve_action = QAction(self.tr("Res&olve Conflict…"), window)
        self.resolve_action.setToolTip(self.tr("Choose between the two versions of the article "
                                               "in front"))
        self.resolve_action.triggered.connect(self.resolve_current)
        review_menu = getattr(getattr(window, "panels", None), "review_menu", None)
        if review_menu is not None:
            review_menu.addSeparator()
            review_menu.addAction(self.resolve_action)
        else:
            window.add_file_action(self.resolve_action)
        window.add_drop_handler((SUFFIX,), self.receive_files)

        self.work = BackgroundWork(self, library=self.library)
        self.work.finished.connect(self._received)
        self.work.failed.connect(self._receive_failed)
        self.work.progress.connect(self._progress)

        self._notice_timer = QTimer(self, singleShot=True, interval=NOTICE_REFRESH_MS)
        self._notice_timer.timeout.connect(self.refresh_notices)
        self.signals.resolve_conflict_requested.connect(self.resolve)
        for signal in (self.signals.library_changed, self.signals.current_article_changed,
                       self.signals.article_selected, self.signals.status_changed,
                       self.signals.article_saved):
            signal.connect(lambda *_: self._notice_timer.start())
        window.tab_opened.connect(self._attach)
        window.tab_closed.connect(lambda tab: self.notices.pop(tab, None))
        window.shutting_down.connect(self.shutdown)
        for tab in window.article_tabs():
            self._attach(tab)
        self.refresh_notices()

    # -- which articles ---------------------------------------------------------------
    def _front_article_ids(self) -> list[int]:
        """The article in front, or the library selection while the Reader is in front."""
        tab = self.window.current_article_tab()
        if tab is not None:
            return [tab.article_id]
        return self.window.selected_article_ids()

    def _save_open_tabs(self, ids=None) -> bool:
        """Keep what is typed in the library first (it takes part in the send or merge)."""
        ok = True
        for tab in self.window.article_tabs():
            if ids is None or tab.article_id in ids:
                ok = tab.save_now() and ok
        return ok

    # -- sending ----------------------------------------------------------------------
    def send_for_review(self) -> None:
        from editor_app.ui.sync.send_dialog import SendDialog

        ids = self._front_article_ids()
        if not ids:
            message_box(self.window, QMessageBox.Icon.Information, self.tr("Send for Review"),
                        self.tr("Open an article, or select articles in the library, first.")
                        ).exec()
            return
        if not self._save_open_tabs(ids):
            self.signals.message.emit(self.tr("The article could not be saved, so it was not "
                                              "sent: see the message above it."), 8000)
            return
        try:
            dialog = SendDialog(self.library, ids, self.settings.handoff_folder(), self.window)
        except BylineError as exc:
            message_box(self.window, QMessageBox.Icon.Warning, self.tr("Send for Review"),
                        str(exc)).exec()
            return
        dialog.sent.connect(self._sent)
        dialog.submitted.connect(lambda aid: self.signals.status_changed.emit(aid, "submitted"))
        self.send_dialog = dialog
        dialog.open()

    def _sent(self, summary) -> None:
        path = pathlib.Path(summary.path)
        self.settings.set_handoff_folder(str(path.parent))
        self.signals.message.emit(self.tr("Sent for review: {path}").format(path=path), 10000)

    # -- receiving --------------------------------------------------------------------
    def receive_dialog(self) -> None:
        path = self.ask_receive_path()
        if path:
            self.receive_files([pathlib.Path(path)])

    def _ask_receive_path(self) -> str | None:
        from editor_app.ui.sync.send_dialog import default_folder

        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Receive a hand-off file"),
            str(default_folder(self.settings.handoff_folder())),
            self.tr("Hand-off files (*{suffix});;All files (*)").format(suffix=SUFFIX))
        return path or None

    def receive_files(self, paths) -> None:
        """Receive hand-off files one after the other (File ▸ Receive…, a drop)."""
        self._queue += [pathlib.Path(p) for p in paths]
        if self._receiving is None:
            self._next_receive()

    def is_receiving(self) -> bool:
        return self._receiving is not None

    def _next_receive(self) -> None:
        if not self._queue:
            return
        path = self._queue.pop(0)
        self._save_open_tabs()  # a tab that cannot save keeps its text and its banner
        self._hold_monitor()
        self._receiving = str(path)
        progress = QProgressDialog(self.tr("Receiving {name}…").format(name=path.name),
                                   self.tr("Cancel"), 0, 0, self.window)
        progress.setWindowTitle(self.tr("Receive"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        progress.setAccessibleName(self.tr("Receiving"))
        progress.canceled.connect(self.cancel_receive)
        progress.show()
        self.progress = progress
        self._job = self.work.submit(run_receive, str(path), with_job=True)

    def cancel_receive(self) -> None:
        """Stop the running receive after the article in hand: nothing is written."""
        if self._job is not None:
            self._job.stop()
            if self.progress is not None:
                self.progress.setLabelText(self.tr("Cancelling: nothing is changed…"))

    def _progress(self, values) -> None:
        done, total = values
        progress = self.progress
        if progress is None or self._receiving is None or (self._job and self._job.stopped):
            return
        progress.setLabelText(self.tr("Receiving {name}: article {done} of {total}…").format(
            name=pathlib.Path(self._receiving).name, done=done, total=total))
        progress.setMaximum(total)
        progress.setValue(done)  # last: a modal progress dialog handles events in it

    def _finish_receive(self) -> None:
        self._job = None
        self._receiving = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel_receive)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _received(self, summary) -> None:
        path = pathlib.Path(self._receiving or summary.source)
        self._finish_receive()
        self.last_summary = summary
        self.settings.set_handoff_folder(str(path.parent))
        touched = changed_article_ids(summary)
        self._own_writes(touched, self.tr("Updated from {name}").format(name=path.name))
        self._release_monitor()
        if summary.changed:
            self.signals.library_changed.emit()
            self._refresh_front(touched)
        self.refresh_notices()
        self.signals.message.emit(summary_headline(summary), 10000)
        dialog = ReceiveSummaryDialog(summary, self.window)
        dialog.open_requested.connect(self.open_articles)
        dialog.resolve_requested.connect(self.resolve)
        self.summary_dialog = dialog
        dialog.open()
        QTimer.singleShot(0, self._next_receive)

    def _receive_failed(self, message: str, exc) -> None:
        name = pathlib.Path(self._receiving or "").name
        self._finish_receive()
        self._release_monitor()
        if isinstance(exc, ReceiveCancelled):
            self.signals.message.emit(
                self.tr("Receive of {name} cancelled: nothing was changed.").format(name=name),
                8000)
        else:
            box = message_box(self.window, QMessageBox.Icon.Warning, self.tr("Receive failed"),
                              message + "\n\n" + self.tr("Nothing was changed in this library."))
            box.setAccessibleName(self.tr("Receive failed"))
            self.error_box = box
            box.open()
        QTimer.singleShot(0, self._next_receive)

    def _refresh_front(self, touched: list[int]) -> None:
        """The panels of the article in front show its new status, trail and comments."""
        tab = self.window.current_article_tab()
        front = tab.article_id if tab is not None else self.window.selected_article_id()
        if front and front in touched:
            try:
                status = self.library.get_article(front).status.value
            except BylineError:
                return
            self.signals.status_changed.emit(front, status)
            self.signals.article_saved.emit(front)

    def open_articles(self, ids: list[int]) -> None:
        """Open articles from the summary (the first dozen when there are more)."""
        opened = [aid for aid in ids[:MAX_OPEN] if self.window.open_article(aid, focus=False)]
        if opened:
            self.window.open_article(opened[0])
        if len(ids) > MAX_OPEN:
            self.signals.message.emit(
                self.tr("Opened the first {n} of {total} articles.").format(n=MAX_OPEN,
                                                                          total=len(ids)), 8000)

    # -- this process's own writes ------------------------------------------------------
    def _hold_monitor(self) -> None:
        monitor = getattr(self.window, "outside_changes", None)
        if monitor is not None:
            monitor.timer.stop()

    def _release_monitor(self) -> None:
        monitor = getattr(self.window, "outside_changes", None)
        if monitor is not None and self.merge_view is None and self._receiving is None:
            monitor.timer.start()

    def _own_writes(self, article_ids, message: str) -> None:
        """Open tabs take what this process wrote on a worker; the monitor learns the versions."""
        monitor = getattr(self.window, "outside_changes", None)
        for aid in article_ids:
            tab = self.window.tab_for(aid)
            if tab is None:
                continue
            try:
                version = self.library.article_version(aid)
            except BylineError:
                continue
            if version is None:
                continue
            if version != tab.version:
                if tab.is_dirty() or tab.is_saving():
                    tab.show_conflict()  # never reached through the GUI: it saved first
                else:
                    tab.reload_from_library(
                        self.tr("{what}; Edit ▸ Undo brings back the text before.").format(
                            what=message))
            if monitor is not None:
                monitor.watcher.note_own_write(aid, version)

    # -- conflicts ------------------------------------------------------------------------
    def _attach(self, tab) -> None:
        notice = ConflictNotice(lambda _checked=False, tab=tab: self.resolve(tab.article_id))
        tab.add_notice(notice)
        self.notices[tab] = notice
        self._update_notice(tab, notice)

    def _update_notice(self, tab, notice) -> None:
        try:
            notice.setVisible(self.library.in_conflict(tab.article_id))
        except (BylineError, RuntimeError):
            pass

    def refresh_notices(self) -> None:
        """Show the notice on the open articles in conflict, hide it on the others."""
        for tab, notice in list(self.notices.items()):
            self._update_notice(tab, notice)
        ids = self._front_article_ids()
        try:
            self.resolve_action.setEnabled(len(ids) == 1 and self.library.in_conflict(ids[0]))
        except BylineError:
            self.resolve_action.setEnabled(False)

    def resolve_current(self) -> None:
        ids = self._front_article_ids()
        if len(ids) == 1:
            self.resolve(ids[0])

    def resolve(self, article_id: int):
        """Open the merge view on an article in conflict; returns the view (None: not possible)."""
        from editor_app.ui.sync.merge_view import MergeView

        if self.merge_view is not None:
            self.merge_view.raise_()
            self.merge_view.activateWindow()
            return self.merge_view
        try:
            if not self.library.in_conflict(article_id):
                self.signals.message.emit(self.tr("That article is not in conflict (any more)."), 6000)
                self.refresh_notices()
                return None
        except BylineError as exc:
            self.signals.message.emit(str(exc), 8000)
            return None
        if not self._save_open_tabs([article_id]):  # "mine" is what is typed, kept first
            self.signals.message.emit(self.tr("The article could not be saved: see the message "
                                              "above it, then resolve."), 8000)
            return None
        self._hold_monitor()
        view = MergeView(self.library, article_id, self.window)
        view.setWindowModality(Qt.WindowModality.WindowModal)
        view.resize(max(640, min(1300, self.window.width() - 40)),
                    max(480, min(720, self.window.height() - 40)))
        view.resolved.connect(self._resolved)
        view.finished.connect(lambda _result, view=view: self._merge_view_closed(view))
        self.merge_view = view
        view.open()
        return view

    def _resolved(self, article) -> None:
        self._own_writes([article.id], self.tr("Conflict resolved"))
        self.signals.article_saved.emit(article.id)
        self.signals.status_changed.emit(article.id, article.status.value)
        self.refresh_notices()
        revision = self.merge_view.saved_revision if self.merge_view is not None else None
        text = (self.tr("Conflict resolved: saved as revision {number}, with both versions as "
                        "parents.").format(number=revision.number) if revision is not None
                else self.tr("Conflict resolved: saved, with both versions as parents."))
        self.signals.message.emit(text, 10000)

    def _merge_view_closed(self, view) -> None:
        if self.merge_view is view:
            self.merge_view = None
        view.deleteLater()
        self._release_monitor()

    def shutdown(self) -> None:
        """The window closes: a receive in flight rolls back; the dialogs' workers stop."""
        if self._job is not None:
            self._job.stop()  # the receive rolls back: nothing half-written
        self.work.cancel()
        self.work.close(10_000)
        for dialog in (self.merge_view, self.send_dialog):
            try:
                if dialog is not None:
                    dialog.work.cancel()
                    dialog.work.close(10_000)
            except RuntimeError:
                pass  # already deleted with its window
