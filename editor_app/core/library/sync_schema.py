"""Tables of revision identity, the revision graph and the record log, and their backfill (#14).

Called by the migration ``0003_sync_identity`` in ``schema.py``. What it adds:

- ``library_identity``: this library's own id (``origin`` of what it makes);
- ``revisions.uid`` and ``revision_parents``: every revision has a global id and
  one parent (two for a merge); the history of an article is a graph;
  ``revision_sequence``: their local order of arrival (the cursor of "since");
- ``article_heads``: the revision the article's current text continues from
  (its *working head*); ``revision_conflicts``: other heads of the graph that
  could not be merged cleanly (the article is "in conflict" while any is left);
- ``sync_records``: the append-only log of records (comments, resolutions, moves
  in the workflow, tag changes, pins, vocabulary changes, dictionary words),
  each with a global id; ``seq`` is the local order of arrival, the cursor of
  "changes since";
- ``comments.uid``, ``status_events.uid/refused/refusal/position``: the rows
  that records materialise are linked back to them.

The backfill gives existing rows ids DERIVED from what they are (article uuid,
number, timestamps), not random ones: two copies of one old library that are
migrated apart still agree on their shared history and merge against it.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from editor_app.core.ids import derived_uid, new_uid

if TYPE_CHECKING:
    from editor_app.core.library.sqlite import Database

TABLES = """
CREATE TABLE library_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uid TEXT NOT NULL
);

ALTER TABLE revisions ADD COLUMN uid TEXT;
ALTER TABLE revisions ADD COLUMN origin TEXT NOT NULL DEFAULT '';

CREATE TABLE revision_parents (
    revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
    parent_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (revision_id, position)
);
CREATE INDEX revision_parents_parent ON revision_parents(parent_id);

-- The local order of arrival of revisions, never reused (AUTOINCREMENT): the cursor
-- of "revisions since" for a sync (revision ids can be reused after a deletion).
CREATE TABLE revision_sequence (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    revision_id INTEGER NOT NULL UNIQUE REFERENCES revisions(id) ON DELETE CASCADE
);

CREATE TABLE article_heads (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE
);

CREATE TABLE revision_conflicts (
    revision_id INTEGER PRIMARY KEY REFERENCES revisions(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    detected_at TEXT NOT NULL
);
CREATE INDEX revision_conflicts_article ON revision_conflicts(article_id);

CREATE TABLE sync_records (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    article TEXT NOT NULL DEFAULT '',
    key TEXT NOT NULL DEFAULT '',
    after TEXT NOT NULL DEFAULT '[]',
    data TEXT NOT NULL DEFAULT '{}',
    author TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX sync_records_subject ON sync_records(article, kind, key);
-- Which articles pin or ban an article that has just arrived (related news by uuid).
CREATE INDEX sync_records_key ON sync_records(kind, key);

ALTER TABLE comments ADD COLUMN uid TEXT;

ALTER TABLE status_events ADD COLUMN uid TEXT;
ALTER TABLE status_events ADD COLUMN refused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE status_events ADD COLUMN refusal TEXT NOT NULL DEFAULT '';
ALTER TABLE status_events ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
"""

# The graph is read from narrow rows only: a column stored after a revision's body
# (uid, origin) costs a walk through the body's overflow pages, 70 KB a revision of a
# 10,000-word interview. This index holds what graph queries need, body-free.
INDEXES = """
CREATE UNIQUE INDEX revisions_uid ON revisions(uid);
CREATE INDEX revisions_graph ON revisions(article_id, number, uid, origin);
CREATE UNIQUE INDEX comments_uid ON comments(uid);
CREATE UNIQUE INDEX status_events_uid ON status_events(uid);
"""


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def migrate(db: Database) -> None:
    """Create the tables and backfill ids, parents, heads and records of existing data."""
    conn = db.conn
    for statement in TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO library_identity (id, uid) VALUES (1, ?)", [new_uid()])
    uuids = dict(conn.execute("SELECT id, uuid FROM articles"))
    _backfill_revisions(conn, uuids)
    records: list[tuple] = []
    _backfill_comments(conn, uuids, records)
    _backfill_status(conn, uuids, records)
    _backfill_related(conn, uuids, records)
    _backfill_words(conn, uuids, records)
    _backfill_aliases(conn, records)
    conn.executemany(
        "INSERT INTO sync_records (uid, kind, article, key, after, data, author, origin, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)", records)
    for statement in INDEXES.split(";"):
        if statement.strip():
            conn.execute(statement)


def _backfill_revisions(conn: sqlite3.Connection, uuids: dict[int, str]) -> None:
    """Ids from what each revision is; the history so far was a list: each its own parent's child."""
    rows = conn.execute(
        "SELECT id, article_id, number, title, length(body), reason, author, created_at"
        " FROM revisions ORDER BY article_id, number").fetchall()
    updates: list[tuple] = []
    parents: list[tuple] = []
    last: dict[int, str] = {}
    for rid, aid, number, title, body_length, reason, author, created in rows:
        updates.append((derived_uid("revision", uuids[aid], number, created, title, body_length,
                                    reason, author), rid))
        if aid in last:
            parents.append((rid, last[aid], 0))
        last[aid] = rid
    conn.executemany("UPDATE revisions SET uid = ? WHERE id = ?", updates)
    conn.execute("INSERT INTO revision_sequence (revision_id) SELECT id FROM revisions ORDER BY id")
    conn.executemany("INSERT INTO revision_parents (revision_id, parent_id, position)"
                     " VALUES (?, ?, ?)", parents)
    conn.executemany("INSERT INTO article_heads (article_id, revision_id) VALUES (?, ?)",
                     list(last.items()))


def _backfill_comments(conn: sqlite3.Connection, uuids: dict[int, str], records: list[tuple]) -> None:
    rows = conn.execute(
        "SELECT id, article_id, parent_id, author, text, quote, start, \"end\", resolved, created_at"
        " FROM comments ORDER BY id").fetchall()
    uid_of: dict[int, str] = {}
    updates = []
    for cid, aid, parent, author, text, quote, start, end, resolved, created in rows:
        uid = derived_uid("comment", uuids[aid], cid, created, author, text)
        uid_of[cid] = uid
        updates.append((uid, cid))
        data = {"parent": uid_of.get(parent), "text": text, "quote": quote, "start": start,
                "end": end}
        records.append((uid, "comment", uuids[aid], uid, "[]", _json(data), author, created))
        if resolved:
            records.append((derived_uid("comment.state", uid, "resolved"), "comment.state",
                            uuids[aid], uid, "[]", _json({"resolved": True}), "", created))
    conn.executemany("UPDATE comments SET uid = ? WHERE id = ?", updates)


def genesis_uid(article_uuid: str) -> str:
    """The id of an article's first "status" record: the same in every library."""
    return derived_uid("genesis", article_uuid)


def _backfill_status(conn: sqlite3.Connection, uuids: dict[int, str], records: list[tuple]) -> None:
    """Chain the trail of each article after a genesis record that makes it end where it is.

    The article's status must come out of a replay of its records exactly as it
    is now. When the old trail does not chain (an import set the status outside
    the workflow), its events become trail notes and the genesis is the status
    the article has.
    """
    first_status = {}
    for aid, meta in conn.execute(
            "SELECT article_id, metadata FROM revisions r WHERE number ="
            " (SELECT min(number) FROM revisions WHERE article_id = r.article_id)"):
        try:
            first_status[aid] = json.loads(meta or "{}").get("status") or "draft"
        except ValueError:
            first_status[aid] = "draft"
    events: dict[int, list[tuple]] = {}
    for row in conn.execute(
            "SELECT id, article_id, from_status, to_status, who, role, note, override, created_at"
            " FROM status_events ORDER BY id"):
        events.setdefault(row[1], []).append(row)
    updates = []
    for aid, status in conn.execute("SELECT id, status FROM articles ORDER BY id").fetchall():
        trail = events.get(aid, [])
        genesis = first_status.get(aid, "draft")
        current, chained = genesis, []
        for _eid, _aid, frm, to, *_rest in trail:
            if frm == to:
                chained.append(True)  # a note (an override without a move)
            elif frm == current:
                chained.append(False)
                current = to
            else:
                chained.append(True)
        if current != status:
            genesis, chained = status, [True] * len(trail)
        art_uuid = uuids[aid]
        previous = genesis_uid(art_uuid)
        records.append((previous, "status", art_uuid, "", "[]",
                        _json({"genesis": True, "from": "", "to": genesis}), "", ""))
        for position, ((eid, _aid, frm, to, who, role, note, override, created), outside) in \
                enumerate(zip(trail, chained, strict=True)):
            uid = derived_uid("status", art_uuid, eid, created, frm, to)
            # "legacy": made before moves were replayed; the table is not checked again.
            data = {"from": frm, "to": to, "role": role, "note": note,
                    "override": bool(override), "outside": outside, "legacy": True}
            records.append((uid, "status", art_uuid, "", _json([previous]), _json(data), who,
                            created))
            updates.append((uid, position, eid))
            previous = uid
    conn.executemany("UPDATE status_events SET uid = ?, position = ? WHERE id = ?", updates)


def _backfill_related(conn: sqlite3.Connection, uuids: dict[int, str], records: list[tuple]) -> None:
    pins: dict[int, list[int]] = {}
    for aid, other in conn.execute(
            "SELECT article_id, other_id FROM related_pins ORDER BY article_id, position"):
        pins.setdefault(aid, []).append(other)
    for aid, others in pins.items():
        for other in others:
            records.append((derived_uid("related", uuids[aid], uuids[other], "pinned"), "related",
                            uuids[aid], uuids[other], "[]", _json({"state": "pinned"}), "", ""))
        order = [uuids[o] for o in others]
        records.append((derived_uid("related.order", uuids[aid], *order), "related.order",
                        uuids[aid], "", "[]", _json({"order": order}), "", ""))
    for aid, other in conn.execute("SELECT article_id, other_id FROM related_bans"):
        records.append((derived_uid("related", uuids[aid], uuids[other], "banned"), "related",
                        uuids[aid], uuids[other], "[]", _json({"state": "banned"}), "", ""))


def _backfill_words(conn: sqlite3.Connection, uuids: dict[int, str], records: list[tuple]) -> None:
    for scope, word, created in conn.execute(
            "SELECT scope, word, created_at FROM dictionary_words ORDER BY scope, word"):
        if scope == "newsroom":
            article = ""
        elif scope.startswith("article:") and scope[8:].isdigit() and int(scope[8:]) in uuids:
            article = uuids[int(scope[8:])]
        else:
            continue  # a scope that does not travel
        records.append((derived_uid("word", scope if not article else article, word), "word",
                        article, word, "[]", _json({"present": True}), "", created))


def _backfill_aliases(conn: sqlite3.Connection, records: list[tuple]) -> None:
    """Aliases travel as vocabulary records, so the other side finds tags by the same names."""
    for name, alias in conn.execute(
            "SELECT t.name, a.alias FROM tag_aliases a JOIN tags t ON t.id = a.tag_id"
            " ORDER BY t.name, a.alias"):
        records.append((derived_uid("vocabulary", "alias", name, alias), "vocabulary", "", "",
                        "[]", _json({"op": "alias", "tag": name, "alias": alias}), "", ""))
