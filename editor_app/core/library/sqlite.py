"""The library's connection as the stores use it, and sqlite-utils for migrations.

The stores need four things of a connection: ``execute``, ``executescript``,
``atomic`` (a savepoint inside a transaction) and ``table_names``, plus ``conn``.
sqlite-utils' ``Database`` offers them and much more, but importing it costs
50-60 ms of CPU (it imports click, pluggy and dateutil), paid by every process
that opens a library: the window before its first paint, each command, each
worker (#20). So a library is opened through the small ``Database`` below, and
sqlite-utils (``full_database``) is imported only when a migration must run.

sqlite-utils imports numpy when it is installed, only to map numpy values to
column types, which Byline never stores. numpy is installed for the related-news
topic space (#16) and costs about 100 ms to import, so sqlite-utils is shown no
numpy; code that needs numpy imports it as usual, later.
"""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["Database", "full_database", "migrations_class"]


class Database:
    """An autocommit ``sqlite3`` connection with the sqlite-utils calls the stores use.

    The connection is opened with ``isolation_level=None`` (connection.connect), so a
    statement never opens a transaction of its own: ``execute`` is the connection's.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None
                ) -> sqlite3.Cursor:
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def executescript(self, sql: str) -> sqlite3.Cursor:
        return self.full().executescript(sql)

    def table_names(self) -> list[str]:
        return [row[0] for row in
                self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """A savepoint inside the open transaction, else a transaction (as sqlite-utils)."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
            return
        savepoint = f"byline_{secrets.token_hex(8)}"
        self.conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield self
        except BaseException:
            # A failed trigger can end the whole transaction, savepoints included.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")

    def full(self):
        """The same connection as a sqlite-utils ``Database`` (migrations)."""
        return full_database(self.conn)


def full_database(conn: sqlite3.Connection):
    """sqlite-utils' ``Database`` on ``conn``, imported now (without numpy, see above)."""
    FullDatabase = _without_numpy(_database_class)
    # No sqlite-utils plugins: nothing outside Byline hooks into its library
    # connection, and finding them scans every installed package (14 ms a start).
    return FullDatabase(conn, execute_plugins=False)


def migrations_class():
    """sqlite-utils' ``Migrations``, imported now (without numpy, see above)."""
    return _without_numpy(_migrations_class)


# Plain import statements, not importlib: the desktop build's import analysis
# (PyInstaller) follows these and bundles sqlite-utils (#8).
def _database_class():
    from sqlite_utils import Database

    return Database


def _migrations_class():
    from sqlite_utils.migrations import Migrations

    return Migrations


def _without_numpy(load):
    numpy_loaded = "numpy" in sys.modules
    if not numpy_loaded:
        sys.modules["numpy"] = None  # type: ignore[assignment]  # makes `import numpy` fail
    try:
        return load()
    finally:
        if not numpy_loaded:
            del sys.modules["numpy"]
