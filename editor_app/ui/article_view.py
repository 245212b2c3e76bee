"""A read-only view of one article: headline, metadata and the body as formatted text."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser

from editor_app.core.errors import BylineError


class ArticleView(QTextBrowser):
    """Shows the selected article without editing it (quick reading in the library)."""

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self._library = library
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.article_id: int | None = None
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.article_id = None
        self.setHtml("<p style='color:gray'>Select an article in the library to read it here; "
                     "double-click or press Enter to open it for editing.</p>")

    def show_article(self, article_id: int) -> None:
        try:
            article = self._library.get_article(article_id)
        except BylineError as exc:
            self.setHtml(f"<p>{html.escape(str(exc))}</p>")
            return
        self.article_id = article_id
        meta = " · ".join(html.escape(x) for x in (
            article.date, article.kind.value, article.status.label, article.author) if x)
        tags = ", ".join(html.escape(t) for t in article.tags)
        header = (f"<h1>{html.escape(article.title)}</h1><p style='color:gray'>{meta}</p>"
                  + (f"<p><i>{html.escape(article.summary)}</i></p>" if article.summary else "")
                  + (f"<p style='color:gray'>Tags: {tags}</p>" if tags else "") + "<hr>")
        self.setHtml(header)
        cursor = self.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        # Qt's own markdown reader is enough for a read-only glance; the preview
        # of the writing desk uses the real renderer.
        body = "\n\n".join(_strip_interview_prefix(p) for p in article.body.split("\n\n"))
        doc_html = self._markdown_html(body)
        cursor.insertHtml(doc_html)
        self.moveCursor(cursor.MoveOperation.Start)

    @staticmethod
    def _markdown_html(markdown_text: str) -> str:
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setMarkdown(markdown_text)
        return doc.toHtml()


def _strip_interview_prefix(paragraph: str) -> str:
    if paragraph.startswith("Q:"):
        return "**" + paragraph[2:].strip() + "**"
    if paragraph.startswith("A:"):
        return paragraph[2:].strip()
    return paragraph
