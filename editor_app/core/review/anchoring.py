"""Comments anchored to passages, and how they follow the text through edits.

A comment stores the quoted passage, its offsets and its *context*: the words
just before and after it, whether it sits in a code block, and how often the
quote occurred in the text.  After edits the anchor is found again, in this order:

1. the quote still sits at its offsets, with its own context: nothing moved;
2. the quote occurs elsewhere: among the occurrences of the same kind (prose,
   or code: a comment on prose never moves into a code block), the one whose
   surrounding words match the stored context best, the nearest to the old
   offset on a tie.  When no occurrence has its context and there are fewer
   occurrences than before, the commented one was deleted: the others are other
   passages, and the comment does not move to them;
3. the passage was edited inside: its head and tail are still there, close to
   each other and to the old offset, so the anchor spans from head to tail and
   the quote becomes the new text of the passage; failing that, a fuzzy match
   near the old offset that keeps most of the quote (an edit near its ends);
4. otherwise the comment is *detached*: it keeps its quote and offsets and is
   shown apart, never dropped.

Comments made before contexts were stored (older libraries) have none: they
follow rule 2 by the nearest offset, still never from prose into code.

Offsets are Python ``str`` indices into the article body. Everything here is
pure: ``reanchor_comments`` is the one function that writes (through the library).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor_app.core.models import Comment
from editor_app.core.review.preflight import strip_code

if TYPE_CHECKING:
    from editor_app.core.library import Library

#: How many characters of the quote's head and tail must survive an inside edit.
EDGE = 12
#: An edited passage may shrink to half or grow to twice its length (plus slack).
MIN_RATIO, MAX_RATIO, SLACK = 0.5, 2.0, 40
#: How far (characters) from the old offset the edited passage may have moved.
SEARCH_RADIUS = 2000
#: Fuzzy fallback: share of the quote that must survive, in runs of at least
#: MIN_RUN characters; only for quotes up to FUZZY_MAX characters (cost grows
#: with the square of the length).
FUZZY_SHARE, MIN_RUN, FUZZY_MAX = 0.6, 3, 2000
#: Characters of context kept on each side of a passage, and how many of them
#: must still match for an occurrence to count as the commented one.
CONTEXT_CHARS, CONTEXT_MATCH = 40, 8


@dataclass(frozen=True)
class PassageContext:
    """What surrounds a commented passage: it tells equal passages apart after edits."""

    before: str
    after: str
    in_code: bool
    count: int  # occurrences of the quote in the whole text when it was stored

    def to_json(self) -> str:
        return json.dumps({"before": self.before, "after": self.after, "code": self.in_code,
                           "count": self.count}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> PassageContext | None:
        """The stored context, or None for a comment that has none (or a damaged one)."""
        if not text:
            return None
        try:
            data = json.loads(text)
            return cls(str(data["before"]), str(data["after"]), bool(data["code"]),
                       int(data["count"]))
        except (ValueError, KeyError, TypeError):
            return None


class _Code:
    """Which offsets of a text lie in code (blocks or spans); computed once, when asked."""

    def __init__(self, text: str):
        self.text = text
        self._stripped: str | None = None

    def covers(self, start: int, end: int) -> bool:
        if "`" not in self.text and "~~~" not in self.text:
            return False
        if self._stripped is None:
            self._stripped = strip_code(self.text)
        return self._stripped[start:end] != self.text[start:end]


def passage_context(text: str, start: int, end: int) -> str:
    """The stored form (JSON) of the context of ``text[start:end]``, for a new comment."""
    quote = text[start:end]
    return PassageContext(text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS],
                          _Code(text).covers(start, end),
                          text.count(quote) if quote else 0).to_json()


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _side_matches(stored: str, actual: str, common: int) -> bool:
    if not stored:
        return not actual  # it was at the very start (or end) of the text, and still is
    return common >= min(len(stored), CONTEXT_MATCH)


def _context_score(text: str, at: int, length: int, ctx: PassageContext) -> int | None:
    """How many context characters match around ``text[at:at+length]``; None: neither side."""
    before = text[max(0, at - CONTEXT_CHARS):at]
    after = text[at + length:at + length + CONTEXT_CHARS]
    b, a = _common_suffix(before, ctx.before), _common_prefix(after, ctx.after)
    if _side_matches(ctx.before, before, b) or _side_matches(ctx.after, after, a):
        return a + b
    return None


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


@dataclass(frozen=True)
class Anchor:
    """Where a comment is in the current text."""

    comment: Comment
    start: int
    end: int
    detached: bool

    @property
    def moved(self) -> bool:
        return (not self.detached and
                (self.start, self.end) != (self.comment.start, self.comment.end))


def _nearest(text: str, needle: str, near: int) -> int:
    """Index of the occurrence of ``needle`` closest to ``near``, or -1."""
    if not needle:
        return -1
    # Search outwards from the old offset: the nearest hit is usually close, so
    # this stays cheap on a 50,000-word body with many comments.
    after = text.find(needle, max(0, near))
    before = text.rfind(needle, 0, max(0, near) + len(needle) - 1)
    if after < 0:
        return before
    if before < 0:
        return after
    return before if near - before <= after - near else after


def _edited_span(text: str, quote: str, near: int) -> tuple[int, int] | None:
    """Head-to-tail span of a passage edited inside, or None."""
    if len(quote) < 2 * EDGE + 1:
        edge = max(1, len(quote) // 3)
    else:
        edge = EDGE
    if len(quote) < 6:
        return None  # too short to tell a changed passage from a coincidence
    head, tail = quote[:edge], quote[-edge:]
    lo = max(0, near - SEARCH_RADIUS)
    hi = min(len(text), near + len(quote) + SEARCH_RADIUS)
    min_len = int(len(quote) * MIN_RATIO)
    max_len = int(len(quote) * MAX_RATIO) + SLACK
    best: tuple[int, int] | None = None
    best_distance = None
    start = text.find(head, lo, hi)
    while start >= 0:
        tail_at = text.find(tail, start + edge, min(len(text), start + max_len))
        if tail_at >= 0:
            end = tail_at + len(tail)
            if end - start >= min_len:
                distance = abs(start - near)
                if best_distance is None or distance < best_distance:
                    best, best_distance = (start, end), distance
        start = text.find(head, start + 1, hi)
    return best


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy span to whole words: an edited word at an end stays inside."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def _fuzzy_span(text: str, quote: str, near: int) -> tuple[int, int] | None:
    """Span around ``near`` that keeps most of ``quote`` (an edit touched its ends), or None."""
    if len(quote) > FUZZY_MAX or len(quote) < 6:
        return None
    lo = max(0, near - len(quote) - SLACK)
    hi = min(len(text), near + 2 * len(quote) + SLACK)
    window = text[lo:hi]
    matcher = difflib.SequenceMatcher(None, quote, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= MIN_RUN]
    if sum(b.size for b in blocks) < FUZZY_SHARE * len(quote):
        return None
    start, end = _whole_words(text, lo + blocks[0].b, lo + blocks[-1].b + blocks[-1].size)
    if not (len(quote) * MIN_RATIO <= end - start <= len(quote) * MAX_RATIO + SLACK):
        return None
    return start, end


def locate(text: str, quote: str, start: int, end: int, context: str = "",
           *, code: _Code | None = None) -> tuple[int, int] | None:
    """Where ``quote`` (last seen at ``start:end`` with ``context``) is in ``text`` now;
    None when its passage is gone."""
    if not quote:
        return None
    code = code or _Code(text)
    ctx = PassageContext.from_json(context)
    length = len(quote)
    if text[start:end] == quote:
        if ctx is None:
            return start, end
        if (code.covers(start, end) == ctx.in_code
                and _context_score(text, start, length, ctx) is not None):
            return start, end
    every = _occurrences(text, quote)
    kinds = {at: code.covers(at, at + length) for at in every}
    if ctx is not None:
        candidates = [at for at in every if kinds[at] == ctx.in_code]
    else:  # an old comment: prose if the quote is in prose anywhere
        prose = [at for at in every if not kinds[at]]
        candidates = prose or every
    if candidates and ctx is not None:
        scored = [(score, -abs(at - start), at) for at in candidates
                  if (score := _context_score(text, at, length, ctx)) is not None]
        if scored:
            at = max(scored)[2]
            return at, at + length
        if len(every) >= ctx.count:  # nothing was deleted: it moved to new surroundings
            at = min(candidates, key=lambda a: (abs(a - start), a))
            return at, at + length
    elif candidates:
        at = min(candidates, key=lambda a: (abs(a - start), a))
        return at, at + length
    # The passage itself was edited (or deleted): the other occurrences are other passages.
    taken = set(every)
    for span in (_edited_span(text, quote, start), _fuzzy_span(text, quote, start)):
        if span is None:
            continue
        s, e = span
        if any(s <= at and at + length <= e for at in taken):
            continue
        if ctx is not None and code.covers(s, e) != ctx.in_code:
            continue
        if ctx is None and code.covers(s, e):
            continue
        return span
    return None


def anchor_comments(text: str, comments: list[Comment]) -> list[tuple[Comment, int, int, bool]]:
    """``(comment, start, end, detached)`` for every comment, in the order given.

    Replies share their thread's anchor. A detached comment keeps its stored
    offsets (clamped to the text) so the caller can still show "was here".
    """
    anchors = anchor_list(text, comments)
    return [(a.comment, a.start, a.end, a.detached) for a in anchors]


def anchor_list(text: str, comments: list[Comment]) -> list[Anchor]:
    """Like ``anchor_comments`` but returns ``Anchor`` objects."""
    by_thread: dict[int, Anchor] = {}
    out: list[Anchor] = []
    code = _Code(text)
    for comment in comments:
        if comment.parent_id is not None and comment.parent_id in by_thread:
            parent = by_thread[comment.parent_id]
            out.append(Anchor(comment, parent.start, parent.end, parent.detached))
            continue
        span = locate(text, comment.quote, comment.start, comment.end,
                      getattr(comment, "context", ""), code=code)
        if span is None:
            clamped = min(max(0, comment.start), len(text))
            anchor = Anchor(comment, clamped, min(max(clamped, comment.end), len(text)), True)
        else:
            anchor = Anchor(comment, span[0], span[1], False)
        by_thread[comment.id] = anchor
        out.append(anchor)
    return out


def reanchor_comments(library: Library, article_id: int, text: str | None = None) -> list[Anchor]:
    """Re-anchor an article's comments to ``text`` (default: the stored body) and store moves.

    Call it after a save: offsets, quotes and contexts of moved threads are written
    in one transaction; detached threads are left as they were, so a quote that
    comes back (an undo, a restore) re-attaches.
    """
    if text is None:
        text = library.get_article(article_id).body
    anchors = anchor_list(text, library.comments(article_id))
    updates = []
    for a in anchors:
        if a.comment.parent_id is not None or a.detached:
            continue
        context = passage_context(text, a.start, a.end)
        if (a.moved or text[a.start:a.end] != a.comment.quote
                or context != getattr(a.comment, "context", "")):
            updates.append((a.comment.id, a.start, a.end, text[a.start:a.end], context))
    library.update_comment_anchors(updates)
    if updates:
        anchors = anchor_list(text, library.comments(article_id))
    return anchors


def comment_threads(comments: list[Comment]) -> list[tuple[Comment, list[Comment]]]:
    """Top-level comments with their replies, oldest first (what the panel lists)."""
    replies: dict[int, list[Comment]] = {}
    roots: list[Comment] = []
    for c in comments:
        if c.parent_id is None:
            roots.append(c)
        else:
            replies.setdefault(c.parent_id, []).append(c)
    return [(root, replies.get(root.id, [])) for root in roots]
