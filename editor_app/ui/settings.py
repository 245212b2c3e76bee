"""The one place the GUI reads and writes its preferences (QSettings).

Keys live here and nowhere else, so renaming one cannot leave a stale reader
behind.  Values are validated on the way out: a settings file edited by hand or
written by an older Byline must not stop the window from opening.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette

THEMES = ("system", "light", "dark")


class ViewMode(enum.Enum):
    """How an open article shows (View ▸ Editor Only / Side by Side / Preview Only, #20)."""

    EDITOR = "editor"
    SIDE_BY_SIDE = "side-by-side"
    PREVIEW = "preview"


#: editor and preview side by side each keep at least a third of the article's width
MIN_SPLIT, MAX_SPLIT = 1 / 3, 2 / 3


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

    def save_window(self, *, geometry: QByteArray, state: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)

    # -- editor and preview (#20) ----------------------------------------------
    def view_mode(self) -> ViewMode:
        """Editor only, side by side (the default) or preview only."""
        try:
            return ViewMode(str(self.qsettings.value("editor/view_mode", ViewMode.SIDE_BY_SIDE.value)))
        except ValueError:
            return ViewMode.SIDE_BY_SIDE

    def set_view_mode(self, mode: ViewMode) -> None:
        self.qsettings.setValue("editor/view_mode", mode.value)

    def split_ratio(self) -> float:
        """The editor's share of editor + preview, side by side. Always between a third
        and two thirds: a saved layout never brings back a hidden or sliver preview
        (the old "editor/splitter" state, which could, is no longer read)."""
        try:
            ratio = float(self.qsettings.value("editor/split_ratio", 0.5))
        except (TypeError, ValueError):
            return 0.5
        if ratio != ratio:  # NaN
            return 0.5
        return min(MAX_SPLIT, max(MIN_SPLIT, ratio))

    def set_split_ratio(self, ratio: float) -> None:
        self.qsettings.setValue("editor/split_ratio", min(MAX_SPLIT, max(MIN_SPLIT, float(ratio))))

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


def wants_high_contrast() -> bool:
    """Whether the desktop asks applications for high contrast (Qt 6.10+ reads it)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    return app.styleHints().accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def high_contrast_palette(dark: bool) -> QPalette:
    """Black on white (or white on black) with a strong highlight and visible disabled text.

    Fusion's own palettes keep grey-on-grey frames and placeholders that people who
    asked their desktop for high contrast cannot read.
    """
    ink, paper = (QColor("white"), QColor("black")) if dark else (QColor("black"), QColor("white"))
    highlight = QColor("#ffd500") if dark else QColor("#0000b4")
    highlighted_text = QColor("black") if dark else QColor("white")
    link = QColor("#8cc8ff") if dark else QColor("#0000c8")
    palette = QPalette()
    role = QPalette.ColorRole
    for which in (role.Window, role.Base, role.AlternateBase, role.Button, role.ToolTipBase):
        palette.setColor(which, paper)
    for which in (role.WindowText, role.Text, role.ButtonText, role.ToolTipText, role.BrightText,
                  role.PlaceholderText, role.Light, role.Dark, role.Mid, role.Shadow):
        palette.setColor(which, ink)
    palette.setColor(role.Highlight, highlight)
    palette.setColor(role.HighlightedText, highlighted_text)
    palette.setColor(role.Link, link)
    palette.setColor(role.LinkVisited, link)
    grey = QColor("#b0b0b0") if dark else QColor("#505050")  # still 7:1 on the paper
    for which in (role.WindowText, role.Text, role.ButtonText, role.PlaceholderText):
        palette.setColor(QPalette.ColorGroup.Disabled, which, grey)
    return palette


def apply_theme(theme: str) -> bool:
    """Set the application's colour scheme; returns whether it is dark.

    Qt 6.8+ switches the Fusion palette itself with ``setColorScheme``; "system"
    resets it so the app follows the desktop when the user changes it later, and
    takes the desktop's high-contrast setting too (#20).
    """
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = app.styleHints()
    wanted = {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}.get(theme,
                                                                               Qt.ColorScheme.Unknown)
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(wanted)
    dark = is_dark(theme)
    if theme == "system" and wants_high_contrast():
        app.setPalette(high_contrast_palette(dark))
    elif app.property("bylineHighContrast"):
        app.setPalette(QPalette())  # back to the style's own palette
    app.setProperty("bylineHighContrast", theme == "system" and wants_high_contrast())
    return dark
