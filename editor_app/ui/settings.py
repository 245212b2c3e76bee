"""The one place the GUI reads and writes its preferences (QSettings).

Keys live here and nowhere else, so renaming one cannot leave a stale reader
behind.  Values are validated on the way out: a settings file edited by hand or
written by an older Byline must not stop the window from opening.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPalette

THEMES = ("system", "light", "dark")


class Settings:
    """Typed accessors over a QSettings (the organisation/application set in app.py)."""

    def __init__(self, qsettings: QSettings | None = None):
        self.qsettings = qsettings if qsettings is not None else QSettings()

    # -- raw -----------------------------------------------------------------
    def value(self, key: str, default=None):
        return self.qsettings.value(key, default)

    def set_value(self, key: str, value) -> None:
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        self.qsettings.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # -- window layout -------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def sidebar_splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def editor_splitter(self) -> QByteArray | None:
        return self._bytes("editor/splitter")

    def save_window(self, *, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)
        self.qsettings.setValue("window/splitter", splitter)

    def set_editor_splitter(self, state: QByteArray) -> None:
        self.qsettings.setValue("editor/splitter", state)

    # -- open tabs -----------------------------------------------------------
    def open_tabs(self) -> list[int]:
        """Article ids open at the last exit, in tab order (bad entries skipped)."""
        raw = self.qsettings.value("session/open_tabs", [])
        if isinstance(raw, (str, int)):
            raw = [raw]
        ids: list[int] = []
        for item in raw or []:
            try:
                article_id = int(item)
            except (TypeError, ValueError):
                continue
            if article_id > 0 and article_id not in ids:
                ids.append(article_id)
        return ids

    def current_tab(self) -> int | None:
        try:
            value = int(self.qsettings.value("session/current_tab", 0))
        except (TypeError, ValueError):
            return None
        return value or None

    def set_open_tabs(self, ids: list[int], current: int | None) -> None:
        # Stored as strings: QSettings' ini backend turns a one-element list into a str.
        self.qsettings.setValue("session/open_tabs", [str(i) for i in ids])
        self.qsettings.setValue("session/current_tab", int(current or 0))

    # -- editor font ---------------------------------------------------------
    def editor_font(self) -> QFont:
        text = self.qsettings.value("editor/font", "")
        font = QFont()
        # QFont.toString() writes "family,size,…"; anything else was not written by us.
        if isinstance(text, str) and text.count(",") >= 9 and font.fromString(text) \
                and 6 <= font.pointSizeF() <= 72:
            return font
        return default_editor_font()

    def set_editor_font(self, font: QFont) -> None:
        self.qsettings.setValue("editor/font", font.toString())

    # -- theme ---------------------------------------------------------------
    def theme(self) -> str:
        value = str(self.qsettings.value("appearance/theme", "system") or "system").lower()
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"theme must be one of {', '.join(THEMES)}")
        self.qsettings.setValue("appearance/theme", theme)


    # -- hand-off files (#14) -------------------------------------------------
    def handoff_folder(self) -> str:
        """Where the last hand-off file was written or read ("" before the first)."""
        value = self.qsettings.value("handoff/folder", "")
        return value if isinstance(value, str) else ""

    def set_handoff_folder(self, folder: str) -> None:
        self.qsettings.setValue("handoff/folder", str(folder))


def default_editor_font() -> QFont:
    """A readable proportional font for prose; reporters write sentences, not code."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    return font


def is_dark(theme: str) -> bool:
    """Whether ``theme`` means dark now; "system" asks the platform's colour scheme."""
    if theme == "dark":
        return True
    if theme == "light":
        return False
    app = QGuiApplication.instance()
    if app is None:
        return False
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    window = app.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def apply_theme(theme: str) -> bool:
    """Set the application's colour scheme; returns whether it is dark.

    Qt 6.8+ switches the Fusion palette itself with ``setColorScheme``; "system"
    resets it so the app follows the desktop when the user changes it later.
    """
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = app.styleHints()
    wanted = {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}.get(theme,
                                                                               Qt.ColorScheme.Unknown)
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(wanted)
    return is_dark(theme)
