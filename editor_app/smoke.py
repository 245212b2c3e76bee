"""``byline --smoke-test``: prove that a build can show its window and render a preview.

A frozen build fails in ways no unit test sees: a Qt plugin, QtWebEngineProcess, a
template or a dictionary left out of the folder. This opens the real main window
offscreen on a throw-away library seeded with the sample articles, opens an article,
waits until its preview shows the article's text, and exits 0, or 1 with one line
saying what did not happen. The user's library and settings are never touched.

The composition root passes in how to build the window and the renderer
(``app.run_smoke_test``). Every web view in the window is looked at; a preview's
``updated`` signal triggers an early look, and its ``render_failed`` signal or a
preview that fell back to the simplified view (``uses_webengine`` false) fails the test.
"""

from __future__ import annotations

import os
import pathlib
import re
import sys
import tempfile
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor_app.core.library import Library

DEFAULT_TIMEOUT = 90.0
_POLL_MS = 300


class SmokeFailure(Exception):
    """One line for the user: what the smoke test expected and did not see."""


def prepare_smoke_environment() -> None:
    """Offscreen, and WebEngine without its sandbox under root (it refuses otherwise)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    # The window's own flags (no GPU: offscreen Chromium may spend seconds probing for one).
    from editor_app.chromium import chromium_flags

    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", chromium_flags(os.environ))


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


def run_smoke_test(*, build_window: Callable, build_renderer: Callable | None = None,
                   timeout: float = DEFAULT_TIMEOUT) -> int:
    """Run the smoke test in a fresh QApplication; returns the process exit status.

    ``build_window(library, settings=QSettings, renderer=Renderer or None)`` builds the
    main window, ``build_renderer()`` the renderer it shares (without one the window
    makes its own). Call this before any QApplication exists (WebEngine must be
    imported first).
    """
    prepare_smoke_environment()
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="byline-smoke-") as tmp:
            title, seconds = _run(pathlib.Path(tmp), build_window, build_renderer, timeout,
                                  started)
    except SmokeFailure as exc:
        print(f"byline: smoke test failed: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - any error is a failed smoke test, in one line
        print(f"byline: smoke test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"byline: smoke test passed: window shown, preview of {title!r} rendered "
          f"in {seconds:.1f} s")
    return 0


def _run(tmp: pathlib.Path, build_window, build_renderer, timeout: float,
         started: float) -> tuple[str, float]:
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
        renderer = build_renderer() if build_renderer is not None else None
        window = build_window(library, settings=settings, renderer=renderer)
        window.show()
        window.select_in_library(article.id)
        window.open_article(article.id)
        waiter = _PreviewWaiter(app, window, article, timeout - (time.monotonic() - started))
        waiter.wait()
        return article.title, time.monotonic() - started
    finally:
        if window is not None:
            window.close()  # saves the tabs and stops the window's background work
            window.deleteLater()
            app.processEvents()
        if renderer is not None:
            renderer.close()
        library.close()


def _pick_article(library: Library):
    """An interview if there is one: it exercises the question/answer rendering."""
    rows = library.list_articles()
    if not rows:
        raise SmokeFailure("the library is empty after seeding the samples")
    chosen = next((r for r in rows if r.kind == "interview"), rows[0])
    return library.get_article(chosen.id)


class _PreviewWaiter:
    """Polls the window until one of its previews shows the article, or the time runs out."""

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
        self.hooked: set[int] = set()
        self.timer = QTimer()
        self.timer.setInterval(_POLL_MS)
        self.timer.timeout.connect(self.poll)

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
            self.finish("the window's preview did not show the article within the time limit")
            return
        self._hook_previews()
        if self.done:
            return
        from PySide6.QtWebEngineWidgets import QWebEngineView

        for view in self.window.findChildren(QWebEngineView):
            view.page().toPlainText(self._check_text)

    def _hook_previews(self) -> None:
        """Look at the page as soon as a preview says it rendered, not at the next poll."""
        from editor_app.ui.desk.preview import PreviewPane

        for pane in self.window.findChildren(PreviewPane):
            if id(pane) in self.hooked:
                continue
            if not pane.uses_webengine:
                self.finish("the preview fell back to the simplified view: "
                            f"{pane.notice.text() or 'no WebEngine'}")
                return
            pane.updated.connect(lambda *_: self.poll())
            pane.render_failed.connect(
                lambda message: self.finish(f"the preview could not render: {message}"))
            self.hooked.add(id(pane))

    def _check_text(self, text) -> None:
        if not self.done and page_shows(str(text or ""), self.words):
            self.finish()
