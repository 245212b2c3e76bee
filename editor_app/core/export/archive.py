"""A deterministic zip of an export: sorted entries, fixed timestamps and permissions.

Two exports of the same revisions give byte-identical zips, so a producer (or a
CI job) can tell from a checksum whether anything changed.
"""

from __future__ import annotations

import os
import pathlib
import stat
import tempfile
import zipfile

from editor_app.core.export.paths import TEMP_PREFIX, check_relative

# The earliest time a zip can store (MS-DOS epoch): no clock, no time zone.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
FILE_MODE = stat.S_IFREG | 0o644
COMPRESS_LEVEL = 6


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


def write_zip(root: pathlib.Path, zip_path: pathlib.Path) -> list[str]:
    """Zip every file below ``root`` into ``zip_path`` atomically; returns the entry names."""
    entries = tree_files(root)
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
                archive.writestr(info, (root / rel).read_bytes(), compresslevel=COMPRESS_LEVEL)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, zip_path)
    except BaseException:
        pathlib.Path(tmp_name).unlink(missing_ok=True)
        raise
    return entries
