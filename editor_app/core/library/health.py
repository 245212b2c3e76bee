"""Health of a library file: deep verification, and changes made by other processes.

Backups and restore (editor_app.core.backups) must check library files that may
be damaged or not even open, and the GUI must notice edits made by another
Byline process; both need a little SQL, and SQL lives only in this package.

``HealthStore`` is a mixin of ``Library``; ``verify_file`` works on a path and
never writes to it.
"""

from __future__ import annotations

import pathlib
import sqlite3

from editor_app.core.library.connection import SQLITE_HEADER, describe_sqlite_error

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


class HealthStore:
    """Mixin of Library: what another process changed, for the GUI's poller."""

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
