"""GUI-thread cost per keystroke with spell-check on (budget: under 1 ms extra; DESIGN.md).

Run: .venv/bin/python benchmarks/spelling_typing.py [--chars 500] [--worst] [--markdown]

Builds a 50,000-word article from the longest interview in
../shared/data/wikinews/wikinews_2019_2020.jsonl, types text with typos into the middle
of it through QTest at a typist's pace (a key every 15 ms, a pause after each phrase so
that rechecks run), once in a bare editor and once with a SpellController attached.
Keys are typed from timers inside a running Qt event loop; a keystroke's cost is its own
handling time plus how late the next key's timer fires (whatever the GUI thread did in
between that delayed it: recheck dispatch, results, underlines, painting, GIL waits).
``--worst`` also runs with the recheck delay at 0 (a recheck after every key).
"""

from __future__ import annotations

import pathlib
import sys

# Scripts run with their folder first on sys.path; a benchmarks/typing.py would then
# shadow the standard library's typing module (PySide6 imports it). Drop that entry.
_HERE = pathlib.Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if pathlib.Path(p or ".").resolve() != _HERE]

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2019_2020.jsonl"
TYPED = ("Q: What did the comittee decide about the the budget, and when will "
         "the residents recieve the new figures? A: We beleive it will happen soon. ")
KEY_INTERVAL_S = 0.015
PHRASE_PAUSE_S = 0.25


def long_article(words: int = 50_000) -> str:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    interviews = [r for r in rows if "interview" in r["title"].lower()] or rows
    source = max(interviews, key=lambda r: len(r["text"].split()))
    parts, count = [], 0
    while count < words:
        parts.append(source["text"].strip())
        count += len(source["text"].split())
    return source["title"], "\n\n".join(parts)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def type_text(app, editor, text: str) -> tuple[list[float], list[float]]:
    """Type ``text`` from timers inside a running event loop, as a typist would.

    Returns per keystroke (ms): the key's own handling time, and that plus how late the
    next key's timer fired (everything the GUI thread did in between that delayed it:
    timers, results, painting, waiting for the GIL). An idle Qt loop waits in C++
    without the GIL, so this, not a Python polling loop, is what a user would feel.
    """
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    handled: list[float] = []
    late: list[float] = []
    state = {"i": 0, "due": None}

    def fire():
        now = time.perf_counter()
        if state["due"] is not None:
            late.append(max(0.0, now - state["due"]))
        if state["i"] >= len(text):
            loop.quit()
            return
        char = text[state["i"]]
        state["i"] += 1
        start = time.perf_counter()
        QTest.keyClicks(editor, char)
        handled.append(time.perf_counter() - start)
        wait = PHRASE_PAUSE_S if char in ",?." or state["i"] % 40 == 0 else KEY_INTERVAL_S
        state["due"] = time.perf_counter() + wait
        timer.start(int(wait * 1000))

    timer.timeout.connect(fire)
    timer.start(0)
    loop.exec()
    own = [h * 1000 for h in handled]
    total = [(h + lt) * 1000 for h, lt in zip(handled, late, strict=False)]
    return own, total


def run(app, body: str, chars: int, *, spelling: bool, markdown: bool, delay_ms=None):
    from PySide6.QtWidgets import QPlainTextEdit

    from editor_app.core.library import Library
    from editor_app.core.models import Article
    from editor_app.ui.spelling import spelling_controller as sc
    from editor_app.ui.spelling.spelling_service import SpellService

    if markdown:
        from editor_app.ui.desk.editor import MarkdownEditor as Editor
    else:
        Editor = QPlainTextEdit
    editor = Editor()
    editor.resize(900, 700)
    editor.setPlainText(body)
    editor.show()
    cursor = editor.textCursor()
    cursor.setPosition(body.index("\n\n", len(body) // 2) + 2)
    editor.setTextCursor(cursor)
    editor.centerCursor()
    editor.setFocus()
    app.processEvents()
    info = {}
    controller = service = library = None
    tmp = tempfile.TemporaryDirectory()
    if spelling:
        if delay_ms is not None:
            sc.RECHECK_DELAY_MS = delay_ms
        # the spelling lookup cache in the run's own folder, not the user's (#18)
        from editor_app.core.spelling import use_lookup_cache_folder

        use_lookup_cache_folder(pathlib.Path(tmp.name) / "cache")
        library = Library.open(pathlib.Path(tmp.name) / "bench.byline")
        article = library.create_article(Article(title="Bench", body=body))
        service = SpellService(personal_path=pathlib.Path(tmp.name) / "personal.txt")
        start = time.perf_counter()
        controller = sc.SpellController(editor, library, article.id, "en", (), "Bench", service=service)
        attach_ms = (time.perf_counter() - start) * 1000
        while controller.passes.full_pass_running:
            app.processEvents()
            time.sleep(0.001)
        info["attach (GUI thread)"] = f"{attach_ms:.1f} ms"
        info["first full pass, attach to underlines"] = f"{(time.perf_counter() - start) * 1000:.0f} ms"
        info["issues in the article"] = f"{len(controller.issues()):,}"
        while not service.suggestions_ready("en"):  # its index build would compete for the GIL
            app.processEvents()
            time.sleep(0.01)
        applied = []  # rechecks answered (the stale ones included, as before)
        controller.passes.recheck_done.connect(lambda *_answer: applied.append(1))
    text = (TYPED * (chars // len(TYPED) + 1))[:chars]
    own, costs = type_text(app, editor, text)
    info["own"] = own
    if controller is not None:
        controller.recheck_now()
        deadline = time.perf_counter() + 5
        while not controller.is_idle() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()
        info["rechecks applied / stale dropped"] = f"{len(applied)} / {controller.stale_dropped}"
        info["underlines drawn"] = str(len(controller.editor.extraSelections()))
        assert controller.text() == editor.toPlainText(), "mirror text drifted"
        typed = {i.word for i in controller.issues()}
        info["typos flagged after typing"] = ", ".join(
            w for w in ("comittee", "recieve", "beleive") if w in typed)
        controller.close()
        service.shutdown()
        library.close()
    editor.close()
    editor.deleteLater()
    app.processEvents()
    tmp.cleanup()
    return costs, info


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=500)
    parser.add_argument("--worst", action="store_true", help="also recheck after every key")
    parser.add_argument("--markdown", action="store_true", help="type into MarkdownEditor")
    parser.add_argument("--switch-interval", type=float, default=None, metavar="MS",
                        help="sys.setswitchinterval for the run (Python's default: 5 ms)")
    args = parser.parse_args()
    if args.switch_interval is not None:
        sys.setswitchinterval(args.switch_interval / 1000)
    if not DATA.is_file():
        print(f"{DATA} not found: the benchmark needs the shared data", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    title, body = long_article()
    print(f"article: {len(body.split()):,} words, {len(body):,} characters "
          f"(from “{title}”); typing {args.chars} characters, "
          f"{'MarkdownEditor' if args.markdown else 'QPlainTextEdit'}, "
          f"GIL switch interval {sys.getswitchinterval() * 1000:g} ms\n")
    runs = [("spell-check off", dict(spelling=False)), ("spell-check on", dict(spelling=True))]
    if args.worst:
        runs.append(("on, recheck every key", dict(spelling=True, delay_ms=0)))
    results = {}
    infos = {}
    for name, options in runs:
        costs, info = run(app, body, args.chars, markdown=args.markdown, **options)
        results[name] = costs
        infos[name] = info
    base = results["spell-check off"]
    print(f"{'per keystroke':28} {'key + delay of next key':^29} {'key handling alone':^19}")
    print(f"{'':28} {'p50':>9} {'p99':>9} {'max':>9} {'p50':>9} {'p99':>9}")
    for name, costs in results.items():
        own = infos[name].pop("own")
        print(f"{name:28} {statistics.median(costs):7.3f}ms {percentile(costs, 99):7.3f}ms "
              f"{max(costs):7.2f}ms {statistics.median(own):7.3f}ms {percentile(own, 99):7.3f}ms")
    for name, costs in results.items():
        if name == "spell-check off":
            continue
        p50 = statistics.median(costs) - statistics.median(base)
        p99 = percentile(costs, 99) - percentile(base, 99)
        verdict = "within" if p99 < 1.0 else "OVER"
        print(f"{'extra: ' + name:28} {p50:+7.3f}ms {p99:+7.3f}ms   ({verdict} the 1 ms budget at p99)")
    for name, info in infos.items():
        if info:
            print(f"\n{name}:")
            for key, value in info.items():
                print(f"  {key:40} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
