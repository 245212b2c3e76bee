"""The nh3 allowlist: what may reach a page from an article body.

Tight on purpose.  Tags are the ones the renderer itself produces plus a few inline
ones a reporter may type (del, ins, abbr, sub, sup, span).  Classes are limited to the
ones the stylesheet knows; ``id`` only carries footnote anchors so nothing in the body
can shadow element ids of the preview page.

URLs: http, https, mailto, relative URLs and ``asset:<name>`` -- images stored in the
library, which render.py maps to a real URL after sanitizing (asset_url).  ``data:`` is
refused everywhere, images included: every picture goes through the library, so the
export can copy it and the manifest can hash it.

``data-line`` is *not* allowed here: the renderer adds it after sanitizing, so a
``data-line`` typed by a user can never confuse the preview's scroll mapping.
"""

from __future__ import annotations

import re

import nh3

ALLOWED_TAGS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "a", "ul", "ol", "li",
        "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "img",
        "figure", "figcaption", "aside", "section", "time", "hr", "br", "sup", "sub",
        "span", "div", "del", "ins", "abbr",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
    "time": {"datetime"},
    "sup": {"id"},
    "li": {"id"},
    "ol": {"start"},
}
ALIGN_VALUES = {"align": {"left", "right", "center"}}
ALLOWED_CLASSES = {
    "p": {"question", "answer"},
    "aside": {"factbox"},
    "div": {"footnote"},
    "a": {"footnote-ref", "footnote-backref"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "asset"})
# Content dropped together with the tag; other refused tags keep their (inert) text.
CLEAN_CONTENT_TAGS = frozenset({"script", "style", "template", "noscript", "xmp", "noembed"})

_FOOTNOTE_ID_RE = re.compile(r"fn(?:ref\d*)?:[\w.-]{1,100}")
_START_RE = re.compile(r"\d{1,9}")
_URL_NOISE_RE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME_RE = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id":
        return value if _FOOTNOTE_ID_RE.fullmatch(value) else None
    if name in ("href", "src"):
        # Per the URL standard "jav\x01ascript:" is a harmless relative URL, but older
        # engines and other tools strip such characters; refuse anything that spells a
        # foreign scheme once spaces and control characters are gone.
        scheme = _SCHEME_RE.match(_URL_NOISE_RE.sub("", value))
        if scheme and scheme.group(1).lower() not in URL_SCHEMES:
            return None
        return value
    if name == "start":
        return value if _START_RE.fullmatch(value) else None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(CLEAN_CONTENT_TAGS),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    attribute_filter=_filter_attribute,
    tag_attribute_values={"th": ALIGN_VALUES, "td": ALIGN_VALUES},
    allowed_classes={tag: set(names) for tag, names in ALLOWED_CLASSES.items()},
    url_schemes=set(URL_SCHEMES),
    strip_comments=True,
)


def sanitize(html: str) -> str:
    """Return ``html`` with everything outside the allowlist removed."""
    return _CLEANER.clean(html)
