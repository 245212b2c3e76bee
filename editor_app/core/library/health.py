"""Health of a library file: checks, backups, and changes made by other processes.

Backups and restore (editor_app.core.backups) must check library files that may
be damaged or not even open, and the GUI must notice edits made by another
Byline process; both need a little SQL, and SQL lives only in this package.

``HealthStore`` is a mixin of ``Library``; ``verify_file`` works on a path and
never writes to it.
"""

from __future__ import annotations

import os
import pathlib
import sqlite3

from editor_app.core.errors import LibraryError
from editor_app.core.library.connection import (
    CHANGE_COUNTER_KEY,
    SQLITE_HEADER,
    describe_sqlite_error,
)
from editor_app.core.library.store import StoreBase

# Enough to name the damage without flooding a terminal.
_MAX_PROBLEMS = 10


def _connect_readonly(path: pathlib.Path) -> sqlite3.Connection:
    """Read-only; ``immutable`` when no WAL is beside it, so no -shm/-wal files appear.

    A backup copy keeps the WAL flag of the library in its header; opening it
    plainly would leave empty -wal and -shm files next to every backup.
    """
    wal = path.with_name(path.name + "-wal")
    params = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{params}", uri=True, timeout=10,
                           isolation_level=None)


def verify_file(path: str | pathlib.Path, *, quick: bool = False) -> list[str]:
    """Problems of the SQLite file at ``path``; an empty list means it is sound.

    Opens the file read-only and runs ``PRAGMA integrity_check`` (or ``quick_check``, which skips index cross-checks and is
    several times faster). A file that is not a Byline library is a problem too.
    """
    path = pathlib.Path(path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        return [f"cannot be read ({exc.strerror})"]
    if header != SQLITE_HEADER:
        return ["not an SQLite database (empty, truncated to nothing, or another kind of file)"]
    try:
        conn = _connect_readonly(path)
    except sqlite3.Error as exc:
        return [f"cannot be opened ({describe_sqlite_error(exc)})"]
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}({_MAX_PROBLEMS})")]
        if rows != ["ok"]:
            return [f"integrity: {r}" for r in rows]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:
            return ["an SQLite database, but not a Byline library (no articles table)"]
        conn.execute("SELECT count(*), max(version) FROM articles").fetchone()
        return []
    except sqlite3.DatabaseError as exc:
        return [f"database: {describe_sqlite_error(exc)}"]
    finally:
        conn.close()


def file_summary(path: str | pathlib.Path) -> dict:
    """Counts shown next to a backup in ``byline backups`` (read-only; {} when unreadable)."""
    try:
        conn = _connect_readonly(pathlib.Path(path))
    except sqlite3.Error:
        return {}
    try:
        articles, newest = conn.execute("SELECT count(*), max(updated_at) FROM articles").fetchone()
        schema = conn.execute("PRAGMA user_version").fetchone()[0]
        return {"articles": articles, "newest_edit": newest or "", "schema_version": schema}
    except sqlite3.DatabaseError:
        return {}
    finally:
        conn.close()


#: (library id, schema version, committed writes): equal marks, equal content (#20)
ChangeMark = tuple[str, int, int]

_MARK_SQL = ("SELECT (SELECT uid FROM library_identity WHERE id = 1), "
             "(SELECT value FROM settings WHERE key = ?)")


def _mark(conn, schema: int) -> ChangeMark | None:
    uid, changes = conn.execute(_MARK_SQL, [CHANGE_COUNTER_KEY]).fetchone()
    if not uid or changes is None:
        return None  # made before the counter existed: compare nothing
    return (uid, int(schema), int(changes))


def file_change_mark(path: str | pathlib.Path) -> ChangeMark | None:
    """The change mark of a library file (a backup), read-only; None when unknown."""
    try:
        conn = _connect_readonly(pathlib.Path(path))
    except sqlite3.Error:
        return None
    try:
        return _mark(conn, conn.execute("PRAGMA user_version").fetchone()[0])
    except (sqlite3.DatabaseError, ValueError, TypeError):
        return None
    finally:
        conn.close()


class HealthStore(StoreBase):
    """Mixin of Library: checking and copying the open file; what another process changed."""

    def changed_since(self, updated_at: str, *,
                      inclusive: bool = True) -> list[tuple[int, int, str]]:
        """``(id, version, updated_at)`` of articles updated at or after ``updated_at``.

        Inclusive on purpose: two writes in the same millisecond must both be
        seen; the caller drops rows it already knows by (id, version). Served by
        the ``articles_updated`` index, so polling every second costs nothing.
        ``inclusive=False``: only after it (a poller's first look: the rows at its
        starting point are the library as it found it, perhaps all of them).
        """
        operator = ">=" if inclusive else ">"
        with self._tx.lock:
            return [tuple(r) for r in self.db.execute(
                f"SELECT id, version, updated_at FROM articles WHERE updated_at {operator} ? "
                "ORDER BY updated_at", [updated_at]).fetchall()]

    def existing_article_ids(self, ids) -> set[int]:
        """Which of ``ids`` are still articles (a poller's check for deletions)."""
        ids = list(ids)
        found: set[int] = set()
        with self._tx.lock:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ",".join("?" * len(chunk))
                found |= {r[0] for r in self.db.execute(
                    f"SELECT id FROM articles WHERE id IN ({marks})", chunk)}
        return found

    def article_ids(self) -> set[int]:
        """Every article id: how a poller notices articles deleted elsewhere."""
        with self._tx.lock:
            return {r[0] for r in self.db.execute("SELECT id FROM articles")}

    def newest_update(self) -> str:
        """The newest ``updated_at`` in the library ('' when empty): a poller's starting point."""
        with self._tx.lock:
            row = self.db.execute("SELECT max(updated_at) FROM articles").fetchone()
        return row[0] or ""

    def check(self) -> list[str]:
        """Problems found in the file; an empty list means the library is sound."""
        problems: list[str] = []
        with self._tx.lock:
            try:
                rows = [r[0] for r in self.db.execute("PRAGMA integrity_check")]
                if rows != ["ok"]:
                    problems += [f"integrity: {r}" for r in rows[:20]]
                problems += [f"foreign key: {r[0]} row {r[1]} -> {r[2]}"
                             for r in self.db.execute("PRAGMA foreign_key_check")]
                if not self.read_only:  # FTS5 runs its check as a write
                    self.db.execute("INSERT INTO articles_fts(articles_fts, rank) "
                                    "VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as exc:
                problems.append(f"database: {describe_sqlite_error(exc)}")
            try:
                orphans = self.db.execute(
                    "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                    "(SELECT 1 FROM revisions r WHERE r.article_id = a.id)").fetchone()[0]
                if orphans:
                    problems.append(f"revisions: {orphans} article(s) without any revision")
            except sqlite3.DatabaseError as exc:
                problems.append(f"database: {describe_sqlite_error(exc)}")
        return problems

    def backup(self, target: str | pathlib.Path, *, sync: bool = True) -> None:
        """A consistent copy of the library, safe while others write (SQLite backup API).

        ``sync=False``: not flushed to disk (a snapshot read once and deleted,
        as the chunked backups use it).
        """
        import pathlib

        target = pathlib.Path(target)
        if not target.parent.is_dir():
            raise LibraryError(f"{target}: the folder {target.parent} does not exist")
        if target.exists() and target.resolve() == self.path.resolve():
            raise LibraryError(f"{target}: is the library itself")
        tmp = target.with_name(target.name + ".part")
        try:
            dest = sqlite3.connect(str(tmp))
            with self._tx.lock:
                self.db.conn.backup(dest)
            dest.close()
            # On disk before it gets a backup's name: a crash right after the
            # rename must not leave an empty file counted as a backup.
            if sync:
                with open(tmp, "rb+") as handle:
                    os.fsync(handle.fileno())
            tmp.replace(target)
        except (sqlite3.Error, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise LibraryError(f"{target}: backup failed ({describe_sqlite_error(exc)})") from None

    def change_mark(self) -> ChangeMark | None:
        """Which library, at which schema, after how many committed writes: a backup
        with the same mark holds everything this library holds (None: unknown)."""
        with self._tx.lock:
            try:
                return _mark(self.db.conn,
                             self.db.execute("PRAGMA user_version").fetchone()[0])
            except (sqlite3.DatabaseError, ValueError, TypeError):
                return None

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap polling for outside edits."""
        with self._tx.lock:
            return self.db.execute("PRAGMA data_version").fetchone()[0]
