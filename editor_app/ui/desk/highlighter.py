"""Markdown highlighting for the editor, one text block (line) at a time.

QSyntaxHighlighter calls ``highlightBlock`` only for the line that changed (and the
following ones while their carried-over state changes), so a keystroke costs a few
regular expressions over one paragraph, whatever the length of the article.  All
patterns are compiled once at import; very long lines skip inline patterns so that a
pasted pathological line cannot stall typing.

Other layers (spelling, comments) add formats with ``add_overlay`` instead of a
second QSyntaxHighlighter, because a document has room for only one highlighter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextBlock, QTextCharFormat

# Block states carried from one line to the next.
NORMAL, FENCE_BACKTICK, FENCE_TILDE, QUESTION, ASIDE = 0, 1, 2, 3, 4
#: Lines longer than this get only their line-level format (a heading, a question).
INLINE_LIMIT = 20000
# Inline spans (bold, code, a link) longer than this are not coloured.  The bound keeps
# every pattern linear: an unclosed "**" scans at most this far, not to the end of a
# 20,000-character line (quadratic time on pathological input, with the GIL held).
_SPAN_MAX = 400

_HEADING_RE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_FENCE_RE = re.compile(r"^ {0,3}(```|~~~)")
_QUESTION_RE = re.compile(r"^[ \t]*(?:\*\*|__)?Q:(?:\*\*|__)?")
_ANSWER_RE = re.compile(r"^[ \t]*(?:\*\*|__)?A:(?:\*\*|__)?")
_ASIDE_RE = re.compile(r'^!!! ?(?:aside|factbox)\b', re.IGNORECASE)
_INDENTED_RE = re.compile(r"^(?: {4}|\t)")
_QUOTE_RE = re.compile(r"^ {0,3}>+")
_LIST_RE = re.compile(r"^[ \t]*(?:[*+-]|\d+[.)])[ \t]+")
_RULE_RE = re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$")
_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.{1,_MAX}?)(?<=\S)\1".replace("_MAX", str(_SPAN_MAX)))
_EMPHASIS_RE = re.compile(r"(?<![*_\w])([*_])(?=[^\s*_])(.{1,_MAX}?)(?<=[^\s*_])\1(?![*_\w])"
                          .replace("_MAX", str(_SPAN_MAX)))
_CODE_RE = re.compile(r"(`{1,8})(?!`)(.{1,_MAX}?)(?<!`)\1(?!`)".replace("_MAX", str(_SPAN_MAX)))
_LINK_RE = re.compile(r"(!?)\[([^\[\]\n]{0,_MAX})\]\(([^()\n]{0,_MAX})\)".replace("_MAX", str(_SPAN_MAX)))
_URL_RE = re.compile(r"<?\bhttps?://[^\s<>()]{1,2000}>?")

Span = tuple[int, int, QTextCharFormat]
Overlay = Callable[[str, QTextBlock], Iterable[Span]]

LIGHT = {
    "heading": "#1c3d6e", "question": "#7a1f1f", "answer": "#8a8a8a", "emphasis": None,
    "code": "#6b3fa0", "code_bg": "#f3eff8", "link": "#1a5fb4", "link_target": "#8a8a8a",
    "aside": "#3d6b2e", "aside_bg": "#f1f6ee", "quote": "#5e5e5e", "marker": "#a0a0a0",
}
DARK = {
    "heading": "#9cc3ff", "question": "#ffb3a8", "answer": "#8f8f8f", "emphasis": None,
    "code": "#d6b4ff", "code_bg": "#2c2635", "link": "#8ab8ff", "link_target": "#8f8f8f",
    "aside": "#b3e0a0", "aside_bg": "#243022", "quote": "#b0b0b0", "marker": "#7a7a7a",
}


def _format(color: str | None = None, *, bold: bool = False, italic: bool = False,
            background: str | None = None, underline: bool = False,
            monospace: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if color:
        fmt.setForeground(QColor(color))
    if background:
        fmt.setBackground(QColor(background))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if underline:
        fmt.setFontUnderline(True)
    if monospace:
        fmt.setFontFamilies(["monospace"])
        fmt.setFontFixedPitch(True)
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, emphasis, links, code, Q:/A: paragraphs and ``!!! aside`` fact boxes."""

    #: blocks highlighted per step when a long text is highlighted in the background
    BACKGROUND_CHUNK = 400

    def __init__(self, document, *, dark: bool = False):
        super().__init__(document)
        self._overlays: list[Overlay] = []
        #: blocks after this number are left plain until the background pass reaches them
        self.limit_block: int | None = None
        #: True while this highlighter re-formats blocks by itself (background pass, theme):
        #: Qt counts that as a document revision, but no text changed (ArticleTab)
        self.reformatting = False
        self._build_formats(dark)
        self._background = QTimer(self, interval=0)
        self._background.timeout.connect(self._background_step)

    def highlight_in_background(self, first_blocks: int) -> None:
        """Highlight the first blocks now and the rest in small steps from the event loop.

        Opening a 100,000-line text used to highlight every line before the window
        could answer (half a second and more); now only the first screenfuls are
        highlighted at once. Call before the text is set.
        """
        self.limit_block = first_blocks
        self._background.start()

    def _background_step(self) -> None:
        document = self.document()
        if document is None or self.limit_block is None:
            self._background.stop()
            return
        start = self.limit_block + 1
        self.limit_block += self.BACKGROUND_CHUNK
        if self.limit_block >= document.blockCount() - 1:
            self.limit_block = None
            self._background.stop()
        block = document.findBlockByNumber(start)
        end = start + self.BACKGROUND_CHUNK
        self.reformatting = True
        try:
            while block.isValid() and block.blockNumber() < end:
                self.rehighlightBlock(block)
                block = block.next()
        finally:
            self.reformatting = False

    # -- public --------------------------------------------------------------
    def set_dark(self, dark: bool) -> None:
        self._build_formats(dark)
        self.reformatting = True
        try:
            self.rehighlight()
        finally:
            self.reformatting = False

    def add_overlay(self, overlay: Overlay) -> None:
        """Add a layer: ``overlay(text, block)`` yields (start, length, format) to merge on top.

        Call ``rehighlightBlock(block)`` when the layer's data for a block changes
        (e.g. a spell pass finished); the overlay must answer from memory, fast.
        """
        self._overlays.append(overlay)

    def remove_overlay(self, overlay: Overlay) -> None:
        if overlay in self._overlays:
            self._overlays.remove(overlay)

    def is_question_block(self, block: QTextBlock) -> bool:
        """Whether ``block`` is part of a ``Q:`` paragraph (after highlighting)."""
        return block.userState() == QUESTION or bool(
            block.previous().userState() in (NORMAL, -1) and _QUESTION_RE.match(block.text()))

    # -- formats -------------------------------------------------------------
    def _build_formats(self, dark: bool) -> None:
        c = DARK if dark else LIGHT
        self.formats = {
            "heading": _format(c["heading"], bold=True),
            "question": _format(c["question"], bold=True),
            "prefix": _format(c["marker"], bold=True),
            "answer_prefix": _format(c["answer"], bold=True),
            "strong": _format(bold=True),
            "emphasis": _format(italic=True),
            "code": _format(c["code"], background=c["code_bg"], monospace=True),
            "fence": _format(c["code"], monospace=True),
            "link": _format(c["link"], underline=True),
            "link_target": _format(c["link_target"]),
            "aside": _format(c["aside"], bold=True),
            "aside_body": _format(background=c["aside_bg"]),
            "quote": _format(c["quote"], italic=True),
            "marker": _format(c["marker"]),
        }

    # -- highlighting --------------------------------------------------------
    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt name)
        previous = self.previousBlockState()
        if self.limit_block is not None and self.currentBlock().blockNumber() > self.limit_block:
            self.setCurrentBlockState(previous)  # plain for now; the background pass comes
            return
        state = NORMAL
        f = self.formats
        length = len(text)

        if previous in (FENCE_BACKTICK, FENCE_TILDE):
            self.setFormat(0, length, f["fence"])
            fence = "```" if previous == FENCE_BACKTICK else "~~~"
            if text.lstrip().startswith(fence) and not text.strip().strip(fence[0]):
                state = NORMAL
            else:
                state = previous
            self.setCurrentBlockState(state)
            self._apply_overlays(text)
            return

        fence = _FENCE_RE.match(text)
        if fence:
            self.setFormat(0, length, f["fence"])
            self.setCurrentBlockState(FENCE_BACKTICK if fence.group(1) == "```" else FENCE_TILDE)
            self._apply_overlays(text)
            return

        blank = not text.strip()
        if previous == ASIDE and (blank or _INDENTED_RE.match(text)):
            self.setFormat(0, length, f["aside_body"])
            state = ASIDE
        elif _ASIDE_RE.match(text):
            self.setFormat(0, length, f["aside"])
            state = ASIDE
        elif previous == QUESTION and not blank:
            self.setFormat(0, length, f["question"])
            state = QUESTION
        elif _HEADING_RE.match(text):
            self.setFormat(0, length, f["heading"])
        elif previous not in (QUESTION,) and (match := _QUESTION_RE.match(text)):
            self.setFormat(0, length, f["question"])
            self.setFormat(0, match.end(), f["prefix"])
            state = QUESTION
        elif match := _ANSWER_RE.match(text):
            self.setFormat(0, match.end(), f["answer_prefix"])
        elif _RULE_RE.match(text) or (_SETEXT_RE.match(text) and previous == NORMAL and text.strip()):
            self.setFormat(0, length, f["marker"])
        elif match := _QUOTE_RE.match(text):
            self.setFormat(0, length, f["quote"])
            self.setFormat(0, match.end(), f["marker"])
        elif match := _LIST_RE.match(text):
            self.setFormat(0, match.end(), f["marker"])

        if not blank and length <= INLINE_LIMIT:
            self._highlight_inline(text)
        self.setCurrentBlockState(state)
        self._apply_overlays(text)

    def _merge(self, start: int, length: int, extra: QTextCharFormat) -> None:
        """Lay ``extra`` over what is already there, run by run (setFormat would replace)."""
        end = start + length
        position = start
        while position < end:
            current = self.format(position)
            run_end = position + 1
            while run_end < end and self.format(run_end) == current:
                run_end += 1
            merged = QTextCharFormat(current)
            merged.merge(extra)
            self.setFormat(position, run_end - position, merged)
            position = run_end

    def _highlight_inline(self, text: str) -> None:
        f = self.formats
        if "`" in text:
            for m in _CODE_RE.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), f["code"])
        if "*" in text or "_" in text:
            for m in _STRONG_RE.finditer(text):
                self._merge(m.start(), m.end() - m.start(), f["strong"])
                self._merge(m.start(), 2, f["marker"])
                self._merge(m.end() - 2, 2, f["marker"])
            for m in _EMPHASIS_RE.finditer(text):
                self._merge(m.start(), m.end() - m.start(), f["emphasis"])
        if "](" in text:
            for m in _LINK_RE.finditer(text):
                label_start = m.start(2)
                self._merge(label_start, m.end(2) - label_start, f["link"])
                target = m.start(3) - 1
                self.setFormat(target, m.end() - target, f["link_target"])
        if "://" in text:
            for m in _URL_RE.finditer(text):
                self._merge(m.start(), m.end() - m.start(), f["link"])

    def _apply_overlays(self, text: str) -> None:
        if not self._overlays:
            return
        block = self.currentBlock()
        for overlay in self._overlays:
            for start, length, fmt in overlay(text, block):
                if length > 0 and 0 <= start < len(text):
                    self._merge(start, min(length, len(text) - start), fmt)
