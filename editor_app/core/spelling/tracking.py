"""Keeping spell-check in step with an editor's edits without rescanning the text (no Qt).

An editor reports each edit as (position, characters removed, characters added). From
those numbers alone this module keeps, at a few integer operations per keystroke:

* ``IssueIndex``: the issues found so far, shifted lazily through the edits;
* ``EditTracker``: the span a recheck must cover, the edits made while a full pass runs
  (its answer is mapped through them), and the worker's copy of the text;
* ``TextVersion``: that copy, spliced together *on the worker* from the previous copy and
  the typed span, so the GUI thread never copies a long text per pause.

The GUI's spell controller drives it; everything here can be read and tested without
a widget, and the worker calls ``TextVersion.get``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from editor_app.core.spelling.checker import SpellIssue

Span = tuple[int, int]
Edit = tuple[int, int, int]  # position, characters removed, characters added


def shift_offset(offset: int, pos: int, removed: int, added: int) -> int:
    """Where ``offset`` ends up after an edit (inside the edited text: its end)."""
    if offset < pos:
        return offset
    if offset >= pos + removed:
        return offset + added - removed
    return pos + added


def widen_span(span: Span | None, pos: int, removed: int, added: int) -> Span:
    """``span`` moved through an edit and grown to cover the edited text (or just that text)."""
    if span is None:
        return (pos, pos + added)
    start, end = span
    return (min(shift_offset(start, pos, removed, added), pos),
            max(shift_offset(end, pos, removed, added), pos + added))


def map_through_edits(issue: SpellIssue, edits: list[Edit]) -> SpellIssue | None:
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


class IssueIndex:
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
        touches (the word changed; the recheck decides) and shift those after it.
        Returns how many were dropped."""
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

    def at(self, position: int) -> SpellIssue | None:
        """The issue under a text position (a word's end counts, as the caret sits there)."""
        index = self.first_ending_at_or_after(position)
        if index < len(self.items) and self.start(index) <= position:
            return self.issue(index)
        return None

    def next_after(self, position: int) -> SpellIssue | None:
        """The first issue starting at or after ``position``, wrapping to the first one."""
        if not self.items:
            return None
        index = self.first_starting_at_or_after(position)
        return self.issue(index if index < len(self.items) else 0)

    def all(self) -> list[SpellIssue]:
        return [self.issue(i) for i in range(len(self.items))]

    def keep_only(self, predicate) -> bool:
        """Drop the issues ``predicate(kind, word)`` rejects; True when any was dropped."""
        self._move_boundary(len(self.items))
        kept = [item for item in self.items if predicate(item[2], item[3])]
        changed = len(kept) != len(self.items)
        self.items, self.k, self.d = kept, len(kept), 0
        return changed


class LostTrack(Exception):
    """The text copy no longer matches the document (an edit reported oddly): resync."""


class TextVersion:
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
    def spliced(cls, base: TextVersion, start: int, middle: str, suffix: int, length: int):
        """``base`` with everything between its first ``start`` and its last ``suffix``
        characters replaced by ``middle``; ``length`` is what the result must measure."""
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


class NamesBox:
    """The names a full pass proved; written once on the worker, read by later rechecks."""

    names: frozenset[str] | None = None


class EditTracker:
    """What changed since the worker last saw the text, kept from the edits alone.

    ``generation`` grows with every edit and every restart, so an answer computed on
    older text is recognised; ``dirty`` is the span the next recheck covers; while a full
    pass runs, the edits made meanwhile are logged to map its answer through them.
    """

    def __init__(self) -> None:
        self.generation = 0
        self.dirty: Span | None = None
        self.version = TextVersion("")
        self.length = 0
        self._stale: Span | None = None  # the span where the document differs from ``version``
        self._edit_log: list[Edit] | None = None

    def new_generation(self) -> None:
        """Whatever is on the worker now answers for older text."""
        self.generation += 1

    def restart(self, text: str) -> None:
        """A full pass starts over ``text``: nothing is dirty, edits are logged from now."""
        self.version = TextVersion(text)
        self.length = len(text)
        self._stale = None
        self.dirty = None
        self._edit_log = []

    def stop(self) -> None:
        """Spell-check went off: forget pending work."""
        self.dirty = None
        self._edit_log = None

    def edit(self, pos: int, removed: int, added: int, length: int) -> tuple[int, int]:
        """Record an edit; ``length`` is the text's length after it.

        Returns (removed, added) clamped to the text: Qt may report a span running past
        the end (the first edit, a whole-text replacement).
        """
        removed = max(0, min(removed, self.length - pos))
        added = max(0, min(added, length - pos))
        self.length = length
        self._stale = widen_span(self._stale, pos, removed, added)
        if self._edit_log is not None:
            self._edit_log.append((pos, removed, added))
        self.dirty = widen_span(self.dirty, pos, removed, added)
        return removed, added

    def mark_dirty(self, start: int, end: int) -> None:
        """Check ``[start, end)`` again (an answer for it came back stale)."""
        if self.dirty is None:
            self.dirty = (start, end)
        else:
            self.dirty = (min(self.dirty[0], start), max(self.dirty[1], end))

    def take_dirty(self) -> Span | None:
        dirty, self.dirty = self.dirty, None
        return dirty

    def take_edit_log(self) -> list[Edit]:
        """The edits made since the full pass started; logging stops."""
        edits, self._edit_log = self._edit_log or [], None
        return edits

    def current_version(self, length: int, read_span: Callable[[int, int], str]) -> TextVersion:
        """The text as it is now (``length`` characters), as a version the worker completes.

        ``read_span(start, end)`` reads the document between two offsets; only the span
        typed since the last version is read. A span that does not add up makes a version
        whose text is None: the worker raises LostTrack and the text is taken whole again.
        """
        stale = self._stale
        if stale is None:
            return self.version
        self._stale = None
        start, end = stale
        middle = read_span(max(0, min(start, length)), max(0, min(end, length)))
        self.version = TextVersion.spliced(self.version, start, middle, length - end, length)
        return self.version

    def resync(self, text: str) -> None:
        """The copy lost track of an edit: take the whole text again."""
        self.version = TextVersion(text)
        self.length = len(text)
        self._stale = None
