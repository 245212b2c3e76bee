"""Who is at the keyboard: the person's name and role, kept in the user's own settings.

The name goes into the trail, the byline of a new article and every record this
laptop makes; the role decides which workflow moves are offered. Both belong to
the person, not to a library file: a library travels (a copy on a USB stick, a
restored backup) and must not carry one person's role to another. So they live in
a small JSON file in the user's configuration folder (``identity.json`` under
platformdirs' ``user_config_dir``; ``~/.config/byline/`` on Linux), read by the GUI
and the command line alike. ``--as ROLE`` on a command still overrides the role for
that command only.

Libraries made before this file existed kept ``user.name`` and ``user.role`` as
library settings; the first read finds no file and takes those as its initial
values (written to the file once, never read from the library again).

A process that acts for somebody else on one library object (a test with two
laptops in one process, a benchmark's simulated newsroom) sets
``library.acting_as = Identity(...)``; nothing else reads or writes the person.

    load_identity(library=None) -> Identity        the person (the library only for the above)
    save_identity(Identity(name, role))            Preferences and the first-run dialog
    identity_is_set() -> bool                      False until someone said who they are
"""

from __future__ import annotations

import getpass
import json
import os
import pathlib
import tempfile
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor_app.core.errors import InputError
from editor_app.core.models import Role
from editor_app.core.text import check_clean_text

if TYPE_CHECKING:
    from editor_app.core.library import Library

FILE_NAME = "identity.json"
#: the library settings of libraries made before the identity file (read once, to migrate)
LEGACY_NAME_SETTING = "user.name"
LEGACY_ROLE_SETTING = "user.role"
NAME_MAX = 120
DEFAULT_ROLE = Role.REPORTER


@dataclass(frozen=True)
class Identity:
    """A person: the name printed in bylines and the trail, and the workflow role."""

    name: str = ""
    role: Role = DEFAULT_ROLE

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", Role.parse(self.role))
        object.__setattr__(self, "name", clean_name(self.name))

    @property
    def trail_name(self) -> str:
        """The name the trail records: the person's, else the login name (never empty)."""
        return self.name or login_name()

    def as_dict(self) -> dict:
        return {"name": self.name, "role": self.role.value}


def clean_name(name) -> str:
    """A person's name as stored: one line, no control characters, at most NAME_MAX."""
    text = check_clean_text(str(name or ""), "name").strip()
    if len(text) > NAME_MAX:
        raise InputError(f"name: longer than {NAME_MAX} characters")
    return text


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment (a container, a service)
        return ""


def config_dir() -> pathlib.Path:
    """The user's Byline configuration folder (read at every call: tests move XDG_CONFIG_HOME)."""
    import platformdirs

    return pathlib.Path(platformdirs.user_config_dir("byline", appauthor=False))


def identity_path() -> pathlib.Path:
    return config_dir() / FILE_NAME


# The file is read by every status change and record; a stat is cheaper than a parse.
_cache: dict[pathlib.Path, tuple[tuple[int, int], Identity]] = {}
_cache_lock = threading.Lock()


def _read(path: pathlib.Path) -> Identity | None:
    """The identity stored at ``path``; None when there is none (or it is unreadable).

    A file damaged by hand must not stop Byline: it counts as not set, and the next
    save writes a good one.
    """
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        cached = _cache.get(path)
    if cached is not None and cached[0] == key:
        return cached[1]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        identity = Identity(name=str(data.get("name", "")), role=data.get("role") or DEFAULT_ROLE)
    except (OSError, ValueError, AttributeError, InputError):
        return None
    with _cache_lock:
        _cache[path] = (key, identity)
    return identity


def identity_is_set(path: pathlib.Path | None = None) -> bool:
    """Whether the person has said who they are (the first launch asks when not)."""
    return _read(path or identity_path()) is not None


def save_identity(identity: Identity, path: pathlib.Path | None = None) -> Identity:
    """Store the person's name and role (atomically: a crash leaves the old file or the new)."""
    path = path or identity_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".identity-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(identity.as_dict(), out, ensure_ascii=False, indent=2)
                out.write("\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            pathlib.Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InputError(f"{path}: cannot save your name and role ({exc.strerror or exc})") from None
    with _cache_lock:
        _cache.pop(path, None)
    return identity


def _legacy(library: Library) -> Identity | None:
    """``user.name`` / ``user.role`` of a library made before the identity file, if any."""
    try:
        name = library.get_setting(LEGACY_NAME_SETTING)
        role = library.get_setting(LEGACY_ROLE_SETTING)
    except Exception:  # a library that cannot be read now: nothing to migrate
        return None
    if not name and not role:
        return None
    try:
        return Identity(name=name if isinstance(name, str) else "",
                        role=role if isinstance(role, str) and role else DEFAULT_ROLE)
    except InputError:
        return Identity(name=name if isinstance(name, str) else "")


def load_identity(library: Library | None = None, path: pathlib.Path | None = None) -> Identity:
    """The person at the keyboard.

    ``library``: the library being worked on; it matters only when a process acts for
    somebody else on it (``library.acting_as``) or, once, to migrate an old library's
    settings when the user has no identity file yet.
    """
    acting = getattr(library, "acting_as", None) if library is not None else None
    if acting is not None:
        return acting
    path = path or identity_path()
    stored = _read(path)
    if stored is not None:
        return stored
    legacy = _legacy(library) if library is not None else None
    if legacy is not None:
        try:
            return save_identity(legacy, path)
        except InputError:
            return legacy  # a read-only home: use the values without keeping them
    return Identity()
