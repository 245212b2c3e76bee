"""Kill a process that is autosaving, many times, and check what survived each kill.

Shared by tests/hardening/test_crash_kills.py (50 kills in CI) and
benchmarks/crash_run.py (1,000 kills, prints the table). After every SIGKILL:

- ``PRAGMA integrity_check`` is ok (and Byline's own check finds nothing);
- the body is the exact sequence w1 w2 ... wN (no torn or reordered write);
- every edit the child reported saved is there (N >= last "saved"), and every
  revision it reported is there with the text it had;
- the newest text is at most 1 s older than the last edit: the text in the
  library was current until edit N+1 was typed, so its age at the moment of the
  kill is t(last edit) - t(edit N+1), 0 when nothing was lost.
"""

from __future__ import annotations

import dataclasses
import os
import pathlib
import random
import re
import signal
import subprocess
import sys
import time

from editor_app.core.library import Library
from editor_app.core.models import Article

CHILD = pathlib.Path(__file__).with_name("autosave_child.py")
ROOT = pathlib.Path(__file__).resolve().parents[2]
_WORD = re.compile(r"w(\d+)")
# The article starts as a long interview (about 5,000 words) so that each save
# rewrites and re-indexes a realistic body, which widens the window a kill can hit.
_START_BODY = ("Lede paragraph of a long interview. " * 8 + "\n\nQ: A question?\n\nA: "
               + "An answer of some length about local news. " * 600 + "\n\nTyping starts here:")


@dataclasses.dataclass
class KillResult:
    kill: int
    integrity_ok: bool
    problems: list[str]
    lost_saved: int          # edits reported saved but missing (must be 0)
    lost_revisions: int      # revisions reported saved but missing or different (must be 0)
    age: float               # seconds: t(last edit) - t(first edit not in the library)
    recovery: float          # seconds to open the library and read the article after the kill
    edits: int
    saves: int
    revisions: int
    child_error: str = ""


def make_library(path: pathlib.Path) -> int:
    """A library with one long article to type into; returns its id."""
    with Library.open(path) as lib:
        art = lib.create_article(Article(title="Crash test interview", kind="interview",
                                         body=_START_BODY))
        return art.id


def _parse(lines: list[str]):
    edits: dict[int, float] = {}
    saved = 0
    saves = 0
    revisions: list[tuple[int, int]] = []
    error = ""
    for line in lines:
        parts = line.split()
        if len(parts) < 2:
            continue  # a line cut by the kill
        try:
            if parts[0] == "edit" and len(parts) == 3:
                edits[int(parts[1])] = float(parts[2])
            elif parts[0] == "saved" and len(parts) == 3:
                saved = max(saved, int(parts[1]))
                saves += 1
            elif parts[0] == "revision" and len(parts) == 3:
                revisions.append((int(parts[1]), int(parts[2])))
            elif parts[0] == "error":
                error = line[6:].strip()
        except ValueError:
            continue
    return edits, saved, saves, revisions, error


def _seqs(body: str) -> list[int]:
    tail = body[len(_START_BODY):]
    return [int(m) for m in _WORD.findall(tail)]


def kill_once(path: pathlib.Path, article_id: int, kill: int, rng: random.Random, *,
              min_delay: float = 0.3, max_delay: float = 1.5, extra_args: tuple[str, ...] = ()) -> KillResult:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(article_id), "--seed", str(rng.randrange(1 << 30)),
         *extra_args],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT, env=env)
    first = child.stdout.readline()
    if not first.startswith("ready"):
        child.kill()
        rest = child.stdout.read()
        child.wait()
        raise RuntimeError(f"autosave child did not start: {first!r} {rest[-2000:]}")
    time.sleep(rng.uniform(min_delay, max_delay))
    child.send_signal(signal.SIGKILL)
    # Read through the same buffered file as readline(): lines it already
    # buffered would be invisible to communicate().
    rest = child.stdout.read()
    child.stdout.close()
    child.wait()
    edits, saved, saves, revisions, error = _parse(rest.splitlines())

    started = time.perf_counter()
    problems: list[str] = []
    with Library.open(path, create=False) as lib:
        article = lib.get_article(article_id)
        recovery = time.perf_counter() - started
        integrity = [r[0] for r in lib.db.execute("PRAGMA integrity_check")]
        integrity_ok = integrity == ["ok"]
        if not integrity_ok:
            problems += integrity[:5]
        problems += lib.check()
        seqs = _seqs(article.body)
        if seqs != list(range(1, len(seqs) + 1)):
            problems.append("the body is not the exact sequence of typed words")
        newest = seqs[-1] if seqs else 0
        lost_saved = max(0, saved - newest)
        lost_revisions = 0
        for rev_id, rev_seq in revisions:
            try:
                rev = lib.get_revision(rev_id)
            except Exception:
                lost_revisions += 1
                continue
            rev_seqs = _seqs(rev.body)
            if not rev_seqs or rev_seqs[-1] != rev_seq:
                lost_revisions += 1
    age = 0.0
    if edits:
        last_t = edits[max(edits)]
        first_lost = newest + 1
        if first_lost in edits:
            age = last_t - edits[first_lost]
        elif first_lost <= max(edits):
            problems.append(f"edit {first_lost} is missing from the child's report")
    return KillResult(kill, integrity_ok, problems, lost_saved, lost_revisions, age, recovery,
                      len(edits), saves, len(revisions), error)


def run_kills(folder: pathlib.Path, kills: int, *, seed: int = 0, min_delay: float = 0.3,
              max_delay: float = 1.5, lanes: int = 3, extra_args: tuple[str, ...] = (),
              progress=None) -> list[KillResult]:
    """``kills`` kill-and-check rounds, spread over ``lanes`` libraries run side by side.

    The child mostly sleeps between keystrokes, so lanes overlap well even on
    two cores; each lane has its own library and random stream.
    """
    import threading

    folder.mkdir(parents=True, exist_ok=True)
    results: list[KillResult] = []
    lock = threading.Lock()
    counter = iter(range(1, kills + 1))
    failures: list[BaseException] = []

    def lane(n: int) -> None:
        path = folder / f"crash-{n}.byline"
        article_id = make_library(path)
        rng = random.Random(seed * 1000 + n)
        while not failures:
            with lock:
                kill = next(counter, None)
            if kill is None:
                return
            try:
                result = kill_once(path, article_id, kill, rng, min_delay=min_delay,
                                   max_delay=max_delay, extra_args=extra_args)
            except BaseException as exc:  # surfaced in the caller's thread
                failures.append(exc)
                return
            with lock:
                results.append(result)
                if progress:
                    progress(result)

    threads = [threading.Thread(target=lane, args=(n,), daemon=True) for n in range(lanes)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise failures[0]
    return sorted(results, key=lambda r: r.kill)


def summary(results: list[KillResult]) -> dict:
    return {
        "kills": len(results),
        "integrity failures": sum(1 for r in results if not r.integrity_ok or r.problems),
        "lost saved edits": sum(r.lost_saved for r in results),
        "lost revisions": sum(r.lost_revisions for r in results),
        "max age of newest text (s)": round(max((r.age for r in results), default=0.0), 3),
        "mean recovery time (ms)": round(1000 * sum(r.recovery for r in results) / max(1, len(results)), 1),
        "child errors": sum(1 for r in results if r.child_error),
    }
