"""Library mixin: the SQL behind tag and related-news suggestions (FTS5 bm25, tag statistics).

The scoring itself lives in editor_app/core/related; this mixin only answers
questions about the library quickly:

- which stemmed terms an arbitrary text has (the same porter tokenizer as the
  index, through a private TEMP FTS5 table, so our terms match the index's);
- how many articles hold a term (fts5vocab, cached: reading a doclist of a
  common word on 100,000 articles costs milliseconds, and the numbers barely
  move between two calls);
- which articles best match an OR query of rare terms (bm25, ``ORDER BY rank``);
- which articles share tags, and how common each tag is.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable

from editor_app.core.library.fulltext import search_text

# bm25 column weights (title, summary, body) for similarity: a shared word in
# the headline says more than one deep in the body, but less than in search.
SIMILARITY_WEIGHTS = (3.0, 2.0, 1.0)
_DF_CACHE_MAX = 200_000
CACHE_FROM_SIZE = 1000
MMAP_BYTES = 1 << 30
# Spiked articles through the status index: reading ``status`` from the row
# itself would walk the body's overflow pages (status comes after the body).
NOT_SPIKED = "{col} NOT IN (SELECT id FROM articles WHERE status = 'spiked')"
_TERMS_TABLE = "byline_terms"


class SimilarityStore:
    """Mixin of Library (see editor_app/core/library/__init__.py)."""

    # Per connection: the TEMP table and the caches belong to one connection.
    def _similarity_state(self) -> dict:
        state = self.__dict__.get("_similarity")
        if state is None:
            state = {"df": {}, "tag_counts": {}, "stamp": None, "temp": False,
                     "lock": threading.Lock()}
            self.__dict__["_similarity"] = state
            with self._tx.lock:
                # Suggestions read doclists and index pages all over a big file;
                # mapping it saves a read() system call per page.
                self.db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        return state

    def _caches(self) -> dict | None:
        """The statistics caches, or None when the library is small enough to ask each time.

        They are dropped when the library grew or shrank by more than 1% or the
        vocabulary changed: document frequencies and tag counts only steer
        weights, so a slightly old figure is as good as a fresh one on a big
        library, while a small one (tests, a new newsroom) is always exact.
        """
        state = self._similarity_state()
        total = self.library_size()
        if total < CACHE_FROM_SIZE:
            return None
        stamp = (total, self.vocabulary_stamp())
        old = state["stamp"]
        if old is None or old[1] != stamp[1] or abs(total - old[0]) > old[0] // 100:
            state["df"].clear()
            state["tag_counts"].clear()
            state["stamp"] = stamp
        return state

    # -- terms -------------------------------------------------------------
    def text_terms(self, columns: Iterable[str]) -> list[dict[str, int]]:
        """Stemmed term counts of each text, tokenized exactly as the index does."""
        texts = list(columns)
        state = self._similarity_state()
        with self._tx.lock:
            db = self.db
            if not state["temp"]:
                db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_TERMS_TABLE} USING fts5("
                           "text, tokenize='porter unicode61 remove_diacritics 2')")
                db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_TERMS_TABLE}_vocab "
                           f"USING fts5vocab(temp, {_TERMS_TABLE}, 'instance')")
                state["temp"] = True
            out: list[dict[str, int]] = []
            savepoint = db.conn.in_transaction
            if savepoint:
                db.execute("SAVEPOINT byline_terms")
            try:
                db.execute(f"DELETE FROM temp.{_TERMS_TABLE}")
                db.conn.executemany(f"INSERT INTO temp.{_TERMS_TABLE} (rowid, text) VALUES (?, ?)",
                                    list(enumerate(map(search_text, texts), start=1)))
                counts: dict[int, dict[str, int]] = {i: {} for i in range(1, len(texts) + 1)}
                for term, doc, n in db.execute(
                        f"SELECT term, doc, count(*) FROM temp.{_TERMS_TABLE}_vocab GROUP BY term, doc"):
                    counts[doc][term] = n
                db.execute(f"DELETE FROM temp.{_TERMS_TABLE}")
            finally:
                if savepoint:
                    db.execute("RELEASE byline_terms")
            out = [counts[i] for i in range(1, len(texts) + 1)]
        return out

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """How many articles contain each (stemmed) term (fts5vocab; cached on big libraries)."""
        wanted = list(dict.fromkeys(terms))
        state = self._caches()
        cache: dict[str, int] = state["df"] if state else {}
        missing = [t for t in wanted if t not in cache]
        if missing:
            with self._tx.lock:
                for start in range(0, len(missing), 400):
                    chunk = missing[start:start + 400]
                    found = dict(self.db.execute(
                        "SELECT term, doc FROM articles_fts_vocab WHERE term IN "
                        f"({','.join('?' * len(chunk))})", chunk).fetchall())
                    for term in chunk:
                        cache[term] = found.get(term, 0)
            if len(cache) > _DF_CACHE_MAX:
                cache.clear()
        return {t: cache.get(t, 0) for t in wanted}

    def library_size(self) -> int:
        """Number of articles (spiked ones too: the index holds them)."""
        with self._tx.lock:
            return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    # -- text similarity ---------------------------------------------------
    def similar_by_text(self, match: str, *, exclude_id: int | None = None,
                        before: str | None = None, limit: int = 50,
                        only_ids: list[int] | None = None) -> list[tuple[int, float]]:
        """(article id, bm25 score, bigger is closer) for an FTS5 query.

        Spiked articles and ``exclude_id`` never come back; ``before`` keeps
        articles dated strictly earlier (undated ones are kept: their age is
        unknown, recency scoring handles them). ``only_ids`` scores just those.
        """
        if not match:
            return []
        rowid = "articles_fts.rowid"
        where = ["articles_fts MATCH ?", NOT_SPIKED.format(col=rowid)]
        params: list = [match]
        join = ""
        if exclude_id is not None:
            where.append(f"{rowid} != ?")
            params.append(exclude_id)
        if before:
            # Only the date needs the row, and it sits before the body: no overflow pages.
            join = "JOIN articles a ON a.id = articles_fts.rowid "
            where.append("(a.date < ? OR a.date = '')")
            params.append(before)
        if only_ids is not None:
            if not only_ids:
                return []
            where.append(f"{rowid} IN ({','.join('?' * len(only_ids))})")
            params += list(only_ids)
        w = ", ".join(str(x) for x in SIMILARITY_WEIGHTS)
        sql = (f"SELECT {rowid}, bm25(articles_fts, {w}) AS score FROM articles_fts {join}"
               f"WHERE {' AND '.join(where)} ORDER BY score LIMIT ?")
        with self._tx.lock:
            rows = self.db.execute(sql, [*params, limit]).fetchall()
        return [(r[0], -r[1]) for r in rows]

    def self_text_score(self, match: str, article_id: int) -> float:
        """bm25 of the article against its own query: the ceiling for normalising."""
        if not match:
            return 0.0
        w = ", ".join(str(x) for x in SIMILARITY_WEIGHTS)
        with self._tx.lock:
            row = self.db.execute(
                f"SELECT bm25(articles_fts, {w}) FROM articles_fts "
                "WHERE articles_fts MATCH ? AND rowid = ?", [match, article_id]).fetchone()
        return -row[0] if row else 0.0

    def articles_containing(self, term: str, ids: list[int]) -> set[int]:
        """Which of ``ids`` contain a (quoted) term: for the "similar text: …" reason."""
        if not ids:
            return set()
        with self._tx.lock:
            return {r[0] for r in self.db.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN "
                f"({','.join('?' * len(ids))})", [term, *ids])}

    # -- tags --------------------------------------------------------------
    def article_tag_stats(self, article_id: int) -> list[tuple[int, str, int]]:
        """(tag id, name, articles carrying it) for each tag of an article, in order."""
        with self._tx.lock:
            rows = self.db.execute(
                "SELECT t.id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                "WHERE at.article_id = ? ORDER BY at.position", [article_id]).fetchall()
        counts = self.tag_usage([r[0] for r in rows])
        return [(tid, name, counts.get(tid, 0)) for tid, name in rows]

    def tag_usage(self, tag_ids: list[int]) -> dict[int, int]:
        """Articles per tag (cached on big libraries: "news" on 80,000 articles costs ms to count)."""
        state = self._caches()
        cache: dict[int, int] = state["tag_counts"] if state else {}
        with self._tx.lock:
            for tid in tag_ids:
                if tid not in cache:
                    cache[tid] = self.db.execute(
                        "SELECT count(*) FROM article_tags WHERE tag_id = ?", [tid]).fetchone()[0]
        return {tid: cache[tid] for tid in tag_ids}

    def tag_names(self, tag_ids: list[int]) -> dict[int, str]:
        with self._tx.lock:
            out = {}
            for start in range(0, len(tag_ids), 500):
                chunk = tag_ids[start:start + 500]
                out.update(self.db.execute(
                    f"SELECT id, name FROM tags WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def similar_by_tags(self, weights: dict[int, float], *, exclude_id: int | None = None,
                        before: str | None = None, limit: int = 50) -> list[tuple[int, float]]:
        """(article id, summed weight of shared tags), best first, same filters as text."""
        weights = {k: v for k, v in weights.items() if v > 0}
        if not weights:
            return []
        values = ", ".join("(?, ?)" for _ in weights)
        params: list = [x for item in weights.items() for x in item]
        where = [NOT_SPIKED.format(col="at.article_id")]
        if exclude_id is not None:
            where.append("a.id != ?")
            params.append(exclude_id)
        if before:
            where.append("(a.date < ? OR a.date = '')")
            params.append(before)
        sql = (f"WITH w(tag_id, weight) AS (VALUES {values}) "
               "SELECT at.article_id, sum(w.weight) AS s FROM w "
               "JOIN article_tags at ON at.tag_id = w.tag_id "
               "JOIN articles a ON a.id = at.article_id "
               f"WHERE {' AND '.join(where)} "
               "GROUP BY at.article_id ORDER BY s DESC, a.date DESC LIMIT ?")
        with self._tx.lock:
            return [(r[0], r[1]) for r in self.db.execute(sql, [*params, limit])]

    def tag_ids_for(self, article_ids: list[int]) -> dict[int, list[int]]:
        """Tag ids of several articles at once."""
        out: dict[int, list[int]] = {}
        with self._tx.lock:
            for start in range(0, len(article_ids), 500):
                chunk = article_ids[start:start + 500]
                for aid, tid in self.db.execute(
                        "SELECT article_id, tag_id FROM article_tags WHERE article_id IN "
                        f"({','.join('?' * len(chunk))}) ORDER BY position", chunk):
                    out.setdefault(aid, []).append(tid)
        return out

    def tag_counts(self) -> dict[int, tuple[str, int]]:
        """tag id -> (name, number of articles): the whole vocabulary's statistics."""
        with self._tx.lock:
            return {r[0]: (r[1], r[2]) for r in self.db.execute(
                "SELECT t.id, t.name, count(at.article_id) FROM tags t "
                "LEFT JOIN article_tags at ON at.tag_id = t.id GROUP BY t.id")}

    def vocabulary_keys(self) -> tuple[tuple, list[tuple[int, str, str]]]:
        """(a cheap version stamp, [(tag id, name or alias, is_alias)]) for term matching."""
        with self._tx.lock:
            stamp = self.vocabulary_stamp()
            rows = [(r[0], r[1], "name") for r in self.db.execute("SELECT id, name FROM tags")]
            rows += [(r[0], r[1], "alias") for r in self.db.execute("SELECT tag_id, alias FROM tag_aliases")]
        return stamp, rows

    def vocabulary_stamp(self) -> tuple:
        """Changes whenever a tag or alias is added, removed or renamed."""
        with self._tx.lock:
            return tuple(self.db.execute(
                "SELECT (SELECT count(*) FROM tags), (SELECT max(id) FROM tags), "
                "(SELECT total(length(name)) FROM tags), (SELECT count(*) FROM tag_aliases), "
                "(SELECT max(id) FROM tag_aliases)").fetchone())

    def article_texts(self, article_id: int) -> tuple[str, str, str, str, str]:
        """(title, summary, body, date, status) without building a whole Article."""
        with self._tx.lock:
            row = self.db.execute("SELECT title, summary, body, date, status FROM articles WHERE id = ?",
                                  [article_id]).fetchone()
        if row is None:
            from editor_app.core.errors import NotFoundError
            raise NotFoundError(f"no article with id {article_id}")
        return tuple(row)

    def article_language(self, article_id: int) -> str:
        """The article's language tag ("en", "de-AT"; "" when it is gone)."""
        with self._tx.lock:
            row = self.db.execute("SELECT language FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else ""

    def article_briefs(self, ids: list[int]) -> dict[int, tuple[str, str, str]]:
        """id -> (slug, title, date) for scoring results (columns before the body: cheap)."""
        out = {}
        with self._tx.lock:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                for r in self.db.execute(
                        "SELECT id, slug, title, date FROM articles WHERE id IN "
                        f"({','.join('?' * len(chunk))})", chunk):
                    out[r[0]] = (r[1], r[2], r[3])
        return out


class TopicSpaceStore:
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
            alive = set()
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
                    after: int = 0, up_to: int | None = None):
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
