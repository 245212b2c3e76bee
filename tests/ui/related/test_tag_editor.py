"""Tag editor, bulk tagging and the vocabulary dialog (pytest-qt, offscreen)."""

from PySide6.QtCore import Qt

from editor_app.core.models import Article
from editor_app.ui.related.tag_editor import BulkTagDialog, TagEditor
from editor_app.ui.related.vocabulary_dialog import VocabularyDialog
from editor_app.ui.signals import AppSignals

FLOOD = ("The council approved the flood barrier for the harbour after the storm surge. "
         "Engineers say the barrier will protect homes on the quay from flooding.")


def make(lib, title, tags, body=FLOOD):
    return lib.create_article(Article(title=title, body=body, tags=tags, date="2024-01-01")).id


def editor_for(qtbot, library, article_id):
    signals = AppSignals()
    editor = TagEditor(library, signals)
    qtbot.addWidget(editor)
    editor.set_article(article_id)
    return editor, signals


def test_enter_in_line_edit_adds_a_tag_and_announces_it(qtbot, library):
    aid = make(library, "Story", ["harbour"])
    editor, signals = editor_for(qtbot, library, aid)
    assert editor.chip_names() == ["harbour"]
    with qtbot.waitSignal(signals.tags_changed) as blocker:
        editor.line_edit.setText("  Storm   surge ")
        qtbot.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert blocker.args == [aid]
    assert library.article_tags(aid) == ["harbour", "Storm surge"]
    assert editor.chip_names() == ["harbour", "Storm surge"]
    assert editor.line_edit.text() == ""


def test_bad_tag_shows_the_message_and_keeps_the_text(qtbot, library):
    aid = make(library, "Story", ["harbour"])
    editor, _signals = editor_for(qtbot, library, aid)
    editor.line_edit.setText("!!!")
    qtbot.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert "no letters" in editor.error.text() and not editor.error.isHidden()
    assert editor.line_edit.text() == "!!!"
    assert library.article_tags(aid) == ["harbour"]


def test_remove_button_of_a_chip_removes_the_tag(qtbot, library):
    aid = make(library, "Story", ["harbour", "climate"])
    editor, _signals = editor_for(qtbot, library, aid)
    chip = editor.chip_layout.itemAt(0).widget()
    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    assert library.article_tags(aid) == ["climate"]
    assert editor.chip_names() == ["climate"]


def test_completer_offers_names_and_aliases(qtbot, library):
    make(library, "Other", ["European Union"])
    library.add_tag_alias("European Union", "EU")
    aid = make(library, "Story", [])
    editor, _signals = editor_for(qtbot, library, aid)
    names = editor.completer.model().stringList()
    assert "European Union" in names and "EU" in names
    editor.line_edit.setText("eu")
    qtbot.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert library.article_tags(aid) == ["European Union"]


def test_suggested_tags_are_one_click_chips(qtbot, library):
    make(library, "Barrier plans", ["climate"])
    make(library, "Barrier costs", ["climate"])
    aid = make(library, "Story", [])
    editor, _signals = editor_for(qtbot, library, aid)
    qtbot.waitUntil(lambda: bool(editor.suggestion_buttons()), timeout=5000)
    button = editor.suggestion_buttons()[0]
    assert button.text() == "+ climate"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert library.article_tags(aid) == ["climate"]
    editor.shutdown()


def test_bulk_dialog_tags_many_articles_at_once(qtbot, library, signals):
    ids = [make(library, f"Story {i}", ["harbour", "draft"]) for i in range(3)]
    dialog = BulkTagDialog(library, signals, ids)
    qtbot.addWidget(dialog)
    dialog.add_edit.setText("climate, Fisheries")
    dialog.remove_edit.setText("DRAFT")
    seen = []
    signals.tags_changed.connect(seen.append)
    assert dialog.apply()
    assert all(library.article_tags(i) == ["harbour", "climate", "Fisheries"] for i in ids)
    assert sorted(seen) == sorted(ids)
    dialog2 = BulkTagDialog(library, signals, ids)
    qtbot.addWidget(dialog2)
    dialog2.add_edit.setText("ok, ???")
    assert not dialog2.apply() and "no letters" in dialog2.error.text()
    assert library.find_tag("ok") is None


def test_vocabulary_dialog_rename_merge_aliases(qtbot, library, signals):
    a = make(library, "One", ["harbor", "port"])
    dialog = VocabularyDialog(library, signals)
    qtbot.addWidget(dialog)
    assert sorted(dialog.row_names()) == ["harbor", "port"]
    dialog.select_tag("harbor")
    assert dialog.rename_selected("Harbour")
    assert library.article_tags(a) == ["Harbour", "port"]
    dialog.select_tag("port")
    dialog.confirm = lambda title, text: False
    assert not dialog.merge_selected("Harbour")          # declined: nothing happens
    dialog.confirm = lambda title, text: "1 article" in text
    assert dialog.merge_selected("harbour")
    assert dialog.row_names() == ["Harbour"]
    assert library.article_tags(a) == ["Harbour"]
    dialog.select_tag("Harbour")
    assert dialog.edit_aliases(["quay", "port"])
    row = dialog.table.item(0, 2).text()
    assert row == "port, quay"
    assert not dialog.merge_selected("Harbour") and "itself" in dialog.status.text()
