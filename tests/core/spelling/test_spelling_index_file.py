"""The suggestion index kept on disk between sessions (#20): used when it fits, never trusted
when it does not. Small real word lists; the index file is the real one (index_file.py)."""

from __future__ import annotations

import os

import pytest

from editor_app.core.spelling import index_file
from editor_app.core.spelling.languages import LanguageData, load_language, use_lookup_cache_folder
from editor_app.core.spelling.suggest import Suggester

WORDS = {"government": 900, "governor": 300, "movement": 500, "receive": 700, "relieve": 200,
         "the": 5000, "separate": 400, "definitely": 350, "weird": 150, "until": 800}


def language(words=None) -> LanguageData:
    words = dict(WORDS if words is None else words)
    return LanguageData("en", words, "abcdefghijklmnopqrstuvwxyz", max(words.values()),
                        max(map(len, words)))


def session(path, words=None, key=("en", ("dictionary", 1, 2))) -> Suggester:
    """A new process's suggester: nothing in memory, the index file maybe on disk."""
    suggester = Suggester(language(words), index_path=path, index_key=key)
    suggester.build_index()
    return suggester


@pytest.fixture
def path(tmp_path):
    return tmp_path / "cache" / "suggest-en.index"


def test_the_next_session_maps_the_stored_index_and_suggests_the_same(path):
    first = session(path)
    assert path.is_file()
    stamp = path.stat().st_mtime_ns
    second = session(path)
    assert isinstance(second._stored, index_file.MappedIndex)
    assert path.stat().st_mtime_ns == stamp  # used, not rebuilt
    for typo in ("goverment", "recieve", "seperate", "definately", "wierd", "untill", "teh"):
        assert second.suggest(typo) == first.suggest(typo)
    assert second.suggest("goverment")[0] == "government"


def test_other_words_or_other_dictionary_files_rebuild_the_index(path):
    session(path)
    changed = session(path, words={**WORDS, "governance": 100})
    assert "governance" in changed.suggest("govrnance")
    assert path.stat().st_size > 0
    # the same words, but a dictionary file replaced: its stamp is part of the key
    stamp = path.stat().st_mtime_ns
    session(path, words={**WORDS, "governance": 100}, key=("en", ("dictionary", 1, 3)))
    assert path.stat().st_mtime_ns != stamp


@pytest.mark.parametrize("damage", ["truncated", "empty", "garbage header"])
def test_a_damaged_index_file_is_not_used_and_is_rebuilt(path, damage):
    session(path)
    data = path.read_bytes()
    path.write_bytes({"truncated": data[: len(data) // 2], "empty": b"",
                      "garbage header": b"\x00" * 64 + data[64:]}[damage])
    again = session(path)
    assert again.suggest("goverment")[0] == "government"
    assert path.read_bytes() == data  # replaced by a sound one


def test_damaged_keys_lose_suggestions_but_never_invent_words(path):
    session(path)
    data = bytearray(path.read_bytes())
    # every key's word number set past the list's end (the keys still match probes)
    keys_start = index_file._HEADER + index_file._padding(index_file._HEADER) + (1 << 22)
    assert (len(data) - keys_start) % 8 == 0
    for offset in range(keys_start, len(data), 8):
        key = int.from_bytes(data[offset:offset + 8], "little", signed=True)
        data[offset:offset + 8] = (key | 0xFFFFF).to_bytes(8, "little", signed=True)
    path.write_bytes(bytes(data))
    damaged = session(path)
    for typo in ("goverment", "recieve", "wierd"):
        assert set(damaged.suggest(typo)) <= set(WORDS)


def test_an_unwritable_cache_folder_keeps_the_index_in_memory(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    suggester = session(blocker / "suggest-en.index")
    assert suggester._stored is None and suggester.index_ready
    assert suggester.suggest("goverment")[0] == "government"


def test_the_shipped_english_index_is_stored_in_the_users_cache(tmp_path):
    cache = tmp_path / "spelling-cache"
    use_lookup_cache_folder(cache)
    try:
        data = load_language("en")
        data.suggester.build_index()
        stored = [p for p in os.listdir(cache) if p.startswith("suggest-en-")]
        assert len(stored) == 1
        assert isinstance(data.suggester._stored, index_file.MappedIndex)
        assert data.suggester.suggest("goverment", dictionaries=data.hunspell)[0] == "government"
    finally:
        use_lookup_cache_folder(True)
