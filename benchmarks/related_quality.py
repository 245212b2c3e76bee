"""How good are related-news suggestions? Precision@5 on data where relatedness is known.

    python benchmarks/related_quality.py [--wikinews PATH] [--synthetic N]

Two labelled sets:

1. Wikinews 2019-2020 (../shared/data/wikinews, 295 articles, no categories in
   the data). Topics are derived from TITLE keywords by the ordered rules in
   TOPIC_RULES below (first match wins: "covid", "us election", "hong kong",
   "storms & quakes", …); about half the articles get a topic, the rest stay
   in the library as distractors. The library holds title and full text, no
   tags, so this measures the text part alone. Caveat: labels come from title
   words and titles are indexed, so the figure flatters title matching a bit.
2. Synthetic (benchmarks/make_library.py, N articles, with a faint topic
   signal: 1% of the words): the true topic of every article is known; tags include the topic tag on 90% of articles, a
   section tag and "news" on 80%. Measures tags + text, and shows what the
   rarity weighting of tags is worth.

Precision@5 = share of the top 5 suggestions (include_newer=True: topic, not
chronology) that carry the query article's topic, averaged over labelled
articles with at least 5 same-topic partners. "chance" is what random
picks would score. Each row is a variant of the scoring; the first is the
shipped one.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import pathlib
import random
import re
import statistics
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from editor_app.core.library import Library, similarity  # noqa: E402
from editor_app.core.models import Article  # noqa: E402
from editor_app.core.related import scoring, terms  # noqa: E402

WIKINEWS = HERE.parent.parent / "shared" / "data" / "wikinews" / "wikinews_2019_2020.jsonl"
SYNTHETIC_TOPIC_SHARE = 0.01
TOPIC_RULES = [  # (topic, title regex); order matters
    ("covid", r"covid|coronavirus|sars-cov|pandemic|measles|ebola"),
    ("us election", r"presidential|campaign trail|primar(y|ies)|caucus|biden|sanders|running mate|"
                    r"president-elect|by-election|nominee|candidate"),
    ("impeachment", r"impeach"),
    ("uk politics", r"brexit|parliament|prorogation|boris johnson|conservative"),
    ("hong kong", r"hong kong"),
    ("storms & quakes", r"hurricane|tropical (storm|depression)|typhoon|earthquake|quake|eruption"),
    ("shootings & stabbings", r"\bshot\b|shoot|gunman|stabb|knife"),
    ("fires", r"\bfires?\b|blaze"),
    ("crashes", r"crash|pileup|overturns|collision"),
    ("space & astronomy", r"spacex|space station|astronom|exoplanet|martian|black hole|cosmonaut"),
    ("puerto rico", r"puerto rico"),
    ("rugby", r"rugby"),
    ("fan conventions", r"comicon|fan expo|anime north|furnal|maker faire|haunters"),
    ("abortion", r"abortion"),
    ("obituaries", r"\bdies\b|\bdeath of\b"),
    ("science studies", r"scientists|stud(y|ies)|researchers"),
]


def wikinews_topic(title: str) -> str | None:
    lower = title.lower()
    for topic, pattern in TOPIC_RULES:
        if re.search(pattern, lower):
            return topic
    return None


def load_wikinews(path: pathlib.Path, lib: Library) -> dict[int, str | None]:
    labels = {}
    with lib.transaction():
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            art = lib.create_article(Article(title=row["title"][:300], body=row["text"],
                                             date=row["date"], slug=f"wn-{i}"))
            labels[art.id] = wikinews_topic(row["title"])
    return labels


def synthetic(n: int, folder: pathlib.Path) -> tuple[Library, dict[int, str]]:
    import make_library

    # A faint topic signal in the text (1% of the words instead of 12%), so that
    # text alone does not already find everything and the tags have to help.
    with patched(make_library, "TOPIC_SHARE", SYNTHETIC_TOPIC_SHARE):
        lib = make_library.build_library(folder / "synthetic.byline", n, seed=3, optimize=False)
    labels = {r[0]: str(json.loads(r[1])["topic"])
              for r in lib.db.execute("SELECT id, extra FROM articles WHERE status != 'spiked'")}
    return lib, labels


def precision_at_5(lib: Library, labels: dict[int, str | None], *, include_newer=True,
                   sample: int | None = None) -> tuple[float, float, int, float]:
    """(precision@5, chance, queries, ms per query)."""
    by_topic: dict[str, list[int]] = {}
    for aid, topic in labels.items():
        if topic:
            by_topic.setdefault(topic, []).append(aid)
    queries = [a for a, t in labels.items() if t and len(by_topic[t]) > 5]
    if sample and len(queries) > sample:
        queries = random.Random(0).sample(queries, sample)
    precisions, chance = [], []
    t0 = time.perf_counter()
    for aid in queries:
        found = scoring.suggest_related(lib, aid, limit=5, include_newer=include_newer)
        hits = sum(1 for s in found if labels.get(s.id) == labels[aid])
        precisions.append(hits / 5)
        chance.append((len(by_topic[labels[aid]]) - 1) / (len(labels) - 1))
    ms = (time.perf_counter() - t0) * 1000 / max(len(queries), 1)
    return statistics.mean(precisions), statistics.mean(chance), len(queries), ms


@contextlib.contextmanager
def patched(obj, name, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def with_terms(n):
    return patched(scoring, "characteristic_terms",
                   functools.partial(terms.characteristic_terms, limit=n))


TEXT_VARIANTS = [
    ("shipped: 16 terms, title x3, bm25 3/2/1, stop words", contextlib.nullcontext),
    ("6 terms", lambda: with_terms(6)),
    ("12 terms", lambda: with_terms(12)),
    ("20 terms", lambda: with_terms(20)),
    ("40 terms", lambda: with_terms(40)),
    ("no title/summary boost in term choice", lambda: patched(terms, "FIELD_BOOST", (1.0, 1.0, 1.0))),
    ("bm25 columns 1/1/1", lambda: patched(similarity, "SIMILARITY_WEIGHTS", (1.0, 1.0, 1.0))),
    ("bm25 columns 10/4/1", lambda: patched(similarity, "SIMILARITY_WEIGHTS", (10.0, 4.0, 1.0))),
    ("no stop word list", lambda: patched(terms, "_stop_stems", frozenset({"__none__"}))),
]
TAG_VARIANTS = [
    ("shipped: rarity-weighted tags + text", contextlib.nullcontext),
    ("text only (tag part off)", lambda: patched(scoring, "TAG_WEIGHT", 0.0)),
    ("every tag weighs 1 (no rarity, no 50% cut-off)",
     lambda: patched(scoring, "tag_weight", lambda count, size: 1.0 if count else 0.0)),
    ("tags weigh 0.8 of the score", lambda: patched(scoring, "TAG_WEIGHT", 0.8)),
]


def report(title: str, lib: Library, labels, variants, *, sample=None) -> None:
    print(f"\n{title}")
    print(f"{'variant':<52}{'P@5':>7}{'chance':>8}{'queries':>9}{'ms/q':>7}")
    for name, make in variants:
        with make():
            p, chance, n, ms = precision_at_5(lib, labels, sample=sample)
        print(f"{name:<52}{p:>7.3f}{chance:>8.3f}{n:>9}{ms:>7.1f}")
    p, chance, n, _ = precision_at_5(lib, labels, include_newer=False, sample=sample)
    print(f"{'shipped, default (older articles only)':<52}{p:>7.3f}{chance:>8.3f}{n:>9}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="precision@5 of related-news suggestions")
    parser.add_argument("--wikinews", type=pathlib.Path, default=WIKINEWS)
    parser.add_argument("--synthetic", type=int, default=3000, help="0 to skip")
    parser.add_argument("--sample", type=int, default=400, help="queries per synthetic variant")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        if args.wikinews.exists():
            lib = Library.open(folder / "wikinews.byline")
            labels = load_wikinews(args.wikinews, lib)
            counts = {}
            for t in labels.values():
                counts[t] = counts.get(t, 0) + 1
            labelled = sum(v for k, v in counts.items() if k)
            print(f"Wikinews: {len(labels)} articles, {labelled} with a title-derived topic "
                  f"({len(counts) - 1} topics)")
            report("Wikinews (text only; topics from title keywords)", lib, labels, TEXT_VARIANTS)
            lib.close()
        else:
            print(f"{args.wikinews} not found: Wikinews evaluation skipped")
        if args.synthetic:
            lib, labels = synthetic(args.synthetic, folder)
            report(f"Synthetic, {args.synthetic} articles, 800 topics (tags + text)", lib, labels,
                   TAG_VARIANTS, sample=args.sample)
            lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
