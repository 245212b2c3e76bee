"""The sync engine: what to send, and how what arrives is merged into a library (#14).

One engine for every way work travels. It takes *changes* (``wire``: revisions,
records, assets) from a source and applies them; a hand-off file is one
source (``handoff.HandoffReader``), the newsroom server will be another, with
the same interface::

    class ChangeSource(Protocol):
        name: str                                    # for messages ("FILE.byline")
        def library_changes(self) -> LibraryChanges
        def article_changes(self) -> Iterator[ArticleChanges]
        def asset_shas(self) -> list[str]
        def asset(self, sha: str) -> tuple[bytes, str, str]   # data, name, mime

``apply_changes`` runs in ONE transaction: a source that turns out damaged or
hostile halfway is rolled back whole. Receiving the same changes twice changes
nothing: revisions and records are recognised by their global ids.

For each article that arrives:

1. revisions are checked (every parent in the library or earlier in the
   changes; no id that belongs to another article) and stored;
2. the text being edited here is kept as a revision first (if it differs from
   its working head), so that nothing typed is lost in a merge;
3. every other head of the revision graph is merged into the working head:
   a descendant is taken as it is (fast-forward); otherwise a three-way merge
   against the merge base. A clean merge is a new revision with both heads as
   parents and an id derived from them (two laptops making the same merge make
   the same revision). A conflict keeps both versions and the article is listed
   in the Conflicts queue until a person resolves it;
4. records are stored by union and applied: comments, resolutions (reopening
   wins), related news (a ban beats a pin), dictionary words, and the moves of
   the workflow, replayed in causal order (``registers.replay_moves``): a move
   that no longer applied is recorded as refused, with why;
5. comments are re-anchored on the text as it now is (a passage that is gone
   leaves its comment detached, never dropped).
"""

from __future__ import annotations

import contextlib
import json
import pathlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor_app.core.errors import ConflictError, InputError, NotFoundError
from editor_app.core.ids import derived_uid
from editor_app.core.library.connection import utc_now
from editor_app.core.sync.graph import generations, is_ancestor, merge_base
from editor_app.core.sync.handoff import HandoffReader, Knowledge, write_handoff
from editor_app.core.sync.merge import FIELDS, Snapshot, merge_snapshots
from editor_app.core.sync.registers import (
    replay_moves,
    settle_order,
    settle_present,
    settle_related,
    settle_resolved,
)
from editor_app.core.sync.wire import ArticleChanges, LibraryChanges, RevisionData

if TYPE_CHECKING:
    from editor_app.core.library import Library

_ASSET_REF = re.compile(r"asset:([0-9a-f]{64})")


# -- results --------------------------------------------------------------------------
@dataclass(frozen=True)
class ArticleRef:
    id: int
    uuid: str
    slug: str
    title: str

    def as_dict(self) -> dict:
        return {"id": self.id, "uuid": self.uuid, "slug": self.slug, "title": self.title}


@dataclass(frozen=True)
class RefusedMove:
    """A move made elsewhere that no longer applied here (shown in the article's trail)."""

    article: ArticleRef
    who: str
    role: str
    from_status: str
    to_status: str
    reason: str

    def as_dict(self) -> dict:
        return {**self.article.as_dict(), "who": self.who, "role": self.role,
                "from": self.from_status, "to": self.to_status, "reason": self.reason}


@dataclass
class ReceiveSummary:
    """What a receive did, for the summary dialog and ``byline receive --json``.

    - ``arrived``: articles new to this library;
    - ``updated``: known articles that took the other side's newer version, or
      only new comments, moves, pins...;
    - ``merged``: known articles whose edits on both sides merged cleanly;
    - ``conflicts``: articles now in conflict (in the Conflicts queue);
    - ``unchanged``: articles that brought nothing new;
    - ``refused``: moves of the workflow that no longer applied;
    - ``notes``: vocabulary changes that could not be applied as made, and why.
    """

    source: str
    arrived: list[ArticleRef] = field(default_factory=list)
    updated: list[ArticleRef] = field(default_factory=list)
    merged: list[ArticleRef] = field(default_factory=list)
    conflicts: list[ArticleRef] = field(default_factory=list)
    unchanged: list[ArticleRef] = field(default_factory=list)
    refused: list[RefusedMove] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    revisions: int = 0
    records: int = 0
    assets: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.arrived or self.updated or self.merged or self.conflicts or self.refused
                    or self.revisions or self.records or self.assets)

    def as_dict(self) -> dict:
        refs = lambda items: [a.as_dict() for a in items]  # noqa: E731
        return {"file": self.source, "arrived": refs(self.arrived), "updated": refs(self.updated),
                "merged": refs(self.merged), "conflicts": refs(self.conflicts),
                "unchanged": refs(self.unchanged), "refused": [r.as_dict() for r in self.refused],
                "notes": list(self.notes), "revisions": self.revisions, "records": self.records,
                "assets": self.assets}

    def lines(self) -> list[str]:
        """The summary in words, one line each (the CLI prints these)."""
        out = []
        for label, items in (("new", self.arrived), ("updated", self.updated),
                             ("merged", self.merged), ("CONFLICT", self.conflicts),
                             ("unchanged", self.unchanged)):
            out += [f"{label:<9} {a.id:>6} {a.slug}  {a.title}" for a in items]
        out += [f"refused   {r.article.id:>6} {r.article.slug}: {r.reason}" for r in self.refused]
        out += [f"note      {n}" for n in self.notes]
        if not self.changed:
            out.append("nothing new: the library already had everything in this file")
        return out


@dataclass(frozen=True)
class SendSummary:
    path: str
    articles: list[ArticleRef]
    revisions: int
    records: int
    assets: int
    size: int

    def as_dict(self) -> dict:
        return {"file": self.path, "articles": [a.as_dict() for a in self.articles],
                "revisions": self.revisions, "records": self.records, "assets": self.assets,
                "bytes": self.size}


# -- sending ---------------------------------------------------------------------------
def collect_changes(library: Library, article_ids: Iterable[int], known: Knowledge | None = None
                    ) -> tuple[LibraryChanges, list[ArticleChanges]]:
    """The changes of some articles the other side may lack (all of them without ``known``).

    The text being edited is kept as a revision first, so that what is sent is
    what is on screen. One transaction: the changes are a consistent picture.
    """
    known = known or Knowledge()
    articles: list[ArticleChanges] = []
    # A read-only library (a share, a stick) still sends what it holds.
    with (library.transaction() if not library.read_only else contextlib.nullcontext()):
        for aid in article_ids if not library.read_only else ():
            library.ensure_genesis(aid)
            library.save_revision(aid, reason="kept before sending", skip_if_unchanged=True)
        library_records = tuple(r for r in library.library_records() if r.uid not in known.records)
        for aid in article_ids:
            article = library.get_article(aid)
            head, heads = library.head_uids(aid)
            origins = library.revision_origins(aid)
            revisions = []
            for rev in reversed(library.revisions(aid, with_body=True)):
                if rev.uid not in known.revisions:
                    revisions.append(RevisionData(rev.uid, tuple(rev.parents), rev.title, rev.body,
                                                  rev.metadata, rev.author, rev.reason,
                                                  rev.created_at, origins.get(rev.id, "")))
            records = tuple(r for r in library.article_records(aid) if r.uid not in known.records)
            assets = sorted({sha for rev in revisions if "asset:" in rev.body
                             for sha in _ASSET_REF.findall(rev.body)} - known.assets)
            articles.append(ArticleChanges(article.uuid, article.slug, article.title, head,
                                           tuple(heads), tuple(revisions), records, tuple(assets)))
    return LibraryChanges(library_records), articles


def send(library: Library, ids: Iterable[int | str], out: str | pathlib.Path, *,
         since: str | pathlib.Path | None = None) -> SendSummary:
    """Write a hand-off file of some articles (ids or slugs) with everything the receiver needs.

    ``since``: a hand-off file sent to or received from that person before;
    what it held is left out (the receiver has it). Bad input raises before
    anything is written.
    """
    out = pathlib.Path(out)
    if out.is_dir():
        raise InputError(f"{out}: is a folder; give a file name ending in .byline")
    if not out.parent.is_dir():
        raise InputError(f"{out}: the folder {out.parent} does not exist")
    if out.exists() and out.resolve() == pathlib.Path(library.path).resolve():
        raise InputError(f"{out}: is the library itself")
    article_ids: list[int] = []
    for value in ids:
        aid = library.resolve_id(value)
        if aid not in article_ids:
            article_ids.append(aid)
    if not article_ids:
        raise InputError("name at least one article to send")
    known = None
    if since is not None:
        with HandoffReader(since) as reader:
            known = reader.knowledge()
    library_changes, articles = collect_changes(library, article_ids, known)
    write_handoff(out, origin=library.library_uid, library=library_changes, articles=articles,
                  asset=library.asset_for_exchange)
    refs = [ArticleRef(library.article_id_by_uuid(a.uuid), a.uuid, a.slug, a.title)
            for a in articles]
    return SendSummary(str(out), refs, sum(len(a.revisions) for a in articles),
                       len(library_changes.records) + sum(len(a.records) for a in articles),
                       len({sha for a in articles for sha in a.assets}), out.stat().st_size)


# -- receiving --------------------------------------------------------------------------
def receive(library: Library, path: str | pathlib.Path, *,
            progress: Callable[[int, int], None] | None = None) -> ReceiveSummary:
    """Merge a hand-off file into the library in one transaction (see the module docstring).

    ``progress(done, total)`` is called after each article (for a progress bar);
    an exception raised in it cancels the receive, which then writes nothing.
    """
    with HandoffReader(path) as reader:
        return apply_changes(library, reader, progress=progress)


def apply_changes(library: Library, source, *,
                  progress: Callable[[int, int], None] | None = None) -> ReceiveSummary:
    """Apply everything a ``ChangeSource`` brings, in one transaction; a summary of what happened."""
    summary = ReceiveSummary(source.name)
    arrived: list[str] = []
    total = len(getattr(source, "articles", ()))
    with library.transaction():
        for sha in source.asset_shas():
            if not library.has_asset(sha):
                data, name, mime = source.asset(sha)
                library.add_asset(data, name=name, mime=mime)
                summary.assets += 1
        _apply_library_records(library, source, source.library_changes(), summary)
        for done, changes in enumerate(source.article_changes(), 1):
            _ArticleReceive(library, source.name, changes, summary).run(arrived)
            if progress is not None:
                progress(done, max(total, done))
        # Pins that name an article which arrived only now can be made now.
        new_ids = {library.article_id_by_uuid(uuid) for uuid in arrived}
        for aid in library.articles_relating_to(arrived):
            if _refresh_related(library, aid) and aid not in new_ids:
                library._touch(aid)
    return summary


def _fail(source_name: str, problem: str):
    raise InputError(f"{source_name}: {problem}")


def _apply_library_records(library: Library, source, changes: LibraryChanges, summary: ReceiveSummary) -> None:
    known = library.known_records([r.uid for r in changes.records])
    for record in changes.records:
        if record.uid in known:
            if known[record.uid][0] != "":
                _fail(source.name, f"record {record.uid} claims the library but belongs to an article")
            continue
        library._store_record(record)
        summary.records += 1
        if record.kind == "vocabulary":
            note = apply_vocabulary(library, record.data)
            if note:
                summary.notes.append(note)
        elif record.kind == "word":
            library._set_word("newsroom", record.key,
                              settle_present(library.subject_records("", "word", record.key)))


def apply_vocabulary(library: Library, data: dict) -> str | None:
    """Apply a vocabulary change made elsewhere; a note when it could not be applied as made.

    Tags travel by name, so a change applies to the tag that has that name (or
    alias) here. A rename of a tag that was renamed here too keeps the other
    name as an alias: both names still find the tag.
    """
    op = data["op"]
    try:
        if op == "rename":
            tag = library.find_tag(data["old"])
            if tag is None:
                return None  # the tag is not used here: nothing to rename
            from editor_app.core.text import normalize_key
            if normalize_key(tag.name) == normalize_key(data["old"]):
                library.rename_tag(tag.id, data["new"], keep_alias=data.get("keep_alias", True),
                                   _record=False)
                return None
            library.add_tag_alias(tag.id, data["new"], _record=False)
            return (f"vocabulary: {data['old']!r} was renamed to {data['new']!r} elsewhere and to "
                    f"{tag.name!r} here; {data['new']!r} is kept as an alias of {tag.name!r}")
        if op == "merge":
            source, target = library.find_tag(data["source"]), library.find_tag(data["target"])
            if source is None or (target is not None and source.id == target.id):
                return None
            if target is None:
                library.rename_tag(source.id, data["target"], _record=False)
            else:
                library.merge_tags(source.id, target.id, _record=False)
            return None
        tag = library.find_tag(data["tag"])
        if tag is None:
            if op in ("alias", "aliases", "describe"):
                tag = library.get_tag(library.ensure_tag(data["tag"]))
            else:
                return None
        if op == "alias":
            library.add_tag_alias(tag.id, data["alias"], _record=False)
        elif op == "unalias":
            try:
                library.remove_tag_alias(tag.id, data["alias"], _record=False)
            except NotFoundError:
                return None
        elif op == "aliases":
            library.set_tag_aliases(tag.id, data.get("aliases", []), _record=False)
        elif op == "describe":
            library.set_tag_description(tag.id, data.get("description", ""), _record=False)
    except (ConflictError, InputError, NotFoundError) as exc:
        return f"vocabulary: a change made elsewhere ({op}) was not applied: {exc}"
    return None


def _refresh_related(library: Library, article_id: int) -> bool:
    """Pins and bans of an article from its records; True when they changed."""
    records = library.article_records(article_id, kinds=("related", "related.order"))
    by_key: dict[str, list] = {}
    orders = []
    for r in records:
        if r.kind == "related":
            by_key.setdefault(r.key, []).append(r)
        else:
            orders.append(r)
    states = {key: settle_related(group) for key, group in by_key.items()}
    order = settle_order(orders)
    pins = [u for u in order if states.get(u) == "pinned"]
    pins += sorted(u for u, s in states.items() if s == "pinned" and u not in pins)
    bans = sorted(u for u, s in states.items() if s == "banned")
    return library._write_related_state(article_id, pins, bans)


def revision_values(revision) -> dict:
    """A revision's content as the fields of an article row (title, body, fields, extra, tags)."""
    meta = revision.metadata or {}
    values = {name: meta.get(name, "") for name in FIELDS[1:]}
    values.update(title=revision.title, body=revision.body, extra=meta.get("extra") or {},
                  tags=list(meta.get("tags") or []))
    return values


def snapshot_values(snapshot: Snapshot) -> dict:
    values = dict(snapshot.fields)
    values.update(title=snapshot.title, body=snapshot.body, extra=dict(snapshot.extra),
                  tags=list(snapshot.tags))
    return values


def _metadata_json(snapshot: Snapshot, status: str) -> str:
    """The metadata a revision keeps, in the form ``Library._revision_metadata`` writes."""
    meta = {name: snapshot.fields.get(name, "") for name in FIELDS[1:]}
    meta.update(status=status, tags=list(snapshot.tags), extra=dict(snapshot.extra))
    return json.dumps(meta, ensure_ascii=False, sort_keys=True)


class _ArticleReceive:
    """Applying one article's changes (the steps of the module docstring)."""

    def __init__(self, library: Library, source_name: str, changes: ArticleChanges, summary: ReceiveSummary):
        self.lib = library
        self.source = source_name
        self.ch = changes
        self.summary = summary
        self.label = f"article {changes.slug or changes.uuid}"

    def fail(self, problem: str):
        _fail(self.source, f"{self.label}: {problem}")

    def run(self, arrived: list[str]) -> None:
        lib, ch = self.lib, self.ch
        local_id = lib.article_id_by_uuid(ch.uuid)
        id_of, new_revisions = self._check_revisions(local_id)
        new_records = self._check_records(local_id)
        if local_id is None:
            if not new_revisions:
                self.fail("has no revisions")
            head = next(r for r in new_revisions if r.uid == ch.head)
            root = new_revisions[0]
            aid = lib._create_received_article(
                ch.uuid, revision_values(head), status=head.metadata.get("status", "draft"),
                created_at=root.created_at)
            how = "arrived"
            arrived.append(ch.uuid)
        else:
            aid = local_id
            how = None
            # What is being typed here goes into the history first. A status that differs
            # from the head's (moves replayed since) is no text of anyone's: no revision.
            if new_revisions and lib.text_differs_from_head(aid):
                from editor_app.core.review.workflow import current_user
                lib._snapshot(aid, reason="kept before receiving", author=current_user(lib),
                              skip_if_unchanged=True)
        for rev in new_revisions:
            id_of[rev.uid] = lib._insert_revision(
                aid, uid=rev.uid, title=rev.title, body=rev.body,
                metadata=json.dumps(rev.metadata, ensure_ascii=False, sort_keys=True),
                author=rev.author, reason=rev.reason, created_at=rev.created_at, origin=rev.origin,
                parent_ids=[id_of[p] for p in rev.parents])
        if how == "arrived":
            lib._set_head(aid, id_of[ch.head])
        self.summary.revisions += len(new_revisions)
        # Only new revisions can change what merges: without them the graph is as it was.
        content_changed, merged, conflicts = (self._merge_heads(aid) if new_revisions
                                              else (False, False, []))
        records_changed, comments_added = self._apply_records(aid, new_records)
        status_changed = self._replay(aid, new_records, force=how == "arrived")
        if content_changed or comments_added:
            from editor_app.core.review.anchoring import reanchor_comments
            reanchor_comments(lib, aid)
        article = lib.get_article(aid)
        ref = ArticleRef(aid, article.uuid, article.slug, article.title)
        if how == "arrived":
            self.summary.arrived.append(ref)
            if conflicts:  # it arrives in conflict: the sender had not merged two versions
                self.summary.conflicts.append(ref)
            return
        touched = content_changed or records_changed or status_changed or bool(new_revisions)
        if touched:
            lib._touch(aid)
        if conflicts:
            self.summary.conflicts.append(ref)
        elif merged:
            self.summary.merged.append(ref)
        elif touched:
            self.summary.updated.append(ref)
        else:
            self.summary.unchanged.append(ref)

    # -- checks -------------------------------------------------------------------------
    def _check_revisions(self, local_id: int | None) -> tuple[dict[str, int], list[RevisionData]]:
        ch = self.ch
        wanted = {r.uid for r in ch.revisions} | {p for r in ch.revisions for p in r.parents}
        wanted |= set(ch.heads)
        known = self.lib.revision_uids(sorted(wanted))
        for uid, (_rid, owner) in known.items():
            if owner != local_id:
                self.fail(f"revision {uid} belongs to another article in this library")
        available = set(known)
        new = []
        for rev in ch.revisions:
            for parent in rev.parents:
                if parent not in available:
                    self.fail(f"revision {rev.uid} names a parent ({parent}) that is neither in the "
                              "file nor in this library; ask for a complete hand-off (without --since)")
            if rev.uid not in known:
                new.append(rev)
            available.add(rev.uid)
        for head in ch.heads:
            if head not in available:
                self.fail(f"its head revision {head} is neither in the file nor in this library")
        if local_id is None and ch.revisions and not new:
            self.fail("has no revisions")
        return {uid: rid for uid, (rid, _owner) in known.items()}, new

    def _check_records(self, local_id: int | None) -> list:
        ch, lib = self.ch, self.lib
        known = lib.known_records([r.uid for r in ch.records])
        for uid, (article, _kind) in known.items():
            if article != ch.uuid:
                self.fail(f"record {uid} claims this article but belongs to another one here")
        new = [r for r in ch.records if r.uid not in known]
        # Causes and comments a record names must be here or earlier in the changes.
        seen: set[str] = set(known)
        batch_comments: set[str] = set()
        causes = {a for r in new for a in r.after} - {r.uid for r in ch.records}
        known_causes = lib.known_records(sorted(causes))
        refs = {r.data["parent"] for r in new if r.kind == "comment" and r.data.get("parent")}
        refs |= {r.key for r in new if r.kind == "comment.state"}
        here = lib.comment_ids_by_uid(sorted(refs))
        for uid, (_cid, owner) in here.items():
            if owner != local_id:
                self.fail(f"a record refers to comment {uid}, which belongs to another article")
        for record in ch.records:
            if record.uid in known:
                seen.add(record.uid)
                continue
            for cause in record.after:
                if cause not in seen and (cause not in known_causes or
                                          known_causes[cause][0] != ch.uuid):
                    self.fail(f"record {record.uid} follows a record ({cause}) that is neither in "
                              "the file nor in this library")
            if record.kind == "comment":
                parent = record.data.get("parent")
                if parent and parent not in batch_comments and parent not in here:
                    self.fail(f"reply {record.uid} answers a comment ({parent}) that is neither in "
                              "the file nor in this library")
                batch_comments.add(record.uid)
            elif record.kind == "comment.state" and record.key not in batch_comments and \
                    record.key not in here:
                self.fail(f"record {record.uid} resolves a comment ({record.key}) that is neither "
                          "in the file nor in this library")
            seen.add(record.uid)
        return new

    # -- merging ------------------------------------------------------------------------
    def _snapshot_of(self, uid: str | None) -> Snapshot | None:
        return Snapshot.from_revision(self.lib.revision_by_uid(uid)) if uid else None

    def _merge_heads(self, aid: int) -> tuple[bool, bool, list[int]]:
        """Merge every other head into the working head: (content changed, merged, conflict ids)."""
        lib = self.lib
        working, heads = lib.head_uids(aid)
        if working is None or heads == [working]:  # one line of history: nothing to merge
            lib._set_conflicts(aid, [], utc_now())
            return False, False, []
        graph = dict(lib.revision_graph(aid))
        ids = lib.revision_uids(list(graph))
        depth = generations(graph)
        start = working
        folded = self._fold_heads(aid, graph, ids, depth, heads)
        if folded is not None:
            if folded != start:
                lib._set_head(aid, ids[folded][0])
                lib._write_article_content(aid, revision_values(lib.revision_by_uid(folded)))
            lib._set_conflicts(aid, [], utc_now())
            return folded != start, True, []
        others = sorted((h for h in heads if h != working),
                        key=lambda h: (0 if is_ancestor(graph, start, h) else 1, depth[h], h))
        changed = merged = False
        conflicts: list[int] = []
        for head in others:
            if is_ancestor(graph, working, head):
                working, changed = head, True
                continue
            if is_ancestor(graph, head, working):
                continue
            base = merge_base(graph, working, head)
            first, second = sorted((working, head))  # the same merge from either side
            revisions = {u: lib.revision_by_uid(u) for u in (first, second)}
            outcome = merge_snapshots(self._snapshot_of(base), Snapshot.from_revision(revisions[first]),
                                      Snapshot.from_revision(revisions[second]))
            if not outcome.clean:
                conflicts.append(ids[head][0])
                continue
            uid = derived_uid("merge", first, second)
            if uid not in graph:
                later = max((first, second), key=lambda u: (depth[u], u))
                snapshot = outcome.snapshot()
                rid = lib._insert_revision(
                    aid, uid=uid, title=snapshot.title, body=snapshot.body,
                    metadata=_metadata_json(snapshot,
                                            revisions[later].metadata.get("status", "draft")),
                    author="", reason="merge", origin="",
                    created_at=max(revisions[first].created_at, revisions[second].created_at),
                    parent_ids=[ids[first][0], ids[second][0]])
                ids[uid] = (rid, aid)
                graph[uid] = (first, second)
                depth[uid] = max(depth[first], depth[second]) + 1
            working, changed, merged = uid, True, True
        if working != start:
            lib._set_head(aid, ids[working][0])
            lib._write_article_content(aid, revision_values(lib.revision_by_uid(working)))
        lib._set_conflicts(aid, conflicts, utc_now())
        return changed, merged, conflicts

    def _fold_heads(self, aid: int, graph: dict, ids: dict, depth: dict,
                    heads: list[str]) -> str | None:
        """Merge every head in one canonical order (by id) when all merge cleanly; the result.

        Every library holding the same heads then makes the same merge revisions (derived
        ids, the same text), whichever head it was working on: many laptops syncing with
        one server converge instead of multiplying merges of merges (#15). None when some
        pair conflicts: then each library keeps its own text and lists the others.
        """
        lib = self.lib
        order = sorted(heads)
        if len(order) < 2:
            return None
        graph, depth = dict(graph), dict(depth)
        snapshots: dict[str, Snapshot] = {}
        made: dict[str, tuple] = {}  # merge uid -> (snapshot, status, created_at, parents)

        def revision(uid: str):
            return lib.revision_by_uid(uid)

        def snapshot(uid: str) -> Snapshot:
            if uid not in snapshots:
                snapshots[uid] = Snapshot.from_revision(revision(uid))
            return snapshots[uid]

        def facts(uid: str) -> tuple[str, str]:
            if uid in made:
                return made[uid][1], made[uid][2]
            rev = revision(uid)
            return rev.metadata.get("status", "draft"), rev.created_at

        acc = order[0]
        for head in order[1:]:
            base = merge_base(graph, acc, head)
            first, second = sorted((acc, head))
            outcome = merge_snapshots(snapshot(base) if base else None, snapshot(first),
                                      snapshot(second))
            if not outcome.clean:
                return None
            uid = derived_uid("merge", first, second)
            if uid not in graph or uid in made:
                later = max((first, second), key=lambda u: (depth[u], u))
                merged = outcome.snapshot()
                snapshots[uid] = merged
                made[uid] = (merged, facts(later)[0], max(facts(first)[1], facts(second)[1]),
                             (first, second))
                graph[uid] = (first, second)
                depth[uid] = max(depth[first], depth[second]) + 1
            acc = uid
        for uid, (merged, status, created_at, (first, second)) in made.items():
            rid = lib._insert_revision(
                aid, uid=uid, title=merged.title, body=merged.body,
                metadata=_metadata_json(merged, status), author="", reason="merge", origin="",
                created_at=created_at, parent_ids=[ids[first][0], ids[second][0]])
            ids[uid] = (rid, aid)
        return acc

    # -- records ---------------------------------------------------------------------
    def _apply_records(self, aid: int, new_records: list) -> tuple[bool, bool]:
        lib, uuid = self.lib, self.ch.uuid
        states, words = set(), set()
        related = comments = False
        for record in new_records:
            lib._store_record(record)
            if record.kind == "comment":
                lib._materialise_comment(aid, record)
                comments = True
            elif record.kind == "comment.state":
                states.add(record.key)
            elif record.kind in ("related", "related.order"):
                related = True
            elif record.kind == "word":
                words.add(record.key)
        self.summary.records += len(new_records)
        for key in states:
            lib._set_comment_state(key, settle_resolved(lib.subject_records(uuid, "comment.state", key)))
        for word in words:
            lib._set_word(f"article:{aid}", word,
                          settle_present(lib.subject_records(uuid, "word", word)))
        if related:
            _refresh_related(lib, aid)
        return bool(new_records), comments

    def _replay(self, aid: int, new_records: list, *, force: bool) -> bool:
        """Replay the article's moves when new ones arrived; refusals go to the summary."""
        new_moves = [r for r in new_records if r.kind == "status"]
        if not new_moves and not force:
            return False
        changed, refused = replay_workflow(self.lib, aid, new_moves)
        self.summary.refused += refused
        return changed


def replay_workflow(library: Library, article_id: int, new_moves: list | None = None
                    ) -> tuple[bool, list[RefusedMove]]:
    """Replay an article's moves and store the trail: (status or trail changed, new refusals).

    The moves a newsroom server holds follow its order and verdicts (#15); the caller
    holds the transaction. ``new_moves``: records that arrived just now (their trail
    rows are made here).
    """
    lib = library
    aid = article_id
    new_moves = new_moves or []
    before = lib._status_event_states(aid)
    article = lib.get_article(aid)
    moves = lib.article_records(aid, kinds=("status",))
    status, outcomes = replay_moves(moves, initial=article.status.value,
                                    verdicts=lib.server_verdicts(article.uuid))
    changed = lib._write_status_replay(aid, status, outcomes, new_moves)
    by_uid = {r.uid: r for r in moves}
    refused = []
    for outcome in outcomes:
        if outcome.refused and not before.get(outcome.uid, False):
            record = by_uid[outcome.uid]
            refused.append(RefusedMove(
                ArticleRef(aid, article.uuid, article.slug, article.title), record.author,
                record.data.get("role", ""), record.data["from"], record.data["to"],
                outcome.reason))
    return changed or any(o.refused != before.get(o.uid, False) for o in outcomes), refused
