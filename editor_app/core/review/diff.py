"""Word-level differences between two revisions.

Two passes keep this fast on long articles: paragraphs (lines) are matched
first, which is cheap because a line is one hashable token and most
revisions change few of them; only the lines that changed are then compared
word by word. A word token keeps its trailing whitespace, so joining tokens
gives back the exact text and the diff never invents or loses a space.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
_WORD = re.compile(r"\s+|\w+\s*|[^\w\s]\s*")
# A sentence ends at . ! ? (with closing quotes) and its trailing space; the rest is one piece.
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+[\"'\u201d\u2019)]*\s*|\n+|$)")
#: Above this many word tokens in one changed block (both sides), comparing word
#: by word costs more than it tells: the block is shown as removed and added.
WORD_DIFF_LIMIT = 20_000


@dataclass(frozen=True)
class DiffOp:
    kind: str  # equal | insert | delete
    text: str

    def as_dict(self) -> dict:
        return {"op": self.kind, "text": self.text}


def tokenize_words(text: str) -> list[str]:
    """Words (with their trailing space) and punctuation marks; ''.join() gives ``text`` back."""
    return _WORD.findall(text)


def _append(ops: list[DiffOp], kind: str, text: str) -> None:
    if not text:
        return
    if ops and ops[-1].kind == kind:
        ops[-1] = DiffOp(kind, ops[-1].text + text)
    else:
        ops.append(DiffOp(kind, text))


def _split_lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if s]


#: Coarse to fine: paragraphs, then sentences, then words. Each level only looks
#: inside the blocks the previous level found changed, so a 10,000-word
#: paragraph with a few edits is never compared word against word as a whole.
_LEVELS = (_split_lines, _split_sentences, tokenize_words)


def _diff_level(old: str, new: str, level: int, ops: list[DiffOp]) -> None:
    split = _LEVELS[level]
    a, b = split(old), split(new)
    last = level == len(_LEVELS) - 1
    if last and len(a) + len(b) > WORD_DIFF_LIMIT:
        _append(ops, DELETE, old)
        _append(ops, INSERT, new)
        return
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(ops, EQUAL, "".join(a[i1:i2]))
        elif tag == "delete":
            _append(ops, DELETE, "".join(a[i1:i2]))
        elif tag == "insert":
            _append(ops, INSERT, "".join(b[j1:j2]))
        elif last:
            # Removed text first, then its replacement: reads like an edit.
            _append(ops, DELETE, "".join(a[i1:i2]))
            _append(ops, INSERT, "".join(b[j1:j2]))
        else:
            _diff_level("".join(a[i1:i2]), "".join(b[j1:j2]), level + 1, ops)


def word_diff(old: str, new: str) -> list[DiffOp]:
    """Operations that turn ``old`` into ``new``; equal runs merged, order preserved."""
    ops: list[DiffOp] = []
    if old == new:
        _append(ops, EQUAL, old)
        return ops
    _diff_level(old, new, 0, ops)
    return ops


def diff_stats(*op_lists: list[DiffOp]) -> dict[str, int]:
    """Words added and removed over every diff given (the headline's and the body's: a
    changed headline is a change, #17), for the summary line above the diff view."""
    stats = {"added": 0, "removed": 0}
    for ops in op_lists:
        for op in ops:
            if op.kind == INSERT:
                stats["added"] += len(op.text.split())
            elif op.kind == DELETE:
                stats["removed"] += len(op.text.split())
    return stats


def _collapse(text: str, context: int) -> str:
    if len(text) <= 2 * context + 20:
        return text
    head, tail = text[:context], text[-context:]
    return f"{head}\u2003[…]\u2003{tail}"


def diff_to_html(ops: list[DiffOp], *, context: int | None = 300) -> str:
    """The diff as HTML: added text green and underlined, removed text red and struck.

    ``context`` shortens long unchanged runs to their ends (None: show everything).
    Styles are inline because Qt's rich text supports only a subset of CSS.
    """
    parts = ['<div style="white-space: pre-wrap;">']
    for op in ops:
        text = op.text
        if op.kind == EQUAL:
            if context is not None:
                text = _collapse(text, context)
            parts.append(html.escape(text))
        elif op.kind == INSERT:
            parts.append('<span class="added" style="color:#116611; background:#e6ffe6; '
                         'text-decoration: underline;">' + html.escape(text) + "</span>")
        else:
            parts.append('<span class="removed" style="color:#aa1111; background:#ffe6e6; '
                         'text-decoration: line-through;">' + html.escape(text) + "</span>")
    parts.append("</div>")
    return "".join(parts)


def diff_to_text(ops: list[DiffOp]) -> str:
    """wdiff-style plain text: ``[-removed-]{+added+}``, for the command line."""
    out = []
    for op in ops:
        if op.kind == EQUAL:
            out.append(op.text)
        elif op.kind == INSERT:
            out.append("{+" + op.text + "+}")
        else:
            out.append("[-" + op.text + "-]")
    return "".join(out)
