"""``byline --smoke-test``: prove that a build can show its window and render a preview.

A frozen build fails in ways no unit test sees: a Qt plugin, QtWebEngineProcess, a
template or a dictionary left out of the folder. This opens the real main window
offscreen on a throw-away library seeded with the sample articles, opens an article,
waits until a web page shows its text, and exits 0, or 1 with one line saying what
did not happen. The user's library and settings are never touched.

The preview is found without knowing its class: any QWebEngineView inside the window
counts, an ``updated``/``rendered`` signal on any child (the writing desk's PreviewPane)
triggers an early look at the page, and its ``render_failed`` signal or a preview that
fell back to the simplified view (``uses_webengine`` false) fails the test. Without a
preview in the window, a QWebEngineView of our own shows the article through the one
renderer, so WebEngine is still exercised.
"""

from __future__ import annotations

import os
import pathlib
import re
import sys
import tempfile
import time
from collections.abc import Callable

DEFAULT_TIMEOUT = 90.0
_POLL_MS = 300
_RENDERED_SIGNALS = ("updated", "rendered", "render_finished", "preview_rendered")
_FAILED_SIGNALS = ("render_failed",)


class SmokeFailure(Exception):
    """One line for the user: what the smoke test expected and did not see."""


def prepare_smoke_environment() -> None:
    """Offscreen, and WebEngine without its sandbox under root (it refuses otherwise)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    # No GPU offscreen; without this Chromium may spend seconds probing for one.
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")


def probe_words(article) -> list[str]:
    """Words that must appear in the rendered page: the start of the article's lede."""
    for paragraph in article.body.split("\n\n"):
        text = paragraph.strip()
        if not text or text.startswith(("!!!", "#", "Q:", "A:", "<", "![")):
            continue
        words = _words(text)
        if len(words) >= 3:
            return words[:8]
    return _words(article.title)[:8]


def _words(text: str) -> list[str]:
    # Letters only: smart quotes, dashes and markup may differ between source and page.
    return [w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)]


def page_shows(page_text: str, words: list[str]) -> bool:
    present = set(_words(page_text))
    return bool(words) and all(w in present for w in words)


def run_smoke_test(*, build_window: Callable | None = None,
                   timeout: float = DEFAULT_TIMEOUT) -> int:
    """Run the smoke test in a fresh QApplication; returns the process exit status.

    ``build_window(library, settings=QSettings, renderer=Renderer)`` builds the main
    window (default: ``editor_app.app.build_main_window``). Call this before any
    QApplication exists (WebEngine must be imported first).
    """
    prepare_smoke_environment()
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="byline-smoke-") as tmp:
            title, seconds = _run(pathlib.Path(tmp), build_window, timeout, started)
    except SmokeFailure as exc:
        print(f"byline: smoke test failed: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - any error is a failed smoke test, in one line
        print(f"byline: smoke test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"byline: smoke test passed: window shown, preview of {title!r} rendered "
          f"in {seconds:.1f} s")
    return 0


def _run(tmp: pathlib.Path, build_window, timeout: float, started: float) -> tuple[str, float]:
    from PySide6.QtCore import QCoreApplication, QSettings, Qt

    try:  # must be imported before the QApplication exists
        from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401
    except ImportError as exc:
        raise SmokeFailure(f"QtWebEngine is not available ({exc})") from None
    from PySide6.QtWidgets import QApplication

    from editor_app.core.library import Library
    from editor_app.core.samples import seed_samples

    if QApplication.instance() is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv[:1])

    library = Library.open(tmp / "smoke.byline")
    renderer = window = None
    try:
        if not seed_samples(library):
            raise SmokeFailure("no sample articles were imported (resources/samples missing?)")
        article = _pick_article(library)
        settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
        renderer = _build_renderer()
        window = _build_window(build_window, library, settings, renderer)
        window.show()
        hub = getattr(window, "signals_hub", None)
        panel = getattr(window, "library_panel", None)
        if panel is not None and hasattr(panel, "select_article"):
            panel.select_article(article.id)
        if hub is not None and hasattr(hub, "open_article_requested"):
            hub.open_article_requested.emit(article.id)
        waiter = _PreviewWaiter(app, window, article, timeout - (time.monotonic() - started))
        waiter.wait()
        return article.title, time.monotonic() - started
    finally:
        if window is not None:
            if hasattr(window, "shutdown"):
                window.shutdown()
            window.close()
            window.deleteLater()
            app.processEvents()
        if renderer is not None:
            renderer.close()
        library.close()


def _pick_article(library):
    """An interview if there is one: it exercises the question/answer rendering."""
    rows = library.list_articles()
    if not rows:
        raise SmokeFailure("the library is empty after seeding the samples")
    chosen = next((r for r in rows if r.kind == "interview"), rows[0])
    return library.get_article(chosen.id)


def _build_renderer():
    try:
        from editor_app.app import build_renderer
    except ImportError:  # an app without a shared renderer: the window makes its own
        return None
    return build_renderer()


def _build_window(build_window, library, settings, renderer):
    if build_window is None:
        from editor_app.app import build_main_window as build_window
    kwargs = {"settings": settings}
    if renderer is not None:
        kwargs["renderer"] = renderer
    return build_window(library, **kwargs)


class _PreviewWaiter:
    """Polls the window until a web page shows the article, or the time runs out."""

    def __init__(self, app, window, article, timeout: float):
        from PySide6.QtCore import QEventLoop, QTimer

        self.app = app
        self.window = window
        self.article = article
        self.words = probe_words(article)
        self.deadline = time.monotonic() + max(timeout, 1.0)
        self.loop = QEventLoop()
        self.error: str | None = None
        self.done = False
        self.own_view = None
        self.own_view_failed: str | None = None
        self.hooked: set[int] = set()
        self.timer = QTimer()
        self.timer.setInterval(_POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.grace_until = time.monotonic() + 5.0  # let the window create its preview first

    def wait(self) -> None:
        self.timer.start()
        self.poll()
        if not self.done:
            self.loop.exec()
        self.timer.stop()
        if self.error:
            raise SmokeFailure(self.error)

    def finish(self, error: str | None = None) -> None:
        if self.done:
            return
        self.done = True
        self.error = error
        self.loop.quit()

    def poll(self) -> None:
        if self.done:
            return
        if not self.window.isVisible():
            self.finish("the main window is not visible")
            return
        if time.monotonic() > self.deadline:
            where = "the window's preview" if self._views() else "a WebEngine page"
            detail = f" ({self.own_view_failed})" if self.own_view_failed else ""
            self.finish(f"{where} did not show the article within the time limit{detail}")
            return
        self._hook_rendered_signals()
        if self.done:
            return
        views = self._views()
        if not views and self.own_view is None and time.monotonic() > self.grace_until:
            self._show_in_own_view()
        for view in views + ([self.own_view] if self.own_view is not None else []):
            view.page().toPlainText(self._check_text)

    def _views(self) -> list:
        from PySide6.QtWebEngineWidgets import QWebEngineView

        return [v for v in self.window.findChildren(QWebEngineView) if v is not self.own_view]

    def _hook_rendered_signals(self) -> None:
        """Look at the page as soon as a preview says it rendered, not at the next poll."""
        from PySide6.QtCore import QObject, Signal

        for child in self.window.findChildren(QObject):
            if id(child) in self.hooked:
                continue
            if getattr(child, "uses_webengine", True) is False:
                notice = getattr(getattr(child, "notice", None), "text", lambda: "")()
                self.finish(f"the preview fell back to the simplified view: {notice or 'no WebEngine'}")
                return
            hooked = False
            for name in _RENDERED_SIGNALS:
                if isinstance(getattr(type(child), name, None), Signal):
                    getattr(child, name).connect(lambda *_: self.poll())
                    hooked = True
                    break
            for name in _FAILED_SIGNALS:
                if isinstance(getattr(type(child), name, None), Signal):
                    getattr(child, name).connect(
                        lambda message="": self.finish(f"the preview could not render: {message}"))
                    hooked = True
            if hooked:
                self.hooked.add(id(child))

    def _check_text(self, text) -> None:
        if not self.done and page_shows(str(text or ""), self.words):
            self.finish()

    def _show_in_own_view(self) -> None:
        """No preview in the window yet: render the article ourselves into a WebEngine page."""
        from PySide6.QtCore import QUrl
        from PySide6.QtWebEngineWidgets import QWebEngineView

        from editor_app.core.render import Renderer, render_standalone_page

        with Renderer() as renderer:
            page_html = render_standalone_page(renderer.render_article(self.article))
        self.own_view = QWebEngineView()
        self.own_view.resize(800, 600)
        self.own_view.loadFinished.connect(self._own_view_loaded)
        self.own_view.setHtml(page_html, QUrl("file:///"))
        self.own_view.show()

    def _own_view_loaded(self, ok: bool) -> None:
        if not ok:
            self.own_view_failed = "WebEngine could not load the rendered page"
        self.poll()
