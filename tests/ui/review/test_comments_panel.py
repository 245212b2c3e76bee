"""Comments panel: threads by state, replies, resolve/reopen, detached section, jumps, highlights."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.core.identity import Identity, save_identity
from editor_app.core.models import Article
from editor_app.ui.review.comments_panel import CommentHighlighter, CommentsPanel, Utf16Map

BODY = "The mayor 🎉 said the barrier would be built by 2030. Residents doubt it."


@pytest.fixture
def article(library):
    save_identity(Identity("Kim"))
    return library.create_article(Article(title="t", body=BODY)).id


@pytest.fixture
def panel(qtbot, library, article, signals):
    widget = CommentsPanel(library, signals)
    qtbot.addWidget(widget)
    widget.set_article(article)
    return widget


def span(text, quote):
    start = text.index(quote)
    return quote, start, start + len(quote)


def test_add_reply_resolve_reopen(panel, library, article):
    comment = panel.add_comment(*span(BODY, "the barrier"), text="Which one?")
    assert comment.author == "Kim" and panel.thread_ids("open") == [comment.id]
    panel.tree.setCurrentItem(panel.section_item("open").child(0))
    reply = panel.reply_to_current("The harbour one")
    assert reply.parent_id == comment.id
    assert panel.section_item("open").child(0).childCount() == 1
    panel.tree.setCurrentItem(panel.section_item("open").child(0))
    panel.toggle_resolved_current()
    assert panel.thread_ids("resolved") == [comment.id] and panel.thread_ids("open") == []
    assert library.get_comment(comment.id).resolved
    panel.tree.setCurrentItem(panel.section_item("resolved").child(0))
    assert panel.resolve_button.text() == "Reopen"
    panel.toggle_resolved_current()
    assert panel.thread_ids("open") == [comment.id]


def test_empty_selection_is_refused_with_a_message(qtbot, library, article, signals):
    panel = CommentsPanel(library, signals)
    qtbot.addWidget(panel)
    panel.set_article(article)
    with qtbot.waitSignal(signals.message) as blocker:
        assert panel.add_comment("", 5, 5, text="x") is None
    assert "selection is empty" in blocker.args[0]
    assert library.comments(article) == []


def test_deleted_passage_moves_to_detached_and_back(qtbot, panel):
    comment = panel.add_comment(*span(BODY, "Residents doubt it"), text="Quote them")
    panel.set_text(BODY.replace("Residents doubt it.", ""))
    qtbot.waitUntil(lambda: panel.thread_ids("detached") == [comment.id], timeout=2000)
    assert not panel.section_item("detached").isHidden()
    panel.set_text(BODY)
    qtbot.waitUntil(lambda: panel.thread_ids("open") == [comment.id], timeout=2000)


def test_click_jumps_in_qt_positions(qtbot, panel):
    panel.add_comment(*span(BODY, "the barrier"), text="x")
    item = panel.section_item("open").child(0)
    with qtbot.waitSignal(panel.jump_requested) as blocker:
        panel.tree.itemClicked.emit(item, 0)
    editor = QPlainTextEdit(BODY)
    qtbot.addWidget(editor)
    cursor = editor.textCursor()
    cursor.setPosition(blocker.args[0])
    cursor.setPosition(blocker.args[1], QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "the barrier"  # the emoji before it counts twice in Qt


def test_save_stores_the_new_anchor(qtbot, panel, library, article):
    comment = panel.add_comment(*span(BODY, "the barrier"), text="x")
    new = "Update: " + BODY
    library.update_article(article, body=new)
    panel._signals.article_saved.emit(article)
    assert library.get_comment(comment.id).start == new.index("the barrier")


def test_comment_from_editor_selection_and_highlight(qtbot, panel, library):
    editor = QPlainTextEdit(BODY)
    qtbot.addWidget(editor)
    mapping = Utf16Map(BODY)
    start = BODY.index("built by 2030")
    cursor = editor.textCursor()
    cursor.setPosition(mapping.to_qt(start))
    cursor.setPosition(mapping.to_qt(start + 13), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    comment = panel.add_comment_from_editor(editor, text="Which year?")
    assert (comment.quote, comment.start) == ("built by 2030", start)
    highlighter = CommentHighlighter(editor)
    panel.anchors_changed.connect(highlighter.set_anchors)
    panel.reload()
    [selection] = highlighter.selections()
    assert selection.cursor.selectedText() == "built by 2030"
    highlighter.apply()
    assert len(editor.extraSelections()) == 1


def test_utf16_map_round_trip():
    text = "a🎉b😀c"
    mapping = Utf16Map(text)
    assert [mapping.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert all(mapping.from_qt(mapping.to_qt(i)) == i for i in range(len(text) + 1))
