"""Revision-history budgets (issue #6): open a 2,000-revision history, diff 10,000-word revisions.

Run: .venv/bin/python benchmarks/history.py [--revisions 2000] [--words 10000]

Budget: each under 200 ms. Words come from ../shared/data (Wikinews) when present,
otherwise from a synthetic vocabulary, so the script runs anywhere. Each revision
makes one small random edit (a changed word, an inserted or a deleted sentence),
as autosaves do; "first vs last" therefore differ in about 2,000 scattered places.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import random
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from editor_app.core.library import Library  # noqa: E402
from editor_app.core.models import Article  # noqa: E402
from editor_app.ui.review.history_dialog import compute_diff  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2019_2020.jsonl"
BUDGET_MS = 200.0


def vocabulary() -> list[str]:
    if DATA.is_file():
        words = []
        for line in DATA.read_text(encoding="utf-8").splitlines():
            if line:
                words += json.loads(line)["text"].split()
        return words
    rng = random.Random(7)
    return ["".join(rng.choice("etaoinshrdlucmfw") for _ in range(rng.randint(2, 9)))
            + rng.choice(["", "", "", ",", "."]) for _ in range(50_000)]


def paragraphs(words: list[str], rng: random.Random) -> str:
    out, i = [], 0
    while i < len(words):
        n = rng.randint(40, 120)
        out.append(" ".join(words[i:i + n]))
        i += n
    return "\n\n".join(out) + "\n"


def edit(body: str, vocab: list[str], rng: random.Random) -> str:
    at = rng.randrange(len(body))
    at = body.rfind(" ", 0, at) + 1
    end = body.find(" ", at)
    end = len(body) if end < 0 else end
    kind = rng.random()
    if kind < 0.4:
        return body[:at] + rng.choice(vocab) + body[end:]
    if kind < 0.7:
        sentence = " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 15)))
        return body[:at] + sentence + ". " + body[at:]
    # delete about as many words as the insertions add, so the length stays put
    for _ in range(rng.randint(5, 15)):
        nxt = body.find(" ", end + 1)
        if nxt < 0 or "\n" in body[end:nxt]:
            break
        end = nxt
    return body[:at] + body[end + 1:]


def timed(fn, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--revisions", type=int, default=2000)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(42)
    vocab = vocabulary()
    start_word = rng.randrange(max(1, len(vocab) - args.words))
    body = paragraphs(vocab[start_word:start_word + args.words], rng)
    other = paragraphs(rng.sample(vocab, args.words), rng)

    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(pathlib.Path(tmp) / "bench.byline")
        t0 = time.perf_counter()
        aid = lib.create_article(Article(title="Long interview", body=body), author="Sam").id
        with lib.transaction():
            for n in range(args.revisions - 1):
                body = edit(body, vocab, rng)
                lib.update_article(aid, body=body, who="Sam",
                                   revision_reason="autosave" if n % 10 else "close")
        setup = time.perf_counter() - t0
        log = lib.revision_log(aid)
        first, last = log[-1].id, log[0].id
        previous = log[1].id
        unrelated = lib.create_article(Article(title="Other", body=other)).id
        other_rev = lib.revision_log(unrelated)[0].id

        rows = [
            ("open history: revision_log (core)", lambda: lib.revision_log(aid)),
            ("diff: last autosave vs the one before", lambda: compute_diff(lib, previous, last,
                                                                         context=300)),
            (f"diff: first vs last ({args.revisions - 1} edits apart)",
             lambda: compute_diff(lib, first, last, context=300)),
            ("diff: first vs last, whole text shown",
             lambda: compute_diff(lib, first, last, context=None)),
            ("diff: two unrelated texts (worst case)",
             lambda: compute_diff(lib, first, other_rev, context=300)),
        ]
        try:
            from PySide6.QtWidgets import QApplication

            from editor_app.ui.review.history_dialog import HistoryDialog

            app = QApplication.instance() or QApplication([])

            def open_dialog():
                dialog = HistoryDialog(lib, aid)
                app.processEvents()
                dialog.deleteLater()

            rows.insert(1, ("open history: HistoryDialog shown (GUI)", open_dialog))
        except ImportError:
            pass

        words = len(lib.revision_text(last)[1].split())
        print(f"history benchmark: {len(log)} revisions of a {words:,}-word article "
              f"(setup {setup:.1f} s); budget {BUDGET_MS:.0f} ms each\n")
        print(f"{'what':<48} {'median':>10} {'max':>10}  verdict")
        print("-" * 80)
        failed = False
        for name, fn in rows:
            median, worst = timed(fn, args.repeat)
            ok = median < BUDGET_MS
            failed |= not ok
            print(f"{name:<48} {median:>7.1f} ms {worst:>7.1f} ms  {'ok' if ok else 'OVER BUDGET'}")
        lib.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
