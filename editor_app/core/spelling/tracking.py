"""Spell-check bookkeeping that needs no Qt: the issue list, the worker's copy of the text.

Split out of the controller so the per-keystroke arithmetic (shifting issues and spans
through an edit) can be read, and tested, without a widget in sight.
"""

from __future__ import annotations

import threading

from editor_app.core.spelling import SpellIssue


class _IssueIndex:
    """Issues sorted by position, as ``[start, end, kind, word]`` lists.

    An edit shifts every issue after it; doing that eagerly costs O(issues) per keystroke.
    Instead items at index >= ``k`` are stored ``d`` short of their real position, so typing
    at one spot only moves that boundary. Moving the boundary elsewhere costs the number of
    issues between the two spots.
    """

    def __init__(self) -> None:
        self.items: list[list] = []
        self.k = 0
        self.d = 0

    def __len__(self) -> int:
        return len(self.items)

    def reset(self, issues) -> None:
        self.items = [[i.start, i.end, i.kind, i.word] for i in issues]
        self.k = len(self.items)
        self.d = 0

    def start(self, i: int) -> int:
        return self.items[i][0] + (self.d if i >= self.k else 0)

    def end(self, i: int) -> int:
        return self.items[i][1] + (self.d if i >= self.k else 0)

    def issue(self, i: int) -> SpellIssue:
        s, e, kind, word = self.items[i]
        if i >= self.k:
            s, e = s + self.d, e + self.d
        return SpellIssue(kind, word, s, e)

    def first_ending_at_or_after(self, pos: int) -> int:
        lo, hi = 0, len(self.items)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.end(mid) < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def first_starting_at_or_after(self, pos: int) -> int:
        lo, hi = 0, len(self.items)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.start(mid) < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _move_boundary(self, new_k: int) -> None:
        items, d = self.items, self.d
        if d:
            if new_k > self.k:
                for i in range(self.k, new_k):
                    item = items[i]
                    item[0] += d
                    item[1] += d
            elif new_k < self.k:
                for i in range(new_k, self.k):
                    item = items[i]
                    item[0] -= d
                    item[1] -= d
        self.k = new_k
        if new_k >= len(items):
            self.d = 0

    def edit(self, pos: int, removed: int, added: int) -> int:
        """Text ``[pos, pos+removed)`` became ``added`` characters: drop the issues it
        touches (the word changed; the recheck decides) and shift those after it."""
        items = self.items
        lo = self.first_ending_at_or_after(pos)
        hi = lo
        limit = pos + removed
        while hi < len(items) and self.start(hi) <= limit:
            hi += 1
        if hi > lo:
            del items[lo:hi]
            if self.k > lo:
                self.k = max(lo, self.k - (hi - lo))
        delta = added - removed
        if delta and lo < len(items):
            self._move_boundary(lo)
            self.d += delta
        return hi - lo

    def replace_span(self, span_start: int, span_end: int, issues) -> bool:
        """Replace the issues starting inside ``[span_start, span_end]`` with ``issues``;
        True when that changed anything."""
        lo = self.first_starting_at_or_after(span_start)
        hi = self.first_starting_at_or_after(span_end + 1)
        self._move_boundary(lo)
        d = self.d
        new = [[i.start - d, i.end - d, i.kind, i.word] for i in issues]
        if self.items[lo:hi] == new:
            return False
        self.items[lo:hi] = new
        if self.k >= len(self.items):
            self.d = 0
        return True

    def in_range(self, start: int, end: int, limit: int) -> list[SpellIssue]:
        i = self.first_ending_at_or_after(start)
        found = []
        while i < len(self.items) and len(found) < limit and self.start(i) < end:
            found.append(self.issue(i))
            i += 1
        return found

    def all(self) -> list[SpellIssue]:
        return [self.issue(i) for i in range(len(self.items))]

    def keep_only(self, predicate) -> bool:
        """Drop the issues ``predicate(kind, word)`` rejects; True when any was dropped."""
        self._move_boundary(len(self.items))
        kept = [item for item in self.items if predicate(item[2], item[3])]
        changed = len(kept) != len(self.items)
        self.items, self.k, self.d = kept, len(kept), 0
        return changed


def _shift(offset: int, pos: int, removed: int, added: int) -> int:
    """Where ``offset`` ends up after an edit (inside the edited text: its end)."""
    if offset < pos:
        return offset
    if offset >= pos + removed:
        return offset + added - removed
    return pos + added


def _map_through(issue: SpellIssue, edits) -> SpellIssue | None:
    """``issue`` moved through later edits, or None when an edit touched it."""
    start, end = issue.start, issue.end
    for pos, removed, added in edits:
        if pos <= end and start <= pos + removed:
            return None
        if start >= pos + removed:
            start += added - removed
            end += added - removed
    if (start, end) == (issue.start, issue.end):
        return issue
    return SpellIssue(issue.kind, issue.word, start, end, issue.suggestions)


def _plain(text: str) -> str:
    """Qt's separators as ``toPlainText`` gives them (same length, so offsets agree)."""
    return text.replace("\u2029", "\n").replace("\u2028", "\n").replace("\u00a0", " ")


class _LostTrack(Exception):
    """The text copy no longer matches the document (an edit Qt reported oddly)."""


class _TextVersion:
    """One state of the text, spliced together on the worker from the previous state.

    Versions form a chain completed in order by the single spell worker; ``get`` waits
    for it. ``None`` as text means the splice did not add up and a full pass must resync.
    """

    def __init__(self, text: str | None = None):
        self.text = text
        self._ready = threading.Event()
        self._make = None
        if text is not None:
            self._ready.set()

    @classmethod
    def spliced(cls, base: _TextVersion, start: int, middle: str, suffix: int, length: int):
        version = cls()

        def make():
            old = base.get()
            text = None
            if old is not None and 0 <= start and 0 <= suffix <= len(old) - start:
                text = old[:start] + middle + old[len(old) - suffix:]
                if len(text) != length:
                    text = None
            return text

        version._make = make
        return version

    def complete(self) -> None:
        """Build the text in this thread if nobody has yet (idempotent)."""
        make, self._make = self._make, None
        if make is not None:
            try:
                self.text = make()
            finally:
                self._ready.set()

    def get(self, timeout: float | None = None) -> str | None:
        self.complete()
        self._ready.wait(timeout)
        return self.text


class _NamesBox:
    """The names a full pass proved; written once on the worker, read by later jobs."""

    names: frozenset[str] | None = None
