"""Autosave: typed text reaches the library within a second; conflicts and failures keep it."""

from __future__ import annotations

import time

import pytest

from editor_app.core.errors import LibraryError
from editor_app.ui.desk.article_tab import ArticleTab


@pytest.fixture
def tab(qtbot, library, renderer, saver, interview):
    widget = ArticleTab(library, interview.id, renderer=renderer, saver=saver, force_simple_preview=True)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_typing_is_saved_within_a_second(qtbot, tab, library):
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.editor, " Typed words.")
    typed_at = time.monotonic()
    qtbot.waitUntil(lambda: library.get_article(tab.article_id).body.endswith("Typed words."),
                    timeout=1000)
    assert time.monotonic() - typed_at < 1.0
    # The tab learns the new version when the saver's signal reaches the GUI thread,
    # which may be just after the row is visible here.
    qtbot.waitUntil(lambda: tab.version == library.get_article(tab.article_id).version,
                    timeout=1000)


def test_continuous_typing_still_saves(qtbot, tab, library):
    """The ceiling: a writer who never pauses for 500 ms is saved anyway."""
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    start = time.monotonic()
    saved_during_typing = False
    while time.monotonic() - start < 2.0:
        tab.editor.insertPlainText("x")
        qtbot.wait(40)
        if library.get_article(tab.article_id).body.count("x") >= 5:
            saved_during_typing = True
    assert saved_during_typing


def test_metadata_changes_are_saved(qtbot, tab, library):
    tab.metadata.author_edit.setText("Ada Editor")
    tab.metadata.author_edit.textEdited.emit("Ada Editor")
    qtbot.waitUntil(lambda: library.get_article(tab.article_id).author == "Ada Editor", timeout=1500)


def test_headline_quote_action(qtbot, tab, library):
    text = tab.editor.toPlainText()
    start = text.index("Small newsrooms")
    cursor = tab.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("Small newsrooms can win"), cursor.MoveMode.KeepAnchor)
    tab.editor.setTextCursor(cursor)
    assert tab.use_selection_as_headline()
    assert tab.metadata.title() == "Dr. Jane Roe: \u201cSmall newsrooms can win\u201d"
    qtbot.waitUntil(lambda: library.get_article(tab.article_id).title == tab.metadata.title(),
                    timeout=1500)


def test_headline_quote_refuses_without_interviewee_or_selection(tab):
    title = tab.metadata.title()
    cursor = tab.editor.textCursor()
    cursor.clearSelection()
    tab.editor.setTextCursor(cursor)
    assert not tab.use_selection_as_headline()
    assert "select" in tab.last_message
    tab.metadata.interviewee_edit.setText("")
    cursor.setPosition(0)
    cursor.setPosition(4, cursor.MoveMode.KeepAnchor)
    tab.editor.setTextCursor(cursor)
    assert not tab.use_selection_as_headline()
    assert "interviewee" in tab.last_message
    assert tab.metadata.title() == title


def test_conflict_shows_a_banner_and_never_overwrites(qtbot, tab, library):
    library.update_article(tab.article_id, body="Their version.")
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    tab.editor.insertPlainText(" Mine.")
    qtbot.waitUntil(lambda: "changed elsewhere" in tab.banner_label.text(), timeout=2000)
    assert library.get_article(tab.article_id).body == "Their version."
    assert tab.editor.toPlainText().endswith(" Mine.")
    assert tab.keep_mine()
    article = library.get_article(tab.article_id)
    assert article.body.endswith(" Mine.")
    reasons = [r.reason for r in library.revisions(tab.article_id)]
    assert "conflict: kept mine" in reasons and "conflict: version from elsewhere" in reasons


def test_reload_takes_theirs_and_undo_brings_mine_back(qtbot, tab, library):
    library.update_article(tab.article_id, body="Their version.")
    tab.editor.insertPlainText("Mine ")
    qtbot.waitUntil(lambda: tab.banner.isVisibleTo(tab), timeout=2000)
    tab.reload_from_library()
    assert tab.editor.toPlainText() == "Their version."
    assert not tab.banner.isVisibleTo(tab)
    tab.editor.undo()
    assert tab.editor.toPlainText().startswith("Mine ")


def test_a_tag_change_elsewhere_is_not_a_conflict(qtbot, tab, library):
    library.set_tags(tab.article_id, ["media"])
    tab.editor.insertPlainText("Still mine. ")
    qtbot.waitUntil(lambda: library.get_article(tab.article_id).body.startswith("Still mine."),
                    timeout=1500)
    assert not tab.banner.isVisibleTo(tab)


def test_close_saves_synchronously_with_a_revision(tab, library):
    tab.editor.insertPlainText("Last words. ")
    assert tab.close_tab()
    assert library.get_article(tab.article_id).body.startswith("Last words. ")
    assert library.revisions(tab.article_id)[0].reason == "close"


def test_close_keeps_the_tab_when_saving_fails(tab, library, monkeypatch):
    tab.editor.insertPlainText("Unsaved words. ")

    def broken(*_args, **_kwargs):
        raise LibraryError("test.byline: could not save (the disk is full or cannot be written)")

    monkeypatch.setattr(library, "update_article", broken)
    assert not tab.close_tab()
    assert "disk is full" in tab.banner_label.text()
    assert tab.editor.toPlainText().startswith("Unsaved words. ")
    monkeypatch.undo()
    assert tab.close_tab()
    assert library.get_article(tab.article_id).body.startswith("Unsaved words. ")
