"""How well do related-news suggestions agree with people? Judged sets, held-out part, ablation.

    python benchmarks/related_quality.py [--wikinews PATH] [--lee DIR] [--part tuned|held-out|both]
                                         [--variants all|shipped|feedback] [--synthetic N]

1. Wikinews 2019-2020 (../shared/data/wikinews), judged by hand: every article
   carries a label topic/story/episode in benchmarks/related_judged.tsv (read
   from the headline and the text). Two articles' grade is the number of leading
   parts their labels share: 3 same episode of a story ("Puerto Rico governor
   resigns" / "new governor sworn in"), 2 same story (Hurricane Dorian /
   Hurricane Humberto), 1 same broad topic, 0 unrelated. Stories are split by a
   hash of their name into a TUNED part (~60%) and a HELD-OUT part (~40%):
   every weight in the code was chosen on the tuned part; the held-out figures
   are reported, never used for choosing. The library holds all 295 articles
   (title and text, no tags); queries come from one part.
2. Lee, Pincombe & Welsh (2005), if found (--lee DIR with lee.cor,
   similarities0-1.txt and optionally lee_background.cor; gensim ships them in
   gensim/test/test_data). 50 short news documents with averaged human
   similarity ratings of every pair. Not committed (the texts carry no
   licence that allows it) and never tuned on. The library is the 50 documents
   (then the shipped background model fills in), or the 50 plus the 300
   background documents.

Measures, per query article (include_newer=True: relatedness, not chronology):
- top-5 agreement: share of the judges' top 5 that are in our top 5 (on the
  judged set, ties at the fifth grade all count as the judges' top 5);
- Pearson correlation of our scores with the judges' grades/ratings over all
  pairs (an article we do not suggest scores 0), and the mean Spearman rank
  correlation per query article.
Each row is a variant: the shipped scoring, then each signal removed, the topic
space's term weighting and size as they were before (idf, 128 dimensions) or
smaller, each signal alone, and the scoring before #16 (tags + bm25, no lead
weighting); the neighbourhood's rows (without it, one round, 10 neighbours) come
right after the shipped one, and ``--variants feedback`` runs only those.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import pathlib
import statistics
import sys
import tempfile
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the byline command runs (cli.main)
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import numpy as np  # noqa: E402

from editor_app.core.library import Library  # noqa: E402
from editor_app.core.models import Article  # noqa: E402
from editor_app.core.related import analysis, scoring, space, terms, topics  # noqa: E402

WIKINEWS = HERE.parent.parent / "shared" / "data" / "wikinews" / "wikinews_2019_2020.jsonl"
JUDGED = HERE / "related_judged.tsv"
LEE = HERE / "out" / "lee"
HELD_OUT_SHARE = 0.4


# -- the judged set ---------------------------------------------------------
def read_judged(path: pathlib.Path = JUDGED) -> dict[str, str]:
    """url -> label ('-' for an article related to no other)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("url\t"):
            continue
        url, label = line.split("\t")
        out[url] = label
    return out


def grade(a: str, b: str) -> int:
    if a == "-" or b == "-":
        return 0
    n = 0
    for x, y in zip(a.split("/"), b.split("/"), strict=True):
        if x != y:
            break
        n += 1
    return n


def part_of(label: str) -> str:
    """tuned or held-out, by a hash of the story (topic/story): a story is never split."""
    story = "/".join(label.split("/")[:2])
    digest = int(hashlib.sha256(story.encode()).hexdigest()[:8], 16)
    return "held-out" if digest % 100 < HELD_OUT_SHARE * 100 else "tuned"


def load_wikinews(path: pathlib.Path, lib: Library) -> dict[int, str]:
    judged = read_judged()
    labels = {}
    with lib.transaction():
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            art = lib.create_article(Article(title=row["title"][:300], body=row["text"],
                                             date=row["date"], slug=f"wn-{i}"))
            labels[art.id] = judged.get(row["url"], "-")
    return labels


# -- measures ---------------------------------------------------------------
def _ranks(values: np.ndarray) -> np.ndarray:
    order = np.argsort(values, kind="stable")
    ranks = np.empty(len(values), np.float64)
    sorted_vals = values[order]
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and sorted_vals[j + 1] == sorted_vals[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2
        i = j + 1
    return ranks


def pearson(x, y) -> float:
    x, y = np.asarray(x, float), np.asarray(y, float)
    if x.std() == 0 or y.std() == 0:
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])


def spearman(x, y) -> float:
    return pearson(_ranks(np.asarray(x, float)), _ranks(np.asarray(y, float)))


def all_scores(lib: Library, qid: int, n: int) -> dict[int, float]:
    return {s.id: s.score for s in scoring.suggest_related(lib, qid, limit=n, include_newer=True)}


def evaluate_judged(lib: Library, labels: dict[int, str], part: str) -> dict:
    ids = list(labels)
    queries = [a for a in ids if labels[a] != "-" and part_of(labels[a]) == part
               and any(grade(labels[a], labels[b]) > 0 for b in ids if b != a)]
    agreements, spearmans, xs, ys = [], [], [], []
    t0 = time.perf_counter()
    for qid in queries:
        scores = all_scores(lib, qid, len(ids))
        others = [b for b in ids if b != qid]
        grades = np.array([grade(labels[qid], labels[b]) for b in others])
        ours = np.array([scores.get(b, 0.0) for b in others])
        fifth = np.sort(grades)[::-1][min(4, len(grades) - 1)]
        judges = {others[i] for i in np.flatnonzero(grades >= max(fifth, 1))}
        top5 = [others[i] for i in np.argsort(-ours, kind="stable")[:5] if ours[i] > 0]
        agreements.append(len(judges & set(top5)) / min(5, len(judges)))
        spearmans.append(spearman(ours, grades))
        xs.extend(ours)
        ys.extend(grades)
    ms = (time.perf_counter() - t0) * 1000 / max(len(queries), 1)
    return {"top5": statistics.mean(agreements), "pearson": pearson(xs, ys),
            "spearman": statistics.mean(spearmans), "queries": len(queries), "ms": ms}


def read_lee(folder: pathlib.Path):
    docs = [line.strip() for line in (folder / "lee.cor").read_text(encoding="latin-1").splitlines()
            if line.strip()]
    rows = [[float(x) for x in line.split()] for line in
            (folder / "similarities0-1.txt").read_text().splitlines() if line.strip()]
    human = np.array(rows)
    human = np.maximum(human, human.T)
    bg_path = folder / "lee_background.cor"
    background = ([line.strip() for line in bg_path.read_text(encoding="latin-1").splitlines()
                   if line.strip()] if bg_path.exists() else [])
    return docs, human, background


def load_lee(lib: Library, docs: list[str], background: list[str]) -> list[int]:
    ids = []
    with lib.transaction():
        for i, text in enumerate(docs):
            ids.append(lib.create_article(Article(title=f"Lee {i + 1}", body=text, slug=f"lee-{i}")).id)
        for i, text in enumerate(background):
            lib.create_article(Article(title=f"Background {i + 1}", body=text, slug=f"bg-{i}"))
    return ids


def evaluate_lee(lib: Library, ids: list[int], human: np.ndarray) -> dict:
    n = len(ids)
    ours = np.zeros((n, n))
    pos = {a: i for i, a in enumerate(ids)}
    size = lib.count_articles()
    for i, qid in enumerate(ids):
        for other, score in all_scores(lib, qid, size).items():
            if other in pos:
                ours[i, pos[other]] = score
    sym = (ours + ours.T) / 2
    upper = np.triu_indices(n, 1)
    agree, spear = [], []
    for i in range(n):
        h, s = human[i].copy(), ours[i].copy()
        h[i], s[i] = -1, -1
        agree.append(len(set(np.argsort(-h)[:5]) & set(np.argsort(-s, kind="stable")[:5])) / 5)
        mask = np.arange(n) != i
        spear.append(spearman(s[mask], h[mask]))
    return {"top5": statistics.mean(agree), "pearson": pearson(sym[upper], human[upper]),
            "spearman": statistics.mean(spear), "queries": n, "ms": 0.0}


# -- variants ---------------------------------------------------------------
@contextlib.contextmanager
def patched(*changes):
    """Set (object, attribute, value) for the duration; restore afterwards."""
    old = [(obj, name, getattr(obj, name)) for obj, name, _v in changes]
    try:
        for obj, name, value in changes:
            setattr(obj, name, value)
        yield
    finally:
        for obj, name, value in old:
            setattr(obj, name, value)


def _weights(**kw):
    return (scoring, "TEXT_SIGNAL_WEIGHTS", {**scoring.TEXT_SIGNAL_WEIGHTS, **kw})


NO_LEAD = [(analysis, "LEAD_WEIGHT", analysis.TAIL_WEIGHT), (terms, "LEAD_BOOST", 1.0)]
# (name, patches, needs a rebuilt space)
VARIANTS = [
    ("shipped: tags+bm25+topic+names, lead weighted", [], False),
    ("- neighbourhood feedback (second round)", [(scoring, "FEEDBACK_WEIGHT", 0.0)], False),
    ("one round of feedback", [(scoring, "FEEDBACK_ROUNDS", 1)], False),
    ("feedback from 10 neighbours, weight 1.5",
     [(scoring, "FEEDBACK_NEIGHBOURS", 10), (scoring, "FEEDBACK_WEIGHT", 1.5)], False),
    ("- topic space", [_weights(topic=0.0)], False),
    ("- names", [_weights(names=0.0)], False),
    ("- lead weighting", NO_LEAD, True),
    ("- background model (library alone)", [(topics, "BACKGROUND_BELOW", 0)], True),
    ("- log-entropy (idf weighting)", [(space, "WEIGHTING", "idf")], True),
    ("128 dimensions instead of 96", [(space, "DIMENSIONS", 128)], True),
    ("64 dimensions instead of 96", [(space, "DIMENSIONS", 64)], True),
    ("idf, 128 dimensions (#16's first round)",
     [(space, "WEIGHTING", "idf"), (space, "DIMENSIONS", 128)], True),
    ("topic space alone", [_weights(text=0.0, names=0.0)], False),
    ("names alone", [_weights(text=0.0, topic=0.0)], False),
    ("bm25 alone, lead weighted", [_weights(topic=0.0, names=0.0)], False),
    ("before #16: tags+bm25, no lead weighting", [_weights(topic=0.0, names=0.0), *NO_LEAD], True),
]
# Rows that only read the candidates of a round (--variants feedback).
FEEDBACK_VARIANTS = [
    VARIANTS[0], VARIANTS[1], VARIANTS[2], VARIANTS[3],
]


def run_variants(lib, evaluate, variants, header: str) -> list[tuple[str, dict]]:
    print(f"\n{header}")
    print(f"{'variant':<46}{'top-5':>7}{'Pearson':>9}{'Spearman':>10}{'queries':>9}{'ms/q':>7}")
    rows = []
    for name, changes, rebuild in variants:
        with patched(*changes):
            if rebuild:
                topics.update_space(lib, rebuild=True)
            result = evaluate(lib)
        if rebuild:
            topics.update_space(lib, rebuild=True)
        rows.append((name, result))
        print(f"{name:<46}{result['top5']:>7.3f}{result['pearson']:>9.3f}{result['spearman']:>10.3f}"
              f"{result['queries']:>9}{result['ms']:>7.1f}", flush=True)
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="agreement of related-news suggestions with people")
    parser.add_argument("--wikinews", type=pathlib.Path, default=WIKINEWS)
    parser.add_argument("--lee", type=pathlib.Path, default=LEE, help="folder with the Lee et al. files")
    parser.add_argument("--part", choices=("tuned", "held-out", "both"), default="both")
    parser.add_argument("--variants", choices=("all", "shipped", "feedback"), default="all")
    args = parser.parse_args(argv)
    variants = {"all": VARIANTS, "shipped": VARIANTS[:1], "feedback": FEEDBACK_VARIANTS}[args.variants]
    parts = ("tuned", "held-out") if args.part == "both" else (args.part,)
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        if args.wikinews.exists():
            lib = Library.open(folder / "wikinews.byline")
            labels = load_wikinews(args.wikinews, lib)
            topics.update_space(lib, rebuild=True)
            counted = {p: sum(1 for v in labels.values() if v != "-" and part_of(v) == p)
                       for p in ("tuned", "held-out")}
            print(f"Wikinews: {len(labels)} articles; judged {counted['tuned']} in the tuned part, "
                  f"{counted['held-out']} in the held-out part")
            for part in parts:
                run_variants(lib, lambda lb, p=part: evaluate_judged(lb, labels, p), variants,
                             f"Wikinews, {part} part (grades 0-3 from story labels)")
            lib.close()
        else:
            print(f"{args.wikinews} not found: the judged Wikinews set is skipped")
        if (args.lee / "lee.cor").exists() and (args.lee / "similarities0-1.txt").exists():
            docs, human, background = read_lee(args.lee)
            libraries = [("50 documents", [])]
            if background:
                libraries.append((f"50 + {len(background)} background documents", background))
            for name, extra in libraries:
                lib = Library.open(folder / f"lee-{len(extra)}.byline")
                ids = load_lee(lib, docs, extra)
                topics.update_space(lib, rebuild=True)
                run_variants(lib, lambda lb, i=ids: evaluate_lee(lb, i, human), variants,
                             f"Lee et al. 2005, library of {name} (never tuned on)")
                lib.close()
        else:
            print(f"\nLee et al. data not found in {args.lee}: that evaluation is skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
