"""Markdown -> sanitized HTML for single blocks or a whole document.

This module runs inside the render worker process (worker.py), so that a pathological
input can be killed without harming the application.  It is also importable in
process for tests.

Each result is a ``Fragment``: sanitized HTML plus the positions of its top-level
start tags and what kind of element each is.  The assembler (assemble.py) uses those
positions to insert ``data-line`` and the interview ``answer`` class without parsing
the HTML again.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from editor_app.core.render.extensions import make_markdown
from editor_app.core.render.fragment import (  # noqa: F401 - part of this module's API
    ANSWER,
    BREAK,
    OTHER,
    PARAGRAPH,
    QUESTION,
    Fragment,
)
from editor_app.core.render.language import ENGLISH_QUOTES
from editor_app.core.render.sanitize import sanitize

# nh3 output is well formed: values double-quoted with '"', '<' and '>' escaped
# in text and attribute values, no comments, no raw-text elements.
_TAG_RE = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)\s*/?>')
_CLASS_RE = re.compile(r'\sclass="([^"]*)"')
_VOID = frozenset({"br", "hr", "img", "wbr", "area", "col", "embed", "input", "source"})
_BREAK_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hr"})


def top_level_marks(html: str) -> tuple[tuple[int, str], ...]:
    marks = []
    depth = 0
    for match in _TAG_RE.finditer(html):
        name = match.group(2).lower()
        if match.group(1):
            depth = max(0, depth - 1)
            continue
        if depth == 0:
            kind = OTHER
            if name == "p":
                found = _CLASS_RE.search(match.group(3))
                classes = found.group(1).split() if found else []
                kind = (
                    QUESTION
                    if "question" in classes
                    else ANSWER
                    if "answer" in classes
                    else PARAGRAPH
                )
            elif name in _BREAK_TAGS:
                kind = BREAK
            marks.append((match.end(2), kind))
        if name not in _VOID:
            depth += 1
    return tuple(marks)


# A block that is one plain paragraph for Python-Markdown: no character that starts inline
# markup, raw HTML or an escape; brackets only as plain text (no link, image, footnote,
# reference or definition can form); "&" only where it is not an entity; no line that
# could start or join a block structure (heading, list, quote, rule, setext underline,
# table, fence, box, definition, indented code) or end in a hard break.  Deliberately
# stricter than needed: a block it refuses just takes the normal path.
_MARKUP_CHARS = re.compile(r"[\\`*_<>{}|^]")
_BRACKET_LINK = re.compile(r"\]\s*[(\[:]")
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);")
_LINE_START = frozenset("-+=:#~![ ")
_ORDERED = re.compile(r"[0-9]+\.")
_PREFIX_RE = re.compile(r"\s*[QA]:")
# Characters str.isprintable() refuses that Python-Markdown treats like letters
# (no-break and thin spaces, zero-width joiners), as long as none starts or ends the text.
_QUIET_INVISIBLES = dict.fromkeys(map(ord, "\n\xa0\u2002\u2003\u2009\u200a\u202f"
                                              "\u200b\u200c\u200d\u2060"))


def plain_paragraph(text: str, interview: bool) -> bool:
    """Whether Python-Markdown would turn ``text`` into ``<p>text</p>`` with quotes educated.

    Most paragraphs of news copy are like that, and converting them by hand is
    ten times faster than a Markdown pass.  tests/core/test_render_plain.py
    checks the claim against Python-Markdown on real and generated text.
    Ordered cheapest first: substring tests before regular expressions.
    """
    if not text or text.endswith(" ") or " \n" in text or "\n\n" in text or "![" in text:
        return False
    if _MARKUP_CHARS.search(text) is not None:
        return False
    if "]" in text and _BRACKET_LINK.search(text) is not None:
        return False
    if "&" in text and _ENTITY.search(text) is not None:
        return False
    for line in text.split("\n"):
        if not line or line[0] in _LINE_START or (line[0].isdigit() and _ORDERED.match(line)):
            return False
    if not text.replace("\n", "").isprintable():  # controls, separators, tabs, NBSP
        if text != text.strip() or not text.translate(_QUIET_INVISIBLES).isprintable():
            return False
    return not (interview and _PREFIX_RE.match(text))


def plain_paragraph_html(text: str, smarten: Callable[[str], str]) -> str:
    """What Python-Markdown makes of a ``plain_paragraph``: quotes educated, "&" escaped."""
    return f"<p>{smarten(text).replace('&', '&amp;')}</p>"


_ONE_PARAGRAPH = ((2, PARAGRAPH),)  # the marks of "<p>…" with nothing else at the top


def make_fragment(html: str) -> Fragment:
    html = sanitize(html).strip("\n")
    return Fragment(html, top_level_marks(html))


class Converter:
    """Holds one Markdown instance per mode; rebuilt after an error left it dirty."""

    def __init__(self) -> None:
        self._instances: dict[bool, object] = {}

    def _markdown(self, interview: bool):
        md = self._instances.get(interview)
        if md is None:
            md = self._instances[interview] = make_markdown(interview=interview)
        return md

    def convert(self, text: str, interview: bool, quotes: str = ENGLISH_QUOTES) -> str:
        md = self._markdown(interview)
        md.treeprocessors["smarty"].quotes = quotes
        try:
            return md.reset().convert(text)
        except BaseException:
            self._instances.pop(interview, None)
            raise

    def render_block(self, text: str, interview: bool, quotes: str = ENGLISH_QUOTES) -> Fragment:
        """One block; ``quotes`` are the article language's quotation marks (language.py)."""
        if plain_paragraph(text, interview):
            # What the sanitizer would make of it: the only markup is <p>, "&" is escaped
            # already, and its serializer writes a no-break space as an entity.
            smarty = self._markdown(interview).treeprocessors["smarty"]
            smarty.quotes = quotes
            html = plain_paragraph_html(text, smarty.smarten)
            return Fragment(html.replace("\xa0", "&nbsp;"), _ONE_PARAGRAPH)
        return make_fragment(self.convert(text, interview, quotes))

    def render_document(
        self, blocks: list[str], interview: bool, nonce: str, quotes: str = ENGLISH_QUOTES
    ) -> tuple[list[Fragment], Fragment]:
        """Convert all blocks in one go (reference links, footnotes) and cut per block.

        A marker paragraph goes before each block and after the last; block boundaries
        are clean (source.py), so the markers do not change how the blocks parse.
        Returns one fragment per block and the trailer (the footnotes list).
        """
        markers = [f"bylinemark{nonce}x{index}" for index in range(len(blocks) + 1)]
        parts = []
        for marker, block in zip(markers, blocks, strict=False):
            parts.append(marker)
            parts.append(block)
        parts.append(markers[-1])
        html = sanitize(self.convert("\n\n".join(parts), interview, quotes))
        pieces = re.split(rf"<p>bylinemark{nonce}x\d+</p>", html)
        if len(pieces) != len(blocks) + 2:
            # A marker was swallowed (should not happen): keep the page, lose the mapping.
            whole = make_fragment(html.replace(f"bylinemark{nonce}x", ""))
            empty = Fragment("", ())
            return [whole] + [empty] * (len(blocks) - 1), empty
        fragments = [make_fragment(piece) for piece in pieces[1:-1]]
        return fragments, Fragment(pieces[-1].strip("\n"), ())
