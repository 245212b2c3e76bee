"""The lookup cache (#18): what the dictionaries said of words is kept between sessions,
and a changed dictionary, a personal word or a damaged cache file is honoured.

A "new session" is the language forgotten and read again (`use_lookup_cache_folder`
forgets loaded languages), as a new process does: its checker reads the cache file.
"""

from __future__ import annotations

import pathlib

import pytest

from editor_app.core.spelling import (
    REPEAT,
    Dictionaries,
    SpellChecker,
    add_dictionary,
    save_lookup_caches,
    use_dictionary_folders,
    use_lookup_cache_folder,
)
from editor_app.core.spelling.lookup_store import StoredLookups, word_digest

TEXT = "The Zorblax report on digitalisation was published on Monday."


@pytest.fixture(autouse=True)
def folders(tmp_path):
    """A cache folder and an (empty) folder of user dictionaries of the test's own."""
    cache = tmp_path / "cache"
    users = tmp_path / "dictionaries"
    use_dictionary_folders([users])
    use_lookup_cache_folder(cache)
    yield cache, users
    use_lookup_cache_folder(True)
    use_dictionary_folders([users])  # forget what the test loaded


def flagged(checker, text=TEXT):
    return [i.word for i in checker.check(text) if i.kind != REPEAT]


def new_session(cache: pathlib.Path) -> None:
    """The end of this session (its answers written) and the start of another."""
    save_lookup_caches()
    use_lookup_cache_folder(cache)


def cache_files(cache: pathlib.Path) -> list[pathlib.Path]:
    return sorted(cache.glob("lookups-*.bin"))


def write_dictionary(folder: pathlib.Path, name: str, words: list[str]) -> pathlib.Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.aff").write_text("SET UTF-8\nTRY abcdefghijklmnopqrstuvwxyz\n", encoding="utf-8")
    (folder / f"{name}.dic").write_text(f"{len(words)}\n" + "".join(f"{w}\n" for w in words),
                                        encoding="utf-8")
    return folder / f"{name}.aff"


def test_the_next_session_starts_with_what_the_dictionaries_said(folders):
    cache, _ = folders
    assert flagged(SpellChecker("en")) == ["Zorblax"]
    new_session(cache)
    [file] = cache_files(cache)
    checker = SpellChecker("en")
    store = checker._stored
    assert store.ignored is None and len(store) > 0
    # hunspell's answers, before this session asked anything: "digitalisation" is known
    # only to hunspell (not to the frequency list), "Zorblax" to nobody
    assert store.known("digitalisation") is True
    assert store.known("Zorblax") is False
    assert flagged(checker) == ["Zorblax"]
    # the words themselves are not in the file (only digests): no article text on disk
    data = file.read_bytes()
    assert b"Zorblax" not in data and b"digitalisation" not in data
    assert file.stat().st_mode & 0o077 == 0  # the user's alone


def test_a_word_added_to_the_personal_dictionary_is_honoured_despite_the_cache(folders, tmp_path):
    cache, _ = folders
    words = Dictionaries(personal_path=tmp_path / "personal.txt")
    assert flagged(words.checker("en")) == ["Zorblax"]
    new_session(cache)
    checker = words.checker("en")
    assert checker._stored.known("Zorblax") is False  # the cache still says unknown
    words.add("Zorblax", "personal")
    assert flagged(checker) == []  # this session
    new_session(cache)
    assert flagged(Dictionaries(personal_path=tmp_path / "personal.txt").checker("en")) == []
    words.remove("Zorblax", "personal")
    new_session(cache)
    assert flagged(Dictionaries(personal_path=tmp_path / "personal.txt").checker("en")) == ["Zorblax"]


def test_an_added_dictionary_is_honoured_on_the_next_pass(folders, tmp_path):
    cache, _ = folders
    assert flagged(SpellChecker("en")) == ["Zorblax"]
    new_session(cache)
    add_dictionary(write_dictionary(tmp_path / "mine", "en_ZZ", ["Zorblax"]))
    checker = SpellChecker("en")
    assert "en_ZZ" in checker.dictionary_names
    assert flagged(checker) == []


def test_a_replaced_dictionary_of_the_same_name_is_honoured(folders, tmp_path):
    cache, _ = folders
    add_dictionary(write_dictionary(tmp_path / "old", "en_ZZ", ["Quuxly"]))
    assert flagged(SpellChecker("en")) == ["Zorblax"]
    new_session(cache)
    assert SpellChecker("en")._stored.known("Zorblax") is False  # same dictionaries: used
    # the Dictionaries dialog adds a newer en_ZZ over the old one: same name, same set
    add_dictionary(write_dictionary(tmp_path / "new", "en_ZZ", ["Quuxly", "Zorblax"]))
    checker = SpellChecker("en")
    assert checker._stored.known("Zorblax") is None  # the old answers are not used
    assert flagged(checker) == []
    new_session(cache)
    checker = SpellChecker("en")
    assert checker._stored.known("Zorblax") is True
    assert flagged(checker) == []


def test_a_dictionary_replaced_between_sessions_outside_byline_is_honoured(folders):
    cache, users = folders
    write_dictionary(users, "en_ZZ", ["Quuxly"])
    assert flagged(SpellChecker("en")) == ["Zorblax"]
    save_lookup_caches()
    write_dictionary(users, "en_ZZ", ["Quuxly", "Zorblax"])  # by hand, Byline closed
    use_lookup_cache_folder(cache)
    assert flagged(SpellChecker("en")) == []


@pytest.mark.parametrize("damage", ["an answer changed", "a digest changed", "the header changed",
                                    "truncate", "garbage", "empty"])
def test_a_damaged_cache_file_is_ignored_not_trusted(folders, damage):
    cache, _ = folders
    checker = SpellChecker("en")
    # a cache that says "Zorblax" is a word (as a dictionary that knew it would have)
    checker._stored.remember_known("Zorblax", True)
    new_session(cache)
    assert flagged(SpellChecker("en")) == []  # sound: trusted
    [file] = cache_files(cache)
    data = bytearray(file.read_bytes())
    if damage == "an answer changed":  # the last answer byte, before the checksum
        data[-17] ^= 0x01
    elif damage == "a digest changed":
        data[-18] ^= 0x01
    elif damage == "the header changed":
        data[len(data) // 2] ^= 0x01
    elif damage == "truncate":
        data = data[:len(data) - 5]
    elif damage == "garbage":
        data = bytearray(b"\x00garbage" * 100)
    else:
        data = bytearray()
    file.write_bytes(bytes(data))
    use_lookup_cache_folder(cache)
    checker = SpellChecker("en")
    assert checker._stored.ignored
    assert checker._stored.known("Zorblax") is None
    assert flagged(checker) == ["Zorblax"]  # asked hunspell again
    new_session(cache)  # and the file is sound again
    checker = SpellChecker("en")
    assert checker._stored.ignored is None and checker._stored.known("Zorblax") is False


def test_a_cache_made_with_other_dictionaries_is_ignored(folders):
    cache, _ = folders
    SpellChecker("en").check(TEXT)
    save_lookup_caches()
    [file] = cache_files(cache)
    # a sound file (right checksum) of the same name, but signed for other dictionaries
    forged = StoredLookups(file, b"\x01" * 32)
    forged.remember_known("Zorblax", True)
    assert forged.save()
    use_lookup_cache_folder(cache)
    checker = SpellChecker("en")
    assert checker._stored.ignored == "made with other dictionaries"
    assert flagged(checker) == ["Zorblax"]


def test_an_unwritable_cache_folder_costs_only_the_warm_start(folders, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    use_lookup_cache_folder(blocker / "spelling")
    checker = SpellChecker("en")
    assert flagged(checker) == ["Zorblax"]
    checker.save_lookups()  # silently not written
    save_lookup_caches()
    assert blocker.read_text().startswith("a file")


def test_british_and_american_checkers_keep_separate_answers(folders):
    cache, _ = folders
    text = "The colour of the organisation."
    assert flagged(SpellChecker("en-US"), text) == ["colour", "organisation"]
    assert flagged(SpellChecker("en-GB"), text) == []
    new_session(cache)
    assert len(cache_files(cache)) == 2
    assert flagged(SpellChecker("en-US"), text) == ["colour", "organisation"]
    assert flagged(SpellChecker("en-GB"), text) == []


def test_lithuanian_answers_are_kept_too(folders):
    cache, _ = folders
    text = "Agentūra rašė apie žiniasklaidą, o agentura ne."
    assert flagged(SpellChecker("lt"), text) == ["agentura"]
    new_session(cache)
    checker = SpellChecker("lt")
    assert checker._stored.known("žiniasklaidą") is True
    assert checker._stored.known("agentura") is False
    assert flagged(checker, text) == ["agentura"]


def test_word_digests_are_stable_across_processes():
    # a fixed value (hash() would differ from process to process), case kept
    assert word_digest("agentūra") == 0xA643DAD095197822
    assert word_digest("Zorblax") != word_digest("zorblax")


def test_a_full_store_keeps_the_newest_answers_and_stays_within_its_size(tmp_path, monkeypatch):
    from editor_app.core.spelling import lookup_store

    monkeypatch.setattr(lookup_store, "MAX_ENTRIES", 50)
    path = tmp_path / "lookups.bin"
    store = StoredLookups(path, b"\x02" * 32)
    for n in range(40):
        store.remember_known(f"old{n}", n % 2 == 0)
    assert store.save() and not store.dirty
    again = StoredLookups(path, b"\x02" * 32)
    assert [again.known(f"old{n}") for n in range(40)] == [n % 2 == 0 for n in range(40)]
    for n in range(30):
        again.remember_known(f"new{n}", True)
    assert again.known("new3") is True  # before it is written, too
    assert again.save()
    last = StoredLookups(path, b"\x02" * 32)
    assert len(last) == 50
    assert all(last.known(f"new{n}") is True for n in range(30))  # every new answer kept
    assert sum(last.known(f"old{n}") is not None for n in range(40)) == 20
    assert path.stat().st_size < 1000


def rules_digest() -> str:
    """A digest of the code whose answers the cache keeps (see SpellChecker._known_here)."""
    import hashlib
    import inspect

    from editor_app.core.spelling import checker, suggest

    parts = [inspect.getsource(f) for f in (
        checker.SpellChecker._known_here, checker.SpellChecker._near_known,
        checker._american_forms, checker._fold_accents, suggest.Suggester.edits1,
        suggest.Suggester.cheap_edits, suggest.Suggester.restorations)]
    parts += [repr(checker._BRITISH_RULES), repr(sorted(checker._ELISIONS)), repr(checker._LIGATURES)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def test_changed_lookup_rules_bump_the_cache_version():
    """Answers stored by older rules must not be used by newer ones: when this fails,
    the code that decides what the dictionaries know has changed. Bump
    languages.LOOKUP_RULES (stored answers are then ignored) and update both values here."""
    from editor_app.core.spelling.languages import LOOKUP_RULES

    assert (LOOKUP_RULES, rules_digest()) == (1, "596d8bb049dab6b9")
