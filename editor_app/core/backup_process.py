"""The backup taken when the window closes, made in a detached low-priority process (#20).

A newsroom library of 100,000 articles is about 700 MB: a backup of it (a
consistent copy, cut into chunks of which only the changed ones are written,
see core/backup_chunks.py) takes several seconds, and closing the window must
not wait for that. So closing only
asks whether the library changed since the newest backup (one row read in each
file, see ``backups.current_backup``); when it did, it starts this module as a
process of its own session, at the lowest CPU (and, where ``ionice`` exists, idle
I/O) priority, and returns. The process outlives the window, survives the end
of the terminal or session that started Byline, and:

- waits for the backup folder's lock, so two backups never run at once (a quick
  close and reopen and close again queues the second behind the first, which
  then finds the library already backed up and copies nothing);
- copies through SQLite's backup API into a snapshot in the folder, stores it
  as chunks, flushes them to disk and only then writes the backup's manifest: a
  killed or crashed backup leaves at most a snapshot and chunks no manifest
  names, which never count as a backup and which the next backup removes;
- holds the library's in-use lock while it reads, so a restore cannot move the
  file from under it (``byline restore`` waits for the backup, then restores
  from it if need be); the next Byline start opens the library meanwhile
  (SQLite readers never block a writer) and its daily backup skips instead of
  waiting;
- writes why it failed, if it did, to ``<backups folder>/last-backup.log``.

Everything typed is in the library before the copy starts: the window saves
every tab and commits before it closes, and the copy only reads. The app passes
``after_exit``: the copy waits until the app's process has ended, so closing
never shares the disk with it.

Public API::

    back_up_after_close(library, folder=None, keep=DEFAULT_KEEP, *, after_exit=False)
        -> subprocess.Popen | None
    LOG_NAME                      the failure log inside the backup folder
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pathlib
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editor_app.core.backups import (
    DEFAULT_KEEP,
    backup_on_close,
    current_backup,
    default_backup_folder,
    take_backup_lock,
)
from editor_app.core.errors import LibraryError

if TYPE_CHECKING:
    from editor_app.core.library import Library

LOG_NAME = "last-backup.log"
CHILD_FLAG = "--byline-backup"
#: The longest the backup waits for the app to exit before it copies anyway
EXIT_WAIT_S = 60.0
PROJECT_ROOT = pathlib.Path(__file__).resolve().parents[2]
_LOWEST_NICE = 19


def back_up_after_close(library: Library, folder: str | pathlib.Path | None = None,
                        keep: int = DEFAULT_KEEP, *, after_exit: bool = False
                        ) -> subprocess.Popen | None:
    """Start the close backup in a detached process and return at once; None: none needed.

    ``after_exit``: the copy starts only once this process has exited (or
    closed ``process.exit_gate``), so it never competes with the closing window
    for the disk: on ext4 an fsync while 700 MB are being written waits for them.
    When the process cannot be started (no interpreter, no processes left) the
    backup is made here and now instead: slower, never skipped.
    """
    folder = pathlib.Path(folder) if folder is not None else default_backup_folder(library.path)
    try:
        if current_backup(library, folder) is not None:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        log = open(folder / LOG_NAME, "w", encoding="utf-8")  # noqa: SIM115 - the child's
    except (LibraryError, OSError):
        backup_on_close(library, folder, keep)  # reports through last_backup_error
        return None
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p)
    command = [*_program(), str(library.path), "--folder", str(folder), "--keep", str(keep)]
    # Locked here and handed over: from this moment a restore waits for this
    # backup, even before its process has started Python.
    lock_fd = take_backup_lock(folder)
    passed = []
    if lock_fd is not None:
        command += ["--lock-fd", str(lock_fd)]
        passed.append(lock_fd)
    gate_read = gate_write = None
    if after_exit:
        # The child reads its end until end-of-file: the system closes ours when
        # this process ends (ours is not inherited by any other child).
        gate_read, gate_write = os.pipe()
        command += ["--after-exit-fd", str(gate_read)]
        passed.append(gate_read)
    ionice = shutil.which("ionice")
    if ionice:
        command = [ionice, "-c", "3", *command]  # idle I/O class: the desk's reads come first
    try:
        with log:
            process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                                       stdout=subprocess.DEVNULL, stderr=log, close_fds=True,
                                       pass_fds=tuple(passed), start_new_session=True,
                                       cwd=str(folder))
    except OSError:
        process = None
    finally:
        for fd in passed:
            os.close(fd)  # the child holds them now (or there is no child)
    if process is None:
        if gate_write is not None:
            os.close(gate_write)
        backup_on_close(library, folder, keep)
        return None
    process.exit_gate = gate_write  # type: ignore[attr-defined]  # closed at exit
    return process


def _program() -> list[str]:
    """How to start this module: a frozen build re-runs its own binary (see run_if_child)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_FLAG]
    return [sys.executable, "-m", __name__]


def run_if_child() -> None:
    """For frozen builds: called first thing in cli.main(); becomes the backup when asked to."""
    if len(sys.argv) > 1 and sys.argv[1] == CHILD_FLAG:
        raise SystemExit(main(sys.argv[2:]))


def main(argv: list[str] | None = None) -> int:
    """The detached backup: lowest priority, wait for the lock, copy, rename, prune."""
    parser = argparse.ArgumentParser(prog="byline-backup",
                                     description="Back up a Byline library (run by the app).")
    parser.add_argument("library")
    parser.add_argument("--folder", required=True)
    parser.add_argument("--keep", type=int, default=DEFAULT_KEEP)
    parser.add_argument("--lock-fd", type=int, help="the backup lock, taken by the app")
    parser.add_argument("--after-exit-fd", type=int,
                        help="start once this pipe reaches its end (the app has exited)")
    args = parser.parse_args(argv)
    try:
        os.nice(_LOWEST_NICE)
    except OSError:
        pass  # as fast as the others, then
    from editor_app.core import backups
    from editor_app.core.library import Library

    folder = pathlib.Path(args.folder)
    if args.after_exit_fd is not None:
        _wait_for_end(args.after_exit_fd, EXIT_WAIT_S)
    # The lock is held from before the library is opened until after it is
    # closed: a restore waiting for it finds the library free.
    try:
        with _handed_lock(args.lock_fd) if args.lock_fd is not None else backups.backup_lock(folder):
            library = Library.open(args.library, create=False)
            try:
                made = backups.backup_on_close(library, folder, keep=args.keep, lock=False)
            finally:
                library.close()
    except LibraryError as exc:
        print(f"byline: backup skipped: {exc}", file=sys.stderr)
        return 1
    if made is None:
        print(f"byline: backup skipped: {backups.last_backup_error}", file=sys.stderr)
        return 1
    return 0


def _wait_for_end(fd: int, timeout: float) -> None:
    """Block until the pipe ``fd`` reaches end-of-file (its writer exited), or ``timeout``."""
    deadline = time.monotonic() + timeout
    try:
        while (left := deadline - time.monotonic()) > 0:
            readable, _, _ = select.select([fd], [], [], left)
            if readable and not os.read(fd, 4096):
                return
    finally:
        os.close(fd)


@contextlib.contextmanager
def _handed_lock(fd: int) -> Iterator[bool]:
    """The backup lock the app took and passed on; released when the descriptor closes."""
    try:
        yield True
    finally:
        os.close(fd)


if __name__ == "__main__":
    sys.exit(main())
