"""A deterministic zip of an export: sorted entries, fixed timestamps and permissions.

Two exports of the same revisions give byte-identical zips, so a producer (or a
CI job) can tell from a checksum whether anything changed.
"""

from __future__ import annotations

import os
import pathlib
import stat
import tempfile
import threading
import zipfile

from editor_app.core.export.paths import TEMP_PREFIX, check_relative

# The earliest time a zip can store (MS-DOS epoch): no clock, no time zone.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
FILE_MODE = stat.S_IFREG | 0o644
COMPRESS_LEVEL = 6


class MemoryTree:
    """The files of a zip export, gathered in memory (thread-safe).

    Staging a zip on disk first would create seven files per article only to
    read them back; on a slow disk that costs more than rendering.  Paths are
    checked with the same rules as files on disk (``check_relative``).
    """

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def add(self, rel: str, data: bytes) -> None:
        check_relative(rel)
        with self._lock:
            self.files[rel] = data

    def add_bundle(self, slug: str, files: dict[str, bytes]) -> None:
        """All files of one bundle at once: a bundle is in the zip whole or not at all."""
        check_relative(slug)
        entries = {f"{slug}/{rel}": data for rel, data in files.items()}
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
        read = root.files.__getitem__
    else:
        entries = tree_files(root)
        read = lambda rel: (root / rel).read_bytes()  # noqa: E731
    for rel in entries:
        check_relative(rel)
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".zip", dir=zip_path.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp_name, "w", compression=zipfile.ZIP_DEFLATED,
                             compresslevel=COMPRESS_LEVEL) as archive:
            for rel in entries:
                info = zipfile.ZipInfo(rel, date_time=ZIP_EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # Unix, so external_attr carries the mode bits
                info.external_attr = FILE_MODE << 16
                archive.writestr(info, read(rel), compresslevel=COMPRESS_LEVEL)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, zip_path)
    except BaseException:
        pathlib.Path(tmp_name).unlink(missing_ok=True)
        raise
    return entries
