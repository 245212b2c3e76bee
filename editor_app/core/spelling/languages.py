"""Every dictionary of a language, loaded once per process: frequency lists and hunspell.

A language's `LanguageData` combines pyspellchecker's word-frequency list (when it ships
one: it ranks suggestions by how common a word is) with the hunspell dictionaries of that
language (built-in and the user's own: they know declined and conjugated forms). A word
is known when any of them knows it. A language needs at least one of the two: Lithuanian
has only hunspell, Basque only a frequency list.

Loading English takes a few hundred ms and German or Portuguese more, so the GUI asks for
a language on a worker (`load_language_async`) at start-up; the registry makes sure each
language is read from disk once however many threads ask for it at the same time.

We read pyspellchecker's data files (``spellchecker/resources/<lang>.json.gz``) directly
instead of building its ``SpellChecker`` object: we only need the word -> frequency map, and
its candidate search is replaced by our bounded one (suggest.py).
"""

from __future__ import annotations

import gzip
import json
import os
import pathlib
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources

from editor_app.core.errors import BylineError, InputError
from editor_app.core.spelling import frequency_file, lookup_store
from editor_app.core.spelling.hunspell_dictionaries import (
    DictionaryInfo,
    HunspellDictionary,
    builtin_dictionary_dir,
    default_dictionary_dir,
    find_dictionaries,
    install_dictionary,
    load_dictionaries,
    load_problem,
    remove_dictionary,
)

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
    """One language's dictionaries: lowercase word -> frequency (a compact read-only map,
    frequency_file.py; empty when pyspellchecker has no list for it), its hunspell
    dictionaries, and what ranking needs."""

    language: str
    frequencies: frequency_file.WordFrequencies  # a dict given is made one
    alphabet: str
    max_frequency: int
    longest_word: int
    hunspell: tuple[HunspellDictionary, ...] = ()
    # One line per dictionary of this language that could not be used (naming its file);
    # the others work. Shown once when the language loads.
    problems: tuple[str, ...] = ()
    _suggester: object = field(default=None, repr=False)
    _suggester_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    # What the dictionary alone says of a normalized word, per spelling variant
    # (British or not): shared by every checker of this language, so a batch that
    # checks article after article looks each word up once (SpellChecker._known_here).
    known_words: dict = field(default_factory=dict, repr=False)
    # Whether a known word is one edit away from an unknown one (the repeated-term rule
    # of the checker), per variant as known_words.
    near_known: dict = field(default_factory=dict, repr=False)
    # (path, size, mtime) of every file the dictionaries' answers come from, taken
    # before they were read: what the lookup cache on disk is keyed by
    stamps: tuple = ()
    _stores: dict = field(default_factory=dict, repr=False)
    _stores_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _hunspell_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.frequencies, frequency_file.WordFrequencies):  # a dict
            self.frequencies = frequency_file.in_memory(self.frequencies)

    def lookup_store(self, variant) -> lookup_store.StoredLookups:
        """What earlier sessions' dictionaries said of words, for one spelling variant
        (see lookup_store.py): read from the user's cache once per process."""
        store = self._stores.get(variant)
        if store is None:
            with self._stores_lock:
                store = self._stores.get(variant)
                if store is None:
                    store = self._stores[variant] = _open_lookup_store(self, variant)
        return store

    def __contains__(self, word: str) -> bool:
        return word in self.frequencies

    def hunspell_for(self, region: str = "") -> tuple[HunspellDictionary, ...]:
        """The hunspell dictionaries an article in ``language-region`` is checked with,
        read by hunspell now if they were not yet (on the caller's thread: a worker).

        No region ("en"): all of them (British or American spelling are both right). A
        region ("en-US"): that region's and region-less ones; when none is for that region
        ("en-AU"), all of them again rather than none. Only these are read: an en-GB
        article costs no memory for en_US (#20). One hunspell cannot read (the binding
        failed although the files looked sound) is left out and said in ``problems``.
        """
        chosen = self.hunspell
        if region:
            region = region.upper()
            chosen = tuple(d for d in self.hunspell if d.info.region in (region, "")) or chosen
        if all(d.loaded for d in chosen):
            return chosen
        with self._hunspell_lock:
            for dictionary in chosen:
                if dictionary.loaded or dictionary not in self.hunspell:
                    continue
                try:
                    dictionary.load()
                except Exception as exc:  # noqa: BLE001 - the binding's own errors
                    self.problems = (*self.problems, load_problem(dictionary.info, exc))
                    self.hunspell = tuple(d for d in self.hunspell if d is not dictionary)
        return tuple(d for d in chosen if d in self.hunspell)

    @property
    def suggester(self):
        """The suggestion engine, created on first use (its index builds lazily)."""
        if self._suggester is None:
            from editor_app.core.spelling.suggest import Suggester

            with self._suggester_lock:
                if self._suggester is None:
                    self._suggester = Suggester(self, index_path=_index_path(self),
                                                index_key=(self.language, self.stamps))
        return self._suggester


_user_folders: list[pathlib.Path] | None = None


def use_dictionary_folders(folders) -> None:
    """Where the user's own hunspell dictionaries are (the composition root says; by
    default `default_dictionary_dir`). Loaded languages are forgotten."""
    global _user_folders
    _user_folders = [pathlib.Path(f) for f in folders]
    forget_languages()


def dictionary_folders() -> list[pathlib.Path]:
    """The built-in dictionary folder first, then the user's."""
    users = _user_folders if _user_folders is not None else [default_dictionary_dir()]
    return [builtin_dictionary_dir(), *users]


# (the user's cache folder?, else this folder or None: in memory only)
_lookup_folder: tuple[bool, pathlib.Path | None] = (True, None)


def use_lookup_cache_folder(folder: str | os.PathLike | bool | None) -> None:
    """Where the dictionaries' answers are cached between sessions (a folder; None: keep
    them in memory only; True: the user's cache folder, the default). Loaded languages
    are forgotten."""
    global _lookup_folder
    if folder is True:
        _lookup_folder = (True, None)
    elif folder is None or folder is False:
        _lookup_folder = (False, None)
    else:
        _lookup_folder = (False, pathlib.Path(folder))
    forget_languages()


def lookup_cache_folder() -> pathlib.Path | None:
    """The folder of the lookup cache (XDG_CACHE_HOME/byline/spelling on Linux)."""
    users, folder = _lookup_folder
    if users:
        import platformdirs

        return pathlib.Path(platformdirs.user_cache_dir("byline", appauthor=False)) / "spelling"
    return folder


# Bump when what SpellChecker._known_here or _near_known answer changes for the same
# dictionary files: stored answers of older rules are not used then.
LOOKUP_RULES = 1


# Bump when what _read_frequencies makes of the same files changes: lists stored
# before are read from the JSON again then.
FREQUENCY_LIST_RULES = 1


def _open_lookup_store(data: LanguageData, variant) -> lookup_store.StoredLookups:
    from editor_app import __version__

    folder = lookup_cache_folder()
    signature = lookup_store.make_signature(
        LOOKUP_RULES, __version__, data.language, variant, data.stamps)
    path = None
    if folder is not None:
        tag = lookup_store.make_signature(data.language, variant).hex()[:16]
        path = folder / f"lookups-{data.language}-{tag}.bin"
    return lookup_store.open_store(path, signature)


def _frequency_list_path(code: str) -> pathlib.Path | None:
    """Where the compact frequency list of ``code`` is kept (frequency_file.py), or None."""
    folder = lookup_cache_folder()
    if folder is None:
        return None
    tag = lookup_store.make_signature(code).hex()[:16]
    return folder / f"words-{code}-{tag}.bin"


def _index_path(data: LanguageData) -> pathlib.Path | None:
    """Where the suggestion index of ``data``'s language is kept (suggest.py), or None."""
    folder = lookup_cache_folder()
    if folder is None:
        return None
    tag = lookup_store.make_signature(data.language).hex()[:16]
    return folder / f"suggest-{data.language}-{tag}.index"


def _stamps(code: str) -> tuple:
    """What the lookup cache of ``code`` is keyed by: every dictionary file of the
    language (sound or not), pyspellchecker's list, Byline's word list, the binding."""
    paths = []
    for info in find_dictionaries(dictionary_folders()):
        if info.language == code:
            paths += [info.aff, info.dic]
    paths.append(_frequency_path(code))
    paths.append(wordlist_dir() / f"{code}.txt")
    try:
        import hunspell

        binding = pathlib.Path(hunspell.__file__).parent
        paths += sorted(p for p in binding.iterdir() if ".so" in p.name or p.suffix in (".pyd", ".dylib"))
    except (ImportError, OSError):
        pass
    return tuple((str(p), lookup_store.file_stamp(p)) for p in paths)


def _frequency_path(language: str) -> pathlib.Path:
    return pathlib.Path(str(resources.files("spellchecker") / "resources" / f"{language}.json.gz"))


def installed_dictionaries():
    """Every hunspell dictionary Byline can use (built-in first), as DictionaryInfo."""
    return find_dictionaries(dictionary_folders())


def frequency_languages() -> list[str]:
    """Languages pyspellchecker ships a word-frequency list for."""
    return _frequency_languages()


def add_dictionary(aff) -> DictionaryInfo:
    """Install a user's hunspell dictionary (``.aff`` + ``.dic``) into the user's folder
    after checking it (InputError naming the file otherwise); its language is read
    again by the next checker."""
    target = dictionary_folders()[1]
    info = install_dictionary(aff, target)
    forget_languages(info.language)
    return info


def remove_user_dictionary(info) -> None:
    """Remove a dictionary the user added; its language is read again by the next checker."""
    remove_dictionary(info)
    forget_languages(info.language)


def _frequency_languages() -> list[str]:
    base = resources.files("spellchecker") / "resources"
    return [code for code in SHIPPED_LANGUAGES if (base / f"{code}.json.gz").is_file()]


def available_languages() -> list[str]:
    """Language codes with a dictionary installed (frequency list or hunspell), sorted."""
    found = set(_frequency_languages())
    found.update(info.language for info in find_dictionaries(dictionary_folders()))
    return sorted(found)


def normalize_language(language: str | None) -> str:
    """``"en-GB"``, ``"EN_us"``, ``" en "`` -> ``"en"``; empty means English."""
    code = (language or "en").strip().lower().replace("_", "-").split("-")[0]
    return code or "en"


def language_region(language: str | None) -> str:
    """``"en-GB"`` -> ``"GB"``, ``"lt"`` -> ``""`` (a script subtag such as ``sr-Latn`` is
    not a region)."""
    parts = (language or "").strip().replace("_", "-").split("-")[1:]
    for part in parts:
        if len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit():
            return part.upper()
    return ""


def language_name(code: str) -> str:
    """"lt" -> "Lithuanian" (Babel's CLDR names; the code itself when Babel has none)."""
    try:
        from babel import Locale

        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except Exception:  # noqa: BLE001 - an unknown or malformed code
        return code


def _check_language(language: str | None) -> str:
    code = normalize_language(language)
    if code not in SHIPPED_LANGUAGES and not any(
            info.language == code for info in find_dictionaries(dictionary_folders())):
        names = ", ".join(available_languages())
        named = language_name(code)
        shown = f"{language!r} ({named})" if named != code else repr(language)
        raise InputError(f"no spelling dictionary for language {shown}; available: {names}; "
                         "add a hunspell dictionary in Tools ▸ Dictionaries")
    return code


def read_dictionary_file(language: str, path: pathlib.Path | None = None) -> LanguageData:
    """A frequency list (pyspellchecker's gzip'd JSON and Byline's word list) as
    LanguageData; any failure is SpellingUnavailable.

    Read once into the cache folder as a compact file (frequency_file.py) and mapped
    from there by later sessions; a ``path`` of another file is read into memory only.
    """
    default = path is None
    if path is None:
        path = _frequency_path(language)
    cache = _frequency_list_path(language) if default else None
    signature = frequency_file.make_signature(
        FREQUENCY_LIST_RULES, language, lookup_store.file_stamp(path),
        lookup_store.file_stamp(wordlist_dir() / f"{language}.txt"))
    words = frequency_file.load(cache, signature, lambda: _read_frequencies(language, path))
    return LanguageData(
        language=language,
        frequencies=words,
        alphabet=words.alphabet,
        max_frequency=words.max_frequency,
        longest_word=words.longest_word,
    )


def _read_frequencies(language: str, path: pathlib.Path) -> dict[str, int]:
    """The JSON's word -> frequency with Byline's word list merged in, in their order."""
    try:
        raw = path.read_bytes()
        frequencies = json.loads(gzip.decompress(raw).decode("utf-8"))
        if not isinstance(frequencies, dict) or not frequencies:
            raise ValueError("not a word-frequency table")
        if not all(type(v) is int and 0 <= v < 1 << 63 for v in frequencies.values()):
            raise ValueError("a frequency that is not a whole number")
    except FileNotFoundError:
        raise SpellingUnavailable(
            f"spelling dictionary for {language!r} is missing ({path}); spell-check is off"
        ) from None
    except (OSError, EOFError, ValueError, UnicodeDecodeError) as exc:
        raise SpellingUnavailable(
            f"spelling dictionary for {language!r} cannot be read ({path}: {exc}); spell-check is off"
        ) from None
    _merge_shipped_wordlist(language, frequencies)
    if len(frequencies) > frequency_file.MAX_WORDS:
        raise SpellingUnavailable(
            f"spelling dictionary for {language!r} has more than {frequency_file.MAX_WORDS:,} "
            f"words ({path}); spell-check is off")
    return frequencies


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
    values = sorted(frequencies.values()) or [1]
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
    data = _registry.get(normalize_language(language))
    if data is not None:
        return data
    code = _check_language(language)
    with _registry_lock:
        lock = _language_locks.setdefault(code, threading.Lock())
    with lock:  # a second thread asking for the same language waits for the first
        data = _registry.get(code)
        if data is None:
            data = _read_language(code)
            _registry[code] = data
    return data


def _read_language(code: str) -> LanguageData:
    """The frequency list (if pyspellchecker has one) and every hunspell dictionary."""
    stamps = _stamps(code)  # before reading: a file replaced meanwhile changes the key
    # hunspell reads each when an article needs it (hunspell_for)
    dictionaries, problems = load_dictionaries(code, dictionary_folders(), load=False)
    data = None
    if code in SHIPPED_LANGUAGES:
        try:
            data = read_dictionary_file(code)
        except SpellingUnavailable as exc:
            if not dictionaries:
                raise
            problems.append(f"{exc} (the hunspell dictionaries still work)".replace(
                "; spell-check is off", ""))
    if data is None:
        if not dictionaries:
            raise SpellingUnavailable(
                "; ".join(problems) if problems else
                f"no spelling dictionary for {code!r} could be loaded; spell-check is off")
        data = _hunspell_only(code, dictionaries)
    data.hunspell = tuple(dictionaries)
    data.problems = tuple(problems)
    data.stamps = stamps
    return data


def _hunspell_only(code: str, dictionaries: list[HunspellDictionary]) -> LanguageData:
    """LanguageData for a language pyspellchecker does not know: no frequencies; the
    alphabet is read off the dictionaries' words (flags after "/" left out)."""
    from collections import Counter

    letters: Counter = Counter()
    longest = 0
    for dictionary in dictionaries:
        text = dictionary.info.dic.read_bytes().decode(dictionary.encoding, "replace")
        words = [line.split("/", 1)[0] for line in text.splitlines()[1:]]
        letters.update("".join(words).lower())
        longest = max(longest, max(map(len, words), default=0))
    frequencies: dict[str, int] = {}
    _merge_shipped_wordlist(code, frequencies)
    alphabet = "".join(sorted(c for c, n in letters.items() if n >= 20 and c.isalpha()))
    # affixes make forms longer than any stem
    return LanguageData(language=code, frequencies=frequencies, alphabet=alphabet,
                        max_frequency=max(frequencies.values(), default=1),
                        longest_word=longest + 12)


def load_language_async(language: str | None) -> Future:
    """Start loading ``language`` on a background thread; the Future gives LanguageData.

    Errors (InputError, SpellingUnavailable) arrive through ``future.result()``.
    """
    global _executor
    with _registry_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="byline-spelling")
    return _executor.submit(load_language, language)


def forget_languages(*codes: str) -> None:
    """Drop loaded dictionaries (all, or those of ``codes``): after a dictionary was
    added or removed, the next checker of that language reads them again."""
    with _registry_lock:
        if not codes:
            _registry.clear()
        for code in codes:
            _registry.pop(normalize_language(code), None)
