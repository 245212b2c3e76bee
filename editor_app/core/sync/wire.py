"""What travels between libraries, independent of how it travels (#14).

The sync engine exchanges *changes*: for each article the revisions and records
the other side may lack, for the library the records that belong to no article
(vocabulary, newsroom words), and assets by sha256. A hand-off file carries
them as JSON members of a zip (``handoff``); the newsroom server will carry the
same objects in PostgreSQL rows. Everything decoded here is checked as hostile
input: every field's type, size and characters; ids in canonical form; records
of the article they travel with. A problem raises ``InputError`` naming where.

Bodies are sent as indices into a pool of distinct lines: 500 revisions of a
10,000-word interview share almost all their lines, so the pool stays near the
size of one version (a zip's 32 KB window cannot see across 60 KB bodies).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor_app.core.errors import InputError
from editor_app.core.ids import is_uid
from editor_app.core.library.records import RECORD_KINDS, Record
from editor_app.core.models import Kind, Role, Status

TITLE_MAX = 300
TEXT_MAX = 10 * 1024 * 1024  # a body or pool line
NOTE_MAX = 100_000
NAME_MAX = 200
LIST_MAX = 100_000
_SHA256 = re.compile(r"[0-9a-f]{64}")
# What check_clean_text refuses, as one regex: controls (but tab, LF, CR), DEL and C1,
# bidi overrides and isolates, lone surrogates.
_BAD_MULTI = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BAD_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BAD_POOL_LINE = re.compile("[\x00-\x08\x0a-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
REVISION_META_TEXT = ("interviewee", "author", "language", "slug")


@dataclass(frozen=True)
class RevisionData:
    """One revision as exchanged: global id, parents (two for a merge), content."""

    uid: str
    parents: tuple[str, ...]
    title: str
    body: str
    metadata: dict = field(hash=False)
    author: str = ""
    reason: str = ""
    created_at: str = ""
    origin: str = ""


@dataclass(frozen=True)
class ArticleChanges:
    """What one article brings: its revisions (parents first) and records (causes first).

    ``head`` is the sender's working head; ``heads`` every head of its graph
    (an unmerged version from elsewhere travels on, so the conflict shows on
    the other side too).
    """

    uuid: str
    slug: str
    title: str
    head: str
    heads: tuple[str, ...]
    revisions: tuple[RevisionData, ...]
    records: tuple[Record, ...]
    assets: tuple[str, ...] = ()


@dataclass(frozen=True)
class LibraryChanges:
    records: tuple[Record, ...] = ()


# -- checks -------------------------------------------------------------------------
class _Checker:
    def __init__(self, where: str):
        self.where = where

    def fail(self, problem: str):
        raise InputError(f"{self.where}: {problem}")

    def obj(self, value, what: str) -> dict:
        if not isinstance(value, dict):
            self.fail(f"{what} is not an object")
        return value

    def lst(self, value, what: str, limit: int = LIST_MAX) -> list:
        if not isinstance(value, list):
            self.fail(f"{what} is not a list")
        if len(value) > limit:
            self.fail(f"{what} has more than {limit} entries")
        return value

    def text(self, value, what: str, *, limit: int = NAME_MAX, multiline: bool = False,
             empty: bool = True) -> str:
        if not isinstance(value, str):
            self.fail(f"{what} is not text")
        if len(value) > limit:
            self.fail(f"{what} is longer than {limit} characters")
        bad = (_BAD_MULTI if multiline else _BAD_LINE).search(value)
        if bad:
            self.fail(f"{what} contains a forbidden character (U+{ord(bad.group()):04X})")
        if not empty and not value.strip():
            self.fail(f"{what} is empty")
        return value

    def uid(self, value, what: str) -> str:
        if not is_uid(value):
            self.fail(f"{what} is not a valid id ({str(value)[:40]!r})")
        return value

    def uids(self, value, what: str, limit: int = LIST_MAX) -> tuple[str, ...]:
        return tuple(self.uid(v, what) for v in self.lst(value, what, limit))

    def flag(self, value, what: str) -> bool:
        if not isinstance(value, bool):
            self.fail(f"{what} is not true or false")
        return value

    def number(self, value, what: str, limit: int = 10**9) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= limit:
            self.fail(f"{what} is not a number from 0 to {limit}")
        return value

    def choice(self, value, what: str, allowed) -> str:
        if value not in allowed:
            self.fail(f"{what} {str(value)[:40]!r} is not one of: {', '.join(sorted(allowed))}")
        return value


_STATUSES = frozenset(s.value for s in Status)
_ROLES = frozenset(r.value for r in Role) | {""}
_KINDS = frozenset(k.value for k in Kind)
_VOCABULARY_OPS = {
    "rename": ("old", "new"), "merge": ("source", "target"), "alias": ("tag", "alias"),
    "unalias": ("tag", "alias"), "aliases": ("tag",), "describe": ("tag",),
}


def _check_metadata(c: _Checker, meta, what: str) -> dict:
    meta = c.obj(meta, what)
    for name in REVISION_META_TEXT:
        if name in meta:
            c.text(meta[name], f"{what}.{name}")
    if "summary" in meta:
        c.text(meta["summary"], f"{what}.summary", limit=NOTE_MAX, multiline=True)
    if "kind" in meta:
        c.choice(meta["kind"], f"{what}.kind", _KINDS)
    if "status" in meta:
        c.choice(meta["status"], f"{what}.status", _STATUSES)
    if "date" in meta:
        c.text(meta["date"], f"{what}.date", limit=40)
    if "tags" in meta:
        for tag in c.lst(meta["tags"], f"{what}.tags", 500):
            c.text(tag, f"{what}.tags", limit=64, empty=False)
    if "extra" in meta:
        c.obj(meta["extra"], f"{what}.extra")
    return meta


def _check_record_data(c: _Checker, kind: str, key: str, data: dict, article: str, where: str):
    if kind == "comment":
        c.uid(key, f"{where}.key")
        if data.get("parent") is not None:
            c.uid(data["parent"], f"{where}.parent")
        c.text(data.get("text"), f"{where}.text", limit=NOTE_MAX, multiline=True, empty=False)
        c.text(data.get("quote", ""), f"{where}.quote", limit=NOTE_MAX, multiline=True)
        start = c.number(data.get("start", 0), f"{where}.start")
        if c.number(data.get("end", 0), f"{where}.end") < start:
            c.fail(f"{where}: the passage ends before it starts")
    elif kind == "comment.state":
        c.uid(key, f"{where}.key")
        c.flag(data.get("resolved"), f"{where}.resolved")
    elif kind == "status":
        if key:
            c.fail(f"{where}.key must be empty")
        if data.get("genesis"):
            c.choice(data.get("to"), f"{where}.to", _STATUSES)
            if data.get("from", ""):
                c.fail(f"{where}: a genesis record has no 'from'")
            return
        c.choice(data.get("from"), f"{where}.from", _STATUSES)
        c.choice(data.get("to"), f"{where}.to", _STATUSES)
        c.choice(data.get("role", ""), f"{where}.role", _ROLES)
        c.text(data.get("note", ""), f"{where}.note", limit=NOTE_MAX, multiline=True)
        c.flag(data.get("override", False), f"{where}.override")
        c.flag(data.get("outside", False), f"{where}.outside")
        c.flag(data.get("legacy", False), f"{where}.legacy")
        c.flag(data.get("imported", False), f"{where}.imported")
    elif kind == "tags":
        for name in ("added", "removed"):
            for tag in c.lst(data.get(name, []), f"{where}.{name}", 500):
                c.text(tag, f"{where}.{name}", limit=64, empty=False)
    elif kind == "related":
        c.uid(key, f"{where}.key")
        if key == article:
            c.fail(f"{where}: an article cannot be related to itself")
        c.choice(data.get("state"), f"{where}.state", {"pinned", "none", "banned"})
    elif kind == "related.order":
        c.uids(data.get("order", []), f"{where}.order", 10_000)
    elif kind == "word":
        c.text(key, f"{where}.key", limit=100, empty=False)
        if any(ch.isspace() for ch in key):
            c.fail(f"{where}.key is not a single word")
        c.flag(data.get("present"), f"{where}.present")
    elif kind == "vocabulary":
        if article:
            c.fail(f"{where}: a vocabulary change cannot belong to an article")
        op = c.choice(data.get("op"), f"{where}.op", set(_VOCABULARY_OPS))
        for name in _VOCABULARY_OPS[op]:
            c.text(data.get(name), f"{where}.{name}", limit=64, empty=False)
        if op == "aliases":
            for alias in c.lst(data.get("aliases", []), f"{where}.aliases", 500):
                c.text(alias, f"{where}.aliases", limit=64, empty=False)
        if op == "rename" and "keep_alias" in data:
            c.flag(data["keep_alias"], f"{where}.keep_alias")
        if op == "describe":
            c.text(data.get("description", ""), f"{where}.description", limit=1000,
                   multiline=True)


def decode_record(c: _Checker, obj, where: str, article: str) -> Record:
    """A record from its JSON form; ``article``: the article it travels with ("" for the library)."""
    obj = c.obj(obj, where)
    uid = c.uid(obj.get("uid"), f"{where}.uid")
    where = f"record {uid}"
    kind = c.choice(obj.get("kind"), f"{where}: kind", RECORD_KINDS)
    owner = obj.get("article", "")
    if owner != article:
        if article:
            c.fail(f"{where} claims another article's id ({str(owner)[:40]!r}, "
                   f"but it travels with {article})")
        c.fail(f"{where} claims an article ({str(owner)[:40]!r}) but travels with the library")
    key = c.text(obj.get("key", ""), f"{where}.key", limit=200)
    data = c.obj(obj.get("data", {}), f"{where}.data")
    _check_record_data(c, kind, key, data, article, where)
    after = c.uids(obj.get("after", []), f"{where}.after", 1000)
    origin = obj.get("origin", "")
    if origin:
        c.uid(origin, f"{where}.origin")
    return Record(uid, kind, article, key, after, data,
                  c.text(obj.get("author", ""), f"{where}.author"), origin,
                  c.text(obj.get("created_at", ""), f"{where}.created_at", limit=40))


# -- articles ----------------------------------------------------------------------
def encode_article(changes: ArticleChanges) -> dict:
    """The JSON form of an article's changes (bodies as indices into a pool of lines)."""
    pool: dict[str, int] = {}
    revisions = []
    for rev in changes.revisions:
        lines = rev.body.split("\n")
        body = list(map(pool.get, lines))  # most lines are in the pool already
        for at, index in enumerate(body):
            if index is None:
                body[at] = pool.setdefault(lines[at], len(pool))
        revisions.append({"uid": rev.uid, "parents": list(rev.parents), "title": rev.title,
                          "body": body, "metadata": rev.metadata, "author": rev.author,
                          "reason": rev.reason, "created_at": rev.created_at,
                          "origin": rev.origin})
    return {"uuid": changes.uuid, "slug": changes.slug, "title": changes.title,
            "head": changes.head, "heads": list(changes.heads), "lines": list(pool),
            "revisions": revisions, "records": [r.as_wire() for r in changes.records],
            "assets": list(changes.assets)}


def decode_article(obj, where: str) -> ArticleChanges:
    """An article's changes from JSON, checked field by field; InputError names ``where``."""
    c = _Checker(where)
    obj = c.obj(obj, "the article")
    uuid = c.uid(obj.get("uuid"), "uuid")
    c.where = f"{where} (article {uuid})"
    slug = c.text(obj.get("slug", ""), "slug", limit=80)
    title = c.text(obj.get("title", ""), "title", limit=TITLE_MAX)
    head = c.uid(obj.get("head"), "head")
    heads = c.uids(obj.get("heads", []), "heads", 1000)
    if head not in heads:
        c.fail("its head is not among its heads")
    lines = c.lst(obj.get("lines", []), "lines", 10_000_000)
    for i, line in enumerate(lines):
        if not isinstance(line, str):
            c.fail(f"line {i} of the text pool is not text")
        bad = _BAD_POOL_LINE.search(line)
        if bad:
            c.fail(f"the text contains a forbidden character (U+{ord(bad.group()):04X})")
    revisions, seen = [], set()
    for i, raw in enumerate(c.lst(obj.get("revisions", []), "revisions")):
        raw = c.obj(raw, f"revision {i}")
        uid = c.uid(raw.get("uid"), f"revision {i} id")
        if uid in seen:
            c.fail(f"revision {uid} appears twice")
        seen.add(uid)
        parents = c.uids(raw.get("parents", []), f"revision {uid} parents", 2)
        if len(set(parents)) != len(parents) or uid in parents:
            c.fail(f"revision {uid} names the same parent twice or itself")
        indices = c.lst(raw.get("body", []), f"revision {uid} body", 10_000_000)
        try:
            body = "\n".join([lines[k] for k in indices])
        except (IndexError, TypeError):
            c.fail(f"revision {uid} body points outside the text pool")
        if len(body) > TEXT_MAX:
            c.fail(f"revision {uid} body is larger than {TEXT_MAX // (1024 * 1024)} MB")
        origin = raw.get("origin", "")
        if origin:
            c.uid(origin, f"revision {uid} origin")
        revisions.append(RevisionData(
            uid, parents, c.text(raw.get("title"), f"revision {uid} title", limit=TITLE_MAX,
                                 empty=False),
            body, _check_metadata(c, raw.get("metadata", {}), f"revision {uid} metadata"),
            c.text(raw.get("author", ""), f"revision {uid} author"),
            c.text(raw.get("reason", ""), f"revision {uid} reason", limit=NOTE_MAX),
            c.text(raw.get("created_at", ""), f"revision {uid} created_at", limit=40),
            origin))
    records, seen_records = [], set()
    for i, raw in enumerate(c.lst(obj.get("records", []), "records")):
        record = decode_record(c, raw, f"record {i}", uuid)
        if record.uid in seen_records:
            c.fail(f"record {record.uid} appears twice")
        seen_records.add(record.uid)
        records.append(record)
    assets = tuple(c.lst(obj.get("assets", []), "assets", 10_000))
    for asset in assets:
        if not is_sha256(asset):
            c.fail(f"asset {str(asset)[:70]!r} is not a sha256")
    return ArticleChanges(uuid, slug, title, head, heads, tuple(revisions), tuple(records), assets)


def encode_library(changes: LibraryChanges) -> dict:
    return {"records": [r.as_wire() for r in changes.records]}


def decode_library(obj, where: str) -> LibraryChanges:
    c = _Checker(where)
    obj = c.obj(obj, "the library part")
    records = []
    seen = set()
    for i, raw in enumerate(c.lst(obj.get("records", []), "records")):
        record = decode_record(c, raw, f"record {i}", "")
        if record.kind not in ("vocabulary", "word"):
            c.fail(f"record {record.uid}: a {record.kind} record must travel with its article")
        if record.uid in seen:
            c.fail(f"record {record.uid} appears twice")
        seen.add(record.uid)
        records.append(record)
    return LibraryChanges(tuple(records))


def is_sha256(value) -> bool:
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None
