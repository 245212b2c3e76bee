"""Opening the library file safely and running every write as one transaction."""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import pathlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator

from editor_app.core.errors import LibraryError
from editor_app.core.library import fulltext
from editor_app.core.library.sqlite import Database

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
# After SQLite's own busy timeout we retry a few times: two processes that both
# hold a read snapshot and want to write can get SQLITE_BUSY without waiting.
BUSY_RETRIES = 5
#: settings row counting the library's committed write transactions: a backup holds
#: the count it was copied at, so "nothing changed since the newest backup" is one
#: comparison, not a copy of the whole file (#20)
CHANGE_COUNTER_KEY = "library.changes"


def utc_now() -> str:
    """Timestamps are UTC ISO 8601 with milliseconds: sortable as text."""
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def read_only_reason(path: pathlib.Path) -> str | None:
    """Why an existing library file cannot be written (None when it can, or is new).

    SQLite opens such a file read-only without a word and fails only at the
    first save; naming the cause up front lets that failure say what to fix.
    The folder matters too: WAL mode creates -wal and -shm files beside the file.
    """
    if not path.exists():
        return None
    if _on_read_only_mount(path):
        return "the file system is read-only"
    if not os.access(path, os.W_OK):
        return "the file is not writable"
    if not os.access(path.parent, os.W_OK):
        return f"the folder {path.parent} is not writable"
    return None


def _on_read_only_mount(path: pathlib.Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


def check_library_path(path: pathlib.Path, *, writable: bool = False) -> str | None:
    """Refuse paths that cannot hold a library, before SQLite makes a confusing error.

    Returns why an existing library is read-only (None when it is writable).
    That is not refused here unless ``writable`` is asked for: listing,
    showing or backing up a library on a read-only share still works, and the
    first write then fails with this reason (see ``Transactions``).
    """
    parent = path.parent
    if path.is_dir():
        raise LibraryError(f"{path}: is a folder, not a library file")
    if not parent.is_dir():
        raise LibraryError(f"{path}: the folder {parent} does not exist")
    if path.exists():
        if not os.access(path, os.R_OK):
            raise LibraryError(f"{path}: cannot be read (permission denied)")
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        if header and header != SQLITE_HEADER:
            raise LibraryError(f"{path}: is not a Byline library (not an SQLite database)")
        reason = read_only_reason(path)
        if reason and writable:
            raise LibraryError(f"{path}: the library is read-only ({reason})")
        return reason
    if not os.access(parent, os.W_OK):
        raise LibraryError(f"{path}: cannot create the library, the folder {parent} is not writable")
    return None


def connect(path: pathlib.Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are opened explicitly.

    ``readonly`` also covers a file that cannot be written: no journal-mode
    switch is attempted (it would fail), SQLite falls back to reading.
    """
    conn = None
    try:
        if readonly:
            # On a read-only mount no -shm file can be made and nobody can write
            # either, so the file is opened as immutable (no locking, no -shm).
            params = "mode=ro&immutable=1" if _on_read_only_mount(path) else "mode=ro"
            uri = f"{pathlib.Path(path).resolve().as_uri()}?{params}"
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                conn.execute("PRAGMA journal_mode = DELETE")
            # NORMAL in WAL mode is durable against process kills (the WAL is
            # written before COMMIT returns); only power loss can lose the tail.
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        fulltext.register(conn)  # the search index's triggers call it (fulltext.py)
    except sqlite3.DatabaseError as exc:
        if conn is not None:  # a check after connecting failed: do not leak the handle
            conn.close()
        raise LibraryError(f"{path}: cannot open the library ({describe_sqlite_error(exc)})") from None
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return conn


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid the INSERT just run on ``cursor`` gave its row (never None after an INSERT)."""
    rowid = cursor.lastrowid
    assert rowid is not None, "no row was inserted"
    return rowid


def describe_sqlite_error(exc: BaseException) -> str:
    """Turn SQLite's terse messages into something a newsroom can act on."""
    text = str(exc)
    lower = text.lower()
    if "database or disk is full" in lower or "disk i/o" in lower:
        return "the disk is full or cannot be written"
    if "readonly" in lower or "read-only" in lower:
        return "the library is read-only"
    if "not a database" in lower or "malformed" in lower or "corrupt" in lower:
        return "the file is damaged or not a library; restore a backup (byline restore)"
    if "locked" in lower or "busy" in lower:
        return "the library is busy in another program; try again"
    return text


def file_identity(path: str | os.PathLike) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``: changes when another file is put there."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


class Transactions:
    """Serialises access to one connection and runs writes as IMMEDIATE transactions."""

    def __init__(self, db: Database, path: pathlib.Path, *, read_only: str | None = None,
                 identity: tuple[int, int] | None = None):
        self.db = db
        self.path = path
        # Why the library cannot be written (None when it can): checked before
        # each write so the message names the cause, not SQLite's "readonly".
        self.read_only = read_only
        # The file this connection opened; a write checks it is still the one at
        # ``path`` (a restore or a file manager can put another file there).
        self.identity = identity
        self._abs_path = os.path.abspath(path)
        self.lock = threading.RLock()

    def check_same_file(self) -> str | None:
        """Why writes must stop because the library file was replaced, or None."""
        if self.identity is None:
            return None
        now = file_identity(self._abs_path)
        if now == self.identity:
            return None
        what = "moved away or deleted" if now is None else "replaced by another file"
        reason = (f"{self.path}: the library file was {what} while it was open (a restore?); "
                  "nothing more is saved into the old file: reopen the library")
        self.read_only = reason
        return reason

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """One transaction for one logical change; nested calls become savepoints.

        BEGIN IMMEDIATE takes the write lock up front, so two processes never
        deadlock upgrading a read lock, and SQLite's busy timeout applies.
        """
        with self.lock:
            conn = self.db.conn
            if conn.in_transaction:
                with self.db.atomic():
                    yield self.db
                return
            replaced = self.check_same_file()
            if replaced:
                raise LibraryError(replaced)
            if self.read_only:
                raise LibraryError(f"{self.path}: could not save, the library is read-only "
                                   f"({self.read_only})")
            self._begin(conn)
            changes_before = conn.total_changes
            try:
                yield self.db
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise LibraryError(f"{self.path}: could not save ({describe_sqlite_error(exc)})") from None
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            try:
                if conn.total_changes != changes_before:  # a snapshot skipped writes nothing
                    _count_change(conn)
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise LibraryError(f"{self.path}: could not save ({describe_sqlite_error(exc)})") from None

    def _begin(self, conn: sqlite3.Connection) -> None:
        for attempt in range(BUSY_RETRIES + 1):
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                    if attempt < BUSY_RETRIES:
                        time.sleep(0.05 * (attempt + 1))
                        continue
                raise LibraryError(f"{self.path}: could not save ({describe_sqlite_error(exc)})") from None

    def read(self, fn: Callable[[Database], object]) -> object:
        with self.lock:
            return fn(self.db)


def _count_change(conn: sqlite3.Connection) -> None:
    """Add one to the library's change counter, inside the transaction being committed."""
    try:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT(key) "
                     "DO UPDATE SET value = CAST(value AS INTEGER) + 1", [CHANGE_COUNTER_KEY])
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):  # a library being created has no settings yet
            raise
