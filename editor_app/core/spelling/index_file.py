"""The suggestion index of a language kept on disk between sessions (#20).

Building the deletion index (suggest.py) takes one to two seconds of CPU and about
15 MB of memory, and the window used to do it at every start, competing with the
first seconds of typing on a 2-core laptop. Kept in the user's cache folder and
memory-mapped, it is ready at once, and only the pages a suggestion touches come
into memory.

The file: ``MAGIC``, a 32-byte signature of everything the index depends on (the
dictionary files' stamps, the words in their order, the index's layout), the word
and key counts, padding to 8 bytes, the bitmap, then the sorted keys as
little-endian 64-bit integers. A file whose signature, counts or size differ is not
used (it is rebuilt and replaced). It is not checksummed, because reading every page
would bring the whole index into memory; a damaged key can only lose or add a
candidate, and candidates are real words of the list, ranked by their distance to
the typo like any other (``Suggester`` ignores numbers past the list's end).
"""

from __future__ import annotations

import mmap
import os
import pathlib
import struct
import sys
from array import array

from editor_app.core.atomic_files import replacing

MAGIC = b"BYLINE-SPELL-INDEX 1\n"
SIGNATURE_BYTES = 32
_COUNTS = struct.Struct("<QQ")
_HEADER = len(MAGIC) + SIGNATURE_BYTES + _COUNTS.size
_KEYS_START_ALIGN = 8


def _padding(size: int) -> int:
    return -size % _KEYS_START_ALIGN


class MappedIndex:
    """A stored index: ``bitmap`` and ``keys`` are views of the mapped file."""

    def __init__(self, handle: mmap.mmap, bitmap: memoryview, keys: memoryview):
        self._map = handle
        self.bitmap = bitmap
        self.keys = keys


def open_index(path: pathlib.Path, signature: bytes, words: int, bitmap_bytes: int
               ) -> MappedIndex | None:
    """The index stored at ``path`` if it was made for ``signature``, else None."""
    if sys.byteorder != "little":
        return None
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < _HEADER:
                return None
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    head = mapped[:_HEADER]
    if head[:len(MAGIC)] != MAGIC or head[len(MAGIC):len(MAGIC) + SIGNATURE_BYTES] != signature:
        mapped.close()
        return None
    stored_words, keys = _COUNTS.unpack_from(head, len(MAGIC) + SIGNATURE_BYTES)
    start = _HEADER + _padding(_HEADER)
    keys_start = start + bitmap_bytes
    if stored_words != words or size != keys_start + 8 * keys:
        mapped.close()
        return None
    view = memoryview(mapped)
    return MappedIndex(mapped, view[start:keys_start], view[keys_start:].cast("q"))


def write_index(path: pathlib.Path, signature: bytes, words: int, bitmap: bytearray,
                keys: array) -> None:
    """Store an index atomically (a half-written file is never found under ``path``)."""
    if sys.byteorder != "little":
        return
    with replacing(path) as out:
        out.write(MAGIC + signature + _COUNTS.pack(words, len(keys)))
        out.write(b"\0" * _padding(_HEADER))
        out.write(bitmap)
        keys.tofile(out)
