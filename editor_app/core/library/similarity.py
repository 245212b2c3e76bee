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

import threading
import time
from collections.abc import Iterable

from editor_app.core.library.fulltext import search_text
from editor_app.core.library.store import StoreBase

# bm25 column weights (title, summary, body) for similarity: a shared word in
# the headline says more than one deep in the body, but less than in search.
SIMILARITY_WEIGHTS = (3.0, 2.0, 1.0)
_DF_CACHE_MAX = 200_000
CACHE_FROM_SIZE = 1000
MMAP_BYTES = 1 << 30
#: Seconds without a suggestion after which the file is unmapped (see _map_while_querying)
MAPPING_IDLE_S = 1.0
# Spiked articles through the status index: reading ``status`` from the row
# itself would walk the body's overflow pages (status comes after the body).
NOT_SPIKED = "{col} NOT IN (SELECT id FROM articles WHERE status = 'spiked')"
_TERMS_TABLE = "byline_terms"


class SimilarityStore(StoreBase):
    """Mixin of Library (see editor_app/core/library/__init__.py)."""

    # Per connection: the TEMP table and the caches belong to one connection.
    def _similarity_state(self) -> dict:
        state = self.__dict__.get("_similarity")
        if state is None:
            state = {"df": {}, "tag_counts": {}, "stamp": None, "temp": False,
                     "lock": threading.Lock(), "mapped": False, "used": 0.0, "timer": None}
            self.__dict__["_similarity"] = state
        self._map_while_querying(state)
        return state

    def _map_while_querying(self, state: dict) -> None:
        """Map the file for this burst of suggestions; unmap it after MAPPING_IDLE_S.

        Suggestions read doclists and index pages all over a big file; mapping
        it saves a read() system call per page (a related query is about 40%
        faster). But every mapped page the queries touched counts in this
        process's memory (PSS) for as long as the mapping lives: 300 to 600 MiB
        on 100,000 articles. Unmapped when idle, the pages leave the process
        and stay in the kernel's page cache, so the next burst maps them again
        at the cost of page faults, not disk reads (#20).
        """
        with self._tx.lock:
            state["used"] = time.monotonic()
            if not state["mapped"]:
                self.db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
                state["mapped"] = True
            if state["timer"] is None:
                self._arm_unmap(state, MAPPING_IDLE_S)

    def _arm_unmap(self, state: dict, delay: float) -> None:
        timer = threading.Timer(delay, self._unmap_when_idle, args=(state,))
        timer.daemon = True
        state["timer"] = timer
        timer.start()

    def _stop_mapping_release(self) -> None:
        """Cancel a pending release (the library is closing: closing unmaps anyway)."""
        state = self.__dict__.get("_similarity")
        if state is not None and state["timer"] is not None:
            state["timer"].cancel()
            state["timer"] = None

    def _unmap_when_idle(self, state: dict) -> None:
        with self._tx.lock:
            state["timer"] = None
            idle = time.monotonic() - state["used"]
            if idle < MAPPING_IDLE_S:  # used meanwhile: look again when it may be idle
                self._arm_unmap(state, MAPPING_IDLE_S - idle)
                return
            try:
                # SQLite unmaps at once when no statement holds a mapped page.
                self.db.execute("PRAGMA mmap_size = 0")
            except Exception:  # noqa: BLE001 - closed meanwhile: nothing is mapped any more
                return
            state["mapped"] = False

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
            out: dict[int, str] = {}
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
