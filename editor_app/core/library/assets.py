"""Images of articles, stored once under their sha256 (whichever article uses them)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from editor_app.core.errors import InputError, NotFoundError
from editor_app.core.library.connection import utc_now
from editor_app.core.library.store import StoreBase

ASSET_MAX_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True)
class Asset:
    sha256: str
    name: str
    mime: str
    data: bytes


class AssetStore(StoreBase):
    """Mixin of Library: the images."""

    def add_asset(self, data: bytes, *, name: str = "", mime: str = "application/octet-stream") -> str:
        """Store an image once, under its sha256; returns the hash."""
        if not data:
            raise InputError(f"{name or 'asset'}: the file is empty")
        if len(data) > ASSET_MAX_BYTES:
            raise InputError(f"{name or 'asset'}: larger than {ASSET_MAX_BYTES // (1024 * 1024)} MB")
        digest = hashlib.sha256(data).hexdigest()
        with self._tx.write() as db:
            db.execute("INSERT OR IGNORE INTO assets (sha256, name, mime, data, size, created_at)"
                       " VALUES (?, ?, ?, ?, ?, ?)", [digest, name, mime, data, len(data), utc_now()])
        return digest

    def get_asset(self, sha256: str) -> Asset:
        with self._tx.lock:
            row = self.db.execute("SELECT sha256, name, mime, data FROM assets WHERE sha256 = ?",
                                  [sha256]).fetchone()
        if row is None:
            raise NotFoundError(f"image {sha256[:12]}… is not in the library")
        return Asset(row[0], row[1], row[2], bytes(row[3]))

    def has_asset(self, sha256: str) -> bool:
        with self._tx.lock:
            return self.db.execute("SELECT 1 FROM assets WHERE sha256 = ?", [sha256]).fetchone() is not None

    def asset_data(self, sha256: str) -> bytes | None:
        with self._tx.lock:
            row = self.db.execute("SELECT data FROM assets WHERE sha256 = ?", [sha256]).fetchone()
        return bytes(row[0]) if row else None

    def asset_for_exchange(self, sha256: str) -> tuple[bytes, str, str] | None:
        """``(data, name, mime)`` of an image, or None when the library lacks it."""
        with self._tx.lock:
            row = self.db.execute("SELECT data, name, mime FROM assets WHERE sha256 = ?",
                                  [sha256]).fetchone()
        return (bytes(row[0]), row[1], row[2]) if row else None

    def missing_assets(self, names: list[str]) -> list[str]:
        """Which ``<sha256>.<ext>`` names have no image stored in the library, in order."""
        missing = []
        with self._tx.lock:
            for name in names:
                digest = name.split(".", 1)[0]
                if self.db.execute("SELECT 1 FROM assets WHERE sha256 = ?", [digest]).fetchone() is None:
                    missing.append(name)
        return missing
