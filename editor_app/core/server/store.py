"""The queries of a sync: hello, push, pull and images (#15).

Reading is plain SELECT (members may read the whole newsroom); writing goes
through the server's SECURITY DEFINER functions, which check every revision and
record and answer with a verdict for each (``byline.push``).

A pull reads in one REPEATABLE READ snapshot: the batch, the heads of the
articles' graphs and the laptops' names agree with each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from editor_app.core.server.connection import describe_server_error

PULL_BATCH = 20_000  # revisions and records per pull transaction
MAX_ASSET_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True)
class Hello:
    server: str
    schema: int
    member: str
    role: str


@dataclass(frozen=True)
class Verdict:
    item: str  # "revision" or "record"
    uid: str
    seq: int | None  # None: refused and not kept
    refused: bool
    refusal: str


@dataclass
class PulledArticle:
    uuid: str
    slug: str
    title: str
    heads: list[tuple[str, int]] = field(default_factory=list)  # (uid, seq)
    revisions: list[dict] = field(default_factory=list)  # wire form, parents first
    records: list[dict] = field(default_factory=list)  # wire form, causes first


@dataclass
class PullBatch:
    """Everything new on the server after ``cursor`` up to ``upper`` (one snapshot)."""

    cursor: int
    upper: int
    articles: list[PulledArticle] = field(default_factory=list)
    library_records: list[dict] = field(default_factory=list)
    #: (uid, seq, member, laptop name, refused, refusal) of every pulled revision and record
    seen: list[tuple] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.articles and not self.library_records


class ServerStore:
    """One open connection to the server (autocommit; transactions are explicit)."""

    def __init__(self, conn, where: str):
        self.conn = conn
        self.where = where

    def close(self) -> None:
        self.conn.close()

    def _fail(self, exc: Exception, what: str):
        raise describe_server_error(exc, what) from None

    def hello(self, laptop: str, laptop_name: str) -> Hello:
        """Register this laptop; who the server takes us for (ServerError if no member)."""
        try:
            with self.conn.transaction():
                info = self.conn.execute("SELECT byline.hello(%s, %s)", (laptop, laptop_name)).fetchone()[0]
        except Exception as exc:
            self._fail(exc, f"{self.where}")
        return Hello(str(info["server"]), int(info["schema"]), info["member"], info["role"])

    # -- writing -------------------------------------------------------------------------
    def push(self, laptop: str, changes: dict) -> tuple[int, list[Verdict]]:
        """Send changes in one server transaction: (newest sequence before them, verdicts)."""
        from psycopg.types.json import Jsonb

        try:
            with self.conn.transaction():
                # The push's own lock, taken first: no one else's change can arrive between
                # ``before`` and ours, so a laptop that had pulled up to ``before`` has
                # everything up to the last of its own changes afterwards.
                self.conn.execute("SELECT pg_advisory_xact_lock(7261524, 1)")
                before = self.conn.execute(
                    "SELECT greatest((SELECT max(seq) FROM byline.revisions),"
                    " (SELECT max(seq) FROM byline.records))").fetchone()[0]
                rows = self.conn.execute(
                    "SELECT item, uid, seq, refused, refusal FROM byline.push(%s, %s)",
                    (laptop, Jsonb(changes, dumps=_dumps))).fetchall()
        except Exception as exc:
            self._fail(exc, "sending changes")
        return int(before or 0), [Verdict(*row) for row in rows]

    def provenance(self, uids: list[str]) -> dict[str, tuple[str, str]]:
        """``{uid: (member, laptop name)}`` of revisions and records the server had already."""
        if not uids:
            return {}
        try:
            rows = self.conn.execute(
                "SELECT x.uid, x.member, coalesce(l.name, '') FROM (SELECT uid, member, laptop FROM"
                " byline.revisions WHERE uid = ANY(%s::uuid[]) UNION ALL SELECT uid, member, laptop"
                " FROM byline.records WHERE uid = ANY(%s::uuid[])) x LEFT JOIN byline.laptops l"
                " ON l.library = x.laptop", (uids, uids)).fetchall()
        except Exception as exc:
            self._fail(exc, "asking who sent what")
        return {str(uid): (member, name) for uid, member, name in rows}

    def missing_assets(self, shas: list[str]) -> list[str]:
        if not shas:
            return []
        try:
            have = {r[0] for r in self.conn.execute(
                "SELECT sha256 FROM byline.assets WHERE sha256 = ANY(%s)", (shas,))}
        except Exception as exc:
            self._fail(exc, "asking for images")
        return [sha for sha in shas if sha not in have]

    def put_asset(self, sha: str, name: str, mime: str, data: bytes) -> bool:
        try:
            with self.conn.transaction():
                return bool(self.conn.execute("SELECT byline.put_asset(%s, %s, %s, %s)",
                                              (sha, name, mime, data)).fetchone()[0])
        except Exception as exc:
            self._fail(exc, f"sending image {sha[:12]}…")

    def get_asset(self, sha: str) -> tuple[bytes, str, str] | None:
        try:
            row = self.conn.execute(
                "SELECT data, name, mime FROM byline.assets WHERE sha256 = %s"
                " AND octet_length(data) <= %s", (sha, MAX_ASSET_BYTES)).fetchone()
        except Exception as exc:
            self._fail(exc, f"fetching image {sha[:12]}…")
        return (bytes(row[0]), row[1], row[2]) if row else None

    def article_count(self) -> int:
        try:
            return self.conn.execute("SELECT count(*) FROM byline.articles").fetchone()[0]
        except Exception as exc:
            self._fail(exc, "counting articles")

    # -- reading -------------------------------------------------------------------------
    def pull(self, cursor: int, is_known: Callable[[Iterable[str]], set[str]], *,
             limit: int = PULL_BATCH) -> PullBatch:
        """What arrived after ``cursor`` (at most about ``limit`` changes), in one snapshot.

        Articles this library does not know (``is_known`` tells which it does) come
        with their whole history, so that they can be created here.
        """
        try:
            with self.conn.transaction():
                self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                return self._pull(cursor, is_known, limit)
        except Exception as exc:
            self._fail(exc, "receiving changes")

    def _pull(self, cursor: int, is_known, limit: int) -> PullBatch:
        c = self.conn
        upper = c.execute(
            "SELECT max(seq) FROM (SELECT seq FROM (SELECT seq FROM byline.revisions WHERE seq > %s"
            " UNION ALL SELECT seq FROM byline.records WHERE seq > %s) s ORDER BY seq LIMIT %s) t",
            (cursor, cursor, limit)).fetchone()[0]
        if upper is None:
            return PullBatch(cursor, cursor)
        laptops = {str(lib): name for lib, name in c.execute("SELECT library, name FROM byline.laptops")}
        batch = PullBatch(cursor, int(upper))
        revisions = c.execute(_REVISIONS + " WHERE seq > %s AND seq <= %s ORDER BY seq",
                              (cursor, upper)).fetchall()
        records = c.execute(_RECORDS + " WHERE seq > %s AND seq <= %s ORDER BY seq",
                            (cursor, upper)).fetchall()
        touched = {str(r[1]) for r in revisions} | {str(r[2]) for r in records if r[2] is not None}
        unknown = sorted(touched - is_known(sorted(touched)))
        if unknown:  # new here: their whole history, older part first
            revisions = c.execute(_REVISIONS + " WHERE article = ANY(%s::uuid[]) AND seq <= %s"
                                  " ORDER BY seq", (unknown, cursor)).fetchall() + revisions
            records = c.execute(_RECORDS + " WHERE article = ANY(%s::uuid[]) AND seq <= %s"
                                " ORDER BY seq", (unknown, cursor)).fetchall() + records
        articles: dict[str, PulledArticle] = {}
        if touched:
            for uuid, slug, title in c.execute(
                    "SELECT uuid, slug, title FROM byline.articles WHERE uuid = ANY(%s::uuid[])",
                    (sorted(touched),)):
                articles[str(uuid)] = PulledArticle(str(uuid), slug, title)
            for article, uid, seq in c.execute(
                    "SELECT r.article, r.uid, r.seq FROM byline.revisions r"
                    " WHERE r.article = ANY(%s::uuid[]) AND r.seq <= %s AND NOT EXISTS"
                    " (SELECT 1 FROM byline.revision_parents p WHERE p.parent = r.uid"
                    " AND p.child_seq <= %s) ORDER BY r.seq", (sorted(touched), upper, upper)):
                articles[str(article)].heads.append((str(uid), int(seq)))
        for (uid, article, parents, title, body, metadata, author, reason, created, origin, seq,
             member, laptop) in revisions:
            articles[str(article)].revisions.append({
                "uid": str(uid), "parents": [str(p) for p in parents], "title": title, "body": body,
                "metadata": metadata, "author": author, "reason": reason, "created_at": created,
                "origin": origin})
            batch.seen.append((str(uid), int(seq), member, laptops.get(str(laptop), ""), 0, ""))
        for (uid, kind, article, key, after, data, author, origin, created, seq, member, laptop,
             refused, refusal) in records:
            wire = {"uid": str(uid), "kind": kind, "article": str(article) if article else "",
                    "key": key, "after": [str(a) for a in after], "data": data, "author": author,
                    "origin": origin, "created_at": created}
            if article is None:
                batch.library_records.append(wire)
            else:
                articles[str(article)].records.append(wire)
            batch.seen.append((str(uid), int(seq), member, laptops.get(str(laptop), ""),
                               int(bool(refused)), refusal))
        batch.articles = list(articles.values())
        return batch


_REVISIONS = ("SELECT uid, article, parents, title, body, metadata, author, reason, created_at,"
              " origin, seq, member, laptop FROM byline.revisions")
_RECORDS = ("SELECT uid, kind, article, key, after, data, author, origin, created_at, seq, member,"
            " laptop, refused, refusal FROM byline.records")


def _dumps(obj) -> str:
    import orjson

    return orjson.dumps(obj).decode("utf-8")
