"""Word lists: plain-text import/export, personal file, newsroom and article lists."""

import pytest

from editor_app.core.errors import InputError
from editor_app.core.spelling import (
    Dictionaries,
    names_from_metadata,
    read_wordlist,
    write_wordlist,
)


class FakeStore:
    """The three dictionary methods of Library, in memory."""

    def __init__(self):
        self.scopes: dict[str, set[str]] = {}

    def dictionary_words(self, scope):
        return set(self.scopes.get(scope, set()))

    def add_dictionary_word(self, word, scope="newsroom"):
        self.scopes.setdefault(scope, set()).add(word)

    def remove_dictionary_word(self, word, scope="newsroom"):
        self.scopes.get(scope, set()).discard(word)


def flagged(checker, text):
    return [i.word for i in checker.check(text)]


def test_wordlist_round_trip_sorted_one_a_line(tmp_path):
    path = tmp_path / "words.txt"
    write_wordlist(path, ["zeta", "Alpha", "beta", "beta"])
    assert path.read_text(encoding="utf-8") == "Alpha\nbeta\nzeta\n"
    assert read_wordlist(path) == ["Alpha", "beta", "zeta"]


def test_wordlist_skips_blanks_comments_and_a_bom(tmp_path):
    path = tmp_path / "words.txt"
    path.write_bytes("\ufeff# newsroom terms\nZinichev\n\n  Kovalchuk  \r\nZinichev\n".encode())
    assert read_wordlist(path) == ["Zinichev", "Kovalchuk"]


def test_non_utf8_wordlist_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("ok\ncaf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"not UTF-8.*line 2"):
        read_wordlist(path)


def test_missing_wordlist_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_wordlist(tmp_path / "absent.txt")


def test_a_phrase_cannot_be_added_as_a_word(tmp_path):
    with pytest.raises(InputError):
        write_wordlist(tmp_path / "w.txt", ["two words"])


def test_names_from_metadata_splits_names_into_words():
    names = names_from_metadata("Dr. Jane Roe-Smith", "Sam O'Neil and Ana Ruiz", None)
    assert {"Jane", "Roe-Smith", "Roe", "Smith", "O'Neil", "Ana", "Ruiz", "Dr"} <= names
    assert "and" not in names


def test_newsroom_word_is_known_after_adding_and_after_a_restart():
    store = FakeStore()
    dictionaries = Dictionaries(store=store)
    checker = dictionaries.checker("en")
    assert flagged(checker, "Zqorvath spoke") == ["Zqorvath"]
    dictionaries.add("Zqorvath", "newsroom")
    assert flagged(checker, "Zqorvath spoke") == []  # the live checker learns it
    assert store.dictionary_words("newsroom") == {"Zqorvath"}
    restarted = Dictionaries(store=store).checker("en")
    assert flagged(restarted, "ZQORVATH said zqorvath spoke") == []


def test_personal_words_persist_in_a_plain_file(tmp_path):
    path = tmp_path / "user" / "personal.txt"
    dictionaries = Dictionaries(personal_path=path)
    dictionaries.add("blorfing", "personal")
    assert path.read_text(encoding="utf-8") == "blorfing\n"
    assert flagged(Dictionaries(personal_path=path).checker("en"), "blorfing") == []
    dictionaries.remove("Blorfing", "personal")
    assert path.read_text(encoding="utf-8") == ""


def test_article_ignore_list_is_per_article():
    store = FakeStore()
    Dictionaries(store=store, article_id=7).add("qxzzy", "article")
    assert store.dictionary_words("article:7") == {"qxzzy"}
    assert flagged(Dictionaries(store=store, article_id=7).checker("en"), "qxzzy") == []
    assert flagged(Dictionaries(store=store, article_id=8).checker("en"), "qxzzy") == ["qxzzy"]


def test_removing_a_newsroom_word_ignores_case():
    store = FakeStore()
    dictionaries = Dictionaries(store=store)
    checker = dictionaries.checker("en")
    dictionaries.add("Zqorvath", "newsroom")
    dictionaries.remove("zqorvath", "newsroom")
    assert store.dictionary_words("newsroom") == set()
    assert flagged(checker, "Zqorvath") == ["Zqorvath"]


def test_export_and_import_word_lists(tmp_path):
    store = FakeStore()
    source = Dictionaries(store=store)
    source.add("Zqorvath", "newsroom")
    source.add("Blikstad", "newsroom")
    out = tmp_path / "newsroom.txt"
    assert source.export_words(out, "newsroom") == 2
    assert out.read_text(encoding="utf-8") == "Blikstad\nZqorvath\n"
    target = Dictionaries(store=FakeStore())
    assert target.import_words(out, "newsroom") == 2
    assert target.import_words(out, "newsroom") == 0
    assert target.words("newsroom") == {"Blikstad", "Zqorvath"}


def test_scopes_that_need_a_library_say_so():
    with pytest.raises(InputError, match="library"):
        Dictionaries().add("word", "newsroom")
    with pytest.raises(InputError, match="unknown dictionary"):
        Dictionaries(store=FakeStore()).add("word", "global")


def test_newsroom_dictionary_in_a_real_library_survives_reopening(tmp_path):
    library_module = pytest.importorskip("editor_app.core.library")
    if not hasattr(library_module.Library, "add_dictionary_word"):
        pytest.skip("Library has no dictionary methods yet")
    path = tmp_path / "newsroom.byline"
    library = library_module.Library.open(path)
    try:
        Dictionaries(store=library).add("Zqorvath", "newsroom")
    finally:
        library.close()
    library = library_module.Library.open(path)
    try:
        dictionaries = Dictionaries(store=library)
        assert flagged(dictionaries.checker("en"), "Zqorvath spoke") == []
        exported = tmp_path / "export.txt"
        dictionaries.export_words(exported, "newsroom")
        assert read_wordlist(exported) == ["Zqorvath"]
    finally:
        library.close()


def test_a_checker_built_on_a_worker_uses_the_lists_read_before(tmp_path):
    """The GUI reads the library's lists on its own thread (``stored_words``) and builds the
    checker on a worker from them: the worker never touches the library's connection, so
    a closed one (the strongest way to prove it) does not matter."""
    from editor_app.core.errors import LibraryError
    from editor_app.core.library import Library

    library = Library.open(tmp_path / "words.byline")
    dictionaries = Dictionaries(store=library, article_id=7)
    dictionaries.add("Zqorvath", "newsroom")
    dictionaries.add("Plimbert", "article")
    stored = dictionaries.stored_words()
    library.close()
    checker = dictionaries.checker("en", stored_words=stored)
    assert flagged(checker, "Zqorvath met Plimbert and Wuxtrel") == ["Wuxtrel"]
    with pytest.raises(LibraryError, match="the library is closed"):
        dictionaries.checker("en")  # without them it reads the library
