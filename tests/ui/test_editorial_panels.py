"""The main window with every panel mounted: each part follows the current article."""

from __future__ import annotations

import pytest

from editor_app.app import build_main_window
from editor_app.core.importing import import_articles
from editor_app.core.models import Article, Kind


@pytest.fixture
def window(qtbot, library, renderer, qsettings):
    library.create_article(Article(title="Harbour barrier approved", kind=Kind.NEWS,
                                   body="The councl voted for the barrier.\n", date="2024-01-02",
                                   tags=["harbour"]))
    library.create_article(Article(title="Ferry returns", body="The ferry is back.\n",
                                   date="2024-02-02", tags=["harbour", "transport"]))
    win = build_main_window(library, settings=qsettings, renderer=renderer)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close_all_tabs()
    win.panels.shutdown()
    win.shutdown()


def test_every_panel_is_mounted_and_reachable_from_the_menus(window):
    titles = {d.windowTitle() for d in window.findChildren(type(window.panels.queues_dock))}
    assert {"Queues", "Workflow", "Comments", "Related news", "Spelling"} <= titles
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Review" in menus and "&Tools" in menus
    assert window.panels.export_action.shortcut().toString() == "Ctrl+E"


def test_panel_menus_come_before_view_and_export_after_import(window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus.index("&Review") < menus.index("&Tools") < menus.index("&View")
    entries = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert entries == ["New &Interview", "New &News Story", "New &Feature", "New &Opinion Piece",
                       "&Import Articles…", "&Export…", "Newsroom &Server…", "S&ync Now",
                       "&Close Article", "&Quit"]  # File ▸ New (#17); the server's entries (#15)


def test_closing_the_window_saves_the_tabs_and_stops_the_panels_once(qtbot, library, renderer,
                                                                     qsettings):
    from editor_app.core.library import Library

    story = library.create_article(Article(title="Ferry", body="The ferry is back.\n"))
    win = build_main_window(library, settings=qsettings, renderer=renderer)
    qtbot.addWidget(win)
    win.show()
    tab = win.open_article(story.id)
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    tab.editor.insertPlainText("Late news.")
    stopped = []
    win.shutting_down.connect(lambda: stopped.append(win.panels.parts_of(tab)))
    win.close()  # saves every tab, then the window and its panels stop their work
    win.shutdown()  # again, as run_gui does after the event loop: nothing happens twice
    assert not win.isVisible()
    assert stopped == [None]  # the tab was saved and detached before the panels stopped
    with Library.open(library.path) as again:
        assert again.get_article(story.id).body == "The ferry is back.\nLate news."


def test_opening_an_article_attaches_tags_and_spelling(qtbot, window, library):
    article = library.get_article("harbour-barrier-approved")
    tab = window.open_article(article.id)
    parts = window.panels.parts_of(tab)
    assert tab.metadata.tag_widget is parts.tags
    assert parts.tags.chip_names() == ["harbour"]
    assert window.panels.workflow.article_id == article.id
    assert window.panels.spelling.controller is parts.spelling
    qtbot.waitUntil(lambda: any(i.word == "councl" for i in parts.spelling.issues()),
                    timeout=20000)
    assert window.close_tab_at(window.tabs.indexOf(tab))
    assert window.panels.parts_of(tab) is None  # detached: its workers are stopped


def test_queue_click_filters_the_library(qtbot, window, library):
    library.set_status(library.resolve_id("ferry-returns"), "submitted", role="reporter")
    window.signals.status_changed.emit(0, "submitted")
    window.panels.queues.queue_selected.emit(["submitted", "in_review"])
    assert window.library_panel.model.total == 1


def test_panels_follow_the_library_selection_from_the_reader(qtbot, window, library):
    ferry = library.resolve_id("ferry-returns")
    window.library_panel.select_article(ferry)
    assert window.panels.article_id == ferry
    assert window.panels.related.article_id == ferry


def test_an_outside_change_reloads_a_clean_tab(qtbot, window, library):
    ferry = library.resolve_id("ferry-returns")
    tab = window.open_article(ferry)
    other = library.reopen()
    try:
        other.update_article(ferry, body="Changed by the command line.\n")
    finally:
        other.close()
    window.outside_changes.poll()
    assert tab.editor.toPlainText() == "Changed by the command line.\n"


def test_an_outside_change_never_overwrites_unsaved_typing(qtbot, window, library):
    ferry = library.resolve_id("ferry-returns")
    tab = window.open_article(ferry)
    tab.autosave.stop()
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.editor, " Mine.")
    tab.autosave.stop()
    other = library.reopen()
    try:
        other.update_article(ferry, body="Theirs.\n")
    finally:
        other.close()
    window.outside_changes.poll()
    assert tab.editor.toPlainText().endswith(" Mine.")
    assert "changed elsewhere" in tab.banner_text()
    assert tab.keep_mine()  # resolve it, or closing the window would ask the user
    assert library.get_article(ferry).body.endswith(" Mine.")


def page_html(qtbot, pane) -> str:
    html = []
    pane.page_html(html.append)
    qtbot.waitUntil(lambda: bool(html), timeout=5000)
    return html[0]


def test_pins_run_as_related_news_in_the_editing_preview(qtbot, window, library):
    story = Article(title="Barrier follow-up", body="More on the barrier.\n", date="2024-03-03",
                    extra={"related": ["harbour-barrier-approved"]})
    [result] = import_articles(library, [("follow.md", story)])
    tab = window.open_article(result.id)
    assert window.panels.related.article_id == tab.article_id
    qtbot.waitUntil(lambda: tab.preview.shown_generation >= 1 and tab.preview.is_idle(),
                    timeout=30000)
    page = page_html(qtbot, tab.preview)
    assert 'class="related-news"' in page and "Harbour barrier approved" in page
    assert "Ferry returns" not in page

    library.pin_related(result.id, "ferry-returns")  # as the Related panel does
    window.signals.tags_changed.emit(result.id)
    qtbot.waitUntil(lambda: "Ferry returns" in page_html(qtbot, tab.preview), timeout=30000)
