"""The article around the body: header, related news, the standalone preview page.

Metadata (title, summary, names, related titles and excerpts) is plain text and goes
through Jinja2 autoescaping; only the sanitized body is inserted as markup. The page's
fixed words, dates, quotation marks and direction follow the article's language
(language.py, dates.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from markupsafe import Markup

from editor_app.core.render.assemble import asset_names, map_assets
from editor_app.core.render.dates import DEFAULT_DATE_FORMAT, date_iso, format_date
from editor_app.core.render.language import page_language
from editor_app.core.render.rendered import (  # noqa: F401 - part of this module's API
    RelatedItem,
    RenderedArticle,
    render_standalone_page,
    safe_href,
)
from editor_app.core.render.templates import template
from editor_app.core.render.text import count_words, html_to_text
from editor_app.core.resources import read_resource

ARTICLE_TEMPLATE = "article.html.j2"
STYLESHEET = ("css", "byline.css")
_KINDS = ("news", "interview", "feature", "opinion")


@functools.lru_cache(maxsize=1)
def stylesheet() -> str:
    """The CSS shared by preview and export."""
    return read_resource(*STYLESHEET)


def _related_context(items: Sequence[RelatedItem], language: str, date_format: str) -> list[dict]:
    context = []
    for item in items:
        context.append(
            {
                "title": str(item.title or item.slug or ""),
                "href": item.link(),
                "date_iso": date_iso(item.date),
                "dateline": format_date(item.date, language, date_format) if item.date else "",
                "excerpt": str(item.excerpt or ""),
            }
        )
    return context


def build_article(
    article,
    body_html: str,
    *,
    related: Sequence[RelatedItem] = (),
    asset_url: Callable[[str], str] | None = None,
    date_format: str = DEFAULT_DATE_FORMAT,
) -> RenderedArticle:
    """Wrap an already rendered body (Renderer.render_body) into the article markup.

    ``date_format`` is the house format (dates.py); empty: the language's long date.
    """
    assets = tuple(asset_names(body_html))
    if asset_url is not None and assets:
        body_html = map_assets(body_html, asset_url)
    kind = str(getattr(article.kind, "value", article.kind) or "news")
    page = page_language(getattr(article, "language", "") or "")
    title = str(article.title or "")
    html = template(ARTICLE_TEMPLATE).render(
        kind=kind if kind in _KINDS else "news",
        language=page.tag,
        direction=page.direction,
        words=page.words,
        title=title,
        dateline=format_date(article.date, page.tag, date_format) if article.date else "",
        date_iso=date_iso(article.date),
        summary=str(article.summary or ""),
        byline=page.byline(str(article.interviewee or ""), str(article.author or "")),
        body_html=Markup(body_html),
        related=_related_context(related, page.tag, date_format),
    )
    text = html_to_text(body_html)
    return RenderedArticle(
        html=html.strip("\n"),
        body_html=body_html,
        stylesheet=stylesheet(),
        title=title,
        word_count=count_words(text),
        language=page.tag,
        assets=assets,
        text=text,
        direction=page.direction,
    )
