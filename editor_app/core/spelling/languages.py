"""The word-frequency dictionaries pyspellchecker ships, loaded once per language.

Loading English takes about 100 ms and German or Portuguese several hundred, so the GUI
asks for a language on a worker (`load_language_async`) at start-up; the registry makes
sure each language is read from disk once however many threads ask for it at the same time.

We read pyspellchecker's data files (``spellchecker/resources/<lang>.json.gz``) directly
instead of building its ``SpellChecker`` object: we only need the word -> frequency map, and
its candidate search is replaced by our bounded one (suggest.py).
"""

from __future__ import annotations

import gzip
import json
import pathlib
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources

from editor_app.core.errors import BylineError, InputError

# The languages pyspellchecker 0.9 ships dictionaries for.
SHIPPED_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "lv", "eu", "ar", "fa")

# Scripts laid out on a QWERTY-like keyboard, for which keyboard adjacency means something.
LATIN_LANGUAGES = frozenset({"en", "de", "fr", "es", "it", "pt", "nl", "lv", "eu"})


class SpellingUnavailable(BylineError):
    """A dictionary exists in principle but cannot be read; spell-check must go off.

    The GUI catches this, switches spell-check off for the article and shows the message;
    editing goes on.
    """


@dataclass
class LanguageData:
    """One language's dictionary: lowercase word -> frequency, plus what ranking needs."""

    language: str
    frequencies: dict[str, int]
    alphabet: str
    max_frequency: int
    longest_word: int
    _suggester: object = field(default=None, repr=False)
    _suggester_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    # What the dictionary alone says of a normalized word, per spelling variant
    # (British or not): shared by every checker of this language, so a batch that
    # checks article after article looks each word up once (SpellChecker._known_here).
    known_words: dict = field(default_factory=lambda: {False: {}, True: {}}, repr=False)

    def __contains__(self, word: str) -> bool:
        return word in self.frequencies

    @property
    def suggester(self):
        """The suggestion engine, created on first use (its index builds lazily)."""
        if self._suggester is None:
            from editor_app.core.spelling.suggest import Suggester

            with self._suggester_lock:
                if self._suggester is None:
                    self._suggester = Suggester(self)
        return self._suggester


def available_languages() -> list[str]:
    """Language codes with a dictionary installed, sorted."""
    base = resources.files("spellchecker") / "resources"
    found = [code for code in SHIPPED_LANGUAGES if (base / f"{code}.json.gz").is_file()]
    return sorted(found)


def normalize_language(language: str | None) -> str:
    """``"en-GB"``, ``"EN_us"``, ``" en "`` -> ``"en"``; empty means English."""
    code = (language or "en").strip().lower().replace("_", "-").split("-")[0]
    return code or "en"


def _check_language(language: str | None) -> str:
    code = normalize_language(language)
    if code not in SHIPPED_LANGUAGES:
        names = ", ".join(available_languages())
        raise InputError(f"no spelling dictionary for language {language!r}; available: {names}")
    return code


def read_dictionary_file(language: str, path: pathlib.Path | None = None) -> LanguageData:
    """Read one gzip'd JSON frequency file; any failure is SpellingUnavailable."""
    if path is None:
        path = pathlib.Path(str(resources.files("spellchecker") / "resources" / f"{language}.json.gz"))
    try:
        raw = path.read_bytes()
        frequencies = json.loads(gzip.decompress(raw).decode("utf-8"))
        if not isinstance(frequencies, dict) or not frequencies:
            raise ValueError("not a word-frequency table")
    except FileNotFoundError:
        raise SpellingUnavailable(
            f"spelling dictionary for {language!r} is missing ({path}); spell-check is off"
        ) from None
    except (OSError, EOFError, ValueError, UnicodeDecodeError) as exc:
        raise SpellingUnavailable(
            f"spelling dictionary for {language!r} cannot be read ({path}: {exc}); spell-check is off"
        ) from None
    _merge_shipped_wordlist(language, frequencies)
    letters: dict[str, int] = {}
    for word in frequencies:
        for char in word:
            letters[char] = letters.get(char, 0) + 1
    # Letters seen only in a handful of words (stray accents, symbols) would multiply the
    # candidates generated per edit for little gain.
    alphabet = "".join(sorted(c for c, n in letters.items() if n >= 20 and c.isalpha()))
    return LanguageData(
        language=language,
        frequencies=frequencies,
        alphabet=alphabet,
        max_frequency=max(frequencies.values()),
        longest_word=max(map(len, frequencies)),
    )


# resources/wordlists/<language>.txt: newsroom vocabulary the shipped dictionaries lack.
def wordlist_dir() -> pathlib.Path:
    from editor_app.core.resources import resource_path

    return resource_path("wordlists")


def _merge_shipped_wordlist(language: str, frequencies: dict[str, int]) -> None:
    """Add Byline's own word list for the language, if there is one, as ordinary words.

    They get the frequency of a middling dictionary word, so they are found and suggested
    but never outrank a common word. A broken list is skipped: it must not cost the user
    spell-checking altogether.
    """
    from editor_app.core.spelling.wordlists import read_wordlist

    path = wordlist_dir() / f"{language}.txt"
    if not path.is_file():
        return
    try:
        words = read_wordlist(path)
    except BylineError:
        return
    values = sorted(frequencies.values())
    middling = values[len(values) // 2]
    for word in words:
        key = word.replace("\u2019", "'").lower()
        frequencies[key] = max(frequencies.get(key, 0), middling)


_registry: dict[str, LanguageData] = {}
_registry_lock = threading.Lock()
_language_locks: dict[str, threading.Lock] = {}
_executor: ThreadPoolExecutor | None = None


def load_language(language: str | None) -> LanguageData:
    """The dictionary for ``language``, read once per process (thread-safe, blocking).

    Raises InputError for a language no dictionary exists for (the message lists the
    available ones) and SpellingUnavailable when the file is missing or unreadable.
    """
    code = _check_language(language)
    data = _registry.get(code)
    if data is not None:
        return data
    with _registry_lock:
        lock = _language_locks.setdefault(code, threading.Lock())
    with lock:  # a second thread asking for the same language waits for the first
        data = _registry.get(code)
        if data is None:
            data = read_dictionary_file(code)
            _registry[code] = data
    return data


def load_language_async(language: str | None) -> Future:
    """Start loading ``language`` on a background thread; the Future gives LanguageData.

    Errors (InputError, SpellingUnavailable) arrive through ``future.result()``.
    """
    global _executor
    with _registry_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="byline-spelling")
    return _executor.submit(load_language, language)


def forget_languages() -> None:
    """Drop every loaded dictionary (tests, and a settings change that frees memory)."""
    with _registry_lock:
        _registry.clear()
