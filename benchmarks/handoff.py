"""Hand-off budgets (issue #14): send/receive of a long interview, a big receive, a big merge.

    python benchmarks/handoff.py [--repeat 5] [--skip-big] [--big-articles 1000]

Prints one table (best of ``--repeat`` runs; medians beside them):

- send, and receive into an empty library, of one 10,000-word interview with
  500 revisions and 200 comments: each under 1 s;
- receive of that interview's next hand-off (``--since``) into a library that
  edited it too: the everyday case, a merge;
- receive of a 1,000-article hand-off (500 new articles, 500 the receiver has
  and edited on both sides, with comments and moves) into a 100,000-article
  library, by ``byline receive`` in its own process: under 60 s and under
  500 MB peak memory (the process's maximum resident set);
- merge of two 50,000-word versions with 100 edits on each side: under 500 ms
  (pure core: the GUI runs it on a worker).

Words come from ../shared/data (Wikinews) when present, otherwise from a
synthetic vocabulary. The 100,000-article library is built once under
benchmarks/out/ (make_library.py) and copied for each run.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from editor_app.core.library import Library  # noqa: E402
from editor_app.core.models import Article, Role, Status  # noqa: E402
from editor_app.core.sync.engine import receive, send  # noqa: E402
from editor_app.core.sync.merge import Snapshot, merge_snapshots  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2019_2020.jsonl"


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


def interview_body(words: list[str], rng: random.Random) -> str:
    """Questions and answers of 40-120 words, as an interview reads."""
    out, i, question = [], 0, True
    while i < len(words):
        n = rng.randint(8, 20) if question else rng.randint(40, 120)
        text = " ".join(words[i:i + n])
        out.append(("Q: " if question else "A: ") + text)
        question = not question
        i += n
    return "\n\n".join(out) + "\n"


def edit(body: str, vocab: list[str], rng: random.Random) -> str:
    """One small edit at a random place: a changed word, an inserted or a deleted sentence.

    Insertions and deletions are about as long, so the text keeps its length.
    """
    at = body.rfind(" ", 0, rng.randrange(len(body))) + 1
    end = body.find(" ", at)
    end = len(body) if end < 0 else end
    kind = rng.random()
    if kind < 0.4:
        return body[:at] + rng.choice(vocab) + body[end:]
    if kind < 0.7:
        sentence = " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 15)))
        return body[:at] + sentence + ". " + body[at:]
    for _ in range(rng.randint(5, 15)):
        nxt = body.find(" ", end + 1)
        if nxt < 0 or "\n" in body[end:nxt]:
            break
        end = nxt
    return body[:at] + body[end + 1:]


def timed(fn, repeat: int) -> tuple[float, float]:
    """(best, median) in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return min(samples), statistics.median(samples)


# -- one long interview ---------------------------------------------------------------
def build_interview(path: pathlib.Path, vocab, rng, *, words: int, revisions: int,
                    comments: int) -> int:
    lib = Library.open(path)
    start = rng.randrange(max(1, len(vocab) - words))
    body = interview_body(vocab[start:start + words], rng)
    aid = lib.create_article(Article(title="A long interview", kind="interview", body=body,
                                     summary="Standfirst.", tags=["media"]), author="Rasa").id
    with lib.transaction():
        for n in range(revisions - 1):
            body = edit(body, vocab, rng)
            lib.update_article(aid, body=body, who="Rasa",
                               revision_reason="autosave" if n % 10 else "close")
        for n in range(comments):
            at = rng.randrange(len(body) - 40)
            at = body.rfind(" ", 0, at) + 1
            quote = body[at:at + 30]
            lib.add_comment(aid, text=f"Comment {n}: check this.", author="Tomas", quote=quote,
                            start=at, end=at + len(quote))
    lib.close()
    return aid


def bench_interview(tmp: pathlib.Path, vocab, rng, repeat: int) -> list[tuple]:
    source = tmp / "rasa.byline"
    t0 = time.perf_counter()
    aid = build_interview(source, vocab, rng, words=10_000, revisions=500, comments=200)
    setup = time.perf_counter() - t0
    with Library.open(source) as lib:
        body = lib.get_article(aid).body
        n_words, n_revs, n_comments = (len(body.split()), len(lib.revisions(aid)),
                                       len(lib.comments(aid)))
    handoff = tmp / "interview.byline"

    def do_send():
        with Library.open(source) as lib:
            send(lib, [aid], handoff)

    def do_receive():
        target = tmp / "empty.byline"
        for leftover in tmp.glob("empty.byline*"):
            leftover.unlink()
        with Library.open(target) as lib:
            summary = receive(lib, handoff)
            assert len(summary.arrived) == 1

    send_best, send_median = timed(do_send, repeat)
    receive_best, receive_median = timed(do_receive, repeat)
    size = handoff.stat().st_size
    # The everyday case: Tomas has the interview, both edited it, Rasa sends what is new.
    tomas = tmp / "tomas.byline"
    shutil.copyfile(tmp / "empty.byline", tomas)
    with Library.open(tomas) as lib:
        tid = lib.article_id_by_uuid(Library.open(source).get_article(aid).uuid)
        text = lib.get_article(tid).body
        lib.update_article(tid, body=text.replace("Q: ", "Q: (ed.) ", 1), revision_reason="edit")
    with Library.open(source) as lib:
        text = lib.get_article(aid).body
        for _ in range(20):
            text = edit(text, vocab, rng)
        lib.update_article(aid, body=text, revision_reason="edit")
        send(lib, [aid], tmp / "delta.byline", since=handoff)
    delta_size = (tmp / "delta.byline").stat().st_size

    def do_merge_receive():
        copy = tmp / "tomas-copy.byline"
        for leftover in tmp.glob("tomas-copy.byline*"):
            leftover.unlink()
        shutil.copyfile(tomas, copy)
        with Library.open(copy) as lib:
            summary = receive(lib, tmp / "delta.byline")
            assert summary.merged, summary.lines()

    merge_best, merge_median = timed(do_merge_receive, repeat)
    what = f"{n_words:,}-word interview, {n_revs} revisions, {n_comments} comments"
    return [
        (f"send: {what} ({size / 1024:,.0f} KB file)", 1000, send_best, send_median),
        ("receive it into an empty library", 1000, receive_best, receive_median),
        (f"receive its next hand-off (--since, {delta_size / 1024:,.0f} KB) into a library "
         "that edited it: a merge", 1000, merge_best, merge_median),
    ], setup


# -- a 1,000-article hand-off into a 100,000-article library --------------------------------
def bench_big_receive(tmp: pathlib.Path, vocab, rng, articles: int, repeat: int) -> list[tuple]:
    from make_library import cached_library

    with cached_library(100_000) as big:
        big.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        big_path = big.path
    receiver = tmp / "desk.byline"
    shutil.copyfile(big_path, receiver)
    half = articles // 2
    with Library.open(receiver) as lib:
        total = lib.count_articles()
        shared = [s.id for s in lib.list_articles(order="date", limit=half)]
        with lib.transaction():  # the shared articles get their first revision before the copy
            for aid in shared:
                lib.ensure_genesis(aid)
                lib.save_revision(aid, reason="benchmark: shared history")
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    sender_path = tmp / "field.byline"
    shutil.copyfile(receiver, sender_path)
    with Library.open(sender_path) as lib:
        with lib.transaction():
            for n, aid in enumerate(shared):
                art = lib.get_article(aid)
                paragraphs = art.body.split("\n\n")
                paragraphs[-1] += " Updated from the field."
                lib.update_article(aid, body="\n\n".join(paragraphs), revision_reason="edit")
                quote = art.title[:20]
                lib.add_comment(aid, text="Check the figures", author="Rasa", quote=quote,
                                start=0, end=len(quote))
                if n % 4 == 0 and art.status.value == "draft":
                    lib.set_status(aid, Status.SUBMITTED, role=Role.REPORTER, who="Rasa")
            new = []
            for n in range(articles - half):
                start = rng.randrange(len(vocab) - 700)
                new.append(lib.create_article(Article(
                    title=f"Field report {n}", body=interview_body(vocab[start:start + 600], rng),
                    summary="Standfirst.", tags=["field"], kind="interview")).id)
        send(lib, shared + new, tmp / "big.byline")
    with Library.open(receiver) as lib:
        with lib.transaction():  # the desk edited some shared ones meanwhile
            for aid in shared[::4]:  # another paragraph: these merge
                art = lib.get_article(aid)
                lib.update_article(aid, body=art.body.replace(" ", "  ", 1).strip() + "\n",
                                   revision_reason="desk edit")
            for aid in shared[1::10]:  # the same last paragraph: these conflict
                art = lib.get_article(aid)
                lib.update_article(aid, body=art.body.rstrip("\n") + " Edited at the desk.\n",
                                   revision_reason="desk edit")
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = (tmp / "big.byline").stat().st_size
    times, peaks = [], []
    summary = {}
    for _ in range(repeat):
        target = tmp / "desk-run.byline"
        for leftover in tmp.glob("desk-run.byline*"):
            leftover.unlink()
        shutil.copyfile(receiver, target)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "editor_app", "--json", "--library", str(target), "receive",
             str(tmp / "big.byline")], capture_output=True, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        times.append((time.perf_counter() - start) * 1000)
        if done.returncode != 0:
            raise SystemExit(f"receive failed: {done.stderr}")
        summary = json.loads(done.stdout)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peaks.append(max(peak, before) / 1024)  # KiB -> MiB (Linux)
        target.unlink()
    counts = {k: len(summary[k]) for k in ("arrived", "updated", "merged", "conflicts")}
    label = (f"receive {articles:,} articles ({size / 1024 / 1024:.1f} MB file: "
             f"{counts['arrived']} new, {counts['merged']} merged, {counts['updated']} updated, "
             f"{counts['conflicts']} in conflict) into {total:,} articles, byline receive")
    return [(label, 60_000, min(times), statistics.median(times)),
            ("  peak memory of that process (MB)", 500, min(peaks), statistics.median(peaks))]


# -- a big merge --------------------------------------------------------------------------
def bench_merge(vocab, rng, repeat: int) -> list[tuple]:
    start = rng.randrange(max(1, len(vocab) - 50_000))
    words = (vocab * 2)[start:start + 50_000]
    base = interview_body(words, rng)
    paragraphs = base.split("\n\n")

    def edited() -> str:  # 100 edits anywhere: some land where the other side edited too
        out = list(paragraphs)
        for k in rng.choices(range(len(paragraphs)), k=100):
            out[k] = edit(out[k], vocab, rng)
        return "\n\n".join(out)

    mine, theirs = edited(), edited()
    fields = {"kind": "interview"}
    snaps = [Snapshot("Title", text, fields, {}, ("media",)) for text in (base, mine, theirs)]
    passages = len(merge_snapshots(*snaps).body.passages)
    best, median = timed(lambda: merge_snapshots(*snaps), repeat)
    n_words = len(mine.split())
    return [(f"merge two {n_words:,}-word versions, 100 edits each side ({len(paragraphs):,} "
             f"paragraphs; {passages} edited on both sides conflict)", 500, best, median)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--big-articles", type=int, default=1000)
    parser.add_argument("--big-repeat", type=int, default=2)
    parser.add_argument("--skip-big", action="store_true",
                        help="leave out the 100,000-article receive (it builds a 700 MB library once)")
    args = parser.parse_args()
    rng = random.Random(14)
    vocab = vocabulary()
    rows: list[tuple] = []
    with tempfile.TemporaryDirectory(dir=ROOT / "benchmarks") as folder:
        tmp = pathlib.Path(folder)
        interview_rows, setup = bench_interview(tmp, vocab, rng, args.repeat)
        rows += interview_rows
        rows += bench_merge(vocab, rng, args.repeat)
        if not args.skip_big:
            rows += bench_big_receive(tmp, vocab, rng, args.big_articles, args.big_repeat)
    print(f"Hand-off benchmark (best of {args.repeat}; the 100,000-article receive best of "
          f"{args.big_repeat}); interview built in {setup:.1f} s")
    print()
    print("| what | budget | best | median | within |")
    print("|---|---|---|---|---|")
    for label, budget, best, median in rows:
        unit = "MB" if "memory" in label else "ms"
        ok = "yes" if best <= budget else "NO"
        print(f"| {label} | {budget:,} {unit} | {best:,.0f} {unit} | {median:,.0f} {unit} | {ok} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
