"""The preview's first moments (#20): the renderer's page in the quick view while Chromium
starts, then the web view in its place with the newest text at the reader's position."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont

from editor_app.core.render.page_cache import PageCache
from editor_app.ui.desk.article_tab import ArticleTab
from editor_app.ui.desk.preview import PreviewPane
from tests.ui.desk.helpers import page_html


def long_interview(interview, paragraphs: int = 120):
    parts = ["## The forum", "Lede with *emphasis* and **strength**."]
    for n in range(paragraphs):
        parts += [f"Q: Question number {n}?", f"A: Answer number {n} goes on for a while."]
    return dataclasses.replace(interview, body="\n\n".join(parts))


@pytest.fixture
def pane(qtbot, renderer):
    widget = PreviewPane(renderer, defer_view=True)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    yield widget
    widget.release()


def quick_formats(quick) -> dict[str, QFont]:
    """Each text fragment of the quick view and its font."""
    fonts = {}
    block = quick.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fonts[fragment.text()] = fragment.charFormat().font()
            iterator += 1
        block = block.next()
    return fonts


def test_the_quick_view_shows_the_rendered_article_before_chromium(qtbot, pane, interview):
    assert pane.view is None and pane.placeholder is pane.quick_view  # "Preparing…"
    pane.open_renders()
    with qtbot.waitSignal(pane.quick_shown, timeout=10000):
        pane.request(long_interview(interview))
    # First the first screenful (header and the article's beginning), at once …
    text = pane.quick_view.toPlainText()
    assert "Forum interview" in text and "The forum" in text  # headline and a heading
    assert "Question number 0?" in text and "Answer number 119" not in text
    assert not pane.quick_complete
    # … then the whole article in its place.
    qtbot.waitUntil(lambda: pane.quick_complete, timeout=10000)
    text = pane.quick_view.toPlainText()
    assert "Question number 0?" in text and "Answer number 119" in text
    fonts = quick_formats(pane.quick_view)
    headline = next(f for t, f in fonts.items() if "Forum interview" in t)
    lede = next(f for t, f in fonts.items() if t.startswith("Lede with"))
    question = next(f for t, f in fonts.items() if "Question number 0?" in t)
    assert headline.pointSizeF() > lede.pointSizeF() * 1.3 and headline.bold()
    assert question.bold() and not lede.bold()
    assert fonts["emphasis"].italic() and fonts["strength"].bold()
    assert pane.shown_generation == 0  # the web view has shown nothing yet


def test_the_web_view_takes_over_with_the_newest_text_and_nothing_lost(qtbot, pane, interview):
    pane.open_renders()
    with qtbot.waitSignal(pane.quick_shown, timeout=10000):
        pane.request(long_interview(interview))
    pane.ensure_view()
    assert pane.quick_view is not None and pane.quick_view.isVisible()  # still on top
    typed = dataclasses.replace(long_interview(interview),
                                body=long_interview(interview).body + "\n\nQ: Typed meanwhile?")
    generation = pane.request(typed)
    with qtbot.waitSignal(pane.handed_over, timeout=30000):
        pass
    assert pane.quick_view is None and pane.view.isVisible()
    assert pane.shown_generation >= generation
    html = page_html(qtbot, pane)
    assert "Typed meanwhile?" in html and 'class="question"' in html


def test_the_web_view_opens_where_the_reader_was_in_the_quick_view(qtbot, pane, interview):
    pane.open_renders()
    with qtbot.waitSignal(pane.quick_shown, timeout=10000):
        pane.request(long_interview(interview, paragraphs=300))
    bar = pane.quick_view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 2000, timeout=5000)
    bar.setValue(bar.maximum() // 2)  # the reader scrolls the quick view halfway
    at_top = pane.quick_view.top_text()
    assert at_top.startswith(("Question number 1", "Answer number 1"))
    pane.ensure_view()
    with qtbot.waitSignal(pane.handed_over, timeout=30000):
        pass
    top = []  # the paragraph at the top of the web view
    pane.view.page().runJavaScript(
        "document.elementFromPoint(40, 4).closest('p').textContent", 0, top.append)
    qtbot.waitUntil(lambda: bool(top), timeout=5000)
    assert " ".join(top[0].split()).startswith(at_top)


def test_a_cached_page_is_shown_at_once_then_the_render_replaces_it(qtbot, renderer, interview,
                                                                      tmp_path):
    cache = PageCache(tmp_path / "pages")
    pane = PreviewPane(renderer, defer_view=True, page_cache=cache)
    qtbot.addWidget(pane)
    pane.show()
    key = pane.cache_key_for(interview, [])
    cache.put(key, "<html><head><style>p { color: red; }</style></head><body>"
                   "<h1>Kept from yesterday</h1><p>Cached page</p></body></html>")
    pane.open_renders()
    pane.request(interview, cache_key=key)
    # At once, before any render could come back: the cached page.
    assert pane.quick_generation == 1 and "Kept from yesterday" in pane.quick_view.toPlainText()
    qtbot.waitUntil(lambda: "Forum interview" in pane.quick_view.toPlainText(), timeout=10000)
    edited = dataclasses.replace(interview, body=interview.body + "\n\nQ: Added today?")
    edited_key = pane.cache_key_for(edited, [])
    with qtbot.waitSignal(pane.quick_shown, timeout=10000):
        pane.request(edited, cache_key=edited_key)
    assert cache.get(edited_key) is None or "Added today?" in cache.get(edited_key)
    pane.release()
    # The newest page is what the next start finds under its key.
    assert "Added today?" in cache.get(edited_key)


def test_another_text_misses_the_cache(renderer, interview, tmp_path):
    cache = PageCache(tmp_path / "pages")
    key = cache.key_for(interview, [])
    assert key == cache.key_for(dataclasses.replace(interview), [])
    assert key != cache.key_for(dataclasses.replace(interview, body=interview.body + "!"), [])
    assert key != cache.key_for(interview, [{"title": "Pinned", "slug": "pinned"}])
    assert key != cache.key_for(interview, [], date_format="d MMMM y")


def test_a_tab_made_for_the_first_paint_renders_into_its_quick_view(qtbot, library, renderer,
                                                                     saver, interview):
    tab = ArticleTab(library, interview.id, renderer=renderer, saver=saver, defer_preview=True)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.preview.quick_generation == 0  # nothing renders before the paint
    with qtbot.waitSignal(tab.preview.quick_shown, timeout=10000):
        tab.preview.open_renders()
    assert "What is the forum for?" in tab.preview.quick_view.toPlainText()
    tab.preview.ensure_view()
    with qtbot.waitSignal(tab.preview.handed_over, timeout=30000):
        pass
    assert tab.preview.view in tab.focus_after_details()
    tab.close_tab()
    tab.preview.release()


def test_a_stale_first_screen_is_never_shown(qtbot, pane, interview):
    """Two requests before any answer: only the newest one's pages reach the quick view."""
    pane.open_renders()
    shown = []
    pane.quick_shown.connect(lambda generation: shown.append(
        (generation, pane.quick_view.toPlainText())))
    pane.request(long_interview(interview))
    edited = long_interview(interview)
    edited = dataclasses.replace(edited, body="Typed first.\n\n" + edited.body)
    newest = pane.request(edited)
    qtbot.waitUntil(lambda: pane.quick_complete, timeout=10000)
    assert shown and all(generation == newest for generation, _ in shown)
    assert all("Typed first." in text for _, text in shown)


def test_the_whole_page_keeps_the_readers_place_in_the_first_screen(qtbot, pane, interview):
    pane.open_renders()
    with qtbot.waitSignal(pane.quick_shown, timeout=10000):
        pane.request(long_interview(interview, paragraphs=300))
    assert not pane.quick_complete
    bar = pane.quick_view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # the reader scrolls within the first screenful
    at_top = pane.quick_view.top_text()
    assert at_top.startswith(("Question number", "Answer number"))
    qtbot.waitUntil(lambda: pane.quick_complete, timeout=10000)
    assert "Answer number 299" in pane.quick_view.toPlainText()
    assert pane.quick_view.top_text() == at_top


class _PaintCounter(QObject):
    def __init__(self):
        super().__init__()
        self.paints = 0

    def eventFilter(self, _obj, event):  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_the_first_page_is_painted_before_the_start_up_goes_on(qtbot, pane, interview):
    """quick_shown lets the start-up build its panels: by then the page is on screen, not
    waiting for the next frame behind them."""
    qtbot.waitExposed(pane)
    counter = _PaintCounter()
    pane.quick_view.viewport().installEventFilter(counter)
    painted_when_shown = []
    pane.quick_shown.connect(lambda _generation: painted_when_shown.append(counter.paints))
    counter.paints = 0
    pane.open_renders()
    pane.request(long_interview(interview))
    qtbot.waitUntil(lambda: bool(painted_when_shown), timeout=10000)
    assert painted_when_shown[0] >= 1
