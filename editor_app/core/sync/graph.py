"""The revision graph of one article: ancestry and the merge base, computed from parents alone.

A graph is ``{revision uid: parent uids}`` (``Library.revision_graph``). Nothing
here looks at times: the *generation* of a revision (one more than its deepest
parent) orders it after everything it descends from, on every laptop alike.
"""

from __future__ import annotations

from collections.abc import Mapping

Graph = Mapping[str, tuple[str, ...]]


def ancestors(graph: Graph, uid: str) -> set[str]:
    """``uid`` and every revision it descends from (parents missing from the graph are skipped)."""
    seen = {uid}
    stack = [uid]
    while stack:
        for parent in graph.get(stack.pop(), ()):
            if parent not in seen and parent in graph:
                seen.add(parent)
                stack.append(parent)
    return seen


def is_ancestor(graph: Graph, older: str, newer: str) -> bool:
    """True when ``newer`` descends from (or is) ``older``: taking ``newer`` loses nothing of ``older``."""
    return older == newer or older in ancestors(graph, newer)


def generations(graph: Graph) -> dict[str, int]:
    """Depth of every revision: 0 for a root, else one more than its deepest parent."""
    depth: dict[str, int] = {}
    for start in graph:
        if start in depth:
            continue
        stack = [start]
        while stack:
            uid = stack[-1]
            pending = [p for p in graph.get(uid, ()) if p in graph and p not in depth]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            if uid not in depth:
                depth[uid] = 1 + max((depth[p] for p in graph.get(uid, ()) if p in graph),
                                     default=-1)
    return depth


def merge_base(graph: Graph, mine: str, theirs: str) -> str | None:
    """The best common ancestor of two revisions, or None when they share no history.

    Among common ancestors the deepest is taken (it cannot be an ancestor of
    another common one); a tie (criss-cross merges) goes to the smaller uid, so
    every library picks the same base for the same two revisions.
    """
    common = ancestors(graph, mine) & ancestors(graph, theirs)
    if not common:
        return None
    depth = generations(graph)
    return min(common, key=lambda uid: (-depth.get(uid, 0), uid))


def heads(graph: Graph) -> list[str]:
    """Revisions that no other revision of the graph names as a parent."""
    named = {p for parents in graph.values() for p in parents}
    return sorted(uid for uid in graph if uid not in named)
