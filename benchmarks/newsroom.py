"""Newsroom server budgets (issue #15): many laptops, one PostgreSQL; big and small syncs.

    python benchmarks/newsroom.py [--laptops 50] [--actions 200] [--rounds 10]
                                  [--articles 10000] [--repeat 3] [--skip-crowd] [--skip-big]

Starts a throw-away PostgreSQL cluster (editor_app.core.server.cluster) and prints
one table:

- **the crowd**: ``--laptops`` separate processes, each with its own SQLite library
  and its own member (reporters, editors, producers), make ``--actions`` offline
  edits, comments and moves each, in ``--rounds`` rounds, syncing concurrently after
  every round. Then every laptop syncs until quiet, one editor resolves the
  conflicts that are left, and everyone syncs again. Checked: every laptop and the
  server hold the same content (a canonical hash per article), 0 revisions or
  records lost (each laptop's ids == the server's), every conflict listed, 0 rules
  broken on the server (an audit of every kept move, revision and record against
  the member's role). Printed: throughput and p50/p95 sync times.
- **one big library**: the first sync of a ``--articles`` library to an empty server
  (``--publish-library``, by an editor): under 60 s; then an incremental sync with
  100 changed articles: under 1 s; then a sync with nothing to do: under 100 ms
  (best of ``--repeat``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import pathlib
import random
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


# -- one laptop (a process of its own) --------------------------------------------------------
def canonical(lib) -> dict[str, str]:
    """A hash per article of everything every laptop must agree on once all have synced."""
    out = {}
    for summary in lib.list_articles():
        a = lib.get_article(summary.id)
        value = {
            "title": a.title, "body": a.body, "status": a.status.value, "tags": sorted(a.tags),
            "summary": a.summary,
            "revisions": sorted(r.uid for r in lib.revisions(a.id)),
            "records": sorted(r.uid for r in lib.article_records(a.id)),
            "comments": sorted((c.uid, c.text, c.resolved) for c in lib.comments(a.id)),
            "trail": sorted((e.uid, e.refused) for e in lib.status_events(a.id)),
            "conflict": lib.in_conflict(a.id),
        }
        out[a.uuid] = hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()
    return out


class Laptop:
    def __init__(self, index: int, member: str, role: str, dsn: str, path: str, seed: int):
        from editor_app.core.identity import Identity
        from editor_app.core.library import Library

        self.index, self.member, self.role, self.dsn = index, member, role, dsn
        self.lib = Library.open(path)
        self.lib.acting_as = Identity(member, role)  # each process is one person's laptop
        self.lib.set_setting("server.laptop_name", f"laptop-{index:02d}")
        self.rng = random.Random(seed)
        self.counter = 0
        self.conflicts_seen: set[str] = set()

    def mine(self) -> list:
        return [s for s in self.lib.list_articles() if s.author == self.member]

    def act(self) -> str:
        """One offline action a person in this role would take; returns its kind."""
        from editor_app.core.errors import BylineError
        from editor_app.core.models import Article
        from editor_app.core.review.workflow import change_status
        from editor_app.core.sync.resolve import resolve_taking

        lib, rng = self.lib, self.rng
        self.counter += 1
        articles = lib.list_articles()
        try:
            if self.role == "reporter":
                mine = self.mine()
                roll = rng.random()
                if not mine or roll < 0.08:
                    lib.create_article(Article(
                        title=f"{self.member} story {self.counter}", author=self.member,
                        body="\n\n".join(f"Paragraph {p} of {self.member}'s story." for p in range(6)),
                        summary="A story.", tags=["crowd"], date="2024-05-02"))
                    return "create"
                target = rng.choice(mine)
                if roll < 0.6:
                    return self._edit(target.id)
                if roll < 0.8 and target.status in ("draft", "changes_requested"):
                    change_status(lib, target.id, "submitted")
                    return "move"
                return self._comment(rng.choice(articles).id)
            if self.role == "editor":
                in_conflict = lib.conflicted_article_ids()
                if in_conflict and rng.random() < 0.2:
                    resolve_taking(lib, rng.choice(in_conflict), "mine")
                    return "resolve"
                roll = rng.random()
                waiting = [a for a in articles if a.status in ("submitted", "in_review")]
                if waiting and roll < 0.45:
                    target = rng.choice(waiting)
                    if target.status == "submitted":
                        change_status(lib, target.id, "in_review")
                    else:
                        change_status(lib, target.id, rng.choice(("approved", "approved",
                                                                  "changes_requested")), force=True)
                    return "move"
                if roll < 0.75 and articles:
                    return self._edit(rng.choice(articles).id)
                return self._comment(rng.choice(articles).id) if articles else "none"
            # producer
            ready = [a for a in articles if a.status == "approved"]
            if ready and rng.random() < 0.5:
                change_status(lib, rng.choice(ready).id, "published", force=True)
                return "move"
            return self._comment(rng.choice(articles).id) if articles else "none"
        except BylineError:
            return "refused locally"

    def _edit(self, aid: int) -> str:
        article = self.lib.get_article(aid)
        paragraphs = article.body.split("\n\n")
        k = self.rng.randrange(len(paragraphs))
        paragraphs[k] = paragraphs[k] + f" {self.member} adds {self.counter}."
        self.lib.update_article(aid, body="\n\n".join(paragraphs), revision_reason="edit",
                                who=self.member)
        return "edit"

    def _comment(self, aid: int) -> str:
        body = self.lib.get_article(aid).body
        self.lib.add_comment(aid, text=f"{self.member} asks {self.counter}", author=self.member,
                             quote=body[:9], start=0, end=9)
        return "comment"

    def sync(self) -> dict:
        from editor_app.core.errors import BylineError
        from editor_app.core.server.sync import sync

        t0 = time.perf_counter()
        try:
            summary = sync(self.lib, self.dsn)
        except BylineError as exc:
            return {"seconds": time.perf_counter() - t0, "error": str(exc)}
        self.conflicts_seen |= {c["slug"] for c in summary.conflicts}
        return {"seconds": time.perf_counter() - t0, "sent": summary.sent_revisions + summary.sent_records,
                "received": summary.received.revisions + summary.received.records,
                "refused": len(summary.refused), "rejected": len(summary.rejected),
                "conflicts": [c["slug"] for c in summary.conflicts], "error": "",
                "rejections": sorted({r["reason"].split(":")[0] + ": " + r["what"]
                                      for r in summary.rejected})}

    def resolve_all(self) -> int:
        from editor_app.core.sync.resolve import resolve_taking

        done = 0
        for aid in self.lib.conflicted_article_ids():
            while self.lib.in_conflict(aid):
                resolve_taking(self.lib, aid, "mine")
                done += 1
        return done

    def report(self) -> dict:
        revisions = sorted({r.uid for s in self.lib.list_articles() for r in self.lib.revisions(s.id)})
        records = sorted({r.uid for s in self.lib.list_articles() for r in self.lib.article_records(s.id)}
                         | {r.uid for r in self.lib.library_records()})
        return {"hashes": canonical(self.lib), "revisions": revisions, "records": records,
                "conflicts_seen": sorted(self.conflicts_seen)}


def laptop_process(args, conn) -> None:
    laptop = Laptop(*args)
    while True:
        message = conn.recv()
        if message[0] == "stop":
            break
        if message[0] == "round":
            kinds = [laptop.act() for _ in range(message[1])]
            result = laptop.sync()
            result["actions"] = kinds
            conn.send(result)
        elif message[0] == "sync":
            conn.send(laptop.sync())
        elif message[0] == "resolve":
            resolved = laptop.resolve_all()
            result = laptop.sync()
            result["resolved"] = resolved
            conn.send(result)
        elif message[0] == "report":
            conn.send(laptop.report())
    laptop.lib.close()


# -- the server's audit: 0 rules broken ----------------------------------------------------------
AUDIT = """
WITH roles AS (
    SELECT m.rolname AS member, CASE WHEN bool_or(g.rolname = 'byline_editor') THEN 'editor'
        WHEN bool_or(g.rolname = 'byline_producer') THEN 'producer' ELSE 'reporter' END AS role
    FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
    WHERE g.rolname LIKE 'byline_%' GROUP BY m.rolname)
SELECT
 (SELECT count(*) FROM byline.records r JOIN roles USING (member)
   WHERE r.kind = 'status' AND NOT r.refused AND NOT coalesce((r.data->>'genesis')::boolean, false)
     AND NOT coalesce((r.data->>'outside')::boolean, false) AND r.data->>'from' <> r.data->>'to'
     AND NOT (roles.role = 'editor' AND coalesce((r.data->>'override')::boolean, false))
     AND NOT EXISTS (SELECT 1 FROM byline.workflow w WHERE w.from_status = r.data->>'from'
                     AND w.to_status = r.data->>'to' AND roles.role = ANY (w.roles))) AS moves,
 (SELECT count(*) FROM byline.revisions v JOIN roles USING (member) JOIN byline.articles a
     ON a.uuid = v.article
   WHERE roles.role <> 'editor' AND a.owner <> v.member AND NOT (cardinality(v.parents) = 2
     AND v.reason = 'merge' AND v.author = ''
     AND byline.recombines(v.title, v.body, v.metadata, v.parents[1], v.parents[2])) AND NOT EXISTS (
     SELECT 1 FROM byline.revisions p WHERE cardinality(v.parents) = 1 AND p.uid = v.parents[1]
       AND p.title = v.title AND p.body = v.body AND p.metadata - 'status' = v.metadata - 'status'))
   AS revisions,
 (SELECT count(*) FROM byline.records r JOIN roles USING (member)
   WHERE r.kind = 'vocabulary' AND roles.role <> 'editor') AS vocabulary
"""


def crowd(cluster, laptops: int, actions: int, rounds: int, workdir: pathlib.Path) -> list[tuple]:
    from editor_app.core.server.admin import add_member

    roles = ["editor"] * max(1, laptops // 5) + ["producer"] * max(1, laptops // 10)
    roles += ["reporter"] * (laptops - len(roles))
    members = []
    for i, role in enumerate(roles):
        name = f"lap{i:02d}"
        add_member(cluster.dsn(), name, role, new_password=f"{name}-pw")
        members.append((i, name, role, cluster.dsn(name, f"{name}-pw"),
                        str(workdir / f"{name}.byline"), 1000 + i))
    ctx = mp.get_context("spawn")
    pipes, procs = [], []
    for args in members:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=laptop_process, args=(args, child), daemon=True)
        proc.start()
        pipes.append(parent)
        procs.append(proc)

    def everyone(message) -> list:
        for pipe in pipes:
            pipe.send(message)
        return [pipe.recv() for pipe in pipes]

    per_round = max(1, actions // rounds)
    syncs, errors, kinds = [], [], {}
    refused = rejected = 0
    reasons: set[str] = set()
    t0 = time.perf_counter()
    # reporters start with a story each, everyone syncs
    for result in everyone(("round", 1)):
        syncs.append(result["seconds"])
    for _ in range(rounds):
        for result in everyone(("round", per_round)):
            syncs.append(result["seconds"])
            if result["error"]:
                errors.append(result["error"])
            else:
                refused += result["refused"]
                rejected += result["rejected"]
                reasons.update(result["rejections"])
            for kind in result.get("actions", []):
                kinds[kind] = kinds.get(kind, 0) + 1
    busy = time.perf_counter() - t0
    # quiet: everyone syncs until nothing moves; one editor resolves what is left
    for _ in range(2):
        for pipe in pipes:  # one after the other: each sees all that went before
            pipe.send(("sync",))
            result = pipe.recv()
            if result["error"]:
                errors.append(result["error"])
    resolver = next(i for i, m in enumerate(members) if m[2] == "editor")
    pipes[resolver].send(("resolve",))
    resolved = pipes[resolver].recv().get("resolved", 0)
    for _ in range(2):
        for pipe in pipes:
            pipe.send(("sync",))
            result = pipe.recv()
            if result["error"]:
                errors.append(result["error"])
    reports = everyone(("report",))
    everyone(("stop",)) if False else [pipe.send(("stop",)) for pipe in pipes]
    for proc in procs:
        proc.join(30)

    import psycopg

    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        server_revisions = {str(r[0]) for r in conn.execute("SELECT uid FROM byline.revisions")}
        server_records = {str(r[0]) for r in conn.execute("SELECT uid FROM byline.records")}
        server_articles = conn.execute("SELECT count(*) FROM byline.articles").fetchone()[0]
        broken = conn.execute(AUDIT).fetchone()
        changes = len(server_revisions) + len(server_records)
        refused_on_server = conn.execute("SELECT count(*) FROM byline.records WHERE refused").fetchone()[0]
    reference = reports[0]["hashes"]
    diverged = sorted({uuid for r in reports for uuid, h in r["hashes"].items() if reference.get(uuid) != h}
                      | {uuid for r in reports for uuid in reference if uuid not in r["hashes"]})
    lost = sum(len(server_revisions.symmetric_difference(r["revisions"])) +
               len(server_records.symmetric_difference(r["records"])) for r in reports)
    conflicts = sorted({slug for r in reports for slug in r["conflicts_seen"]})
    return [
        ("laptops (processes) / actions each / rounds", "", f"{laptops} / {actions} / {rounds}"),
        ("actions made", "", ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))),
        ("articles on the server / laptops that agree on every article hash", "all converge",
         f"{server_articles} / {len(reports) if not diverged else len(reports) - 1}"
         f"{'' if not diverged else f' ({len(diverged)} articles diverge)'}"),
        ("revisions + records lost or extra (each laptop vs the server)", "0", str(lost)),
        ("rules broken on the server (moves, revisions, vocabulary)", "0",
         f"{broken[0]}, {broken[1]}, {broken[2]}"),
        ("conflicts met during the run (listed) / resolved at the end", "listed",
         f"{len(conflicts)} / {resolved}"),
        ("moves refused by the server (kept in every trail) / changes not taken", "", f"{refused_on_server} / {rejected}"),
        ("why changes were not taken", "", "; ".join(sorted(reasons)) or "-"),
        ("sync errors", "0", str(len(errors)) + (f" ({errors[0]})" if errors else "")),
        ("throughput while all sync concurrently", "",
         f"{changes / busy:,.0f} changes/s ({changes:,} revisions+records in {busy:.1f} s)"),
        ("sync time p50 / p95 (concurrent rounds)", "", f"{percentile(syncs, 50) * 1000:.0f} / "
                                                        f"{percentile(syncs, 95) * 1000:.0f} ms"),
    ]


def big(cluster, articles: int, repeat: int, workdir: pathlib.Path) -> list[tuple]:
    import psycopg
    from make_library import build_library

    from editor_app.core.identity import Identity
    from editor_app.core.server.admin import add_member, init_server
    from editor_app.core.server.sync import sync

    add_member(cluster.dsn(), "bigeditor", "editor", new_password="big-pw")
    firsts, incrementals, nothings = [], [], []
    for run in range(repeat):
        name = f"big{run}"
        with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        init_server(cluster.dsn(dbname=name))
        dsn = cluster.dsn("bigeditor", "big-pw", dbname=name)
        path = workdir / f"{name}.byline"
        lib = build_library(path, articles, seed=run, with_revisions=True)
        lib.acting_as = Identity("Big Editor", "editor")
        t0 = time.perf_counter()
        first = sync(lib, dsn, publish=True)
        firsts.append(time.perf_counter() - t0)
        assert not first.rejected, first.rejected[:3]
        ids = [s.id for s in lib.list_articles(limit=100)]
        for aid in ids:
            article = lib.get_article(aid)
            lib.update_article(aid, body=article.body + "\n\nA correction.", revision_reason="edit")
        t0 = time.perf_counter()
        inc = sync(lib, dsn)
        incrementals.append(time.perf_counter() - t0)
        assert inc.sent_revisions == 100, inc.sent_revisions
        t0 = time.perf_counter()
        none = sync(lib, dsn)
        nothings.append(time.perf_counter() - t0)
        assert none.sent_revisions == 0 and not none.received.changed
        lib.close()
    sent = first.sent_revisions + first.sent_records
    return [
        (f"first sync of a {articles:,}-article library to an empty server "
         f"({sent:,} revisions+records)", "< 60 s", f"{min(firsts):.1f} s (median {statistics.median(firsts):.1f})"),
        ("incremental sync, 100 changed articles", "< 1 s",
         f"{min(incrementals) * 1000:.0f} ms (median {statistics.median(incrementals) * 1000:.0f})"),
        ("sync with nothing to do", "< 100 ms",
         f"{min(nothings) * 1000:.1f} ms (median {statistics.median(nothings) * 1000:.1f})"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-crowd", action="store_true")
    parser.add_argument("--skip-big", action="store_true")
    args = parser.parse_args(argv)

    from editor_app.core.server.admin import init_server
    from editor_app.core.server.cluster import LocalCluster

    rows = []
    with tempfile.TemporaryDirectory(prefix="byline-newsroom-") as tmp, LocalCluster() as cluster:
        workdir = pathlib.Path(tmp)
        init_server(cluster.dsn())
        if not args.skip_crowd:
            rows += crowd(cluster, args.laptops, args.actions, args.rounds, workdir)
        if not args.skip_big:
            rows += big(cluster, args.articles, args.repeat, workdir)
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'budget':<12}  measured")
    print("-" * (width + 40))
    for what, budget, measured in rows:
        print(f"{what:<{width}}  {budget:<12}  {measured}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
