"""A language's word-frequency list as a compact, memory-mapped file in the cache (#20).

pyspellchecker's English list (160,572 words), parsed from its JSON into a dict of
str -> int, held 26 MiB of the window's process for the whole session and took 200 ms
to read at every start. Written once into the user's cache folder in the layout below
and memory-mapped, it is open in a few milliseconds, and only the pages lookups touch
count in the process's memory (at most the file: 5 MB for English).

The file: ``MAGIC``, a 32-byte *signature* of what the list was made from (the
frequency file's and Byline's word list's stamps, this layout), a 32-byte *checksum*
of everything after the header, the counts (words, bytes of words, bytes of facts,
slots), padding to 8 bytes, then

* ``slots``: a hash table (a power of two, at least twice the words, so that at most
  half is taken): 32-bit word numbers plus one (0: empty), at the CRC-32 of the
  word's UTF-8, or the next free slot after it;
* ``starts``: where each word's UTF-8 starts in ``words`` (one more for the end);
* ``frequencies``: one 64-bit integer per word;
* ``words``: the words' UTF-8, in the list's own order (the suggestion index numbers
  words in that order);
* ``facts``: JSON: the alphabet, the longest word, the largest frequency, and the
  frequency at each percentile.

A word is found by comparing its bytes with the words of the slots from its CRC-32's
on, up to an empty one, so a lookup answers exactly what the dict did (about 1 µs: a
spell pass looks up each distinct word once). A file whose signature, counts,
size or checksum differ is not used: the list is read from the JSON again and the file
replaced. The checksum is read with ordinary reads, not through the map, so checking
it does not count the whole file in the process's memory.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import pathlib
import struct
import sys
from array import array
from collections.abc import Iterator, Mapping
from zlib import crc32

from editor_app.core.atomic_files import replacing

MAGIC = b"BYLINE-SPELL-WORDS 2\n"
SIGNATURE_BYTES = 32
CHECKSUM_BYTES = 32
_COUNTS = struct.Struct("<QQQQ")
_HEADER = len(MAGIC) + SIGNATURE_BYTES + CHECKSUM_BYTES + _COUNTS.size
_BODY = _HEADER + (-_HEADER % 8)
MAX_WORDS = 1 << 20  # a language's words, as the suggestion index can number them
_READ_CHUNK = 1 << 20
# Letters seen in fewer words than this (stray accents, symbols) are left out of a
# language's alphabet: they would multiply the candidates tried per edit for little gain.
ALPHABET_MIN_WORDS = 20


def make_signature(*parts) -> bytes:
    """A digest of everything the stored list is made from (files' stamps, layout)."""
    return hashlib.blake2b(repr((MAGIC, *parts)).encode("utf-8", "backslashreplace"),
                           digest_size=SIGNATURE_BYTES).digest()


class WordFrequencies:
    """A read-only word -> frequency map answering as the dict it was made from:
    ``word in list``, ``get``, ``len``, iteration in the list's order, and a word by its
    number (``word``). Thread-safe: nothing changes after it is made."""

    def __init__(self, buffer, *, mapped: mmap.mmap | None = None) -> None:
        """``buffer``: a whole file's bytes, as `build_image` makes them (or mapped)."""
        self._map = mapped  # kept open for as long as the views below live
        view = memoryview(buffer)
        words, word_bytes, fact_bytes, slots = _COUNTS.unpack_from(view, _HEADER - _COUNTS.size)
        self.signature = bytes(view[len(MAGIC):len(MAGIC) + SIGNATURE_BYTES])
        # what the words are, in order: the suggestion index is keyed by it
        self.checksum = bytes(view[len(MAGIC) + SIGNATURE_BYTES:_HEADER - _COUNTS.size])
        offset = _BODY
        self._slots = view[offset:offset + 4 * slots].cast("I")
        self._mask = slots - 1
        offset += 4 * slots
        self._starts = view[offset:offset + 4 * (words + 1)].cast("I")
        offset += 4 * (words + 1)
        offset += -offset % 8
        self._frequencies = view[offset:offset + 8 * words].cast("q")
        offset += 8 * words
        self._words = view[offset:offset + word_bytes]
        offset += word_bytes
        facts = json.loads(bytes(view[offset:offset + fact_bytes]).decode("utf-8"))
        self._count = words
        self.alphabet: str = facts["alphabet"]
        self.longest_word: int = facts["longest_word"]
        self.max_frequency: int = facts["max_frequency"]
        self._percentiles: list[int] = facts["percentiles"]

    # -- the mapping ---------------------------------------------------------------------
    def number(self, word: str) -> int:
        """The word's number in the list (its place in the JSON), or -1."""
        data = word.encode("utf-8", "surrogatepass")
        length = len(data)
        slots, starts, words, mask = self._slots, self._starts, self._words, self._mask
        slot = crc32(data) & mask
        for _ in range(mask + 1):  # at most half the slots are taken: an empty one comes
            number = slots[slot]
            if not number:
                return -1
            start, end = starts[number - 1], starts[number]
            if end - start == length and words[start:end] == data:
                return number - 1
            slot = (slot + 1) & mask
        return -1

    def __contains__(self, word) -> bool:
        try:
            return self.number(word) >= 0
        except AttributeError:  # not a string
            return False

    def get(self, word: str, default=None):
        number = self.number(word) if isinstance(word, str) else -1
        return default if number < 0 else self._frequencies[number]

    def __getitem__(self, word: str) -> int:
        number = self.number(word) if isinstance(word, str) else -1
        if number < 0:
            raise KeyError(word)
        return self._frequencies[number]

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        starts, words = self._starts, self._words
        for number in range(self._count):
            yield str(words[starts[number]:starts[number + 1]], "utf-8", "surrogatepass")

    def word(self, number: int) -> str:
        """The word numbered ``number`` (as `number` and the suggestion index number them)."""
        start, end = self._starts[number], self._starts[number + 1]
        return str(self._words[start:end], "utf-8", "surrogatepass")

    def values(self) -> memoryview:
        """Every frequency, in the list's order."""
        return self._frequencies

    def any_word_contains(self, text: str, first: int) -> bool:
        """Whether one of the ``first`` words holds ``text`` (searched in their UTF-8)."""
        end = self._starts[min(first, self._count)]
        return bytes(self._words[:end]).find(text.encode("utf-8", "surrogatepass")) >= 0

    def quantile(self, share: float) -> int:
        """The frequency at ``share`` of the sorted frequencies: ``sorted(values)[int(n *
        share)]``, from the stored percentiles when ``share`` is one of them."""
        count = self._count
        index = int(count * share)
        percent = round(share * 100)
        if abs(percent - share * 100) < 1e-9 and int(count * (percent / 100)) == index:
            return self._percentiles[percent]
        return sorted(self._frequencies)[min(index, count - 1)]


# -- making one ---------------------------------------------------------------------------

def build_image(frequencies: Mapping[str, int], signature: bytes, *,
                alphabet: str | None = None, longest_word: int | None = None,
                max_frequency: int | None = None) -> bytes:
    """The file's bytes for ``frequencies`` (words in their order). ``alphabet``,
    ``longest_word`` and ``max_frequency`` are read off the words unless given.
    ValueError past MAX_WORDS (the suggestion index numbers words in 20 bits)."""
    words = list(frequencies)
    if len(words) > MAX_WORDS:
        raise ValueError(f"{len(words):,} words: at most {MAX_WORDS:,} can be stored")
    encoded = [w.encode("utf-8", "surrogatepass") for w in words]
    table_size = max(8, 1 << (2 * len(words) - 1).bit_length())
    mask = table_size - 1
    slots = array("I", bytes(4 * table_size))
    for number, data in enumerate(encoded):
        slot = crc32(data) & mask
        while slots[slot]:
            slot = (slot + 1) & mask
        slots[slot] = number + 1
    starts = array("I", [0])
    total = 0
    for data in encoded:
        total += len(data)
        starts.append(total)
    values = array("q", (frequencies[w] for w in words))
    if alphabet is None:
        letters: dict[str, int] = {}
        for word in words:
            for char in word:
                letters[char] = letters.get(char, 0) + 1
        alphabet = "".join(sorted(c for c, n in letters.items()
                                  if n >= ALPHABET_MIN_WORDS and c.isalpha()))
    ordered = sorted(values)
    count = len(ordered)
    facts = {
        "alphabet": alphabet,
        "longest_word": longest_word if longest_word is not None else max(map(len, words), default=0),
        "max_frequency": max_frequency if max_frequency is not None else max(ordered, default=1),
        "percentiles": [ordered[min(int(count * (k / 100)), count - 1)] for k in range(101)]
                       if count else [],
    }
    fact_bytes = json.dumps(facts, ensure_ascii=False).encode("utf-8")
    word_bytes = b"".join(encoded)
    parts = [slots.tobytes(), starts.tobytes()]
    parts.append(b"\0" * (-(_BODY + len(parts[0]) + len(parts[1])) % 8))
    parts += [values.tobytes(), word_bytes, fact_bytes]
    if sys.byteorder != "little":  # the file is little-endian everywhere
        for number, table in ((0, slots), (1, starts), (3, values)):
            swapped = array(table.typecode, table)
            swapped.byteswap()
            parts[number] = swapped.tobytes()
    body = b"".join(parts)
    checksum = hashlib.blake2b(body, digest_size=CHECKSUM_BYTES).digest()
    head = MAGIC + signature + checksum + _COUNTS.pack(len(words), len(word_bytes),
                                                       len(fact_bytes), table_size)
    return head + b"\0" * (_BODY - _HEADER) + body


def in_memory(frequencies: Mapping[str, int], **facts) -> WordFrequencies:
    """A list kept in this process only (no cache folder, or a small list)."""
    return WordFrequencies(build_image(frequencies, b"\0" * SIGNATURE_BYTES, **facts))


def open_file(path: pathlib.Path, signature: bytes) -> WordFrequencies | None:
    """The list stored at ``path`` if it was made for ``signature`` and is sound, else
    None (missing, made from other files, truncated or damaged)."""
    if sys.byteorder != "little":
        return None
    try:
        with open(path, "rb") as handle:
            head = handle.read(_BODY)
            if len(head) < _BODY or not head.startswith(MAGIC):
                return None
            if head[len(MAGIC):len(MAGIC) + SIGNATURE_BYTES] != signature:
                return None
            words, word_bytes, fact_bytes, slots = _COUNTS.unpack_from(head, _HEADER - _COUNTS.size)
            tables = 4 * slots + 4 * (words + 1)
            expected = _BODY + tables + (-(_BODY + tables) % 8) + 8 * words + word_bytes + fact_bytes
            size = os.fstat(handle.fileno()).st_size
            if (words > MAX_WORDS or slots < 2 * words or slots & (slots - 1)
                    or size != expected):
                return None
            digest = hashlib.blake2b(digest_size=CHECKSUM_BYTES)
            chunk = bytearray(_READ_CHUNK)
            while True:
                read = handle.readinto(chunk)
                if not read:
                    break
                digest.update(memoryview(chunk)[:read])
            if digest.digest() != head[len(MAGIC) + SIGNATURE_BYTES:_HEADER - _COUNTS.size]:
                return None
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    try:
        return WordFrequencies(mapped, mapped=mapped)
    except (ValueError, TypeError, KeyError, UnicodeDecodeError):  # facts unreadable
        return None


def write_file(path: pathlib.Path, image: bytes) -> None:
    """Store a list atomically (a half-written file is never found under ``path``)."""
    with replacing(path) as out:
        out.write(image)


def load(path: pathlib.Path | None, signature: bytes, read) -> WordFrequencies:
    """The list stored at ``path`` for ``signature``; else ``read()`` (a dict, in the
    list's order) is stored there and mapped. Without a path, or when the cache folder
    cannot be written, the list is kept in memory (compact all the same)."""
    if path is not None:
        stored = open_file(path, signature)
        if stored is not None:
            return stored
    image = build_image(read(), signature)
    if path is not None:
        try:
            write_file(path, image)
        except OSError:
            pass  # a read-only or full cache folder: the list lives in memory
        else:
            stored = open_file(path, signature)
            if stored is not None:
                return stored
    return WordFrequencies(image)
