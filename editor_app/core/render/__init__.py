"""The one renderer: markdown -> sanitized HTML for the preview and the export.

Public API::

    Renderer(timeout=2.0, date_format="")   # thread-safe; holds cache + worker processes
        .render_body(markdown_text, kind="news", quotes=ENGLISH_QUOTES) -> str
        .render_article(article, related=(), asset_url=None) -> RenderedArticle
        .close()
    RenderedArticle(html, body_html, stylesheet, title, word_count, language, assets, text)
    RelatedItem(title, slug, date, excerpt, href=None)
    RenderError (a BylineError; ``.line`` = 1-based line of the failing block or None)
    make_excerpt(summary, body_markdown, limit=160) -> str
    format_date(value, language="en", house_format="") -> str   # Babel, in that language
    page_language(language) -> PageLanguage(tag, direction, quotes, words)
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
from editor_app.core.render.dates import DEFAULT_DATE_FORMAT, format_date
from editor_app.core.render.errors import RenderError
from editor_app.core.render.language import PageLanguage, page_language
from editor_app.core.render.renderer import Renderer
from editor_app.core.render.text import make_excerpt

__all__ = [
    "DEFAULT_DATE_FORMAT",
    "PageLanguage",
    "RelatedItem",
    "RenderError",
    "RenderedArticle",
    "Renderer",
    "build_article",
    "format_date",
    "make_excerpt",
    "page_language",
    "render_standalone_page",
    "safe_href",
    "stylesheet",
]
