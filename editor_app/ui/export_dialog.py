"""The export dialog: what to export, where, the site settings, progress and the result.

The export runs on a worker thread with its own library connection, so the
window stays responsive and Cancel works mid-batch; core's export guarantees
that a cancelled batch leaves only whole bundles (or the previous ones).
"""

from __future__ import annotations

import pathlib
import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
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
from editor_app.core.export import ExportReport, clean_site_url, export_articles
from editor_app.core.models import Status
from editor_app.core.render.dates import DEFAULT_DATE_FORMAT, LEGACY_DEFAULT_FORMAT

SAMPLE_DATE = "2024-05-02"


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(str)


class _ExportJob(QRunnable):
    """Runs export_articles on a pool thread, with a connection of its own."""

    def __init__(self, signals: _Signals, library, ids: list[int], out_dir, zip_path,
                 force: bool, cancel: threading.Event):
        super().__init__()
        self.signals, self.library, self.ids = signals, library, ids
        self.out_dir, self.zip_path, self.force, self.cancel = out_dir, zip_path, force, cancel

    def run(self) -> None:
        try:
            library = self.library.reopen()
        except BylineError as exc:
            self._emit(self.signals.failed, str(exc))
            return
        try:
            report = export_articles(library, self.ids, self.out_dir, zip_path=self.zip_path,
                                     force=self.force, cancel=self.cancel,
                                     progress=lambda d, t, s: self._emit(self.signals.progress,
                                                                         d, t, s))
        except BylineError as exc:
            self._emit(self.signals.failed, str(exc))
            return
        except Exception as exc:  # the last guard: a message, never a crash of the window
            self._emit(self.signals.failed, f"export failed: {type(exc).__name__}: {exc}")
            return
        finally:
            library.close()
        self._emit(self.signals.done, report)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            pass  # the dialog was closed meanwhile


class ExportDialog(QDialog):
    """Export the current article, the selection, or every article with a status."""

    export_finished = Signal(object)  # ExportReport
    export_failed = Signal(str)

    def __init__(self, library, article_ids: list[int], parent=None):
        super().__init__(parent)
        self.library = library
        self.article_ids = [int(i) for i in article_ids]
        self.report: ExportReport | None = None
        self._cancel: threading.Event | None = None
        self._result_folder: pathlib.Path | None = None
        self.setWindowTitle("Export HTML bundles")
        self.resize(560, 480)

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_scope())
        layout.addWidget(self._build_destination())
        layout.addWidget(self._build_site())
        self.force_box = QCheckBox("Export articles that fail the pre-flight check (recorded)")
        layout.addWidget(self.force_box)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setAccessibleName("Export progress")
        self.status_label = QLabel("")
        self.status_label.setWordWrap(True)
        self.cancel_button = QPushButton("Cancel export")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.open_button = QPushButton("Open folder")
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
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._update_scope()

    # -- building ----------------------------------------------------------------------
    def _build_scope(self) -> QGroupBox:
        box = QGroupBox("Articles")
        form = QVBoxLayout(box)
        self.scope_group = QButtonGroup(self)
        self.current_radio = QRadioButton("Current article")
        self.selection_radio = QRadioButton(f"Selected articles ({len(self.article_ids)})")
        status_row = QHBoxLayout()
        self.status_radio = QRadioButton("All articles with status")
        self.status_combo = QComboBox()
        for status in Status:
            self.status_combo.addItem(status.label, status.value)
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
        box = QGroupBox("Destination")
        form = QFormLayout(box)
        kind_row = QHBoxLayout()
        self.folder_radio = QRadioButton("Folder")
        self.zip_radio = QRadioButton("Zip file")
        self.folder_radio.setChecked(True)
        kind_row.addWidget(self.folder_radio)
        kind_row.addWidget(self.zip_radio)
        kind_row.addStretch(1)
        form.addRow("Write as", kind_row)
        path_row = QHBoxLayout()
        last = self.library.get_setting("export.last_path", "") or str(
            pathlib.Path.home() / "Byline export")
        self.path_edit = QLineEdit(str(last))
        self.path_edit.setAccessibleName("Export destination")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form.addRow("Location", path_row)
        return box

    def _build_site(self) -> QGroupBox:
        box = QGroupBox("Site settings (saved in the library)")
        form = QFormLayout(box)
        self.url_edit = QLineEdit(str(self.library.get_setting("site.url", "") or ""))
        self.url_edit.setPlaceholderText("https://news.example.org (empty: relative links)")
        self.publisher_edit = QLineEdit(str(self.library.get_setting("site.publisher", "") or ""))
        stored = str(self.library.get_setting("site.date_format", "") or DEFAULT_DATE_FORMAT)
        self.date_format_edit = QLineEdit("" if stored == LEGACY_DEFAULT_FORMAT else stored)
        self.date_format_edit.setPlaceholderText("the article's language (or codes: %d.%m.%Y)")
        self.date_sample = QLabel("")
        self.date_format_edit.textChanged.connect(self._update_date_sample)
        form.addRow("Site URL", self.url_edit)
        form.addRow("Publisher", self.publisher_edit)
        form.addRow("Date format", self.date_format_edit)
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
        self.count_label.setText(f"{count} article(s) will be exported")
        self.export_button.setEnabled(count > 0 and self._cancel is None)

    def _update_date_sample(self) -> None:
        from editor_app.core.render import format_date

        house = self.date_format_edit.text().strip()
        try:
            sample = " · ".join(format_date(SAMPLE_DATE, language, house) for language in ("en", "lt"))
        except Exception:  # noqa: BLE001 - any bad format is shown, not raised
            sample = "not a valid date format"
        self.date_sample.setText(f"Dateline: {sample}")

    def _browse(self) -> None:
        if self.zip_radio.isChecked():
            path, _ = QFileDialog.getSaveFileName(self, "Export to zip", self.path_edit.text(),
                                                  "Zip files (*.zip)")
        else:
            path = QFileDialog.getExistingDirectory(self, "Export to folder", self.path_edit.text())
        if path:
            self.path_edit.setText(path)

    def _save_site_settings(self) -> None:
        url = clean_site_url(self.url_edit.text())
        date_format = self.date_format_edit.text().strip() or DEFAULT_DATE_FORMAT
        if date_format and "%" not in date_format:
            raise InputError("date format: needs at least one % code, like %-d %B %Y, "
                             "or nothing for the article's language")
        self.library.set_setting("site.url", url)
        self.library.set_setting("site.publisher", self.publisher_edit.text().strip())
        self.library.set_setting("site.date_format", date_format)

    def _destination(self, ids: list[int]) -> tuple[pathlib.Path | None, pathlib.Path | None]:
        text = self.path_edit.text().strip()
        if not text:
            raise InputError("choose where to export")
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
        if not ids or self._cancel is not None:
            return False
        try:
            self._save_site_settings()
            out_dir, zip_path = self._destination(ids)
        except (BylineError, OSError) as exc:
            self._show_status(str(exc), error=True)
            return False
        self.library.set_setting("export.last_path", self.path_edit.text().strip())
        self._result_folder = (zip_path.parent if zip_path else out_dir)
        self._cancel = threading.Event()
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(len(ids) > 1)
        self.cancel_button.setEnabled(True)
        self.open_button.setVisible(False)
        self.export_button.setEnabled(False)
        self._show_status(f"Exporting {len(ids)} article(s)…")
        self._pool.start(_ExportJob(self._signals, self.library, ids, out_dir, zip_path,
                                    self.force_box.isChecked(), self._cancel))
        return True

    def cancel_export(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self._show_status("Cancelling after the articles in progress…")

    def _on_progress(self, done: int, total: int, slug: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(f"%v/%m  {slug}")

    def _on_done(self, report: ExportReport) -> None:
        self.report = report
        self._finish()
        lines = [report.summary().split(":", 1)[0] if report.failed else report.summary()]
        lines += [f"✗ {slug}: {message}" for slug, message in report.failed]
        if report.exported:
            lines.append(f"Written to {report.out}")
        self._show_status("\n".join(lines), error=bool(report.failed))
        self.open_button.setVisible(bool(report.exported))
        self.export_finished.emit(report)

    def _on_failed(self, message: str) -> None:
        self._finish()
        self._show_status(message, error=True)
        self.export_failed.emit(message)

    def _finish(self) -> None:
        self._cancel = None
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
        if self._cancel is not None:
            self._cancel.set()
            self._pool.waitForDone(30_000)
        super().reject()
