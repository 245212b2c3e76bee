"""The Spelling panel: grouped issues with counts, jumping, teaching words, following tabs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.core.models import Article
from editor_app.ui.spelling.spelling_controller import SpellController
from editor_app.ui.spelling.spelling_panel import SpellingPanel, group_issues

TEXT = ("Zorblax said the the plan was fine.\n\n"
        "Later zorblax came back.\n\n"
        "A wrod here and a wrod there, then a thrid.")


def open_article(qtbot, library, service, text, title="Story"):
    article = library.create_article(Article(title=title, body=text))
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    editor.resize(600, 400)
    editor.show()
    controller = SpellController(editor, library, article.id, "en", (), title, service=service)
    with qtbot.waitSignal(controller.issues_changed, timeout=10000):
        pass
    return editor, controller


@pytest.fixture
def panel(qtbot):
    widget = SpellingPanel()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_groups_words_with_counts_and_header(qtbot, library, service, panel):
    _editor, controller = open_article(qtbot, library, service, TEXT)
    panel.set_controller(controller)
    rows = panel.word_rows()
    assert ("wrod", 2, "spelling") in rows
    assert ("thrid", 1, "spelling") in rows
    assert ("the", 1, "repeated word") in rows
    # "Zorblax" and "zorblax" are one word to teach
    assert [r for r in rows if r[0].lower() == "zorblax"] == [("Zorblax", 2, "spelling")]
    total = len(controller.issues())
    assert panel.header.text() == f"{total} issues (1 repeats)"
    wrod = panel.item_for_word("wrod")
    assert wrod.childCount() == 2 and wrod.text(2) == "5"


def test_click_jumps_to_the_occurrence(qtbot, library, service, panel):
    editor, controller = open_article(qtbot, library, service, TEXT)
    panel.set_controller(controller)
    second = panel.item_for_word("wrod").child(1)
    rect = panel.tree.visualItemRect(second)
    panel.tree.expandItem(panel.item_for_word("wrod"))
    rect = panel.tree.visualItemRect(second)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = editor.textCursor()
    assert cursor.selectedText() == "wrod"
    assert cursor.selectionStart() == TEXT.rindex("wrod")


def test_jump_survives_edits_made_after_the_list_was_built(qtbot, library, service, panel):
    editor, controller = open_article(qtbot, library, service, TEXT)
    panel.set_controller(controller)
    item = panel.item_for_word("thrid")
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("New first words. ")  # the panel's offsets are now 17 short
    panel.tree.itemClicked.emit(item, 0)
    assert editor.textCursor().selectedText() == "thrid"


def test_buttons_teach_the_selected_word(qtbot, library, service, panel):
    _editor, controller = open_article(qtbot, library, service, TEXT)
    panel.set_controller(controller)
    panel.tree.setCurrentItem(panel.item_for_word("wrod"))
    assert panel.add_newsroom_button.isEnabled()
    with qtbot.waitSignal(controller.issues_changed, timeout=5000):
        qtbot.mouseClick(panel.add_newsroom_button, Qt.MouseButton.LeftButton)
    assert panel.item_for_word("wrod") is None
    assert "wrod" in library.dictionary_words("newsroom")
    panel.tree.setCurrentItem(panel.item_for_word("thrid"))
    with qtbot.waitSignal(controller.issues_changed, timeout=5000):
        qtbot.mouseClick(panel.ignore_button, Qt.MouseButton.LeftButton)
    assert panel.item_for_word("thrid") is None
    panel.tree.setCurrentItem(panel.item_for_word("the"))
    assert not panel.add_newsroom_button.isEnabled()  # a repeat is not a word to teach


def test_follows_the_current_controller(qtbot, library, service, panel):
    _e1, first = open_article(qtbot, library, service, TEXT, title="One")
    _e2, second = open_article(qtbot, library, service, "Only one mistaek here.", title="Two")
    panel.set_controller(first)
    assert panel.item_for_word("wrod") is not None
    panel.set_controller(second)
    assert panel.word_rows() == [("mistaek", 1, "spelling")]
    assert panel.header.text() == "1 issue (0 repeats)"
    # the old controller's signals no longer reach the panel
    first.issues_changed.emit(first.issues())
    assert panel.word_rows() == [("mistaek", 1, "spelling")]
    second.toggle_action.trigger()  # spell-check off for that article
    assert panel.header.text() == "Spell-check is off" and panel.word_rows() == []
    panel.set_controller(None)
    assert panel.word_rows() == []


def test_group_issues_keeps_first_appearance_order():
    from editor_app.core.spelling import SpellIssue

    issues = [SpellIssue("spelling", "B", 0, 1), SpellIssue("spelling", "a", 2, 3),
              SpellIssue("spelling", "b", 4, 5), SpellIssue("repeat", "b", 6, 7)]
    groups = group_issues(issues)
    assert [(k, w, len(f)) for k, w, f in groups] == [
        ("spelling", "B", 2), ("spelling", "a", 1), ("repeat", "b", 1)]


# -- the dictionary dialog (kept here: it is the panel's companion) --------------------------

@pytest.fixture
def dialog(qtbot, library, service):
    from editor_app.ui.spelling.dictionary_dialog import DictionaryDialog

    article = library.create_article(Article(title="Dialog", body="x"))
    widget = DictionaryDialog(service.dictionaries(library, article.id), service=service)
    qtbot.addWidget(widget)
    return widget


def test_dialog_adds_and_removes_words(qtbot, dialog, library, service):
    page = dialog.pages["newsroom"]
    page.entry.setText("Zorblax")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert dialog.words_shown("newsroom") == ["Zorblax"]
    assert library.dictionary_words("newsroom") == {"Zorblax"}
    assert page.entry.text() == ""
    dialog.add_word("personal", "Byline")
    assert service.personal_path.read_text(encoding="utf-8") == "Byline\n"
    page.list.item(0).setSelected(True)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.words_shown("newsroom") == [] and library.dictionary_words("newsroom") == set()


def test_dialog_rejects_a_phrase_with_a_message(dialog, library):
    assert not dialog.add_word("newsroom", "two words")
    assert "not a single word" in dialog.status.text()
    assert library.dictionary_words("newsroom") == set()


def test_dialog_imports_and_exports_plain_text(qtbot, dialog, library, tmp_path):
    source = tmp_path / "style-guide.txt"
    source.write_text("# house names\nZorblax\nQuillfeather\n\nZorblax\n", encoding="utf-8")
    dialog.ask_open_path = lambda: str(source)
    qtbot.mouseClick(dialog.pages["newsroom"].import_button, Qt.MouseButton.LeftButton)
    assert dialog.words_shown("newsroom") == ["Quillfeather", "Zorblax"]
    assert "Imported 2 new words" in dialog.status.text()
    out = tmp_path / "out" / "newsroom.txt"
    dialog.ask_save_path = lambda _suggested: str(out)
    qtbot.mouseClick(dialog.pages["newsroom"].export_button, Qt.MouseButton.LeftButton)
    assert out.read_text(encoding="utf-8") == "Quillfeather\nZorblax\n"
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9\n".encode("latin-1"))
    assert dialog.import_from("newsroom", bad) == 0
    assert "not UTF-8" in dialog.status.text()


def test_dialog_import_reaches_open_articles(qtbot, dialog, library, service):
    editor, controller = open_article(qtbot, library, service, "A zorblax and a quillfeather.")
    assert {i.word for i in controller.issues()} == {"zorblax", "quillfeather"}
    source = dialog.dictionaries.personal_path.parent / "list.txt"
    source.write_text("Zorblax\nQuillfeather\n", encoding="utf-8")
    with qtbot.waitSignal(controller.issues_changed, timeout=10000):
        dialog.import_from("newsroom", source)
    assert controller.issues() == []
    # and a removal brings the flag back
    with qtbot.waitSignal(controller.issues_changed, timeout=10000):
        dialog.remove_words("newsroom", ["Zorblax"])
    assert [i.word for i in controller.issues()] == ["zorblax"]


def test_dialog_article_tab_lists_the_ignore_list(dialog, library):
    assert set(dialog.pages) == {"personal", "newsroom", "article"}
    dialog.add_word("article", "Zorblax")
    assert library.dictionary_words(f"article:{dialog.dictionaries.article_id}") == {"Zorblax"}
    assert dialog.words_shown("article") == ["Zorblax"]
