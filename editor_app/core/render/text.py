"""Plain-text helpers for the page: excerpts, word counts (dates: dates.py).

These run in the application process on user text, so every regular expression here
is linear (no nested quantifiers) and excerpts only look at the start of the body.
"""

from __future__ import annotations

import html as _html
import re

ELLIPSIS = "\u2026"


# -- excerpts ----------------------------------------------------------------------------
_SKIP_BLOCK_RE = re.compile(
    r"""\s*(?:\#|!!!|```|~~~|\[[^\]\n]*\]:|<!--|\||[-*_](?:\s*[-*_]){2,}\s*$|>?\s*!\[[^\]\n]*\]\([^)\n]*\)\s*$)"""
)
_IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK_RE = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_REF_LINK_RE = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_FOOTNOTE_RE = re.compile(r"\[\^[^\]\n]*\]")
_TAG_RE = re.compile(r"<[^<>\n]*>")
_ATTR_LIST_RE = re.compile(r"\{:?[^{}\n]*\}")
_EMPHASIS_RE = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|`+|~~")
_PREFIX_RE = re.compile(r"^(?:\s*>)*\s*(?:[QA]:\s*|[-*+]\s+|\d+\.\s+)?")
_SPACE_RE = re.compile(r"\s+")


def markdown_to_plain(text: str) -> str:
    """Readable text of a markdown paragraph (links -> their text, no markup)."""
    text = _IMAGE_RE.sub("", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _REF_LINK_RE.sub(r"\1", text)
    text = _FOOTNOTE_RE.sub("", text)
    text = _TAG_RE.sub("", text)
    text = _ATTR_LIST_RE.sub("", text)
    text = "\n".join(_PREFIX_RE.sub("", line, count=1) for line in text.split("\n"))
    text = _EMPHASIS_RE.sub("", text)
    text = text.replace("\\", "")
    text = _html.unescape(text)
    return _SPACE_RE.sub(" ", text).strip()


def first_paragraph(body_markdown: str) -> str:
    """The first prose paragraph: no heading, fact box, code, table, rule or lone image."""
    text = str(body_markdown or "").replace("\r\n", "\n").replace("\r", "\n")
    # Skip YAML front matter if a raw file slipped through.
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            text = text[end + 4 :]
    fenced = False
    for paragraph in re.split(r"\n[ \t]*\n", text[:200_000]):
        stripped = paragraph.strip("\n")
        if not stripped.strip():
            continue
        if stripped.lstrip().startswith(("```", "~~~")) or fenced:
            # A fence spanning blank lines: skip until its closing line.
            fences = sum(
                1 for line in stripped.split("\n") if line.lstrip().startswith(("```", "~~~"))
            )
            fenced = fenced != (fences % 2 == 1)
            continue
        if stripped.startswith(("    ", "\t")) or _SKIP_BLOCK_RE.match(stripped):
            continue
        plain = markdown_to_plain(stripped[:4000])
        if plain:
            return plain
    return ""


def truncate(text: str, limit: int = 160) -> str:
    """Cut at a word boundary so the result, "…" included, has at most ``limit`` chars."""
    text = _SPACE_RE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    room = limit - len(ELLIPSIS)
    cut = text[:room]
    if not text[room].isspace():
        space = cut.rfind(" ")
        if space > 0:
            cut = cut[:space]
    cut = cut.rstrip(" ,;:-\u2013\u2014([{\"'\u201c\u2018")
    return (cut or text[:room]) + ELLIPSIS


def make_excerpt(summary: str, body_markdown: str, limit: int = 160) -> str:
    """The summary when there is one, else the first paragraph as plain text, cut to fit.

    An ellipsis is added only when text was cut: a short summary runs as written.
    """
    source = markdown_to_plain(str(summary or "")[:4000]) if str(summary or "").strip() else ""
    if not source:
        source = first_paragraph(body_markdown)
    return truncate(source, limit)


# <(?:[^>"']|"[^"]*"|'[^']*')*> unrolled: the same tags, without an alternation per character.
_HTML_TAG_RE = re.compile(r"<[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>")
_WORD_RE = re.compile(r"\w+(?:['\u2019.-]\w+)*")


def html_to_text(html: str) -> str:
    """The text of rendered HTML, each tag replaced by a space, entities decoded."""
    return _html.unescape(_HTML_TAG_RE.sub(" ", html))


def count_words(text: str) -> int:
    """Words in plain text (``html_to_text``): runs of letters and digits, with inner
    apostrophes, dots and hyphens ("don't", "U.S.", "well-known")."""
    return len(_WORD_RE.findall(text))


def count_words_html(html: str) -> int:
    """Words in rendered HTML: text only, markup and entities do not count."""
    return count_words(html_to_text(html))
