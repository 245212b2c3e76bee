"""The application's colours: light, dark or the system's, and high contrast when asked.

View ▸ Theme chose only the editor's highlighting before (#17): Qt's
``setColorScheme`` is a wish the platform may ignore (the X11 and offscreen
platforms do), so every window stayed light. An explicit theme therefore sets the
palette itself, with the Fusion style, which draws everything (docks, tables,
tabs, menus) from the palette. "Follow the system" leaves the platform's own
style and palette alone, unless the system asks for high contrast (#20): then a
high-contrast palette of the system's brightness is used. The preview gets the
same darkness through WebEngine's own dark mode, so the page it shows keeps the
export's HTML and CSS.

    dark = apply_theme("dark")        # True when the result is dark
    watch_system(callback)            # the desktop changed scheme or contrast
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

THEMES = ("system", "light", "dark")

#: the platform's own look, kept before Byline first overrides it
_platform: dict[str, object] = {}

_R = QPalette.ColorRole
_G = QPalette.ColorGroup

#: colours per role: (dark, light) for the normal palettes
_NORMAL = {
    _R.Window: ("#2b2d30", "#f2f2f2"),
    _R.WindowText: ("#e4e4e4", "#1d1d1d"),
    _R.Base: ("#1e1f22", "#ffffff"),
    _R.AlternateBase: ("#26282b", "#f5f6f7"),
    _R.ToolTipBase: ("#3c3f41", "#ffffdc"),
    _R.ToolTipText: ("#e4e4e4", "#1d1d1d"),
    _R.PlaceholderText: ("#8c8f93", "#7a7a7a"),
    _R.Text: ("#e4e4e4", "#1d1d1d"),
    _R.Button: ("#35383b", "#e8e8e8"),
    _R.ButtonText: ("#e4e4e4", "#1d1d1d"),
    _R.BrightText: ("#ff6b6b", "#c0392b"),
    _R.Light: ("#45484c", "#ffffff"),
    _R.Midlight: ("#3a3d40", "#e3e3e3"),
    _R.Mid: ("#2f3134", "#b8b8b8"),
    _R.Dark: ("#18191b", "#9f9f9f"),
    _R.Shadow: ("#0d0d0e", "#767676"),
    _R.Highlight: ("#2f65ca", "#3071d9"),
    _R.HighlightedText: ("#ffffff", "#ffffff"),
    _R.Link: ("#78aaff", "#1a5fb4"),
    _R.LinkVisited: ("#c08cff", "#6f3fa8"),
}
#: high contrast: pure black and white, a yellow (dark) or deep blue (light) selection
_HIGH_CONTRAST = {
    _R.Window: ("#000000", "#ffffff"),
    _R.WindowText: ("#ffffff", "#000000"),
    _R.Base: ("#000000", "#ffffff"),
    _R.AlternateBase: ("#101010", "#f0f0f0"),
    _R.ToolTipBase: ("#000000", "#ffffff"),
    _R.ToolTipText: ("#ffffff", "#000000"),
    _R.PlaceholderText: ("#c8c8c8", "#3c3c3c"),
    _R.Text: ("#ffffff", "#000000"),
    _R.Button: ("#000000", "#ffffff"),
    _R.ButtonText: ("#ffffff", "#000000"),
    _R.BrightText: ("#ffff00", "#a00000"),
    _R.Light: ("#ffffff", "#000000"),
    _R.Midlight: ("#ffffff", "#000000"),
    _R.Mid: ("#ffffff", "#000000"),
    _R.Dark: ("#ffffff", "#000000"),
    _R.Shadow: ("#ffffff", "#000000"),
    _R.Highlight: ("#ffff00", "#00007f"),
    _R.HighlightedText: ("#000000", "#ffffff"),
    _R.Link: ("#00ffff", "#0000cc"),
    _R.LinkVisited: ("#ff80ff", "#660099"),
}


def theme_palette(dark: bool, high_contrast: bool = False) -> QPalette:
    """The palette of a theme; disabled widgets are dimmed (not in high contrast)."""
    table = _HIGH_CONTRAST if high_contrast else _NORMAL
    palette = QPalette()
    for role, (on_dark, on_light) in table.items():
        palette.setColor(role, QColor(on_dark if dark else on_light))
    if not high_contrast:
        dim = QColor("#7d8085" if dark else "#9a9a9a")
        for role in (_R.WindowText, _R.Text, _R.ButtonText):
            palette.setColor(_G.Disabled, role, dim)
    return palette


def system_high_contrast() -> bool:
    """Whether the desktop asks applications for high contrast (Qt 6.10+)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = app.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    try:
        return accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    except (AttributeError, RuntimeError):
        return False


def system_is_dark() -> bool:
    """The desktop's own scheme (or, where Qt cannot tell, its palette's brightness)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    palette = _platform.get("palette") or app.palette()
    return palette.color(_R.Window).lightness() < 128


def is_dark(theme: str) -> bool:
    """Whether ``theme`` means dark now; "system" asks the desktop."""
    if theme == "dark":
        return True
    if theme == "light":
        return False
    return system_is_dark()


def apply_theme(theme: str, *, high_contrast: bool | None = None) -> bool:
    """Colour the whole application for ``theme``; returns whether it is dark.

    ``high_contrast`` defaults to the system's wish (tests pass it).
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return False
    contrast = system_high_contrast() if high_contrast is None else high_contrast
    hints = app.styleHints()
    if theme not in ("light", "dark") and not contrast:
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
        if _platform:  # only once Byline has changed the platform's look
            _restore_platform(app)
        return system_is_dark()
    if not _platform:
        # Kept when first overridden: asking for the style before the first paint would
        # cost a start some milliseconds (QStyle's Python enums are made at first use, #20).
        _platform["style"] = app.style().name()
        _platform["palette"] = QPalette(app.palette())
    dark = theme == "dark" or (theme not in ("light", "dark") and system_is_dark())
    if hasattr(hints, "setColorScheme"):  # native dialogs and title bars, where honoured
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(theme_palette(dark, contrast))
    app.setProperty("bylineHighContrast", contrast)
    return dark


def _restore_platform(app) -> None:
    style = str(_platform.get("style") or "")
    if style and app.style().name().lower() != style.lower():
        app.setStyle(style)
    app.setPalette(QPalette(_platform["palette"]))
    app.setProperty("bylineHighContrast", False)


def watch_system(callback) -> None:
    """Call ``callback()`` when the desktop's scheme or contrast wish changes."""
    app = QGuiApplication.instance()
    if app is None:
        return
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda *_: callback())
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        try:
            accessibility().contrastPreferenceChanged.connect(lambda *_: callback())
        except (AttributeError, RuntimeError):
            pass
