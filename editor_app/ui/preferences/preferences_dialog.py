"""Edit ▸ Preferences: every setting a person or a newsroom changes, in one dialog (#17).

Pages: You (name and role, core/identity), Languages (interface, stored for the
next start; the newsroom's default article language), Spelling (as you type; the
dictionaries), Editor (font, theme), Saving (revisions, backups), Export (site
URL, publisher, house date format) and Newsroom server (the page of ui/sync).

Where each value lives: name and role in the person's settings folder; font,
theme, interface language, spelling and revision interval in the GUI's
preferences (ui/settings); the article language, backups, site and server in the
library (they are the newsroom's). OK checks every page first and stores nothing
while one is wrong: the page with the problem comes to the front, saying what.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.backups import (
    KEEP_RANGE,
    BackupsCost,
    backups_cost,
    backups_to_keep,
    default_backup_folder,
    set_backups_to_keep,
)
from editor_app.core.errors import BylineError
from editor_app.core.identity import identity_path
from editor_app.core.new_article import default_language, set_default_language
from editor_app.ui.background import BackgroundWork
from editor_app.ui.desk.metadata_panel import LANGUAGES
from editor_app.ui.labels import language_name
from editor_app.ui.preferences.identity_form import IdentityForm
from editor_app.ui.settings import INTERFACE_LANGUAGES, REVISION_MINUTES
from editor_app.ui.theme import THEMES

if TYPE_CHECKING:
    from editor_app.core.library import Library

THEME_TEXT = {"system": QT_TRANSLATE_NOOP("PreferencesDialog", "Follow the system"),
              "light": QT_TRANSLATE_NOOP("PreferencesDialog", "Light"),
              "dark": QT_TRANSLATE_NOOP("PreferencesDialog", "Dark")}
#: the pages by name (show_page's keys; translated where shown)
PAGES = (QT_TRANSLATE_NOOP("PreferencesDialog", "You"),
         QT_TRANSLATE_NOOP("PreferencesDialog", "Languages"),
         QT_TRANSLATE_NOOP("PreferencesDialog", "Spelling"),
         QT_TRANSLATE_NOOP("PreferencesDialog", "Editor"),
         QT_TRANSLATE_NOOP("PreferencesDialog", "Saving"),
         QT_TRANSLATE_NOOP("PreferencesDialog", "Export"),
         QT_TRANSLATE_NOOP("PreferencesDialog", "Newsroom server"))


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text)")
    return label


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _page(*rows) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    for row in rows:
        if isinstance(row, QWidget):
            layout.addWidget(row)
        else:
            layout.addLayout(row)
    layout.addStretch(1)
    return page


class PreferencesDialog(QDialog):
    """Signals: ``font_chosen(QFont)``, ``theme_chosen(str)`` (the window applies them to
    what is open), ``server_applied(str dsn, str session_password)``,
    ``dictionaries_requested()`` (Tools ▸ Dictionaries)."""

    font_chosen = Signal(QFont)
    theme_chosen = Signal(str)
    server_applied = Signal(str, str)
    dictionaries_requested = Signal()

    def __init__(self, library: Library, settings, signals=None, parent=None, *, session_password: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.library = library
        self.settings = settings
        self.signals = signals
        self._font = settings.editor_font()

        self.pages = QListWidget()
        self.pages.setAccessibleName(self.tr("Preference pages"))
        self.pages.addItems([self.tr(page) for page in PAGES])
        self.pages.setFixedWidth(150)
        self.stack = QStackedWidget()
        self.identity = IdentityForm(library)
        self.stack.addWidget(self._you_page())
        self.stack.addWidget(self._languages_page())
        self.stack.addWidget(self._spelling_page())
        self.stack.addWidget(self._editor_page())
        self.stack.addWidget(self._saving_page())
        self.stack.addWidget(self._export_page())
        self.server = self._server_page(session_password)
        self.stack.addWidget(self.server)
        self.pages.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.pages.setCurrentRow(0)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.pages)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 520)
        self.setTabOrder(self.pages, self.identity.name_edit)

    # -- pages -------------------------------------------------------------------------------
    def _you_page(self) -> QWidget:
        return _page(self.identity, _note(self.tr(
            "Kept in your own settings ({path}), not in the library file: a colleague who "
            "opens the same library keeps their own name and role. A change takes effect at "
            "once: the moves offered, the queues and new bylines follow.")
            .format(path=identity_path())))

    def _languages_page(self) -> QWidget:
        self.interface_language = QComboBox()
        self.interface_language.setAccessibleName(self.tr("Interface language"))
        for code, name in INTERFACE_LANGUAGES:
            self.interface_language.addItem(QCoreApplication.translate("Settings", name), code)
        self.interface_language.setCurrentIndex(
            max(0, self.interface_language.findData(self.settings.interface_language())))
        self.article_language = QComboBox()
        self.article_language.setEditable(True)
        self.article_language.addItems(LANGUAGES)
        for index, code in enumerate(LANGUAGES):  # the codes are what is stored
            self.article_language.setItemData(index, language_name(code),
                                              Qt.ItemDataRole.ToolTipRole)
        self.article_language.setAccessibleName(self.tr("Language of new articles"))
        self.article_language.setCurrentText(default_language(self.library))
        self.language_error = QLabel()
        self.language_error.setStyleSheet("color: #c0392b")
        form = QFormLayout()
        form.addRow(self.tr("&Interface language:"), self.interface_language)
        form.addRow("", _note(self.tr(
            "Applies after a restart: close Byline and start it again. “System default” "
            "follows the language of your computer.")))
        form.addRow(self.tr("&New articles are in:"), self.article_language)
        form.addRow("", _note(self.tr(
            "The newsroom's default (kept in the library): File ▸ New uses it, and each "
            "article can have its own in its details.")))
        form.addRow("", self.language_error)
        return _page(form)

    def _spelling_page(self) -> QWidget:
        self.spell_as_you_type = QCheckBox(self.tr("Check spelling as you type"))
        self.spell_as_you_type.setAccessibleName(self.tr("Check spelling as you type"))
        self.spell_as_you_type.setChecked(self.settings.check_spelling())
        self.dictionary_list = QListWidget()
        self.dictionary_list.setAccessibleName(self.tr("Spelling languages"))
        self.dictionary_list.addItems(_dictionary_lines())
        manage = QPushButton(self.tr("&Dictionaries and word lists…"))
        manage.setAccessibleName(self.tr("Dictionaries and word lists"))
        manage.clicked.connect(self.dictionaries_requested)
        row = QHBoxLayout()
        row.addWidget(manage)
        row.addStretch(1)
        return _page(self.spell_as_you_type,
                     _note(self.tr("For articles opened from now on; Tools ▸ Check Spelling "
                                   "turns it on or off for one article.")),
                     _wrapped(self.tr("Languages Byline can check (an article is checked in "
                                      "its own language):")),
                     self.dictionary_list, row)

    def _editor_page(self) -> QWidget:
        self.font_label = QLabel()
        self.font_label.setAccessibleName(self.tr("Editor font"))
        choose = QPushButton(self.tr("&Choose…"))
        choose.setAccessibleName(self.tr("Choose the editor font"))
        choose.clicked.connect(self._choose_font)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_label, 1)
        font_row.addWidget(choose)
        self.theme_buttons: dict[str, QRadioButton] = {}
        theme_box = QWidget()
        theme_layout = QVBoxLayout(theme_box)
        theme_layout.setContentsMargins(0, 0, 0, 0)
        for theme in THEMES:
            button = QRadioButton(self.tr(THEME_TEXT[theme]))
            button.setAccessibleName(self.tr("Theme: {name}").format(name=self.tr(THEME_TEXT[theme])))
            button.setChecked(theme == self.settings.theme())
            self.theme_buttons[theme] = button
            theme_layout.addWidget(button)
        self._show_font()
        form = QFormLayout()
        form.addRow(self.tr("Editor font:"), font_row)
        form.addRow(self.tr("Theme:"), theme_box)
        form.addRow("", _note(self.tr("The whole window follows, the preview included. When the "
                                      "system asks for high contrast, Byline's colours do too.")))
        return _page(form)

    def _saving_page(self) -> QWidget:
        least, most, _default = REVISION_MINUTES
        self.revision_minutes = QSpinBox(minimum=least, maximum=most, suffix=self.tr(" min"))
        self.revision_minutes.setAccessibleName(self.tr("Minutes between revisions"))
        self.revision_minutes.setValue(self.settings.revision_minutes())
        self.backups_keep = QSpinBox(minimum=KEEP_RANGE[0], maximum=KEEP_RANGE[1])
        self.backups_keep.setAccessibleName(self.tr("Backups to keep"))
        self.backups_keep.setValue(backups_to_keep(self.library))
        folder = default_backup_folder(self.library.path)
        open_folder = QPushButton(self.tr("&Open the Backups Folder"))
        open_folder.setAccessibleName(self.tr("Open the backups folder"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        form = QFormLayout()
        form.addRow("", _note(self.tr("Everything you type is saved within a second, always: "
                                      "this cannot be turned off.")))
        form.addRow(self.tr("Keep a &revision every:"), self.revision_minutes)
        form.addRow("", _note(self.tr("of editing (Review ▸ Revision History shows them); "
                                      "closing an article, a status move and an export keep "
                                      "one too.")))
        form.addRow(self.tr("&Backups to keep:"), self.backups_keep)
        form.addRow("", _note(self.tr("One a day, and one when Byline closes if the library "
                                      "changed since the last, in {folder}. "
                                      "`byline restore` brings the newest good one back.")
                              .format(folder=folder)))
        # What the rolling set costs on disk, as the number to keep changes (#20).
        self.backups_cost = _note(self.tr("Measuring the disk the backups take…"))
        self.backups_cost.setObjectName("backupsCost")
        # Measured once, on a worker: it sizes a chunk store of some 11,000 files
        # (0.1–0.4 s at 100,000 articles); only "keep" changes after.
        self._backups_cost: BackupsCost | None = None
        self._cost_work = BackgroundWork(self)
        self._cost_work.finished.connect(self._backups_cost_measured)
        self._cost_work.failed.connect(lambda message, _exc: self.backups_cost.setText(message))
        self._cost_work.submit(backups_cost, self.library.path, self.backups_keep.value())
        self.backups_keep.valueChanged.connect(self._show_backups_cost)
        form.addRow("", self.backups_cost)
        form.addRow("", open_folder)
        return _page(form)

    def _backups_cost_measured(self, cost: BackupsCost) -> None:
        self._backups_cost = cost
        self._show_backups_cost(self.backups_keep.value())

    def _show_backups_cost(self, keep: int) -> None:
        if self._backups_cost is None:
            return  # still measuring: shown when the answer comes
        cost = dataclasses.replace(self._backups_cost, keep=keep)
        def size(count: int) -> str:  # "690 MB": units every language writes alike
            return QLocale().formattedDataSize(
                count, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
        # Backups share the chunks that did not change (#20): the first costs a
        # library, each later one what changed since the one before.
        if cost.next_bytes is None:
            text = self.tr("Backups share what did not change: the first takes about {size}, "
                           "each later one only what changed since the one before ({used} "
                           "now).").format(size=size(cost.backup_bytes or cost.library_bytes),
                                           used=size(cost.used_bytes))
        else:
            text = self.tr("Backups share what did not change: {keep} of them take about "
                           "{most} of disk ({used} now); each new one adds about {next}.").format(
                keep=keep, most=size(cost.most_bytes), used=size(cost.used_bytes),
                next=size(cost.next_bytes))
        self.backups_cost.setText(text)

    def _export_page(self) -> QWidget:
        from editor_app.core.export.article_export import site_settings

        site = site_settings(self.library)
        self.site_url = QLineEdit(site.url, placeholderText="https://news.example.org")
        self.site_url.setAccessibleName(self.tr("Site URL"))
        self.publisher = QLineEdit(site.publisher, placeholderText=self.tr("Harbour Gazette"))
        self.publisher.setAccessibleName(self.tr("Publisher"))
        self.date_format = QLineEdit(site.date_format, placeholderText=self.tr("the article language's own"))
        self.date_format.setAccessibleName(self.tr("House date format"))
        self.export_error = QLabel()
        self.export_error.setStyleSheet("color: #c0392b")
        self.export_error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Site &URL:"), self.site_url)
        form.addRow("", _note(self.tr(
            "Where the bundles are published: canonical links, Open Graph and related stories "
            "outside an export point there. Without it pages carry no canonical link.")))
        form.addRow(self.tr("&Publisher:"), self.publisher)
        form.addRow(self.tr("House &date format:"), self.date_format)
        form.addRow("", _note(self.tr("strftime codes such as %d.%m.%Y; empty: each article's "
                                      "language writes its own long date.")))
        form.addRow("", self.export_error)
        return _page(form)

    def _server_page(self, session_password: str):
        from editor_app.ui.sync.server_settings import ServerSettingsPage

        return ServerSettingsPage(self.library, session_password=session_password)

    # -- the font ----------------------------------------------------------------------------
    def _choose_font(self) -> None:
        ok, font = QFontDialog.getFont(self._font, self, self.tr("Editor font"))
        if ok:
            self._font = font
            self._show_font()

    def _show_font(self) -> None:
        self.font_label.setText(self.tr("{family}, {size} pt").format(
            family=self._font.family(), size=QLocale().toString(self._font.pointSizeF(), "g", 3)))
        shown = QFont(self._font)
        shown.setPointSizeF(min(shown.pointSizeF(), 16))
        self.font_label.setFont(shown)

    # -- showing -------------------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        """Bring a page to the front by its name ("You", "Export", …)."""
        self.pages.setCurrentRow(PAGES.index(name))

    def chosen_theme(self) -> str:
        return next(t for t, b in self.theme_buttons.items() if b.isChecked())

    # -- OK ------------------------------------------------------------------------------------
    def accept(self) -> None:
        if self.apply():
            super().accept()

    def apply(self) -> bool:
        """Check every page, then store everything; False (the page shown, saying why) when
        something cannot be stored. Nothing is stored while one page is wrong."""
        from editor_app.core.export.article_export import save_site_settings
        from editor_app.core.export.pages import clean_site_url

        if self.identity.problem() is not None:
            self.identity.apply()  # shows the problem
            return self._show_problem("You")
        try:
            clean_site_url(self.site_url.text())
        except BylineError as exc:
            self.export_error.setText(str(exc))
            return self._show_problem("Export")
        server_wanted = bool(self.server.host.text().strip()) or self._server_configured()
        if server_wanted and self.server.problem():
            self.server.apply()  # shows the problem
            return self._show_problem("Newsroom server")
        try:
            set_default_language(self.library, self.article_language.currentText())
        except BylineError as exc:
            self.language_error.setText(str(exc))
            return self._show_problem("Languages")
        try:
            save_site_settings(self.library, url=self.site_url.text(),
                               publisher=self.publisher.text(), date_format=self.date_format.text())
        except BylineError as exc:
            self.export_error.setText(str(exc))
            return self._show_problem("Export")
        if self.identity.apply(self.signals) is None:
            return self._show_problem("You")
        if self.interface_language.currentData() != self.settings.interface_language():
            self.settings.set_interface_language(self.interface_language.currentData())
            if self.signals is not None:
                self.signals.message.emit(self.tr("The new interface language applies when "
                                                  "Byline starts again."), 10000)
        self.settings.set_check_spelling(self.spell_as_you_type.isChecked())
        self.settings.set_revision_minutes(self.revision_minutes.value())
        set_backups_to_keep(self.library, self.backups_keep.value())
        if self._font != self.settings.editor_font():
            self.font_chosen.emit(self._font)
        if self.chosen_theme() != self.settings.theme():
            self.theme_chosen.emit(self.chosen_theme())
        if server_wanted:
            before = self._stored_dsn()
            if not self.server.apply():
                return self._show_problem("Newsroom server")
            if self.server.dsn() != before or self.server.password.text():
                self.server_applied.emit(self.server.dsn(), self.server.session_password)
        return True

    def _stored_dsn(self) -> str:
        from editor_app.core.server.settings import server_dsn

        try:
            return server_dsn(self.library) or ""
        except BylineError:
            return ""

    def _server_configured(self) -> bool:
        return bool(self._stored_dsn())

    def _show_problem(self, page: str) -> bool:
        self.show_page(page)
        return False

    def done(self, result: int) -> None:
        self.server.shutdown()
        self._cost_work.cancel()
        super().done(result)


def _dictionary_lines() -> list[str]:
    """"Lithuanian (lt): hunspell lt_LT, built in" for every language that can be checked."""
    try:
        from editor_app.core.spelling.languages import (
            frequency_languages,
            installed_dictionaries,
        )

        hunspell: dict[str, list[str]] = {}
        for info in installed_dictionaries():
            hunspell.setdefault(info.language, []).append(
                info.name + ("" if info.builtin else QCoreApplication.translate("PreferencesDialog", ", added by you")))
        lines = []
        for code in sorted(set(frequency_languages()) | set(hunspell)):
            parts = []
            if code in hunspell:
                parts.append("hunspell " + "; ".join(hunspell[code]))
            if code in frequency_languages():
                parts.append(QCoreApplication.translate("PreferencesDialog", "word frequencies"))
            lines.append(f"{language_name(code)} ({code}): {', '.join(parts)}")
        return lines
    except Exception as exc:  # noqa: BLE001 - the page must open without dictionaries
        return [QCoreApplication.translate(
            "PreferencesDialog", "Spelling dictionaries cannot be listed: {error}").format(error=exc)]
