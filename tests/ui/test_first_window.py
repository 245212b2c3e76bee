"""The first window: samples listed, search narrows the list, selection shows the article."""

from PySide6.QtCore import QSettings

from editor_app.app import build_main_window
from editor_app.library_file import open_library


def make_window(qtbot, tmp_path, explicit=False):
    # as the GUI opens a library: the default one gets the samples on first start
    library = open_library(tmp_path / "lib.byline", explicit=explicit, seed_samples=not explicit)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(library, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window, library


def test_first_launch_shows_sample_articles(qtbot, tmp_path):
    window, library = make_window(qtbot, tmp_path)
    panel = window.library_panel
    assert panel.model.total == library.count_articles() >= 8
    titles = [panel.model.data(panel.model.index(r, 0)) for r in range(panel.model.rowCount())]
    assert any("Esther Lund" in t for t in titles)
    window.grab().save(str(tmp_path / "first-window.png"))


def test_explicit_new_library_starts_empty(qtbot, tmp_path):
    window, library = make_window(qtbot, tmp_path, explicit=True)
    assert window.library_panel.model.total == 0


def test_search_box_filters_through_fts(qtbot, tmp_path):
    window, _ = make_window(qtbot, tmp_path)
    panel = window.library_panel
    qtbot.keyClicks(panel.search_box, "boatyard")
    qtbot.waitUntil(lambda: panel.model.total == 2, timeout=2000)
    assert panel.count_label.text() == "2 articles"
    panel.search_box.clear()
    qtbot.waitUntil(lambda: panel.model.total >= 8, timeout=2000)


def test_selecting_shows_the_article_as_published(qtbot, tmp_path):
    """The Reader shows the renderer's page (the export's HTML), related news included."""
    window, library = make_window(qtbot, tmp_path)
    target = library.get_article("esther-lund-interview")
    assert window.library_panel.select_article(target.id)
    assert window.reader.article_id == target.id
    pane = window.reader.pane
    qtbot.waitUntil(lambda: pane.shown_generation >= 1 and pane.is_idle(), timeout=30000)
    html = []
    pane.page_html(html.append)
    qtbot.waitUntil(lambda: bool(html), timeout=5000)
    page = html[0]
    assert 'class="question"' in page  # the interview markup of core/render
    assert 'class="related-news"' in page
    assert "Five candidates will contest" in page  # the first pinned related story
    window.close_all_tabs()
    window.panels.shutdown()
    window.shutdown()


def test_queue_filter(qtbot, tmp_path):
    window, library = make_window(qtbot, tmp_path)
    window.library_panel.set_statuses(["published"])
    assert window.library_panel.model.total == library.status_counts()["published"]
