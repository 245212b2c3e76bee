"""SIGKILL ``byline receive`` at random points, 50 times: the library is before or after, never between (#14).

The hand-off holds 300 articles: 200 new to the receiver, 100 it has, of which
it edited 50 itself (half merge cleanly, half conflict), with comments and
moves of the workflow. A receive takes long enough that most kills land inside
its one transaction. After each kill the library must open, pass its integrity
check and hold exactly what it held before the receive or exactly what a
complete receive leaves.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from editor_app.core.library import Library
from editor_app.core.models import Role, Status
from editor_app.core.sync.engine import send
from tests.sync_support import new_interview, state

RUNS = 50
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _checkpointed_copy(source, target) -> None:
    with Library.open(source) as lib:
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(source, target)


def _build(tmp_path):
    sender_path, receiver_path = tmp_path / "sender.byline", tmp_path / "receiver.byline"
    with Library.open(sender_path) as sender:
        first = [new_interview(sender, title=f"Story {i}", slug=f"story-{i}").id for i in range(100)]
    _checkpointed_copy(sender_path, receiver_path)  # the receiver had the first 100 already
    with Library.open(sender_path) as sender:
        for i in range(200):
            art = new_interview(sender, title=f"New story {i}", slug=f"new-{i}")
            sender.add_comment(art.id, text=f"note {i}", author="Ed", quote="Three", start=56, end=61)
        for n, aid in enumerate(first):
            body = sender.get_article(aid).body
            sender.update_article(aid, body=body.replace("Three,", f"Three ({n}),"),
                                  revision_reason="edit")
            if n % 3 == 0:
                sender.set_status(aid, Status.SUBMITTED, role=Role.REPORTER, who="Rasa")
        ids = [a.id for a in sender.list_articles(limit=None)]
        send(sender, ids, tmp_path / "handoff.byline")
    with Library.open(receiver_path) as receiver:
        for n, aid in enumerate(first[:50]):
            body = receiver.get_article(aid).body
            if n % 2:  # the same sentence: a conflict
                body = body.replace("Three,", f"Three [{n}],")
            else:      # another paragraph: merges
                body = body.replace("five years", f"{n + 5} years")
            receiver.update_article(aid, body=body, revision_reason="edit")
            if n % 5 == 0:
                receiver.set_status(aid, Status.SPIKED, role=Role.EDITOR, who="Tomas")
        receiver.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return receiver_path, tmp_path / "handoff.byline"


def _receive_command(library, handoff) -> list[str]:
    return [sys.executable, "-m", "editor_app", "--library", str(library), "receive", str(handoff)]


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")}


def test_killing_receive_leaves_the_library_before_or_after(tmp_path):
    receiver, handoff = _build(tmp_path)
    with Library.open(receiver) as lib:
        before = state(lib)
    reference = tmp_path / "reference.byline"
    shutil.copyfile(receiver, reference)
    started = time.perf_counter()
    done = subprocess.run(_receive_command(reference, handoff), env=_env(), capture_output=True,
                          text=True, timeout=300)
    full = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    with Library.open(reference) as lib:
        after = state(lib)
        assert lib.conflict_count() == 25
    assert after != before
    rng = random.Random(14)
    outcomes = {"before": 0, "after": 0}
    for run in range(RUNS):
        target = tmp_path / f"run-{run}.byline"
        shutil.copyfile(receiver, target)
        child = subprocess.Popen(_receive_command(target, handoff), env=_env(),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.2, full * 1.4))  # some kills after the commit, even under load
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        with Library.open(target) as lib:
            assert lib.check() == [], f"run {run}: the library is damaged"
            got = state(lib)
        if got == before:
            outcomes["before"] += 1
        elif got == after:
            outcomes["after"] += 1
        else:
            changed = [k for k in after if got.get(k) not in (before.get(k), after.get(k))]
            pytest.fail(f"run {run}: the library is between before and after "
                        f"({len(changed)} articles neither; first {changed[:1]})")
        for leftover in tmp_path.glob(f"run-{run}.byline*"):
            leftover.unlink()
    # Kills must have landed on both sides of the commit, or the test proved nothing.
    assert outcomes["before"] >= 5 and outcomes["after"] >= 1, outcomes
