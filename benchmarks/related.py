"""How fast are related-news and tag suggestions on a big library?

    python benchmarks/related.py [--articles 100000] [--samples 200] [--library PATH]

Budget (DESIGN.md, issue 5): related suggestions median < 50 ms and 95th
percentile < 150 ms; tag suggestions median < 50 ms. The library is the shared
synthetic one of benchmarks/make_library.py (built once, cached in
benchmarks/out/). Times are wall-clock per call on one connection, after one
warm-up call; the first (cold) call is reported on its own line because it
fills the document-frequency cache.
"""

from __future__ import annotations

import argparse
import pathlib
import random
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from make_library import cached_library  # noqa: E402

from editor_app.core.library import Library  # noqa: E402
from editor_app.core.related import suggest_related, suggest_tags  # noqa: E402

BUDGETS = {"related": (50, 150), "related --include-newer": (50, 150), "tags suggest": (50, None)}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(fn, ids) -> tuple[float, list[float]]:
    t0 = time.perf_counter()
    fn(ids[0])
    cold = (time.perf_counter() - t0) * 1000
    times = []
    for aid in ids[1:]:
        t0 = time.perf_counter()
        fn(aid)
        times.append((time.perf_counter() - t0) * 1000)
    return cold, times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="related-news and tag suggestion timings")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--library", help="use this library instead of the synthetic one")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    lib = Library.open(args.library, create=False) if args.library else cached_library(args.articles)
    total = lib.count_articles()
    rng = random.Random(args.seed)
    max_id = lib.db.execute("SELECT max(id) FROM articles").fetchone()[0]
    ids = [rng.randint(1, max_id) for _ in range(args.samples + 1)]

    cases = {
        "related": lambda a: suggest_related(lib, a, limit=10),
        "related --include-newer": lambda a: suggest_related(lib, a, limit=10, include_newer=True),
        "tags suggest": lambda a: suggest_tags(lib, a, limit=10),
    }
    print(f"library: {total} articles, {args.samples} samples per case")
    print(f"{'case':<26}{'cold ms':>9}{'median':>9}{'p95':>9}{'max':>9}  budget (median/p95)  ok")
    for name, fn in cases.items():
        cold, times = measure(fn, ids)
        med, p95 = statistics.median(times), percentile(times, 95)
        b_med, b_p95 = BUDGETS[name]
        ok = med < b_med and (b_p95 is None or p95 < b_p95)
        budget = f"< {b_med} / " + (f"< {b_p95}" if b_p95 else "-")
        print(f"{name:<26}{cold:>9.1f}{med:>9.1f}{p95:>9.1f}{max(times):>9.1f}  {budget:<19}  "
              f"{'yes' if ok else 'NO'}")
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
