"""A deterministic zip of an export: sorted entries, fixed timestamps and permissions.

Two exports of the same revisions give byte-identical zips, so a producer (or a
CI job) can tell from a checksum whether anything changed.
"""

from __future__ import annotations

import os
import pathlib
import stat
import struct
import threading
import zipfile
import zlib
from dataclasses import dataclass

from editor_app.core.export.paths import atomic_file, check_relative

# The earliest time a zip can store (MS-DOS epoch): no clock, no time zone.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
FILE_MODE = stat.S_IFREG | 0o644
COMPRESS_LEVEL = 6


@dataclass(frozen=True)
class Compressed:
    """One file deflated as zipfile would (raw deflate, COMPRESS_LEVEL), with its CRC-32."""

    crc: int
    size: int
    data: bytes


def compress(data: bytes) -> Compressed:
    """Deflate one file for the zip; export workers call this so that compressing runs on
    every core instead of in the process that writes the zip at the end."""
    deflater = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)  # zipfile's settings
    return Compressed(zlib.crc32(data), len(data), deflater.compress(data) + deflater.flush())


def compress_files(files: dict[str, bytes]) -> dict[str, Compressed]:
    return {rel: compress(data) for rel, data in files.items()}


class MemoryTree:
    """The files of a zip export, gathered in memory (thread-safe).

    Staging a zip on disk first would create seven files per article only to
    read them back; on a slow disk that costs more than rendering.  Paths are
    checked with the same rules as files on disk (``check_relative``).
    """

    def __init__(self) -> None:
        self.files: dict[str, Compressed] = {}
        self._lock = threading.Lock()

    def add(self, rel: str, data: bytes | Compressed) -> None:
        check_relative(rel)
        entry = data if isinstance(data, Compressed) else compress(data)
        with self._lock:
            self.files[rel] = entry

    def add_bundle(self, slug: str, files: dict[str, bytes | Compressed]) -> None:
        """All files of one bundle at once: a bundle is in the zip whole or not at all.

        Files come compressed from an export process, or are compressed here, in
        the calling thread (zlib lets other threads run meanwhile).
        """
        check_relative(slug)
        entries = {f"{slug}/{rel}": data if isinstance(data, Compressed) else compress(data)
                   for rel, data in files.items()}
        for rel in entries:
            check_relative(rel)
        with self._lock:
            self.files.update(entries)


def tree_files(root: pathlib.Path) -> list[str]:
    """Relative POSIX paths of the regular files below ``root``, sorted; symlinks are refused."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in filenames:
            path = pathlib.Path(dirpath, name)
            if path.is_symlink() or not path.is_file():
                continue
            found.append(path.relative_to(root).as_posix())
    return sorted(found)


def write_zip(root: pathlib.Path | MemoryTree, zip_path: pathlib.Path) -> list[str]:
    """Zip every file of ``root`` (a folder or a MemoryTree) into ``zip_path`` atomically."""
    if isinstance(root, MemoryTree):
        entries = sorted(root.files)
        read = lambda rel: _inflate(root.files[rel])  # noqa: E731 - only for the zipfile path
    else:
        entries = tree_files(root)
        read = lambda rel: (root / rel).read_bytes()  # noqa: E731
    for rel in entries:
        check_relative(rel)
    with atomic_file(zip_path, suffix=".zip") as handle:
        if isinstance(root, MemoryTree) and _fits_without_zip64(root.files):
            _write_precompressed(handle, [(rel, root.files[rel]) for rel in entries])
        else:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED,
                                 compresslevel=COMPRESS_LEVEL) as archive:
                for rel in entries:
                    archive.writestr(_entry_info(rel), read(rel), compresslevel=COMPRESS_LEVEL)
    return entries


def _entry_info(rel: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(rel, date_time=ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so external_attr carries the mode bits
    info.external_attr = FILE_MODE << 16
    return info


def _inflate(entry: Compressed) -> bytes:
    return zlib.decompress(entry.data, -15)


def _fits_without_zip64(files: dict[str, Compressed]) -> bool:
    """The archives _write_precompressed can write; bigger ones go through zipfile."""
    total = sum(len(entry.data) + 200 for entry in files.values())
    return (len(files) < zipfile.ZIP_FILECOUNT_LIMIT and total < zipfile.ZIP64_LIMIT
            and all(entry.size < zipfile.ZIP64_LIMIT for entry in files.values()))


def _write_precompressed(handle, entries: list[tuple[str, Compressed]]) -> None:
    """The bytes zipfile writes for these entries, from data deflated beforehand.

    zipfile can only compress as it writes, in one thread; here the workers did
    it.  Local headers come from zipfile's own ``ZipInfo.FileHeader``, the
    central directory and end record follow its ``_write_end_record`` (no
    zip64: see ``_fits_without_zip64``); tests/core/export/test_export_zip.py checks
    the result is byte-identical to zipfile's.
    """
    infos = []
    for rel, entry in entries:
        info = _entry_info(rel)
        info.CRC, info.compress_size, info.file_size = entry.crc, len(entry.data), entry.size
        info.header_offset = handle.tell()
        handle.write(info.FileHeader(False))
        handle.write(entry.data)
        infos.append(info)
    start = handle.tell()
    dosdate = (ZIP_EPOCH[0] - 1980) << 9 | ZIP_EPOCH[1] << 5 | ZIP_EPOCH[2]
    dostime = ZIP_EPOCH[3] << 11 | ZIP_EPOCH[4] << 5 | (ZIP_EPOCH[5] // 2)
    for info in infos:
        name = info.filename.encode("ascii")  # check_relative allows ASCII only
        handle.write(struct.pack(
            zipfile.structCentralDir, zipfile.stringCentralDir, info.create_version,
            info.create_system, info.extract_version, info.reserved, info.flag_bits,
            info.compress_type, dostime, dosdate, info.CRC, info.compress_size, info.file_size,
            len(name), len(info.extra), len(info.comment), 0, info.internal_attr,
            info.external_attr, info.header_offset))
        handle.write(name)
        handle.write(info.extra)
        handle.write(info.comment)
    end = handle.tell()
    handle.write(struct.pack(zipfile.structEndArchive, zipfile.stringEndArchive, 0, 0,
                             len(infos), len(infos), end - start, start, 0))
