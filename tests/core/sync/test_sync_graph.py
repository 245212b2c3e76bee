"""Revision graphs, registers and the replay of workflow moves (#14): pure, no library."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.library.records import Record
from editor_app.core.sync.graph import ancestors, generations, heads, is_ancestor, merge_base
from editor_app.core.sync.registers import (
    causal_order,
    replay_moves,
    settle_order,
    settle_related,
    settle_resolved,
)

#   r - a1 - a2 ---- m
#     \           /
#      b1 ------ b2
GRAPH = {"r": (), "a1": ("r",), "a2": ("a1",), "b1": ("r",), "b2": ("b1",), "m": ("a2", "b2")}


def test_ancestry_and_heads():
    assert ancestors(GRAPH, "m") == set(GRAPH)
    assert is_ancestor(GRAPH, "b1", "m") and not is_ancestor(GRAPH, "a2", "b2")
    assert heads(GRAPH) == ["m"]
    assert generations(GRAPH) == {"r": 0, "a1": 1, "b1": 1, "a2": 2, "b2": 2, "m": 3}


def test_merge_base_is_the_deepest_common_ancestor():
    assert merge_base(GRAPH, "a2", "b2") == "r"
    graph = {**GRAPH, "c": ("m",), "d": ("b2",)}
    assert merge_base(graph, "c", "d") == "b2"
    assert merge_base({"x": (), "y": ()}, "x", "y") is None


def test_criss_cross_merges_pick_the_same_base_from_either_side():
    graph = {"r": (), "a": ("r",), "b": ("r",), "m1": ("a", "b"), "m2": ("b", "a")}
    assert merge_base(graph, "m1", "m2") == merge_base(graph, "m2", "m1") == "a"


def rec(uid, after=(), author="", **data) -> Record:
    return Record(uid, "status", "art", "", tuple(after), data, author)


GENESIS = rec("00-genesis", genesis=True, to="draft", **{"from": ""})


def move(uid, frm, to, role, after, author="x"):
    return rec(uid, after, author, role=role, **{"from": frm, "to": to})


def test_a_move_made_offline_that_no_longer_applies_is_refused_with_why():
    submit = move("a-submit", "draft", "submitted", "reporter", ["00-genesis"], "Rasa")
    spike = move("b-spike", "draft", "spiked", "editor", ["00-genesis"], "Tomas")
    status, outcomes = replay_moves([GENESIS, submit, spike])
    assert status == "spiked"
    by_uid = {o.uid: o for o in outcomes}
    assert not by_uid["b-spike"].refused
    refused = by_uid["a-submit"]
    assert refused.refused
    assert "Rasa (reporter) moved it draft → submitted" in refused.reason
    assert "spiked" in refused.reason and "Tomas" in refused.reason


def test_moves_in_a_chain_apply_in_causal_order_whatever_order_they_arrive_in():
    chain = [GENESIS, move("z1", "draft", "submitted", "reporter", ["00-genesis"]),
             move("a2", "submitted", "in_review", "editor", ["z1"]),
             move("m3", "in_review", "approved", "editor", ["a2"])]
    for order in itertools.permutations(chain):
        status, outcomes = replay_moves(order)
        assert status == "approved"
        assert [o.uid for o in outcomes] == ["z1", "a2", "m3"]
        assert not any(o.refused for o in outcomes)


moves = st.lists(st.tuples(st.sampled_from(["draft", "submitted", "in_review", "spiked"]),
                           st.sampled_from(["submitted", "in_review", "approved", "spiked", "draft"]),
                           st.sampled_from(["reporter", "editor", "producer"]),
                           st.integers(0, 10)), max_size=8)


@settings(max_examples=200, deadline=None)
@given(moves, st.randoms())
def test_the_replay_gives_the_same_trail_in_every_arrival_order(spec, rnd):
    records = [GENESIS]
    for i, (frm, to, role, cause) in enumerate(spec):
        after = [records[cause % len(records)].uid]
        records.append(move(f"m{i:02d}", frm, to, role, after))
    expected = replay_moves(records)
    shuffled = list(records)
    rnd.shuffle(shuffled)
    assert replay_moves(shuffled) == expected
    assert [r.uid for r in causal_order(shuffled)] == [r.uid for r in causal_order(records)]


def test_a_move_the_workflow_table_forbids_is_refused_even_from_the_right_status():
    forged = move("f", "draft", "published", "reporter", ["00-genesis"], "Mallory")
    forced = rec("g", ["f"], "Ed", role="editor", override=True, **{"from": "draft", "to": "approved"})
    status, outcomes = replay_moves([GENESIS, forged, forced])
    assert status == "approved"
    assert outcomes[0].refused and "workflow table does not allow" in outcomes[0].reason
    assert not outcomes[1].refused  # an editor's recorded override stands


def reg(uid, after=(), **data) -> Record:
    return Record(uid, "comment.state", "art", "c", tuple(after), data)


def test_reopening_wins_over_a_concurrent_resolution():
    resolved = reg("a", resolved=True)
    assert settle_resolved([resolved])
    assert not settle_resolved([resolved, reg("b", resolved=False)])
    assert settle_resolved([reg("b", resolved=False), reg("c", ["b"], resolved=True)])


def test_related_news_a_ban_beats_a_pin_and_orders_join():
    assert settle_related([reg("a", state="pinned"), reg("b", state="banned")]) == "banned"
    assert settle_related([reg("a", state="pinned"), reg("b", ["a"], state="none")]) == "none"
    assert settle_order([reg("a", order=["x", "y"]), reg("b", order=["z", "x"])]) == ["x", "y", "z"]
