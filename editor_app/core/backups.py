"""Rolling backups of the library, and restoring the newest good one.

Lost work is the complaint newsrooms have about editors; a crash-safe file is
not enough when a disk or a sync tool damages it. So Byline keeps a rolling set
of consistent copies (the SQLite backup API, safe while another process writes)
in ``<library>.backups/`` next to the library: one at most daily while the app
runs and one when it closes (made after the window closed, in a detached
process: core/backup_process.py), ``keep`` of them at most. One backup at a time
writes into a folder (``backup_lock``, an flock on the folder), and a backup's
manifest is written only once its chunks are on disk, so a killed backup never
counts as one.

Each backup is the consistent copy cut into chunks shared between backups
(core/backup_chunks.py): the copy is made into ``<name>.byline.snapshot`` in the
folder, verified, stored as the chunks the store lacks plus a small manifest
(``<name>.backup.json``, written last), and deleted. The first backup of a
newsroom's 100,000 articles takes about 700 MB; each later one only the chunks
its changes touched, so ten backups no longer take ten times the library's size.
Whole-copy backups made before (``<name>.byline``) are still listed, counted,
pruned and restored. Closing makes a backup only when the library
changed since the newest backup: every committed write counts one in the library
(``Library.change_mark``) and a backup holds the count it was copied at, so an
unchanged library closes at once and the set is not filled with identical copies
(#20).

Restoring never deletes anything: the damaged file (and its -wal/-shm, which
must not be replayed onto the restored copy) is moved aside as
``<name>.damaged-<timestamp>``, each candidate is verified with ``PRAGMA
integrity_check`` before it is used, and the copy is renamed into place
atomically.

Public API::

    default_backup_folder(library_path) -> Path
    make_backup(library, folder=None, *, keep=DEFAULT_KEEP, verify=True) -> Path
    maybe_daily_backup(library, folder=None, keep=DEFAULT_KEEP, *, now=None) -> Path | None
    backup_on_close(library, folder=None, keep=DEFAULT_KEEP, *, lock=True) -> Path | None
    backup_change_mark(path) -> ChangeMark | None       the change mark a backup holds
    backup_lock(folder, *, wait=True)   context manager: one backup at a time per folder
    take_backup_lock(folder) -> int | None              the lock as a descriptor to hand on
    current_backup(library, folder=None) -> Path | None  the newest, if it holds every change
    backups_cost(library_path, keep) -> BackupsCost     disk the rolling set takes
    list_backups(folder) -> list[BackupInfo]            newest first
    detect_damage(library_path) -> str | None           cheap check before opening
    restore_newest_good(library_path, folder=None, *, source=None, force=False) -> RestoreResult
    extract_backup(backup, target) -> Path              a backup's library as a file of its own
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import pathlib
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor_app.core import backup_chunks as chunks
from editor_app.core.errors import InputError, LibraryError
from editor_app.core.library import inuse
from editor_app.core.library.connection import SQLITE_HEADER
from editor_app.core.library.health import file_change_mark, file_summary, verify_file

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, as in inuse
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from editor_app.core.library import Library

DEFAULT_KEEP = 10
DAILY = _dt.timedelta(hours=24)
BACKUP_SUFFIX = ".byline"
# <stem>-20240502T101500123456Z.byline: sortable by name, unique to the microsecond.
_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
MANIFEST_SUFFIX = chunks.MANIFEST_SUFFIX
_STAMP = re.compile(r"-(\d{8}T\d{12}Z)(?:-\d+)?(?:\.byline|\.backup\.json)$")
#: BackupInfo.kind: chunks shared with other backups, or (made before) a whole copy
CHUNKED, WHOLE_COPY = "chunks", "copy"
_WAL_SIDECARS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class BackupInfo:
    path: pathlib.Path  # the manifest (chunked) or the copy itself (whole copy)
    created: _dt.datetime  # UTC, from the file name (mtime can be changed by copying)
    size: int  # bytes of the library it holds (0: its manifest cannot be read)
    kind: str = WHOLE_COPY

    def as_dict(self) -> dict:
        return {"path": str(self.path), "created": self.created.isoformat().replace("+00:00", "Z"),
                "size": self.size, "kind": self.kind}


@dataclass
class RestoreResult:
    restored_from: pathlib.Path
    library: pathlib.Path
    previous_copy: pathlib.Path | None  # where the old library was moved (None: there was none)
    skipped: list[tuple[pathlib.Path, str]] = field(default_factory=list)  # bad backups and why
    #: the old library was damaged (or missing), not a sound one replaced with --force
    previous_damaged: bool = True

    @property
    def damaged_copy(self) -> pathlib.Path | None:
        """Where a damaged library was kept; None when the replaced one was sound."""
        return self.previous_copy if self.previous_damaged else None

    def as_dict(self) -> dict:
        return {"restored_from": str(self.restored_from), "library": str(self.library),
                "previous_copy": str(self.previous_copy) if self.previous_copy else None,
                "damaged_copy": str(self.damaged_copy) if self.damaged_copy else None,
                "skipped": [{"path": str(p), "reason": r} for p, r in self.skipped]}


#: Library setting: how many rolling backups to keep (Preferences ▸ Saving)
KEEP_SETTING = "backups.keep"
KEEP_RANGE = (1, 100)


def backups_to_keep(library: Library) -> int:
    """How many backups the library keeps (the one reader of its setting)."""
    try:
        value = int(library.get_setting(KEEP_SETTING, DEFAULT_KEEP) or DEFAULT_KEEP)
    except (TypeError, ValueError):
        return DEFAULT_KEEP
    return max(KEEP_RANGE[0], min(KEEP_RANGE[1], value))


def set_backups_to_keep(library: Library, keep: int) -> int:
    """Store how many backups to keep; InputError outside 1–100."""
    if not KEEP_RANGE[0] <= int(keep) <= KEEP_RANGE[1]:
        raise InputError(f"backups to keep: {keep} is not between {KEEP_RANGE[0]} and "
                         f"{KEEP_RANGE[1]}")
    library.set_setting(KEEP_SETTING, int(keep))
    return int(keep)


def default_backup_folder(library_path: str | pathlib.Path) -> pathlib.Path:
    """``<library path>.backups/``: next to the library, so it moves and syncs with it."""
    path = pathlib.Path(library_path).expanduser()
    return path.with_name(path.name + ".backups")


def _utc_now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def _stem(library_path: pathlib.Path) -> str:
    name = library_path.name
    return name[: -len(BACKUP_SUFFIX)] if name.endswith(BACKUP_SUFFIX) else name


def list_backups(folder: str | pathlib.Path) -> list[BackupInfo]:
    """The rolling set in ``folder``, newest first; files not made by Byline are ignored."""
    folder = pathlib.Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _STAMP.search(entry.name)
        if not match or not entry.is_file():
            continue
        created = _dt.datetime.strptime(match.group(1), _STAMP_FORMAT).replace(tzinfo=_dt.UTC)
        if chunks.is_manifest(entry):
            try:
                size = chunks.read_manifest(entry, header_only=True).size
            except chunks.ManifestError:
                size = 0  # listed all the same: it counts, is pruned, and is skipped on restore
            found.append(BackupInfo(entry, created, size, CHUNKED))
        else:
            found.append(BackupInfo(entry, created, entry.stat().st_size, WHOLE_COPY))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def make_backup(library: Library, folder: str | pathlib.Path | None = None, *, keep: int = DEFAULT_KEEP,
                verify: bool = True, now: _dt.datetime | None = None) -> pathlib.Path:
    """Write one consistent copy into ``folder`` and prune the set to ``keep`` copies.

    The copy is verified before older copies are pruned: a library that went bad
    unnoticed must not push the last good backups out of the rolling set. A bad
    copy is renamed ``*.damaged`` (kept for inspection) and LibraryError raised.
    """
    _check_keep(keep)
    folder = _made_folder(library, folder)
    with backup_lock(folder):
        return _make_backup_locked(library, folder, keep=keep, verify=verify, now=now)


def _check_keep(keep: int) -> None:
    if keep < 1:
        raise LibraryError(f"backups: keep must be at least 1 (got {keep})")


def _made_folder(library: Library, folder: str | pathlib.Path | None) -> pathlib.Path:
    folder = pathlib.Path(folder) if folder is not None else default_backup_folder(library.path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"{folder}: cannot create the backup folder ({exc.strerror})") from None
    return folder


@contextlib.contextmanager
def backup_lock(folder: pathlib.Path, *, wait: bool = True) -> Iterator[bool]:
    """Hold the backup folder's lock: two backups never write into one folder at once.

    The lock is an ``flock`` on the folder itself (no lock file to leave behind),
    released by the system when a process dies, so a killed backup never keeps
    others out. Yields False when ``wait`` is off and another backup holds it.
    """
    if fcntl is None:  # pragma: no cover - Windows
        yield True
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise LibraryError(f"{folder}: cannot open the backup folder ({exc.strerror})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # drops the lock


def take_backup_lock(folder: pathlib.Path) -> int | None:
    """A descriptor holding the folder's backup lock, to hand to a backup process.

    None when another backup holds it (or locks do not exist here). The lock
    lives as long as any process keeps the descriptor open: the caller passes it
    on and closes its own copy.
    """
    if fcntl is None:  # pragma: no cover - Windows
        return None
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


_SNAPSHOT = ".snapshot"


def _remove_unfinished(folder: pathlib.Path) -> None:
    """Delete what a killed backup left (a snapshot, a ``*.part`` copy, a manifest not
    renamed in); only ever under the lock. Its chunks go with the next prune."""
    for pattern in (f"*{BACKUP_SUFFIX}.part*", f"*{BACKUP_SUFFIX}{_SNAPSHOT}*",
                    f"*{MANIFEST_SUFFIX}.tmp"):
        for entry in folder.glob(pattern):
            with contextlib.suppress(OSError):
                entry.unlink()


def _make_backup_locked(library: Library, folder: pathlib.Path, *, keep: int, verify: bool,
                        now: _dt.datetime | None) -> pathlib.Path:
    _remove_unfinished(folder)
    when = now or _utc_now()
    stamp = when.strftime(_STAMP_FORMAT)
    name = f"{_stem(library.path)}-{stamp}"
    n = 1
    while any((folder / f"{name}{suffix}").exists() for suffix in (BACKUP_SUFFIX, MANIFEST_SUFFIX)):
        name = f"{_stem(library.path)}-{stamp}-{n}"
        n += 1
    target = folder / f"{name}{MANIFEST_SUFFIX}"
    # Not flushed: read once into chunks (which are) and deleted.
    snapshot = folder / f"{name}{BACKUP_SUFFIX}{_SNAPSHOT}"
    library.backup(snapshot, sync=False)
    try:
        if verify:
            problems = verify_file(snapshot, quick=True)
            if problems:
                bad = folder / f"{name}{BACKUP_SUFFIX}.damaged"
                snapshot.replace(bad)
                raise LibraryError(f"{library.path}: the library looks damaged ({problems[0]}); "
                                   f"backup kept as {bad.name}, older backups left in place")
        first = not any(b.kind == CHUNKED for b in list_backups(folder))
        try:
            chunks.store_file(snapshot, folder, target,
                              created=when.isoformat().replace("+00:00", "Z"),
                              change_mark=file_change_mark(snapshot),
                              summary=file_summary(snapshot), first=first)
        except OSError as exc:
            # A full disk: give back what this backup wrote (no manifest names it).
            with contextlib.suppress(OSError):
                chunks.collect_garbage(folder)
            raise LibraryError(f"{folder}: backup failed ({exc.strerror}); "
                               "older backups left in place") from None
    finally:
        snapshot.unlink(missing_ok=True)
    prune_backups(folder, keep)
    return target


def prune_backups(folder: str | pathlib.Path, keep: int) -> list[pathlib.Path]:
    """Remove the oldest backups beyond ``keep``, then the chunks no backup left names.

    Returns the backups removed. Only ever under the backup lock.
    """
    removed = []
    for old in list_backups(folder)[keep:]:
        try:
            old.path.unlink()
            removed.append(old.path)
            for suffix in _WAL_SIDECARS:
                old.path.with_name(old.path.name + suffix).unlink(missing_ok=True)
        except OSError:
            pass  # a locked or vanished old copy is not worth failing a backup for
    chunks.collect_garbage(pathlib.Path(folder))
    return removed


def maybe_daily_backup(library: Library, folder: str | pathlib.Path | None = None, keep: int = DEFAULT_KEEP,
                       *, now: _dt.datetime | None = None) -> pathlib.Path | None:
    """A backup when the newest one is more than a day old (or there is none); else None.

    Cheap to call at start-up and from a timer every hour.
    """
    folder = pathlib.Path(folder) if folder is not None else default_backup_folder(library.path)
    now = now or _utc_now()
    backups = list_backups(folder)
    if backups and now - backups[0].created < DAILY:
        return None
    _check_keep(keep)
    folder = _made_folder(library, folder)
    # Never waits: a backup being made (the last close's, in its own process) is
    # as fresh as this one would be.
    with backup_lock(folder, wait=False) as locked:
        if not locked:
            return None
        return _make_backup_locked(library, folder, keep=keep, verify=True, now=now)


def current_backup(library: Library, folder: str | pathlib.Path | None = None
                   ) -> pathlib.Path | None:
    """The newest backup when it holds everything the library holds, else None.

    Compares change marks (library id, schema, count of committed writes): reads
    one row of the library and one of the backup, whatever their size.
    """
    folder = pathlib.Path(folder) if folder is not None else default_backup_folder(library.path)
    backups = list_backups(folder)
    if not backups:
        return None
    mark = library.change_mark()
    if mark is None or backup_change_mark(backups[0].path) != mark:
        return None
    return backups[0].path


def backup_change_mark(path: str | pathlib.Path):
    """The change mark a backup holds (its manifest's, or the copy's); None when unknown."""
    if chunks.is_manifest(path):
        try:
            return chunks.read_manifest(path, header_only=True).change_mark
        except chunks.ManifestError:
            return None
    return file_change_mark(path)


def backup_on_close(library: Library, folder: str | pathlib.Path | None = None,
                    keep: int = DEFAULT_KEEP, *, lock: bool = True) -> pathlib.Path | None:
    """The backup taken when the window closes; None (not an error) when it fails.

    When nothing changed since the newest backup, that backup is returned and no
    copy is made: closing a large library that was only read takes no time, and
    the rolling set keeps older, different copies instead of identical ones.
    Closing must never be blocked by a backup problem: the reason goes to the
    caller's log through the returned None and ``last_backup_error``.
    ``lock=False``: the caller holds the backup folder's lock already.
    """
    global last_backup_error
    try:
        _check_keep(keep)
        path = current_backup(library, folder)
        if path is None:
            made = _made_folder(library, folder)
            # Checked again under the lock: a backup that held it may have just
            # copied everything this one would.
            with backup_lock(made) if lock else contextlib.nullcontext(True):
                path = current_backup(library, made) or _make_backup_locked(
                    library, made, keep=keep, verify=True, now=None)
    except LibraryError as exc:
        last_backup_error = str(exc)
        return None
    last_backup_error = None
    return path


last_backup_error: str | None = None


@dataclass(frozen=True)
class BackupsCost:
    """What the rolling set costs on disk: told to the person in Preferences ▸ Saving."""

    library_bytes: int  # the first backup (the library file and its write-ahead log)
    keep: int
    used_bytes: int  # disk the set takes now: chunks (each once), manifests, old whole copies
    #: what one more backup adds, by the median of what the recent ones added
    #: (None: no backup yet was made after another one, nothing to go by)
    next_bytes: int | None = None
    count: int = 0  # backups in the folder now
    #: the library as the newest backup holds it (its write-ahead log folded in)
    backup_bytes: int | None = None

    @property
    def most_bytes(self) -> int:
        """About what ``keep`` backups take: one library and ``keep - 1`` typical changes
        (``keep`` whole copies while there is nothing to go by)."""
        if self.next_bytes is None:
            return self.library_bytes * self.keep
        return (self.backup_bytes or self.library_bytes) + self.next_bytes * (self.keep - 1)


def backups_cost(library_path: str | pathlib.Path, keep: int,
                 folder: str | pathlib.Path | None = None) -> BackupsCost:
    """The disk the backups take now, and what one more and ``keep`` of them cost.

    Reads the backups' manifest headers and sizes the chunk store: a few
    milliseconds for a 700 MB library's set, fine for a dialog.
    """
    path = pathlib.Path(library_path)
    size = 0
    for suffix in ("", "-wal"):
        try:
            size += path.with_name(path.name + suffix).stat().st_size
        except OSError:
            pass
    folder = pathlib.Path(folder) if folder is not None else default_backup_folder(path)
    found = list_backups(folder)
    used = chunks.store_bytes(folder)
    added = []
    for backup in found:
        with contextlib.suppress(OSError):
            used += backup.path.stat().st_size  # the manifest, or the whole copy
        if backup.kind == CHUNKED:
            with contextlib.suppress(chunks.ManifestError):
                header = chunks.read_manifest(backup.path, header_only=True)
                if not header.first:
                    added.append(header.added_bytes)
    typical = sorted(added)[len(added) // 2] if added else None
    newest = next((b.size for b in found if b.kind == CHUNKED and b.size), None)
    return BackupsCost(size, keep, used, typical, len(found), newest)


def detect_damage(library_path: str | pathlib.Path) -> str | None:
    """A one-line reason when the file is plainly damaged or truncated, else None.

    Cheap enough for every start-up (reads the 100-byte header and the file
    size): SQLite itself only notices a truncated file when it reaches a missing
    page, possibly minutes into a session. Deep damage needs ``verify_file``.

    While another process checkpoints its write-ahead log into the file, the
    header (page 1, copied first) can name pages not written yet: a file that
    looks truncated next to a WAL is looked at again a few times before it is
    called damaged.
    """
    path = pathlib.Path(library_path)
    reason = _header_damage(path)
    wal = path.with_name(path.name + "-wal")
    for _attempt in range(_CHECKPOINT_RETRIES):
        if reason is None or not reason.startswith("is truncated") or not wal.exists():
            break
        time.sleep(_CHECKPOINT_WAIT_S)
        reason = _header_damage(path)
    return reason


_CHECKPOINT_RETRIES = 5
_CHECKPOINT_WAIT_S = 0.1


def _header_damage(path: pathlib.Path) -> str | None:
    try:
        size = path.stat().st_size
        if size == 0:
            return None  # a new library being created
        with open(path, "rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if header[:16] != SQLITE_HEADER:
        return "is not an SQLite database (damaged, or another kind of file)"
    if len(header) < 100:
        return "is truncated (shorter than an SQLite header)"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "is damaged (invalid page size in its header)"
    pages = int.from_bytes(header[28:32], "big")
    change_counter = int.from_bytes(header[24:28], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    # The in-header size is trustworthy only when written by SQLite >= 3.7.0,
    # which stamps it with the change counter.
    if pages and valid_for == change_counter and size < pages * page_size:
        return (f"is truncated ({size} bytes, its header says {pages * page_size}); "
                "restore a backup (byline restore)")
    if size % page_size:
        return f"is truncated or damaged (its size is not a multiple of the page size {page_size})"
    return None


def _aside_name(path: pathlib.Path, stamp: str, label: str = "damaged") -> pathlib.Path:
    candidate = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
        n += 1
    return candidate


def _damage(library_path: pathlib.Path) -> str | None:
    """Why the library is damaged (cheap header check, then integrity_check), or None."""
    reason = detect_damage(library_path)
    if reason is None:
        problems = verify_file(library_path)
        reason = problems[0] if problems else None
    return reason


def restore_newest_good(library_path: str | pathlib.Path, folder: str | pathlib.Path | None = None,
                        *, source: str | pathlib.Path | None = None,
                        force: bool = False) -> RestoreResult:
    """Put the newest backup that passes ``integrity_check`` in place of the library.

    ``source`` restores that one file instead (verified all the same). Unless
    ``force``, a library that is present and sound is left alone (LibraryError),
    whichever backup was asked for: replacing it would throw away the work done
    since the backup. Whatever was at ``library_path`` is moved aside, never
    deleted: as ``.damaged-<time>`` when it was damaged, ``.replaced-<time>``
    when a sound one was replaced on request.  A library in use (open in Byline,
    or in another program through SQLite) is refused: the other process would go
    on saving into the file moved aside.
    """
    library_path = pathlib.Path(library_path).expanduser()
    folder = pathlib.Path(folder) if folder is not None else default_backup_folder(library_path)
    # A backup being made (the one started when the window closed) finishes
    # first: it is the newest candidate, and it has the library open meanwhile.
    waiting = backup_lock(folder) if folder.is_dir() else contextlib.nullcontext(True)
    with waiting, inuse.exclusive(library_path):
        return _restore(library_path, folder, source, force)


def _restore(library_path: pathlib.Path, folder: pathlib.Path, source, force: bool) -> RestoreResult:
    exists = library_path.exists()
    damage = _damage(library_path) if exists else "missing"
    if exists and damage is None and not force:
        which = "this backup" if source is not None else "the newest backup"
        raise LibraryError(f"{library_path}: the library is sound; nothing to restore "
                           f"(use --force to replace it with {which} anyway; it is kept aside)")
    skipped: list[tuple[pathlib.Path, str]] = []
    if source is not None:
        candidates = [pathlib.Path(source).expanduser()]
        if not candidates[0].is_file():
            raise LibraryError(f"{candidates[0]}: no such backup file")
    else:
        candidates = [b.path for b in list_backups(folder)]
        if not candidates:
            raise LibraryError(f"{library_path}: no backups in {folder}")
    if candidates[0].resolve() == library_path.resolve():
        raise LibraryError(f"{candidates[0]}: is the library itself")
    # Rebuilt (or copied) and checked first, then the old file is moved aside and
    # the copy renamed in: at no moment is there neither a library nor the old file.
    tmp = library_path.with_name(library_path.name + ".restoring")
    chosen = None
    for candidate in candidates:
        problem = _rebuild(candidate, tmp, library_path)
        if problem is None:
            chosen = candidate
            break
        tmp.unlink(missing_ok=True)
        skipped.append((candidate, problem))
    if chosen is None:
        if source is not None:
            raise LibraryError(f"{source}: this backup is damaged too ({skipped[0][1]})")
        raise LibraryError(f"{library_path}: none of the {len(candidates)} backups in {folder} "
                           "is sound; the library was left as it is")
    stamp = _utc_now().strftime("%Y%m%dT%H%M%SZ")
    label = "replaced" if damage is None else "damaged"
    previous = None
    try:
        if exists:
            previous = _aside_name(library_path, stamp, label)
            library_path.replace(previous)
        base = previous or _aside_name(library_path, stamp, label)
        for suffix in _WAL_SIDECARS:
            sidecar = library_path.with_name(library_path.name + suffix)
            if sidecar.exists():
                # A WAL from the old file would be replayed onto the restored one.
                sidecar.replace(base.with_name(base.name + suffix))
        tmp.replace(library_path)
    except OSError as exc:
        raise LibraryError(f"{library_path}: restore failed ({exc.strerror}); "
                           f"the restored copy is {tmp}") from None
    return RestoreResult(chosen, library_path, previous, skipped, previous_damaged=damage is not None)


def _rebuild(candidate: pathlib.Path, tmp: pathlib.Path, library_path: pathlib.Path) -> str | None:
    """Put the backup's library into ``tmp``, flushed and checked; why it is unusable, or None.

    A chunked backup is reassembled with every chunk's hash checked, then the
    result passes ``integrity_check``; a whole copy is checked, then copied.
    Failing to write ``tmp`` is the restore's problem, not the backup's: LibraryError.
    """
    try:
        if chunks.is_manifest(candidate):
            try:
                chunks.assemble(candidate, tmp)
            except chunks.ManifestError as exc:
                return str(exc)
            problems = verify_file(tmp)
            return problems[0] if problems else None
        problems = verify_file(candidate)
        if problems:
            return problems[0]
        shutil.copyfile(candidate, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        return None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LibraryError(f"{library_path}: cannot copy {candidate.name} ({exc.strerror}); "
                           "the library was left as it is") from None


def extract_backup(backup: str | pathlib.Path, target: str | pathlib.Path) -> pathlib.Path:
    """Write the library a backup holds into ``target`` (a new file), checked like a restore.

    How to look at an old version without replacing the library: a chunked
    backup is not a file SQLite can open. LibraryError when the backup is
    unusable or ``target`` exists; nothing is left at ``target`` then.
    """
    backup = pathlib.Path(backup).expanduser()
    target = pathlib.Path(target).expanduser()
    if not backup.is_file():
        raise LibraryError(f"{backup}: no such backup file")
    if target.exists():
        raise LibraryError(f"{target}: already exists; choose a new file name")
    tmp = target.with_name(target.name + ".part")
    try:
        problem = _rebuild(backup, tmp, target)
    except LibraryError:
        tmp.unlink(missing_ok=True)
        raise
    if problem is not None:
        tmp.unlink(missing_ok=True)
        raise LibraryError(f"{backup}: this backup is damaged ({problem})")
    tmp.replace(target)
    return target


def describe_backup(info: BackupInfo) -> dict:
    """A backup with its article count and newest edit, for ``byline backups``.

    A chunked backup's manifest holds them (counted when it was made); a whole
    copy is opened read-only.
    """
    if info.kind == CHUNKED:
        try:
            header = chunks.read_manifest(info.path, header_only=True)
        except chunks.ManifestError as exc:
            return {**info.as_dict(), "problem": str(exc)}
        return {**info.as_dict(), **header.summary, "added_bytes": header.added_bytes}
    return {**info.as_dict(), **file_summary(info.path)}


def damaged_library_message(library_path: str | pathlib.Path) -> str | None:
    """The one-line refusal for a damaged library file, naming the way back; else None.

    A file that is not SQLite at all is left to ``Library.open``, which says it
    is not a library: offering to restore a backup over someone's notes would
    be wrong.
    """
    path = pathlib.Path(library_path)
    if not path.is_file():
        return None
    reason = detect_damage(path)
    if reason is None or reason.startswith("is not an SQLite database"):
        return None
    return (f"{path}: {reason}; run `byline restore` to put back the newest good backup "
            "(the damaged file is kept aside)")
