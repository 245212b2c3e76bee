"""Manage the word lists: my dictionary (a file), the newsroom's (in the library), this article's;
and the spelling dictionaries themselves (hunspell, built in or added by the user).

Plain text, one word a line, in and out: newsrooms already keep such lists for their
style guide, and a list must outlive any one program. Every change goes through
`SpellService` when one is given, so open articles stop (or start) flagging the word
at once. Adding or removing a hunspell dictionary makes open articles check again.
"""

from __future__ import annotations

import pathlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import BylineError
from editor_app.core.spelling import (
    Dictionaries,
    add_dictionary,
    frequency_languages,
    installed_dictionaries,
    remove_user_dictionary,
)
from editor_app.core.spelling import language_name as english_language_name
from editor_app.ui.review.standard_buttons import name_buttons
from editor_app.ui.spelling.spelling_messages import spelling_message

SCOPE_TITLES = {"personal": QT_TRANSLATE_NOOP("DictionaryDialog", "My dictionary"),
                "newsroom": QT_TRANSLATE_NOOP("DictionaryDialog", "Newsroom"),
                "article": QT_TRANSLATE_NOOP("DictionaryDialog", "This article")}


def _ui_language() -> str:
    """The interface language's code: the translators set this string to their own."""
    return QCoreApplication.translate("DictionaryDialog", "en",
                                      "code of the interface language, for language names")


def language_name(code: str) -> str:
    """A language's name written in the interface's language ("lt" is "Lithuanian" in
    English, "lietuvių" in Lithuanian): Babel's CLDR names, as core's are in English."""
    ui = _ui_language()
    if ui == "en":
        return english_language_name(code)
    try:
        from babel import Locale

        return Locale.parse(code.replace("-", "_")).get_display_name(ui) or code
    except Exception:  # noqa: BLE001 - an unknown or malformed code
        return english_language_name(code)


def _number(n: int) -> str:
    """12,345 in English, 12 345 in Lithuanian (where a comma is the decimal mark)."""
    try:
        from babel.numbers import format_decimal

        return format_decimal(n, locale=_ui_language())
    except Exception:  # noqa: BLE001 - Babel without that locale
        return f"{n:,}"


class _ScopePage(QWidget):
    def __init__(self, scope: str, parent=None):
        super().__init__(parent)
        self.scope = scope
        self.filter = QLineEdit(placeholderText=self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSortingEnabled(True)
        self.entry = QLineEdit(placeholderText=self.tr("New word"))
        self.add_button = QPushButton(self.tr("&Add"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.import_button = QPushButton(self.tr("&Import…"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.count_label = QLabel()

        add_row = QHBoxLayout()
        add_row.addWidget(self.entry, 1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        for button in (self.remove_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(add_row)
        layout.addLayout(buttons)
        self.filter.textChanged.connect(self._apply_filter)

    def show_words(self, words) -> None:
        self.list.setSortingEnabled(False)
        self.list.clear()
        self.list.addItems(sorted(words, key=lambda w: (w.casefold(), w)))
        self.list.setSortingEnabled(True)
        n = len(words)
        # Two source texts so that English reads right with no translation loaded.
        self.count_label.setText(self.tr("%n word", None, n) if n == 1
                                 else self.tr("%n words", None, n))
        self._apply_filter(self.filter.text())

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())


class _LanguagesPage(QWidget):
    """The installed spelling dictionaries, and adding a hunspell one the user has."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.list = QListWidget()
        self.add_button = QPushButton(self.tr("&Add Hunspell Dictionary…"))
        self.add_button.setToolTip(self.tr("A hunspell dictionary is two files: name.aff and "
                                           "name.dic (LibreOffice and most Linux systems have "
                                           "them)"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.frequencies = QLabel()
        self.frequencies.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        explanation = QLabel(self.tr("Hunspell dictionaries: a word is right when any "
                                     "dictionary of the article's language knows it."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.frequencies)
        self.list.currentRowChanged.connect(self._selection_changed)

    def show_dictionaries(self, infos) -> None:
        self.infos = list(infos)
        self.list.clear()
        for info in self.infos:
            words = info.approximate_words()
            origin = self.tr("built in") if info.builtin else self.tr("added by you")
            count = ", " + self.tr("{count} entries").format(
                count=_number(words)) if words else ""
            named = language_name(info.name)  # "English (United Kingdom)"
            if named == info.name:
                named = language_name(info.language)
            self.list.addItem(f"{info.name} — {named} ({origin}{count})")
            item = self.list.item(self.list.count() - 1)
            licence = ("\n" + self.tr("Licence: {licence}").format(licence=info.licence)
                       if info.licence else "")
            item.setToolTip(f"{info.aff}\n{info.dic}{licence}")
        codes = ", ".join(f"{language_name(c)} ({c})" for c in frequency_languages())
        self.frequencies.setText(
            self.tr("Word-frequency lists (rank suggestions): {languages}.").format(languages=codes))
        self._selection_changed(self.list.currentRow())

    def selected(self):
        row = self.list.currentRow()
        return self.infos[row] if 0 <= row < len(self.infos) else None

    def _selection_changed(self, row: int) -> None:
        info = self.infos[row] if 0 <= row < len(getattr(self, "infos", ())) else None
        self.remove_button.setEnabled(info is not None and not info.builtin)


class DictionaryDialog(QDialog):
    """Lists, adds, removes, imports and exports the words of each dictionary.

    ``ask_open_path`` / ``ask_save_path`` return a path or None; tests replace them.
    Signals: words_changed(str scope).
    """

    words_changed = Signal(str)

    def __init__(self, dictionaries: Dictionaries, *, service=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dictionaries"))
        self.resize(460, 520)
        self.dictionaries = dictionaries
        self.service = service
        self.ask_open_path = self._ask_open_path
        self.ask_save_path = self._ask_save_path
        self.pages: dict[str, _ScopePage] = {}
        self.tabs = QTabWidget()
        scopes = []
        if dictionaries.personal_path is not None:
            scopes.append("personal")
        if dictionaries.store is not None:
            scopes.append("newsroom")
            if dictionaries.article_id is not None:
                scopes.append("article")
        for scope in scopes:
            page = _ScopePage(scope)
            page.add_button.clicked.connect(lambda _=False, s=scope: self._add_from_entry(s))
            page.entry.returnPressed.connect(lambda s=scope: self._add_from_entry(s))
            page.remove_button.clicked.connect(lambda _=False, s=scope: self._remove_selected(s))
            page.import_button.clicked.connect(lambda _=False, s=scope: self._import_clicked(s))
            page.export_button.clicked.connect(lambda _=False, s=scope: self._export_clicked(s))
            self.pages[scope] = page
            self.tabs.addTab(page, QCoreApplication.translate("DictionaryDialog", SCOPE_TITLES[scope]))
        self.languages = _LanguagesPage()
        self.languages.add_button.clicked.connect(self._add_dictionary_clicked)
        self.languages.remove_button.clicked.connect(self._remove_dictionary_clicked)
        self.tabs.addTab(self.languages, self.tr("Languages"))
        self.ask_dictionary_path = self._ask_dictionary_path
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not scopes:
            layout.addWidget(QLabel(self.tr("No word list is available: no personal word list "
                                            "is configured and no library is open.")))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        for scope in scopes:
            self.reload(scope)
        self.reload_dictionaries()

    # -- reading -------------------------------------------------------------------------
    def reload(self, scope: str) -> None:
        try:
            words = self.dictionaries.words(scope)
        except BylineError as exc:
            self._say(spelling_message(str(exc)))
            words = set()
        self.pages[scope].show_words(words)

    def reload_dictionaries(self) -> None:
        try:
            self.languages.show_dictionaries(installed_dictionaries())
        except BylineError as exc:
            self._say(spelling_message(str(exc)))

    def dictionaries_shown(self) -> list[str]:
        return [info.name for info in self.languages.infos]

    # -- hunspell dictionaries ----------------------------------------------------------
    def add_hunspell_dictionary(self, path) -> bool:
        """Install the dictionary whose .aff (or .dic) is ``path``; a broken one is
        refused with one line naming the file, and nothing is copied."""
        try:
            info = add_dictionary(path)
        except BylineError as exc:
            self._say(spelling_message(str(exc)))
            return False
        self.reload_dictionaries()
        language = language_name(info.language)
        self._dictionaries_changed(
            self.tr("Added {name} ({language}). Open articles are checked again; where "
                    "spell-check went off for want of a {language} dictionary, turn Check "
                    "Spelling back on.").format(name=info.name, language=language))
        return True

    def remove_hunspell_dictionary(self, name: str) -> bool:
        info = next((i for i in self.languages.infos if i.name == name and not i.builtin), None)
        if info is None:
            self._say(self.tr("{name} comes with Byline and cannot be removed").format(name=name))
            return False
        try:
            remove_user_dictionary(info)
        except BylineError as exc:
            self._say(spelling_message(str(exc)))
            return False
        self.reload_dictionaries()
        self._dictionaries_changed(self.tr("Removed {name}.").format(name=info.name))
        return True

    def _dictionaries_changed(self, message: str) -> None:
        self._say(message)
        if self.service is not None:
            # an empty word: every open article builds a new checker and checks again
            self.service.words_changed.emit("", "personal", None, True)

    def _add_dictionary_clicked(self) -> None:
        path = self.ask_dictionary_path()
        if path:
            self.add_hunspell_dictionary(path)

    def _remove_dictionary_clicked(self) -> None:
        info = self.languages.selected()
        if info is not None:
            self.remove_hunspell_dictionary(info.name)

    def _ask_dictionary_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add hunspell dictionary"), "",
            self.tr("Hunspell dictionaries (*.aff *.dic);;All files (*)"))
        return path or None

    def words_shown(self, scope: str) -> list[str]:
        page = self.pages[scope]
        return [page.list.item(row).text() for row in range(page.list.count())]

    def show_scope(self, scope: str) -> None:
        self.tabs.setCurrentWidget(self.pages[scope])

    # -- changes ------------------------------------------------------------------------
    def add_word(self, scope: str, word: str) -> bool:
        word = word.strip()
        if not word:
            return False
        try:
            if self.service is not None:
                self.service.add_word(self.dictionaries, word, scope)
            else:
                self.dictionaries.add(word, scope)
        except BylineError as exc:
            self._say(spelling_message(str(exc)))
            return False
        self._changed(scope, self.tr("Added “{word}”.").format(word=word))
        return True

    def remove_words(self, scope: str, words) -> int:
        removed = 0
        for word in list(words):
            try:
                if self.service is not None:
                    self.service.remove_word(self.dictionaries, word, scope)
                else:
                    self.dictionaries.remove(word, scope)
            except BylineError as exc:
                self._say(spelling_message(str(exc)))
                break
            removed += 1
        if removed:
            self._changed(scope, self.tr("Removed %n word.", None, removed) if removed == 1
                          else self.tr("Removed %n words.", None, removed))
        return removed

    def import_from(self, scope: str, path) -> int:
        """Add every word of a plain-text list (one a line); returns how many were new."""
        try:
            if self.service is not None:
                count = self.service.import_words(self.dictionaries, path, scope)
            else:
                count = self.dictionaries.import_words(path, scope)
        except BylineError as exc:
            self._say(spelling_message(str(exc)))
            return 0
        text = (self.tr("Imported %n new word from {file}.", None, count) if count == 1
                else self.tr("Imported %n new words from {file}.", None, count))
        self._changed(scope, text.format(file=pathlib.Path(path).name))
        return count

    def export_to(self, scope: str, path) -> int:
        try:
            count = self.dictionaries.export_words(path, scope)
        except BylineError as exc:
            self._say(spelling_message(str(exc)))
            return 0
        text = (self.tr("Exported %n word to {path}.", None, count) if count == 1
                else self.tr("Exported %n words to {path}.", None, count))
        self._say(text.format(path=path))
        return count

    def _add_from_entry(self, scope: str) -> None:
        page = self.pages[scope]
        if self.add_word(scope, page.entry.text()):
            page.entry.clear()

    def _remove_selected(self, scope: str) -> None:
        self.remove_words(scope, [item.text() for item in self.pages[scope].list.selectedItems()])

    def _import_clicked(self, scope: str) -> None:
        path = self.ask_open_path()
        if path:
            self.import_from(scope, path)

    def _export_clicked(self, scope: str) -> None:
        path = self.ask_save_path(f"{scope}-dictionary.txt")
        if path:
            self.export_to(scope, path)

    def _changed(self, scope: str, message: str) -> None:
        self.reload(scope)
        self._say(message)
        self.words_changed.emit(scope)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _ask_open_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import word list"), "",
                                              self.tr("Word lists (*.txt *.dic);;All files (*)"))
        return path or None

    def _ask_save_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export word list"), suggested,
                                              self.tr("Word lists (*.txt)"))
        return path or None

