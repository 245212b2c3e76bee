"""The long crash run: SIGKILL the autosave path 1,000 times and print the table.

    .venv/bin/python benchmarks/crash_run.py [--kills 1000] [--lanes 3] [--max-wait 0.8]

Same harness as tests/hardening/test_crash_kills.py (see crash_harness.py for
what is checked after every kill). The child types like a reporter and saves
with the writing desk's policy: 0.5 s after typing stops, or when the oldest
unsaved keystroke is --max-wait seconds old.
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hardening.crash_harness import run_kills, summary  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--lanes", type=int, default=3, help="libraries killed side by side")
    parser.add_argument("--min-delay", type=float, default=0.3)
    parser.add_argument("--max-delay", type=float, default=2.5)
    parser.add_argument("--max-wait", type=float, default=None,
                        help="autosave max wait in seconds (default: the child's, 0.9 like the desk)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    extra = ("--revision-every", "2")
    if args.max_wait is not None:
        extra += ("--max-wait", str(args.max_wait))

    started = time.perf_counter()
    done = [0]

    def progress(result):
        done[0] += 1
        if done[0] % 50 == 0:
            print(f"  {done[0]} kills, {time.perf_counter() - started:.0f} s", file=sys.stderr,
                  flush=True)

    with tempfile.TemporaryDirectory(prefix="byline-crash-") as tmp:
        results = run_kills(pathlib.Path(tmp), args.kills, seed=args.seed, lanes=args.lanes,
                            min_delay=args.min_delay, max_delay=args.max_delay,
                            extra_args=extra, progress=progress)
    table = summary(results)
    ages = sorted(r.age for r in results)
    table["median age of newest text (s)"] = round(statistics.median(ages), 3)
    table["p99 age of newest text (s)"] = round(ages[int(0.99 * (len(ages) - 1))], 3)
    table["saves committed"] = sum(r.saves for r in results)
    table["revisions reported"] = sum(r.revisions for r in results)
    table["kills that lost unsaved typing"] = sum(1 for r in results if r.age > 0)
    table["wall time (s)"] = round(time.perf_counter() - started, 1)
    width = max(len(k) for k in table)
    print(f"| {'crash run':<{width}} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for key, value in table.items():
        print(f"| {key:<{width}} | {value} |")
    failed = table["integrity failures"] or table["lost saved edits"] or table["lost revisions"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
