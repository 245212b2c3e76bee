"""SIGKILL the real autosave path 50 times: nothing saved is lost, the file stays sound.

The child (autosave_child.py) writes through ``Library.update_article`` with the
writing desk's debounce policy; see crash_harness.py for what is checked after
each kill. benchmarks/crash_run.py runs the same harness 1,000 times.
"""

from __future__ import annotations

from tests.hardening.crash_harness import run_kills, summary

KILLS = 50


def test_fifty_kills_lose_nothing_saved(tmp_path):
    results = run_kills(tmp_path, KILLS, seed=20240502, min_delay=0.3, max_delay=2.5,
                        extra_args=("--revision-every", "1"))
    table = summary(results)
    bad = [r for r in results if r.problems or not r.integrity_ok or r.lost_saved
           or r.lost_revisions or r.child_error]
    assert not bad, f"{table}\nfirst failure: {bad[0]}"
    assert table["max age of newest text (s)"] <= 1.0, table
    # The kills must actually land while edits are being made and saved, else
    # the test proves nothing.
    assert sum(r.saves for r in results) >= KILLS // 2, table
    assert sum(1 for r in results if r.age > 0) >= KILLS // 3, "too few kills lost unsaved typing"
    assert sum(r.revisions for r in results) >= KILLS // 4, table
