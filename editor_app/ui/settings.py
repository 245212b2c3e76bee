"""The one place the GUI reads and writes its preferences (QSettings).

Keys live here and nowhere else, so renaming one cannot leave a stale reader
behind.  Values are validated on the way out: a settings file edited by hand or
written by an older Byline must not stop the window from opening.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings
from PySide6.QtGui import QFont, QFontDatabase

from editor_app.ui.theme import THEMES

#: the interface languages one can choose (resources/translations, #18), each named in
#: itself; "" follows the system's locale (translated where shown: "Settings" context)
INTERFACE_LANGUAGES = (("", QT_TRANSLATE_NOOP("Settings", "System default")),
                       ("en", "English"), ("lt", "Lietuvių"))
#: a revision kept every this many minutes of editing (Preferences ▸ Saving)
REVISION_MINUTES = (1, 60, 5)  # least, most, default


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

    # -- hand-off files (#14) -------------------------------------------------
    def handoff_folder(self) -> str:
        """Where the last hand-off file was written or read ("" before the first)."""
        value = self.qsettings.value("handoff/folder", "")
        return value if isinstance(value, str) else ""

    def set_handoff_folder(self, folder: str) -> None:
        self.qsettings.setValue("handoff/folder", str(folder))

    # -- interface language (read once at start: ui/translations) -----------------
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
