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


def test_fetches_lazily_in_pages(filled, monkeypatch):
    monkeypatch.setattr(library_model, "PAGE_SIZE", 10)
    model = ArticleListModel(filled)
    assert model.rowCount() == 10 and model.total == 45
    assert model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 45
    assert not model.canFetchMore()


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
