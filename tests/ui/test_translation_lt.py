"""The whole GUI in Lithuanian: no English string left where a person can see it (#18).

With every ``resources/translations/*_lt.ts`` built and loaded, the real main window is
built on a library of the sample articles with one open, and every window, dock, tab,
menu (each action of each menu and submenu, the library's context menu) and dialog (each
one the menus open, caught while it is shown and closed again; Preferences and the first
run's dialog built directly) is walked. A string is English when it is one of the .ts
files' source strings (their translation differs) or holds a word the English hunspell
dictionary knows and the Lithuanian one does not. The library's own content (headlines,
tags, names, paths) is data, not interface, and is left out; so are proper names.
Each offender is named with its widget's path, e.g.
``MainWindow > QDockWidget[Biblioteka] > LibraryPanel > QLineEdit.placeholderText``.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QFontDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from editor_app.core.resources import resource_path

TRANSLATIONS = resource_path("translations")
#: names and terms that are the same in Lithuanian (products, formats, keys, commands)
PROPER_NAMES = ("Byline", "Markdown", "HTML", "Open Graph", "hunspell", "strftime", "Word",
                "PostgreSQL", "SQLite", "Chromium", "Qt", "URL", "DSN", "CSS", "JSON", "PDF",
                "DOCX", "ZIP", "Zip", "pt", "Ctrl", "Shift", "Alt", "Tab", "Enter", "Esc", "F7",
                "English", "byline restore", "byline", "Hunspell", "LibreOffice", "Linux",
                # the keyrings passwords can be kept in (ui/sync/server_settings)
                "Secret Service", "KWallet", "macOS Keychain", "Windows Credential Locker")
#: glyphs that stand for an option on a tool button (the find bar's "match case" and
#: "whole words"), the same in every language; the button's tooltip and accessible name
#: say it in words, and those are checked
SYMBOLS = ("Aa", "“ab”")
#: language tags (en, en-GB, lt_LT): shown as codes in both languages
#: language tags shown as codes in both languages: "(de)", "en_GB", "en-US", a lone "pt"
LANGUAGE_TAG = re.compile(r"\([a-z]{2,3}(?:[-_][A-Za-z]{2,4})?\)|(?<![\w-])[a-z]{2,3}[-_][A-Z]{2}(?![\w-])"
                          r"|^\s*[a-z]{2,3}\s*$")
#: the word detector looks at words of at least this many letters
MIN_WORD = 2


# -- deciding what is English ----------------------------------------------------------------
def _normal(text: str) -> str:
    """What a person reads: no accelerator marks, markup or surrounding space."""
    text = re.sub(r"&(?=\S)", "", text.replace("&&", "\0")).replace("\0", "&")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


class EnglishDetector:
    def __init__(self):
        from editor_app.core.spelling.hunspell_dictionaries import (
            builtin_dictionary_dir,
            load_dictionaries,
        )

        folders = [builtin_dictionary_dir()]
        self.english = load_dictionaries("en", folders)[0]
        self.lithuanian = load_dictionaries("lt", folders)[0]
        assert self.english and self.lithuanian, "the hunspell dictionaries are missing"
        self.sources: set[str] = set()
        self.patterns: list[re.Pattern] = []
        for ts in TRANSLATIONS.glob("*.ts"):
            for message in ET.parse(ts).getroot().iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                forms = [f.text or "" for f in translation.iter("numerusform")] or \
                    [translation.text or ""]
                if all(_normal(form) == _normal(source) for form in forms):
                    continue  # the same in both languages ("Byline — {name}")
                self._add_source(_normal(source))
        self.data: list[str] = []

    def _add_source(self, source: str) -> None:
        placeholder = re.compile(r"\{[^}]*\}|%L?n|%\d")
        if not placeholder.search(source):
            if re.search(r"[A-Za-z]{3}", source):
                self.sources.add(source)
            return
        literal = placeholder.sub(" ", source)
        if len(re.findall(r"[A-Za-z]{3,}", literal)) < 1:
            return
        parts = [re.escape(p) for p in placeholder.split(source)]
        self.patterns.append(re.compile("(?s)" + "(.+?)".join(parts)))

    def add_data(self, *texts: str) -> None:
        """The library's content: shown, never translated."""
        for text in texts:
            for line in str(text or "").splitlines():
                line = line.strip()
                if len(line) >= 3:
                    self.data.append(line)
        self.data.sort(key=len, reverse=True)

    def english_in(self, raw: str) -> str | None:
        """Why ``raw`` is English (the source string or the English words), or None."""
        text = _normal(raw)
        if not text:
            return None
        if text in SYMBOLS:
            return None
        if text in self.sources:
            return "an untranslated source string"
        for pattern in self.patterns:
            if pattern.fullmatch(text):
                return f"untranslated {pattern.pattern[4:60]!r}"
        if text.endswith("…") and any(d.startswith(text[:-1].rstrip()) for d in self.data):
            return None  # a headline cut short (a tab's title)
        for data in self.data:
            if data in text:
                text = text.replace(data, " ")
        text = re.sub(r"\w+://\S+|\S*[/\\]\S+|\S+@\S+|\*\.\w+|\S+\.\w{2,4}\b", " ", text)  # paths
        for name in PROPER_NAMES:
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text)
        text = LANGUAGE_TAG.sub(" ", text)
        words = [w for w in re.findall(r"[^\W\d_]+(?:'[a-z]+)?", text) if len(w) >= MIN_WORD]
        english = [w for w in words if self._english_word(w)]
        return f"English words {english}" if english else None

    def _english_word(self, word: str) -> bool:
        if word.isupper() and len(word) <= 5:
            return False  # abbreviations: OK is caught as a source string instead
        spellings = {word, word.lower(), word.capitalize()}
        if any(d.spell(w) for d in self.lithuanian for w in spellings):
            return False
        return any(d.spell(word) for d in self.english)


@pytest.fixture(scope="module")
def detector() -> EnglishDetector:
    return EnglishDetector()


# -- walking -----------------------------------------------------------------------------------
def widget_path(widget: QWidget) -> str:
    parts = []
    while widget is not None:
        name = widget.objectName()
        label = type(widget).__name__
        if isinstance(widget, QDockWidget) or (widget.isWindow() and widget.windowTitle()):
            label += f"[{widget.windowTitle()}]"
        elif name and not name.startswith("qt_"):
            label += f"#{name}"
        parts.append(label)
        widget = widget.parentWidget()
    return " > ".join(reversed(parts))


class Walker:
    def __init__(self, detector: EnglishDetector):
        self.detector = detector
        self.offenders: dict[str, str] = {}
        self.walked_windows: list[str] = []

    def check(self, where: str, text) -> None:
        if not isinstance(text, str) or not text.strip():
            return
        why = self.detector.english_in(text)
        if why:
            self.offenders.setdefault(f"{where}: {text!r}", why)

    def walk(self, root: QWidget) -> None:
        self.walked_windows.append(widget_path(root))
        for widget in [root, *root.findChildren(QWidget)]:
            if _inside_web_view(widget):
                continue
            self.widget(widget)

    def widget(self, widget: QWidget) -> None:
        path = widget_path(widget)
        if widget.isWindow() or isinstance(widget, QDockWidget):
            self.check(f"{path}.windowTitle", widget.windowTitle())
        self.check(f"{path}.toolTip", widget.toolTip())
        self.check(f"{path}.accessibleName", widget.accessibleName())
        self.check(f"{path}.accessibleDescription", widget.accessibleDescription())
        self.check(f"{path}.statusTip", widget.statusTip())
        self.check(f"{path}.whatsThis", widget.whatsThis())
        if isinstance(widget, QLabel):
            self.check(f"{path}.text", widget.text())
        elif isinstance(widget, QAbstractButton):
            self.check(f"{path}.text", widget.text())
        elif isinstance(widget, QGroupBox):
            self.check(f"{path}.title", widget.title())
        elif isinstance(widget, QLineEdit):
            self.check(f"{path}.placeholderText", widget.placeholderText())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            self.check(f"{path}.placeholderText", widget.placeholderText())
        elif isinstance(widget, QAbstractSpinBox):
            self.check(f"{path}.suffix", getattr(widget, "suffix", lambda: "")())
            self.check(f"{path}.prefix", getattr(widget, "prefix", lambda: "")())
            self.check(f"{path}.specialValueText", widget.specialValueText())
        elif isinstance(widget, QComboBox):
            self.check(f"{path}.placeholderText", widget.placeholderText())
            for row in range(0 if _in_font_dialog(widget) else widget.count()):
                self.check(f"{path}.item[{row}]", widget.itemText(row))
                self.check(f"{path}.item[{row}].toolTip",
                           widget.itemData(row, Qt.ItemDataRole.ToolTipRole))
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                self.check(f"{path}.tab[{index}]", widget.tabText(index))
                self.check(f"{path}.tab[{index}].toolTip", widget.tabToolTip(index))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            self.model(path, widget.model(), cells=not _lists_data(widget))
        elif isinstance(widget, QMenu):
            self.menu(widget, path)
        for action in widget.actions():  # buttons' and tool bars' actions
            if not isinstance(widget, QMenu) and action.menu() is None:
                self.action(action, f"{path} ▸ action")

    def model(self, path: str, model, parent=None, depth: int = 0, *,
              cells: bool = True) -> None:
        parent = QModelIndex() if parent is None else parent
        display, tip = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
        if depth == 0:
            for orientation, name in ((Qt.Orientation.Horizontal, "column"),
                                      (Qt.Orientation.Vertical, "row")):
                count = _columns(model, QModelIndex()) if name == "column" else 0
                for section in range(count):
                    self.check(f"{path}.header[{section}]",
                               model.headerData(section, orientation, display))
                    self.check(f"{path}.header[{section}].toolTip",
                               model.headerData(section, orientation, tip))
        if not cells:
            return
        for row in range(min(model.rowCount(parent), 60)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                self.check(f"{path}[{row},{column}]", model.data(index, display))
                self.check(f"{path}[{row},{column}].toolTip", model.data(index, tip))
                self.check(f"{path}[{row},{column}].accessibleText",
                           model.data(index, Qt.ItemDataRole.AccessibleTextRole))
            child = model.index(row, 0, parent)
            if depth < 3 and _rows(model, child) > 0:  # a tree's branches
                self.model(path, model, child, depth + 1)

    def action(self, action: QAction, where: str) -> None:
        text = action.text()
        self.check(f"{where}[{_normal(text)}]", text)
        plain = _normal(text).rstrip("…").strip()
        tip = action.toolTip()
        if _normal(tip).rstrip("…").strip() != plain:  # set on purpose, not derived
            self.check(f"{where}[{_normal(text)}].toolTip", tip)
        self.check(f"{where}[{_normal(text)}].statusTip", action.statusTip())

    def menu(self, menu: QMenu, where: str) -> None:
        self.check(f"{where}.title", menu.title())
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                self.menu(action.menu(), f"{where} ▸ {_normal(action.text())}")
            else:
                self.action(action, f"{where} ▸")


def _in_font_dialog(widget: QWidget) -> bool:
    """Its combo boxes list the computer's fonts and writing systems."""
    while widget is not None:
        if isinstance(widget, QFontDialog):
            return True
        widget = widget.parentWidget()
    return False


def _lists_data(widget: QWidget) -> bool:
    """The file dialog's files and the font dialog's font names are the computer's."""
    while widget is not None:
        if isinstance(widget, (QFileDialog, QFontDialog)) or isinstance(widget, QComboBox):
            return True
        widget = widget.parentWidget()
    return False


def _columns(model, parent) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model: PySide keeps columnCount private
        return 1


def _rows(model, parent) -> int:
    try:
        return model.rowCount(parent)
    except TypeError:
        return 0


def _inside_web_view(widget: QWidget) -> bool:
    """The preview shows the article (its own language, #18 item 5), not the interface."""
    while widget is not None:
        if type(widget).__name__ in ("QWebEngineView", "PreviewView") or \
                "WebEngine" in type(widget).__name__:
            return True
        widget = widget.parentWidget()
    return False


def menu_actions(menu: QMenu, trail=()) -> list[tuple[str, QAction]]:
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        name = " ▸ ".join((*trail, _normal(action.text())))
        if action.menu() is not None:
            found += menu_actions(action.menu(), (*trail, _normal(action.text())))
        else:
            found.append((name, action))
    return found


class DialogCatcher:
    """Walks and closes every window an action opens: modal ones from inside their own
    event loop (a timer), the others once the action has returned."""

    def __init__(self, walker: Walker, main: QWidget):
        self.walker = walker
        self.main = main
        self.seen: set[int] = set()
        self.timer = QTimer(interval=40)
        self.timer.timeout.connect(self._modal)

    def _modal(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and widget is not self.main:
            self._handle(widget)

    def _handle(self, widget: QWidget) -> None:
        if id(widget) not in self.seen:
            self.seen.add(id(widget))
            self.walker.walk(widget)
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)
        widget.close()

    def trigger(self, qtbot, action: QAction) -> None:
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        self.timer.start()
        try:
            action.trigger()
            qtbot.wait(60)
            for widget in QApplication.topLevelWidgets():
                if widget.isVisible() and id(widget) not in before and widget is not self.main \
                        and not isinstance(widget, QMenu):
                    self._handle(widget)
            qtbot.wait(20)
        finally:
            self.timer.stop()


# -- the test ----------------------------------------------------------------------------------
@pytest.fixture
def lt_window(qtbot, lithuanian, library, renderer, qsettings, detector):
    from editor_app.app import build_main_window
    from editor_app.core.backups import default_backup_folder
    from editor_app.core.identity import Identity, save_identity
    from editor_app.core.models import Role
    from editor_app.core.samples import seed_samples
    from editor_app.ui.settings import Settings

    save_identity(Identity("Aldona Petrauskienė", Role.EDITOR))
    seed_samples(library)
    library_content(detector, library)
    detector.add_data(str(library.path), library.path.name, "Aldona Petrauskienė",
                      "Byline samples", Settings(qsettings).editor_font().family(),
                      str(default_backup_folder(library.path)))
    window = build_main_window(library, settings=qsettings, renderer=renderer)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.select_first_article()
    window.open_article(library.list_articles()[0].id)
    qtbot.wait(200)
    yield window
    window.close_all_tabs()
    if window.panels is not None:
        window.panels.shutdown()
    window.shutdown()


def library_content(detector: EnglishDetector, library) -> None:
    """Every article's fields are data (again after the actions made new articles)."""
    for summary in library.list_articles():
        article = library.get_article(summary.id)
        detector.add_data(article.title, article.slug, article.author, article.interviewee,
                          article.summary, article.body, *article.tags,
                          *(str(v) for v in article.extra.values()))
    for tag in library.all_tags():  # the vocabulary: names, slugs (addresses), aliases
        detector.add_data(tag.name, tag.slug, *tag.aliases, tag.description)


def _skip_action(window, action: QAction) -> bool:
    """Not triggered (their texts are still checked): leaving, closing the open article,
    and switches (view modes, themes, docks) that open nothing."""
    return (action.isCheckable()
            or action is getattr(window, "close_tab_action", None)
            or QKeySequence(QKeySequence.StandardKey.Quit) in action.shortcuts()
            or not action.isEnabled())


def test_every_window_menu_and_dialog_is_in_lithuanian(qtbot, lt_window, detector):
    from editor_app.ui.preferences.first_run import FirstRunDialog
    from editor_app.ui.preferences.preferences_dialog import PreferencesDialog

    window = lt_window
    walker = Walker(detector)
    walker.walk(window)
    for top in window.menuBar().actions():
        if top.menu() is not None:
            walker.menu(top.menu(), f"menu {_normal(top.text())}")
    walker.menu(window.library_panel.context_menu(), "library context menu")
    catcher = DialogCatcher(walker, window)
    for top in window.menuBar().actions():
        for _name, action in menu_actions(top.menu(), (_normal(top.text()),)):
            if not _skip_action(window, action):
                catcher.trigger(qtbot, action)
                if window.current_article_tab() is None:  # an action closed it: open again
                    window.open_article(window.library.list_articles()[0].id)
    for dialog in (PreferencesDialog(window.library, window.settings, window.signals,
                                     parent=window),
                   FirstRunDialog(window.library, window.signals, parent=window)):
        dialog.show()
        walker.walk(dialog)
        dialog.done(0)
    library_content(detector, window.library)
    walker.walk(window)  # again: what the actions made (new articles, messages)
    statusbar = window.statusBar()
    walker.check("MainWindow > QStatusBar.currentMessage", statusbar.currentMessage())
    assert len(walker.walked_windows) > 5, walker.walked_windows
    assert not walker.offenders, (
        f"{len(walker.offenders)} English strings left in the Lithuanian interface:\n"
        + "\n".join(f"  {where}  ({why})" for where, why in sorted(walker.offenders.items())))


def test_the_detector_knows_english_from_lithuanian(detector):
    assert detector.english_in("&Import Articles…")  # a source string of window_lt.ts
    assert detector.english_in("Send for review")  # English words, in no .ts
    assert detector.english_in("Cannot open article 12: gone")  # a source with placeholders
    assert not detector.english_in("I&mportuoti straipsnius…")
    assert not detector.english_in("Byline — pavyzdžiai.byline")
    assert not detector.english_in("Rengyklės šriftas: Ctrl+Shift+F")
    assert not detector.english_in("Naujas straipsnis (interviu): įrašykite antraštę")


def test_lithuanian_loads_and_english_needs_no_translator(qapp, lt_folder):
    from PySide6.QtCore import QLocale

    from editor_app.core.models import Kind, Role, Status
    from editor_app.ui.labels import (
        counted,
        kind_label,
        language_name,
        role_label,
        shown_title,
        status_label,
    )
    from editor_app.ui.translations import (
        install_translations,
        interface_language,
        remove_translations,
    )

    assert install_translations("en", qapp, folder=lt_folder) == []
    assert interface_language("lt") == "lt"
    assert interface_language("", locale=QLocale("lt_LT")) == "lt"
    assert interface_language("", locale=QLocale.c()) == "en"
    translators = install_translations("lt", qapp, folder=lt_folder)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&Failas"
        assert QCoreApplication.translate("LibraryPanel", "%Ln article(s)", None, 22) == \
            "22 straipsniai"
        assert QCoreApplication.translate("LibraryPanel", "%Ln article(s)", None, 11) == \
            "11 straipsnių"
        assert (status_label(Status.CHANGES_REQUESTED), kind_label("news"),
                role_label(Role.EDITOR)) == ("Prašoma pataisų", "Naujiena", "Redaktorius")
        assert shown_title("Untitled interview") == "Be antraštės (interviu)"
        assert language_name("en") == "anglų"
    finally:
        remove_translations(translators, qapp)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert (status_label("in_review"), kind_label(Kind.OPINION), role_label("producer"),
            status_label("someday")) == ("In review", "Opinion piece", "Producer", "someday")
    assert shown_title("Untitled news") == "Untitled news story"
    assert shown_title("Harbour reopens") == "Harbour reopens"
    assert [counted(QCoreApplication.translate("LibraryPanel", "%Ln article(s)", None, n), n)
            for n in (1, 2)] == ["1 article", "2 articles"]


def _accelerator(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def menu_accelerator_clashes(menu: QMenu, where: str) -> list[str]:
    """Entries of one menu that share an accelerator letter (Alt+letter picks only the
    first), for this menu and its submenus."""
    clashes, seen = [], {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = _accelerator(action.text())
        if letter is not None:
            if letter in seen:
                clashes.append(f"{where}: {seen[letter]!r} and {action.text()!r} share &{letter}")
            seen.setdefault(letter, action.text())
        if action.menu() is not None:
            clashes += menu_accelerator_clashes(action.menu(), f"{where} ▸ {_normal(action.text())}")
    return clashes


def test_accelerators_are_unique_in_every_lithuanian_menu(lt_window):
    window = lt_window
    bar = QMenu()
    for action in window.menuBar().actions():
        bar.addAction(action)
    clashes = menu_accelerator_clashes(bar, "menu bar")
    clashes += menu_accelerator_clashes(window.library_panel.context_menu(), "library context menu")
    assert not clashes, "\n".join(clashes)


def test_translations_are_built_by_make_and_finished():
    """`make translations` builds every .qm (run, test, dist and screenshots need them), the
    .qm are build products, and no Lithuanian entry is left unfinished."""
    root = TRANSLATIONS.parent.parent
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    assert "pyside6-lrelease" in makefile and "\ntranslations: $(QM_FILES)" in makefile
    for target in ("run", "test", "screenshots", "dist"):
        line = next(line for line in makefile.splitlines() if line.startswith(f"{target}:"))
        assert "translations" in line, line
    assert "*.qm" in (root / ".gitignore").read_text(encoding="utf-8").split()
    assert 'datas = [(str(ROOT / "resources"), "resources")]' in \
        (root / "packaging" / "byline.spec").read_text(encoding="utf-8")
    for ts in TRANSLATIONS.glob("*_lt.ts"):
        tree = ET.parse(ts).getroot()
        assert tree.get("language") == "lt_LT", ts.name
        unfinished = [m.findtext("source") for m in tree.iter("message")
                      if m.find("translation").get("type") == "unfinished"
                      or not "".join(m.find("translation").itertext()).strip()]
        assert not unfinished, f"{ts.name}: {unfinished[:5]}"
