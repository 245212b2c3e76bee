"""Spell-check budgets (DESIGN.md): load time, full pass, suggestions, accuracy, false flags.

Run: .venv/bin/python benchmarks/spelling.py [--compare]

Needs ../shared/data (Wikinews articles, Norvig's misspelling sets). ``--compare`` also
times pyspellchecker's own ``correction()`` on the Norvig words (slow: about a minute);
without it the README's figure for it (0.734) is quoted.
"""

from __future__ import annotations

import argparse
import ast
import json
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor_app.core.spelling import REPEAT, SpellChecker, load_language  # noqa: E402
from editor_app.core.spelling.languages import SHIPPED_LANGUAGES, read_dictionary_file  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
PYSPELLCHECKER_TOP1 = 0.734  # measured by the data set's README: 492 of 670


def norvig_pairs(name: str) -> list[tuple[str, str]]:
    text = (DATA / "spelling" / name).read_text(encoding="utf-8")
    table = ast.literal_eval(text[text.index("{"):])
    return [(right, wrong) for right, wrongs in table.items() for wrong in wrongs.split()]


def wikinews() -> list[dict]:
    path = DATA / "wikinews" / "wikinews_2019_2020.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--compare", action="store_true", help="also run pyspellchecker correction()")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} not found: the benchmark needs the shared data", file=sys.stderr)
        return 1
    rows: list[tuple[str, str, str]] = []

    # 1. dictionary load per language (cold: read + decompress + parse)
    for code in SHIPPED_LANGUAGES:
        start = time.perf_counter()
        data = read_dictionary_file(code)
        rows.append((f"load dictionary {code} ({len(data.frequencies):,} words)",
                     ms(time.perf_counter() - start), "worker, once per process"))
        del data
    english = load_language("en")
    start = time.perf_counter()
    english.suggester.build_index()
    rows.append(("build suggestion index en", ms(time.perf_counter() - start), "worker, lazily"))

    # 2. full pass over 50,000 words of Wikinews prose
    articles = wikinews()
    words = "\n\n".join(a["text"] for a in articles).split(" ")
    text = " ".join(words[:50000])
    count = len(text.split())
    checker = SpellChecker("en")
    cold, warm = [], []
    for _ in range(5):
        checker._known_cache = {}  # as if the article was opened for the first time
        start = time.perf_counter()
        checker.check(text)
        cold.append(time.perf_counter() - start)
        start = time.perf_counter()
        checker.check(text)
        warm.append(time.perf_counter() - start)
    rows.append((f"full pass {count:,} words, first (median of 5)", ms(statistics.median(cold)),
                 f"budget 150 ms; best {ms(min(cold))}"))
    rows.append((f"full pass {count:,} words, again (median of 5)", ms(statistics.median(warm)),
                 f"word cache warm; best {ms(min(warm))}"))
    names = checker.document_names(text)
    middle = text.find("\n\n", len(text) // 2) + 2
    times = []
    for _ in range(20):
        start = time.perf_counter()
        checker.check_range(text, middle, middle + 1, names=names)
        times.append(time.perf_counter() - start)
    rows.append(("re-check one edited paragraph of it (median)", ms(statistics.median(times)), "check_range"))

    # 3. suggestions: time and top-1 accuracy on Norvig's sets
    set1, set2 = norvig_pairs("norvig_spell-testset1.py.txt"), norvig_pairs("norvig_spell-testset2.py.txt")
    suggester = english.suggester
    timings, right = [], {}
    for name, pairs in (("set 1", set1), ("set 2", set2)):
        good = 0
        for correct, wrong in pairs:
            start = time.perf_counter()
            got = suggester.suggest(wrong, 5)
            timings.append(time.perf_counter() - start)
            good += bool(got) and got[0] == correct
        right[name] = (good, len(pairs))
    timings.sort()
    rows.append((f"suggestions median ({len(timings)} Norvig words)", ms(statistics.median(timings)), ""))
    rows.append(("suggestions p95", ms(timings[int(0.95 * len(timings))]), "budget 50 ms"))
    rows.append(("suggestions max", ms(timings[-1]), ""))
    total_good = sum(g for g, _ in right.values())
    total = sum(n for _, n in right.values())
    for name, (good, n) in right.items():
        rows.append((f"top-1 accuracy Norvig {name}", f"{good / n:.3f} ({good}/{n})",
                     "set 1 tuned the costs" if name == "set 1" else "held out"))
    rows.append(("top-1 accuracy Norvig both", f"{total_good / total:.3f} ({total_good}/{total})",
                 f"pyspellchecker correction(): {PYSPELLCHECKER_TOP1}"))
    if args.compare:
        from spellchecker import SpellChecker as PySpellChecker

        reference = PySpellChecker()
        good, times = 0, []
        for correct, wrong in set1 + set2:
            start = time.perf_counter()
            good += reference.correction(wrong) == correct
            times.append(time.perf_counter() - start)
        times.sort()
        rows.append(("pyspellchecker correction() top-1", f"{good / len(times):.3f}", "measured"))
        rows.append(("pyspellchecker correction() p95", ms(times[int(0.95 * len(times))]), "measured"))

    # 4. false flags per 1,000 words on Wikinews (each flag is a correct word: the
    #    articles are edited; the few real typos in them are counted as flags too)
    word_total = sum(len(a["text"].split()) for a in articles)
    for infer in (False, True):
        checker = SpellChecker("en", infer_names=infer)
        spelling = repeats = 0
        for article in articles:
            checker.set_title(article["title"])
            for issue in checker.check(article["text"]):
                if issue.kind == REPEAT:
                    repeats += 1
                else:
                    spelling += 1
        label = "with names rule" if infer else "without names rule"
        rows.append((f"Wikinews flags /1,000 words, {label}",
                     f"{spelling * 1000 / word_total:.1f}",
                     f"{spelling:,} in {word_total:,} words; +{repeats} repeats"))

    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>{value_width}}  note")
    print(f"{'-' * width}  {'-' * value_width}  ----")
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>{value_width}}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
