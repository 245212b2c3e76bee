"""What the renderer takes in and hands back around the body: plain dataclasses.

Kept apart from article.py (Jinja2, Babel) because the application process makes
"Related news" items and receives rendered articles from the render worker, which
builds the page around the body (#20): neither needs the template stack here.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field
from urllib.parse import quote

_SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME_RE = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")


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
