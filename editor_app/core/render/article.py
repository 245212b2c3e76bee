"""The article around the body: header, related news, the standalone preview page.

Metadata (title, summary, names, related titles and excerpts) is plain text and goes
through Jinja2 autoescaping; only the sanitized body is inserted as markup. The page's
fixed words, dates, quotation marks and direction follow the article's language
(language.py, dates.py).
"""

from __future__ import annotations

import functools
import html as _html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup

from editor_app.core.render.assemble import asset_names, map_assets
from editor_app.core.render.dates import DEFAULT_DATE_FORMAT, date_iso, format_date
from editor_app.core.render.language import page_language
from editor_app.core.render.templates import template
from editor_app.core.render.text import count_words, html_to_text
from editor_app.core.resources import read_resource

ARTICLE_TEMPLATE = "article.html.j2"
STYLESHEET = ("css", "byline.css")
_KINDS = ("news", "interview", "feature", "opinion")
_SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME_RE = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class RelatedItem:
    """One line of "Related news"; ``excerpt`` is frozen text (see make_excerpt)."""

    title: str
    slug: str
    date: str  # ISO YYYY-MM-DD, or a full ISO timestamp
    excerpt: str = ""
    href: str | None = None  # default: ../<slug>/index.html, the sibling bundle

    def link(self) -> str | None:
        """The href to print, or None when the given one is not a safe URL."""
        if self.href is None:
            return f"../{quote(self.slug or '', safe='-_.~')}/index.html"
        return safe_href(self.href)


@dataclass(frozen=True)
class RenderedArticle:
    html: str  # the complete <article>…</article>
    body_html: str  # sanitized body alone (export's fragment.html)
    stylesheet: str  # resources/css/byline.css
    title: str
    word_count: int
    language: str = "en"
    assets: tuple[str, ...] = field(default=())  # library asset names the body uses
    text: str = ""  # the body's text without markup (word_count counts its words)
    direction: str = "ltr"  # "rtl" for Arabic, Hebrew, …: the page's dir=""


def safe_href(href: str) -> str | None:
    """Relative URLs and http/https/mailto pass; javascript:, data: & co. do not.

    Browsers ignore tabs, newlines and control characters inside a scheme
    ("java\\tscript:"), so those are removed before looking at it.
    """
    compact = _CONTROL_RE.sub("", _html.unescape(str(href)))
    match = _SCHEME_RE.match(compact)
    if match and match.group(1).lower() not in _SAFE_SCHEMES:
        return None
    if compact.startswith("\\"):
        return None
    return str(href).strip()


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


# The preview page runs no script of its own; the application drives scrolling via
# QWebEnginePage.runJavaScript, which a page's CSP does not block.  Images may come
# from files or data URLs that asset_url produced for the preview.
_PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    "img-src file: data: blob: http: https: byline-asset: asset:; "
    "base-uri 'none'; form-action 'none'"
)


def render_standalone_page(rendered: RenderedArticle) -> str:
    """A minimal complete HTML document for the preview (QWebEngineView.setHtml)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_html.escape(rendered.language, quote=True)}" '
        f'dir="{_html.escape(rendered.direction, quote=True)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_PREVIEW_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_html.escape(rendered.title)}</title>\n"
        f"<style>\n{rendered.stylesheet}\n</style>\n"
        "</head>\n<body>\n<main>\n"
        f"{rendered.html}\n"
        "</main>\n</body>\n</html>\n"
    )
