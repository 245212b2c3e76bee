"""The preview follows the article's language (#18): words, dateline, quotes, direction."""

from __future__ import annotations

import pytest

from editor_app.ui.desk.article_tab import ArticleTab
from editor_app.ui.desk.autosave import AutosaveService
from tests.ui.desk.helpers import make_interview, wait_for_html, wait_preview


@pytest.fixture
def tab(qtbot, library, renderer):
    saver = AutosaveService(library)
    article = make_interview(library, date="2019-03-28",
                             body='Lede with "quoted" words.\n\nQ: Why?\n\nA: Because.')
    widget = ArticleTab(library, article.id, renderer=renderer, saver=saver)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    yield widget
    widget.close_tab()
    saver.close()


def document_direction(qtbot, tab) -> str:
    box: list = []
    tab.preview.view.page().runJavaScript("document.documentElement.dir", 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def test_changing_the_language_changes_the_preview(qtbot, tab):
    wait_preview(qtbot, tab)
    wait_for_html(qtbot, tab.preview, lambda h: ">28 March 2019</time>" in h and "“quoted”" in h)
    tab.metadata.language_box.setCurrentText("lt")
    html = wait_for_html(qtbot, tab.preview, lambda h: ">2019 m. kovo 28 d.</time>" in h)
    assert "Lede with „quoted“ words." in html and "Interviu: " in html
    assert '<html lang="lt" dir="ltr">' in html
    tab.metadata.language_box.setCurrentText("ar")
    html = wait_for_html(qtbot, tab.preview, lambda h: 'kind-interview" lang="ar" dir="rtl">' in h)
    assert "مقابلة مع" in html
    qtbot.waitUntil(lambda: document_direction(qtbot, tab) == "rtl", timeout=5000)
    tab.metadata.language_box.setCurrentText("en")
    wait_for_html(qtbot, tab.preview, lambda h: "Interview with" in h)
    qtbot.waitUntil(lambda: document_direction(qtbot, tab) == "ltr", timeout=5000)
