"""The main window: opening articles in tabs, shortcuts, session and layout settings."""

from __future__ import annotations

import pytest

from editor_app.app import build_main_window
from editor_app.ui.desk.article_tab import ArticleTab
from editor_app.ui.settings import Settings
from tests.ui.desk.helpers import make_interview


@pytest.fixture
def window(qtbot, library, renderer, qsettings):
    make_interview(library)
    make_interview(library, title="Second story", interviewee="Tom Reyes")
    win = build_main_window(library, settings=qsettings, renderer=renderer)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close_all_tabs()
    win.shutdown()


def test_activating_a_library_row_opens_a_tab_once(qtbot, window, library):
    first = library.list_articles()[0].id
    window.library_panel.select_article(first)
    index = window.library_panel.table.currentIndex()
    window.library_panel.table.activated.emit(index)
    assert isinstance(window.tabs.currentWidget(), ArticleTab)
    assert window.current_article_tab().article_id == first
    window.signals.open_article_requested.emit(first)
    assert len(window.article_tabs()) == 1
    second = library.list_articles()[1].id
    window.open_article(second)
    assert [t.article_id for t in window.article_tabs()] == [first, second]
    window.open_article(first)
    assert window.current_article_tab().article_id == first


def test_import_moved_to_ctrl_shift_i_and_italic_is_ctrl_i(window):
    assert window.import_action.shortcut().toString() == "Ctrl+Shift+I"
    assert window.italic_action.shortcut().toString() == "Ctrl+I"
    shortcuts = [a.shortcut().toString() for a in window.findChildren(type(window.import_action))
                 if not a.shortcut().isEmpty()]
    duplicates = {s for s in shortcuts if shortcuts.count(s) > 1}
    assert not duplicates


def test_shortcuts_act_on_the_current_editor(qtbot, window, library):
    tab = window.open_article(library.list_articles()[0].id)
    tab.editor.set_text("word")
    tab.editor.selectAll()
    window.bold_action.trigger()
    assert tab.editor.toPlainText() == "**word**"
    window.replace_action.trigger()
    assert tab.find_bar.isVisibleTo(tab) and tab.find_bar.replace_box.isVisibleTo(tab)
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    window.question_action.trigger()
    assert tab.editor.toPlainText() == "**word**\n\nQ: "


def test_status_bar_counts_text_only(qtbot, window, library):
    tab = window.open_article(library.list_articles()[0].id)
    tab.editor.set_text("---\ntitle: x y z\n---\n**Q:** Why [now](http://a.b/c)?\n\nA: Because.")
    tab.update_stats()
    assert window.stats_label.text() == "3 words · 17 characters · 1 question · 1 min read"


def test_closing_a_tab_saves_and_the_session_reopens_tabs(qtbot, window, library, tmp_path, renderer):
    ids = [a.id for a in library.list_articles()]
    for article_id in ids:
        window.open_article(article_id)
    tab = window.tab_for(ids[0])
    tab.editor.insertPlainText("Closing words. ")
    assert window.close_tab_at(window.tabs.indexOf(tab))
    assert library.get_article(ids[0]).body.startswith("Closing words. ")
    window.save_layout()
    assert Settings(window.settings.qsettings).open_tabs() == ids[1:]
    again = build_main_window(library, settings=window.settings.qsettings, renderer=renderer)
    qtbot.addWidget(again)
    assert again.restore_session() == ids[1:]
    again.close_all_tabs()
    again.shutdown()


def test_the_status_bar_shows_the_save_state_and_a_failure_in_red(qtbot, window, library,
                                                                  monkeypatch):
    from editor_app.core.errors import LibraryError

    tab = window.open_article(library.list_articles()[0].id)
    assert window.save_label.text() == "Saved"
    tab.editor.insertPlainText("More. ")
    assert window.save_label.text() == "Unsaved changes"
    qtbot.waitUntil(lambda: window.save_label.text() == "Saved", timeout=3000)

    def broken(*_args, **_kwargs):
        raise LibraryError("test.byline: the disk is full")

    monkeypatch.setattr(library, "update_article", broken)
    tab.editor.insertPlainText("Kept? ")
    assert not tab.save_now()
    assert window.save_label.text() == "Not saved: test.byline: the disk is full"
    assert "#c0392b" in window.save_label.styleSheet()
    monkeypatch.undo()
    assert tab.save_now()
    assert window.save_label.text() == "Saved" and window.save_label.styleSheet() == ""


def test_opening_a_long_article_or_switching_theme_is_not_an_edit(qtbot, window, library):
    """A long text is highlighted in the background and a theme switch re-colours every
    block; Qt counts both as document revisions. Neither may say "Unsaved changes" or
    write the article (the status bar used to flash it for a second after opening)."""
    from editor_app.ui.desk.editor import LONG_TEXT_LINES

    body = "\n\n".join(f"Q: Question {n}?\n\nA: Answer {n}." for n in range(LONG_TEXT_LINES))
    article = make_interview(library, title="A long interview", body=body)
    shown: list[str] = []
    window.save_label.setText = lambda text, set_text=window.save_label.setText: (
        shown.append(text), set_text(text))
    tab = window.open_article(article.id)
    assert tab.editor.highlighter.limit_block is not None  # highlighted in steps
    qtbot.waitUntil(lambda: tab.editor.highlighter.limit_block is None, timeout=20000)
    window.set_theme("dark")
    window.set_theme("system")
    qtbot.wait(1200)  # longer than the autosave's wait
    assert "Unsaved changes" not in shown and window.save_label.text() == "Saved"
    assert not tab.is_dirty() and not tab.is_saving()
    assert library.get_article(article.id).version == article.version
    tab.editor.insertPlainText("Edited. ")  # a real edit still counts
    assert window.save_label.text() == "Unsaved changes"


def test_ctrl_f_searches_the_library_from_the_reader(qtbot, window):
    window.tabs.setCurrentIndex(0)
    window.find_action.trigger()
    assert window.library_panel.search_box.hasFocus() or window.current_article_tab() is None


def test_settings_survive_bad_values(qsettings):
    qsettings.setValue("session/open_tabs", ["3", "junk", "-1", "3", "7"])
    qsettings.setValue("appearance/theme", "purple")
    qsettings.setValue("editor/font", "not a font")
    settings = Settings(qsettings)
    assert settings.open_tabs() == [3, 7]
    assert settings.theme() == "system"
    assert settings.editor_font().pointSizeF() >= 11


def test_theme_switch_recolours_the_editor(qtbot, window, library):
    tab = window.open_article(library.list_articles()[0].id)
    light = tab.editor.highlighter.formats["question"].foreground().color().name()
    window.set_theme("dark")
    assert window.settings.theme() == "dark"
    assert tab.editor.highlighter.formats["question"].foreground().color().name() != light
    window.set_theme("system")


def test_an_article_with_an_endless_line_is_refused_not_frozen(qtbot, window, library):
    from editor_app.core.models import Article

    article = library.create_article(Article(title="Endless", body="x" * 150_000))
    messages = []
    window.signals.message.connect(lambda text, _ms: messages.append(text))
    assert window.open_article(article.id) is None
    assert any("longer than the editor can show" in m for m in messages)
    assert window.tab_for(article.id) is None
