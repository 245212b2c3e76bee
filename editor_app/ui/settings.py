"""The one place the GUI reads and writes its preferences (QSettings).

Keys live here and nowhere else, so renaming one cannot leave a stale reader
behind.  Values are validated on the way out: a settings file edited by hand or
written by an older Byline must not stop the window from opening.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QFont, QFontDatabase

from editor_app.ui.theme import THEMES

#: the interface languages one can choose; the translations come with a later release
INTERFACE_LANGUAGES = (("", "System default"), ("en", "English"), ("lt", "Lietuvių"))
#: a revision kept every this many minutes of editing (Preferences ▸ Saving)
REVISION_MINUTES = (1, 60, 5)  # least, most, default


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


    # -- interface language (takes effect at the next start) --------------------
    def interface_language(self) -> str:
        """"" (the system's), "en" or "lt"."""
        value = str(self.qsettings.value("appearance/language", "") or "")
        return value if value in dict(INTERFACE_LANGUAGES) else ""

    def set_interface_language(self, code: str) -> None:
        if code not in dict(INTERFACE_LANGUAGES):
            raise ValueError(f"interface language must be one of {list(dict(INTERFACE_LANGUAGES))}")
        self.qsettings.setValue("appearance/language", code)

    # -- spelling --------------------------------------------------------------
    def check_spelling(self) -> bool:
        """Spell-check as you type in newly opened articles (Tools ▸ Check Spelling per tab)."""
        return _bool(self.qsettings.value("spelling/as_you_type", True))

    def set_check_spelling(self, on: bool) -> None:
        self.qsettings.setValue("spelling/as_you_type", bool(on))

    # -- saving ----------------------------------------------------------------
    def revision_minutes(self) -> int:
        """Minutes of editing between the revisions autosave keeps (typing itself is
        saved within a second, always)."""
        least, most, default = REVISION_MINUTES
        try:
            value = int(self.qsettings.value("editor/revision_minutes", default))
        except (TypeError, ValueError):
            return default
        return value if least <= value <= most else default

    def set_revision_minutes(self, minutes: int) -> None:
        least, most, _default = REVISION_MINUTES
        self.qsettings.setValue("editor/revision_minutes", max(least, min(most, int(minutes))))


def _bool(value) -> bool:
    """QSettings' ini files give back "true"/"false" strings."""
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "0", "no", "")
    return bool(value)


def default_editor_font() -> QFont:
    """A readable proportional font for prose; reporters write sentences, not code."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    return font
