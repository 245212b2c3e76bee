"""Spelling suggestions in bounded time, ranked the way typists actually err.

pyspellchecker looks for distance-2 candidates by generating every string two edits
away (hundreds of thousands for a ten-letter word: half a second for ``publically``).
We find the same candidates with a symmetric-deletion index instead (the SymSpell idea):

* the index holds every dictionary word and every string made by deleting one letter from
  it, as 40-bit hashes packed with the word's number into one sorted ``array('q')``
  (about 12 MB for English instead of hundreds of MB of Python strings), plus a bitmap
  that answers "certainly absent" for most probes without a binary search;
* a word ``w`` is within distance 2 of the typo ``q`` exactly when some one-edit variant
  ``e`` of ``q`` is within distance 1 of ``w``, i.e. when ``e`` or a one-letter deletion
  of ``e`` is a key of the index.

Building the index takes one to two seconds, so it happens once per language on a
background thread the first time a suggestion is asked for; until it is ready, distance 2
is searched the slow way under a time budget. It is then kept in the user's cache folder
(index_file.py): a later session maps the file instead of building it again.

Hunspell dictionaries add candidates that know the language's morphology: hunspell's own
suggestions (for languages without a frequency list, such as Lithuanian: its rule-based
pass takes a few ms there, see hunspell_dictionaries.py), and close spellings Byline
makes itself (deleted, swapped, doubled letters, accents put back on letters that lost
them, and for languages without a frequency list every one-letter edit) that hunspell
accepts as words.

Candidates are ranked by a weighted Damerau-Levenshtein distance (a neighbouring key,
a doubled or undoubled letter, a swapped pair or a missing accent cost less than an
arbitrary edit) combined with the word's frequency in pyspellchecker's list where there
is one, and with hunspell's own order where there is not.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import pathlib
import threading
import time
import unicodedata
import zlib
from array import array
from bisect import bisect_left

from editor_app.core.spelling import index_file

_HASH_BITS = 40
_HASH_MASK = (1 << _HASH_BITS) - 1
_ID_BITS = 20  # up to 1,048,576 words per language (Portuguese has 416,782)
_BITMAP_BITS = 25
# Bump when the keys, the layout or the signature change: indexes stored before are
# not used then.
INDEX_FORMAT = 2


def _key_hash(text: str) -> int:
    """The 40-bit key of a string in the index: its CRC-32 and its length.

    Stable across processes (Python's hash() is not), so the index can be stored
    (index_file.py); the CRC in the low bits spreads the keys over the bitmap.
    """
    data = text.encode("utf-8", "surrogatepass")
    return ((len(data) & 0xFF) << 32) | zlib.crc32(data)

_KEYBOARD_ROWS = ("1234567890-", "qwertyuiop[", "asdfghjkl;'", "zxcvbnm,./")
_VOWELS = frozenset("aeiouy")


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    """Keys touching each key on a QWERTY keyboard (same row or the row above/below)."""
    position = {}
    for row, keys in enumerate(_KEYBOARD_ROWS):
        for col, key in enumerate(keys):
            # rows are staggered by about half a key each
            position[key] = (row, col + row * 0.5)
    neighbours: dict[str, set[str]] = {key: set() for key in position}
    for a, (ra, ca) in position.items():
        for b, (rb, cb) in position.items():
            if a != b and abs(ra - rb) <= 1 and abs(ca - cb) <= 1.01:
                neighbours[a].add(b)
    return {key: frozenset(value) for key, value in neighbours.items()}


KEYBOARD_NEIGHBOURS = _keyboard_neighbours()

# Edit costs, tuned on Norvig's first test set (the second one is kept for checking).
# Those sets are spelling errors (people not knowing a word), where a neighbouring key
# is no likelier than any other letter: a larger discount lost accuracy there, so it is
# only a tie-breaker that favours the fat-finger reading of a typo.
COST_SUBSTITUTE = 1.0
COST_NEIGHBOUR_KEY = 0.95
COST_VOWEL_FOR_VOWEL = 0.7
COST_ACCENT_ONLY = 0.2
COST_INSERT_DELETE = 1.0
COST_DOUBLED_LETTER = 0.3
COST_TRANSPOSE = 0.9
FREQUENCY_WEIGHT = 0.25  # distance units per factor of 10 in word frequency
MAX_DISTANCE = 2.0
# Without a frequency list, hunspell's order breaks ties: its n-th suggestion pays this
# much per place, and a spelling only Byline's own search found pays the most.
HUNSPELL_RANK_COST = 0.05
OWN_CANDIDATE_COST = 0.3
# Words hunspell knows but the frequency list lacks ("digitalisation") are ranked as
# if they had the frequency at this quantile of the list: rare, but real.
UNLISTED_FREQUENCY_QUANTILE = 0.3
# Putting accents back: at most this many letters at once, and this many spellings.
MAX_RESTORED_LETTERS = 3
MAX_RESTORATIONS = 1500


def _base_letter(char: str) -> str:
    return unicodedata.normalize("NFKD", char)[0]


def weighted_distance(typo: str, word: str, *, keyboard: bool = True, limit: float = 9.0) -> float:
    """Damerau-Levenshtein (optimal string alignment) distance with typist-aware costs.

    Returns a value above ``limit`` early when every alignment already costs more.
    """
    n, m = len(typo), len(word)
    if abs(n - m) * COST_DOUBLED_LETTER > limit:
        return limit + 1.0
    previous2: list[float] = []
    previous = [0.0] * (m + 1)
    for j in range(1, m + 1):
        step = COST_DOUBLED_LETTER if j > 1 and word[j - 1] == word[j - 2] else COST_INSERT_DELETE
        previous[j] = previous[j - 1] + step
    for i in range(1, n + 1):
        a = typo[i - 1]
        step = COST_DOUBLED_LETTER if i > 1 and a == typo[i - 2] else COST_INSERT_DELETE
        current = [previous[0] + step] + [0.0] * m
        row_min = current[0]
        for j in range(1, m + 1):
            b = word[j - 1]
            if a == b:
                cost = previous[j - 1]
            else:
                if keyboard and b in KEYBOARD_NEIGHBOURS.get(a, ()):
                    sub = COST_NEIGHBOUR_KEY
                elif a in _VOWELS and b in _VOWELS:
                    sub = COST_VOWEL_FOR_VOWEL
                elif _base_letter(a) == _base_letter(b):
                    sub = COST_ACCENT_ONLY
                else:
                    sub = COST_SUBSTITUTE
                cost = previous[j - 1] + sub
            # deleting a letter of the typo: cheap when it doubles its neighbour
            delete = COST_DOUBLED_LETTER if (i > 1 and a == typo[i - 2]) or (i < n and a == typo[i]) else COST_INSERT_DELETE
            if previous[j] + delete < cost:
                cost = previous[j] + delete
            insert = COST_DOUBLED_LETTER if (j > 1 and b == word[j - 2]) or (j < m and b == word[j]) else COST_INSERT_DELETE
            if current[j - 1] + insert < cost:
                cost = current[j - 1] + insert
            if i > 1 and j > 1 and a == word[j - 2] and typo[i - 2] == b:
                if previous2[j - 2] + COST_TRANSPOSE < cost:
                    cost = previous2[j - 2] + COST_TRANSPOSE
            current[j] = cost
            if cost < row_min:
                row_min = cost
        if row_min > limit:
            return limit + 1.0
        previous2, previous = previous, current
    return previous[m]


class Suggester:
    """Finds and ranks corrections for one language; thread-safe, index built lazily."""

    def __init__(self, data, *, index_path: pathlib.Path | None = None,
                 index_key: tuple = ()) -> None:
        """``index_path``: where the index is kept between sessions (None: built in
        memory each time); ``index_key``: what it depends on besides the words (the
        dictionary files' stamps)."""
        self._data = data
        self._index_path = index_path
        self._index_key = index_key
        self._stored: index_file.MappedIndex | None = None
        # a compact map (frequency_file.py): words are looked up in it, never copied
        # into the process as a whole
        self._frequencies = data.frequencies
        self._alphabet = data.alphabet + ("'" if data.frequencies.any_word_contains("'", 50000) else "")
        self._keyboard = data.language in {"en", "de", "fr", "es", "it", "pt", "nl", "lv", "eu", "lt"}
        self._log_max = math.log10(max(data.max_frequency, 10))
        # base letter -> the accented letters of this language's alphabet ("u" -> "ūų")
        accented: dict[str, list[str]] = {}
        for letter in data.alphabet:
            base = _base_letter(letter)
            if base != letter and base.isalpha():
                accented.setdefault(base, []).append(letter)
        self._accented = accented
        self._unlisted_frequency: int | None = None
        self._keys: array | memoryview | None = None
        self._bitmap: bytearray | memoryview | None = None
        self._build_lock = threading.Lock()
        # A separate lock for starting the background build: suggest() calls
        # build_index_in_background() and must not wait for a build to finish.
        self._start_lock = threading.Lock()
        self._build_thread: threading.Thread | None = None

    # -- the deletion index ------------------------------------------------------------

    @property
    def index_ready(self) -> bool:
        return self._keys is not None

    def build_index(self) -> None:
        """Make the deletion index ready now, in the calling thread (idempotent): from
        the file an earlier session stored, else built and stored for the next ones."""
        with self._build_lock:
            if self._keys is not None:
                return
            words = self._frequencies
            signature = self._signature()
            bitmap_bytes = 1 << (_BITMAP_BITS - 3)
            if self._index_path is not None:
                stored = index_file.open_index(self._index_path, signature, len(words),
                                               bitmap_bytes)
                if stored is not None:
                    self._use(stored.bitmap, stored.keys, stored)
                    return
            mask = _HASH_MASK
            key_hash = _key_hash
            packed = []
            add = packed.append
            for number, word in enumerate(words):
                add(((key_hash(word) & mask) << _ID_BITS) | number)
                for i in range(len(word)):
                    add(((key_hash(word[:i] + word[i + 1:]) & mask) << _ID_BITS) | number)
            packed.sort()
            bitmap = bytearray(bitmap_bytes)
            bitmask = (1 << _BITMAP_BITS) - 1
            for key in packed:
                bit = (key >> _ID_BITS) & bitmask
                bitmap[bit >> 3] |= 1 << (bit & 7)
            keys = array("q", packed)
            del packed
            if self._index_path is not None:
                try:
                    index_file.write_index(self._index_path, signature, len(words), bitmap, keys)
                except OSError:
                    pass  # a read-only or full cache folder: the index lives in memory
                else:
                    stored = index_file.open_index(self._index_path, signature, len(words),
                                                   bitmap_bytes)
                    if stored is not None:  # the mapped file: pages come in when used
                        self._use(stored.bitmap, stored.keys, stored)
                        return
            self._use(bitmap, keys, None)

    def _use(self, bitmap, keys, stored) -> None:
        self._bitmap = bitmap
        self._stored = stored
        self._keys = keys  # last: index_ready and candidates() read it without the lock

    def _signature(self) -> bytes:
        """What the index depends on: its layout, the dictionary files' stamps, and the
        words in their order (the frequency list's checksum covers them)."""
        digest = hashlib.blake2b(digest_size=index_file.SIGNATURE_BYTES)
        digest.update(repr((INDEX_FORMAT, _HASH_BITS, _ID_BITS, _BITMAP_BITS,
                            self._index_key)).encode("utf-8", "backslashreplace"))
        digest.update(self._frequencies.checksum)
        return digest.digest()

    def build_index_in_background(self) -> threading.Thread:
        """Start building the index on a daemon thread (once); returns that thread."""
        with self._start_lock:
            if self._build_thread is None:
                self._build_thread = threading.Thread(
                    target=self.build_index, name="byline-spelling-index", daemon=True
                )
                self._build_thread.start()
            return self._build_thread

    def _lookup(self, key: str, found: set[int]) -> None:
        hashed = _key_hash(key) & _HASH_MASK
        bit = hashed & ((1 << _BITMAP_BITS) - 1)
        if not self._bitmap[bit >> 3] & (1 << (bit & 7)):
            return
        keys = self._keys
        low = hashed << _ID_BITS
        i = bisect_left(keys, low)
        high = low + (1 << _ID_BITS)
        while i < len(keys) and keys[i] < high:
            found.add(keys[i] & ((1 << _ID_BITS) - 1))
            i += 1

    # -- candidates ----------------------------------------------------------------------

    def edits1(self, word: str) -> set[str]:
        letters = self._alphabet
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        return {
            *(left + right[1:] for left, right in splits if right),
            *(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1),
            *(left + c + right[1:] for left, right in splits if right for c in letters),
            *(left + c + right for left, right in splits for c in letters),
        }

    def candidates(self, word: str, *, budget: float = 0.03) -> set[str]:
        """Dictionary words within edit distance 2 of ``word`` (lowercase)."""
        frequencies = self._frequencies
        if not frequencies:
            return set()
        first = self.edits1(word)
        found = {e for e in first if e in frequencies}
        if self._keys is None:
            self.build_index_in_background()
            # Index not ready yet: the exhaustive distance-2 search, cut off by the budget.
            # Deletions first: the commonest second edit in misspellings is a dropped letter.
            deadline = time.perf_counter() + budget
            for e in sorted(first, key=len):
                found.update(x for x in self.edits1(e) if x in frequencies)
                if time.perf_counter() > deadline:
                    break
            return found
        ids: set[int] = set()
        lookup = self._lookup
        for e in first:
            lookup(e, ids)
            for i in range(len(e)):
                lookup(e[:i] + e[i + 1:], ids)
        word_at = frequencies.word
        count = len(frequencies)
        length = len(word)
        # A number past the list's end can only come from a damaged stored index.
        found.update(w for w in (word_at(i) for i in ids if i < count) if abs(len(w) - length) <= 2)
        return found

    # -- ranking ---------------------------------------------------------------------------

    def score(self, typo: str, word: str, distance: float | None = None) -> float:
        """Lower is better: weighted distance minus a bonus for frequent words."""
        if distance is None:
            distance = weighted_distance(typo, word, keyboard=self._keyboard)
        if not self._frequencies:
            return distance  # nothing to rank by frequency: hunspell's order decides ties
        frequency = self._frequencies.get(word) or self._unlisted()
        return distance + FREQUENCY_WEIGHT * (self._log_max - math.log10(max(frequency, 1)))

    def _unlisted(self) -> int:
        if self._unlisted_frequency is None:
            self._unlisted_frequency = self._frequencies.quantile(UNLISTED_FREQUENCY_QUANTILE)
        return self._unlisted_frequency

    def restorations(self, word: str, letters: int = MAX_RESTORED_LETTERS) -> set[str]:
        """``word`` with accents put back on up to ``letters`` letters ("ziniasklaida" ->
        "žiniasklaida"): the commonest typo of people typing on a keyboard without them."""
        positions = [i for i, c in enumerate(word) if c in self._accented]
        found: set[str] = set()
        for count in range(1, min(letters, len(positions)) + 1):
            for chosen in itertools.combinations(positions, count):
                for letters in itertools.product(*(self._accented[word[i]] for i in chosen)):
                    chars = list(word)
                    for i, letter in zip(chosen, letters, strict=True):
                        chars[i] = letter
                    found.add("".join(chars))
                    if len(found) >= MAX_RESTORATIONS:
                        return found
        return found

    def cheap_edits(self, word: str) -> set[str]:
        """Deleted, swapped and doubled letters: the edits a typist makes most."""
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        return {
            *(left + right[1:] for left, right in splits if right),
            *(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1),
            *(left + right[0] + right for left, right in splits if right),
        }

    def hunspell_candidates(self, word: str, typo: str, dictionaries) -> dict[str, float]:
        """Spellings hunspell accepts near ``word`` -> a tie-breaking cost (lower is better).

        With a frequency list (English) only Byline's cheap edits and accent restorations
        are asked about (hunspell's own search is slow for English dictionaries); without
        one (Lithuanian) hunspell's suggestions come first, then every one-letter edit.
        """
        found: dict[str, float] = {}
        if not self._frequencies:
            for dictionary in dictionaries:
                for rank, suggestion in enumerate(dictionary.suggest(word)):
                    if " " in suggestion or "-" in suggestion and "-" not in word:
                        continue  # "co lour", "co-lour": splitting a word is rarely the fix
                    cost = rank * HUNSPELL_RANK_COST
                    found[suggestion] = min(found.get(suggestion, cost), cost)
            # hunspell's own pass already tried one-letter edits with its TRY letters;
            # every one-letter edit is the fallback when it found nothing
            if found:  # accents put back on up to two letters: fewer words to ask about
                edits = self.restorations(typo, letters=2)
            else:
                edits = self.edits1(typo) | self.restorations(typo)
        else:
            edits = self.cheap_edits(typo) | self.restorations(typo)
        edits.discard(typo)
        for edit in edits:
            if edit in found or edit in self._frequencies:
                continue
            cased = _match_case(word, edit)
            if any(d.spell(cased) for d in dictionaries):
                found[cased] = OWN_CANDIDATE_COST
        return found

    def suggest(self, word: str, limit: int = 5, dictionaries=()) -> list[str]:
        """Up to ``limit`` corrections for ``word``, best first, in the word's own case."""
        if not word:
            return []
        typo = word.replace("\u2019", "'").lower()
        if len(typo) > self._data.longest_word + 3:
            return []
        ranked: dict[str, float] = {}
        for candidate in self.candidates(typo):
            if candidate == typo:
                continue
            distance = weighted_distance(typo, candidate, keyboard=self._keyboard, limit=MAX_DISTANCE)
            if distance <= MAX_DISTANCE:
                ranked[_match_case(word, candidate)] = self.score(typo, candidate, distance)
        if dictionaries:
            for candidate, cost in self.hunspell_candidates(word, typo, dictionaries).items():
                lower = candidate.lower()
                if lower == typo:
                    continue
                distance = weighted_distance(typo, lower, keyboard=self._keyboard, limit=MAX_DISTANCE)
                if distance > MAX_DISTANCE:
                    continue
                score = self.score(typo, lower, distance) + cost
                key = _match_case(word, candidate) if candidate == lower else candidate
                if score < ranked.get(key, math.inf):
                    ranked[key] = score
        ordered = sorted(ranked.items(), key=lambda item: (item[1], item[0]))
        return [candidate for candidate, _ in ordered[:limit]]


def _match_case(original: str, suggestion: str) -> str:
    if len(original) > 1 and original.isupper():
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
