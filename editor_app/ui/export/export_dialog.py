"""The export dialog: what to export, where, the site settings, progress and the result.

The export runs on a worker thread (BackgroundWork) with its own library
connection, so the window stays responsive and Cancel works mid-batch; core's export guarantees
that a cancelled batch leaves only whole bundles (or the previous ones).
"""

from __future__ import annotations

import pathlib
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from editor_app.core.errors import BylineError, InputError
from editor_app.core.export import ExportReport, export_articles
from editor_app.core.export.article_export import save_site_settings, site_settings
from editor_app.core.models import Status
from editor_app.ui.background import BackgroundWork, Job
from editor_app.ui.labels import status_label

if TYPE_CHECKING:
    from editor_app.core.library import Library

SAMPLE_DATE = "2024-05-02"


def run_export(job: Job, library: Library, ids: list[int], out_dir, zip_path, force: bool, *,
               articles_only: bool = False, take_over: bool = False) -> ExportReport:
    """export_articles on the worker, with a connection of its own; Cancel stops the job.

    ``articles_only`` writes no listing or feed; ``take_over`` replaces what sits at
    Byline's paths in a folder it did not write (#19).
    """
    worker_library = library.reopen()
    try:
        return export_articles(worker_library, ids, out_dir, zip_path=zip_path, force=force,
                               cancel=job.stop_event, progress=job.report,
                               listing=False if articles_only else None, take_over=take_over)
    finally:
        worker_library.close()


class ExportDialog(QDialog):
    """Export the current article, the selection, or every article with a status."""

    export_finished = Signal(object)  # ExportReport
    export_failed = Signal(str)

    def __init__(self, library: Library, article_ids: list[int], parent=None):
        super().__init__(parent)
        self.library = library
        self.article_ids = [int(i) for i in article_ids]
        self.report: ExportReport | None = None
        self._job: Job | None = None  # the export running now
        self._result_folder: pathlib.Path | None = None
        self.setWindowTitle(self.tr("Export HTML bundles"))
        self.resize(560, 480)

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_scope())
        layout.addWidget(self._build_destination())
        layout.addWidget(self._build_site())
        self.force_box = QCheckBox(self.tr("Export articles that fail the pre-flight check "
                                           "(recorded)"))
        layout.addWidget(self.force_box)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.status_label = QLabel("")
        self.status_label.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.open_button)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Return exports from anywhere in the dialog, whichever button Tab passed (#20).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(button is self.export_button)

        # The last guard: a message, never a crash of the window.
        self._work = BackgroundWork(
            self, describe_unexpected=lambda exc: self.tr("export failed: {error}").format(
                error=f"{type(exc).__name__}: {exc}"))
        self._work.progress.connect(lambda values: self._on_progress(*values))
        self._work.finished.connect(self._on_done)
        self._work.failed.connect(self._on_failed)
        self._update_scope()

    # -- building ----------------------------------------------------------------------
    def _build_scope(self) -> QGroupBox:
        box = QGroupBox(self.tr("Articles"))
        form = QVBoxLayout(box)
        self.scope_group = QButtonGroup(self)
        self.current_radio = QRadioButton(self.tr("&Current article"))
        self.selection_radio = QRadioButton(
            self.tr("&Selected articles ({count})").format(count=len(self.article_ids)))
        status_row = QHBoxLayout()
        self.status_radio = QRadioButton(self.tr("All articles &with status"))
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Status"))
        # A core enum's English label (the lead switches it to ui/labels' status_label).
        for status in Status:
            self.status_combo.addItem(status_label(status), status.value)
        self.status_combo.setCurrentIndex(self.status_combo.findData(Status.APPROVED.value))
        status_row.addWidget(self.status_radio)
        status_row.addWidget(self.status_combo, 1)
        for n, radio in enumerate((self.current_radio, self.selection_radio, self.status_radio)):
            self.scope_group.addButton(radio, n)
        form.addWidget(self.current_radio)
        form.addWidget(self.selection_radio)
        form.addLayout(status_row)
        self.count_label = QLabel("")
        form.addWidget(self.count_label)
        self.current_radio.setEnabled(bool(self.article_ids))
        self.selection_radio.setVisible(len(self.article_ids) > 1)
        (self.selection_radio if len(self.article_ids) > 1 else
         self.current_radio if self.article_ids else self.status_radio).setChecked(True)
        self.scope_group.idToggled.connect(lambda *_: self._update_scope())
        self.status_combo.currentIndexChanged.connect(lambda *_: self._update_scope())
        return box

    def _build_destination(self) -> QGroupBox:
        box = QGroupBox(self.tr("Destination"))
        form = QFormLayout(box)
        kind_row = QHBoxLayout()
        self.folder_radio = QRadioButton(self.tr("&Folder"))
        self.zip_radio = QRadioButton(self.tr("&Zip file"))
        self.folder_radio.setChecked(True)
        kind_row.addWidget(self.folder_radio)
        kind_row.addWidget(self.zip_radio)
        kind_row.addStretch(1)
        form.addRow(self.tr("Write as"), kind_row)
        path_row = QHBoxLayout()
        last = self.library.get_setting("export.last_path", "") or str(
            pathlib.Path.home() / self.tr("Byline export"))
        self.path_edit = QLineEdit(str(last))
        self.path_edit.setAccessibleName(self.tr("Export destination"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAutoDefault(False)  # Return in the path field exports; it never browses
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        location = QLabel(self.tr("&Location"))  # Alt+L: the keyboard way to the path (#20)
        location.setBuddy(self.path_edit)
        form.addRow(location, path_row)
        # Into a folder that holds a site's own files (#19): Byline never deletes them, and
        # replaces its own listing only; these say what to do with the rest.
        self.articles_only_box = QCheckBox(self.tr("&Articles only (no listing and feed)"))
        self.articles_only_box.setToolTip(self.tr("Write the article folders without index.html "
                                                  "and feed.xml: for a folder that holds a "
                                                  "site's own."))
        self.take_over_box = QCheckBox(self.tr("&Take over the folder (deletes nothing else)"))
        self.take_over_box.setToolTip(self.tr(
            "Replace a listing, feed or article folder there even when Byline did not write "
            "it. Without this, Byline refuses and names the file in the way. Other files are "
            "never deleted."))
        form.addRow("", self.articles_only_box)
        form.addRow("", self.take_over_box)
        return box

    def _build_site(self) -> QGroupBox:
        box = QGroupBox(self.tr("Site settings (saved in the library)"))
        form = QFormLayout(box)
        site = site_settings(self.library)
        self.url_edit = QLineEdit(site.url)
        self.url_edit.setPlaceholderText(self.tr("https://news.example.org (empty: relative links)"))
        self.publisher_edit = QLineEdit(site.publisher)
        self.date_format_edit = QLineEdit(site.date_format)
        self.date_format_edit.setPlaceholderText(
            self.tr("the article's language (or codes: %d.%m.%Y)"))
        self.date_sample = QLabel("")
        self.date_format_edit.textChanged.connect(self._update_date_sample)
        form.addRow(self.tr("Site &URL"), self.url_edit)
        form.addRow(self.tr("&Publisher"), self.publisher_edit)
        form.addRow(self.tr("&Date format"), self.date_format_edit)
        form.addRow("", self.date_sample)
        self._update_date_sample()
        return box

    # -- state -------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        if self.status_radio.isChecked():
            return self.library.ids_with_status(self.status_combo.currentData())
        if self.selection_radio.isChecked():
            return list(self.article_ids)
        return self.article_ids[:1]

    def _update_scope(self) -> None:
        count = len(self.selected_ids())
        self.count_label.setText(self.tr("%n article(s) will be exported", "", count))
        self.export_button.setEnabled(count > 0 and self._job is None)

    def _sample_languages(self) -> list[str]:
        """The article languages whose dateline the sample shows: a setting of the
        translation, so that a Lithuanian interface shows no English month names."""
        codes = self.tr("en,lt", "article languages of the dateline sample: codes, comma-separated")
        return [code.strip() for code in codes.split(",") if code.strip()] or ["en"]

    def _update_date_sample(self) -> None:
        from editor_app.core.render import format_date

        house = self.date_format_edit.text().strip()
        try:
            sample = " · ".join(format_date(SAMPLE_DATE, language, house)
                                for language in self._sample_languages())
        except Exception:  # noqa: BLE001 - any bad format is shown, not raised
            sample = self.tr("not a valid date format")
        self.date_sample.setText(self.tr("Dateline: {sample}").format(sample=sample))

    def _browse(self) -> None:
        if self.zip_radio.isChecked():
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to zip"),
                                                  self.path_edit.text(),
                                                  self.tr("Zip files (*.zip)"))
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"),
                                                    self.path_edit.text())
        if path:
            self.path_edit.setText(path)

    def _save_site_settings(self) -> None:
        save_site_settings(self.library, url=self.url_edit.text(),
                           publisher=self.publisher_edit.text(),
                           date_format=self.date_format_edit.text())

    def _destination(self, ids: list[int]) -> tuple[pathlib.Path | None, pathlib.Path | None]:
        text = self.path_edit.text().strip()
        if not text:
            raise InputError(self.tr("choose where to export"))
        path = pathlib.Path(text).expanduser()
        if not self.zip_radio.isChecked():
            return path, None
        if path.suffix.lower() != ".zip":
            name = (self.library.get_article(ids[0]).slug if len(ids) == 1 else "byline-export")
            path = path / f"{name}.zip"
            path.parent.mkdir(parents=True, exist_ok=True)
        return None, path

    # -- running -----------------------------------------------------------------------
    def start_export(self) -> bool:
        """Validate, save the site settings and start the worker; False if refused."""
        ids = self.selected_ids()
        if not ids or self._job is not None:
            return False
        try:
            self._save_site_settings()
            out_dir, zip_path = self._destination(ids)
        except (BylineError, OSError) as exc:
            self._show_status(str(exc), error=True)
            return False
        self.library.set_setting("export.last_path", self.path_edit.text().strip())
        self._result_folder = (zip_path.parent if zip_path else out_dir)
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(len(ids) > 1)
        self.cancel_button.setEnabled(True)
        self.open_button.setVisible(False)
        self.export_button.setEnabled(False)
        self._show_status(self.tr("Exporting %n article(s)…", "", len(ids)))
        export = partial(run_export, articles_only=self.articles_only_box.isChecked(),
                         take_over=self.take_over_box.isChecked())
        self._job = self._work.submit(export, self.library, ids, out_dir, zip_path,
                                      self.force_box.isChecked(), with_job=True)
        return True

    def cancel_export(self) -> None:
        if self._job is not None:
            self._job.stop()
            self.cancel_button.setEnabled(False)
            self._show_status(self.tr("Cancelling after the articles in progress…"))

    def _on_progress(self, done: int, total: int, slug: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(f"%v/%m  {slug}")

    def _on_done(self, report: ExportReport) -> None:
        self.report = report
        self._finish()
        # report.summary() is the command line's English: the counts are said here.
        head = self.tr("%n exported", "", len(report.exported))
        if report.failed:
            head += self.tr(", %n failed", "", len(report.failed))
        elif report.cancelled:
            head += self.tr(" (cancelled)")
        lines = [head]
        lines += [f"✗ {slug}: {message}" for slug, message in report.failed]
        if report.failed and report.out.lower().endswith(".zip") and not report.zip_written:
            lines.append(self.tr("The zip was not written (%n failed); a previous zip there is "
                                 "unchanged", "", len(report.failed)))
        elif report.exported:
            lines.append(self.tr("Written to {path}").format(path=report.out))
        if report.exported:
            lines += [self.tr("Note: {note}").format(note=note) for note in report.notes]
        self._show_status("\n".join(lines), error=bool(report.failed))
        self.open_button.setVisible(bool(report.exported))
        self.export_finished.emit(report)

    def _on_failed(self, message: str) -> None:
        self._finish()
        self._show_status(message, error=True)
        self.export_failed.emit(message)

    def _finish(self) -> None:
        self._job = None
        self.cancel_button.setVisible(False)
        self.progress.setVisible(False)
        self._update_scope()

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b00020;" if error else "")

    def open_folder(self) -> None:
        if self._result_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._result_folder)))

    def reject(self) -> None:
        """Closing while a batch runs cancels it and waits for the bundles in progress."""
        if self._job is not None:
            self._job.stop()
            self._work.wait(30_000)
        super().reject()

