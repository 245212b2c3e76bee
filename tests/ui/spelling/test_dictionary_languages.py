"""Tools ▸ Dictionaries, Languages tab: installed hunspell dictionaries, adding one (#18)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.core.models import Article
from editor_app.core.spelling.hunspell_dictionaries import builtin_dictionary_dir
from editor_app.ui.spelling.dictionary_dialog import DictionaryDialog
from editor_app.ui.spelling.spelling_controller import SpellController
from editor_app.ui.spelling.spelling_service import SpellService


@pytest.fixture
def service(tmp_path):
    svc = SpellService(personal_path=tmp_path / "personal.txt")
    yield svc
    svc.shutdown()


def dictionary_files(folder, name, source="lt_LT"):
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in (".aff", ".dic"):
        shutil.copyfile(builtin_dictionary_dir() / f"{source}{suffix}", folder / f"{name}{suffix}")
    return folder / f"{name}.aff"


def test_lists_installed_dictionaries_and_adds_a_users_one(qtbot, library, service, user_folder,
                                                            tmp_path):
    dialog = DictionaryDialog(service.dictionaries(library, None), service=service)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.languages)
    assert dialog.dictionaries_shown() == ["en_GB", "en_US", "lt_LT"]
    rows = [dialog.languages.list.item(i).text() for i in range(dialog.languages.list.count())]
    assert rows[2].startswith("lt_LT — Lithuanian (Lithuania) (built in")
    assert "Lithuanian" not in dialog.languages.frequencies.text()  # no frequency list for it
    dialog.languages.list.setCurrentRow(2)
    assert not dialog.languages.remove_button.isEnabled()  # built in

    aff = dictionary_files(tmp_path / "downloads", "sgs_LT")
    dialog.ask_dictionary_path = lambda: str(aff)
    qtbot.mouseClick(dialog.languages.add_button, Qt.MouseButton.LeftButton)
    assert "sgs_LT" in dialog.dictionaries_shown()
    assert "Added sgs_LT" in dialog.status.text()
    assert (user_folder / "sgs_LT.aff").is_file()

    dialog.languages.list.setCurrentRow(dialog.dictionaries_shown().index("sgs_LT"))
    assert dialog.languages.remove_button.isEnabled()
    qtbot.mouseClick(dialog.languages.remove_button, Qt.MouseButton.LeftButton)
    assert "sgs_LT" not in dialog.dictionaries_shown()
    assert not (user_folder / "sgs_LT.aff").exists()


def test_a_broken_dictionary_is_refused_with_one_line(qtbot, library, service, user_folder,
                                                      tmp_path):
    dialog = DictionaryDialog(service.dictionaries(library, None), service=service)
    qtbot.addWidget(dialog)
    aff = dictionary_files(tmp_path / "downloads", "lt_XX")
    aff.with_suffix(".dic").write_bytes(b"\xff\xfe\x00garbage")
    assert not dialog.add_hunspell_dictionary(aff)
    message = dialog.status.text()
    assert "lt_XX.dic" in message and "\n" not in message
    assert "lt_XX" not in dialog.dictionaries_shown()
    assert not user_folder.exists() or not any(user_folder.iterdir())


def test_adding_a_dictionary_rechecks_open_articles_of_that_language(qtbot, library, service,
                                                                     user_folder, tmp_path):
    text = "Agentūra rašė apie žiniasklaidą."
    article = library.create_article(Article(title="Naujienos", body=text, language="sgs"))
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    controller = SpellController(editor, library, article.id, "sgs", (), "Naujienos",
                                 service=service)
    with qtbot.waitSignal(controller.unavailable, timeout=10000) as unavailable:
        pass
    assert "no spelling dictionary" in unavailable.args[0] and "Samogitian" in unavailable.args[0]

    dialog = DictionaryDialog(service.dictionaries(library, article.id), service=service)
    qtbot.addWidget(dialog)
    assert dialog.add_hunspell_dictionary(dictionary_files(tmp_path / "downloads", "sgs_LT"))
    controller.set_enabled(True, persist=False)
    qtbot.waitUntil(lambda: controller.checker is not None, timeout=10000)
    assert controller.checker.dictionary_names == ("sgs_LT",)
    assert [i.word for i in controller.issues()] == []
