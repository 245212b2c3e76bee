"""GUI-thread time per keystroke on a 50,000-word interview, highlighting on.

    .venv/bin/python benchmarks/typing.py [--chars 1000] [--interval 30]

(The code lives here; benchmarks/typing.py only starts it, see that file for why.)

Types --chars characters into the middle of the article with QTest, one every
--interval ms (a fast typist), in a real ArticleTab: highlighter, autosave (its
saves run on a worker thread), stats and the web preview.  For every keystroke it
records the time the GUI thread spent handling it plus how late the event loop was
to start it (a stall from a timer, a save or the GIL held by a render thread shows
up there).  Scenarios:

  typing             the normal case: preview and autosave fire as they would
  refresh every 10   the preview is re-rendered (block cache warm) and patched every
                     10 keystrokes, as if the typist paused that often
  cold every 10      the block cache is cleared first: all 50,000 words are converted
                     again in the worker processes each time (the stress case)

Budget (DESIGN.md): under 5 ms at the 99th percentile.
"""

from __future__ import annotations

import argparse
import sys
import time

from desk_common import mean, open_desk, percentile, table, wait_for


def run(app, tab, renderer, *, chars: int, interval_ms: int, render_every: int = 0,
        cold: bool = False) -> list[float]:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    editor = tab.editor
    cursor = editor.textCursor()
    middle = editor.document().findBlockByNumber(editor.document().blockCount() // 2)
    cursor.setPosition(middle.position() + min(20, middle.length() - 1))
    editor.setTextCursor(cursor)
    editor.setFocus()
    latencies: list[float] = []
    state = {"n": 0, "expected": time.perf_counter() + interval_ms / 1000}
    letters = "the quick brown fox jumps over the lazy dog "

    def type_one() -> None:
        started = time.perf_counter()
        late = max(0.0, started - state["expected"])
        QTest.keyClick(editor, letters[state["n"] % len(letters)])
        handled = time.perf_counter() - started
        latencies.append(late + handled)
        state["n"] += 1
        if render_every and state["n"] % render_every == 0:
            if cold:
                renderer.clear_cache()
            tab.refresh_preview()
        state["expected"] = time.perf_counter() + interval_ms / 1000
        if state["n"] >= chars:
            timer.stop()

    timer = QTimer()
    timer.setTimerType(timer.timerType().PreciseTimer)
    timer.timeout.connect(type_one)
    timer.start(interval_ms)
    wait_for(app, lambda: state["n"] >= chars, timeout=chars * interval_ms / 1000 * 5 + 30)
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1000)
    parser.add_argument("--interval", type=int, default=30, help="ms between keystrokes")
    args = parser.parse_args()
    t0 = time.perf_counter()
    app, library, renderer, saver, tab, body = open_desk()
    wait_for(app, lambda: tab.preview.shown_generation >= 1 and tab.preview.is_idle(), 60)
    print(f"article: {len(body.split()):,} words, {tab.editor.document().blockCount():,} lines; "
          f"opened and first preview in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    rows = []
    for name, every, cold in (("typing (highlight, autosave, preview)", 0, False),
                              ("preview refreshed every 10 keys", 10, False),
                              ("cold full render every 10 keys", 10, True)):
        lat = run(app, tab, renderer, chars=args.chars, interval_ms=args.interval,
                  render_every=every, cold=cold)
        ms = [x * 1000 for x in lat]
        rows.append((name, len(ms), f"{percentile(ms, 50):.2f}", f"{percentile(ms, 99):.2f}",
                     f"{max(ms):.2f}", f"{mean(ms):.2f}",
                     "yes" if percentile(ms, 99) < 5 else "NO"))
        wait_for(app, lambda: tab.preview.is_idle(), 30)
    print(table(rows, ("scenario", "keys", "p50 ms", "p99 ms", "max ms", "mean ms", "p99 < 5 ms")))
    tab.close_tab()
    saver.close()
    renderer.close()
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
