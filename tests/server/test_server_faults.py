"""Faults in the middle of a sync lose and duplicate nothing; the next sync finishes (#15).

- the server ends our connection (pg_terminate_backend) while we push or pull;
- the client is killed with SIGKILL at random moments (20 runs, a real ``byline sync``
  process);
- the server restarts while we sync.
Afterwards every revision and record of every laptop is on the server exactly once,
and a second laptop holds exactly what the first does.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest

from editor_app.core.errors import BylineError
from editor_app.core.server.connection import ServerUnreachable
from tests.server.support import content, edit, local_uids, server_uids, sync_as, write

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def busy_laptop(lib, articles: int = 60, tag: str = "") -> list:
    """Enough work that a sync takes a moment: articles with a few revisions and comments."""
    made = []
    for n in range(articles):
        a = write(lib, f"Story {tag}{n}", body=("Paragraph about the harbour. " * 40 + "\n\n") * 6)
        lib.add_comment(a.id, text=f"Comment {n}", author="Rasa", quote="Paragraph",
                        start=0, end=9)
        made.append(a)
    return made


def edit_all(lib, made, round_no: int) -> None:
    for a in made:
        article = lib.get_article(lib.article_id_by_uuid(a.uuid))
        lib.update_article(article.id, body=article.body + f"\nRound {round_no}.\n",
                           revision_reason=f"round {round_no}")


def check_nothing_lost(room, lib, other) -> None:
    """Every local revision and record is on the server (once: uids are keys), and the other
    laptop holds exactly the same."""
    local_rev, local_rec = local_uids(lib)
    server_rev, server_rec = server_uids(room)
    assert local_rev <= server_rev and local_rec <= server_rec
    assert room.scalar("SELECT count(*) FROM byline.revisions") == len(server_rev)
    assert room.scalar("SELECT count(DISTINCT uid) FROM byline.records") == \
        room.scalar("SELECT count(*) FROM byline.records")
    assert content(lib) == content(other)
    revs = [r.uid for s in lib.list_articles() for r in lib.revisions(s.id)]
    assert len(revs) == len(set(revs))  # no revision stored twice here either


def terminator(room, stop: threading.Event, delay: float) -> threading.Thread:
    """After ``delay`` seconds, end every Byline connection the server has (as the admin would)."""
    def run():
        time.sleep(delay)
        with room.admin() as conn:
            while not stop.is_set():
                ended = conn.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    " WHERE application_name = 'byline' AND datname = current_database()"
                    " AND state = 'active'").fetchone()[0]
                if ended:
                    return
                time.sleep(0.002)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_connection_ended_by_the_server_mid_sync_loses_and_duplicates_nothing(newsroom, laptop):
    rasa, tomas = laptop("rasa"), laptop("tomas")
    made = busy_laptop(rasa)
    rng = random.Random(15)
    interrupted = 0
    for round_no in range(8):
        edit_all(rasa, made[: 20 + round_no * 5], round_no)
        stop = threading.Event()
        thread = terminator(newsroom, stop, rng.uniform(0.0, 0.05))
        try:
            sync_as(rasa, newsroom, "rasa")
        except ServerUnreachable as exc:
            interrupted += 1
            assert "nothing was lost, the next sync finishes the work" in str(exc)
        finally:
            stop.set()
            thread.join()
    assert interrupted >= 3  # the terminations did hit syncs in progress
    sync_as(rasa, newsroom, "rasa")
    sync_as(tomas, newsroom, "tomas")
    check_nothing_lost(newsroom, rasa, tomas)
    # and the same while pulling: the other laptop's pull is cut, then finishes
    edit_all(rasa, made, 99)
    sync_as(rasa, newsroom, "rasa")
    stop = threading.Event()
    thread = terminator(newsroom, stop, 0.0)
    try:
        sync_as(tomas, newsroom, "tomas")
    except ServerUnreachable:
        pass
    finally:
        stop.set()
        thread.join()
    sync_as(tomas, newsroom, "tomas")
    check_nothing_lost(newsroom, rasa, tomas)


def test_client_killed_mid_sync_20_times_loses_and_duplicates_nothing(newsroom, laptop):
    rasa, tomas = laptop("rasa"), laptop("tomas")
    made = busy_laptop(rasa, 80)
    path = str(rasa.path)
    dsn = newsroom.dsn("rasa")
    env = {**os.environ, "PYTHONPATH": ROOT}
    rng = random.Random(1515)

    def start():
        return subprocess.Popen([sys.executable, "-m", "editor_app", "--library", path, "sync",
                                 "--server", dsn], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)

    # How long one whole run takes here (start-up included): kills land inside its sync.
    edit_all(rasa, made, -1)
    began = time.perf_counter()
    proc = start()
    _out, err = proc.communicate()
    assert proc.returncode == 0, err.decode()
    whole = time.perf_counter() - began
    killed = 0
    round_no = 0
    # Twenty kills wherever they land: a run that ends before its kill (the machine got
    # quicker than the first run) makes the next kills come sooner; the bound only stops
    # a loop that could never kill.
    while killed < 20 and round_no < 80:
        edit_all(rasa, made, round_no)
        round_no += 1
        began = time.perf_counter()
        proc = start()
        try:
            proc.wait(timeout=rng.uniform(0.55, 0.97) * whole)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        else:
            whole = min(whole, time.perf_counter() - began)
        _out, err = proc.communicate()
        assert proc.returncode in (0, -signal.SIGKILL), err.decode()
        assert rasa.check() == []  # the library file is sound after every kill
    assert killed == 20
    result = sync_as(rasa, newsroom, "rasa")
    assert result.rejected == []
    sync_as(tomas, newsroom, "tomas")
    check_nothing_lost(newsroom, rasa, tomas)
    last = rasa.get_article(rasa.article_id_by_uuid(made[-1].uuid)).body
    assert f"Round {round_no - 1}." in last


def test_server_restart_mid_sync(newsroom, laptop, pg_cluster):
    rasa, tomas = laptop("rasa"), laptop("tomas")
    made = busy_laptop(rasa, 120)
    errors: list[Exception] = []

    def run():
        try:
            sync_as(rasa, newsroom, "rasa")
        except BylineError as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.15)
    pg_cluster.restart()
    thread.join()
    for exc in errors:
        assert "\n" not in str(exc)
    sync_as(rasa, newsroom, "rasa")
    sync_as(tomas, newsroom, "tomas")
    check_nothing_lost(newsroom, rasa, tomas)
    assert len(content(tomas)) == len(made)


@pytest.mark.parametrize("kill_at", ["pull", "push"])
def test_a_sync_stopped_between_steps_resumes(newsroom, laptop, kill_at, monkeypatch):
    """Stopped (the GUI's cancel) between pull and push, or between two pushes: resumable."""
    import editor_app.core.server.sync as sync_module

    monkeypatch.setattr(sync_module, "PUSH_BYTES", 30_000)  # many push transactions
    rasa, tomas = laptop("rasa"), laptop("tomas")
    made = busy_laptop(rasa, 10)
    sync_as(rasa, newsroom, "rasa")
    sync_as(tomas, newsroom, "tomas")
    edit(tomas, made[0].uuid, old="harbour", new="port")
    sync_as(tomas, newsroom, "tomas")
    edit_all(rasa, made, 1)
    stop = threading.Event()
    calls = []

    def progress(stage, done, total):
        calls.append(stage)
        if stage == ("sending" if kill_at == "push" else "receiving") and done >= 1:
            stop.set()

    with pytest.raises(sync_module.SyncCancelled):
        sync_module.sync(rasa, newsroom.dsn("rasa"), progress=progress, stop=stop)
    sync_as(rasa, newsroom, "rasa")
    sync_as(tomas, newsroom, "tomas")
    check_nothing_lost(newsroom, rasa, tomas)
