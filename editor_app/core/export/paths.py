"""Where export files may go: one gate (``safe_join``) and atomic folder replacement.

Every path the exporter writes is built by ``safe_join`` from a root and a
relative name, so a hostile slug or asset reference ("../../etc", "C:\\x",
"a\\x00b", a 10,000-character name) is refused in one place instead of being
caught, or missed, at each call site.
"""

from __future__ import annotations

import functools
import os
import pathlib
import re
import shutil
import tempfile

from editor_app.core.atomic_files import replacing
from editor_app.core.errors import InputError

# One path component: what the exporter itself produces (slugs, "index.html",
# "<sha256>.<ext>"). Deliberately narrow: no spaces, no leading dot (hidden or
# "."/".."), nothing a shell or a web server treats specially.
_COMPONENT = re.compile(r"[a-z0-9][a-z0-9._-]*")
COMPONENT_MAX = 120
PATH_MAX = 240
# Names Windows reserves for devices, with or without an extension: a bundle
# unpacked there must not try to write to the printer port.
_WINDOWS_DEVICES = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))]
)
TEMP_PREFIX = ".byline-tmp-"
ASIDE_PREFIX = ".byline-old-"


def check_relative(rel: str) -> list[str]:
    """The components of ``rel`` or InputError saying why it may not be written."""
    if not isinstance(rel, str) or not rel:
        raise InputError("export path: empty name")
    shown = rel[:60] + ("…" if len(rel) > 60 else "")
    if "\x00" in rel:
        raise InputError(f"export path {shown!r}: contains a NUL byte")
    if len(rel) > PATH_MAX:
        raise InputError(f"export path {shown!r}: longer than {PATH_MAX} characters")
    if rel.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", rel):
        raise InputError(f"export path {shown!r}: absolute paths are not allowed")
    if "\\" in rel:
        raise InputError(f"export path {shown!r}: backslashes are not allowed")
    parts = rel.split("/")
    for part in parts:
        if part in ("", ".", ".."):
            raise InputError(f"export path {shown!r}: '..', '.' and empty parts are not allowed")
        if len(part) > COMPONENT_MAX:
            raise InputError(f"export path {shown!r}: a part is longer than {COMPONENT_MAX} characters")
        if not _COMPONENT.fullmatch(part):
            raise InputError(
                f"export path {shown!r}: only lowercase letters, digits, '.', '_' and '-' are allowed")
        if part.split(".", 1)[0] in _WINDOWS_DEVICES:
            raise InputError(f"export path {shown!r}: {part!r} is a reserved device name")
    return parts


@functools.lru_cache(maxsize=64)
def _real_root(root: str) -> str:
    """The output folder with its own symlinks resolved, once per folder (stat calls add up)."""
    return os.path.realpath(root)


def safe_join(root: str | os.PathLike, rel: str) -> pathlib.Path:
    """``root/rel`` after proving it stays inside ``root``; the only way export builds paths.

    The textual check refuses traversal outright; the symlink checks catch a link
    planted inside the output folder that points elsewhere.  Files are then opened
    with O_EXCL|O_NOFOLLOW (``write_bytes``), so the last component cannot be
    swapped for a link either.
    """
    parts = check_relative(rel)
    base = _real_root(os.fspath(root))
    current = base
    for part in parts[:-1]:
        current = os.path.join(current, part)
        if os.path.islink(current):
            raise InputError(f"export path {rel!r}: leads outside the output folder "
                             "through a symbolic link")
    target = os.path.join(current, parts[-1])
    if os.path.islink(target):
        raise InputError(f"export path {rel!r}: is a symbolic link; refusing to write through it")
    return pathlib.Path(target)


def make_temp_dir(root: pathlib.Path, label: str) -> pathlib.Path:
    """A fresh hidden folder inside ``root``: same file system, so renames are atomic."""
    safe_label = re.sub(r"[^a-z0-9-]", "", label)[:40] or "bundle"
    return pathlib.Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{safe_label}-", dir=root))


def write_bytes(root: pathlib.Path, rel: str, data: bytes) -> pathlib.Path:
    """Write one file below ``root`` (folders made as needed) through ``safe_join``."""
    path = safe_join(root, rel)
    if "/" in rel:
        os.makedirs(path.parent, exist_ok=True)
    # O_EXCL: never overwrite or follow an existing entry; O_NOFOLLOW for systems
    # where O_EXCL alone would still follow a dangling link.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return path


_NEW_FILE = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_BINARY", 0))
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)


def write_tree(folder: pathlib.Path, files: dict[str, bytes]) -> None:
    """Write ``files`` (relative names, one level of sub-folders) into a fresh ``folder``.

    For the temporary folder ``make_temp_dir`` just created: private to this
    user, empty, ours.  Names still pass ``check_relative``; files are created
    relative to an open folder handle with O_EXCL|O_NOFOLLOW and sub-folders
    are made here, so nothing can lead outside, without ``safe_join``'s
    symbolic-link checks per file (a bundle is seven writes; those checks were
    a third of the time).  Where ``dir_fd`` is not supported it falls back to
    ``write_bytes``.
    """
    if os.open not in os.supports_dir_fd:  # pragma: no cover - Windows
        for rel in sorted(files):
            write_bytes(folder, rel, files[rel])
        return
    handles = {"": os.open(folder, _DIR_FLAGS)}
    try:
        for rel in sorted(files):
            parts = check_relative(rel)
            if len(parts) > 2:
                raise InputError(f"export path {rel[:60]!r}: nested too deeply")
            sub = parts[0] if len(parts) == 2 else ""
            if sub not in handles:
                os.mkdir(sub, 0o755, dir_fd=handles[""])
                handles[sub] = os.open(sub, _DIR_FLAGS, dir_fd=handles[""])
            fd = os.open(parts[-1], _NEW_FILE, 0o644, dir_fd=handles[sub])
            try:
                view = memoryview(files[rel])
                while view:
                    view = view[os.write(fd, view):]
            finally:
                os.close(fd)
    finally:
        for handle in handles.values():
            os.close(handle)


def replace_dir(tmp: pathlib.Path, final: pathlib.Path) -> None:
    """Move the finished folder ``tmp`` to ``final``, keeping the old one until the move worked.

    ``os.replace`` cannot put a folder over a non-empty folder, so the old
    bundle is renamed aside first and restored if the second rename fails: at
    every instant ``final`` is either the complete old bundle or the complete
    new one (apart from the short gap between the two renames).
    """
    if not os.path.lexists(final):
        os.rename(tmp, final)
        return
    aside = pathlib.Path(tempfile.mkdtemp(prefix=f"{ASIDE_PREFIX}{final.name[:40]}-", dir=final.parent))
    aside.rmdir()  # only its unique name is needed
    os.rename(final, aside)
    try:
        os.rename(tmp, final)
    except BaseException:
        os.rename(aside, final)
        raise
    remove_tree(aside)


def atomic_file(final: pathlib.Path, *, suffix: str = ""):
    """A binary handle on a hidden temporary file beside ``final``, renamed onto it when
    the block ends without an error (removed otherwise): readers see the old file or
    the whole new one, never a part. Published files: readable by all (0644)."""
    return replacing(final, mode=0o644, prefix=TEMP_PREFIX, suffix=suffix, make_folder=False)


def replace_file(root: pathlib.Path, rel: str, data: bytes) -> pathlib.Path:
    """Write a top-level file (listing, feed) atomically."""
    final = safe_join(root, rel)
    with atomic_file(final) as handle:
        handle.write(data)
    return final


def remove_tree(path: pathlib.Path) -> None:
    """Remove a folder the exporter made; never follows symlinks out of it."""
    if os.path.islink(path):
        os.unlink(path)
    elif os.path.exists(path):
        shutil.rmtree(path, ignore_errors=True)
