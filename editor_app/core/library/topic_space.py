"""The stored topic space of related news (#16): its model and each article's vector.

The learning and the scoring live in editor_app/core/related (space.py, topics.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from editor_app.core.library.similarity import NOT_SPIKED
from editor_app.core.library.store import StoreBase


class TopicSpaceStore(StoreBase):
    """Mixin of Library: the stored topic space of related news (#16).

    Generation 0 holds one row, ``current``: the generation readers use (none
    yet when it is missing). A rebuild writes its model and article rows under
    a new generation in short transactions, switches ``current`` in one tiny
    transaction, then removes the old rows; saving an article never waits for
    more than one batch.
    """

    def space_generation(self) -> int:
        with self._tx.lock:
            row = self.db.execute(
                "SELECT value FROM related_space WHERE generation = 0 AND key = 'current'").fetchone()
        return int(row[0]) if row else 0

    def space_model(self, generation: int, keys: list[str] | None = None) -> dict[str, bytes]:
        """The model's blobs (meta, terms, idf, vectors, name_df) of a generation, or some of them."""
        sql = "SELECT key, value FROM related_space WHERE generation = ?"
        params: list = [generation]
        if keys is not None:
            sql += f" AND key IN ({','.join('?' * len(keys))})"
            params += keys
        with self._tx.lock:
            return {k: v for k, v in self.db.execute(sql, params)}

    def space_stamp(self, generation: int) -> tuple[int, int]:
        """(highest sequence number, rows) of a generation's article vectors: changes on every write."""
        with self._tx.lock:
            row = self.db.execute("SELECT coalesce(max(seq), 0), count(*) FROM related_space_docs "
                                  "WHERE generation = ?", [generation]).fetchone()
        return int(row[0]), int(row[1])

    def space_seq(self, generation: int) -> int:
        """The highest sequence number of a generation's vectors (one index probe: per query)."""
        with self._tx.lock:
            row = self.db.execute("SELECT max(seq) FROM related_space_docs WHERE generation = ?",
                                  [generation]).fetchone()
        return int(row[0] or 0)

    def space_vectors(self, generation: int, after_seq: int = 0) -> list[tuple[int, int, bytes]]:
        """(article id, seq, vector bytes) written after ``after_seq``, in one read."""
        with self._tx.lock:
            return self.db.execute(
                "SELECT article_id, seq, vector FROM related_space_docs "
                "WHERE generation = ? AND seq > ? ORDER BY seq", [generation, after_seq]).fetchall()

    def space_names(self, generation: int, ids: list[int]) -> dict[int, str]:
        """The stored names (people, places, organisations) of some articles."""
        out: dict[int, str] = {}
        with self._tx.lock:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                out.update(self.db.execute(
                    "SELECT article_id, names FROM related_space_docs WHERE generation = ? AND "
                    f"article_id IN ({','.join('?' * len(chunk))})", [generation, *chunk]))
        return out

    def space_names_between(self, generation: int, after: int,
                            up_to: int | None) -> dict[int, tuple[int, str]]:
        """id -> (version, names) stored for articles with ids in (after, up_to]."""
        with self._tx.lock:
            return {r[0]: (r[1], r[2]) for r in self.db.execute(
                "SELECT article_id, version, names FROM related_space_docs WHERE generation = ? "
                "AND article_id > ? AND (? < 0 OR article_id <= ?)",
                [generation, after, -1 if up_to is None else up_to, -1 if up_to is None else up_to])}

    def space_start_generation(self, model: dict[str, bytes]) -> int:
        """Write a new generation's model (not yet current); drops abandoned generations first."""
        current = self.space_generation()
        self.space_drop_generations(keep=current)
        with self._tx.write() as db:
            newest = db.execute("SELECT coalesce(max(generation), 0) FROM related_space").fetchone()[0]
            newest = max(newest, db.execute(
                "SELECT coalesce(max(generation), 0) FROM related_space_docs").fetchone()[0])
            generation = max(newest, current) + 1
            db.execute("DELETE FROM related_space WHERE generation NOT IN (0, ?)", [current])
            db.conn.executemany("INSERT INTO related_space (generation, key, value) VALUES (?, ?, ?)",
                                [(generation, k, v) for k, v in model.items()])
        return generation

    def space_write_vectors(self, generation: int,
                            rows: list[tuple[int, int, bytes, str]]) -> None:
        """Store (article id, version, vector, names) rows in one transaction."""
        if not rows:
            return
        with self._tx.write() as db:
            seq = db.execute("SELECT coalesce(max(seq), 0) FROM related_space_docs "
                             "WHERE generation = ?", [generation]).fetchone()[0]
            # An article deleted meanwhile has no row to refer to: skip it.
            ids = [r[0] for r in rows]
            alive: set[int] = set()
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                alive.update(r[0] for r in db.execute(
                    f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk))
            db.conn.executemany(
                "INSERT OR REPLACE INTO related_space_docs "
                "(generation, article_id, version, seq, vector, names) VALUES (?, ?, ?, ?, ?, ?)",
                [(generation, aid, version, seq + i + 1, vector, names)
                 for i, (aid, version, vector, names) in enumerate(r for r in rows if r[0] in alive)])

    def space_switch(self, generation: int) -> None:
        """Make ``generation`` the one readers use."""
        with self._tx.write() as db:
            db.execute("INSERT OR REPLACE INTO related_space (generation, key, value) "
                       "VALUES (0, 'current', ?)", [str(generation)])

    def space_drop_generations(self, keep: int, batch: int = 5000) -> None:
        """Remove the rows of every generation but ``keep`` (in short transactions)."""
        with self._tx.write() as db:
            db.execute("DELETE FROM related_space WHERE generation NOT IN (0, ?)", [keep])
        while True:
            with self._tx.write() as db:
                gone = db.execute(
                    "DELETE FROM related_space_docs WHERE rowid IN (SELECT rowid FROM "
                    "related_space_docs WHERE generation != ? LIMIT ?)", [keep, batch]).rowcount
            if gone < batch:
                return

    def space_pending(self, generation: int) -> list[tuple[int, int]]:
        """(id, version) of live articles whose vector is missing or older than the article."""
        with self._tx.lock:
            return self.db.execute(
                "SELECT a.id, a.version FROM articles a LEFT JOIN related_space_docs d "
                "ON d.generation = ? AND d.article_id = a.id "
                f"WHERE {NOT_SPIKED.format(col='a.id')} AND (d.article_id IS NULL OR d.version != a.version)",
                [generation]).fetchall()

    def space_live_count(self) -> int:
        """Articles that are not spiked: what the space should hold."""
        with self._tx.lock:
            return self.db.execute("SELECT (SELECT count(*) FROM articles) - "
                                   "(SELECT count(*) FROM articles WHERE status = 'spiked')").fetchone()[0]

    def space_id_range(self) -> tuple[int, int]:
        """(lowest, highest) article id: how a rebuild splits the library between readers."""
        with self._tx.lock:
            row = self.db.execute("SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM articles").fetchone()
        return int(row[0]), int(row[1])

    def space_texts(self, ids: list[int] | None = None, *, batch: int = 1000,
                    after: int = 0, up_to: int | None = None) -> Iterator[tuple]:
        """Yield (id, version, title, summary, body, language) of live articles (all, or ``ids``), by id.

        ``after``/``up_to`` bound the ids (a rebuild's readers each take a range).
        Pages through the table in short reads, so a long rebuild never holds a
        read snapshot that keeps the WAL from being checkpointed.
        """
        if ids is not None:
            for start in range(0, len(ids), batch):
                chunk = ids[start:start + batch]
                with self._tx.lock:
                    rows = self.db.execute(
                        "SELECT id, version, title, summary, body, language FROM articles WHERE id IN "
                        f"({','.join('?' * len(chunk))}) AND {NOT_SPIKED.format(col='id')} ORDER BY id",
                        chunk).fetchall()
                yield from rows
            return
        last = after
        top = up_to if up_to is not None else -1
        while True:
            with self._tx.lock:
                rows = self.db.execute(
                    "SELECT id, version, title, summary, body, language FROM articles WHERE id > ? AND "
                    f"(? < 0 OR id <= ?) AND {NOT_SPIKED.format(col='id')} ORDER BY id LIMIT ?",
                    [last, top, top, batch]).fetchall()
            if not rows:
                return
            yield from rows
            last = rows[-1][0]

    def article_heads(self, ids: list[int], chars: int) -> dict[int, tuple[str, str, str, str]]:
        """id -> (title, summary, the body's first ``chars`` characters, language)."""
        out = {}
        with self._tx.lock:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                for r in self.db.execute(
                        "SELECT id, title, summary, substr(body, 1, ?), language FROM articles "
                        f"WHERE id IN ({','.join('?' * len(chunk))})", [chars, *chunk]):
                    out[r[0]] = (r[1], r[2], r[3], r[4])
        return out

    def allowed_related(self, ids: list[int], *, exclude_id: int | None = None,
                        before: str | None = None) -> list[int]:
        """Those of ``ids`` that may be suggested: not spiked, not ``exclude_id``, older than ``before``."""
        if not ids:
            return []
        where = [f"id IN ({','.join('?' * len(ids))})", NOT_SPIKED.format(col="id")]
        params: list = list(ids)
        if exclude_id is not None:
            where.append("id != ?")
            params.append(exclude_id)
        if before:
            where.append("(date < ? OR date = '')")
            params.append(before)
        with self._tx.lock:
            found = {r[0] for r in self.db.execute(
                f"SELECT id FROM articles WHERE {' AND '.join(where)}", params)}
        return [i for i in ids if i in found]

    def space_mark(self) -> dict:
        """What was stored when the space was last brought up to date ({} if never)."""
        with self._tx.lock:
            row = self.db.execute(
                "SELECT value FROM related_space WHERE generation = 0 AND key = 'synced'").fetchone()
        try:
            return json.loads(row[0]) if row else {}
        except (TypeError, ValueError):
            return {}

    def space_set_mark(self, mark: dict) -> None:
        with self._tx.write() as db:
            db.execute("INSERT OR REPLACE INTO related_space (generation, key, value) "
                       "VALUES (0, 'synced', ?)", [json.dumps(mark)])

    def last_update_time(self) -> str:
        """The newest updated_at of any article (indexed: cheap)."""
        with self._tx.lock:
            return self.db.execute("SELECT coalesce(max(updated_at), '') FROM articles").fetchone()[0]

    def space_pending_since(self, generation: int, updated_after: str) -> list[tuple[int, int]]:
        """Like space_pending, for articles changed after a time only (through the updated_at index)."""
        with self._tx.lock:
            return self.db.execute(
                "SELECT a.id, a.version FROM articles a LEFT JOIN related_space_docs d "
                "ON d.generation = ? AND d.article_id = a.id "
                f"WHERE a.updated_at > ? AND {NOT_SPIKED.format(col='a.id')} "
                "AND (d.article_id IS NULL OR d.version != a.version)",
                [generation, updated_after]).fetchall()
