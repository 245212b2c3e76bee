"""What the dictionaries said about words in earlier sessions, kept in the user's cache.

A session's first spell pass used to ask hunspell about every word the frequency list
lacks (names, rare and inflected words: 1,300 distinct ones in 50,000 words of news,
each asked of en_GB and en_US at 10-20 µs a call) and so took half as long again as
the passes after it. The answers depend only on the dictionary files, so they are
kept on disk and the next session starts with them.

What is stored, and why it can be trusted:

* only what the language's dictionaries alone say (`SpellChecker._known_here` and
  `_near_known`): the personal, newsroom, article and names lists are consulted before
  the store and never written to it, so adding or removing a word there takes effect
  on the next pass whatever the store holds;
* one file per language and dictionary set, headed by a *signature*: a digest of the
  format, Byline's version and rules, the hunspell binding, and the size and
  modification time of every file the answers come from (each .aff and .dic, the
  frequency list, Byline's word list). A dictionary added, removed or replaced (the
  Dictionaries dialog) changes the signature, and a file with another signature is
  ignored, then overwritten;
* a checksum over the whole file: a truncated or damaged file is ignored, never
  trusted in part;
* words as 64-bit BLAKE2b digests, not as text: the cache holds no article's words
  (names of sources in an embargoed story), only what can be confirmed by guessing.

Reading and writing never fail a spell pass: an unreadable or unwritable cache is
just a cold start.
"""

from __future__ import annotations

import atexit
import hashlib
import pathlib
import struct
import sys
import threading
import weakref
from array import array
from bisect import bisect_left

from editor_app.core.atomic_files import replacing

MAGIC = b"BYLINE-SPELL-LOOKUPS 1\n"
SIGNATURE_BYTES = 32
CHECKSUM_BYTES = 16
# Per table; 9 bytes an entry on disk and in memory. A newsroom's vocabulary outside
# the frequency list stays far below this; past it, earlier answers make room.
MAX_ENTRIES = 200_000
_COUNTS = struct.Struct("<II")
_HEADER = len(MAGIC) + SIGNATURE_BYTES + _COUNTS.size


def word_digest(word: str) -> int:
    """The 64-bit number a word is stored as (stable across processes, unlike hash())."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"),
                                          digest_size=8).digest(), "little")


def make_signature(*parts) -> bytes:
    """A digest of everything the stored answers depend on (see the module's text)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "backslashreplace"),
                           digest_size=SIGNATURE_BYTES).digest()


def file_stamp(path: pathlib.Path) -> tuple[str, int, int] | None:
    """(path, size, modification time in ns): changes when the file is replaced."""
    try:
        status = path.stat()
    except OSError:
        return None
    return str(path.resolve()), status.st_size, status.st_mtime_ns


class StoredLookups:
    """The answers of earlier sessions for one language and dictionary set, and this
    session's new ones (written by `save`).

    Earlier answers stay as read: a sorted array of digests and a byte per answer
    (9 bytes a word in memory too, searched by bisection), so a large cache costs
    neither memory nor time to load. Thread-safe for the spell worker and the GUI
    thread's pre-flight checks: a table is replaced whole, never changed in place, and
    single dict operations are atomic under the GIL.
    """

    def __init__(self, path: pathlib.Path | None, signature: bytes) -> None:
        self.path = path
        self.signature = signature
        # why the file on disk was not used (None: used, or there was none)
        self.ignored: str | None = None
        empty = (array("Q"), b"")
        self._tables: tuple[tuple[array, bytes], ...] = (empty, empty)
        self._new: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self._save_lock = threading.Lock()
        self._read()

    # -- asking and telling ----------------------------------------------------------
    def known(self, word: str) -> bool | None:
        """Whether the dictionaries knew ``word`` (as written); None when never asked."""
        return self._get(0, word)

    def remember_known(self, word: str, known: bool) -> None:
        self._new[0][word_digest(word)] = int(known)

    def near(self, key: str) -> bool | None:
        """Whether a known word was one edit away from ``key``; None when never asked."""
        return self._get(1, key)

    def remember_near(self, key: str, near: bool) -> None:
        self._new[1][word_digest(key)] = int(near)

    def _get(self, table: int, word: str) -> bool | None:
        digest = word_digest(word)
        value = self._new[table].get(digest)
        if value is None:
            digests, values = self._tables[table]  # one read: digests and answers agree
            i = bisect_left(digests, digest)
            if i < len(digests) and digests[i] == digest:
                value = values[i]
        return None if value is None else bool(value)

    def __len__(self) -> int:
        return sum(len(d) for d, _ in self._tables) + sum(len(t) for t in self._new)

    @property
    def dirty(self) -> bool:
        return any(self._new)

    # -- the file ----------------------------------------------------------------------
    def _read(self) -> None:
        if self.path is None:
            return
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            self.ignored = f"cannot be read ({exc.strerror or exc})"
            return
        problem = self._parse(data)
        if problem:
            self.ignored = problem

    def _parse(self, data: bytes) -> str | None:
        if not data.startswith(MAGIC):
            return "not a lookup cache of this version"
        if len(data) < _HEADER + CHECKSUM_BYTES:
            return "truncated"
        body, checksum = data[:-CHECKSUM_BYTES], data[-CHECKSUM_BYTES:]
        if hashlib.blake2b(body, digest_size=CHECKSUM_BYTES).digest() != checksum:
            return "damaged (checksum)"
        if body[len(MAGIC):len(MAGIC) + SIGNATURE_BYTES] != self.signature:
            return "made with other dictionaries"
        counts = _COUNTS.unpack_from(body, len(MAGIC) + SIGNATURE_BYTES)
        if _HEADER + sum(9 * n for n in counts) != len(body):
            return "damaged (length)"
        offset = _HEADER
        tables = []
        for count in counts:
            digests = array("Q")
            digests.frombytes(body[offset:offset + 8 * count])
            if sys.byteorder != "little":
                digests.byteswap()
            offset += 8 * count
            tables.append((digests, body[offset:offset + count]))
            offset += count
        self._tables = tuple(tables)
        return None

    def save(self) -> bool:
        """Write the stored and new answers (atomically) when there are new ones; a
        failure is silent (it only costs the next session its warm start). Returns
        whether a file was written."""
        if self.path is None or not self.dirty:
            return False
        with self._save_lock:
            snapshots = [dict(new) for new in self._new]  # the worker may add meanwhile
            merged = []
            for (digests, values), new in zip(self._tables, snapshots, strict=True):
                if len(digests) + len(new) <= MAX_ENTRIES and len(new) <= _FEW:
                    merged.append(_inserted(digests, values, new))
                    continue
                if len(new) >= MAX_ENTRIES:
                    pairs = dict(list(new.items())[:MAX_ENTRIES])
                else:
                    # past the cap, a part of the earlier answers makes room (digest
                    # order: a part picked at random)
                    keep = MAX_ENTRIES - len(new)
                    pairs = dict(zip(digests[:keep], values[:keep], strict=True))
                    pairs.update(new)
                ordered = sorted(pairs.items())
                merged.append((array("Q", [d for d, _ in ordered]), bytes(v for _, v in ordered)))
            parts = [MAGIC, self.signature, _COUNTS.pack(*(len(d) for d, _ in merged))]
            for digests, values in merged:
                if sys.byteorder != "little":
                    digests = array("Q", digests)
                    digests.byteswap()
                parts += [digests.tobytes(), values]
            body = b"".join(parts)
            data = body + hashlib.blake2b(body, digest_size=CHECKSUM_BYTES).digest()
            try:
                with replacing(self.path) as handle:
                    handle.write(data)
            except OSError:
                return False
            self._tables = tuple(merged)
            # what was written is stored now; answers added during the write stay new
            for snapshot, new in zip(snapshots, self._new, strict=True):
                for digest in snapshot:
                    new.pop(digest, None)
            self.ignored = None
            return True


# Up to this many new answers are put into the sorted arrays one by one (a session's
# usual few: 1 ms into 100,000); more are sorted in with the rest (30 ms).
_FEW = 500


def _inserted(digests: array, values: bytes, new: dict[int, int]) -> tuple[array, bytes]:
    """Copies of a sorted table with ``new`` answers put in their places."""
    digests, answers = array("Q", digests), bytearray(values)
    for digest in sorted(new):
        i = bisect_left(digests, digest)
        if i < len(digests) and digests[i] == digest:
            answers[i] = new[digest]
        else:
            digests.insert(i, digest)
            answers.insert(i, new[digest])
    return digests, bytes(answers)


_open_stores: weakref.WeakSet[StoredLookups] = weakref.WeakSet()
_exit_hook = threading.Lock()
_exit_registered = False


def open_store(path: pathlib.Path | None, signature: bytes) -> StoredLookups:
    """A store read from ``path`` (None: kept in memory only), saved again when the
    process exits."""
    global _exit_registered
    store = StoredLookups(path, signature)
    with _exit_hook:
        _open_stores.add(store)
        if not _exit_registered:
            atexit.register(save_all)
            _exit_registered = True
    return store


def save_all() -> None:
    """Write every open store with new answers (at exit, and after a GUI pass)."""
    for store in list(_open_stores):
        store.save()
