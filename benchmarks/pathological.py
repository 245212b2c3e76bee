"""The window on every pathological markdown file: longest GUI-thread stall per file.

    .venv/bin/python benchmarks/pathological.py

Each file of ../shared/data/pathological-markdown/ is loaded into a real
ArticleTab (highlighter, text counts, web preview) offscreen; a 5 ms timer on the
GUI thread records the longest gap between its ticks from loading the text until
the preview shows the page or its "could not render" banner. Budget (issue 3): no
GUI-thread stall over 100 ms while the preview works. Loading the text into the
editor is timed separately: Qt lays out the document on the GUI thread.
"""

from __future__ import annotations

import sys
import time

from desk_common import ROOT, open_desk, table, wait_for

FOLDER = ROOT.parent / "shared" / "data" / "pathological-markdown"


def main() -> int:
    if not FOLDER.is_dir():
        raise SystemExit(f"{FOLDER} is missing: the benchmark needs ../shared/data")
    from PySide6.QtCore import QTimer

    from editor_app.core.errors import InputError
    from editor_app.ui.desk.editor import check_line_lengths

    app, library, renderer, saver, tab, _body = open_desk(words=200)
    wait_for(app, lambda: tab.preview.shown_generation >= 1 and tab.preview.is_idle(), 60)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    rows = []
    worst = 0.0
    for path in sorted(FOLDER.glob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            check_line_lengths(text)
        except InputError:
            rows.append((path.name, "refused (line too long)", "-", "-", "-"))
            continue
        t0 = time.perf_counter()
        tab.editor.set_text(text)
        load_ms = (time.perf_counter() - t0) * 1000
        generation = tab.refresh_preview()
        gaps.clear()
        last[0] = time.perf_counter()
        started = last[0]
        wait_for(app, lambda g=generation: tab.preview.shown_generation >= g, 30)
        elapsed = time.perf_counter() - started
        stall = max(gaps, default=0.0) * 1000
        worst = max(worst, stall)
        outcome = "could not render" if tab.preview.last_error else "rendered"
        rows.append((path.name, outcome, f"{load_ms:.0f}", f"{elapsed:.2f}", f"{stall:.0f}"))
    timer.stop()
    print(table(rows, ("file", "preview", "load ms", "preview s", "max stall ms")))
    print(f"\nworst GUI-thread stall while the preview worked: {worst:.0f} ms (budget 100 ms)")
    tab.close_tab()
    saver.close()
    renderer.close()
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
