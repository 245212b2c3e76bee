"""Spell-check bookkeeping through edits, without Qt: issues shift, spans widen, the text copy splices."""

from __future__ import annotations

import random
import threading

from editor_app.core.spelling import SpellIssue
from editor_app.core.spelling.tracking import (
    EditTracker,
    IssueIndex,
    TextVersion,
    map_through_edits,
    shift_offset,
    widen_span,
)


def test_issue_index_matches_a_naive_model():
    """The lazily shifted index gives the same positions as shifting every issue."""
    rng = random.Random(4)
    for _round in range(200):
        model = []
        pos = 0
        for _ in range(rng.randint(0, 30)):
            pos += rng.randint(1, 20)
            length = rng.randint(1, 8)
            model.append((pos, pos + length))
            pos += length
        index = IssueIndex()
        index.reset([SpellIssue("spelling", "w", s, e) for s, e in model])
        for _ in range(rng.randint(1, 15)):
            at = rng.randint(0, pos + 5)
            removed = rng.choice([0, 0, 1, 3])
            added = rng.choice([0, 1, 1, 2, 5])
            index.edit(at, removed, added)
            kept = []
            for s, e in model:
                if e < at:
                    kept.append((s, e))
                elif s > at + removed:
                    kept.append((s + added - removed, e + added - removed))
            model = kept
            assert [(i.start, i.end) for i in index.all()] == model
            if rng.random() < 0.3 and model:
                # a recheck replaces whole paragraphs: no issue straddles the span's ends
                i = rng.randint(0, len(model))
                j = rng.randint(i, len(model))
                s0 = model[i - 1][1] if i else 0
                e0 = model[j][0] - 1 if j < len(model) else s0 + 50
                new = [(s0 + 1, s0 + 2)] if e0 > s0 + 2 else []
                index.replace_span(s0, e0, [SpellIssue("spelling", "w", a, b) for a, b in new])
                model = sorted([(a, b) for a, b in model if not s0 <= a <= e0] + new)
                assert [(i.start, i.end) for i in index.all()] == model


def apply(text: str, pos: int, removed: int, inserted: str) -> str:
    return text[:pos] + inserted + text[pos + removed:]


def test_offsets_and_spans_follow_an_edit():
    # "hello world" -> "hello big world": 4 characters inserted at 6
    assert shift_offset(3, 6, 0, 4) == 3
    assert shift_offset(6, 6, 0, 4) == 10
    assert shift_offset(8, 6, 2, 0) == 6  # inside a deletion: its end
    assert widen_span(None, 6, 0, 4) == (6, 10)
    assert widen_span((0, 3), 6, 0, 4) == (0, 10)
    assert widen_span((8, 11), 2, 1, 0) == (2, 10)


def test_an_issue_is_mapped_through_later_edits_or_dropped_when_touched():
    issue = SpellIssue("spelling", "wrod", 10, 14)
    assert map_through_edits(issue, [(0, 0, 3)]) == SpellIssue("spelling", "wrod", 13, 17)
    assert map_through_edits(issue, [(20, 5, 0)]) is issue
    assert map_through_edits(issue, [(0, 0, 3), (15, 1, 1)]) is None  # the word was edited


def test_the_text_copy_is_spliced_from_the_typed_span_only():
    rng = random.Random(11)
    text = "".join(rng.choice(["word ", "\n", "é ", "“q” "]) for _ in range(300))
    tracker = EditTracker()
    tracker.restart(text)
    reads = []

    def read_span(start, end):
        reads.append(end - start)
        return text[start:end]

    for _ in range(200):
        pos = rng.randint(0, len(text))
        removed = min(rng.choice([0, 0, 1, 4]), len(text) - pos)
        inserted = rng.choice(["", "a", "teh ", "\n"])
        text = apply(text, pos, removed, inserted)
        tracker.edit(pos, removed, len(inserted), len(text))
        if rng.random() < 0.2:
            assert tracker.current_version(len(text), read_span).get(timeout=1) == text
    assert tracker.current_version(len(text), read_span).get(timeout=1) == text
    # a typist at one spot: only what was typed since the last version is read
    reads.clear()
    for n in range(50):
        text = apply(text, 100 + n, 0, "x")
        tracker.edit(100 + n, 0, 1, len(text))
        assert tracker.current_version(len(text), read_span).get(timeout=1) == text
    assert reads == [1] * 50


def test_a_splice_that_does_not_add_up_asks_for_a_resync():
    base = TextVersion("abc")
    assert TextVersion.spliced(base, 1, "X", 1, 3).get(timeout=1) == "aXc"
    assert TextVersion.spliced(base, 1, "X", 1, 4).get(timeout=1) is None  # wrong length
    assert TextVersion.spliced(base, 2, "X", 5, 3).get(timeout=1) is None  # past the end


def test_a_version_is_completed_by_whoever_needs_it_first():
    base = TextVersion("one two")
    version = TextVersion.spliced(base, 4, "three", 0, 9)
    got = []
    worker = threading.Thread(target=lambda: got.append(version.get(timeout=5)))
    worker.start()
    worker.join(5)
    assert got == ["one three"] and version.get() == "one three"


def test_dirty_span_and_edit_log_of_a_full_pass():
    tracker = EditTracker()
    tracker.restart("The mispelled word.")
    generation = tracker.generation
    tracker.new_generation()
    tracker.edit(0, 0, 4, 23)  # "Yes " typed at the start
    tracker.edit(20, 0, 2, 25)
    assert tracker.generation == generation + 1
    assert tracker.take_dirty() == (0, 22)
    assert tracker.take_dirty() is None
    tracker.mark_dirty(5, 9)
    tracker.mark_dirty(2, 6)
    assert tracker.dirty == (2, 9)
    assert tracker.take_edit_log() == [(0, 0, 4), (20, 0, 2)]
    assert tracker.take_edit_log() == []  # logging stopped
    # Qt may report an edit running past the end of the text: clamped
    assert tracker.edit(24, 10, 10, 26) == (1, 2)
