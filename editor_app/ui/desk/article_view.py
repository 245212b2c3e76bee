"""The Reader: the article selected in the library, as it will be published.

It shows the output of the one renderer (through PreviewPane, which renders on a
worker), so an editor working a queue reads exactly what the export will write,
related news included, without opening the article for editing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from editor_app.core.errors import BylineError

if TYPE_CHECKING:
    from editor_app.core.library import Library
    from editor_app.ui.desk.preview import PreviewPane

#: English; translated where it is shown (context ArticleView)
PLACEHOLDER = QT_TRANSLATE_NOOP("ArticleView", "Select an article in the library to read it "
                                "here; double-click or press Enter to open it for editing.")


class ArticleView(QWidget):
    """Read-only view of one article; the renderer is asked for only when needed.

    An article selected while the Reader is behind an open article's tab is shown
    when the Reader comes to the front: a web page nobody sees costs a Chromium
    renderer process (#20).
    """

    def __init__(self, library: Library, renderer_provider, parent=None, *, defer_view: bool = False):
        super().__init__(parent)
        self._library = library
        self._renderer_provider = renderer_provider
        self._defer_view = defer_view
        self._waiting: int | None = None  # selected while hidden
        self.article_id: int | None = None
        self.pane: PreviewPane | None = None
        self.dark = False
        self.message = QLabel(self.tr(PLACEHOLDER))
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: gray; padding: 24px;")
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.message)

    def show_placeholder(self, text: str | None = None) -> None:
        self.article_id = None
        self.message.setText(self.tr(PLACEHOLDER) if text is None else text)
        self._stack.setCurrentWidget(self.message)

    def show_article(self, article_id: int) -> int | None:
        """Render the article in the background; returns the preview generation to wait for
        (None while the Reader is hidden: it renders when shown)."""
        if not self.isVisible():
            self._waiting = article_id
            self.article_id = article_id
            return None
        self._waiting = None
        from editor_app.core.related.block import related_news_items

        try:
            article = self._library.get_article(article_id)
            related = related_news_items(self._library, article_id)
        except BylineError as exc:
            self.show_placeholder(str(exc))
            return None
        if self.pane is None:
            # Imported with the first article shown: the window paints without it (#20).
            from editor_app.ui.desk.preview import PreviewPane, data_url_for_asset

            self.pane = PreviewPane(self._renderer_provider(),
                                    asset_url=data_url_for_asset(self._library),
                                    defer_view=self._defer_view)
            self.pane.set_dark(self.dark)
            self._stack.addWidget(self.pane)
        self.article_id = article_id
        self._stack.setCurrentWidget(self.pane)
        return self.pane.request(article, related)

    def set_dark(self, dark: bool) -> None:
        """The page follows the window's theme (#17)."""
        self.dark = dark
        if self.pane is not None:
            self.pane.set_dark(dark)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._waiting is not None:
            self.show_article(self._waiting)

    def ensure_view(self) -> None:
        """The window has painted: web views may start (see PreviewPane.ensure_view)."""
        self._defer_view = False
        if self.pane is not None:
            self.pane.ensure_view()

    def release(self) -> None:
        """Delete the web view now: QtWebEngine crashes at exit when a page outlives
        its profile, and deleteLater would run only if the event loop turns again."""
        if self.pane is None:
            return
        from shiboken6 import Shiboken

        pane, self.pane = self.pane, None
        self._stack.removeWidget(pane)
        Shiboken.delete(pane)
        self.show_placeholder()
