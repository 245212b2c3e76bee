"""Chunked backups on a 100,000-article library: time, disk added, restore, the set of 10.

    python benchmarks/backups.py [--library /tmp/sb/library-100000.byline] [--days 7]

Copies the library into a temporary folder (the original is never written),
then measures, in the order a newsroom meets them:

- the first backup (every chunk written) and, for comparison, one whole copy
  as backups were made before (#20);
- the second backup after editing one article, and how many 4 KiB SQLite pages
  and 64 KiB / 256 KiB blocks that edit changed (what it costs at each chunk size);
- the third backup after importing 100 articles;
- restoring the newest backup over a damaged library (rebuild with every chunk
  checked, integrity_check, rename into place);
- ``--days`` more backups after a "day" each (20 articles edited, 10 imported),
  then the disk the set of 10 takes against 10 whole copies.

Prints one table. Times are wall clock on whatever else the machine is doing:
run it more than once and take the best.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import shutil
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor_app.core import backup_chunks, backups  # noqa: E402
from editor_app.core.library import Library  # noqa: E402
from editor_app.core.models import Article  # noqa: E402

DEFAULT_LIBRARY = pathlib.Path("/tmp/sb/library-100000.byline")
PAGE = 4096


def _mb(count: int) -> str:
    return f"{count / 1e6:,.1f} MB"


def _folder_bytes(folder: pathlib.Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


BLOCKS = (PAGE, 64 * 1024, 256 * 1024)


def _changed(a: pathlib.Path, b: pathlib.Path) -> dict[int, int]:
    """How many 4 KiB pages, 64 KiB and 256 KiB blocks differ between two files: what a
    change costs at each chunk size (same offsets; the store also shares equal chunks)."""
    changed = dict.fromkeys(BLOCKS, 0)
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            big_a, big_b = fa.read(BLOCKS[-1]), fb.read(BLOCKS[-1])
            if not big_a and not big_b:
                return changed
            if big_a == big_b:
                continue
            for block in BLOCKS:
                changed[block] += sum(big_a[i:i + block] != big_b[i:i + block]
                                      for i in range(0, max(len(big_a), len(big_b)), block))


def _rebuilt(manifest: pathlib.Path, work: pathlib.Path) -> pathlib.Path:
    out = work / f"rebuilt-{manifest.stem}.byline"
    backups.extract_backup(manifest, out)
    return out


def _blocks_note(changed: dict[int, int]) -> str:
    return (f"{changed[PAGE]} pages; blocks changed: {changed[65536]} of 64 KiB, "
            f"{changed[256 * 1024]} of 256 KiB")


def _body(n: int, words: int = 800) -> str:
    vocabulary = ("harbour council ferry strike budget school river market festival election "
                  "storm bridge museum hospital court mayor fishermen tourists rail").split()
    return "\n\n".join(" ".join(vocabulary[(n * 31 + i * 7 + i // 3) % len(vocabulary)]
                                for i in range(k, k + 80)) + "."
                       for k in range(0, words, 80))


def _import(library: Library, count: int, start: int) -> None:
    for n in range(start, start + count):
        library.create_article(Article(title=f"Imported story {n}", body=_body(n), tags=["import"]))


def _edit(library: Library, ids: list[int], day: int) -> None:
    for article_id in ids:
        article = library.get_article(article_id)
        library.update_article(article_id, body=article.body + f"\n\nUpdated on day {day}.\n")


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", type=pathlib.Path, default=DEFAULT_LIBRARY)
    parser.add_argument("--days", type=int, default=7, help="backups after the third (default 7)")
    args = parser.parse_args(argv)
    if not args.library.is_file():
        print(f"{args.library}: no such library (make one with benchmarks/make_library.py)",
              file=sys.stderr)
        return 1
    work = pathlib.Path(tempfile.mkdtemp(prefix="byline-backups-bench-"))
    rows: list[tuple[str, str, str, str]] = []
    try:
        path = work / "newsroom.byline"
        shutil.copyfile(args.library, path)
        folder = backups.default_backup_folder(path)
        library = Library.open(path, create=False)
        size = path.stat().st_size
        ids = [s.id for s in library.list_articles(limit=200)]

        whole = work / "whole-copy.byline"
        _, seconds = _timed(lambda: library.backup(whole))
        rows.append(("whole copy, as before (#20)", f"{seconds:.2f}", _mb(whole.stat().st_size), ""))
        whole.unlink()

        first, seconds = _timed(lambda: backups.make_backup(library, keep=10))
        rows.append(("1st backup (all chunks)", f"{seconds:.2f}", _mb(_folder_bytes(folder)),
                     f"{backup_chunks.read_manifest(first).chunk_count} chunks"))

        previous = _rebuilt(first, work)
        _edit(library, ids[:1], 0)
        second, seconds = _timed(lambda: backups.make_backup(library, keep=10))
        header = backup_chunks.read_manifest(second)
        current, rebuild = _timed(lambda: _rebuilt(second, work))
        rows.append(("2nd backup, 1 article edited", f"{seconds:.2f}",
                     "+" + _mb(header.added_bytes + second.stat().st_size),
                     _blocks_note(_changed(previous, current))))
        previous.unlink()
        previous = current

        _import(library, 100, 0)
        third, seconds = _timed(lambda: backups.make_backup(library, keep=10))
        header = backup_chunks.read_manifest(third)
        current = _rebuilt(third, work)
        rows.append(("3rd backup, 100 articles imported", f"{seconds:.2f}",
                     "+" + _mb(header.added_bytes + third.stat().st_size),
                     _blocks_note(_changed(previous, current))))
        previous.unlink()
        previous = current
        rows.append(("rebuild one backup (chunks checked)", f"{rebuild:.2f}", "", "no integrity_check"))

        days = []
        for day in range(1, args.days + 1):
            _edit(library, ids[day * 20: day * 20 + 20], day)
            _import(library, 10, 1000 + day * 10)
            made, seconds = _timed(lambda: backups.make_backup(library, keep=10))
            days.append((seconds, backup_chunks.read_manifest(made).added_bytes + made.stat().st_size))
            if day == 1:
                current = _rebuilt(made, work)
                day_note = _blocks_note(_changed(previous, current))
                current.unlink()
        previous.unlink()
        if days:
            best = min(s for s, _ in days)
            added = sorted(b for _, b in days)[len(days) // 2]
            rows.append((f"backups 4-{3 + args.days}, a day each", f"{best:.2f} (best)",
                         f"+{_mb(added)} (median)", f"20 edited + 10 imported; day 1: {day_note}"))
        library.close()

        count = len(backups.list_backups(folder))
        disk = _folder_bytes(folder)
        cost = backups.backups_cost(path, 10)
        rows.append((f"the set of {count} backups", "", _mb(disk),
                     f"{count} whole copies: {_mb(count * size)} ({disk / (count * size):.0%})"))
        rows.append(("Preferences says", "", f"{_mb(cost.used_bytes)} now",
                     f"next ~{_mb(cost.next_bytes or 0)}, 10 ~{_mb(cost.most_bytes)}"))

        with open(path, "r+b") as handle:  # damage the library: restore is needed
            handle.seek(size // 2)
            handle.write(os.urandom(PAGE * 8))
        result, seconds = _timed(lambda: backups.restore_newest_good(path, folder))
        rows.append(("restore newest (rebuild, check, rename)", f"{seconds:.2f}", "",
                     result.restored_from.name))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"library: {args.library} ({_mb(size)}), chunks of "
          f"{backup_chunks.CHUNK_SIZE // 1024} KiB")
    header = ("step", "time (s)", "disk", "notes")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
