"""Revision history of an article: the list, a word-level diff, and restore.

The diff of two long revisions is computed on a worker thread (BackgroundWork),
which delivers only the newest request's diff, so clicking quickly through the
list never shows a stale one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import BylineError
from editor_app.core.review import current_user, diff_stats, diff_to_html, edit_refusal, word_diff
from editor_app.ui.background import BackgroundWork
from editor_app.ui.review.revision_reasons import revision_reason
from editor_app.ui.review.standard_buttons import ask_yes_no, message_box, name_buttons

if TYPE_CHECKING:
    from editor_app.core.library import Library

CONTEXT_CHARS = 300


def compute_diff(library: Library, old_id: int, new_id: int, *, context: int | None) -> tuple[str, str]:
    """(html, summary) of the diff between two revisions; runs on a worker thread."""
    old_title, old_body = library.revision_text(old_id)
    new_title, new_body = library.revision_text(new_id)
    ops = word_diff(old_body, new_body)
    title_ops = word_diff(old_title, new_title) if old_title != new_title else []
    stats = diff_stats(title_ops, ops)
    html = diff_to_html(ops, context=context)
    added, removed = stats["added"], stats["removed"]
    # {n} rather than %n: a module-level text is not a plural form for lupdate
    summary = (QCoreApplication.translate("HistoryDialog", "{n} word(s) added").format(n=added)
               + ", " + QCoreApplication.translate("HistoryDialog", "{n} removed").format(n=removed))
    if title_ops:
        title_html = diff_to_html(title_ops, context=None)
        headline = QCoreApplication.translate("HistoryDialog", "Headline:")
        html = f"<p><b>{headline}</b></p>{title_html}<hr/>{html}"
        summary += " " + QCoreApplication.translate("HistoryDialog", "(the headline changed)")
    return html, summary


def revision_sources(library: Library, article_id: int) -> dict[int, str]:
    """Who sent each revision to the newsroom server from which laptop (#15), or that it was
    made here and not sent yet; empty for a library that never synced."""
    try:
        sent = library.revision_provenance(article_id)
    except BylineError:
        return {}
    if not sent:
        return {}
    origins = library.revision_origins(article_id)
    here = library.library_uid
    out = {rid: QCoreApplication.translate("HistoryDialog", "by {member} on {laptop}").format(
               member=p.member,
               laptop=p.laptop or QCoreApplication.translate("HistoryDialog", "a laptop"))
           for rid, p in sent.items()}
    for rid, origin in origins.items():
        if rid not in out:
            out[rid] = (QCoreApplication.translate("HistoryDialog", "this laptop, not sent yet")
                        if origin == here else "")
    return out


class HistoryDialog(QDialog):
    """Lists revisions (newest first); select one to see what it changed, two to compare.

    Signals: ``restored(article_id)`` after a restore (the lead reloads the editor).
    """

    restored = Signal(int)
    diff_ready = Signal()  # for tests and screen readers: the diff view was updated

    COLUMNS = ("#", QT_TRANSLATE_NOOP("HistoryDialog", "Time (UTC)"),
               QT_TRANSLATE_NOOP("HistoryDialog", "Author"), QT_TRANSLATE_NOOP("HistoryDialog", "Reason"),
               QT_TRANSLATE_NOOP("HistoryDialog", "Sent from"))

    def __init__(self, library: Library, article_id: int, signals=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revision history"))
        self.resize(900, 600)
        self._library = library
        self._signals = signals
        self.article_id = article_id
        #: computes diffs off the GUI thread, on a connection of its own (never the GUI's,
        #: which another thread may be writing through); only the newest one is shown
        self.diff_work = BackgroundWork(
            self, library=library,
            describe_unexpected=lambda exc: self.tr("diff failed: {error}").format(error=exc))
        self.diff_work.finished.connect(self._on_diff_done)
        self.diff_work.failed.connect(self._on_diff_failed)
        #: Asks before a restore; replaced in tests.
        self.confirm: Callable[[str], bool] = self._confirm
        #: Says why a restore failed (title, text); replaced in tests.
        self.warn: Callable[[str, str], None] = self._warn

        self.list = QTreeWidget()
        self.list.setHeaderLabels([QCoreApplication.translate("HistoryDialog", c) for c in self.COLUMNS])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName(self.tr("Revisions"))
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("Differences"))
        self.summary = QLabel(self.tr("Select a revision to see what it changed; select two to compare."))
        self.summary.setWordWrap(True)
        self.whole_text = QCheckBox(self.tr("Show the whole text"))
        self.restore_button = QPushButton(self.tr("Restore this revision"))
        self.restore_button.setEnabled(False)
        self.restore_button.setToolTip(self.tr("Brings the text back as a new revision; nothing is lost"))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.view, 1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([330, 570])
        controls = QHBoxLayout()
        controls.addWidget(self.whole_text)
        controls.addStretch(1)
        controls.addWidget(self.restore_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(controls)
        layout.addWidget(close)

        self.list.itemSelectionChanged.connect(self._on_selection)
        self.whole_text.toggled.connect(lambda _on: self._on_selection())
        self.restore_button.clicked.connect(self.restore_selected)
        self.load()

    # -- list ------------------------------------------------------------------------
    def load(self) -> None:
        self.list.clear()
        try:
            log = self._library.revision_log(self.article_id)
        except BylineError as exc:
            self.summary.setText(str(exc))
            return
        where = revision_sources(self._library, self.article_id)
        items = []
        for rev in log:
            item = QTreeWidgetItem([str(rev.number), rev.created_at[:19].replace("T", " "),
                                    rev.author or "—", revision_reason(rev.reason), where.get(rev.id, "")])
            item.setData(0, Qt.ItemDataRole.UserRole, rev.id)
            items.append(item)
        self.list.addTopLevelItems(items)
        not_sent = QCoreApplication.translate("HistoryDialog", "this laptop, not sent yet")
        last = next((where[r.id] for r in log if where.get(r.id) and where[r.id] != not_sent), "")
        if last:
            self.summary.setText(self.tr("Last change on the newsroom server: {where}. Select a "
                                         "revision to see what it changed; select two to compare.")
                                 .format(where=last))
        for column in range(len(self.COLUMNS) - 1):
            self.list.resizeColumnToContents(column)

    def revision_ids(self) -> list[int]:
        """Ids in list order (newest first)."""
        return [self.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                for i in range(self.list.topLevelItemCount())]

    def select_revisions(self, *revision_ids: int) -> None:
        wanted = set(revision_ids)
        self.list.clearSelection()
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) in wanted:
                item.setSelected(True)

    # -- diff ------------------------------------------------------------------------
    def _selected_rows(self) -> list[int]:
        return sorted(self.list.indexOfTopLevelItem(i) for i in self.list.selectedItems())

    def _on_selection(self) -> None:
        rows = self._selected_rows()
        self.restore_button.setEnabled(len(rows) == 1)
        ids = self.revision_ids()
        if len(rows) == 1:
            row = rows[0]
            if row + 1 >= len(ids):
                self.diff_work.cancel()  # any running diff is now stale
                self.summary.setText(self.tr("The first revision: nothing before it to compare with."))
                self.view.setPlainText(self._library.revision_text(ids[row])[1])
                self.diff_ready.emit()
                return
            old, new = ids[row + 1], ids[row]
        elif len(rows) == 2:
            old, new = ids[rows[1]], ids[rows[0]]  # lower in the list is older
        else:
            self.diff_work.cancel()
            self.summary.setText(self.tr("Select one revision, or two to compare them."))
            self.view.clear()
            return
        self.request_diff(old, new)

    def request_diff(self, old_id: int, new_id: int) -> None:
        """Start computing a diff off the GUI thread; an older request's diff is never shown."""
        self.summary.setText(self.tr("Comparing…"))
        context = None if self.whole_text.isChecked() else CONTEXT_CHARS
        self.diff_work.submit(lambda worker_library: compute_diff(worker_library, old_id, new_id,
                                                                  context=context))

    def _on_diff_done(self, diff: tuple[str, str]) -> None:
        html, summary = diff
        self.view.setHtml(html)
        self.summary.setText(summary)
        self.diff_ready.emit()

    def _on_diff_failed(self, message: str) -> None:
        self.summary.setText(message)
        self.view.clear()
        self.diff_ready.emit()

    # -- restore ---------------------------------------------------------------------
    def restore_selected(self) -> bool:
        rows = self._selected_rows()
        if len(rows) != 1:
            return False
        revision_id = self.revision_ids()[rows[0]]
        number = self.list.topLevelItem(rows[0]).text(0)
        if not self.confirm(self.tr("Bring back revision {number} as a new revision? "
                                    "The current text stays in the history.").format(number=number)):
            return False
        try:
            # An approved or published story is reopened for correction first (#17).
            self._library.restore_revision(revision_id, author=current_user(self._library),
                                           refuse=edit_refusal)
        except BylineError as exc:
            self.warn(self.tr("Restore failed"), str(exc))
            return False
        self.load()
        self.restored.emit(self.article_id)
        if self._signals is not None:
            self._signals.article_saved.emit(self.article_id)
            self._signals.message.emit(self.tr("Revision {number} restored").format(number=number), 4000)
        return True

    def _confirm(self, question: str) -> bool:
        return ask_yes_no(self, self.tr("Restore revision"), question)

    def _warn(self, title: str, text: str) -> None:
        message_box(self, QMessageBox.Icon.Warning, title, text).exec()

    def done(self, result: int) -> None:
        self.diff_work.cancel()
        self.diff_work.close(2000)
        super().done(result)
