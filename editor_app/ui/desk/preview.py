"""The live preview: core/render's HTML and CSS in a QWebEngineView.

Rendering runs on a worker thread through BackgroundWork (the Renderer converts
changed blocks in its worker processes and reuses cached ones), one job at a time
per preview; only the newest request's result is shown, older ones are dropped.

The page is loaded once (the stylesheet and an empty <main>); each later result is
patched into the live DOM by a small script that replaces only the top-level body
elements that differ.  Nothing is reloaded, so there is no flash and the scroll
position stays where the reader left it.  The body goes in through runJavaScript,
which also avoids setHtml's 2 MB limit on long articles with images.

When QtWebEngine cannot be loaded (missing system libraries), a QTextBrowser shows
the same HTML with a notice; the editor keeps working either way.

The first seconds (#20): Chromium takes most of a second to start, so a pane made
for the window's first paint (``defer_view``) shows the renderer's page in a
QTextBrowser, the *quick view* (quick_view.py), as soon as it has the page: from the
page cache (core/render/page_cache.py: the article's last rendered page, when nothing
it is made from has changed) at once, else when the first render is back. It is the
same HTML and stylesheet (Qt's rich text draws headings, questions and answers,
emphasis, lists and links; not every CSS rule). The web view is made after the first paint
underneath it; when its first page has loaded with the newest text it takes the
quick view's place at the quick view's reading position, and the quick view is
deleted.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QStackedLayout, QTextBrowser, QVBoxLayout, QWidget

from editor_app.core.errors import BylineError
from editor_app.core.startup_trace import trace
from editor_app.ui.background import BackgroundWork
from editor_app.ui.desk.quick_view import QuickView

if TYPE_CHECKING:
    from editor_app.core.library import Library

_UPDATE_SCRIPT = r"""
window.__bylineUpdate = function (html, lang) {
  if (lang) { document.documentElement.lang = lang; }
  var main = document.querySelector('main');
  var tpl = document.createElement('template');
  tpl.innerHTML = html;
  var replaced = 0;
  function isContainer(el) {
    return el.nodeType === 1 && (el.tagName === 'ARTICLE' ||
      (el.tagName === 'DIV' && el.className === 'article-body'));
  }
  function same(a, b) {
    if (a.nodeType !== b.nodeType) { return false; }
    if (a.nodeType !== 1) { return a.nodeValue === b.nodeValue; }
    return a.tagName === b.tagName && a.className === b.className && a.innerHTML === b.innerHTML;
  }
  function copyLine(a, b) {
    if (a.nodeType === 1 && a.getAttribute('data-line') !== b.getAttribute('data-line')) {
      if (b.hasAttribute('data-line')) { a.setAttribute('data-line', b.getAttribute('data-line')); }
      else { a.removeAttribute('data-line'); }
    }
  }
  function sync(oldParent, newParent) {
    var olds = Array.prototype.slice.call(oldParent.childNodes);
    var news = Array.prototype.slice.call(newParent.childNodes);
    var head = 0;
    while (head < olds.length && head < news.length) {
      var a = olds[head], b = news[head];
      if (isContainer(a) && a.tagName === b.tagName && a.className === b.className) {
        ['lang', 'dir'].forEach(function (name) {  // the article's language may change
          if (b.getAttribute(name) !== a.getAttribute(name)) { a.setAttribute(name, b.getAttribute(name) || ''); }
        });
        sync(a, b);
      } else if (!same(a, b)) { break; }
      copyLine(a, b);
      head++;
    }
    var ot = olds.length - 1, nt = news.length - 1;
    while (ot >= head && nt >= head && !isContainer(olds[ot]) && same(olds[ot], news[nt])) {
      copyLine(olds[ot], news[nt]); ot--; nt--;
    }
    var anchor = ot + 1 < olds.length ? olds[ot + 1] : null;
    for (var i = head; i <= ot; i++) { oldParent.removeChild(olds[i]); replaced++; }
    for (var j = head; j <= nt; j++) { oldParent.insertBefore(news[j], anchor); replaced++; }
  }
  function followDirection() {  // the page runs the way its article does
    var article = main.querySelector('article');
    if (article && article.dir) { document.documentElement.dir = article.dir; }
  }
  if (!main.firstElementChild) { main.innerHTML = html; followDirection(); return -1; }
  sync(main, tpl.content);
  followDirection();
  return replaced;
};
window.__bylineScrollTo = function (line) {
  if (line <= 0) { window.scrollTo(0, 0); return 0; }
  var els = document.querySelectorAll('.article-body > [data-line]');
  var lo = 0, hi = els.length - 1, best = -1;
  while (lo <= hi) {
    var mid = (lo + hi) >> 1;
    if (parseInt(els[mid].getAttribute('data-line'), 10) <= line) { best = mid; lo = mid + 1; }
    else { hi = mid - 1; }
  }
  if (best < 0) { window.scrollTo(0, 0); return 0; }
  var top = els[best].getBoundingClientRect().top + window.scrollY;
  window.scrollTo(0, Math.max(0, top - 16));
  return best;
};
window.__bylineScrollToText = function (text, share) {
  var els = document.querySelectorAll('main h1, main p, main li, main h2, main h3, main h4, main blockquote, main pre');
  for (var i = 0; text && i < els.length; i++) {
    if (els[i].textContent.replace(/\s+/g, ' ').trim().indexOf(text) === 0) {
      window.scrollTo(0, Math.max(0, els[i].getBoundingClientRect().top + window.scrollY));
      return i;
    }
  }
  var room = document.documentElement.scrollHeight - window.innerHeight;
  window.scrollTo(0, Math.round(share * Math.max(0, room)));
  return -1;
};
true;
"""


#: after the web view has the newest page, how long the quick view stays on top:
#: Chromium draws a patched page a frame or two later, and the quick view shows the
#: same text meanwhile
HANDOVER_MS = 150
#: the first screenful of a long article is rendered first for the quick view: a
#: screen of this size (px) when the view is not laid out yet, and the characters
#: that fit, counted with narrow glyphs and tight lines (at least HEAD_MIN_CHARS)
HEAD_SCREEN = (1920, 1080)
HEAD_GLYPH_PX = 6
HEAD_LINE_PX = 20
HEAD_MIN_CHARS = 3000
#: a preview keeps its newest page in the page cache at most this often while typing
#: (and when it closes)
CACHE_EVERY_S = 30.0


@dataclasses.dataclass(frozen=True)
class RenderRequest:
    """What to render: a snapshot of the article as typed, taken on the GUI thread."""

    generation: int
    article: object
    started: float
    related: object = ()  # RelatedItems of the "Related news" block (or what reads them)


def webengine_view_class():
    """QWebEngineView, or None with the reason when the module or its libraries are missing."""
    try:
        from PySide6.QtWebEngineWidgets import QWebEngineView
    except Exception as exc:  # noqa: BLE001 - ImportError or a missing shared library
        return None, str(exc)
    return QWebEngineView, ""


class PreviewPane(QWidget):
    """Renders an article off the GUI thread and shows it; follows the editor's scrolling.

    Signals:
      updated(int generation): the page now shows that generation's text.
      render_failed(str message): the text could not be rendered (message is for people).
      view_created(): the web view held back for the first paint exists now.
      renders_opened(): a pane made for the first paint may render now (open_renders).
      quick_shown(int generation): the quick view shows that generation's page (the
        first screenful of a long article first, then the whole: ``quick_complete``).
      handed_over(): the web view has taken the quick view's place.

    ``shown_generation`` and ``updated`` are the web view's (or the simplified
    view's); the quick view has ``quick_generation`` and ``quick_shown``.
    """

    updated = Signal(int)
    render_failed = Signal(str)
    view_created = Signal()  # a deferred view exists now (ensure_view)
    renders_opened = Signal()
    quick_shown = Signal(int)
    handed_over = Signal()

    def __init__(self, renderer, *, asset_url=None, thread_pool: QThreadPool | None = None,
                 force_fallback: bool = False, defer_view: bool = False, page_cache=None,
                 parent=None):
        super().__init__(parent)
        #: core.render.page_cache.PageCache: the last page of an article, for the quick view
        self.page_cache = page_cache
        self._cache_written = 0.0
        self._last_page: tuple[str, object] | None = None  # (cache key, RenderedArticle)
        self.setObjectName("previewPane")
        self._renderer = renderer
        self._asset_url = asset_url
        # The shared pool: MainWindow.shutdown waits for it before the renderer closes.
        self._renders = BackgroundWork(self, pool=thread_pool or QThreadPool.globalInstance())
        self._renders.finished.connect(self._on_rendered)
        self._renders.failed.connect(self._on_render_failed)
        self._renders.progress.connect(self._on_head_rendered)
        self._generation = 0
        self._shown_generation = 0
        self._request: RenderRequest | None = None  # the newest one
        self._page_ready = False
        self._queued_html: tuple[int, str, str] | None = None
        self._scroll_line: int | None = None
        self.last_error = ""
        self.last_render_ms = 0.0
        #: seconds from request to page updated, of the last update (benchmarks read it)
        self.last_latency = 0.0

        self.error_banner = QLabel()
        self.error_banner.setObjectName("previewError")
        self.error_banner.setWordWrap(True)
        self.error_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.error_banner.setStyleSheet(
            "QLabel#previewError { background: #fdecea; color: #7a1f1f; padding: 6px 10px;"
            " border-bottom: 1px solid #e6b0aa; }")
        self.error_banner.hide()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff8e1; color: #5d4200; padding: 4px 10px;")
        self.notice.hide()

        self._force_fallback = force_fallback
        self.dark = False
        self._held: tuple | None = None  # a result that came before the view existed
        self.view = None
        self.uses_webengine = not force_fallback
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.error_banner)
        self._layout.addWidget(self.notice)
        # Quick view and web view share the area: all visible, the quick view on top,
        # so that Chromium draws the page underneath before it is shown (#20).
        self._area = QStackedLayout()
        self._area.setStackingMode(QStackedLayout.StackingMode.StackAll)
        self._layout.addLayout(self._area, 1)
        self.quick_view: QuickView | None = None
        self.quick_generation = 0
        #: whether the quick view shows the whole page, not only its first screenful
        self.quick_complete = False
        self._quick_scrolled = False  # the reader moved the quick view itself
        self._source_lines = 1
        self._handover = QTimer(self, singleShot=True, interval=HANDOVER_MS)
        self._handover.timeout.connect(self._hand_over)
        #: whether renders run: a pane made for the first paint waits for open_renders
        self.renders_open = not defer_view
        if defer_view:
            # The window paints first; the renderer's page comes right after in the
            # quick view, and the web view (Chromium starts with it) later (#20).
            self.quick_view = self._make_quick_view()
            self._area.addWidget(self.quick_view)
        else:
            self.ensure_view()

    @property
    def placeholder(self):
        """The quick view while it has no page yet (it says "Preparing the preview…")."""
        quick = self.quick_view
        return quick if quick is not None and not self.quick_generation else None

    def _make_quick_view(self) -> QuickView:
        quick = QuickView(self.tr("Preparing the preview…"))
        quick.anchorClicked.connect(_open_external)
        quick.setAccessibleName(self.tr("Preview"))
        quick.set_dark(self.dark)
        quick.verticalScrollBar().valueChanged.connect(self._on_quick_scrolled)
        return quick

    def open_renders(self) -> None:
        """The window has painted: renders may run (the quick view shows them)."""
        if not self.renders_open:
            self.renders_open = True
            self.renders_opened.emit()

    def ensure_view(self) -> None:
        """Create the web view (or the simplified one) now, and show what waits for it."""
        if self.view is not None:
            return
        view_class, reason = (None, "disabled") if self._force_fallback else webengine_view_class()
        if view_class is not None:
            self.view = view_class()
            self.view.setPage(_PreviewPage(self.view))
            self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            # Files dropped on the page go to the window (import), never open in it.
            self.view.setAcceptDrops(False)
            self.view.loadFinished.connect(self._on_load_finished)
            self.uses_webengine = True
        else:
            self.view = QTextBrowser()
            self.view.setOpenExternalLinks(False)
            self.view.setOpenLinks(False)
            self.notice.setText(self.tr("Simplified preview: the web view could not be started "
                                        "({reason}). Exported pages will look different.")
                                .format(reason=reason))
            self.notice.show()
            self.uses_webengine = False
        self.view.setAccessibleName(self.tr("Preview"))
        self._area.insertWidget(0, self.view)
        if self.quick_view is not None:
            if self.uses_webengine:
                self._area.setCurrentWidget(self.quick_view)  # on top until handed over
            else:  # the simplified view is the quick view's kind: no need for both
                self._retire_quick_view()
        self._apply_dark()
        self.open_renders()
        held, self._held = self._held, None
        if held is not None:
            self._show(*held)
        self.view_created.emit()

    # -- theme -----------------------------------------------------------------
    def set_dark(self, dark: bool) -> None:
        """Show the page dark or light with the window (#17).

        WebEngine darkens the page itself (Chromium's dark mode), so the HTML and CSS
        stay the export's; the page background follows at once, with no reload. A view
        made after the first paint (#20) takes the theme when it is created.
        """
        self.dark = bool(dark)
        self._apply_dark()
        if self.quick_view is not None:
            self.quick_view.set_dark(self.dark)

    def _apply_dark(self) -> None:
        if self.view is not None and self.uses_webengine:
            from PySide6.QtGui import QColor
            from PySide6.QtWebEngineCore import QWebEngineSettings

            self.view.settings().setAttribute(QWebEngineSettings.WebAttribute.ForceDarkMode,
                                              self.dark)
            self.view.page().setBackgroundColor(QColor("#121212" if self.dark else "#ffffff"))

    # -- requests ------------------------------------------------------------
    @property
    def generation(self) -> int:
        return self._generation

    @property
    def shown_generation(self) -> int:
        return self._shown_generation

    def request(self, article, related=(), *, cache_key: str | None = None) -> int:
        """Render ``article`` (an Article snapshot) with its "Related news" items soon.

        ``related``: the items, or a function that makes them, called on the render's
        worker thread (making them imports the renderer's page stack, which the GUI
        thread need not wait for; it must not touch the library, which may be closed
        while a render runs). ``cache_key``: the article's key in ``page_cache``
        (PageCache.key_for): a quick view still waiting for its first page shows the
        cached one at once, and the render's page is kept there. Returns the
        generation of this request.
        """
        self._generation += 1
        related = related if callable(related) else tuple(related)
        request = RenderRequest(self._generation, article, time.perf_counter(), related)
        self._request = request
        self._source_lines = max(1, (getattr(article, "body", "") or "").count("\n") + 1)
        cache = self.page_cache if cache_key else None
        if cache is not None and self.quick_view is not None and not self.quick_generation:
            page = cache.get(cache_key)
            if page is not None:
                self._show_quick_page(self._generation, page)
        keep = cache is not None and time.monotonic() - self._cache_written > CACHE_EVERY_S
        if keep:
            self._cache_written = time.monotonic()
        head_chars = self._head_chars(article)

        def render(job):
            if head_chars is not None:
                # The first screenful first, for the quick view (_on_head_rendered); the
                # "Related news" under the article come with the whole page.
                job.report(request.generation, self._renderer.render_article(
                    request.article, asset_url=self._asset_url, head_chars=head_chars))
            items = tuple(related()) if callable(related) else related
            rendered = self._renderer.render_article(
                request.article, related=items, asset_url=self._asset_url)
            if keep:
                cache.put(cache_key, _standalone_page(rendered))
            return rendered, cache_key

        # Submitted while a render runs, it waits; a newer request replaces it unrendered.
        self._renders.submit(render, with_job=True)
        return self._generation

    def _head_chars(self, article) -> int | None:
        """How much of the body fills the quick view's first screen, when it is worth
        rendering that first: the quick view is waiting for its first page, the reader is
        at the beginning, and the body is longer than a screen. Else None."""
        quick = self.quick_view
        if quick is None or self.quick_generation or self.view is not None or self._scroll_line:
            return None
        size = quick.viewport().size()
        width, height = (size.width(), size.height()) if size.height() > 100 else HEAD_SCREEN
        # Generous: narrow glyphs and tight lines, so the screen is always full.
        chars = max(HEAD_MIN_CHARS, round(width / HEAD_GLYPH_PX * height / HEAD_LINE_PX))
        return chars if len(getattr(article, "body", "") or "") > chars else None

    def cache_key_for(self, article, related_rows) -> str | None:
        """The key of ``article``'s page in ``page_cache`` (None without a cache)."""
        if self.page_cache is None:
            return None
        return self.page_cache.key_for(article, related_rows,
                                       date_format=getattr(self._renderer, "date_format", ""))

    def _on_rendered(self, result) -> None:
        rendered, cache_key = result
        if cache_key is not None:
            self._last_page = (cache_key, rendered)
        request = self._request  # only the newest request's result arrives
        self.last_render_ms = (time.perf_counter() - request.started) * 1000
        self.error_banner.hide()
        self.last_error = ""
        self._show(request.generation, rendered, request.started)

    def _on_head_rendered(self, values) -> None:
        """The beginning of the newest request's page: the quick view shows it until the
        whole page follows (the web view only ever gets whole pages)."""
        generation, rendered = values
        if self.quick_view is not None and generation == self._generation:
            self._show_quick(generation, rendered, complete=False)

    def _on_render_failed(self, message: str, error) -> None:
        self.last_render_ms = (time.perf_counter() - self._request.started) * 1000
        line = (getattr(error, "line", None) or 0) if isinstance(error, BylineError) else 0
        self._show_error(message, line)

    def _show_error(self, message: str, line: int) -> None:
        self.last_error = message
        failed = (self.tr("Could not render the preview (near line {line}): {error}.")
                  .format(line=line, error=message) if line else
                  self.tr("Could not render the preview: {error}.").format(error=message))
        self.error_banner.setText(failed + " " + self.tr(
            "The text is safe and still being saved; the preview shows the last version that "
            "could be rendered."))
        self.error_banner.show()
        self._shown_generation = self._generation
        self.render_failed.emit(message)
        self.updated.emit(self._generation)

    # -- showing -------------------------------------------------------------
    def _show(self, generation: int, rendered, started: float) -> None:
        if self.quick_view is not None:
            self._show_quick(generation, rendered)
        if self.view is None:
            self._held = (generation, rendered, started)
            return
        if not self.uses_webengine:
            from editor_app.core.render.rendered import render_standalone_page

            bar = self.view.verticalScrollBar().value()
            self.view.setHtml(render_standalone_page(rendered))
            self.view.verticalScrollBar().setValue(bar)
            self._mark_shown(generation, started)
            return
        if not self._page_ready:
            self._queued_html = (generation, rendered.html, rendered.language)
            self._queued_started = started
            if not getattr(self, "_loading_shell", False):
                self._load_shell(rendered)
            return
        self._patch(generation, rendered.html, rendered.language, started)

    def _load_shell(self, rendered) -> None:
        from editor_app.core.render.rendered import render_standalone_page

        self._loading_shell = True
        shell = render_standalone_page(dataclasses.replace(rendered, html=""))
        self.view.setHtml(shell, QUrl("about:blank"))

    def _on_load_finished(self, ok: bool) -> None:
        self._loading_shell = False
        proxy = self.view.focusProxy()  # Chromium's widget takes the keyboard focus
        if proxy is not None and not proxy.accessibleName():
            proxy.setAccessibleName("Preview")
        self.view.page().runJavaScript(_UPDATE_SCRIPT, 0, lambda _r: None)
        self._page_ready = True
        if self._queued_html is not None:
            generation, html, language = self._queued_html
            self._queued_html = None
            self._patch(generation, html, language, self._queued_started)

    def _patch(self, generation: int, html: str, language: str, started: float) -> None:
        script = f"window.__bylineUpdate({json.dumps(html)}, {json.dumps(language)})"
        scroll = self._scroll_line

        def done(_replaced, generation=generation) -> None:
            if scroll is not None and _replaced == -1:
                self.scroll_to_line(scroll)
            self._mark_shown(generation, started)

        self.view.page().runJavaScript(script, 0, done)

    def _mark_shown(self, generation: int, started: float) -> None:
        self._shown_generation = max(self._shown_generation, generation)
        self.last_latency = time.perf_counter() - started
        if self.quick_view is not None and self._shown_generation >= self.quick_generation:
            self._prepare_handover()
        self.updated.emit(generation)

    # -- the quick view (the first seconds, #20) -----------------------------
    def _show_quick(self, generation: int, rendered, *, complete: bool = True) -> None:
        self._show_quick_page(generation, _standalone_page(rendered), complete=complete)

    def _show_quick_page(self, generation: int, page: str, *, complete: bool = True) -> None:
        quick = self.quick_view
        self.quick_complete = complete
        if page == getattr(self, "_quick_page", None):  # the cached page, rendered again
            self.quick_generation = generation
            self.quick_shown.emit(generation)
            return
        self._quick_page = page
        bar = quick.verticalScrollBar()
        position, scrolled = bar.value(), self._quick_scrolled
        quick.set_page(page)
        if scrolled:
            bar.setValue(position)
        elif self._scroll_line is not None:
            self._quick_follow(self._scroll_line)
        self._quick_scrolled = scrolled
        if not self.quick_generation:
            # On screen now, not at the next frame: the start-up builds its panels as
            # soon as this page is shown (quick_shown), and a paint left to the next
            # frame waited behind them (#20).
            quick.viewport().repaint()
            trace("quick view has the page")
        self.quick_generation = generation
        self.quick_shown.emit(generation)

    def _on_quick_scrolled(self, _value: int) -> None:
        if not getattr(self, "_quick_following", False):
            self._quick_scrolled = True

    def _quick_follow(self, line: int) -> None:
        """The quick view has no line map: it goes to the same share of the text."""
        bar = self.quick_view.verticalScrollBar()
        self._quick_following = True
        try:
            bar.setValue(round(bar.maximum() * min(1.0, line / self._source_lines)))
        finally:
            self._quick_following = False
        self._quick_scrolled = False

    def _prepare_handover(self) -> None:
        """The web view has the newest page: put it where the reader is, then show it."""
        if self._handover.isActive():
            return
        bar = self.quick_view.verticalScrollBar()
        if self._quick_scrolled and bar.maximum() > 0:
            # The paragraph at the top of the quick view goes to the top of the page (the
            # same share of the page if it cannot be found).
            share = bar.value() / bar.maximum()
            script = (f"window.__bylineScrollToText({json.dumps(self.quick_view.top_text())}, "
                      f"{share:f})")
            self.view.page().runJavaScript(script, 0, lambda _r: None)
        elif self._scroll_line is not None:
            self.scroll_to_line(self._scroll_line)
        self._handover.start()

    def _hand_over(self) -> None:
        if self.quick_view is None or self.view is None:
            return
        focused = self.quick_view.hasFocus()
        self._area.setCurrentWidget(self.view)
        self._retire_quick_view()
        if focused:
            self.view.setFocus()
        trace("web view took over")
        self.handed_over.emit()

    def _retire_quick_view(self) -> None:
        quick, self.quick_view = self.quick_view, None
        self._handover.stop()
        self._area.removeWidget(quick)
        quick.hide()
        quick.deleteLater()

    # -- scrolling and reading back ------------------------------------------
    def scroll_to_line(self, line: int) -> None:
        """Show the top-level element that starts at or before 0-based source ``line``."""
        self._scroll_line = line
        if self.quick_view is not None and self.quick_generation:
            self._quick_follow(line)
        if self.uses_webengine and self.view is not None:
            if self._page_ready:
                self.view.page().runJavaScript(f"window.__bylineScrollTo({int(line)})", 0,
                                               lambda _r: None)
        # The simplified preview has no line map; it keeps its own position.

    def page_html(self, callback) -> None:
        """Call ``callback(html)`` with the page's current HTML (tests, diagnostics)."""
        if self.view is None:
            callback("")
        elif self.uses_webengine:
            self.view.page().runJavaScript("document.documentElement.outerHTML", 0,
                                           lambda result: callback(result or ""))
        else:
            callback(self.view.toHtml())

    def is_idle(self) -> bool:
        return self._renders.is_idle()

    def keep_last_page(self) -> None:
        """Put the newest rendered page into ``page_cache`` (the tab or the window closes):
        the next start shows it at once."""
        if self.page_cache is not None and self._last_page is not None:
            key, rendered = self._last_page
            self.page_cache.put(key, _standalone_page(rendered))

    def release(self) -> None:
        """Delete the web view now (its tab closes): QtWebEngine crashes at exit when a
        page outlives its profile, and deleteLater runs only if the event loop turns again."""
        self.keep_last_page()
        self._renders.cancel()
        if self.quick_view is not None:
            self._retire_quick_view()
        view, self.view = self.view, None
        if view is None:
            return
        from shiboken6 import Shiboken

        self._area.removeWidget(view)
        Shiboken.delete(view)
        self._page_ready = False


def data_url_for_asset(library: Library, cache: dict[str, str] | None = None):
    """An ``asset_url`` for the preview: asset name -> ``data:`` URL from the library.

    Names are ``<sha256>.<ext>``; unknown assets map to an empty URL (a broken image,
    not an error: the text may mention an image that was never stored).
    """
    cache = {} if cache is None else cache

    def asset_url(name: str) -> str:
        url = cache.get(name)
        if url is not None:
            return url
        digest = name.split(".", 1)[0]
        try:
            asset = library.get_asset(digest)
        except BylineError:
            return ""
        url = f"data:{asset.mime};base64,{base64.b64encode(asset.data).decode('ascii')}"
        cache[name] = url
        return url

    return asset_url


def _standalone_page(rendered) -> str:
    from editor_app.core.render.rendered import render_standalone_page

    return render_standalone_page(rendered)


def _open_external(url: QUrl) -> None:
    """A link clicked in the quick view opens in the system browser, as in the web view."""
    if url.scheme() in ("http", "https", "mailto"):
        QDesktopServices.openUrl(url)


def _preview_page_class():
    from PySide6.QtWebEngineCore import QWebEnginePage

    class PreviewPage(QWebEnginePage):
        """Links open in the system browser; the preview itself never navigates away."""

        def acceptNavigationRequest(self, url, navigation_type, is_main_frame):  # noqa: N802
            if navigation_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
                if url.scheme() in ("http", "https", "mailto"):
                    QDesktopServices.openUrl(url)
                return False
            if url.isLocalFile():  # a file dropped on the page: never shown in its place
                return False
            return super().acceptNavigationRequest(url, navigation_type, is_main_frame)

    return PreviewPage


def _PreviewPage(parent):  # noqa: N802 - a factory that reads like the class it returns
    return _preview_page_class()(parent)
