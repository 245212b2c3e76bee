"""The word-frequency list kept as a compact file in the cache folder (#20): the same
answers as the dict it replaced, on pyspellchecker's real lists; used when it fits,
rebuilt when damaged or when the files it was made from change; small in memory."""

from __future__ import annotations

import gzip
import json
import os
import random
import tracemalloc

import pytest

from editor_app.core.spelling import frequency_file, languages
from editor_app.core.spelling.frequency_file import WordFrequencies
from editor_app.core.spelling.languages import (
    forget_languages,
    read_dictionary_file,
    use_lookup_cache_folder,
)


def json_list(code: str) -> dict[str, int]:
    """What the dict used to hold: the JSON with Byline's word list merged in."""
    raw = json.loads(gzip.decompress(languages._frequency_path(code).read_bytes()))
    languages._merge_shipped_wordlist(code, raw)
    return raw


def non_words(words, count=3000, seed=20):
    """Strings that are mostly not words: shuffled, cut and extended real ones."""
    rng = random.Random(seed)
    sample = rng.sample(list(words), count)
    return ([w[::-1] for w in sample] + [w + "q" for w in sample] + [w[1:] for w in sample]
            + ["", "'", "café", "naïve", "\udcff", "x" * 300])


@pytest.fixture
def cache(tmp_path):
    use_lookup_cache_folder(tmp_path / "spelling")
    yield tmp_path / "spelling"
    use_lookup_cache_folder(True)


def stored_files(folder):
    return sorted(folder.glob("words-*.bin"))


@pytest.mark.parametrize("code", ["en", "de", "ru"])
def test_the_compact_list_answers_every_word_as_the_dict_did(cache, code):
    expected = json_list(code)
    words = read_dictionary_file(code).frequencies
    assert isinstance(words, WordFrequencies)  # not the dict of str -> int any more
    assert len(words) == len(expected)
    assert list(words) == list(expected)  # the same order: the suggestion index numbers them
    for word, frequency in expected.items():
        assert word in words and words.get(word) == frequency
    for other in non_words(expected):
        assert (other in words) == (other in expected)
        assert words.get(other) == expected.get(other)
    numbered = list(expected)
    for number in random.Random(1).sample(range(len(numbered)), 500):
        assert words.word(number) == numbered[number]
    values = sorted(expected.values())
    assert words.quantile(0.3) == values[int(len(values) * 0.3)]
    assert words.quantile(0.5) == values[int(len(values) * 0.5)]
    assert words.quantile(0.333) == values[int(len(values) * 0.333)]
    assert words.max_frequency == max(values)
    assert words.longest_word == max(map(len, expected))
    letters: dict[str, int] = {}
    for word in expected:
        for char in word:
            letters[char] = letters.get(char, 0) + 1
    assert words.alphabet == "".join(sorted(c for c, n in letters.items()
                                            if n >= 20 and c.isalpha()))


def test_the_list_is_read_once_then_mapped_from_the_cache_folder(cache, monkeypatch):
    read_dictionary_file("en")
    [stored] = stored_files(cache)
    stamp = stored.stat().st_mtime_ns

    def json_read_again(*args):
        raise AssertionError("the JSON was parsed although the stored list fits")

    monkeypatch.setattr(languages, "_read_frequencies", json_read_again)
    again = read_dictionary_file("en").frequencies
    assert stored.stat().st_mtime_ns == stamp
    assert "government" in again and "goverment" not in again


def test_a_mapped_list_costs_little_of_the_processs_memory(cache):
    read_dictionary_file("en")  # stored
    tracemalloc.start()
    try:
        words = read_dictionary_file("en").frequencies
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(words) > 150_000
    # the dict of 160,000 words held 26 MiB; the mapped list holds its facts only
    assert held < 1 << 20, f"{held / 2**20:.1f} MiB held by the frequency list"


@pytest.mark.parametrize("damage", ["a byte changed", "truncated", "empty", "other magic",
                                    "grown"])
def test_a_damaged_list_is_not_used_and_is_rebuilt(cache, damage):
    sound = read_dictionary_file("en").frequencies
    expected, signature = list(sound), sound.signature
    frequency = sound.get("government")
    del sound  # damage found between sessions: the file is not mapped meanwhile
    [stored] = stored_files(cache)
    image = stored.read_bytes()
    if damage == "a byte changed":  # inside the words: only the checksum can tell
        middle = len(image) - 400_000
        broken = image[:middle] + bytes([image[middle] ^ 0x20]) + image[middle + 1:]
    elif damage == "truncated":
        broken = image[:len(image) // 2]
    elif damage == "empty":
        broken = b""
    elif damage == "other magic":
        broken = b"X" + image[1:]
    else:
        broken = image + b"\0" * 8
    stored.write_bytes(broken)
    assert frequency_file.open_file(stored, signature) is None
    rebuilt = read_dictionary_file("en").frequencies
    assert stored.read_bytes() == image  # replaced by a sound one
    assert list(rebuilt) == expected
    assert rebuilt.get("government") == frequency


def test_a_changed_word_list_rebuilds_the_stored_list(cache, tmp_path, monkeypatch):
    folder = tmp_path / "wordlists"
    folder.mkdir()
    monkeypatch.setattr(languages, "wordlist_dir", lambda: folder)
    (folder / "en.txt").write_text("photonics\n", encoding="utf-8")
    first = read_dictionary_file("en").frequencies
    assert "photonics" in first and "zorblaxing" not in first
    [stored] = stored_files(cache)
    (folder / "en.txt").write_text("photonics\nzorblaxing\n", encoding="utf-8")
    os.utime(folder / "en.txt", ns=(1, 1))  # whatever the clock: the stamp differs
    second = read_dictionary_file("en").frequencies
    assert "zorblaxing" in second and second.get("zorblaxing") == second.get("photonics")
    assert stored_files(cache) == [stored]  # the same file, replaced
    assert frequency_file.open_file(stored, first.signature) is None


def test_without_a_writable_cache_folder_the_list_lives_in_memory(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    use_lookup_cache_folder(blocked / "spelling")
    try:
        words = read_dictionary_file("en").frequencies
        assert "government" in words and "goverment" not in words
    finally:
        use_lookup_cache_folder(True)


def test_an_unreadable_json_list_still_says_so(tmp_path):
    broken = tmp_path / "en.json.gz"
    broken.write_bytes(gzip.compress(b'{"word": "many"}'))
    with pytest.raises(languages.SpellingUnavailable, match="en.json.gz"):
        read_dictionary_file("en", broken)


def test_the_checker_and_suggestions_answer_the_same_from_a_stored_list(cache):
    from editor_app.core.spelling import SpellChecker

    forget_languages()
    first = SpellChecker("en")
    first.prepare_suggestions()
    text = "The goverment recieved teh photonics report in Melbourne on Tuesday."
    flagged = [i.word for i in first.check(text)]
    suggested = {w: first.suggest(w) for w in flagged}
    assert flagged == ["goverment", "recieved", "teh"]
    forget_languages()  # a new session: the list and the index are mapped from the files
    second = SpellChecker("en")
    second.prepare_suggestions()
    assert [i.word for i in second.check(text)] == flagged
    assert {w: second.suggest(w) for w in flagged} == suggested
    assert suggested["goverment"][0] == "government"


def test_a_small_list_given_as_a_dict_is_made_compact():
    words = frequency_file.in_memory({"b": 2, "a": 1, "ü": 3})
    assert list(words) == ["b", "a", "ü"] and len(words) == 3
    assert "ü" in words and words.get("ü") == 3 and words["a"] == 1
    assert "c" not in words and words.get("c", 0) == 0 and 5 not in words
    empty = frequency_file.in_memory({})
    assert len(empty) == 0 and "a" not in empty and not empty.any_word_contains("'", 10)
