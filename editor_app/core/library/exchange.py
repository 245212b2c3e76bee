"""Library mixin: the SQL the sync engine needs to send and receive (#14).

The engine (``editor_app.core.sync.engine``) decides; these methods read and
write rows. The underscore methods run inside the caller's transaction: a
receive is one transaction, whatever it touches.
"""

from __future__ import annotations

from editor_app.core.errors import ConflictError, NotFoundError
from editor_app.core.library.articles import validate_fields
from editor_app.core.library.connection import utc_now
from editor_app.core.library.records import Record
from editor_app.core.library.sync_schema import genesis_uid

#: Article fields a revision carries besides title and body.
CONTENT_FIELDS = ("kind", "interviewee", "author", "date", "language", "summary", "slug")


class ExchangeStore:
    """Mixin of Library (see editor_app/core/library/__init__.py)."""

    # -- reading for a send ---------------------------------------------------------
    def article_id_by_uuid(self, uuid: str) -> int | None:
        with self._tx.lock:
            row = self.db.execute("SELECT id FROM articles WHERE uuid = ?", [uuid]).fetchone()
        return row[0] if row else None

    def head_uids(self, article_id: int) -> tuple[str | None, list[str]]:
        """``(working head uid, uids of every head of the graph)``."""
        with self._tx.lock:
            row = self.db.execute(
                "SELECT r.uid FROM article_heads h JOIN revisions r ON r.id = h.revision_id"
                " WHERE h.article_id = ?", [article_id]).fetchone()
            heads = [r[0] for r in self.db.execute(
                "SELECT r.uid FROM revisions r WHERE r.article_id = ?"
                " AND NOT EXISTS"
                " (SELECT 1 FROM revision_parents p WHERE p.parent_id = r.id) ORDER BY r.number",
                [article_id])]
        return (row[0] if row else None), heads

    def asset_for_exchange(self, sha256: str) -> tuple[bytes, str, str] | None:
        """``(data, name, mime)`` of an image, or None when the library lacks it."""
        with self._tx.lock:
            row = self.db.execute("SELECT data, name, mime FROM assets WHERE sha256 = ?",
                                  [sha256]).fetchone()
        return (bytes(row[0]), row[1], row[2]) if row else None

    def ensure_genesis(self, article_id: int) -> None:
        """Give an article written outside the library API (a bulk load) its genesis record.

        Such an article has no moves either, so it starts where it is.
        """
        with self._tx.write() as db:
            row = db.execute("SELECT uuid, status FROM articles WHERE id = ?",
                             [article_id]).fetchone()
            if row and not db.execute("SELECT 1 FROM sync_records WHERE uid = ?",
                                      [genesis_uid(row[0])]).fetchone():
                self._log_genesis(article_id, row[0], row[1])

    # -- writing for a receive (inside the caller's transaction) -----------------------
    def _content_values(self, values: dict, article_id: int | None) -> dict:
        fields = {name: values.get(name, "") for name in CONTENT_FIELDS}
        fields.update(title=values["title"], body=values["body"], extra=values.get("extra") or {})
        fields = validate_fields(fields)
        wanted = fields.pop("slug", "") or ""
        current = None
        if article_id is not None:
            current = self.db.execute("SELECT slug FROM articles WHERE id = ?",
                                      [article_id]).fetchone()[0]
        if wanted and wanted != current:
            # Another article here may have the slug already: this one gets a free variant.
            fields["slug"] = self._unique_slug(wanted, exclude_id=article_id)
        elif current is None:
            from editor_app.core.text import slugify
            fields["slug"] = self._unique_slug(slugify(fields["title"]))
        return fields

    def _create_received_article(self, uuid: str, values: dict, *, status: str,
                                 created_at: str) -> int:
        fields = self._content_values(values, None)
        now = utc_now()
        fields.update(uuid=uuid, status=status, version=1, created_at=created_at or now,
                      updated_at=now)
        cur = self.db.execute(
            f"INSERT INTO articles ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})",
            list(fields.values()))
        aid = cur.lastrowid
        self.set_tags(aid, list(values.get("tags") or []), _bump=False, _record=False)
        return aid

    def _write_article_content(self, article_id: int, values: dict) -> None:
        """The article's row becomes the given version (the caller bumps the version once)."""
        fields = self._content_values(values, article_id)
        self.db.execute(f"UPDATE articles SET {', '.join(f'{n} = ?' for n in fields)} WHERE id = ?",
                        [*fields.values(), article_id])
        self.set_tags(article_id, list(values.get("tags") or []), _bump=False, _record=False)

    def _touch(self, article_id: int) -> None:
        """One version bump for everything a receive changed: the GUI sees an outside change."""
        self._bump(article_id)

    def comment_ids_by_uid(self, uids: list[str]) -> dict[str, tuple[int, int]]:
        """``{comment uid: (comment id, article id)}`` for the given uids this library has."""
        out = {}
        for start in range(0, len(uids), 500):
            chunk = uids[start:start + 500]
            for uid, cid, aid in self.db.execute(
                    f"SELECT uid, id, article_id FROM comments WHERE uid IN ({','.join('?' * len(chunk))})",
                    chunk):
                out[uid] = (cid, aid)
        return out

    def _materialise_comment(self, article_id: int, record: Record) -> None:
        data = record.data
        parent_id = None
        quote, start, end = data.get("quote", ""), data.get("start", 0), data.get("end", 0)
        if data.get("parent"):
            row = self.db.execute("SELECT id, quote, start, \"end\" FROM comments WHERE uid = ?",
                                  [data["parent"]]).fetchone()
            parent_id = row[0]
            quote, start, end = row[1], row[2], row[3]  # replies share their thread's anchor
        self.db.execute(
            "INSERT INTO comments (article_id, parent_id, author, text, quote, start, \"end\","
            " resolved, created_at, updated_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
            [article_id, parent_id, record.author, data["text"], quote, start, end,
             record.created_at or utc_now(), utc_now(), record.uid])

    def _set_comment_state(self, uid: str, resolved: bool) -> bool:
        return self.db.execute("UPDATE comments SET resolved = ?, updated_at = ? WHERE uid = ?"
                               " AND resolved != ?",
                               [int(resolved), utc_now(), uid, int(resolved)]).rowcount > 0

    def _write_related_state(self, article_id: int, pins: list[str], bans: list[str]) -> bool:
        """Pins (in order) and bans by the other articles' uuids; those not here are left out."""
        def ids(uuids: list[str]) -> list[int]:
            found = []
            for uuid in uuids:
                row = self.db.execute("SELECT id FROM articles WHERE uuid = ?", [uuid]).fetchone()
                if row and row[0] != article_id and row[0] not in found:
                    found.append(row[0])
            return found
        pin_ids, ban_ids = ids(pins), ids(bans)
        current_pins = [r[0] for r in self.db.execute(
            "SELECT other_id FROM related_pins WHERE article_id = ? ORDER BY position", [article_id])]
        current_bans = {r[0] for r in self.db.execute(
            "SELECT other_id FROM related_bans WHERE article_id = ?", [article_id])}
        if current_pins == pin_ids and current_bans == set(ban_ids):
            return False
        self.db.execute("DELETE FROM related_pins WHERE article_id = ?", [article_id])
        self.db.conn.executemany(
            "INSERT INTO related_pins (article_id, other_id, position) VALUES (?, ?, ?)",
            [(article_id, oid, pos) for pos, oid in enumerate(pin_ids)])
        self.db.execute("DELETE FROM related_bans WHERE article_id = ?", [article_id])
        self.db.conn.executemany("INSERT INTO related_bans (article_id, other_id) VALUES (?, ?)",
                                 [(article_id, oid) for oid in ban_ids])
        return True

    def articles_relating_to(self, uuids: list[str]) -> list[int]:
        """Articles whose related-news records name one of ``uuids`` (to pin them once they arrive)."""
        out: set[int] = set()
        for start in range(0, len(uuids), 500):
            chunk = uuids[start:start + 500]
            out.update(r[0] for r in self.db.execute(
                "SELECT a.id FROM sync_records s JOIN articles a ON a.uuid = s.article"
                f" WHERE s.kind = 'related' AND s.key IN ({','.join('?' * len(chunk))})", chunk))
        return sorted(out)

    def _set_word(self, scope: str, word: str, present: bool) -> bool:
        if present:
            return self.db.execute(
                "INSERT OR IGNORE INTO dictionary_words (scope, word, created_at) VALUES (?, ?, ?)",
                [scope, word, utc_now()]).rowcount > 0
        return self.db.execute("DELETE FROM dictionary_words WHERE scope = ? AND word = ?",
                               [scope, word]).rowcount > 0

    def _status_event_states(self, article_id: int) -> dict[str, bool]:
        """``{move uid: refused}`` of an article's trail as it stands."""
        return {r[0]: bool(r[1]) for r in self.db.execute(
            "SELECT uid, refused FROM status_events WHERE article_id = ?", [article_id])}

    def _write_status_replay(self, article_id: int, status: str, outcomes, new_moves: list[Record]) -> bool:
        """Store the replayed trail: new moves' rows, every move's outcome and place, the status.

        Returns True when the article's status changed.
        """
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO status_events (article_id, from_status, to_status, who, role,"
            " note, override, created_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, r.data["from"], r.data["to"], r.author, r.data.get("role", ""),
              r.data.get("note", ""), int(bool(r.data.get("override"))), r.created_at, r.uid)
             for r in new_moves if not r.data.get("genesis")])
        self.db.conn.executemany(
            "UPDATE status_events SET refused = ?, refusal = ?, position = ? WHERE uid = ?",
            [(int(o.refused), o.reason, o.position, o.uid) for o in outcomes])
        current = self.db.execute("SELECT status FROM articles WHERE id = ?",
                                  [article_id]).fetchone()[0]
        if current == status:
            return False
        self.db.execute("UPDATE articles SET status = ? WHERE id = ?", [status, article_id])
        return True

    # -- resolving a conflict ---------------------------------------------------------------
    def store_resolution(self, article_id: int, values: dict, *, theirs_revision_id: int,
                         expected_version: int | None, who: str, reason: str) -> int:
        """The resolving revision (parents: mine, then theirs) and the article as resolved.

        Raises ConflictError when the article changed since the conflict was
        loaded, NotFoundError when that version from elsewhere is no longer in conflict.
        Returns the new revision's id.
        """
        from editor_app.core.ids import new_uid

        with self._tx.write() as db:
            row = db.execute("SELECT version FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            if expected_version is not None and row[0] != expected_version:
                raise ConflictError("the article was changed since the conflict was opened; "
                                    "open it again to see the change")
            if not db.execute("SELECT 1 FROM revision_conflicts WHERE revision_id = ? AND"
                              " article_id = ?", [theirs_revision_id, article_id]).fetchone():
                raise NotFoundError("that version is not in conflict any more")
            self._snapshot(article_id, reason="kept before resolving a conflict", author=who,
                           skip_if_unchanged=True)
            mine = db.execute("SELECT revision_id FROM article_heads WHERE article_id = ?",
                              [article_id]).fetchone()[0]
            self._write_article_content(article_id, values)
            article = self.get_article(article_id)
            rid = self._insert_revision(
                article_id, uid=new_uid(), title=article.title, body=article.body,
                metadata=self._revision_metadata(article), author=who, reason=reason,
                created_at=utc_now(), origin=self.library_uid,
                parent_ids=[mine, theirs_revision_id])
            self._set_head(article_id, rid)
            db.execute("DELETE FROM revision_conflicts WHERE revision_id = ?", [theirs_revision_id])
            self._bump(article_id)
        return rid
