"""core.spelling's refusals in the Lithuanian interface (#18): the Dictionaries dialog and
the status bar show them translated, naming the same file."""

from __future__ import annotations

import shutil

import pytest

from editor_app.core.errors import BylineError
from editor_app.core.spelling import Dictionaries, SpellChecker
from editor_app.core.spelling.hunspell_dictionaries import (
    builtin_dictionary_dir,
    check_dictionary_files,
    find_dictionaries,
    install_dictionary,
    load_dictionaries,
    remove_dictionary,
)
from editor_app.core.spelling.wordlists import clean_word, read_wordlist
from editor_app.ui.spelling.dictionary_dialog import DictionaryDialog
from editor_app.ui.spelling.spelling_messages import TEMPLATES, message_template, spelling_message


def refusal(call) -> str:
    with pytest.raises(BylineError) as error:
        call()
    return str(error.value)


def dictionary(folder, name, dic: bytes | None = None, aff: bytes | None = None):
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in (".aff", ".dic"):
        shutil.copyfile(builtin_dictionary_dir() / f"lt_LT{suffix}", folder / f"{name}{suffix}")
    if dic is not None:
        (folder / f"{name}.dic").write_bytes(dic)
    if aff is not None:
        (folder / f"{name}.aff").write_bytes(aff)
    return folder / f"{name}.aff", folder / f"{name}.dic"


def core_messages(tmp_path, user_folder) -> list[str]:
    """What core really says, one message per way a dictionary or word list is refused."""
    said = []
    for n, (dic, aff) in enumerate([
        (b"", None),
        (b"\x00\x01binary", None),
        (b"many words\nagentura\n", None),
        (b"3\n", None),
        (b"2\n\xe0\xe8\n", None),
        (None, b"SET KOI9-Q\nTRY abc\n"),
        (None, b"\xef\xbb\xbfSET ISO8859-13\nTRY abc\n"),
        (None, b"nothing a hunspell file has\n"),
    ]):
        paths = dictionary(tmp_path / f"broken{n}", "lt_XX", dic, aff)
        said.append(refusal(lambda paths=paths: check_dictionary_files(*paths)))
    aff, dic = dictionary(tmp_path / "gone", "lt_XX")
    dic.unlink()
    said.append(refusal(lambda: check_dictionary_files(aff, dic)))
    said.append(refusal(lambda: install_dictionary(aff, user_folder)))  # no .dic beside it
    said.append(refusal(lambda: install_dictionary(tmp_path / "notes.txt", user_folder)))
    (tmp_path / "notes.aff").write_text("SET UTF-8\n")
    said.append(refusal(lambda: install_dictionary(tmp_path / "notes.aff", user_folder)))
    builtin = find_dictionaries([builtin_dictionary_dir()])[0]
    said.append(refusal(lambda: remove_dictionary(builtin)))
    # a broken dictionary among sound ones: said once, spell-check goes on
    dictionary(user_folder, "lt_ZZ", b"")
    said += load_dictionaries("lt", [builtin_dictionary_dir(), user_folder])[1]
    (tmp_path / "words.txt").write_bytes(b"fine\n\xff\xfe\n")
    said.append(refusal(lambda: read_wordlist(tmp_path / "words.txt")))
    said.append(refusal(lambda: read_wordlist(tmp_path / "missing.txt")))
    said.append(refusal(lambda: clean_word("two words")))
    said.append(refusal(lambda: clean_word("x" * 101)))
    said.append(refusal(lambda: Dictionaries().add("word", "personal")))
    said.append(refusal(lambda: Dictionaries().add("word", "newsroom")))
    said.append(refusal(lambda: SpellChecker("sw")))
    return said


def test_every_message_core_gives_is_in_the_table_word_for_word(tmp_path, user_folder):
    """The English templates are core's messages: each real refusal matches one, and
    without a translation it is shown exactly as core wrote it."""
    messages = core_messages(tmp_path, user_folder)
    assert len(messages) == 21
    for message in messages:
        assert message_template(message) is not None, message
        assert spelling_message(message) == message
    assert spelling_message("something a newer core says") == "something a newer core says"


def test_in_lithuanian_the_refusals_are_lithuanian_and_name_the_same_file(
        tmp_path, user_folder, lithuanian):
    english_words = {"dictionary", "file", "cannot", "spell-check", "word", "list", "missing",
                     "empty", "beside", "must", "language", "available"}
    for message in core_messages(tmp_path, user_folder):
        shown = spelling_message(message)
        assert shown != message, message
        template, parts = message_template(message)
        for key in ("path", "file", "name", "folder"):
            if key in parts:
                assert parts[key] in shown, (shown, parts[key])
        if "reason" in parts:  # the operating system's own words ("No such file or directory")
            shown = shown.replace(parts["reason"], "")
        left = {w.strip(".,;:()").lower() for w in shown.split()} & english_words
        assert not left, (shown, left)
    said = spelling_message(f"dictionary file {tmp_path}/lt_XX.dic is empty; "
                            "spell-check goes on without lt_XX")
    assert said == f"žodyno failas {tmp_path}/lt_XX.dic tuščias; rašybos tikrinimas tęsiamas be lt_XX"


def test_every_template_is_translated(lithuanian):
    from PySide6.QtCore import QCoreApplication

    for template in TEMPLATES:
        assert QCoreApplication.translate("SpellingMessages", template) != template, template


def test_the_dictionaries_dialog_refuses_a_damaged_dictionary_in_lithuanian(
        qtbot, library, user_folder, tmp_path, lithuanian):
    from editor_app.ui.spelling.spelling_service import SpellService

    service = SpellService(personal_path=tmp_path / "personal.txt")
    try:
        dialog = DictionaryDialog(service.dictionaries(library, None), service=service)
        qtbot.addWidget(dialog)
        dialog.resize(700, 480)
        dialog.show()
        dialog.tabs.setCurrentWidget(dialog.languages)
        aff, _ = dictionary(tmp_path / "downloads", "lt_XX", b"")
        dialog.ask_dictionary_path = lambda: str(aff)
        assert not dialog.add_hunspell_dictionary(str(aff))
        status = dialog.status.text()
        assert status == f"žodyno failas {tmp_path / 'downloads' / 'lt_XX.dic'} tuščias"
        dialog.grab().save(str(tmp_path / "dictionaries-lt-refusal.png"))
    finally:
        service.shutdown()


def test_a_broken_dictionary_is_announced_in_lithuanian_in_the_status_bar(
        qtbot, library, user_folder, tmp_path, lithuanian):
    """What the article's controller sends to the window's status bar when a dictionary
    of the language is broken: said once, in Lithuanian, naming the file."""
    from PySide6.QtWidgets import QPlainTextEdit

    from editor_app.core.models import Article
    from editor_app.ui.spelling.spelling_controller import SpellController
    from editor_app.ui.spelling.spelling_service import SpellService

    dictionary(user_folder, "lt_ZZ", b"")  # empty .dic beside the built-in lt_LT
    article = library.create_article(Article(title="Naujienos", body="Agentūra rašė.",
                                              language="lt"))
    service = SpellService(personal_path=tmp_path / "personal.txt")
    said: list[str] = []
    try:
        editor = QPlainTextEdit()
        qtbot.addWidget(editor)
        editor.setPlainText(article.body)
        controller = SpellController(editor, library, article.id, "lt", (), article.title,
                                     service=service)
        controller.message.connect(said.append)
        qtbot.waitUntil(lambda: bool(said), timeout=10000)
        assert said == [f"žodyno failas {user_folder / 'lt_ZZ.dic'} tuščias; "
                        "rašybos tikrinimas tęsiamas be lt_ZZ"]
        controller.close()
    finally:
        service.shutdown()
