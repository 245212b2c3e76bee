"""Shared set-up of the writing-desk benchmarks (typing.py, preview.py).

The article is the longest interview in ../shared/data/wikinews, repeated to 50,000
words, opened in a real ArticleTab (highlighter, autosave, web preview) offscreen.
"""

from __future__ import annotations

import json
import os
import pathlib
import statistics
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2019_2020.jsonl"
WORDS = 50_000


def long_interview(words: int = WORDS) -> tuple[str, str]:
    """(title, body) of the longest Wikinews interview, repeated to ``words`` words."""
    if not DATA.is_file():
        raise SystemExit(f"{DATA} is missing: the benchmark needs ../shared/data")
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    interviews = [r for r in rows if "interview" in (r["title"] + r["text"][:2000]).lower()]
    longest = max(interviews or rows, key=lambda r: len(r["text"].split()))
    text = longest["text"].strip()
    body = text
    while len(body.split()) < words:
        body += "\n\n" + text
    return longest["title"], body


def open_desk(*, words: int = WORDS):
    """A QApplication, a temporary library with the article, and an ArticleTab on it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from editor_app.app import tune_interpreter

    tune_interpreter()
    from editor_app.core.library import Library
    from editor_app.core.models import Article, Kind
    from editor_app.core.render.renderer import Renderer
    from editor_app.ui.desk.article_tab import ArticleTab
    from editor_app.ui.desk.autosave import AutosaveService

    title, body = long_interview(words)
    folder = tempfile.mkdtemp(prefix="byline-bench-")
    library = Library.open(pathlib.Path(folder) / "bench.byline")
    article = library.create_article(Article(title=title[:300], body=body, kind=Kind.INTERVIEW,
                                             interviewee="Interviewee", date="2020-05-01"))
    renderer = Renderer()
    saver = AutosaveService(library)
    tab = ArticleTab(library, article.id, renderer=renderer, saver=saver)
    tab.resize(1400, 900)
    tab.show()
    return app, library, renderer, saver, tab, body


def wait_for(app, predicate, timeout: float = 30.0) -> bool:
    import time

    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        app.processEvents()
        if predicate():
            return True
        time.sleep(0.002)
    return False


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def table(rows: list[tuple], headers: tuple) -> str:
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]
    line = " | ".join(str(h).ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "-|-".join("-" * w for w in widths)]
    out += [" | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)


def mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else float("nan")
