"""The article around the body: header, related news, the standalone preview page.

Metadata (title, summary, names, related titles and excerpts) is plain text and goes
through Jinja2 autoescaping; only the sanitized body is inserted as markup.
"""

from __future__ import annotations

import functools
import html as _html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from editor_app.core.render.assemble import asset_names, map_assets
from editor_app.core.render.text import count_words, format_dateline, html_to_text, parse_iso_date
from editor_app.core.resources import read_resource, resource_path

ARTICLE_TEMPLATE = "article.html.j2"
STYLESHEET = ("css", "byline.css")
_KINDS = ("news", "interview", "feature", "opinion")
_SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME_RE = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")
_LANGUAGE_RE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True)
class RelatedItem:
    """One line of "Related news"; ``excerpt`` is frozen text (see make_excerpt)."""

    title: str
    slug: str
    date: str  # ISO YYYY-MM-DD
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
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@functools.lru_cache(maxsize=1)
def stylesheet() -> str:
    """The CSS shared by preview and export."""
    return read_resource(*STYLESHEET)


def _related_context(items: Sequence[RelatedItem], date_format: str) -> list[dict]:
    context = []
    for item in items:
        date = parse_iso_date(item.date)
        context.append(
            {
                "title": str(item.title or item.slug or ""),
                "href": item.link(),
                "date_iso": date.isoformat() if date else "",
                "dateline": format_dateline(item.date, date_format) if item.date else "",
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
    date_format: str = "%-d %B %Y",
) -> RenderedArticle:
    """Wrap an already rendered body (Renderer.render_body) into the article markup."""
    assets = tuple(asset_names(body_html))
    if asset_url is not None and assets:
        body_html = map_assets(body_html, asset_url)
    kind = str(getattr(article.kind, "value", article.kind) or "news")
    language = str(getattr(article, "language", "") or "")
    date = parse_iso_date(article.date or "")
    title = str(article.title or "")
    html = (
        _environment()
        .get_template(ARTICLE_TEMPLATE)
        .render(
            kind=kind if kind in _KINDS else "news",
            language=language if _LANGUAGE_RE.fullmatch(language) else "",
            title=title,
            dateline=format_dateline(article.date, date_format) if article.date else "",
            date_iso=date.isoformat() if date else "",
            summary=str(article.summary or ""),
            interviewee=str(article.interviewee or ""),
            author=str(article.author or ""),
            body_html=Markup(body_html),
            related=_related_context(related, date_format),
        )
    )
    text = html_to_text(body_html)
    return RenderedArticle(
        html=html.strip("\n"),
        body_html=body_html,
        stylesheet=stylesheet(),
        title=title,
        word_count=count_words(text),
        language=language if _LANGUAGE_RE.fullmatch(language) else "en",
        assets=assets,
        text=text,
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
        f'<html lang="{_html.escape(rendered.language, quote=True)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_PREVIEW_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_html.escape(rendered.title)}</title>\n"
        f"<style>\n{rendered.stylesheet}\n</style>\n"
        "</head>\n<body>\n<main>\n"
        f"{rendered.html}\n"
        "</main>\n</body>\n</html>\n"
    )
