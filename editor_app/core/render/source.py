"""Markdown source -> top-level blocks with their line numbers.

Incremental rendering caches HTML per top-level block, so the split must put a
boundary only where Python-Markdown's parse of what follows cannot depend on what
came before.  Python-Markdown cuts the text into chunks at blank lines and a few block
processors look at the previous top-level element:

* an indented chunk continues a list, a code block, a fact box or a footnote;
* a chunk starting with ``>`` joins a blockquote that ends the previous chunk;
* a chunk starting with a list marker joins a list that ends the previous chunk.

We merge chunks conservatively under those rules (merging too much only costs
speed, never correctness).  Fenced code is found exactly like the fenced_code
preprocessor does, line by line and ignoring block structure; a fence becomes a chunk
of its own because that preprocessor surrounds it with blank lines.

Reference-link and footnote definitions are global to the document; when the text has
any, the renderer falls back to one whole-document conversion (see renderer.py).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

TAB_LENGTH = 4

# The opening line of a fence as FencedBlockPreprocessor.FENCED_BLOCK_RE reads it.
_FENCE_OPEN_RE = re.compile(
    r"""(~{3,}|`{3,})[ ]*
        (?:\{[^\n]*\}
        |(?:\.?[\w#.+-]*[ ]*)?(?:hl_lines=(["']).*?\2[ ]*)?)""",
    re.VERBOSE,
)
_FENCE_CLOSE_RE = re.compile(r"(~{3,}|`{3,})[ ]*")
_LIST_RE = re.compile(r" {0,3}(?:[*+-]|\d+\.) +")
_QUOTE_RE = re.compile(r" {0,3}>")
# Superset of ReferenceProcessor.RE and the footnote definition pattern: any line that
# could define a reference makes the document "global".  [^\[\]]* stops at the next
# bracket, so the scan stays linear even on thousands of unclosed "[" lines.
_GLOBAL_DEF_RE = re.compile(r"^ {0,3}\[[^\[\]]*\]:", re.MULTILINE)
_BLANK_LINE_RE = re.compile(r"^[ \t\f\v]+$", re.MULTILINE)


@dataclass(frozen=True)
class Block:
    """One top-level block: its text (no trailing blank lines) and 0-based start line."""

    start_line: int
    text: str


def normalize_source(text: str) -> str:
    """Make the text safe and unambiguous for Python-Markdown, keeping line numbers.

    NUL becomes U+FFFD (as CommonMark does), STX/ETX go (Python-Markdown uses them for
    its own placeholders), line endings become ``\\n``, tabs are expanded and
    whitespace-only lines become empty -- the last two are what Python-Markdown does
    itself, done here once so the splitter sees the same text as the parser.
    """
    text = str(text)
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    text = text.replace("\x02", "").replace("\x03", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.expandtabs(TAB_LENGTH)
    return _BLANK_LINE_RE.sub("", text)


def has_global_definitions(text: str) -> bool:
    """True when the text may define reference links or footnotes (normalized text)."""
    return _GLOBAL_DEF_RE.search(text) is not None


def _chunks(lines: list[str]) -> list[tuple[int, int, bool]]:
    """Split into (start, end, is_fence) line ranges the way Python-Markdown chunks."""
    closers: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line[:3] in ("```", "~~~"):
            match = _FENCE_CLOSE_RE.fullmatch(line)
            if match:
                closers.setdefault(match.group(1), []).append(index)

    chunks: list[tuple[int, int, bool]] = []
    start: int | None = None
    index = 0
    count = len(lines)
    while index < count:
        line = lines[index]
        if line[:3] in ("```", "~~~"):
            match = _FENCE_OPEN_RE.fullmatch(line)
            if match:
                candidates = closers.get(match.group(1), ())
                at = bisect.bisect_right(candidates, index)
                if at < len(candidates):
                    close = candidates[at]
                    if start is not None:
                        chunks.append((start, index, False))
                        start = None
                    chunks.append((index, close + 1, True))
                    index = close + 1
                    continue
        if line:
            if start is None:
                start = index
        elif start is not None:
            chunks.append((start, index, False))
            start = None
        index += 1
    if start is not None:
        chunks.append((start, count, False))
    return chunks


def split_blocks(text: str) -> list[Block]:
    """Top-level blocks of *normalized* text (see normalize_source)."""
    lines = text.split("\n")
    groups: list[list] = []  # [start, end, has_list, has_quote]
    for start, end, is_fence in _chunks(lines):
        first = lines[start]
        if groups and not is_fence:
            group = groups[-1]
            if (
                first.startswith(" " * TAB_LENGTH)
                or (group[2] and _LIST_RE.match(first))
                or (group[3] and _QUOTE_RE.match(first))
            ):
                group[1] = end
                if not group[2] or not group[3]:
                    _mark(group, lines, start, end)
                continue
        group = [start, end, False, False]
        if not is_fence:
            _mark(group, lines, start, end)
        groups.append(group)
    return [Block(start, "\n".join(lines[start:end]).rstrip("\n")) for start, end, _, _ in groups]


def _mark(group: list, lines: list[str], start: int, end: int) -> None:
    """Note whether the group may end with a top-level list or blockquote."""
    for line in lines[start:end]:
        if not group[2] and _LIST_RE.match(line):
            group[2] = True
        if not group[3] and _QUOTE_RE.match(line):
            group[3] = True
        if group[2] and group[3]:
            return


def prepare_body(markdown_text: str, kind) -> tuple[str, bool, list[Block]]:
    """Normalized text, whether interview rules apply, and its top-level blocks.

    The first step of every body render (the Renderer's and the export processes').
    """
    text = normalize_source(markdown_text)
    interview = str(getattr(kind, "value", kind)) == "interview"
    return text, interview, split_blocks(text)
