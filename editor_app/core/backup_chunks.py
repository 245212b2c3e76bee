"""Backups kept as shared chunks: the rolling set's disk grows with what changed (#20).

A backup used to be a whole copy of the library: ten of a 700 MB library took
7 GB. Most of a library does not change between two backups (an edited article
rewrites a few 4 KiB pages of SQLite's file), so a backup is now stored as

- chunks: the consistent copy (SQLite's backup API, made by ``backups.py``) cut
  into fixed 64 KiB pieces, each stored once under its BLAKE2b hash in
  ``<folder>/chunks/<first two hex digits>/<hash>``; a chunk already in the
  store is not written again, so a second backup writes only the chunks whose
  pages changed;
- a manifest, ``<stem>-<time>.backup.json``, written last: a one-line header
  (size, change mark, article count, the checksum of the header and of the
  chunk list) followed by the ordered chunk hashes, one a line.

Safety, in the order things are written: every new chunk is written under a
temporary name and renamed, every chunk the backup names is flushed to disk
(and its folder), and only then is the manifest written (temporary name, flush,
rename, folder flushed). A backup killed at any moment leaves no manifest, only
chunks nobody names, which ``collect_garbage`` removes under the backup lock.
A chunk the store already holds is read back and compared before it is used
again: a damaged shared chunk is rewritten from the library by the next backup
instead of spreading to it. Reassembling (``assemble``) checks every chunk's
hash and the total size: a missing or damaged chunk makes that backup fail,
never a restore of damaged bytes. Chunks are deleted only when every manifest
could be read; an unreadable one keeps its chunks until it leaves the set.

Public API::

    CHUNK_SIZE, MANIFEST_SUFFIX, CHUNKS_FOLDER
    Manifest                                   what one backup holds
    ManifestError                              a backup that cannot be used, and why
    is_manifest(path) -> bool
    store_file(source, folder, manifest_path, *, created, change_mark, summary, first) -> Manifest
    read_manifest(path, *, header_only=False) -> Manifest
    assemble(manifest_path, target) -> Manifest
    collect_garbage(folder) -> int             bytes of unreferenced chunks removed
    store_bytes(folder) -> int                 disk the chunk store takes
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pathlib
from collections.abc import Iterable
from dataclasses import dataclass, field

#: 16 SQLite pages of 4 KiB. A day's changes touch pages spread over the whole
#: file (the search index, the date indexes), about one page per chunk: at 64 KiB
#: a day of 20 edits and 10 imports adds about 10 MB, at 256 KiB 36 MB
#: (benchmarks/backups.py). A 700 MB library is about 11,000 files.
CHUNK_SIZE = 64 * 1024
MANIFEST_SUFFIX = ".backup.json"
CHUNKS_FOLDER = "chunks"
FORMAT = "byline-chunked-backup"
VERSION = 1
_DIGEST_BYTES = 32
_TMP = ".tmp"
_READ_BLOCK = 1024 * 1024


class ManifestError(Exception):
    """A chunked backup that cannot be used; the message says why, in one line."""


@dataclass(frozen=True)
class Manifest:
    path: pathlib.Path
    created: str  # ISO time, UTC
    size: int  # bytes of the library it holds
    chunk_size: int
    change_mark: tuple | None
    summary: dict  # articles, newest_edit, schema_version (as file_summary gives)
    added_bytes: int  # chunks this backup wrote (the rest it shares with others)
    first: bool  # no chunked backup came before it: it wrote the whole library
    chunk_count: int
    chunks: tuple[str, ...] = field(default=(), repr=False)  # empty when header_only


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=_DIGEST_BYTES).hexdigest()


def is_manifest(path: str | pathlib.Path) -> bool:
    return str(path).endswith(MANIFEST_SUFFIX)


def chunk_path(folder: pathlib.Path, digest: str) -> pathlib.Path:
    return folder / CHUNKS_FOLDER / digest[:2] / digest


def _fsync_path(path: pathlib.Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(path: pathlib.Path) -> None:
    """Make renames in the folder durable; Windows cannot open a folder to flush it (its
    file system journals names itself)."""
    try:
        _fsync_path(path)
    except PermissionError:
        if os.name != "nt":
            raise


def _chunk_is_sound(path: pathlib.Path, data: bytes, *, flush: bool) -> bool:
    """The stored chunk holds exactly ``data`` (read back and compared: the bytes whose
    hash names it); ``flush``: and is flushed to disk (a chunk renamed in by a killed
    backup may not be yet)."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(data) + 1) != data:
                return False
            if flush:
                os.fsync(handle.fileno())
            return True
    except OSError:
        return False


def _named(folder: pathlib.Path) -> set[str]:
    """The chunks the readable manifests name: flushed before those manifests were written."""
    named: set[str] = set()
    for manifest_path in _manifests(folder):
        with contextlib.suppress(ManifestError):
            named.update(read_manifest(manifest_path).chunks)
    return named


def _write_chunk(path: pathlib.Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + _TMP)
    with open(tmp, "wb") as handle:
        handle.write(data)
    tmp.replace(path)


def _header_checksum(header: dict) -> str:
    body = {k: v for k, v in header.items() if k != "checksum"}
    return _digest(json.dumps(body, sort_keys=True, separators=(",", ":")).encode())


def store_file(source: pathlib.Path, folder: pathlib.Path, manifest_path: pathlib.Path, *,
               created: str, change_mark: tuple | None, summary: dict,
               first: bool = False) -> Manifest:
    """Store the file ``source`` as chunks in ``folder`` and write its manifest, last.

    Only the chunks the store lacks (or holds damaged) are written; the return
    value says how many bytes that was. ``first``: no chunked backup preceded
    this one (what it wrote is a whole library, not a day's change). Raises
    OSError when the disk refuses.
    """
    chunks: list[str] = []
    checked: set[str] = set()
    written: list[pathlib.Path] = []
    unsettled: set[pathlib.Path] = set()  # folders of reused chunks no manifest names yet
    added = 0
    size = 0
    durable = _named(folder)
    with open(source, "rb") as handle:
        while data := handle.read(CHUNK_SIZE):
            digest = _digest(data)
            chunks.append(digest)
            size += len(data)
            if digest in checked:
                continue
            checked.add(digest)
            path = chunk_path(folder, digest)
            fresh = digest not in durable
            if not _chunk_is_sound(path, data, flush=fresh):
                _write_chunk(path, data)
                written.append(path)
                added += len(data)
            elif fresh:
                unsettled.add(path.parent)
    # Every chunk the manifest names is on disk before the manifest exists.
    for path in written:
        _fsync_path(path)
    for parent in {p.parent for p in written} | unsettled | {folder / CHUNKS_FOLDER, folder}:
        if parent.is_dir():
            _fsync_folder(parent)
    body = "".join(f"{c}\n" for c in chunks).encode()
    header = {"format": FORMAT, "version": VERSION, "created": created, "size": size,
              "chunk_size": CHUNK_SIZE, "change_mark": list(change_mark) if change_mark else None,
              "summary": summary, "added_bytes": added, "first": bool(first),
              "chunk_count": len(chunks),
              "chunks_checksum": _digest(body)}
    header["checksum"] = _header_checksum(header)
    tmp = manifest_path.with_name(manifest_path.name + _TMP)
    with open(tmp, "wb") as out:
        out.write(json.dumps(header, sort_keys=True).encode() + b"\n" + body)
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(manifest_path)
    _fsync_folder(folder)
    return Manifest(manifest_path, created, size, CHUNK_SIZE, change_mark, summary, added,
                    bool(first), len(chunks), tuple(chunks))


def read_manifest(path: str | pathlib.Path, *, header_only: bool = False) -> Manifest:
    """The manifest at ``path``, its checksums verified; ManifestError when it is not usable.

    ``header_only`` reads the first line alone (size, change mark, counts): what
    listing the backups and "is the newest backup current?" need, whatever the
    library's size.
    """
    path = pathlib.Path(path)
    try:
        with open(path, "rb") as handle:
            first = handle.readline()
            rest = b"" if header_only else handle.read()
    except OSError as exc:
        raise ManifestError(f"cannot be read ({exc.strerror})") from None
    try:
        header = json.loads(first)
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ValueError
    except ValueError:
        raise ManifestError("not a Byline backup manifest (damaged, or another kind of file)") from None
    if header.get("version") != VERSION:
        raise ManifestError(f"made by a newer Byline (format {header.get('version')})")
    if header.get("checksum") != _header_checksum(header):
        raise ManifestError("its manifest is damaged (checksum does not match)")
    chunks: tuple[str, ...] = ()
    if not header_only:
        if _digest(rest) != header["chunks_checksum"]:
            raise ManifestError("its list of chunks is damaged (checksum does not match)")
        chunks = tuple(rest.decode("ascii").split())
        if len(chunks) != header["chunk_count"]:
            raise ManifestError("its list of chunks is damaged (wrong count)")
    mark = header.get("change_mark")
    return Manifest(path, header["created"], int(header["size"]), int(header["chunk_size"]),
                    tuple(mark) if mark else None, dict(header.get("summary") or {}),
                    int(header.get("added_bytes", 0)), bool(header.get("first")),
                    int(header["chunk_count"]), chunks)


def assemble(manifest_path: str | pathlib.Path, target: pathlib.Path) -> Manifest:
    """Write the file the manifest holds into ``target``, every chunk's hash checked.

    ManifestError (``target`` then holds a partial file the caller removes) when
    a chunk is missing or damaged: a backup that cannot be rebuilt byte for
    byte is never handed on. ``target`` is flushed to disk when this returns.
    """
    manifest = read_manifest(manifest_path)
    folder = manifest.path.parent
    left = manifest.size
    with open(target, "wb") as out:
        for n, digest in enumerate(manifest.chunks):
            length = min(manifest.chunk_size, left)
            try:
                with open(chunk_path(folder, digest), "rb") as handle:
                    data = handle.read(length + 1)
            except FileNotFoundError:
                raise ManifestError(f"chunk {n + 1} of {manifest.chunk_count} is missing "
                                    f"({digest[:12]}…)") from None
            except OSError as exc:
                raise ManifestError(f"chunk {n + 1} of {manifest.chunk_count} cannot be read "
                                    f"({exc.strerror})") from None
            if len(data) != length or _digest(data) != digest:
                raise ManifestError(f"chunk {n + 1} of {manifest.chunk_count} is damaged "
                                    f"({digest[:12]}…)")
            out.write(data)
            left -= length
        if left:
            raise ManifestError("its list of chunks is shorter than the library it holds")
        out.flush()
        os.fsync(out.fileno())
    return manifest


def _manifests(folder: pathlib.Path) -> Iterable[pathlib.Path]:
    return (p for p in folder.iterdir() if p.is_file() and is_manifest(p))


def _stored(folder: pathlib.Path) -> Iterable[pathlib.Path]:
    root = folder / CHUNKS_FOLDER
    if not root.is_dir():
        return ()
    return (p for sub in root.iterdir() if sub.is_dir() for p in sub.iterdir())


def collect_garbage(folder: pathlib.Path) -> int:
    """Remove chunks no manifest names (and a killed backup's temporary files).

    Only ever under the backup lock. When any manifest cannot be read, no chunk
    is removed: which ones it names is unknown, and a manifest that could not be
    read today (a flaky disk) may be read tomorrow.
    """
    folder = pathlib.Path(folder)
    if not (folder / CHUNKS_FOLDER).is_dir():
        return 0
    named: set[str] = set()
    for manifest_path in _manifests(folder):
        try:
            named.update(read_manifest(manifest_path).chunks)
        except ManifestError:
            named = set()
            keep_all = True
            break
    else:
        keep_all = False
    freed = 0
    for path in list(_stored(folder)):
        unfinished = path.name.endswith(_TMP)
        if unfinished or (not keep_all and path.name not in named):
            with contextlib.suppress(OSError):
                size = path.stat().st_size
                path.unlink()
                freed += 0 if unfinished else size
    return freed


def store_bytes(folder: str | pathlib.Path) -> int:
    """Bytes the chunk store takes (each chunk once, however many backups name it)."""
    total = 0
    for path in _stored(pathlib.Path(folder)):
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total
