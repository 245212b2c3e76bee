"""The one renderer: markdown -> sanitized HTML for the preview and the export.

Public API::

    Renderer(timeout=2.0, date_format="")   # thread-safe; holds cache + worker processes
        .render_body(markdown_text, kind="news", quotes=ENGLISH_QUOTES, head_chars=None) -> str
        .render_article(article, related=(), asset_url=None, head_chars=None) -> RenderedArticle
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

from editor_app.core.lazy import lazy_attributes

# Each name and the module that defines it, imported on first use (PEP 562): the GUI
# starts a Renderer (its worker process) before the window paints, and the markdown,
# Jinja2 and nh3 stack it would otherwise import here is only needed once the first
# page is rendered, on a worker thread (#20).
_WHERE = {
    "RelatedItem": "rendered", "RenderedArticle": "rendered", "build_article": "article",
    "render_standalone_page": "rendered", "safe_href": "rendered", "stylesheet": "article",
    "DEFAULT_DATE_FORMAT": "dates", "format_date": "dates",
    "RenderError": "errors",
    "PageLanguage": "language", "page_language": "language",
    "Renderer": "renderer",
    "make_excerpt": "text",
}


__getattr__, __dir__ = lazy_attributes(__name__, globals(), _WHERE)


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
