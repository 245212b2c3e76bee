"""Comments anchored to passages, and how they follow the text through edits.

A comment stores the quoted passage and its offsets at the time it was made.
After edits the anchor is found again, in this order:

1. the quote still sits at its offsets: nothing moved;
2. the quote occurs elsewhere: the occurrence nearest the old offset (text was
   added or removed before the passage);
3. the passage was edited inside: its head and tail are still there, close to
   each other and to the old offset, so the anchor spans from head to tail and
   the quote becomes the new text of the passage; failing that, a fuzzy match
   near the old offset that keeps most of the quote (an edit near its ends);
4. otherwise the comment is *detached*: it keeps its quote and offsets and is
   shown apart, never dropped.

Offsets are Python ``str`` indices into the article body. Everything here is
pure: ``reanchor_comments`` is the one function that writes (through the library).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from editor_app.core.models import Comment

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


def locate(text: str, quote: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``quote`` (last seen at ``start:end``) is in ``text`` now; None if gone."""
    if not quote:
        return None
    if text[start:end] == quote:
        return start, end
    found = _nearest(text, quote, start)
    if found >= 0:
        return found, found + len(quote)
    return _edited_span(text, quote, start) or _fuzzy_span(text, quote, start)


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
    for comment in comments:
        if comment.parent_id is not None and comment.parent_id in by_thread:
            parent = by_thread[comment.parent_id]
            out.append(Anchor(comment, parent.start, parent.end, parent.detached))
            continue
        span = locate(text, comment.quote, comment.start, comment.end)
        if span is None:
            clamped = min(max(0, comment.start), len(text))
            anchor = Anchor(comment, clamped, min(max(clamped, comment.end), len(text)), True)
        else:
            anchor = Anchor(comment, span[0], span[1], False)
        by_thread[comment.id] = anchor
        out.append(anchor)
    return out


def reanchor_comments(library, article_id: int, text: str | None = None) -> list[Anchor]:
    """Re-anchor an article's comments to ``text`` (default: the stored body) and store moves.

    Call it after a save: offsets and quotes of moved threads are written in one
    transaction; detached threads are left as they were, so a quote that comes
    back (an undo, a restore) re-attaches.
    """
    if text is None:
        text = library.get_article(article_id).body
    anchors = anchor_list(text, library.comments(article_id))
    updates = [(a.comment.id, a.start, a.end, text[a.start:a.end]) for a in anchors
               if a.comment.parent_id is None and not a.detached
               and (a.moved or text[a.start:a.end] != a.comment.quote)]
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
