"""Foundation benchmark: a 100,000-article library, full-text search and the first page.

    python benchmarks/library.py [--articles 100000] [--reuse]

Prints one table: bulk insert time and file size, per-article cost through the
public import path (create_article: one transaction and a revision each),
median and 95th percentile of 20 FTS queries with snippets, and the time for
the library table model to show its first page. Budget (DESIGN.md): search
median under 20 ms on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_library import build_library, cached_library  # noqa: E402

from editor_app.core.models import Article  # noqa: E402

QUERIES = 20


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def pick_queries(lib, n: int) -> list[str]:
    """Real words of the library at different frequencies, one and two words per query."""
    rows = lib.db.execute("SELECT title FROM articles ORDER BY id LIMIT ?", [n * 7]).fetchall()
    words = [w for (title,) in rows for w in title.lower().split() if len(w) > 3]
    queries = []
    for i in range(n):
        w = words[(i * 13) % len(words)]
        queries.append(w if i % 2 == 0 else f"{w} {words[(i * 29 + 5) % len(words)]}")
    return queries


def bench_search(lib) -> tuple[list[float], int]:
    queries = pick_queries(lib, QUERIES)
    lib.search(queries[0])  # warm the page cache once, as a running app has
    times, hits = [], 0
    for q in queries:
        t0 = time.perf_counter()
        results = lib.search(q, limit=50)
        times.append((time.perf_counter() - t0) * 1000)
        hits += len(results)
    return times, hits


def bench_first_page(lib) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from editor_app.ui.library.library_panel import LibraryPanel

    app = QApplication.instance() or QApplication([])
    t0 = time.perf_counter()
    panel = LibraryPanel(lib)
    panel.show()
    app.processEvents()
    elapsed = (time.perf_counter() - t0) * 1000
    panel.close()
    return elapsed


def bench_import_path(lib, n: int = 500) -> float:
    """ms per article through create_article (validation, transaction, revision, tags)."""
    t0 = time.perf_counter()
    for i in range(n):
        lib.create_article(Article(title=f"Benchmark import {i}", body="Words of a story. " * 300,
                                   date="2024-05-02", tags=["benchmark", "news"]))
    return (time.perf_counter() - t0) * 1000 / n


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--reuse", action="store_true",
                        help="reuse benchmarks/out/ (insert time then comes from a fresh small build)")
    args = parser.parse_args(argv)

    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.reuse:
            lib = cached_library(args.articles)
            insert_s = None
        else:
            path = pathlib.Path(tmp) / "bench.byline"
            t0 = time.perf_counter()
            lib = build_library(path, args.articles, progress=True)
            insert_s = time.perf_counter() - t0
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size_mb = lib.path.stat().st_size / 1e6
        count = lib.count_articles()
        rows.append(("articles", f"{count:,}"))
        if insert_s is not None:
            rows.append(("bulk insert (one transaction, FTS triggers)",
                         f"{insert_s:.1f} s ({count / insert_s:,.0f} articles/s)"))
        rows.append(("library file size", f"{size_mb:,.0f} MB"))
        times, hits = bench_search(lib)
        rows.append((f"FTS search with snippet, {QUERIES} queries: median",
                     f"{statistics.median(times):.1f} ms  (budget < 20 ms)"))
        rows.append(("FTS search: 95th percentile", f"{percentile(times, 95):.1f} ms"))
        rows.append(("FTS search: max", f"{max(times):.1f} ms  ({hits} hits in all)"))
        rows.append(("library model: first page shown", f"{bench_first_page(lib):.1f} ms"))
        if not args.reuse:
            rows.append(("import path: create_article per article",
                         f"{bench_import_path(lib):.2f} ms"))
        lib.close()

    width = max(len(k) for k, _ in rows)
    print(f"\n{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|{'-' * 40}")
    for key, value in rows:
        print(f"{key.ljust(width)} | {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
