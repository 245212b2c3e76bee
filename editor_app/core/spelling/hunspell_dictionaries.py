"""Hunspell dictionaries: which are installed, whether their files are sound, loading them.

pyspellchecker's frequency lists know no Lithuanian at all and miss many real English
words ("digitalisation", "photonics"); hunspell dictionaries know a language's
morphology (every declined and conjugated form through the affix rules). Byline ships
lt_LT, en_GB and en_US in resources/dictionaries/ and reads any other hunspell
dictionary the user adds (a ``.aff`` and a ``.dic`` of the same name) from a folder of
their own (`default_dictionary_dir`).

Hunspell itself accepts any file and silently knows nothing, so the files are checked
here first (`check_dictionary_files`): an empty, damaged or wrongly encoded file is
refused with one line naming it, and the other dictionaries go on working.

Hunspell's own suggestion search spends most of its time (100-450 ms a word) in an
n-gram pass over the whole dictionary, and the binding holds the GIL meanwhile, which
would freeze typing. Each dictionary is therefore opened from a private copy of its
``.aff`` with ``MAXNGRAMSUGS 0``: suggestions then come from hunspell's rules (REP, MAP,
KEY, TRY, affixes) in a few milliseconds, and Byline's own candidate search supplies
the rest (suggest.py).
"""

from __future__ import annotations

import atexit
import os
import pathlib
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass

from editor_app.core.errors import InputError

# Hunspell's names for the encodings a SET line may give -> Python codecs.
_ENCODINGS = {
    "utf-8": "utf-8",
    "iso8859-1": "iso8859-1", "iso8859-2": "iso8859-2", "iso8859-3": "iso8859-3",
    "iso8859-4": "iso8859-4", "iso8859-5": "iso8859-5", "iso8859-6": "iso8859-6",
    "iso8859-7": "iso8859-7", "iso8859-8": "iso8859-8", "iso8859-9": "iso8859-9",
    "iso8859-10": "iso8859-10", "iso8859-13": "iso8859-13", "iso8859-14": "iso8859-14",
    "iso8859-15": "iso8859-15", "koi8-r": "koi8-r", "koi8-u": "koi8-u",
    "microsoft-cp1251": "cp1251", "cp1251": "cp1251", "tis620-2533": "tis-620",
}
# xx, xxx, xx_YY, xx-YY, xx_YY_variant: the language is what comes before the first
# "_" or "-" (LibreOffice and Debian name their dictionaries this way).
_NAME = re.compile(r"([a-z]{2,3})(?:[_-]([A-Za-z]{2}|\d{3}))?(?:[_-][A-Za-z0-9_-]+)?")
_SET_LINE = re.compile(rb"^[ \t]*SET[ \t]+(\S+)", re.MULTILINE)
_DIRECTIVE = re.compile(r"^(?:SET|TRY|PFX|SFX|FLAG|KEY|REP|MAP|WORDCHARS|COMPOUND\w*|LANG)\b", re.MULTILINE)
_MAX_FILE_BYTES = 200 * 1024 * 1024
_PATCH = "\n# added by Byline: no n-gram pass (it holds the GIL for 100-450 ms a word)\nMAXNGRAMSUGS 0\n"


@dataclass(frozen=True)
class DictionaryInfo:
    """One installed hunspell dictionary (its files are not read by making one)."""

    name: str  # the file stem: "lt_LT"
    language: str  # "lt"
    region: str  # "LT", or "" for a dictionary of the whole language
    aff: pathlib.Path
    dic: pathlib.Path
    builtin: bool  # shipped with Byline (cannot be removed)

    def approximate_words(self) -> int | None:
        """The word count the ``.dic`` declares on its first line (None if unreadable)."""
        try:
            with open(self.dic, "rb") as handle:
                head = handle.readline(64).strip().lstrip(b"\xef\xbb\xbf")
        except OSError:
            return None
        return int(head) if head.isdigit() else None

    @property
    def licence(self) -> pathlib.Path | None:
        """The licence file beside it (``<name>.LICENSE.txt``), when there is one."""
        path = self.aff.with_name(f"{self.name}.LICENSE.txt")
        return path if path.is_file() else None


def builtin_dictionary_dir() -> pathlib.Path:
    """resources/dictionaries, in the source tree or the desktop build."""
    from editor_app.core.resources import resource_path

    return resource_path("dictionaries")


def default_dictionary_dir() -> pathlib.Path:
    """Where dictionaries the user adds are kept (beside the personal word list)."""
    import platformdirs

    return pathlib.Path(platformdirs.user_data_dir("byline", appauthor=False)) / "dictionaries"


def parse_name(name: str) -> tuple[str, str] | None:
    """``"lt_LT"`` -> ``("lt", "LT")``, ``"de_DE_frami"`` -> ``("de", "DE")``; None when
    the name does not start with a language code."""
    match = _NAME.fullmatch(name)
    if match is None:
        return None
    return match.group(1), (match.group(2) or "").upper()


def find_dictionaries(folders) -> list[DictionaryInfo]:
    """Every ``<name>.aff`` with a ``<name>.dic`` beside it in ``folders`` (the first
    folder is the built-in one), sorted by language and name. A user dictionary with
    the name of a built-in one is listed after it; both are used."""
    found = []
    for index, folder in enumerate(folders):
        folder = pathlib.Path(folder)
        if not folder.is_dir():
            continue
        for aff in sorted(folder.glob("*.aff")):
            dic = aff.with_suffix(".dic")
            parsed = parse_name(aff.stem)
            if parsed is None or not dic.is_file():
                continue
            found.append(DictionaryInfo(aff.stem, parsed[0], parsed[1], aff, dic, index == 0))
    return sorted(found, key=lambda d: (d.language, d.region, d.name, not d.builtin))


def _first_bad_line(data: bytes, error: UnicodeDecodeError) -> int:
    return data.count(b"\n", 0, error.start) + 1


def check_dictionary_files(aff: pathlib.Path, dic: pathlib.Path) -> tuple[str, int]:
    """(Python codec, number of entries) of a sound dictionary; InputError naming the
    file and what is wrong otherwise (empty, binary, wrongly encoded, no word count)."""
    texts = {}
    encoding = None
    for path in (aff, dic):
        try:
            size = path.stat().st_size
            if size > _MAX_FILE_BYTES:
                raise InputError(f"dictionary file {path}: larger than {_MAX_FILE_BYTES >> 20} MB")
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(f"dictionary file {path} is missing") from None
        except OSError as exc:
            raise InputError(f"dictionary file {path} cannot be read ({exc.strerror or exc})") from None
        if not data.strip():
            raise InputError(f"dictionary file {path} is empty")
        if b"\x00" in data:
            raise InputError(f"dictionary file {path} is not text (it holds NUL bytes)")
        if encoding is None:  # the .aff comes first and names the encoding of both
            match = _SET_LINE.search(data)
            declared = match.group(1).decode("ascii", "replace") if match else "ISO8859-1"
            encoding = _ENCODINGS.get(declared.lower().replace("_", "-"))
            if encoding is None:
                raise InputError(f"dictionary file {path}: unknown encoding {declared!r} in its SET line")
            if data.startswith(b"\xef\xbb\xbf") and encoding != "utf-8":
                raise InputError(f"dictionary file {path} starts with a UTF-8 mark but its "
                                 f"SET line says {declared}")
        try:
            texts[path] = data.decode(encoding).lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            raise InputError(f"dictionary file {path} is not {encoding} text as its .aff says "
                             f"(bad byte at line {_first_bad_line(data, exc)})") from None
    if _DIRECTIVE.search(texts[aff]) is None:
        raise InputError(f"dictionary file {aff} is not a hunspell affix file (no SET, TRY, "
                         "PFX or SFX line)")
    head, _, rest = texts[dic].partition("\n")
    head = head.strip()
    if not head.isdigit():
        raise InputError(f"dictionary file {dic}: the first line must be the number of words, "
                         f"not {head[:30]!r}")
    if not rest.strip():
        raise InputError(f"dictionary file {dic} holds no words")
    return encoding, rest.count("\n") + (not rest.endswith("\n"))


class HunspellDictionary:
    """One dictionary: spelling and suggestions through hunspell (chunspell).

    Its files are checked when it is made; hunspell reads them when `load` is called
    (``load=True``: at once), or at the first word asked about: 50-70 ms and 7-10 MiB
    for an English one (#20), so a language's dictionaries are read only when an
    article needs them (an en-GB article never reads en_US).

    Thread-safe in practice: the binding holds the GIL for every call, so calls never
    run at the same time; loading is under a lock.
    """

    def __init__(self, info: DictionaryInfo, encoding: str, entries: int, *,
                 load: bool = True) -> None:
        self.info = info
        self.encoding = encoding
        self.entries = entries
        self._codec = encoding
        self._hunspell = None
        self._load_lock = threading.Lock()
        if load:
            self.load()

    @property
    def loaded(self) -> bool:
        return self._hunspell is not None

    def load(self) -> None:
        """Have hunspell read the dictionary now (once); the binding's errors pass on."""
        if self._hunspell is not None:
            return
        with self._load_lock:
            if self._hunspell is None:
                from hunspell import Hunspell

                folder = _patched_copy(self.info)
                self._hunspell = Hunspell(self.info.name, hunspell_data_dir=str(folder),
                                          system_encoding="UTF-8")

    def _encodable(self, word: str) -> bool:
        if self._codec == "utf-8":
            return True
        try:
            word.encode(self._codec)
        except UnicodeEncodeError:
            return False
        return True

    def spell(self, word: str) -> bool:
        """Whether hunspell knows ``word`` as written (it accepts ALL CAPS and a capital
        first letter of any word it knows; "london" in lower case is not "London")."""
        if not self._encodable(word):
            return False  # a letter this dictionary's encoding cannot even hold
        if self._hunspell is None:
            self.load()
        return self._hunspell.spell(word)

    def suggest(self, word: str) -> tuple[str, ...]:
        """Hunspell's suggestions, best first (a few ms: no n-gram pass, see above)."""
        if not self._encodable(word):
            return ()
        if self._hunspell is None:
            self.load()
        return self._hunspell.suggest(word)


_copies_lock = threading.Lock()
_copies_root: pathlib.Path | None = None


def _cleanup_copies() -> None:
    if _copies_root is not None:
        shutil.rmtree(_copies_root, ignore_errors=True)


def _patched_copy(info: DictionaryInfo) -> pathlib.Path:
    """A private folder holding ``<name>.aff`` + MAXNGRAMSUGS 0 and the ``.dic`` (linked
    when the file system allows, else copied); removed when the process exits."""
    global _copies_root
    with _copies_lock:
        if _copies_root is None:
            _copies_root = pathlib.Path(tempfile.mkdtemp(prefix="byline-hunspell-"))
            atexit.register(_cleanup_copies)
        folder = pathlib.Path(tempfile.mkdtemp(dir=_copies_root))
    aff = info.aff.read_bytes()
    match = _SET_LINE.search(aff)
    declared = match.group(1).decode("ascii", "replace") if match else "ISO8859-1"
    codec = _ENCODINGS.get(declared.lower().replace("_", "-"), "iso8859-1")
    (folder / f"{info.name}.aff").write_bytes(aff + _PATCH.encode(codec))
    target = folder / f"{info.name}.dic"
    try:
        os.link(info.dic, target)
    except OSError:
        shutil.copyfile(info.dic, target)
    return folder


def load_dictionaries(language: str, folders, *, load: bool = True
                      ) -> tuple[list[HunspellDictionary], list[str]]:
    """The sound dictionaries of ``language`` in ``folders`` and one line per broken one
    (naming its file); a broken dictionary never stops the others from loading.
    ``load=False``: the files are checked, hunspell reads them later (`load_problem`)."""
    loaded, problems = [], []
    for info in find_dictionaries(folders):
        if info.language != language:
            continue
        try:
            encoding, entries = check_dictionary_files(info.aff, info.dic)
            loaded.append(HunspellDictionary(info, encoding, entries, load=load))
        except InputError as exc:
            problems.append(f"{exc}; spell-check goes on without {info.name}")
        except Exception as exc:  # noqa: BLE001 - the binding's own errors
            problems.append(load_problem(info, exc))
    return loaded, problems


def load_problem(info: DictionaryInfo, error: Exception) -> str:
    """The line saying that hunspell could not read a dictionary whose files looked sound."""
    return (f"dictionary {info.name} ({info.aff.parent}) cannot be loaded ({error}); "
            "spell-check goes on without it")


def install_dictionary(aff: str | os.PathLike, target_dir: str | os.PathLike,
                       dic: str | os.PathLike | None = None) -> DictionaryInfo:
    """Copy a user's hunspell dictionary (``.aff`` and the ``.dic`` beside it, or ``dic``)
    into ``target_dir`` after checking both files; InputError says what is wrong and
    nothing is written then. A dictionary of the same name is replaced."""
    aff = pathlib.Path(aff)
    if aff.suffix.lower() == ".dic" and dic is None:
        aff, dic = aff.with_suffix(".aff"), aff
    dic = pathlib.Path(dic) if dic is not None else aff.with_suffix(".dic")
    if aff.suffix.lower() != ".aff":
        raise InputError(f"{aff}: a hunspell dictionary is a .aff file with a .dic beside it")
    name = aff.stem
    if parse_name(name) is None:
        raise InputError(f"{aff.name}: the file name must start with a language code, "
                         "like lt_LT.aff or de_DE.aff")
    if not dic.is_file():
        raise InputError(f"{aff.name}: no {dic.name} beside it (a hunspell dictionary is two files)")
    check_dictionary_files(aff, dic)
    target_dir = pathlib.Path(target_dir)
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        for source, suffix in ((dic, ".dic"), (aff, ".aff")):  # .aff last: it makes it listed
            fd, tmp = tempfile.mkstemp(prefix=".dictionary-", dir=target_dir)
            os.close(fd)
            shutil.copyfile(source, tmp)
            os.replace(tmp, target_dir / f"{name}{suffix}")
    except OSError as exc:
        raise InputError(f"cannot copy the dictionary into {target_dir}: {exc.strerror or exc}") from None
    parsed = parse_name(name)
    return DictionaryInfo(name, parsed[0], parsed[1], target_dir / f"{name}.aff",
                          target_dir / f"{name}.dic", False)


def remove_dictionary(info: DictionaryInfo) -> None:
    """Delete a dictionary the user added (built-in ones cannot be removed)."""
    if info.builtin:
        raise InputError(f"{info.name} comes with Byline and cannot be removed")
    try:
        info.aff.unlink(missing_ok=True)
        info.dic.unlink(missing_ok=True)
    except OSError as exc:
        raise InputError(f"cannot remove {info.name}: {exc.strerror or exc}") from None
