"""One sync of a library with the newsroom server: pull, merge, push (#15).

The same engine as hand-off files (``editor_app.core.sync.engine``), with the
server as the other side:

1. **hello**: the server checks that we are a member and says who it takes us
   for (our real role: the one its rules use);
2. **pull**: everything that reached the server after this library's cursor (a
   sequence of the server, never a clock), in batches, each merged in ONE library
   transaction with the cursor that covers it (``apply_changes``: new articles
   arrive, known ones fast-forward or merge three-way, conflicts are kept). What
   arrives is checked like a hand-off file (``wire.decode_article``): a server
   holding hostile content is refused with one line and the library is untouched;
3. **push**: what was made here since the last push (text typed but not kept yet
   is kept as a revision first): revisions, records and images (by sha256, sent
   once). Merges made by the pull go up in the same run. The server answers with a
   verdict for each; a move it refused is replayed here as refused, with its rule,
   and a revision or record it would not take is listed and never sent again.

Idempotent and resumable: the server recognises what it has (same ids answer
with their verdicts) and every local step is one transaction with its cursor; a
connection dropped, a process killed or a server restarted in the middle loses
nothing, duplicates nothing, and the next sync finishes the work.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor_app.core.errors import BylineError, InputError
from editor_app.core.server.admin import check_server_schema
from editor_app.core.server.connection import (
    ServerError,
    address,
    connect,
    parse_dsn,
    strip_password,
)
from editor_app.core.server.settings import laptop_name, local_only, server_dsn, set_server_dsn
from editor_app.core.server.store import PullBatch, ServerStore, Verdict
from editor_app.core.sync.engine import ReceiveSummary, RefusedMove, apply_changes, replay_workflow
from editor_app.core.sync.wire import decode_article, decode_library

if TYPE_CHECKING:
    from editor_app.core.library import Library

PUSH_BYTES = 4 * 1024 * 1024  # about this much JSON per push transaction
PUSH_ITEMS = 4000
_ASSET_REF = re.compile(r"asset:([0-9a-f]{64})")

Progress = Callable[[str, int, int], None]


class SyncCancelled(BylineError):
    """The sync was stopped; everything done so far is kept and consistent."""


@dataclass
class SyncSummary:
    """What one sync did, for ``byline sync`` and the status bar."""

    server: str
    member: str = ""
    role: str = ""
    received: ReceiveSummary = field(default_factory=lambda: ReceiveSummary("newsroom server"))
    sent_revisions: int = 0
    sent_records: int = 0
    sent_assets: int = 0
    #: moves the server refused (here or elsewhere), newly known here: shown in the trail
    refused: list[RefusedMove] = field(default_factory=list)
    #: revisions and records of this library the server would not take, with its rule
    rejected: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        received = self.received.as_dict()
        received.pop("file", None)
        received.pop("refused", None)
        return {"server": self.server, "member": self.member, "role": self.role,
                "received": received, "sent": {"revisions": self.sent_revisions,
                                               "records": self.sent_records,
                                               "assets": self.sent_assets},
                "refused": [r.as_dict() for r in self.refused], "rejected": list(self.rejected),
                "conflicts": list(self.conflicts), "notes": list(self.notes),
                "seconds": round(self.seconds, 3)}

    def lines(self) -> list[str]:
        out = [f"synced with {self.server} as {self.member} ({self.role})"]
        received = [line for line in self.received.lines()
                    if not line.startswith(("refused", "nothing new", "unchanged"))]
        out += [f"  received {line}" for line in received]
        r = self.received
        out.append(f"  received {r.revisions} revision(s), {r.records} record(s), {r.assets} image(s);"
                   f" sent {self.sent_revisions} revision(s), {self.sent_records} record(s),"
                   f" {self.sent_assets} image(s)")
        out += [f"  REFUSED  {m.article.slug}: {m.reason}" for m in self.refused]
        out += [f"  NOT TAKEN {item['what']} {item['uid']}: {item['reason']}" for item in self.rejected]
        out += [f"  CONFLICT {c['slug']}  {c['title']}" for c in self.conflicts]
        out += [f"  note: {n}" for n in self.notes]
        return out


def open_store(dsn: str, *, password: str | None = None) -> ServerStore:
    """A connection to the server, its schema checked (one-line ServerError otherwise)."""
    import os

    from editor_app.core.server.passwords import stored_password

    params = parse_dsn(dsn)
    if password is None and "password" not in params and not os.environ.get("PGPASSWORD"):
        password = stored_password(dsn)
    conn = connect(dsn, password=password)
    try:
        check_server_schema(conn)
    except BaseException:
        conn.close()
        raise
    return ServerStore(conn, str(address(dsn)))


def test_connection(dsn: str, *, password: str | None = None) -> str:
    """Connect, check the schema and membership; a line saying who we are there."""
    store = open_store(dsn, password=password)
    try:
        try:
            row = store.conn.execute("SELECT byline.member_role(session_user), session_user,"
                                     " (SELECT count(*) FROM byline.articles),"
                                     " (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid())"
                                     ).fetchone()
        except Exception as exc:
            from editor_app.core.server.connection import describe_server_error

            raise describe_server_error(exc, "testing the connection") from None
        role, member, count, ssl = row
        if role is None:
            raise ServerError(f"{member} can log in to {store.where} but is not a member of the "
                              "newsroom (ask the administrator: byline server add-user)")
        tls = "TLS" if ssl else "no TLS"
        return f"connected to {store.where} as {member} ({role}; {count} article(s); {tls})"
    finally:
        store.close()


def sync(library: Library, dsn: str | None = None, *, password: str | None = None, publish: bool = False,
         progress: Progress | None = None, stop: threading.Event | None = None) -> SyncSummary:
    """Pull, merge and push (module docstring); raises ServerError in one line when it cannot.

    ``dsn``: the server (default: the library's); remembered for the next sync,
    without its password. ``publish``: seed an empty server with this whole
    library (an editor only; sample articles included).
    """
    if library.read_only:
        raise InputError(f"{library.path}: the library is read-only ({library.read_only}); "
                         "it cannot sync")
    dsn = dsn or server_dsn(library)
    if not dsn:
        raise ServerError("no newsroom server is set for this library (give --server DSN, or set "
                          "it in File ▸ Newsroom Server…)")
    started = time.perf_counter()
    store = open_store(dsn, password=password)
    try:
        run = _SyncRun(library, store, publish=publish, progress=progress, stop=stop)
        summary = run.run()
        if server_dsn(library) != strip_password(dsn):
            set_server_dsn(library, dsn)
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary


class _SyncRun:
    def __init__(self, library: Library, store: ServerStore, *, publish: bool, progress: Progress | None,
                 stop: threading.Event | None):
        self.lib = library
        self.store = store
        self.publish = publish
        self.progress = progress or (lambda stage, done, total: None)
        self.stop = stop
        self.laptop = library.library_uid
        self.laptop_name = laptop_name(library)
        self.summary = SyncSummary(store.where)
        self.summary.received = ReceiveSummary(f"newsroom server {store.where}")

    def check_stop(self) -> None:
        if self.stop is not None and self.stop.is_set():
            raise SyncCancelled("sync stopped; what was done so far is kept, the next sync "
                                "finishes the work")

    def run(self) -> SyncSummary:
        from editor_app.core.review.workflow import current_role

        hello = self.store.hello(self.laptop, self.laptop_name)
        self.summary.member, self.summary.role = hello.member, hello.role
        local_role = current_role(self.lib).value
        if local_role != hello.role:
            self.summary.notes.append(
                f"your role here is {local_role}, but the server knows {hello.member} as a "
                f"{hello.role}: it judges your moves as a {hello.role}'s")
        if self.publish:
            self._check_publish(hello)
        self.state = self.lib.start_server_sync(hello.server)
        if self.publish:
            self.lib.restart_server_push(hello.server)
            self.state = self.lib.start_server_sync(hello.server)
        self.server_uid = hello.server
        self._pull()
        self._push()
        self.lib.finish_server_sync(self.server_uid, member=hello.member, role=hello.role)
        self.summary.conflicts = [c.as_dict() for c in self.lib.conflicts()]
        return self.summary

    def _check_publish(self, hello) -> None:
        if hello.role != "editor":
            raise ServerError(f"only an editor may publish a library to the server "
                              f"({hello.member} is a {hello.role} there)")
        count = self.store.article_count()
        if count:
            raise ServerError(f"the server already holds {count} article(s); --publish-library only "
                              "seeds an empty server (a plain byline sync sends your changes)")

    # -- pull ------------------------------------------------------------------------------
    def _pull(self) -> None:
        cursor = self.state.pull_cursor
        while True:
            self.check_stop()
            batch = self.store.pull(cursor, self._known_articles)
            if batch.upper == cursor:
                return
            source = _ServerSource(self.lib, self.store, batch, self.summary.received.source)
            total = len(batch.articles)
            self.progress("receiving", 0, total)
            with self.lib.transaction():
                result = apply_changes(self.lib, source,
                                       progress=lambda done, _t, total=total: self.progress("receiving", done, total))
                # Verdicts on moves this library had already (its own, sent before) count too.
                for aid in source.articles_with_moves():
                    changed, refused = replay_workflow(self.lib, aid)
                    if changed:
                        self.lib._touch(aid)
                    result.refused += refused
                self.lib._set_server_cursor(self.server_uid, pull_cursor=batch.upper)
            self._add_received(result)
            cursor = batch.upper

    def _known_articles(self, uuids) -> set[str]:
        return {u for u in uuids if self.lib.article_id_by_uuid(u) is not None}

    def _add_received(self, result: ReceiveSummary) -> None:
        total = self.summary.received
        for name in ("arrived", "updated", "merged", "conflicts", "unchanged", "notes"):
            getattr(total, name).extend(getattr(result, name))
        total.revisions += result.revisions
        total.records += result.records
        total.assets += result.assets
        self.summary.refused += result.refused

    # -- push ------------------------------------------------------------------------------
    def _push(self) -> None:
        lib = self.lib
        skip = set() if self.publish else local_only(lib)
        self._keep_typed_text(skip)
        self.check_stop()
        revisions = lib.outgoing_revisions(self.state.pushed_revisions, limit=10_000_000)
        records = lib.records_since(self.state.pushed_records)
        if not revisions and not records:
            return
        rev_cursor = revisions[-1].seq if revisions else self.state.pushed_revisions
        rec_cursor = records[-1].seq if records else self.state.pushed_records
        # What came from the server (or was sent before and answered) does not go back.
        on_server = lib.known_to_server([r.uid for r in revisions] + [r.uid for r in records])
        revisions = [r for r in revisions if r.uid not in on_server]
        records = [r for r in records if r.uid not in on_server]
        if not revisions and not records:
            with lib.transaction():
                lib._set_server_cursor(self.server_uid, pushed_revisions=rev_cursor,
                                       pushed_records=rec_cursor)
            return
        entries: dict[str, dict] = {}
        library_records = []
        kinds: dict[str, tuple[str, str]] = {}  # record uid -> (article uuid, kind)
        for rev in revisions:
            if rev.article in skip:
                continue
            entry = entries.setdefault(rev.article, _entry(rev.article))
            entry["revisions"].append({
                "uid": rev.uid, "parents": list(rev.parents), "title": rev.title, "body": rev.body,
                "metadata": rev.metadata, "author": rev.author, "reason": rev.reason,
                "created_at": rev.created_at, "origin": rev.origin})
            entry["_ids"].add(rev.article_id)
        for rec in records:
            kinds[rec.uid] = (rec.article, rec.kind)
            if not rec.article:
                library_records.append(rec.as_wire())
            elif rec.article not in skip:
                entry = entries.setdefault(rec.article, _entry(rec.article))
                if rec.kind == "status" and rec.data.get("genesis"):
                    entry["records"].insert(0, rec.as_wire())  # a new article starts from it
                else:
                    entry["records"].append(rec.as_wire())
        self._name_entries(entries)
        self._send_assets(entries)
        chunks = list(_chunks(list(entries.values()), library_records))
        for done, (chunk_articles, chunk_records) in enumerate(chunks, 1):
            self.check_stop()
            self.progress("sending", done - 1, len(chunks))
            before, verdicts = self.store.push(self.laptop, {
                "articles": [{k: v for k, v in e.items() if not k.startswith("_")}
                             for e in chunk_articles],
                "records": chunk_records})
            self._apply_verdicts(before, verdicts, kinds)
        self.progress("sending", len(chunks), len(chunks))
        with lib.transaction():
            lib._set_server_cursor(self.server_uid, pushed_revisions=rev_cursor,
                                   pushed_records=rec_cursor)

    def _keep_typed_text(self, skip: set[str]) -> None:
        """Text saved but not yet kept as a revision becomes one, so that it goes up."""
        from editor_app.core.review.workflow import current_user

        lib = self.lib
        changed = lib.articles_changed_for_sync()
        if not changed:
            return
        who = current_user(lib)
        with lib.transaction():
            for aid in changed:
                uuid = lib._article_uuid(aid)
                if uuid in skip:
                    continue
                lib.ensure_genesis(aid)
                if lib.text_differs_from_head(aid):
                    lib.save_revision(aid, reason="kept before syncing", author=who,
                                      skip_if_unchanged=True)
            lib.note_synced_versions(changed)

    def _name_entries(self, entries: dict[str, dict]) -> None:
        ids = sorted({aid for e in entries.values() for aid in e["_ids"]})
        names = {}
        for start in range(0, len(ids), 500):
            for summary in self.lib.list_articles(ids=ids[start:start + 500]):
                names[summary.id] = (summary.slug, summary.title)
        for uuid, entry in entries.items():
            aid = next(iter(entry["_ids"]), None) or self.lib.article_id_by_uuid(uuid)
            if aid is not None and aid not in names:
                article = self.lib.get_article(aid)
                names[aid] = (article.slug, article.title)
            entry["slug"], entry["title"] = names.get(aid, ("", ""))

    def _send_assets(self, entries: dict[str, dict]) -> None:
        wanted = sorted({sha for e in entries.values() for rev in e["revisions"]
                         if "asset:" in rev["body"] for sha in _ASSET_REF.findall(rev["body"])})
        for sha in self.store.missing_assets(wanted):
            self.check_stop()
            found = self.lib.asset_for_exchange(sha)
            if found is None:
                continue  # referenced but not here: the revision still goes up
            data, name, mime = found
            if self.store.put_asset(sha, name, mime, data):
                self.summary.sent_assets += 1

    def _apply_verdicts(self, before: int, verdicts: list[Verdict], kinds: dict) -> None:
        lib = self.lib
        seen, refusals, replay = [], [], set()
        new_max = 0
        # Changes the server had already (sent before an interruption, or by another laptop
        # that had them too) keep the name of whoever sent them first.
        earlier = self.store.provenance([v.uid for v in verdicts if v.seq is not None and v.seq <= before])
        for v in verdicts:
            if v.seq is None:
                article = kinds.get(v.uid, ("", ""))[0] if v.item == "record" else ""
                refusals.append((v.uid, article, v.item, v.refusal))
                self.summary.rejected.append({"what": v.item, "uid": v.uid, "article": article,
                                              "reason": v.refusal})
                continue
            member, laptop = earlier.get(v.uid, (self.summary.member, self.laptop_name))
            seen.append((v.uid, v.seq, member, laptop, int(v.refused), v.refusal))
            new_max = max(new_max, v.seq)
            taken_now = v.seq > before  # what the server had already answers with its old number
            if v.item == "revision":
                self.summary.sent_revisions += taken_now
            else:
                self.summary.sent_records += taken_now
                article, kind = kinds.get(v.uid, ("", ""))
                if kind == "status" and article:
                    replay.add(article)
        with lib.transaction():
            lib._note_server_seen(seen)
            lib._note_refusals(refusals)
            for uuid in sorted(replay):
                aid = lib.article_id_by_uuid(uuid)
                if aid is None:
                    continue
                changed, refused = replay_workflow(lib, aid)
                if changed:
                    lib._touch(aid)
                self.summary.refused += refused
            pulled = (lib.server_state(self.server_uid) or self.state).pull_cursor
            if before <= pulled < new_max:
                # Nothing of anyone else's sits between our cursor and our own changes:
                # the next pull need not bring them back.
                lib._set_server_cursor(self.server_uid, pull_cursor=new_max)


def _entry(uuid: str) -> dict:
    return {"uuid": uuid, "slug": "", "title": "", "revisions": [], "records": [], "_ids": set()}


def _size(item: dict) -> int:
    return len(item.get("body", "")) + len(item.get("title", "")) + 400 + \
        (len(str(item.get("data", ""))) if "data" in item else 0)


def _chunks(entries: list[dict], library_records: list[dict]):
    """Push transactions of about PUSH_BYTES: whole articles, or a long history in parts.

    A new article starts on the server from its genesis record, so that record goes
    with the article's first part; its other records go with its last.
    """
    current: list[dict] = []
    size = items = 0
    for entry in entries:
        parts = _split(entry)
        for part in parts:
            part_size = sum(map(_size, part["revisions"])) + sum(map(_size, part["records"]))
            part_items = len(part["revisions"]) + len(part["records"])
            if current and (size + part_size > PUSH_BYTES or items + part_items > PUSH_ITEMS):
                yield current, []
                current, size, items = [], 0, 0
            current.append(part)
            size += part_size
            items += part_items
    yield current, library_records


def _split(entry: dict) -> list[dict]:
    revisions, records = entry["revisions"], entry["records"]
    total = sum(map(_size, revisions)) + sum(map(_size, records))
    if total <= PUSH_BYTES and len(revisions) + len(records) <= PUSH_ITEMS:
        return [entry]
    parts, current, size = [], [], 0
    for rev in revisions:
        if current and (size + _size(rev) > PUSH_BYTES or len(current) >= PUSH_ITEMS):
            parts.append(current)
            current, size = [], 0
        current.append(rev)
        size += _size(rev)
    parts.append(current)
    genesis = [r for r in records if r.get("kind") == "status" and r.get("data", {}).get("genesis")]
    rest = [r for r in records if r not in genesis]
    out = []
    for i, revs in enumerate(parts):
        part = {**entry, "revisions": revs, "records": []}
        if i == 0:
            part["records"] += genesis
        if i == len(parts) - 1:
            part["records"] += rest
        out.append(part)
    return out


class _ServerSource:
    """A pull batch as the engine's ``ChangeSource``: checked like a hand-off file."""

    def __init__(self, library: Library, store: ServerStore, batch: PullBatch, name: str):
        self.lib = library
        self.store = store
        self.batch = batch
        self.name = name
        self.articles = batch.articles
        self._seen = {row[0]: row for row in batch.seen}

    def library_changes(self):
        records = self.batch.library_records
        self.lib._note_server_seen([self._seen[r["uid"]] for r in records if r["uid"] in self._seen])
        return decode_library({"records": records}, f"{self.name}: the newsroom's records")

    def article_changes(self):
        for article in self.batch.articles:
            uids = [r["uid"] for r in article.revisions] + [r["uid"] for r in article.records]
            self.lib._note_server_seen([self._seen[u] for u in uids if u in self._seen])
            yield decode_article(_wire_article(article),
                                 f"{self.name}: article {article.slug or article.uuid}")

    def articles_with_moves(self) -> list[int]:
        out = []
        for article in self.batch.articles:
            if any(r["kind"] == "status" for r in article.records):
                aid = self.lib.article_id_by_uuid(article.uuid)
                if aid is not None:
                    out.append(aid)
        return out

    def asset_shas(self) -> list[str]:
        wanted = sorted({sha for a in self.batch.articles for rev in a.revisions
                         if "asset:" in (rev["body"] or "") for sha in _ASSET_REF.findall(rev["body"])})
        return [sha for sha in wanted if not self.lib.has_asset(sha)]

    def asset(self, sha: str) -> tuple[bytes, str, str]:
        found = self.store.get_asset(sha)
        if found is None:
            raise InputError(f"{self.name}: image {sha[:12]}… is used but not on the server "
                             "(or larger than 25 MB)")
        data, name, mime = found
        if hashlib.sha256(data).hexdigest() != sha:
            raise InputError(f"{self.name}: image {sha[:12]}… is not what its name says (sha256 differs)")
        return data, str(name or "")[:200], str(mime or "")[:100] or "application/octet-stream"


def _wire_article(article) -> dict:
    """The JSON form ``wire.decode_article`` checks (bodies as indices into a pool of lines)."""
    pool: dict[str, int] = {}
    revisions = []
    for rev in article.revisions:
        body = rev["body"] if isinstance(rev["body"], str) else ""
        revisions.append({**rev, "body": [pool.setdefault(line, len(pool)) for line in body.split("\n")]})
    heads = [uid for uid, _seq in article.heads]
    head = max(article.heads, key=lambda h: h[1])[0] if article.heads else ""
    return {"uuid": article.uuid, "slug": article.slug, "title": article.title, "head": head,
            "heads": heads, "lines": list(pool), "revisions": revisions,
            "records": article.records, "assets": []}


