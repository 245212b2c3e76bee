"""Start-up of Byline against ReText 8.1, in the same run, offscreen, on the same article.

    python benchmarks/startup.py [--runs 5] [--scale 100000] [--no-retext] [--work DIR]

Budgets (DESIGN.md, #20): Byline's first paint at most 0.8x ReText's; the preview on
screen at most 1.5x ReText's first paint; PSS of all processes under 300 MiB after
opening one article; ``byline spell`` of a 1,000-word article under 0.5 s; with a
library of 100,000 articles, first paint and memory within 1.2x of the 10-article
figures and closing under 1 s.

How it measures:
- both programs run under ``startup_probe.py``, which replaces QApplication with a
  subclass that listens to paint events and writes when the window first paints,
  when the article's text is on screen and when the preview is (see its docstring);
  times are from just before the process is started to that moment;
- each run has a fresh settings and home folder (the first-run path: no saved
  layout, no open tabs), while caches (``XDG_CACHE_HOME``) persist between runs as
  they do between a person's starts: one warm-up start of each program is not
  counted;
- Byline shows its preview first in a quick view (the renderer's page in Qt's rich
  text) and then in the web view: "preview on screen" is the first of the two, "web
  view on screen" when Chromium shows the page;
- PSS (proportional set size: shared pages split between the processes sharing
  them) is summed over the program and every process it started, read from
  ``/proc/PID/smaps_rollup`` ``SETTLE_S`` seconds after the preview is on screen
  (Byline: after its web view is, so that Chromium is counted whole);
  "of which the library file mapped" is the PSS of the maps of the library file
  (``/proc/PID/smaps``), the part that grows with the library's size;
- closing: SIGTERM (what a session's end sends; Byline saves and closes its window)
  until the process has exited. Closing backs up the library only when it changed
  since the newest backup: the first (uncounted) start of each row makes that
  backup, the counted ones close a library that was only read; the row "an article
  changed before closing" edits another article (through the library, as a second
  Byline process would) before SIGTERM, so its closing starts a whole copy in a
  detached background process (editor_app/core/backup_process.py): "closing" is
  until Byline's process has exited, "backup made" until that copy is in the
  backup folder (waited for, so that it never overlaps the next run);
- both programs run from compiled bytecode, as installed programs do (pip compiles
  ReText's at install; Byline's ``__pycache__`` is written by the warm-up start):
  ``PYTHONDONTWRITEBYTECODE`` is taken out of their environment, else every Byline
  start would compile its few hundred modules from source again (some 100 ms);
- Byline and ReText alternate run by run, so that both meet the same noise, and
  each round starts one row later than the one before, so that no row always
  follows the same one (the Byline row right after ReText's was slower in every
  round, whichever it was); before each start, every process of the run before has exited;
  the table gives the median and the best of N (the machine is shared: the best is
  the figure least disturbed by others).

Byline's page cache (core/render/page_cache.py) is warm in the counted runs, as
when a person reopens yesterday's article; the row "no cached page" empties it
before each start.

The article: the longest interview of the Wikinews corpus in ../shared/data cut to
5,000 words (a synthetic interview when the corpus is absent), as markdown with
front matter; ReText opens the file, Byline imports it into a library of 10
articles and opens it with ``byline open SLUG``.  ReText 8.1 and PyQt6 are installed
only in benchmarks/out/retext-venv (never a dependency of Byline), on first use.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = pathlib.Path(__file__).resolve().parent
OUT = BENCH / "out"
WORK = OUT / "startup"
RETEXT_VENV = OUT / "retext-venv"
RETEXT_VERSION = "8.1.0"
PROBE = BENCH / "startup_probe.py"
WIKINEWS = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2019_2020.jsonl"
INTERVIEW_WORDS = 5000
SPELL_WORDS = 1000
SETTLE_S = 2.0
TIMEOUT_S = 60.0
SLUG = "startup-interview"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))


# -- the article --------------------------------------------------------------------------

def interview_paragraphs() -> list[str]:
    """Paragraphs of a real interview (Wikinews) as Q:/A: markdown, or synthetic ones."""
    if WIKINEWS.is_file():
        rows = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]
        interviews = [r for r in rows if "interview" in r["title"].lower()]
        longest = max(interviews, key=lambda r: len(r["text"].split()))
        paragraphs = []
        for raw in longest["text"].split("\n"):
            text = " ".join(raw.split())
            if not text:
                continue
            if text.startswith("(("):
                text = "A: " + text.split("))", 1)[-1].strip()
            elif text.endswith("?"):
                text = "Q: " + text
            paragraphs.append(text)
        return paragraphs
    rng = random.Random(0)
    words = [w for w in ("the council harbour ferry budget mayor residents vote city plan "
                         "water school transport housing business community election "
                         "market answer question people year").split()]
    paragraphs = []
    for n in range(400):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(12, 30)))
        paragraphs.append(("Q: " if n % 4 == 0 else "") + sentence.capitalize() + ".")
    return paragraphs


def article_markdown(words: int, *, slug: str, title: str) -> str:
    body, count = [], 0
    for paragraph in interview_paragraphs() * 4:
        body.append(paragraph)
        count += len(paragraph.split())
        if count >= words:
            break
    front = (f"---\ntitle: \"{title}\"\nkind: interview\ninterviewee: Wayne Tseng\n"
             f"author: Sam Reporter\ndate: 2020-10-20\nlanguage: en\nslug: {slug}\n---\n")
    return front + "\n\n".join(body) + "\n"


def prepare_library(path: pathlib.Path, article: pathlib.Path, *, others: int = 9,
                    big: int = 0) -> None:
    """A library with the article and ``others`` short ones (or a copy of the big one)."""
    from editor_app.core.importing import import_files
    from editor_app.core.library import Library

    for sidecar in ("", "-wal", "-shm"):
        path.with_name(path.name + sidecar).unlink(missing_ok=True)
    shutil.rmtree(path.with_name(path.name + ".backups"), ignore_errors=True)
    if big:
        from make_library import cached_library

        source = cached_library(big)
        source.backup(path)
        source.close()
        library = Library.open(path, create=False)
    else:
        from make_library import build_library

        library = build_library(path, others)
    import_files(library, [article])
    library.close()


# -- running one start ----------------------------------------------------------------------

def retext_python() -> pathlib.Path:
    python = RETEXT_VENV / "bin" / "python"
    if not python.exists():
        print(f"installing ReText {RETEXT_VERSION} into {RETEXT_VENV} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(RETEXT_VENV)], check=True)
        subprocess.run([str(RETEXT_VENV / "bin" / "pip"), "install", "-q",
                        f"ReText=={RETEXT_VERSION}"], check=True)
    return python


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack += children.get(current, [])
    return found


def wait_until_gone(pids: list[int], timeout: float = 10.0) -> None:
    """Wait until every process of a run has exited (Chromium's, a program's helpers):
    a dying program's teardown must not take the CPU from the next program's start
    (it fell on whichever row came after it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if pathlib.Path(f"/proc/{pid}").exists()
                 and not _is_zombie(pid)]
        if not alive:
            return
        time.sleep(0.01)


def _is_zombie(pid: int) -> bool:
    try:
        return pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return True


def pss_kib(pids: list[int]) -> tuple[int, int]:
    """(PSS in KiB summed over ``pids``, how many of them were readable)."""
    total = counted = 0
    for pid in pids:
        try:
            text = pathlib.Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1])
                counted += 1
                break
    return total, counted


def mapped_kib(pids: list[int], path: str) -> int:
    """PSS in KiB of the memory maps of the file ``path`` (the library) over ``pids``.

    The part of PSS that grows with the library: SQLite maps it (``PRAGMA
    mmap_size``) for related-news queries, and each page a query touched counts.
    """
    total = 0
    target = str(pathlib.Path(path).resolve())
    for pid in pids:
        try:
            lines = pathlib.Path(f"/proc/{pid}/smaps").read_text().splitlines()
        except OSError:
            continue
        inside = False
        for line in lines:
            first = line.split(maxsplit=1)[0]
            if "-" in first and ":" not in first:  # a mapping's header line
                inside = line.rstrip().endswith(target)
            elif inside and line.startswith("Pss:"):
                total += int(line.split()[1])
    return total


def fresh_home(program: str) -> pathlib.Path:
    home = pathlib.Path(tempfile.mkdtemp(prefix=f"startup-{program}-", dir=WORK))
    (home / ".config").mkdir()
    (home / ".local" / "share").mkdir(parents=True)
    if program == "retext":
        conf = home / ".config" / "ReText project"
        conf.mkdir()
        # Editor and preview side by side (ReText's live preview), as Byline shows them.
        (conf / "ReText.conf").write_text(
            "[General]\ndefaultPreviewState=live-preview\nopenFilesInExistingWindow=false\n")
    return home


def edit_another_article(library_path: pathlib.Path):
    """Change one article other than the open one, as a second Byline process would;
    returns the library's change mark after it."""
    from editor_app.core.library import Library

    library = Library.open(library_path, create=False)
    try:
        other = next(s for s in library.list_articles(limit=2) if s.slug != SLUG)
        body = library.get_article(other.id).body
        library.update_article(other.id, body=body.rstrip() + f"\n\nEdited {time.time():.0f}.\n")
        return library.change_mark()
    finally:
        library.close()


def wait_for_backup(library_path: pathlib.Path, mark, timeout: float = 120.0) -> bool:
    """Wait until the newest backup holds the change ``mark`` (the close backup is made)."""
    from editor_app.core.backups import backup_change_mark, default_backup_folder, list_backups

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        made = list_backups(default_backup_folder(library_path))
        if made and backup_change_mark(made[0].path) == mark:
            return True
        time.sleep(0.02)
    return False


def start_once(program: str, command: list[str], *, python: pathlib.Path,
               binding: str, measure_close: bool,
               edit_before_close: pathlib.Path | None = None) -> dict:
    home = fresh_home(program)
    report = home / "probe.jsonl"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH", "BYLINE_LIBRARY",
                        "PYTHONDONTWRITEBYTECODE")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CACHE_HOME=str(WORK / f"cache-{program}"),
               QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1",
               PROBE_BINDING=binding)
    if program == "byline":
        env["PYTHONPATH"] = str(ROOT)
    started = time.time()
    process = subprocess.Popen([str(python), str(PROBE), str(report), *command], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    events: dict[str, float] = {}
    deadline = time.monotonic() + TIMEOUT_S
    last = "web" if program == "byline" else "preview"
    while last not in events and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
        if report.exists():
            for line in report.read_text().splitlines():
                event = json.loads(line)
                events.setdefault(event["event"], event["t"] - started)
    result = {name: round(value * 1000) for name, value in events.items()}
    if last in events:
        time.sleep(SETTLE_S)
        pids = descendants(process.pid)
        kib, counted = pss_kib(pids)
        result.update(pss_mib=kib / 1024, processes=counted)
        if "--library" in command:
            library = command[command.index("--library") + 1]
            result["mapped_mib"] = mapped_kib(pids, library) / 1024
    started_pids = descendants(process.pid) if process.poll() is None else []
    mark = None
    if edit_before_close is not None and process.poll() is None:
        mark = edit_another_article(edit_before_close)
    closing = time.monotonic()
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM) if not measure_close else process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    if measure_close:
        result["close_ms"] = round((time.monotonic() - closing) * 1000)
    if mark is not None and wait_for_backup(edit_before_close, mark):
        result["backup_ms"] = round((time.monotonic() - closing) * 1000)
    try:
        os.killpg(process.pid, signal.SIGKILL)  # helpers left behind, if any
    except ProcessLookupError:
        pass
    wait_until_gone(started_pids)
    if last not in events:
        error = process.stderr.read().decode(errors="replace")[-600:]
        result["error"] = f"no preview within {TIMEOUT_S:.0f} s: {error}"
    shutil.rmtree(home, ignore_errors=True)
    return result


# -- the table ---------------------------------------------------------------------------------

def summary(values: list[float]) -> tuple[float, float]:
    return (statistics.median(values), min(values)) if values else (float("nan"),) * 2


def spell_times(python: pathlib.Path, runs: int) -> list[float]:
    text = article_markdown(SPELL_WORDS, slug="spell-check", title="Spell check")
    path = WORK / "spell-1000.md"
    path.write_text(text, encoding="utf-8")
    home = fresh_home("spell")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local" / "share"),
           "XDG_CACHE_HOME": str(WORK / "cache-byline")}
    env.pop("BYLINE_LIBRARY", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: from bytecode
    times = []
    for _ in range(runs + 1):
        t0 = time.perf_counter()
        subprocess.run([str(python), "-m", "editor_app", "spell", str(path)], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    shutil.rmtree(home, ignore_errors=True)
    return times[1:]  # the first run fills the cache (when the cache was empty)


def use_work_folder(path: pathlib.Path) -> None:
    """Another folder than benchmarks/out/startup (runs that must not share it)."""
    global WORK
    WORK = path.resolve()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, default=100_000,
                        help="articles in the newsroom-scale library (0: skip those rows)")
    parser.add_argument("--no-retext", action="store_true")
    parser.add_argument("--work", type=pathlib.Path, default=None,
                        help="folder for the libraries, homes and caches "
                             "(default benchmarks/out/startup)")
    args = parser.parse_args(argv)
    if args.work is not None:
        use_work_folder(args.work)
    WORK.mkdir(parents=True, exist_ok=True)
    byline_python = pathlib.Path(sys.executable)
    article = WORK / "interview.md"
    article.write_text(article_markdown(INTERVIEW_WORDS, slug=SLUG,
                                        title="Wayne Tseng: “Melbourne can be a world city”"),
                       encoding="utf-8")
    small = WORK / "library-10.byline"
    prepare_library(small, article)
    programs: dict[str, tuple] = {
        "byline": (["editor_app", "--library", str(small), "open", SLUG], byline_python,
                   "PySide6", True),
        # The same start without the article's page in the page cache (its first start,
        # or the text changed outside Byline): the quick view waits for the render.
        "byline-uncached": (["editor_app", "--library", str(small), "open", SLUG],
                            byline_python, "PySide6", True),
    }
    if not args.no_retext:
        programs["retext"] = (["ReText", str(article)], retext_python(), "PyQt6", False)
    big = None
    if args.scale:
        big = WORK / f"library-{args.scale}.byline"
        prepare_library(big, article, big=args.scale)
        programs["byline-scale"] = (["editor_app", "--library", str(big), "open", SLUG],
                                    byline_python, "PySide6", True)
        programs["byline-scale-edited"] = (["editor_app", "--library", str(big), "open", SLUG],
                                           byline_python, "PySide6", True)

    results: dict[str, list[dict]] = {name: [] for name in programs}
    names = list(programs)
    for round_number in range(args.runs + 1):
        # Each round starts one row later: the row right after ReText's was 20-50 ms
        # slower in every round, whichever Byline row it was.
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            command, python, binding, close = programs[name]
            edit = big if name.endswith("-edited") else None
            if name.endswith("-uncached"):
                shutil.rmtree(WORK / "cache-byline" / "byline" / "preview-pages",
                              ignore_errors=True)
            result = start_once(name.split("-")[0], command, python=python, binding=binding,
                                measure_close=close, edit_before_close=edit)
            if "error" in result:
                print(f"{name}: {result['error']}", file=sys.stderr)
            if round_number:  # round 0 warms caches and the disk
                results[name].append(result)
            print(f"  {name:<13} run {round_number}: {result}", file=sys.stderr)
    spell = spell_times(byline_python, args.runs)

    def cell(name: str, key: str, fmt: str = "{:.0f}") -> str:
        values = [r[key] for r in results.get(name, []) if key in r]
        if not values:
            return "–"
        median, best = summary(values)
        return f"{fmt.format(median)} / {fmt.format(best)}"

    def best(name: str, key: str) -> float:
        values = [r[key] for r in results.get(name, []) if key in r]
        return min(values) if values else float("nan")

    print(f"\nStart-up, offscreen, {os.cpu_count()} cores, {args.runs} runs each "
          "(median / best; the machine is shared, so the best is the cleanest figure):\n")
    print("| program | first paint (ms) | article text on screen (ms) | preview on screen (ms) "
          "| web view on screen (ms) | PSS, all processes (MiB) "
          "| of which the library file mapped (MiB) | processes | closing (ms) "
          "| backup made (ms) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    labels = {"byline": "Byline, 10 articles",
              "byline-uncached": "Byline, 10 articles, no cached page of the article",
              "retext": f"ReText {RETEXT_VERSION[:3]} (PyQt6)",
              "byline-scale": f"Byline, {args.scale:,} articles",
              "byline-scale-edited": f"Byline, {args.scale:,} articles, an article changed "
                                     "before closing"}
    for name in programs:
        print(f"| {labels[name]} | {cell(name, 'window')} | {cell(name, 'text')} | "
              f"{cell(name, 'preview')} | {cell(name, 'web')} | {cell(name, 'pss_mib')} | "
              f"{cell(name, 'mapped_mib')} | {cell(name, 'processes')} | "
              f"{cell(name, 'close_ms')} | {cell(name, 'backup_ms')} |")
    spell_median, spell_best = summary(spell)
    print(f"\n`byline spell` of a {SPELL_WORDS:,}-word article: {spell_median:.2f} s median, "
          f"{spell_best:.2f} s best (budget < 0.5 s)\n")
    if "retext" in programs:
        retext_paint = best("retext", "window")
        print("| ratio (best of N) | value | budget |")
        print("|---|---|---|")
        print(f"| Byline first paint / ReText first paint | "
              f"{best('byline', 'window') / retext_paint:.2f} | ≤ 0.8 |")
        print(f"| Byline preview / ReText first paint | "
              f"{best('byline', 'preview') / retext_paint:.2f} | ≤ 1.5 |")
        print(f"| Byline preview, no cached page / ReText first paint | "
              f"{best('byline-uncached', 'preview') / retext_paint:.2f} | ≤ 1.5 |")
        print(f"| Byline preview / ReText preview | "
              f"{best('byline', 'preview') / best('retext', 'preview'):.2f} | – |")
        print(f"| Byline web view / ReText preview | "
              f"{best('byline', 'web') / best('retext', 'preview'):.2f} | – |")
    print(f"| Byline PSS (MiB) | {best('byline', 'pss_mib'):.0f} | < 300 |")
    if args.scale:
        print(f"| first paint, {args.scale:,} / 10 articles | "
              f"{best('byline-scale', 'window') / best('byline', 'window'):.2f} | ≤ 1.2 |")
        print(f"| PSS, {args.scale:,} / 10 articles | "
              f"{best('byline-scale', 'pss_mib') / best('byline', 'pss_mib'):.2f} | ≤ 1.2 |")
        print(f"| closing with {args.scale:,} articles (ms) | "
              f"{best('byline-scale', 'close_ms'):.0f} | < 1000 |")
        print(f"| closing with {args.scale:,} articles after a change (ms) | "
              f"{best('byline-scale-edited', 'close_ms'):.0f} | < 1000 |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
