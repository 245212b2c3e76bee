"""The interface language: which translations the GUI loads at start (#18).

Every area of the GUI keeps its strings in its own ``resources/translations/<area>_<lang>.ts``
(built into ``.qm`` by ``make translations``); this module installs a QTranslator for every
``*_<lang>.qm`` found, plus Qt's own translations of its standard dialogs' buttons.
English is the source language: it needs no translator.

Called once by app.py before any widget is built: widgets read their texts when they
are made, so a translator installed later would only reach the windows made after it.
"""

from __future__ import annotations

import pathlib

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from editor_app.core.resources import resource_path

SOURCE_LANGUAGE = "en"


def translations_dir() -> pathlib.Path:
    """resources/translations: the .ts sources and, once built, the .qm files."""
    return resource_path("translations")


def interface_language(chosen: str = "", *, locale: QLocale | None = None) -> str:
    """The language the interface should speak: the one chosen in Preferences, else the
    system's first interface language (``QLocale.system().uiLanguages()``: on Linux from
    LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as a code such as "lt"."""
    if chosen:
        return chosen
    languages = (locale or QLocale.system()).uiLanguages() or ["C"]  # ["lt-LT", "lt"]
    code = languages[0].replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and len(code) in (2, 3) else SOURCE_LANGUAGE


def translation_files(language: str, folder: pathlib.Path | None = None) -> list[pathlib.Path]:
    """Every built translation of Byline's areas into ``language`` (sorted, may be empty)."""
    folder = translations_dir() if folder is None else folder
    if language == SOURCE_LANGUAGE or not folder.is_dir():
        return []
    return sorted(folder.glob(f"*_{language}.qm"))


def _qt_translation(language: str) -> tuple[str, str] | None:
    """Qt's own catalogue for the language (standard buttons: OK, Cancel, Yes...):
    qtbase_<lang>.qm, else the older all-in-one qt_<lang>.qm (Lithuanian has only this)."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for base in ("qtbase", "qt"):
        if pathlib.Path(folder, f"{base}_{language}.qm").is_file():
            return f"{base}_{language}", folder
    return None


def install_translations(language: str, app: QCoreApplication | None = None,
                         folder: pathlib.Path | None = None) -> list[QTranslator]:
    """Install a translator for each of Byline's ``*_<language>.qm`` and Qt's own.

    Returns the translators (kept alive by the application too: a QTranslator that is
    garbage-collected stops translating). A file Qt cannot load is skipped, so a
    damaged translation leaves that area in English instead of stopping the start.
    """
    app = app or QCoreApplication.instance()
    if app is None or language == SOURCE_LANGUAGE:
        return []
    installed: list[QTranslator] = []
    # Qt searches the translator installed last first: Qt's own catalogue goes in first,
    # so that Byline's files (qtwidgets_<lang>.ts) can correct and complete it.
    qt_own = _qt_translation(language)
    candidates: list[tuple[str, str]] = [qt_own] if qt_own else []
    candidates += [(str(p), "") for p in translation_files(language, folder)]
    for name, directory in candidates:
        translator = QTranslator(app)  # parented: lives as long as the application
        if translator.load(name, directory) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    if installed:
        QLocale.setDefault(QLocale(language))
    return installed


def remove_translations(translators: list[QTranslator],
                        app: QCoreApplication | None = None) -> None:
    """Undo install_translations (tests that switch back to English)."""
    app = app or QCoreApplication.instance()
    for translator in translators:
        if app is not None:
            app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())


def install_chosen_language(settings=None) -> list[QTranslator]:
    """The start-up's call: Preferences' interface language, else the system's."""
    if settings is None:
        from editor_app.ui.settings import Settings

        settings = Settings()
    return install_translations(interface_language(settings.interface_language()))
