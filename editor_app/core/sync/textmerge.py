"""Three-way merge of an article body: paragraph by paragraph, then line by line (#14).

The body is a list of paragraphs (blocks separated by a blank line) plus its
trailing newlines. ``merge3`` aligns the paragraphs of both sides against the
common ancestor; where both sides changed the same paragraphs, the passage is
merged again line by line (which also lets edits of two ADJACENT paragraphs
merge: the blank line between them is a line both kept). What still collides
is a conflicting ``Passage``: the ancestor's, my and their paragraphs, kept
whole, so that no text of either side is ever lost.

Splitting and joining are exact: ``join_paragraphs(*split_paragraphs(b)) == b``
for every string.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from merge3 import Merge3

SEPARATOR = "\n\n"


class _Matcher(difflib.SequenceMatcher):
    """difflib without its "popular element" heuristic: an empty paragraph or a
    recurring "A:" must still align (autojunk would make them unmatchable)."""

    def __init__(self, isjunk=None, a="", b="", autojunk=False):
        super().__init__(isjunk, a, b, autojunk=False)


def split_paragraphs(body: str) -> tuple[list[str], str]:
    """``(paragraphs, ending)``: the blocks between blank lines and the trailing newlines."""
    core = body.rstrip("\n")
    return (core.split(SEPARATOR) if core else []), body[len(core):]


def join_paragraphs(paragraphs: Sequence[str], ending: str = "") -> str:
    return SEPARATOR.join(paragraphs) + ending


def _as_paragraphs(text: str) -> list[str]:
    return text.split(SEPARATOR) if text else []


@dataclass(frozen=True)
class Passage:
    """A passage both sides changed differently: the ancestor's, my and their paragraphs.

    ``*_span`` are ``(start, end)`` character offsets of the passage in the
    ancestor's, my and their body (``start == end`` where a side has nothing
    there): where a merge view marks it.
    """

    base: tuple[str, ...]
    mine: tuple[str, ...]
    theirs: tuple[str, ...]
    base_span: tuple[int, int]
    mine_span: tuple[int, int]
    theirs_span: tuple[int, int]

    @property
    def base_text(self) -> str:
        return SEPARATOR.join(self.base)

    @property
    def mine_text(self) -> str:
        return SEPARATOR.join(self.mine)

    @property
    def theirs_text(self) -> str:
        return SEPARATOR.join(self.theirs)

    def both(self) -> list[str]:
        """My paragraphs, then theirs that I do not have: "take both" keeps every word."""
        return list(self.mine) + [p for p in self.theirs if p not in self.mine]


#: One piece of a merged body: paragraphs that merged cleanly, or a conflicting passage.
Piece = tuple[str, ...] | Passage


@dataclass(frozen=True)
class BodyMerge:
    pieces: tuple[Piece, ...]
    ending: str

    @property
    def passages(self) -> list[Passage]:
        return [p for p in self.pieces if isinstance(p, Passage)]

    @property
    def clean(self) -> bool:
        return not self.passages

    def text(self, choose: Callable[[int, Passage], Sequence[str]] | None = None) -> str:
        """The merged body, each conflicting passage replaced by ``choose(index, passage)``.

        Without ``choose`` every passage must be resolved already (a clean merge).
        """
        paragraphs: list[str] = []
        index = 0
        for piece in self.pieces:
            if isinstance(piece, Passage):
                if choose is None:
                    raise ValueError("the merge has conflicting passages; choose for each")
                paragraphs.extend(choose(index, piece))
                index += 1
            else:
                paragraphs.extend(piece)
        return join_paragraphs(paragraphs, self.ending)


def _offsets(paragraphs: Sequence[str]) -> list[int]:
    """Start offset of each paragraph in the joined text, plus the end of the text."""
    out, at = [], 0
    for p in paragraphs:
        out.append(at)
        at += len(p) + len(SEPARATOR)
    out.append(max(0, at - len(SEPARATOR)) if paragraphs else 0)
    return out


def _span(offsets: list[int], paragraphs: Sequence[str], start: int, end: int) -> tuple[int, int]:
    if start == end:
        at = offsets[start] if start < len(paragraphs) else offsets[-1]
        return at, at
    return offsets[start], offsets[end - 1] + len(paragraphs[end - 1])


def merge_scalar(base, mine, theirs):
    """``(merged, conflict)`` of one value: a side that did not change it takes the other's."""
    if mine == theirs:
        return mine, False
    if base == mine:
        return theirs, False
    if base == theirs:
        return mine, False
    return mine, True


class _Chunk:
    """Lines of one passage of a region on the three sides, and their merge so far."""

    def __init__(self, offsets: tuple[int, int, int]):
        self.sides: tuple[list[str], list[str], list[str]] = ([], [], [])
        self.merged: list[str] = []
        self.conflict = False
        self.offsets = offsets

    @property
    def empty(self) -> bool:
        return not any(self.sides) and not self.merged

    def add_common(self, line: str) -> None:
        for side in self.sides:
            side.append(line)
        self.merged.append(line)

    def piece(self) -> Piece | None:
        if self.empty:
            return None
        if not self.conflict:
            return tuple(_as_paragraphs("\n".join(self.merged)))
        texts = ["\n".join(side) for side in self.sides]
        spans = tuple((at, at + len(text)) for at, text in zip(self.offsets, texts, strict=True))
        return Passage(*(tuple(_as_paragraphs(t)) for t in texts), *spans)


def _merge_by_lines(base: Sequence[str], mine: Sequence[str], theirs: Sequence[str],
                    starts: tuple[int, int, int]) -> list[Piece]:
    """A passage both sides changed, merged again line by line.

    ``merge3`` aligns the lines; between its sync regions a gap changed on one
    side takes that side, changed alike on both takes either, changed
    differently is a conflict. The passage is cut at blank lines all three keep
    (paragraph boundaries), so a conflict stays as small as whole paragraphs
    allow and the rest merges. ``starts``: the passage's offsets in the three bodies.
    """
    lines = [SEPARATOR.join(side).split("\n") for side in (base, mine, theirs)]
    pos = list(starts)
    pieces: list[Piece] = []
    chunk = _Chunk(tuple(pos))

    def consume(side: int, part: Sequence[str]) -> None:
        pos[side] += sum(len(line) + 1 for line in part)

    cursor = [0, 0, 0]
    for zs, ze, as_, ae, bs, be in Merge3(*lines, sequence_matcher=_Matcher).find_sync_regions():
        gaps = (lines[0][cursor[0]:zs], lines[1][cursor[1]:as_], lines[2][cursor[2]:bs])
        if any(gaps):
            g_base, g_mine, g_theirs = gaps
            for side, gap in enumerate(gaps):
                chunk.sides[side].extend(gap)
                consume(side, gap)
            if g_mine == g_theirs or g_theirs == g_base:
                chunk.merged.extend(g_mine)
            elif g_mine == g_base:
                chunk.merged.extend(g_theirs)
            else:
                chunk.conflict = True
        for line in lines[0][zs:ze]:
            if line == "" and not chunk.empty:  # a paragraph boundary all three keep
                piece = chunk.piece()
                if piece is not None:
                    pieces.append(piece)
                for side in range(3):
                    consume(side, [line])
                chunk = _Chunk(tuple(pos))
            else:
                chunk.add_common(line)
                for side in range(3):
                    consume(side, [line])
        cursor = [ze, ae, be]
    piece = chunk.piece()
    if piece is not None:
        pieces.append(piece)
    return pieces


def _inserted(base: Sequence[str], side: Sequence[str]) -> tuple[list[str], list[str]] | None:
    """``(before, after)`` when ``side`` only added paragraphs around an unchanged ``base``."""
    n = len(base)
    if len(side) <= n:
        return None
    for cut in range(len(side) - n + 1):
        if list(side[cut:cut + n]) == list(base):
            return list(side[:cut]), list(side[cut + n:])
    return None


def _insertion_beside(base: Sequence[str], mine: Sequence[str],
                      theirs: Sequence[str]) -> list[str] | None:
    """A new paragraph next to a paragraph the other side changed is no conflict.

    ``merge3`` sees one region where one side only inserted paragraphs beside
    paragraphs it left alone and the other side changed those: both edits are
    kept (the insertion around the other side's text). When both sides
    inserted, or both changed, it stays a conflict.
    """
    if not base:
        return None
    mine_ins, theirs_ins = _inserted(base, mine), _inserted(base, theirs)
    if mine_ins and not theirs_ins:
        return mine_ins[0] + list(theirs) + mine_ins[1]
    if theirs_ins and not mine_ins:
        return theirs_ins[0] + list(mine) + theirs_ins[1]
    return None


def merge_bodies(base: str, mine: str, theirs: str) -> BodyMerge:
    """Merge two versions of a body against their common ancestor (pure; no text is dropped)."""
    base_p, base_end = split_paragraphs(base)
    mine_p, mine_end = split_paragraphs(mine)
    theirs_p, theirs_end = split_paragraphs(theirs)
    ending, _conflict = merge_scalar(base_end, mine_end, theirs_end)  # only newlines: mine wins
    base_at, mine_at, theirs_at = _offsets(base_p), _offsets(mine_p), _offsets(theirs_p)
    pieces: list[Piece] = []

    def add(paragraphs: Sequence[str]) -> None:
        if not paragraphs:
            return
        if pieces and not isinstance(pieces[-1], Passage):
            pieces[-1] = (*pieces[-1], *paragraphs)
        else:
            pieces.append(tuple(paragraphs))

    merger = Merge3(base_p, mine_p, theirs_p, sequence_matcher=_Matcher)
    for region in merger.merge_regions():
        what = region[0]
        if what == "unchanged":
            add(base_p[region[1]:region[2]])
        elif what in ("same", "a"):
            add(mine_p[region[1]:region[2]])
        elif what == "b":
            add(theirs_p[region[1]:region[2]])
        else:
            _, zs, ze, as_, ae, bs, be = region
            beside = _insertion_beside(base_p[zs:ze], mine_p[as_:ae], theirs_p[bs:be])
            if beside is not None:
                add(beside)
                continue
            starts = (_span(base_at, base_p, zs, ze)[0], _span(mine_at, mine_p, as_, ae)[0],
                      _span(theirs_at, theirs_p, bs, be)[0])
            for piece in _merge_by_lines(base_p[zs:ze], mine_p[as_:ae], theirs_p[bs:be], starts):
                if isinstance(piece, Passage):
                    pieces.append(piece)
                else:
                    add(piece)
    return BodyMerge(tuple(pieces), ending)
