"""The library's topic space: learning it, keeping it current, and asking it.

``update_space`` is the background job (Qt-free; the GUI runs it in a child
process through ``byline related-space --update``, the command line runs it
inline for small changes or on demand). It decides what is needed:
- nothing, when every live article has a vector from the current model;
- a full rebuild, when there is no space yet, the library grew by a fifth
  since the space was learned (new words and topics deserve a new model), or
  a small library crossed BACKGROUND_BELOW (it can now stand on its own);
- otherwise folding the new or edited articles into the current space.

``current_space`` gives a suggestion query the space as it is stored, loaded
once per connection and refreshed incrementally when the job wrote more.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from editor_app.core.related import space as _space
from editor_app.core.related.analysis import terms_of, weighted_terms
from editor_app.core.related.background import load_background, title_key
from editor_app.core.related.entities import article_entities, decode_names, encode_names

if TYPE_CHECKING:
    from editor_app.core.library import Library

# Below this many live articles the space is learned together with the shipped
# background stories (benchmarks/related_quality.py: a library of a few hundred
# articles alone learns too little).
BACKGROUND_BELOW = 2000
REBUILD_GROWTH = 1.2            # rebuild once the library grew by a fifth ...
REBUILD_MIN_NEW = 20            # ... and by at least this many articles
WRITE_BATCH = 2000              # article rows per transaction while storing
# The command line brings the space up to date inline when at most this many
# articles need work (about a second); more is left to `byline related-space --update`.
INLINE_LIMIT = 1500
# From this many articles a rebuild reads them with READERS processes.
PARALLEL_FROM = 5000
READERS = 2

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class SpaceStatus:
    """What the stored space covers and what an update would do."""

    live: int                    # articles that are not spiked
    covered: int                 # of those, with a current vector
    pending: int                 # new or edited since they were placed
    built_from: int              # library articles the model was learned from (0: no model)
    background: bool             # learned with the shipped background stories
    generation: int
    action: str                  # "none", "fold", "rebuild"
    pending_ids: tuple = ()      # (id, version) of the pending articles

    def describe(self) -> str:
        if not self.generation:
            return f"no topic space yet ({self.live} articles)"
        source = " plus the shipped background stories" if self.background else ""
        return (f"topic space learned from {self.built_from} articles{source}; "
                f"{self.covered} of {self.live} articles placed, {self.pending} new or edited")


@dataclass(frozen=True)
class UpdateReport:
    action: str
    articles: int                # articles placed (or learned from, on a rebuild)
    seconds: float
    dimensions: int = 0


# -- the loaded space -----------------------------------------------------
class LoadedSpace:
    """A stored space in memory: the model, every article's vector, name rarities."""

    def __init__(self, generation: int, model: _space.TopicModel, meta: dict,
                 name_df: dict[str, int]):
        self.generation = generation
        self.model = model
        self.meta = meta
        self.name_df = name_df
        self.ids = np.zeros(0, np.int64)
        self.matrix = np.zeros((0, model.dimensions), np.float32)
        self.row: dict[int, int] = {}
        self.seq = 0

    def add_rows(self, rows: list[tuple[int, int, bytes]]) -> None:
        """Add or replace article vectors (rows come in seq order)."""
        if not rows:
            return
        dims = self.model.dimensions
        if not self.row and all(len(r[2]) == dims * 2 for r in rows):
            # The first load: one buffer for all, no per-row work (100,000 rows).
            self.ids = np.fromiter((r[0] for r in rows), np.int64, len(rows))
            self.matrix = np.frombuffer(b"".join(r[2] for r in rows), np.float16) \
                .reshape(len(rows), dims).astype(np.float32)
            self.row = {int(aid): i for i, aid in enumerate(self.ids)}
            self.seq = max(r[1] for r in rows)
            return
        new_ids, new_vecs = [], []
        for aid, seq, blob in rows:
            vec = np.frombuffer(blob, np.float16).astype(np.float32)
            if len(vec) != dims:
                continue
            at = self.row.get(aid)
            if at is not None:
                self.matrix[at] = vec
            else:
                self.row[aid] = len(self.ids) + len(new_ids)
                new_ids.append(aid)
                new_vecs.append(vec)
            self.seq = max(self.seq, seq)
        if new_ids:
            self.ids = np.concatenate([self.ids, np.asarray(new_ids, np.int64)])
            self.matrix = np.vstack([self.matrix, np.asarray(new_vecs, np.float32)])

    def vector(self, article_id: int) -> np.ndarray | None:
        at = self.row.get(article_id)
        return None if at is None else self.matrix[at]

    def nearest(self, query: np.ndarray, limit: int, *, pool: int = 0,
                within: np.ndarray | None = None) -> tuple[list[tuple[int, float]], np.ndarray]:
        """(article id, cosine) of the ``limit`` closest articles, closest first; and a pool.

        The pool is the row numbers of the ``pool`` closest articles (empty for 0);
        ``within`` (such a pool) searches only those rows: the expanded query of a
        suggestion searches the first query's neighbourhood, not the whole library.
        """
        if not len(self.ids) or query is None:
            return [], np.zeros(0, np.int64)
        matrix = self.matrix if within is None else self.matrix[within]
        # einsum, not ``@``: the desktop build's numpy has no BLAS, and its own
        # matrix-vector loop takes 6-16 ms on 100,000 x 96 where einsum's takes
        # about 2 (with BLAS both take about 1.5 ms).
        scores = np.einsum("ij,j->i", matrix, query.astype(np.float32, copy=False))
        rows = np.arange(len(scores)) if within is None else within
        if not len(scores):
            return [], rows
        limit = min(limit, len(scores))
        top = np.argpartition(-scores, limit - 1)[:limit]
        top = top[np.argsort(-scores[top], kind="stable")]
        found = [(int(self.ids[rows[i]]), float(scores[i])) for i in top]
        if pool <= 0:
            return found, np.zeros(0, np.int64)
        if pool >= len(scores):
            return found, rows
        return found, rows[np.argpartition(-scores, pool - 1)[:pool]]

    def name_rarity(self, key: str) -> float:
        """idf of a name across the library (a name seen once counts as rare)."""
        total = self.meta.get("articles", 1)
        return float(np.log((total + 1) / (self.name_df.get(key, 1) + 0.5)))


def _unpack_model(blobs: dict[str, bytes]) -> tuple[_space.TopicModel, dict, dict[str, int]]:
    meta = json.loads(blobs["meta"])
    terms = blobs["terms"].decode("utf-8").split("\n")
    idf = np.frombuffer(blobs["idf"], np.float32).copy()
    vectors = np.frombuffer(blobs["vectors"], np.float16).astype(np.float32).reshape(len(terms), -1)
    name_df = json.loads(blobs.get("name_df", b"{}"))
    return _space.TopicModel(terms, idf, vectors, meta.get("documents", 0)), meta, name_df


def _pack_model(model: _space.TopicModel, meta: dict, name_df: dict[str, int]) -> dict[str, bytes]:
    return {"meta": json.dumps(meta).encode(), "terms": "\n".join(model.terms).encode("utf-8"),
            "idf": model.idf.astype(np.float32).tobytes(),
            "vectors": model.vectors.astype(np.float16).tobytes(),
            "name_df": json.dumps(name_df, separators=(",", ":")).encode()}


def current_space(library: Library) -> LoadedSpace | None:
    """The stored space of this connection's library, current as of now (None: none yet).

    Cached on the library object; each call costs two indexed look-ups to see
    whether the background job wrote something since.
    """
    cached: LoadedSpace | None = library.__dict__.get("_topic_space")
    generation = library.space_generation()
    if not generation:
        library.__dict__.pop("_topic_space", None)
        return None
    # Vectors are only ever added or replaced under a generation (a deleted
    # article's vector may linger in memory; candidates are checked against the
    # articles table anyway), so the highest sequence number tells what is new.
    seq = library.space_seq(generation)
    if cached is None or cached.generation != generation or seq < cached.seq:
        blobs = library.space_model(generation)
        if "meta" not in blobs:
            return None
        model, meta, name_df = _unpack_model(blobs)
        cached = LoadedSpace(generation, model, meta, name_df)
    if seq > cached.seq:
        cached.add_rows(library.space_vectors(generation, cached.seq))
    library.__dict__["_topic_space"] = cached
    return cached


# -- keeping it current ---------------------------------------------------
def space_status(library: Library, *, thorough: bool = False) -> SpaceStatus:
    """What the space covers now and what update_space would do.

    Cheap by default: only articles changed since the last update are looked
    at (through the updated_at index), with a count to catch anything that
    arrived with an older time stamp. ``thorough`` compares every article.
    """
    live = library.space_live_count()
    generation = library.space_generation()
    if not generation:
        return SpaceStatus(live, 0, live, 0, False, 0, "rebuild" if live else "none")
    meta = json.loads(library.space_model(generation, ["meta"]).get("meta", b"{}"))
    built = int(meta.get("articles", 0))
    _seq, rows = library.space_stamp(generation)
    mark = library.space_mark()
    pending = None
    if not thorough and mark.get("generation") == generation:
        pending = library.space_pending_since(generation, mark.get("updated", ""))
        if rows + len(pending) < live:
            pending = None  # something came in with an older time stamp
    if pending is None:
        pending = library.space_pending(generation)
    # A small library relearns cheaply, so it does so as soon as it grew by a fifth.
    grown = live >= built * REBUILD_GROWTH and (live - built >= REBUILD_MIN_NEW or live < BACKGROUND_BELOW)
    crossed = bool(meta.get("background")) and live >= BACKGROUND_BELOW
    action = "rebuild" if grown or crossed else ("fold" if pending else "none")
    return SpaceStatus(live, max(0, min(rows, live) - len(pending)), len(pending), built,
                       bool(meta.get("background")), generation, action, tuple(pending))


def update_space(library: Library, *, rebuild: bool = False, progress: Progress | None = None,
                 status: SpaceStatus | None = None) -> UpdateReport:
    """Bring the stored space up to date (see the module docstring); safe to interrupt."""
    t0 = time.perf_counter()
    # Read before any text: an article saved during the update is newer than
    # this and is looked at again next time.
    mark = {"updated": library.last_update_time()}
    status = status or space_status(library)
    action = "rebuild" if rebuild and status.live else status.action
    if action == "none":
        report = UpdateReport("none", 0, time.perf_counter() - t0)
    elif action == "fold":
        placed = _fold_in(library, status.generation, progress, list(status.pending_ids))
        report = UpdateReport("fold", placed, time.perf_counter() - t0)
    else:
        report = _rebuild(library, status.live, progress, t0)
    generation = library.space_generation()
    if generation:
        library.space_set_mark({**mark, "generation": generation})
    return report


def _fold_in(library: Library, generation: int, progress: Progress | None,
             pending: list[tuple[int, int]] | None = None) -> int:
    loaded = current_space(library)
    if loaded is None:
        return 0
    pending = pending if pending is not None else library.space_pending(generation)
    placed = 0
    rows = []
    dims = loaded.model.dimensions
    for aid, version, title, summary, body, language in library.space_texts([p[0] for p in pending]):
        vec = loaded.model.embed(title, summary, body)
        blob = (vec if vec is not None else np.zeros(dims, np.float32)).astype(np.float16).tobytes()
        rows.append((aid, version, blob, encode_names(article_entities(title, summary, body, language))))
        if len(rows) >= WRITE_BATCH:
            library.space_write_vectors(generation, rows)
            placed += len(rows)
            rows = []
            if progress:
                progress("placing new articles", placed / max(len(pending), 1))
    library.space_write_vectors(generation, rows)
    return placed + len(rows)


@dataclass
class _Reading:
    """What reading a range of articles gave: their term counts and names."""

    matrix: _space.TermMatrix
    ids: list[int]
    versions: list[int]
    names: list[str]
    name_df: dict[str, int]
    titles: set[frozenset]


def _read(library: Library, after: int = 0, up_to: int | None = None, *, small: bool = True,
          progress: Callable[[int], None] | None = None) -> _Reading:
    """Term counts and names of the live articles with ids in (after, up_to]."""
    out = _Reading(_space.TermMatrix(), [], [], [], {}, set())
    # Names do not depend on the model: those stored for the same version are kept.
    generation = library.space_generation()
    known = library.space_names_between(generation, after, up_to) if generation else {}
    for aid, version, title, summary, body, language in library.space_texts(after=after, up_to=up_to):
        out.matrix.add(weighted_terms(title, summary, body))
        if small:
            out.titles.add(title_key(terms_of(title)))
        stored = known.get(aid)
        if stored is not None and stored[0] == version:
            names = stored[1]
        else:
            names = encode_names(article_entities(title, summary, body, language))
        for key in decode_names(names):  # the stored names, so every rebuild counts alike
            out.name_df[key] = out.name_df.get(key, 0) + 1
        out.ids.append(aid)
        out.versions.append(version)
        out.names.append(names)
        if progress and len(out.ids) % 2000 == 0:
            progress(2000)
    return out


_reader_library = None


def _read_range(args) -> _Reading:
    """A reader process's share (its own connection, opened once per process)."""
    global _reader_library
    path, after, up_to = args
    if _reader_library is None:
        from editor_app.core.library import Library

        _reader_library = Library.open(path, create=False)
    return _read(_reader_library, after, up_to, small=False)


def _read_all(library: Library, live: int, progress: Progress | None) -> _Reading:
    """Read every live article; a big library is read by READERS processes at once.

    Reading (tokenizing, finding names) is most of a rebuild and pure Python, so
    one process per core halves it on a two-core laptop. The readers are forked
    (Linux): each opens its own connection and takes ranges of ids.
    """
    readers = min(READERS, os.cpu_count() or 1)
    if live < PARALLEL_FROM or readers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        done = [0]

        def step(n: int) -> None:
            done[0] += n
            if progress:
                progress("reading articles", 0.2 * done[0] / max(live, 1))
        return _read(library, small=live <= BACKGROUND_BELOW, progress=step)
    low, high = library.space_id_range()
    span = max(1, (high - low + 1) // (readers * 8))
    ranges = [(str(library.path), a, min(high, a + span)) for a in range(low - 1, high, span)]
    total = _Reading(_space.TermMatrix(), [], [], [], {}, set())
    with multiprocessing.get_context("fork").Pool(readers) as pool:
        for n, part in enumerate(pool.imap(_read_range, ranges), start=1):
            total.matrix.extend(part.matrix)
            total.ids += part.ids
            total.versions += part.versions
            total.names += part.names
            for key, count in part.name_df.items():
                total.name_df[key] = total.name_df.get(key, 0) + count
            if progress:
                progress("reading articles", 0.2 * n / len(ranges))
    return total


def _rebuild(library: Library, live: int, progress: Progress | None, t0: float) -> UpdateReport:
    reading = _read_all(library, live, progress)
    matrix, ids, versions, names = reading.matrix, reading.ids, reading.versions, reading.names
    name_df, titles = reading.name_df, reading.titles
    library_rows = matrix.rows
    background = library_rows < BACKGROUND_BELOW
    if background:
        for counts in load_background(skip_titles=titles):
            matrix.add(counts)
    if matrix.rows == 0:
        return UpdateReport("none", 0, time.perf_counter() - t0)
    try:
        model, docs = _space.learn_space(matrix, library_rows=library_rows, progress=progress)
    except ValueError:
        return UpdateReport("none", 0, time.perf_counter() - t0)
    meta = {"articles": library_rows, "documents": matrix.rows, "background": background,
            "dimensions": model.dimensions, "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    kept_df = {k: n for k, n in name_df.items() if n > 1}
    if progress:
        progress("saving the space", 0.85)
    generation = library.space_start_generation(_pack_model(model, meta, kept_df))
    for start in range(0, library_rows, WRITE_BATCH):
        stop = min(library_rows, start + WRITE_BATCH)
        library.space_write_vectors(generation, [
            (ids[i], versions[i], docs[i].tobytes(), names[i]) for i in range(start, stop)])
    library.space_switch(generation)
    library.space_drop_generations(keep=generation)
    # Articles saved while we were learning were read in their old version:
    # space_pending sees that and the next update folds them in.
    if progress:
        progress("done", 1.0)
    return UpdateReport("rebuild", library_rows, time.perf_counter() - t0, model.dimensions)


def refresh_if_small(library: Library, limit: int = INLINE_LIMIT) -> SpaceStatus | None:
    """Update the space inline when that is quick (the command line's path); the status after.

    Returns None when the library cannot be written. A bigger job is left to
    ``byline related-space --update`` (or the GUI's background process), and
    suggestions use the space as stored meanwhile.
    """
    if library.read_only:
        return None
    status = space_status(library)
    work = status.live if status.action == "rebuild" else status.pending
    if status.action != "none" and work <= limit:
        update_space(library, status=status)
        status = space_status(library)
    return status
