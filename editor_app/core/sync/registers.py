"""What records add up to, the same in every library whatever order they arrived in (#14).

Records are never ordered by a clock. A record names the records on its
subject that its author's library knew (``after``): those it supersedes. The
records nobody supersedes are the latest words; when several are concurrent a
fixed rule settles them (``settle_*``).

Moves in the workflow are replayed: in the order of their causes (a move after
the moves it knew of), concurrent moves by a fixed priority (a spike first, an
editor's move before a producer's before a reporter's, then by uid). A move is
applied only to the status it was made from, and only when the workflow table
allows it to its role (an editor's recorded override aside); otherwise it is
*refused*, kept in the trail with who made it and why it did not apply. The replay of the
same set of moves gives the same status and the same refusals everywhere.

With a newsroom server (#15) the server's verdict wins: it replays every move as it
arrives, in the order of its own sequence, against the member's real role (not the
role a laptop claims), and keeps its verdict with the move. A laptop replays the moves
the server holds first, in the server's order and with the server's verdicts (that
sequence is a linear extension of the causes: a laptop sends causes before what
follows them), then its own moves not sent yet, by causes as above. So every laptop
ends where the server did, and a move refused there is refused everywhere, with the
server's rule.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from editor_app.core.errors import TransitionError
from editor_app.core.models import Role, Status, check_transition

_ROLE_RANK = {"editor": 0, "producer": 1, "reporter": 2}


def latest(records: Sequence) -> list:
    """Records that no other record on the subject names in its ``after``: sorted by uid."""
    known = {uid for r in records for uid in r.after}
    return sorted((r for r in records if r.uid not in known), key=lambda r: r.uid)


def settle_resolved(records: Sequence) -> bool:
    """A comment thread is resolved only when every latest word says so (reopening wins)."""
    heads = latest(records)
    return bool(heads) and all(bool(r.data.get("resolved")) for r in heads)


_RELATED_RANK = {"banned": 2, "pinned": 1, "none": 0}


def settle_related(records: Sequence) -> str:
    """"pinned", "banned" or "none" for one other article: a ban beats a pin beats nothing."""
    heads = latest(records)
    states = [r.data.get("state", "none") for r in heads]
    return max(states, key=lambda s: _RELATED_RANK.get(s, 0)) if states else "none"


def settle_order(records: Sequence) -> list[str]:
    """The pinned order: the latest orders joined, each keeping its sequence."""
    out: list[str] = []
    for record in latest(records):
        out += [uid for uid in record.data.get("order", []) if uid not in out]
    return out


def settle_present(records: Sequence) -> bool:
    """A dictionary word stays when any latest word keeps it (adding wins)."""
    return any(bool(r.data.get("present")) for r in latest(records))


@dataclass(frozen=True)
class MoveOutcome:
    """Where a move stands in the replayed trail, and whether it applied."""

    uid: str
    position: int
    refused: bool
    reason: str = ""


def _priority(record) -> tuple:
    data = record.data
    genesis = bool(data.get("genesis"))
    spike = data.get("to") == Status.SPIKED.value and not data.get("outside")
    return (0 if genesis else 1, 0 if spike else 1, _ROLE_RANK.get(data.get("role", ""), 3),
            record.uid)


def causal_order(records: Iterable, server: dict | None = None) -> list:
    """Records after the records they knew of; concurrent ones by ``_priority``.

    ``server``: ``{uid: (sequence, …)}`` of records a newsroom server holds; they come
    first, in its order (genesis records, which start the replay, before anything).
    """
    records = list(records)
    if server:
        genesis = sorted((r for r in records if r.data.get("genesis")), key=lambda r: r.uid)
        ordered = sorted((r for r in records if r.uid in server and not r.data.get("genesis")),
                         key=lambda r: server[r.uid][0])
        placed = {r.uid for r in genesis} | {r.uid for r in ordered}
        return genesis + ordered + causal_order([r for r in records if r.uid not in placed])
    by_uid = {r.uid: r for r in records}
    waiting = {r.uid: sum(1 for a in set(r.after) if a in by_uid) for r in records}
    children: dict[str, list] = {}
    for r in records:
        for a in set(r.after):
            if a in by_uid:
                children.setdefault(a, []).append(r)
    ready = [(_priority(r), r.uid) for r in records if waiting[r.uid] == 0]
    heapq.heapify(ready)
    out = []
    while ready:
        _key, uid = heapq.heappop(ready)
        record = by_uid[uid]
        out.append(record)
        for child in children.get(uid, ()):
            waiting[child.uid] -= 1
            if waiting[child.uid] == 0:
                heapq.heappush(ready, (_priority(child), child.uid))
    if len(out) != len(records):  # a cycle cannot be made by Byline; keep every move anyway
        placed = {r.uid for r in out}
        out += sorted((r for r in records if r.uid not in placed), key=_priority)
    return out


def _table_problem(current: str, target: str, role: str) -> str | None:
    """Why the workflow table refuses ``current -> target`` to ``role`` (None: it allows it)."""
    try:
        check_transition(Status(current), Status(target), Role(role))
    except TransitionError as exc:
        return str(exc)
    except ValueError:
        return f"{role or 'no role'!r} is not a role of the workflow"
    return None


def _rule(current: str, target: str, role: str) -> str:
    """Why ``current -> target`` would not do for ``role`` (the workflow table's words)."""
    return _table_problem(current, target, role) or (
        f"a move applies only to the status it was made from ({current} → {target} is a new move)")


def replay_moves(records: Iterable, initial: str = Status.DRAFT.value,
                 verdicts: dict[str, tuple[int, bool, str]] | None = None
                 ) -> tuple[str, list[MoveOutcome]]:
    """``(status, outcomes)`` of an article from its "status" records.

    ``initial`` is used when no genesis record says what the article started as.
    Outcomes come in trail order; a genesis record has no outcome (it is not a move).
    ``verdicts``: ``{uid: (server sequence, refused, why)}`` of the moves a newsroom
    server holds: they are replayed first, in its order, and its verdict stands.
    """
    current = initial
    last = None
    outcomes: list[MoveOutcome] = []
    verdicts = verdicts or {}
    for record in causal_order(records, verdicts):
        data = record.data
        if data.get("genesis"):
            current = data.get("to") or current
            continue
        frm, to = data.get("from", ""), data.get("to", "")
        position = len(outcomes)
        if data.get("outside") or frm == to:
            outcomes.append(MoveOutcome(record.uid, position, False))
        elif record.uid in verdicts:
            _seq, refused, reason = verdicts[record.uid]
            outcomes.append(MoveOutcome(record.uid, position, refused, reason if refused else ""))
            if not refused:
                current, last = to, record
        elif frm == current:
            # The table is checked again: a file may carry a move Byline would not have
            # made. An editor's override, the trail from before hand-offs and a status an
            # import set (checked against the importing role then) stand.
            exempt = (data.get("override") and data.get("role") == Role.EDITOR.value) or \
                data.get("legacy") or data.get("imported")
            problem = None if exempt else _table_problem(frm, to, data.get("role", ""))
            if problem:
                who = record.author or "someone"
                outcomes.append(MoveOutcome(record.uid, position, True,
                                            f"{who} ({data.get('role') or 'no role'}) moved it "
                                            f"{frm} → {to}, which the workflow table does not "
                                            f"allow: {problem}"))
            else:
                outcomes.append(MoveOutcome(record.uid, position, False))
                current, last = to, record
        else:
            who = record.author or "someone"
            role = data.get("role") or "unknown role"
            if last is not None:
                by = (f" ({last.author or 'someone'} moved it {last.data.get('from')} → "
                      f"{last.data.get('to')})")
            else:
                by = ""
            reason = (f"{who} ({role}) moved it {frm} → {to}, but when that arrived the article "
                      f"was {current}{by}; {_rule(current, to, data.get('role', ''))}")
            outcomes.append(MoveOutcome(record.uid, position, True, reason))
    return current, outcomes
