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

from sqlite_utils import Database

from editor_app.core.errors import LibraryError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
# After SQLite's own busy timeout we retry a few times: two processes that both
# hold a read snapshot and want to write can get SQLITE_BUSY without waiting.
BUSY_RETRIES = 5


def utc_now() -> str:
    """Timestamps are UTC ISO 8601 with milliseconds: sortable as text."""
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def check_library_path(path: pathlib.Path) -> None:
    """Refuse paths that cannot hold a library, before SQLite makes a confusing error."""
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
    elif not os.access(parent, os.W_OK):
        raise LibraryError(f"{path}: cannot create the library, the folder {parent} is not writable")


def connect(path: pathlib.Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are opened explicitly."""
    try:
        if readonly:
            uri = f"file:{path}?mode=ro"
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
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{path}: cannot open the library ({describe_sqlite_error(exc)})") from None
    return conn


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


class Transactions:
    """Serialises access to one connection and runs writes as IMMEDIATE transactions."""

    def __init__(self, db: Database, path: pathlib.Path):
        self.db = db
        self.path = path
        self.lock = threading.RLock()

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
            self._begin(conn)
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
