"""The three-way merge of article versions and the conflict model (#14): pure, no library."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.core.sync.conflicts import Choice, ConflictModel, VersionInfo
from editor_app.core.sync.merge import Snapshot, merge_snapshots, merge_tags
from editor_app.core.sync.textmerge import join_paragraphs, merge_bodies, split_paragraphs

BASE = "Lede paragraph.\n\nQ: First question?\n\nA: First answer.\n\nQ: Second question?\n\nA: Second answer.\n"


def snap(body=BASE, title="Headline", tags=(), extra=None, **fields) -> Snapshot:
    values = {"kind": "interview", "interviewee": "Dr. Roe", "author": "Sam", "date": "2024-05-02",
              "language": "en", "summary": "Standfirst.", "slug": "roe"}
    values.update(fields)
    return Snapshot(title, body, values, dict(extra or {}), tuple(tags))


def info(n: int) -> VersionInfo:
    return VersionInfo(n, f"uid-{n}", n, "someone", "", "", "edit")


def model_of(base: Snapshot, mine: Snapshot, theirs: Snapshot) -> ConflictModel:
    return ConflictModel.build(1, 1, info(1), info(2), info(0), merge_snapshots(base, mine, theirs),
                               mine, theirs, base)


# -- bodies -----------------------------------------------------------------------------
def test_edits_to_different_paragraphs_merge():
    mine = BASE.replace("Lede paragraph.", "Lede paragraph, sharpened.")
    theirs = BASE.replace("Second answer.", "Second answer, with a figure: 42.")
    merged = merge_bodies(BASE, mine, theirs)
    assert merged.clean
    assert merged.text() == ("Lede paragraph, sharpened.\n\nQ: First question?\n\nA: First answer."
                             "\n\nQ: Second question?\n\nA: Second answer, with a figure: 42.\n")


def test_edits_to_adjacent_paragraphs_merge_line_by_line():
    mine = BASE.replace("Q: First question?", "Q: The first question?")
    theirs = BASE.replace("A: First answer.", "A: The first answer.")
    merged = merge_bodies(BASE, mine, theirs)
    assert merged.clean
    assert "Q: The first question?\n\nA: The first answer." in merged.text()


def test_a_new_paragraph_beside_one_the_other_side_changed_merges():
    mine = BASE.replace("A: First answer.\n\n", "A: First answer.\n\nA: More of the answer.\n\n")
    theirs = BASE.replace("Q: Second question?", "Q: The second question?")
    merged = merge_bodies(BASE, mine, theirs)
    assert merged.clean
    assert "A: First answer.\n\nA: More of the answer.\n\nQ: The second question?" in merged.text()


def test_the_same_sentence_changed_on_both_sides_conflicts_and_keeps_both():
    mine = BASE.replace("A: First answer.", "A: First answer, as I heard it.")
    theirs = BASE.replace("A: First answer.", "A: First answer, as the tape says.")
    merged = merge_bodies(BASE, mine, theirs)
    assert not merged.clean
    [passage] = merged.passages
    assert passage.mine == ("A: First answer, as I heard it.",)
    assert passage.theirs == ("A: First answer, as the tape says.",)
    assert passage.base == ("A: First answer.",)
    assert mine[slice(*passage.mine_span)] == "A: First answer, as I heard it."
    assert theirs[slice(*passage.theirs_span)] == "A: First answer, as the tape says."
    assert BASE[slice(*passage.base_span)] == "A: First answer."


def test_a_paragraph_deleted_on_one_side_and_edited_on_the_other_conflicts():
    mine = BASE.replace("Q: Second question?\n\nA: Second answer.\n", "").rstrip("\n") + "\n"
    theirs = BASE.replace("A: Second answer.", "A: Second answer, corrected.")
    merged = merge_bodies(BASE, mine, theirs)
    assert not merged.clean
    assert any("A: Second answer, corrected." in p.theirs for p in merged.passages)


def test_a_paragraph_of_several_lines_merges_line_by_line():
    base = "Intro.\n\n!!! aside \"About\"\n    Line one.\n    Line two.\n    Line three.\n"
    mine = base.replace("Line one.", "Line one, mine.")
    theirs = base.replace("Line three.", "Line three, theirs.")
    merged = merge_bodies(base, mine, theirs)
    assert merged.clean
    assert merged.text() == base.replace("Line one.", "Line one, mine.").replace(
        "Line three.", "Line three, theirs.")


def test_both_sides_adding_at_the_end_conflict_not_interleave():
    mine = BASE + "\nMine at the end.\n"
    theirs = BASE + "\nTheirs at the end.\n"
    merged = merge_bodies(BASE, mine, theirs)
    assert not merged.clean


@pytest.mark.parametrize("body", ["", "\n", "one", "one\n", "\n\nlead", "a\n\n\nb\n\n", "x\r\ny\n"])
def test_splitting_paragraphs_is_exact(body):
    assert join_paragraphs(*split_paragraphs(body)) == body


# -- fields, extras and tags -------------------------------------------------------------
def test_fields_merge_one_by_one_and_the_same_field_changed_differently_conflicts():
    base = snap()
    mine = snap(title="Dr. Roe: “we can win”", summary="Mine.")
    theirs = snap(interviewee="Dr. Jane Roe", summary="Theirs.")
    outcome = merge_snapshots(base, mine, theirs)
    assert outcome.title == "Dr. Roe: “we can win”"
    assert outcome.fields["interviewee"] == "Dr. Jane Roe"
    assert [c.name for c in outcome.field_conflicts] == ["summary"]
    assert not outcome.clean


def test_front_matter_extras_merge_key_by_key():
    outcome = merge_snapshots(snap(extra={"a": 1, "b": 2}), snap(extra={"a": 1, "b": 3, "c": 4}),
                              snap(extra={"b": 2}))
    assert outcome.extra == {"b": 3, "c": 4}
    assert outcome.clean


def test_tags_added_on_both_sides_are_the_union_and_removals_stick():
    assert merge_tags(("media", "eu"), ("media", "eu", "health"), ("Media", "politics")) == \
        ("media", "health", "politics")


def test_tags_compare_like_the_vocabulary():
    assert merge_tags((), ("Local News",), ("local  news",)) == ("Local News",)


# -- the conflict model ---------------------------------------------------------------------
def test_the_model_takes_mine_for_one_passage_and_theirs_for_another():
    mine = BASE.replace("Lede paragraph.", "Lede, mine.").replace("Second answer.", "Second, mine.")
    theirs = BASE.replace("Lede paragraph.", "Lede, theirs.").replace("Second answer.",
                                                                       "Second, theirs.")
    model = model_of(snap(), snap(mine, title="Mine"), snap(theirs, title="Theirs"))
    assert [h.name for h in model.hunks] == ["title", "body", "body"]
    assert model.mine_body == mine and model.theirs_body == theirs
    with pytest.raises(ValueError, match="choose"):
        model.resolved_snapshot()
    assert "<<<<<<< mine" in model.merged_body()
    model.take(0, Choice.THEIRS)
    model.take(1, Choice.MINE)
    model.take(2, Choice.THEIRS)
    result = model.resolved_snapshot()
    assert result.title == "Theirs"
    assert result.body == BASE.replace("Lede paragraph.", "Lede, mine.").replace(
        "Second answer.", "Second, theirs.")


def test_the_model_keeps_both_or_an_edited_passage():
    mine = BASE.replace("A: First answer.", "A: First answer, mine.")
    theirs = BASE.replace("A: First answer.", "A: First answer, theirs.")
    model = model_of(snap(), snap(mine), snap(theirs))
    model.take(0, Choice.BOTH)
    assert "A: First answer, mine.\n\nA: First answer, theirs.\n\nQ: Second" in \
        model.resolved_snapshot().body
    model.edit(0, "A: First answer, agreed.")
    assert "A: First answer, agreed.\n\nQ: Second" in model.resolved_snapshot().body
    with pytest.raises(ValueError):
        model_of(snap(title="a"), snap(title="b"), snap(title="c")).take(0, Choice.BOTH)


def test_take_all_resolves_every_hunk_and_keeps_what_merged():
    mine = BASE.replace("Lede paragraph.", "Lede, mine.").replace("A: First answer.", "A: mine.")
    theirs = BASE.replace("Lede paragraph.", "Lede, theirs.").replace("Second answer.", "Two, theirs.")
    model = model_of(snap(), snap(mine, title="M"), snap(theirs, title="T"))
    model.take_all("theirs")
    result = model.resolved_snapshot()
    assert result.title == "T"
    assert "Lede, theirs." in result.body and "A: mine." in result.body and "Two, theirs." in result.body


# -- properties ---------------------------------------------------------------------------------
SENTENCES = [f"Sentence {w}." for w in "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()]
paragraph = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map("\n".join)
bodies = st.lists(paragraph, max_size=8).map(lambda ps: "\n\n".join(ps) + ("\n" if ps else ""))


@st.composite
def edited(draw, base: str) -> str:
    paragraphs, ending = split_paragraphs(base)
    paragraphs = list(paragraphs)
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "line"]))
        if op == "insert" or not paragraphs:
            at = draw(st.integers(0, len(paragraphs)))
            paragraphs.insert(at, draw(paragraph) + f" new{draw(st.integers(0, 999))}")
        elif op == "delete":
            paragraphs.pop(draw(st.integers(0, len(paragraphs) - 1)))
        elif op == "replace":
            at = draw(st.integers(0, len(paragraphs) - 1))
            paragraphs[at] = draw(paragraph) + f" changed{draw(st.integers(0, 999))}"
        else:
            at = draw(st.integers(0, len(paragraphs) - 1))
            lines = paragraphs[at].split("\n")
            k = draw(st.integers(0, len(lines) - 1))
            lines[k] = lines[k] + f" edited{draw(st.integers(0, 999))}"
            paragraphs[at] = "\n".join(lines)
    return join_paragraphs(paragraphs, ending)


@st.composite
def three_versions(draw):
    base = draw(bodies)
    return base, draw(edited(base)), draw(edited(base))


PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(three_versions())
def test_merging_with_an_unchanged_side_gives_the_other_side(versions):
    base, a, b = versions
    assert merge_bodies(base, a, base).text() == a
    assert merge_bodies(base, base, b).text() == b
    assert merge_bodies(base, a, a).text() == a


@PROPERTY
@given(three_versions())
def test_no_line_written_by_either_side_is_lost(versions):
    """Every line either side wrote (not in the ancestor) is in the merge or in a conflict.

    Lines, not whole paragraphs: a paragraph both sides edited merges line by
    line, so my version of it may rightly not survive whole. Base text that one
    side deleted is not "written by a side": its deletion is the edit.
    """
    base, a, b = versions
    merged = merge_bodies(base, a, b)
    base_lines = set(base.split("\n"))
    result = set(merged.text(lambda _i, p: ()).split("\n"))
    in_conflicts = {line for p in merged.passages
                    for line in (p.mine_text + "\n" + p.theirs_text).split("\n")}
    for side in (a, b):
        for line in side.split("\n"):
            if line not in base_lines:
                assert line in result or line in in_conflicts, line
    # taking both sides of every conflict keeps every such line in the text itself
    both = set(merged.text(lambda _i, p: p.both()).split("\n"))
    for side in (a, b):
        for line in side.split("\n"):
            if line not in base_lines:
                assert line in both, line


@PROPERTY
@given(three_versions())
def test_conflict_spans_point_at_the_passages(versions):
    base, a, b = versions
    for p in merge_bodies(base, a, b).passages:
        assert a[slice(*p.mine_span)] == p.mine_text
        assert b[slice(*p.theirs_span)] == p.theirs_text
        assert base[slice(*p.base_span)] == p.base_text


names = st.sampled_from(["media", "eu", "health", "politics", "sport", "Local News"])
tag_lists = st.lists(names, unique=True, max_size=5).map(tuple)


@settings(max_examples=200, deadline=None)
@given(tag_lists, tag_lists, tag_lists, st.sampled_from(["Title", "Other"]))
def test_snapshot_merge_identities(base_tags, a_tags, b_tags, title):
    base = snap(tags=base_tags)
    a = snap(tags=a_tags, title=title, extra={"x": title})
    for left, right, expected in ((a, base, a), (base, a, a), (a, a, a)):
        outcome = merge_snapshots(base, left, right)
        assert outcome.clean
        assert outcome.snapshot() == expected
    merged = merge_snapshots(base, a, snap(tags=b_tags)).tags
    for tag in set(a_tags) | set(b_tags):
        if tag not in base_tags:
            assert tag in merged
    for tag in base_tags:
        if tag not in a_tags or tag not in b_tags:
            assert tag not in merged
