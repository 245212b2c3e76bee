"""Library-wide settings: they travel with the file (site URL, house style)."""

from __future__ import annotations

import json
from typing import Any

from editor_app.core.library.store import StoreBase


class SettingsStore(StoreBase):
    """Mixin of Library: the settings table."""

    def get_setting(self, key: str, default: Any = None) -> Any:
        """Library-wide settings (site URL, house date format): they travel with the file."""
        with self._tx.lock:
            row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: object) -> None:
        with self._tx.write() as db:
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       [key, json.dumps(value, ensure_ascii=False)])
