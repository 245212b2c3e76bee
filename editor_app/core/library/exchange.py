"""Library mixin: the SQL the sync engine needs to apply what it receives (#14).

The engine (``editor_app.core.sync.engine``) decides; these methods read and
write rows. The underscore methods run inside the caller's transaction: a
receive is one transaction, whatever it touches.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from editor_app.core.library.articles import validate_fields
from editor_app.core.library.connection import inserted_id, utc_now
from editor_app.core.library.records import Record
from editor_app.core.library.store import StoreBase

if TYPE_CHECKING:
    from editor_app.core.sync.registers import MoveOutcome

#: Article fields a revision carries besides title and body.
CONTENT_FIELDS = ("kind", "interviewee", "author", "date", "language", "summary", "slug")


class ExchangeStore(StoreBase):
    """Mixin of Library (see editor_app/core/library/__init__.py)."""

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
        aid = inserted_id(cur)
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

    def _write_status_replay(self, article_id: int, status: str,
                            outcomes: Iterable[MoveOutcome], new_moves: list[Record]) -> bool:
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
