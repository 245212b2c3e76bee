"""File ▸ Send for Review…: write a hand-off file to e-mail or carry on a USB stick (#14).

Without a newsroom server, this is how a reporter's story reaches the editor
(JOURNEYS: reporter, step 9). The dialog names the articles, where the file goes
and, for a draft, offers to submit it for review first (the move travels in the
file, so the editor sees it in "Waiting for review"). The file is written on a
worker with a library connection of its own; afterwards the dialog says where it
is, with "Open Folder" and "Copy Path" to attach it to an e-mail.
"""

from __future__ import annotations

import datetime
import pathlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from editor_app.core.errors import BylineError
from editor_app.core.models import Status
from editor_app.ui.background import BackgroundWork
from editor_app.ui.labels import shown_title, status_label
from editor_app.ui.review.standard_buttons import ask_yes_no

if TYPE_CHECKING:
    from editor_app.core.library import Library

SUFFIX = ".byline"


def _send(library: Library, ids: list[int], out: str):
    from editor_app.core.sync.engine import send

    return send(library, ids, out)


def default_file_name(articles) -> str:
    """``jane-roe.byline`` for one article, ``3-articles-2024-05-02.byline`` for several."""
    if len(articles) == 1:
        return (articles[0].slug or "article") + SUFFIX
    return f"{len(articles)}-articles-{datetime.date.today().isoformat()}{SUFFIX}"


def default_folder(remembered: str) -> pathlib.Path:
    """The folder of the last hand-off, else Documents, else the home folder."""
    if remembered and pathlib.Path(remembered).is_dir():
        return pathlib.Path(remembered)
    documents = pathlib.Path.home() / "Documents"
    return documents if documents.is_dir() else pathlib.Path.home()


def _size(n: int) -> str:
    if n < 1024:
        return QCoreApplication.translate("SendDialog", "{n} byte(s)").format(n=n)
    if n < 1024 * 1024:
        return QCoreApplication.translate("SendDialog", "{size} KB").format(size=f"{n / 1024:.0f}")
    megabytes = f"{n / 1024 / 1024:.1f}"
    # the decimal mark is the translation's: "1.5 MB" in English, "1,5 MB" in Lithuanian
    mark = QCoreApplication.translate("SendDialog", ".", "decimal mark")
    return QCoreApplication.translate("SendDialog", "{size} MB").format(
        size=megabytes.replace(".", mark))


class SendDialog(QDialog):
    """Choose the file, send, then see where it went.

    Signals: ``sent(object)`` with the SendSummary; ``submitted(int)`` per article
    moved to "submitted" before sending.
    """

    sent = Signal(object)
    submitted = Signal(int)

    def __init__(self, library: Library, article_ids: list[int], folder: str = "", parent=None):
        super().__init__(parent)
        self.library = library
        self.articles = [library.get_article(aid) for aid in article_ids]
        self.summary = None
        self._asked_overwrite: str | None = None  # the path whose overwrite was confirmed
        #: asks whether to replace an existing file; replaced in tests
        self.confirm_overwrite = self._confirm_overwrite
        self.setWindowTitle(self.tr("Send for Review"))
        self.setObjectName("sendDialog")

        count = len(self.articles)
        self.intro = QLabel(
            self.tr("Byline writes this article with its history, comments and images into one "
                    "file. E-mail it or copy it to a USB stick; the editor opens it with File ▸ "
                    "Receive… or drops it on Byline's window.") if count == 1 else
            self.tr("Byline writes these {count} articles with their history, comments and "
                    "images into one file. E-mail it or copy it to a USB stick; the editor opens "
                    "it with File ▸ Receive… or drops it on Byline's window.").format(count=count))
        self.intro.setWordWrap(True)
        self.article_list = QListWidget()
        self.article_list.setAccessibleName(self.tr("Articles to send"))
        self._list_articles()
        self.article_list.setMaximumHeight(22 * min(max(count, 1), 5) + 8)

        from editor_app.core.review import available_moves

        self._submittable = []
        for article in self.articles:
            try:
                if Status.SUBMITTED in available_moves(library, article.id):
                    self._submittable.append(article)
            except BylineError:
                pass
        drafts = len(self._submittable)
        self.submit_box = QCheckBox(
            self.tr("Submit it for review first (→ “submitted”)") if drafts == 1 and count == 1
            else self.tr("Submit {n} of them for review first (→ “submitted”)").format(n=drafts))
        self.submit_box.setAccessibleName(self.tr("Submit for review before sending"))
        self.submit_box.setChecked(bool(drafts))
        self.submit_box.setVisible(bool(drafts))

        self.path_edit = QLineEdit(str(default_folder(folder) / default_file_name(self.articles)))
        self.path_edit.setAccessibleName(self.tr("File to write"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setAccessibleName(self.tr("Choose where to write the file"))
        path_label = QLabel(self.tr("&File:"))
        path_label.setBuddy(self.path_edit)
        path_row = QHBoxLayout()
        path_row.addWidget(path_label)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.result = QLabel()
        self.result.setObjectName("sendResult")
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Result"))
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.send_button = self.buttons.addButton(self.tr("&Send"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.folder_button = self.buttons.addButton(self.tr("&Open Folder"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button = self.buttons.addButton(self.tr("&Copy Path"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setText(self.tr("Cancel"))
        self.folder_button.hide()
        self.copy_button.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.article_list)
        layout.addWidget(self.submit_box)
        layout.addLayout(path_row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.send_button.setDefault(True)  # once in the dialog: Enter sends
        self.resize(560, 300)

        self.browse_button.clicked.connect(self.browse)
        self.send_button.clicked.connect(self.send)
        self.folder_button.clicked.connect(self.open_folder)
        self.copy_button.clicked.connect(self.copy_path)
        self.close_button.clicked.connect(self.reject)
        self.work = BackgroundWork(self, library=library)
        self.work.finished.connect(self._done)
        self.work.failed.connect(lambda message, _exc: self._failed(message))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self.summary is None:  # Enter sends: the focus starts in the file name
            self.path_edit.setFocus()

    def _list_articles(self) -> None:
        self.article_list.clear()
        for article in self.articles:
            self.article_list.addItem(f"{shown_title(article.title) or article.slug} — "
                                      f"{status_label(article.status)}")

    def path(self) -> pathlib.Path:
        text = self.path_edit.text().strip()
        path = pathlib.Path(text).expanduser()
        if text and not path.name.lower().endswith(SUFFIX):
            path = path.with_name(path.name + SUFFIX)
        return path

    def browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Send for Review"), str(self.path()),
            self.tr("Hand-off files (*{suffix})").format(suffix=SUFFIX))
        if chosen:
            self.path_edit.setText(chosen)
            self._asked_overwrite = str(self.path())  # the file dialog asked already

    def send(self) -> None:
        """Submit the drafts when asked, then write the file on the worker."""
        if not self.path_edit.text().strip():
            self._failed(self.tr("give the file a name"))
            return
        path = self.path()
        if path.exists() and str(path) != self._asked_overwrite:
            if not self.confirm_overwrite(path):
                return
            self._asked_overwrite = str(path)
        if self.submit_box.isVisible() and self.submit_box.isChecked():
            from editor_app.core.review import change_status

            for article in self._submittable:
                try:
                    change_status(self.library, article.id, Status.SUBMITTED,
                                  note=self.tr("sent for review in a hand-off file"))
                except BylineError as exc:
                    self._failed(self.tr("{title}: not submitted: {error}").format(
                        title=shown_title(article.title), error=exc))
                    return
                self.submitted.emit(article.id)
            self.submit_box.setEnabled(False)
            self._submittable = []
            self.articles = [self.library.get_article(a.id) for a in self.articles]
            self._list_articles()
        self.send_button.setEnabled(False)
        self.path_edit.setEnabled(False)
        self.browse_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Writing {name}…").format(name=path.name))
        self.work.submit(_send, [a.id for a in self.articles], str(path))

    def _done(self, summary) -> None:
        self.summary = summary
        path = pathlib.Path(summary.path)
        count = len(summary.articles)
        # Two source texts each so that English reads right with no translation loaded.
        articles = (self.tr("%n article", None, count) if count == 1
                    else self.tr("%n articles", None, count))
        revisions = (self.tr("%n revision", None, summary.revisions) if summary.revisions == 1
                     else self.tr("%n revisions", None, summary.revisions))
        records = (self.tr("%n record", None, summary.records) if summary.records == 1
                   else self.tr("%n records", None, summary.records))
        images = (self.tr("%n image", None, summary.assets) if summary.assets == 1
                  else self.tr("%n images", None, summary.assets))
        self.result.setText(
            "✓ " + self.tr("Written: {path}").format(path=path) + "\n"
            + self.tr("{size} — {articles}, {revisions}, {records} (comments, moves, tags), "
                      "{images}. Attach it to an e-mail or copy it to a USB stick.").format(
                size=_size(summary.size), articles=articles, revisions=revisions,
                records=records, images=images))
        self.send_button.hide()
        self.folder_button.show()
        self.copy_button.show()
        self.close_button.setText(self.tr("Close"))
        self.folder_button.setDefault(True)
        self.folder_button.setFocus()
        self.sent.emit(summary)

    def _failed(self, message: str) -> None:
        self.send_button.setEnabled(True)
        self.path_edit.setEnabled(True)
        self.browse_button.setEnabled(True)
        self.result.setText("✗ " + self.tr("Not sent: {error}").format(error=message))
        self.result.setStyleSheet("color: #c0392b")

    def open_folder(self) -> None:
        """Show the file's folder in the file manager, to attach it to an e-mail."""
        if self.summary is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(pathlib.Path(self.summary.path).parent)))

    def copy_path(self) -> None:
        if self.summary is not None:
            QGuiApplication.clipboard().setText(str(self.summary.path))
            self.result.setText(self.result.text().split("\n(")[0] + "\n"
                                + self.tr("(The path is on the clipboard.)"))

    def _confirm_overwrite(self, path: pathlib.Path) -> bool:
        return ask_yes_no(self, self.tr("Send for Review"),
                          self.tr("{name} exists already in {folder}. Replace it?")
                          .format(name=path.name, folder=path.parent))

    def done(self, result: int) -> None:
        self.work.cancel()
        self.work.close()
        super().done(result)
