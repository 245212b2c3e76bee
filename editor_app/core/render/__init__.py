"""The one renderer: markdown -> sanitized HTML for the preview and the export.

Public API::

    Renderer(timeout=2.0, date_format="%-d %B %Y")   # thread-safe; holds cache + worker processes
        .render_body(markdown_text, kind="news") -> str
        .render_article(article, related=(), asset_url=None) -> RenderedArticle
        .close()
    RenderedArticle(html, body_html, stylesheet, title, word_count, language, assets, text)
    RelatedItem(title, slug, date, excerpt, href=None)
    RenderError (a BylineError; ``.line`` = 1-based line of the failing block or None)
    make_excerpt(summary, body_markdown, limit=160) -> str
    format_dateline(iso_date, fmt="%-d %B %Y") -> str
    render_standalone_page(rendered) -> str
    stylesheet() -> str

Images: ``![alt](asset:<sha256>.<ext>)`` refers to a library asset; ``asset_url(name)``
receives ``<sha256>.<ext>`` and returns the URL to print (export: ``assets/<name>``).
"""

from editor_app.core.render.article import (
    RelatedItem,
    RenderedArticle,
    build_article,
    render_standalone_page,
    safe_href,
    stylesheet,
)
from editor_app.core.render.errors import RenderError
from editor_app.core.render.renderer import DEFAULT_DATE_FORMAT, Renderer
from editor_app.core.render.text import format_dateline, make_excerpt

__all__ = [
    "DEFAULT_DATE_FORMAT",
    "RelatedItem",
    "RenderError",
    "RenderedArticle",
    "Renderer",
    "build_article",
    "format_dateline",
    "make_excerpt",
    "render_standalone_page",
    "safe_href",
    "stylesheet",
]
