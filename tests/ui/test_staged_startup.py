"""The real start's order (#20): the window paints, the article's preview shows the renderer's
page in its quick view before Chromium is started, the rest is built after, and the web view
takes the quick view's place. A start that reopens an article shows yesterday's page from the
page cache at the first turn of the event loop after the paint."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from editor_app.app import build_main_window
from editor_app.core.render.page_cache import PageCache
from editor_app.library_file import open_library
from tests.ui.desk.helpers import make_interview, page_html


@pytest.fixture
def start(qtbot, tmp_path, renderer):
    """Starts the window as run_gui does; returns (window, its steps as they ran)."""
    library = open_library(tmp_path / "library.byline", explicit=True)
    article = make_interview(library)
    made = []

    def begin(cache: PageCache):
        settings = QSettings(str(tmp_path / f"settings-{len(made)}.ini"),
                             QSettings.Format.IniFormat)
        window = build_main_window(library, settings=settings, renderer=renderer, staged=True,
                                   page_cache=cache, watch_outside_changes=False)
        qtbot.addWidget(window)
        made.append(window)
        window.resize(1366, 768)
        window.show()
        window.open_article(article.id)
        return window

    yield begin
    for window in made:
        window.startup.run_all()
        window.close_all_tabs()
        window.panels.shutdown()
        window.shutdown()
    library.close()


def test_the_quick_view_has_the_page_before_chromium_is_started(qtbot, start, tmp_path):
    window = start(PageCache(tmp_path / "pages"))
    preview = window.current_article_tab().preview
    assert preview.quick_view is not None and preview.view is None
    assert window.startup.pending[:2] == ["quick preview", "panels"]
    steps_at_page = []
    preview.quick_shown.connect(lambda _g: steps_at_page.append(list(window.startup.done)))
    with qtbot.waitSignal(preview.handed_over, timeout=30000):
        pass
    # The page came with the first step, before the panels and before the web view.
    assert steps_at_page and steps_at_page[0] == ["quick preview"]
    assert preview.quick_view is None and preview.view.isVisible()
    assert "What is the forum for?" in page_html(qtbot, preview)


def test_a_second_start_shows_the_cached_page_at_once(qtbot, start, tmp_path):
    cache = PageCache(tmp_path / "pages")
    first = start(cache)
    with qtbot.waitSignal(first.current_article_tab().preview.handed_over, timeout=30000):
        pass
    first.startup.run_all()
    first.close_all_tabs()  # closing keeps the newest page
    assert list((tmp_path / "pages").glob("*.html"))

    second = start(cache)
    preview = second.current_article_tab().preview
    steps_at_page = []
    preview.quick_shown.connect(lambda _g: steps_at_page.append(list(second.startup.done)))
    qtbot.waitUntil(lambda: bool(steps_at_page), timeout=10000)
    # Shown within the first step itself, before any render could come back.
    assert steps_at_page[0] == []
    assert "What is the forum for?" in preview.quick_view.toPlainText()


def test_the_article_in_front_shows_its_title_at_the_paint_and_opens_after(qtbot, tmp_path,
                                                                          renderer):
    library = open_library(tmp_path / "library.byline", explicit=True)
    article = make_interview(library)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(library, settings=settings, renderer=renderer, staged=True,
                               watch_outside_changes=False)
    qtbot.addWidget(window)
    painted = []
    window.startup.painted.connect(
        lambda: painted.append(window.tabs.tabText(window.tabs.currentIndex())))
    window.show_article_soon(article.id)
    # Before the paint: the tab in front has the title; the editor is not built yet.
    assert window.current_article_tab() is None
    assert "Forum interview" in window.tabs.tabText(window.tabs.currentIndex())
    window.show()
    qtbot.waitUntil(lambda: window.current_article_tab() is not None, timeout=10000)
    assert painted and "Forum interview" in painted[0]  # the paint came first
    tab = window.current_article_tab()
    assert tab.article_id == article.id and "Small newsrooms" in tab.editor.toPlainText()
    assert window.open_article_ids() == [article.id]  # one tab: the waiting one was replaced
    window.startup.run_all()
    window.close_all_tabs()
    window.panels.shutdown()
    window.shutdown()
    library.close()


def test_a_step_can_go_right_after_a_named_one(qtbot):
    from PySide6.QtWidgets import QWidget

    from editor_app.ui.startup import StagedStartup

    widget = QWidget()
    qtbot.addWidget(widget)
    startup = StagedStartup(widget)
    ran = []
    for name in ("quick preview", "panels", "preview"):
        startup.add(name, lambda name=name: ran.append(name))
    startup.add("who is writing", lambda: ran.append("who is writing"), after="quick preview")
    startup.add("last", lambda: ran.append("last"), after="no such step")
    assert startup.pending == ["quick preview", "who is writing", "panels", "preview", "last"]
    startup.run_all()
    assert ran == startup.done
    assert ran == ["quick preview", "who is writing", "panels", "preview", "last"]
