"""Plain-text helpers for the page: datelines, excerpts, word counts.

These run in the application process on user text, so every regular expression here
is linear (no nested quantifiers) and excerpts only look at the start of the body.
"""

from __future__ import annotations

import datetime as _dt
import html as _html
import re

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ELLIPSIS = "\u2026"

_DIRECTIVE_RE = re.compile(r"%(-?)([a-zA-Z%])")


def parse_iso_date(value: str) -> _dt.date | None:
    """``YYYY-MM-DD`` (optionally followed by a time) -> date, else None."""
    text = str(value or "").strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", text)
    if not match:
        return None
    try:
        return _dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def format_dateline(iso_date: str, fmt: str = "%-d %B %Y") -> str:
    """ "2019-03-28" -> "28 March 2019", in English whatever the system locale.

    Supports %d %-d %e %m %-m %B %b %Y %y %A %a %%; other directives are kept
    literally.  A value that is not a date is returned unchanged (stripped) so the
    page still shows what the reporter typed.
    """
    date = parse_iso_date(iso_date)
    if date is None:
        return str(iso_date or "").strip()

    def directive(match: re.Match[str]) -> str:
        no_pad, code = match.group(1) == "-", match.group(2)
        values = {
            "d": (date.day, 2),
            "e": (date.day, 0),
            "m": (date.month, 2),
            "Y": (date.year, 4),
            "y": (date.year % 100, 2),
        }
        if code in values:
            number, width = values[code]
            return str(number) if no_pad or not width else f"{number:0{width}d}"
        names = {
            "B": MONTHS[date.month - 1],
            "b": MONTHS[date.month - 1][:3],
            "A": WEEKDAYS[date.weekday()],
            "a": WEEKDAYS[date.weekday()][:3],
            "%": "%",
        }
        return names.get(code, match.group(0))

    return _DIRECTIVE_RE.sub(directive, fmt)


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
