"""Build a big synthetic library quickly, for benchmarks (shared by several of them).

    python benchmarks/make_library.py OUT --articles 100000 [--seed 0]

or from another benchmark::

    from make_library import build_library, cached_library
    lib = cached_library(100_000)          # built once under benchmarks/out/, then reused

What the articles look like, and why:
- ~600 words each, drawn from a Zipf-distributed vocabulary of 60,000 made-up
  words plus real English function words at the top ranks, so the FTS index
  has the long tail of a real newsroom (most words rare, a few everywhere);
- each article belongs to one of 800 topics; a topic has 25 words of its own,
  and about 12% of an article's words come from them (this is what related
  news and tag suggestions have to find);
- tags: the topic's tag on 90% of its articles, a section tag (of 30), and the
  tag "news" on ~80% of the library (the too-common tag that must not
  dominate); dates over ten years; ~1% spiked. The topic number is kept in
  the article's front-matter extras ({"topic": n}): a labelled set for
  benchmarks/related_quality.py.
Rows go in with executemany in one transaction (the FTS triggers index them);
revisions are not written unless asked, the benchmarks do not read them.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as _dt
import itertools
import pathlib
import random
import sys
import time
import uuid

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from editor_app.core.library import Library  # noqa: E402

OUT_DIR = pathlib.Path(__file__).resolve().parent / "out"
VOCABULARY = 60_000
TOPICS = 800
TOPIC_WORDS = 25
TOPIC_SHARE = 0.12
SECTIONS = 30
COMMON_TAG = "news"
COMMON_TAG_SHARE = 0.8
WORDS_PER_ARTICLE = 600
FUNCTION_WORDS = ("the of and to a in that is was he for it with as his on be at by i this had "
                  "not are but from or have an they which one you were her all she there would "
                  "their we him been has when who will more no if out so said what up its about "
                  "into than them can only other new some could time these two may then do first "
                  "any my now such like our over man me even most made after also did many before "
                  "must through back years where much your way well down should because each just "
                  "those people how too little state good very make world still own see men work "
                  "long get here between both life being under never day same another know while "
                  "last might us great old year off come since against go came right used take "
                  "three").split()
_SYLLABLES = ("ka lo mi ra ten sor vel an ber dun fa gri hol is jor kem lin mor nar ost pel "
              "quin ros sal tor ul vin war xen yor zal bra cle dro fen gal har ith jun kal").split()


def _made_up_words(rng: random.Random, n: int) -> list[str]:
    words, seen = [], set(FUNCTION_WORDS)
    while len(words) < n:
        w = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4))))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def _zipf_cumulative(n: int, exponent: float = 1.07) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank ** exponent) for rank in range(1, n + 1)))


class _Corpus:
    """Draws words fast: one big pre-drawn Zipf pool, articles read windows of it."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.words = FUNCTION_WORDS + _made_up_words(rng, VOCABULARY)
        cumulative = _zipf_cumulative(len(self.words))
        total = cumulative[-1]
        draws = 1_500_000
        self.pool = [self.words[bisect.bisect(cumulative, rng.random() * total)]
                     for _ in range(draws)]
        # Topic words come from the middle of the distribution: specific but not unique.
        middle = self.words[2_000:40_000]
        self.topic_words = [rng.sample(middle, TOPIC_WORDS) for _ in range(TOPICS)]
        self.topic_names = [" ".join(rng.sample(ws[:5], 2)) for ws in self.topic_words]

    def text(self, topic: int, n_words: int) -> str:
        rng = self.rng
        start = rng.randrange(0, len(self.pool) - n_words)
        words = self.pool[start:start + n_words]
        mine = self.topic_words[topic]
        for _ in range(int(n_words * TOPIC_SHARE)):
            # Earlier topic words are more typical of the topic.
            words[rng.randrange(n_words)] = mine[min(int(rng.expovariate(0.25)), TOPIC_WORDS - 1)]
        out, i = [], 0
        while i < n_words:
            step = rng.randint(8, 22)
            sentence = words[i:i + step]
            out.append(" ".join(sentence).capitalize() + ".")
            i += step
        paragraphs = [" ".join(out[j:j + 5]) for j in range(0, len(out), 5)]
        return "\n\n".join(paragraphs)

    def title(self, topic: int) -> str:
        rng = self.rng
        mine = self.topic_words[topic]
        words = [rng.choice(self.pool) for _ in range(rng.randint(3, 6))]
        words += rng.sample(mine[:8], 2)
        rng.shuffle(words)
        return " ".join(words).capitalize()


def build_library(path: str | pathlib.Path, n: int, seed: int = 0, *,
                  with_revisions: bool = False, optimize: bool = True,
                  progress: bool = False) -> Library:
    """Create a library of ``n`` synthetic articles at ``path`` (which must not exist)."""
    path = pathlib.Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists; remove it or use cached_library()")
    rng = random.Random(seed)
    corpus = _Corpus(rng)
    lib = Library.open(path)
    now = "2025-01-01T00:00:00.000Z"
    start_day = _dt.date(2015, 1, 1)
    t0 = time.perf_counter()
    with lib.transaction() as db:
        tag_names = [COMMON_TAG] + [f"section {i}" for i in range(SECTIONS)] + corpus.topic_names
        tag_ids = {}
        for name in tag_names:
            tag_ids[name] = lib.ensure_tag(name)
        batch, tags, revs = [], [], []
        for i in range(1, n + 1):
            topic = rng.randrange(TOPICS)
            title = corpus.title(topic)
            summary = corpus.text(topic, 25).replace("\n\n", " ")
            body = corpus.text(topic, WORDS_PER_ARTICLE - 25)
            date = (start_day + _dt.timedelta(days=rng.randrange(3650))).isoformat()
            status = "spiked" if rng.random() < 0.01 else rng.choice(("published", "published", "draft", "approved"))
            batch.append((i, str(uuid.UUID(int=rng.getrandbits(128))), f"article-{i}", title,
                          date, summary, body, status, f'{{"topic": {topic}}}', now, now))
            names = []
            if rng.random() < 0.9:
                names.append(corpus.topic_names[topic])
            names.append(f"section {rng.randrange(SECTIONS)}")
            if rng.random() < COMMON_TAG_SHARE:
                names.append(COMMON_TAG)
            tags += [(i, tag_ids[name], pos) for pos, name in enumerate(names)]
            if with_revisions:  # a first revision with its global id (#14)
                revs.append((i, 1, title, body, "{}", "", "create", now,
                             str(uuid.UUID(int=rng.getrandbits(128)))))
            if len(batch) >= 2000:
                _flush(db, batch, tags, revs)
                if progress:
                    print(f"  {i:>7} articles  {time.perf_counter() - t0:6.1f} s", file=sys.stderr)
        _flush(db, batch, tags, revs)
    if optimize:
        # One merged FTS segment, as a long-lived library reaches with automerge.
        with lib.transaction() as db:
            db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    lib.db.execute("ANALYZE")
    return lib


def _flush(db, batch, tags, revs) -> None:
    db.conn.executemany(
        "INSERT INTO articles (id, uuid, slug, title, date, summary, body, status, extra, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
    db.conn.executemany("INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)", tags)
    if revs:
        db.conn.executemany(
            "INSERT INTO revisions (article_id, number, title, body, metadata, author, reason, "
            "created_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", revs)
        # Each first revision is its article's working head, in the order of arrival (#14).
        uids = [r[8] for r in revs]
        db.conn.executemany(
            "INSERT INTO article_heads (article_id, revision_id) SELECT article_id, id FROM "
            "revisions WHERE uid = ?", [(u,) for u in uids])
        db.conn.executemany(
            "INSERT INTO revision_sequence (revision_id) SELECT id FROM revisions WHERE uid = ?",
            [(u,) for u in uids])
    batch.clear()
    tags.clear()
    revs.clear()


def cached_library(n: int, seed: int = 0, *, progress: bool = True) -> Library:
    """The library of ``n`` articles under benchmarks/out/, built on first use only."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / f"library-{n}-seed{seed}.byline"
    if not path.exists():
        part = path.with_name(path.name + ".part")
        for leftover in (part, part.with_name(part.name + "-wal"), part.with_name(part.name + "-shm")):
            leftover.unlink(missing_ok=True)
        t0 = time.perf_counter()
        build_library(part, n, seed, progress=progress).close()
        part.replace(path)
        if progress:
            print(f"built {path} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return Library.open(path, create=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="library file to create (must not exist)")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--revisions", action="store_true", help="also write a first revision each")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    lib = build_library(args.out, args.articles, args.seed, with_revisions=args.revisions,
                        progress=True)
    count = lib.count_articles()
    lib.close()
    print(f"{count} articles in {args.out}: {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
