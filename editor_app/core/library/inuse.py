"""Who is using a library file, so that a restore never pulls it from under them.

Every Byline process that opens a library (the GUI, each command, every worker
connection) holds a *shared* lock on ``<library>.lock`` for as long as it has
it open.  A restore takes the same lock *exclusively*: it gets it only when no
Byline has the library open, and while it holds it a Byline that starts waits
instead of opening the file about to be moved aside.  Other programs (the
``sqlite3`` shell, a database browser) know nothing of that lock, so a restore
also asks SQLite's own: every connection to a WAL library read-locks one byte of
its ``-shm`` file while it is open.

The last one to let go of the lock file removes it, so nothing is left beside a
library nobody has open.  That is safe because a lock counts only when, once
taken, the descriptor still is the file at the lock path (checked by inode):
whoever locked a file that was removed meanwhile simply tries again.  Locks are
``flock`` locks, released by the operating system when a process dies, so a crash
never leaves a library locked.  On systems without ``fcntl`` (Windows) no lock
is taken.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import time
from collections.abc import Iterator

from editor_app.core.errors import LibraryError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".lock"
#: The byte of the -shm file each SQLite connection read-locks while it is open
#: (the unix VFS's "DMS" lock: UNIX_SHM_BASE 120 + SQLITE_SHM_NLOCK 8).
SQLITE_SHM_DMS_BYTE = 128
POLL_S = 0.05


def lock_path(library_path: str | os.PathLike) -> pathlib.Path:
    path = pathlib.Path(library_path)
    return path.with_name(path.name + LOCK_SUFFIX)


class Hold:
    """A hold on a library's lock file, released by ``release()`` (or when the process ends)."""

    def __init__(self, fd: int, path: pathlib.Path):
        self._fd: int | None = fd
        self._path = path

    def release(self) -> None:
        """Let go; the last holder (the one that can lock it alone) removes the lock file."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if _is_current(fd, self._path):
                self._path.unlink(missing_ok=True)
        except OSError:
            pass  # someone else still holds it: they remove it
        finally:
            os.close(fd)  # closing the descriptor drops its flock


def _is_current(fd: int, path: pathlib.Path) -> bool:
    """Whether the locked descriptor is still the file at ``path`` (not a removed one)."""
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _acquire(library_path: str | os.PathLike, mode: int, *, timeout: float) -> Hold | None:
    """Lock ``<library>.lock`` with ``mode``; None when locking is impossible here.

    Raises BlockingIOError when another process holds a conflicting lock for
    longer than ``timeout`` seconds.
    """
    if fcntl is None:
        return None
    path = lock_path(library_path)
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError:
            return None  # a read-only folder: nobody can restore over this library either
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise
            time.sleep(POLL_S)
            continue
        except OSError:
            os.close(fd)
            return None  # a file system without locks: work as before
        if _is_current(fd, path):
            return Hold(fd, path)
        os.close(fd)  # its last holder removed it meanwhile: lock the new one


def hold_shared(library_path: str | os.PathLike, *, timeout: float = 10.0) -> Hold | None:
    """Mark the library as in use by this process; waits up to ``timeout`` s for a restore.

    Returns None where no lock can be taken (no fcntl, a read-only folder).
    """
    try:
        return _acquire(library_path, fcntl.LOCK_SH if fcntl else 0, timeout=timeout)
    except BlockingIOError:
        raise LibraryError(f"{library_path}: a backup is being restored over this library; "
                           "try again when the restore has finished") from None


@contextlib.contextmanager
def exclusive(library_path: str | os.PathLike) -> Iterator[None]:
    """Hold the library alone (for a restore), or raise LibraryError saying it is in use.

    Must not be called by a process that has the library open through SQLite
    outside Byline: closing the descriptor used to test SQLite's lock drops every
    POSIX lock this process holds on the -shm file.
    """
    try:
        hold = _acquire(library_path, fcntl.LOCK_EX if fcntl else 0, timeout=0)
    except BlockingIOError:
        raise LibraryError(f"{library_path}: the library is in use by Byline (the app or a "
                           "command); close it first, then restore") from None
    try:
        if open_in_sqlite(library_path):
            raise LibraryError(f"{library_path}: the library is in use by another program "
                               "(SQLite has it open); close it first, then restore")
        yield
    finally:
        if hold is not None:
            hold.release()


def open_in_sqlite(library_path: str | os.PathLike) -> bool:
    """Whether another process has the (WAL-mode) library open through SQLite."""
    if fcntl is None:
        return False
    shm = pathlib.Path(f"{library_path}-shm")
    try:
        fd = os.open(shm, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False  # no -shm file: no open WAL connection (or none we could see)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SQLITE_SHM_DMS_BYTE)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, SQLITE_SHM_DMS_BYTE)
        return False
    finally:
        os.close(fd)
