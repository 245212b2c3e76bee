"""The library's newsroom-server settings: which server, this laptop's name, auto-sync (#15).

Apart from the sync engine (``core.server.sync``) because the window reads them at
every start to decide whether there is a server at all: importing the engine for
that (merge, wire format, registers) cost about 100 ms of CPU after the first paint
on every laptop, with or without a server (#20).
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

from editor_app.core.samples import LOCAL_ONLY_SETTING

if TYPE_CHECKING:
    from editor_app.core.library import Library

DSN_SETTING = "server.dsn"
LAPTOP_SETTING = "server.laptop_name"
AUTO_SYNC_SETTING = "server.auto_sync"


def laptop_name(library: Library) -> str:
    """How this laptop is named in the newsroom's history (a setting, else the host name)."""
    name = library.get_setting(LAPTOP_SETTING)
    if isinstance(name, str) and name.strip():
        return name.strip()[:100]
    try:
        return socket.gethostname()[:100]
    except OSError:
        return "laptop"


def set_laptop_name(library: Library, name: str) -> None:
    library.set_setting(LAPTOP_SETTING, " ".join(str(name).split())[:100])


def auto_sync_enabled(library: Library) -> bool:
    """Whether the GUI syncs in the background (on unless switched off)."""
    return library.get_setting(AUTO_SYNC_SETTING, True) is not False


def set_auto_sync(library: Library, enabled: bool) -> None:
    library.set_setting(AUTO_SYNC_SETTING, bool(enabled))


def server_dsn(library: Library) -> str | None:
    """The server this library syncs with (stored without a password), or None."""
    value = library.get_setting(DSN_SETTING)
    return value if isinstance(value, str) and value.strip() else None


def set_server_dsn(library: Library, dsn: str | None) -> None:
    """Remember (or forget, with None) the library's server; the password is never stored."""
    from editor_app.core.server.connection import strip_password

    library.set_setting(DSN_SETTING, strip_password(dsn) if dsn else "")


def local_only(library: Library) -> set[str]:
    """Slugs of the articles that never leave this laptop (the samples, for one)."""
    value = library.get_setting(LOCAL_ONLY_SETTING) or []
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()
