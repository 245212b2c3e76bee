"""Jinja2 templates of the bundle (resources/templates, through the one environment
of core/render/templates.py), always with autoescaping.

Values reach templates as plain strings and are escaped by Jinja; the only
``Markup`` values are the renderer's sanitized article HTML and the
script-escaped JSON-LD, both made safe before they get here.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from editor_app.core.errors import InputError
from editor_app.core.render.templates import template

# Code points HTML5 calls parse errors (C0/C1 controls but tab/LF/FF/CR, noncharacters).
# Python-Markdown can leak its \x02…\x03 placeholders into odd link targets; they are
# invisible in the preview, but a published page must parse without errors.
_NOT_IN_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
                          "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0010fffe\U0010ffff]")


_ASCII_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def _clean_utf8(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds none of ``_NOT_IN_HTML``'s code points.

    Byte searches (memchr speed) instead of the character-class regex, which
    walks every character; the UTF-8 forms looked for: ASCII controls, C1
    controls (C2 80-9F), U+FDD0-FDEF (EF B7 ..) and every U+xFFFE/xFFFF
    (ending BF BE / BF BF).
    """
    return (len(data.translate(None, _ASCII_CONTROLS)) == len(data)
            and b"\xef\xb7" not in data and b"\xbf\xbe" not in data and b"\xbf\xbf" not in data
            and (b"\xc2" not in data or _C1_UTF8.search(data) is None))


def html_text(text: str) -> str:
    """``text`` without the code points an HTML5 parser reports as errors."""
    if _clean_utf8(text.encode("utf-8", "surrogatepass")):
        return text
    return _NOT_IN_HTML.sub("", text)


def html_bytes(text: str) -> bytes:
    """``html_text(text)`` as UTF-8."""
    data = text.encode("utf-8")
    return data if _clean_utf8(data) else _NOT_IN_HTML.sub("", text).encode("utf-8")


def render_text(name: str, **context) -> str:
    """A template as text (a piece of a page; ``render`` cleans and encodes the page)."""
    return template(name).render(**context)


def render(name: str, **context) -> bytes:
    """A template as UTF-8, without code points an HTML5 or XML parser would reject."""
    return html_bytes(template(name).render(**context))


_SITE_URL = re.compile(r"https?://[^\s<>\"'`\\]+")


def clean_site_url(value: object) -> str:
    """The configured site URL without a trailing slash, or "" when unset.

    Only http(s) URLs are accepted: the value ends up in canonical links, Open
    Graph tags and the feed, where a ``javascript:`` URL would be active content.
    """
    text = str(value or "").strip()
    if not text:
        return ""
    if not _SITE_URL.fullmatch(text) or not urlsplit(text).netloc:
        raise InputError(f"site URL {text[:80]!r}: must be an http:// or https:// address")
    return text.rstrip("/")


def absolute(site_url: str, path: str) -> str | None:
    """``site_url/path`` or None when there is no site URL (links stay relative)."""
    return f"{site_url}/{path}" if site_url else None
