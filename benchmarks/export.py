"""Batch export of 1,000 articles of ~600 words: Byline against Pelican on the same markdown.

    python benchmarks/export.py [--articles 1000] [--runs 2] [--workers 2] [--where DIR]

Budget (DESIGN.md): Byline's wall time under half of Pelican's.

Both run as command-line processes, start-up included, on the same articles
(a batch this size goes to Byline's export processes, batch.PROCESS_MIN_ARTICLES):
real English news text cut into ~600-word articles from ../shared/data/wikinews
(CC BY 2.5, Wikinews) when present, else benchmarks/make_library.py's synthetic
text (made-up Zipf words: nearly every word is unknown to the spelling
dictionary, the worst case for the pre-flight spell pass).  For each:
- Byline "export": the command line's path (export processes started first,
  the command's own process working too) without the pre-flight gate, to a
  folder and to a zip: bundles with index.html, fragment.html, article.md,
  ninjs, manifest, style.css; a listing and an Atom feed.
- Byline "+ pre-flight gate": ``byline export ID... --out DIR --force``, every
  article through the pre-flight checks (spell pass, links, ...), which Pelican
  has no counterpart for.
- Pelican: ``pelican content -o DIR -s pelicanconf.py`` on the same bodies
  written as Pelican markdown (its own "Key: value" metadata).  Two configurations:
  "default" (Pelican's defaults: tag, category, author, archive pages and feeds)
  and "lean" (article pages, the index and one Atom feed: closest to what Byline
  writes).

Every timed run writes into a folder never used before and nothing is deleted
while timing (see ``fresh_folder``: this VM's disk makes creating files slow
for minutes after deleting many).  ``--where /dev/shm/...`` runs everything on
tmpfs, which compares the programs rather than the disk.

Pelican is installed only here, in benchmarks/out/pelican-venv (never a
dependency of Byline); the script creates that venv on first use.
"""

from __future__ import annotations

import argparse
import itertools
import os
import pathlib
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_library import build_library  # noqa: E402

from editor_app.core.library import Library  # noqa: E402
from editor_app.core.models import Article  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
PELICAN_VENV = OUT / "pelican-venv"
# Pelican's own defaults, with what the two programs must share (author, time zone, language).
PELICAN_DEFAULT = """
AUTHOR = "Byline benchmark"
SITENAME = "Benchmark"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = True
"""
# Article pages, the index and one Atom feed: what Byline writes.
PELICAN_LEAN = PELICAN_DEFAULT + """
FEED_ALL_ATOM = "feed.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DEFAULT_PAGINATION = False
ARTICLE_URL = "{slug}/index.html"
ARTICLE_SAVE_AS = "{slug}/index.html"
"""


def pelican_bin() -> pathlib.Path:
    exe = PELICAN_VENV / "bin" / "pelican"
    if not exe.exists():
        print("installing Pelican into benchmarks/out/pelican-venv …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(PELICAN_VENV)], check=True)
        subprocess.run([str(PELICAN_VENV / "bin" / "pip"), "install", "-q", "pelican", "markdown"],
                       check=True)
    return exe


WIKINEWS = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2019_2020.jsonl"
TAGS = ("politics", "science", "sport", "europe", "asia", "economy", "health", "culture")


_SENTENCE_END = re.compile(r"(?<=[.!?\"”’)])\s+(?=[A-Z“\"‘(])")


def build_real_library(path: pathlib.Path, n: int, words_each: int = 600) -> Library | None:
    """``n`` articles of real Wikinews text, or None without the corpus.

    The corpus holds about 210,000 words in long paragraphs, a third of what
    1,000 articles need, so whole paragraphs would come back three times and
    Byline's block cache would skip two thirds of the Markdown work that
    Pelican does.  Paragraphs are therefore rebuilt from a stream of the
    corpus's sentences, two to five at a time (a cycle that does not line up
    with the corpus length): every paragraph of every article is different.
    """
    import datetime as _dt
    import json

    if not WIKINEWS.is_file():
        return None
    rows = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines() if line]
    sentences = [s.strip() for row in rows for p in row["text"].split("\n")
                 if len(p.split()) > 12 for s in _SENTENCE_END.split(p.strip()) if s.strip()]
    lib = Library.open(path)
    start, cursor, paragraph_no = _dt.date(2019, 1, 1), 0, 0
    with lib.transaction():
        for i in range(n):
            body, count = [], 0
            while count < words_each:
                size = 2 + paragraph_no % 4
                paragraph_no += 1
                paragraph = " ".join(sentences[(cursor + k) % len(sentences)] for k in range(size))
                cursor += size
                body.append(paragraph)
                count += len(paragraph.split())
            title = " ".join(body[0].split()[:9]).rstrip(".,;:") + f" ({i + 1})"
            lib.create_article(Article(
                title=title, body="\n\n".join(body[1:]) + "\n", summary=body[0][:300],
                date=(start + _dt.timedelta(days=i % 700)).isoformat(), status="approved",
                author="Wikinews contributors", tags=[TAGS[i % 8], TAGS[(i * 3 + 1) % 8]],
                slug=f"article-{i + 1}"))
    return lib


def write_pelican_content(lib, ids: list[int], folder: pathlib.Path) -> None:
    folder.mkdir(parents=True)
    for aid in ids:
        a = lib.get_article(aid)
        header = [f"Title: {a.title}", f"Date: {a.date}", f"Slug: {a.slug}", "Category: news",
                  f"Tags: {', '.join(a.tags)}", f"Summary: {a.summary}"]
        if a.author:
            header.append(f"Authors: {a.author}")
        (folder / f"{a.slug}.md").write_text("\n".join(header) + "\n\n" + a.body + "\n",
                                             encoding="utf-8")


CPU_LAST = 0.0


def timed(cmd: list[str], **kw) -> float:
    """Wall seconds of one run; its CPU seconds (user+sys, children included) go to CPU_LAST."""
    global CPU_LAST
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, **kw)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_LAST = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(cmd[:4])} …\n"
                         f"{result.stderr[-2000:]}")
    return elapsed


def file_create_ms(folder: pathlib.Path, n: int = 300) -> float:
    """Milliseconds to create one small file here: on this VM's disk it swings tenfold
    (0.02-1 ms seen), and a bundle is 7 new inodes against Pelican's 2.

    The probe files stay until the end: deleting them would slow the next run
    (see ``fresh_folder``).
    """
    probe = pathlib.Path(tempfile.mkdtemp(prefix="create-probe-", dir=folder))
    start = time.perf_counter()
    for i in range(n):
        (probe / f"f{i}").write_bytes(b"x" * 4000)
    return 1000 * (time.perf_counter() - start) / n


def fresh_folder(work: pathlib.Path, name: str) -> pathlib.Path:
    """A never-used output folder for one timed run, the same for Byline and Pelican.

    Nothing is deleted while timing: on ext4 without a journal (this VM's
    disk) creating a file within a minute of deleting many scans past every
    recently freed inode (``recently_deleted`` in the kernel's inode
    allocator), so a run that follows a deletion pays for it, and Byline's
    seven files per article pay seven times.
    """
    for n in itertools.count(1):
        folder = work / f"{name}-{n}"
        if not folder.exists():
            return folder
    raise AssertionError("unreachable")


def count_words(lib, ids) -> float:
    return sum(len(lib.get_article(i).body.split()) + len(lib.get_article(i).summary.split())
               for i in ids) / len(ids)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=2, help="runs of each (first one cold)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--where", type=pathlib.Path, default=OUT,
                        help="folder for the library, the content and every output (default "
                             "benchmarks/out; /dev/shm takes this VM's disk out of the race)")
    args = parser.parse_args(argv)

    OUT.mkdir(parents=True, exist_ok=True)
    pelican = pelican_bin()
    args.where.mkdir(parents=True, exist_ok=True)
    work = pathlib.Path(tempfile.mkdtemp(prefix="export-bench-", dir=args.where))
    try:
        lib_path = work / "bench.byline"
        lib = build_real_library(lib_path, args.articles)
        corpus = "Wikinews text"
        if lib is None:
            lib = build_library(lib_path, args.articles, optimize=False)
            corpus = "synthetic text"
        ids = [r[0] for r in lib.db.execute("SELECT id FROM articles ORDER BY id")]
        words = count_words(lib, ids)
        write_pelican_content(lib, ids, work / "content")
        lib.close()
        for name, conf in (("lean", PELICAN_LEAN), ("default", PELICAN_DEFAULT)):
            (work / f"pelican-{name}.py").write_text(conf, encoding="utf-8")

        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        byline_cmd = [sys.executable, "-m", "editor_app", "--library", str(lib_path), "export",
                      *map(str, ids), "--force", "--workers", str(args.workers), "--out"]
        # The same export without the pre-flight gate (Pelican checks nothing either).
        # The command line's path (processes started first, this process working too)
        # without the pre-flight gate: Pelican checks nothing either.
        bare_code = ("import sys; from editor_app.core.export import procpool; "
                     "started = procpool.start_processes(int(sys.argv[3]), caller_works=True); "
                     "from editor_app.core.library import Library; "
                     "from editor_app.core.export import export_articles; "
                     "lib = Library.open(sys.argv[1], create=False); "
                     "ids = [r[0] for r in lib.db.execute('SELECT id FROM articles')]; "
                     "z = sys.argv[2] if sys.argv[2].endswith('.zip') else None; "
                     "r = export_articles(lib, ids, None if z else sys.argv[2], zip_path=z, "
                     "force=True, preflight=False, workers=int(sys.argv[3]), caller_works=True, "
                     "started=started); "
                     "sys.exit(0 if r.ok else 1)")
        def bare_cmd(out: pathlib.Path, workers: int = args.workers) -> list[str]:
            return [sys.executable, "-c", bare_code, str(lib_path), str(out), str(workers)]

        rows: list[tuple[str, list[float]]] = []
        results: dict[str, list[float]] = {"byline": [], "bare": [], "bare-1": [], "zip": [],
                                           "lean": [], "default": []}
        cpu: dict[str, list[float]] = {key: [] for key in results}

        def measure(key: str, cmd: list[str], **kw) -> None:
            results[key].append(timed(cmd, **kw))
            cpu[key].append(CPU_LAST)

        def pelican_cmd(name: str) -> list[str]:
            return [str(pelican), str(work / "content"), "-o",
                    str(fresh_folder(work, f"pelican-{name}-site")),
                    "-s", str(work / f"pelican-{name}.py"), "-q"]

        create_ms: list[float] = []
        for run in range(args.runs):
            create_ms.append(file_create_ms(work))
            measure("bare", bare_cmd(fresh_folder(work, "byline-bare")), env=env)
            measure("lean", pelican_cmd("lean"))
            measure("bare-1", bare_cmd(fresh_folder(work, "byline-bare"), 1), env=env)
            measure("zip", bare_cmd(work / f"byline-{run + 1}.zip"), env=env)
            measure("default", pelican_cmd("default"))
            measure("byline", [*byline_cmd, str(fresh_folder(work, "byline-site"))], env=env)
            print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in results.items()),
                  file=sys.stderr)
        bundles = sum(1 for p in (work / "byline-site-1").iterdir() if p.is_dir())
        labels = {"bare": f"Byline export, {args.workers} workers", "bare-1": "Byline export, 1 worker",
                  "byline": "Byline export + pre-flight gate",
                  "zip": f"Byline export to zip, {args.workers} workers", "lean": "Pelican, lean config",
                  "default": "Pelican, default config"}
        rows = [(labels[key], results[key])
                for key in ("bare", "bare-1", "zip", "byline", "lean", "default")]
        cpu_best = {labels[key]: min(cpu[key]) for key in labels}
        best = {label: min(times) for label, times in rows}
        print(f"\nBatch export in {args.where}: {args.articles} articles of {corpus}, "
              f"~{words:.0f} words each, "
              f"{os.cpu_count()} CPUs, {bundles} bundles written; best of {args.runs} runs "
              "(the first Byline run also snapshots a revision per article)\n")
        print("File creation on this disk: " + ", ".join(f"{ms:.3f}" for ms in create_ms)
              + " ms per file (probe before each run; Byline writes 7 inodes per article "
              "(folder + 6 files), Pelican 2 (folder + page)).\n")
        print("Byline rows: CLI process incl. start-up; 'export' skips the pre-flight gate "
              "(spell pass, link checks), the last row is `byline export --force`.\n")
        print(f"| {'what':<32} | {'wall runs (s)':<16} | {'best wall (s)':>13} | "
              f"{'per article':>11} | {'CPU (s)':>7} |")
        print(f"|{'-' * 34}|{'-' * 18}|{'-' * 15}|{'-' * 13}|{'-' * 9}|")
        for label, times in rows:
            runs = ", ".join(f"{t:.2f}" for t in times)
            print(f"| {label:<32} | {runs:<16} | {best[label]:>13.2f} | "
                  f"{1000 * best[label] / args.articles:>8.1f} ms | {cpu_best[label]:>7.2f} |")
        print()
        for mine in (rows[0][0], rows[2][0], rows[3][0]):
            for label in ("Pelican, lean config", "Pelican, default config"):
                ratio = best[mine] / best[label]
                verdict = "within budget" if ratio < 0.5 else "OVER budget"
                print(f"{mine} / {label}: {ratio:.2f} (budget < 0.50: {verdict})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
