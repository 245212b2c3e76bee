"""ArticleListModel: Qt's model tester, lazy fetching, filters and sorting."""

import pytest
from PySide6.QtCore import Qt

from editor_app.core.models import Article
from editor_app.ui.library import library_model
from editor_app.ui.library.library_model import ArticleListModel


@pytest.fixture
def filled(library):
    for i in range(45):
        library.create_article(Article(title=f"Story {i:02d}", body=f"text {i} harbour" if i % 3 == 0
                                       else f"text {i}", date=f"2024-01-{i % 28 + 1:02d}",
                                       tags=["harbour"] if i % 2 else []))
    return library


def test_model_passes_qt_model_tester(qtmodeltester, filled, monkeypatch):
    monkeypatch.setattr(library_model, "PAGE_SIZE", 10)
    model = ArticleListModel(filled)
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_reads_only_the_pages_shown_and_keeps_few(filled, monkeypatch):
    monkeypatch.setattr(library_model, "PAGE_SIZE", 10)
    monkeypatch.setattr(library_model, "MAX_PAGES", 2)
    model = ArticleListModel(filled)
    assert model.rowCount() == 45 and model.total == 45
    assert not model._pages  # nothing read until a row is shown
    newest_first = [s.title for s in filled.list_articles()]
    assert [model.data(model.index(r, 0)) for r in range(45)] == newest_first
    assert len(model._pages) == 2  # the least recently used pages were let go
    assert model.data(model.index(45, 0)) is None


@pytest.mark.parametrize("column, order", [(0, Qt.SortOrder.AscendingOrder),
                                           (0, Qt.SortOrder.DescendingOrder),
                                           (2, Qt.SortOrder.AscendingOrder),
                                           (3, Qt.SortOrder.DescendingOrder),
                                           (3, Qt.SortOrder.AscendingOrder)])
def test_row_of_an_article_not_read_yet_is_its_place_in_the_list(filled, monkeypatch,
                                                                  column, order):
    monkeypatch.setattr(library_model, "PAGE_SIZE", 10)
    model = ArticleListModel(filled)
    model.sort(column, order)
    shown = [model.data(model.index(r, 0),
                        ArticleListModel.ArticleIdRole) for r in range(45)]
    for article_id in shown[::7]:
        fresh = ArticleListModel(filled)  # no page read: the library is asked
        fresh.sort(column, order)
        fresh._pages.clear()
        assert fresh.row_of(article_id) == shown.index(article_id)


def test_row_of_in_a_tag_a_queue_and_a_search(filled):
    model = ArticleListModel(filled)
    outside = next(s.id for s in filled.list_articles() if "harbour" not in s.tags)
    model.set_filter(tag="harbour")
    tagged = [s.id for s in filled.list_articles(tag="harbour")]
    model._pages.clear()
    assert model.row_of(tagged[5]) == 5
    assert model.row_of(outside) is None
    model.set_filter(ids=tagged[:3])
    assert model.row_of(tagged[2]) == 2 and model.row_of(tagged[4]) is None
    model.set_filter(statuses=["draft"])
    assert model.row_of(tagged[4]) == [s.id for s in filled.list_articles()].index(tagged[4])


def test_columns_and_roles(filled):
    model = ArticleListModel(filled)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Title", "Kind", "Status", "Date", "Tags"]
    index = model.index(0, 2)
    assert model.data(index) == "Draft"
    assert isinstance(model.data(index, ArticleListModel.ArticleIdRole), int)


def test_filters_by_status_search_ids_and_tag(filled):
    model = ArticleListModel(filled)
    model.set_filter(statuses=["published"])
    assert model.rowCount() == 0
    ids = [h.id for h in filled.search("harbour")]
    model.set_filter(ids=ids)
    assert model.total == len(ids) == 15
    model.set_filter(tag="harbour")
    assert model.total == 22


def test_sort_by_title(filled):
    model = ArticleListModel(filled)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 0)) == "Story 00"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "Story 44"
