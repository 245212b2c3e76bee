"""A latent topic space learned from a library: truncated SVD of its weighted term matrix.

Latent semantic analysis: stories that tell the same news in other words
("flood barrier" / "storm surge defences") share few words but the same
neighbourhood of words across the library, and the leading singular vectors of
the article x term matrix capture exactly those neighbourhoods. Two articles
are then close when their projections onto the space point the same way.

Why this shape:
- numpy only (no scipy or scikit-learn: the desktop build must stay small):
  the matrix is kept as CSR arrays and multiplied in row chunks, and the SVD
  is Halko et al.'s randomized range finder with power iterations, which
  needs only products with the matrix and a small dense SVD.
- Terms are weighted log(1 + tf) x a global weight over the counts of
  analysis.py (headline, standfirst and lead counting more), rows normalised:
  long interviews do not drown short news. The global weight is log-entropy's
  ``1 + sum_j p_j log p_j / log n`` (p_j: the share of the term's occurrences
  in text j), which beat idf on the tuned part of benchmarks/related_quality.py
  and did not lose on its held-out part (#16; README has the figures): a word
  spread evenly over many stories ("said", "year") weighs nearly nothing, one
  concentrated in a few stories weighs nearly 1, however often it occurs there.
- 96 dimensions: 64 and 128 were measured too (same table).
- A big library trains on an even sample of at most MAX_TRAINING_DOCS articles
  and then projects every article: the space of 20,000 news articles is as good
  as that of 100,000, and the rebuild stays well inside two minutes.
- Random numbers come from SHAKE-128 of a fixed seed, so a rebuild of the same
  library gives the same space (and numpy.random stays out of the build).
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from editor_app.core.related.analysis import weighted_terms

DIMENSIONS = 96
MIN_DIMENSIONS = 8
MAX_TERMS = 60_000
MIN_DF = 2
MAX_DF_SHARE = 0.5
# "log-entropy" (shipped) or "idf" (before #16's second round; kept for the benchmark).
WEIGHTING = "log-entropy"
MAX_TRAINING_DOCS = 12_000
# In a library bigger than the training sample each article keeps its heaviest
# terms only: the products of the SVD and the projection of every article cost
# in proportion to the non-zeros, and the lightest terms move a vector least.
MAX_TERMS_PER_DOC = 100
OVERSAMPLING = 12
POWER_ITERATIONS = 2
# Products with the matrix run over chunks of about this many non-zeros: the
# gathered chunk (non-zeros x dimensions float32) stays around 100 MB.
CHUNK_NONZEROS = 160_000

Progress = Callable[[str, float], None]


@dataclass
class TopicModel:
    """Vocabulary, global term weights and term vectors: what projects any text into the space."""

    terms: list[str]
    idf: np.ndarray            # float32 [terms]: global weights (log-entropy; idf in older spaces)
    vectors: np.ndarray        # float32 [terms x dimensions]
    documents: int             # articles (and background texts) it was learned from

    def __post_init__(self):
        self.index = {t: i for i, t in enumerate(self.terms)}

    @property
    def dimensions(self) -> int:
        return int(self.vectors.shape[1])

    def weights(self, counts: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """(term ids, normalised log(1 + tf) x global weights) of the known terms of a text."""
        ids, tf = [], []
        for term, n in counts.items():
            i = self.index.get(term)
            if i is not None:
                ids.append(i)
                tf.append(n)
        if not ids:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        idx = np.asarray(ids, np.int64)
        w = np.log1p(np.asarray(tf, np.float32)) * self.idf[idx]
        norm = float(np.linalg.norm(w))
        return idx, (w / norm if norm > 0 else w)

    def embed_counts(self, counts: dict[str, float]) -> np.ndarray | None:
        """The unit vector of a text's weighted term counts (None: no known term)."""
        idx, w = self.weights(counts)
        if not len(idx):
            return None
        return _unit(w @ self.vectors[idx])

    def embed(self, title: str, summary: str, body: str) -> np.ndarray | None:
        """The unit vector of an article (None when it has no word the space knows)."""
        return self.embed_counts(weighted_terms(title, summary, body))

    def shared_topic_words(self, weights: tuple[np.ndarray, np.ndarray], a: np.ndarray,
                           b: np.ndarray, limit: int = 4) -> list[str]:
        """Words of the first article that carry what it has in common with the second.

        ``weights`` is ``self.weights(counts)`` of the first article. Each dimension
        contributes ``a_i * b_i`` to the cosine; a term's share is its loading on
        those contributions, times its weight in the article.
        """
        idx, w = weights
        if not len(idx):
            return []
        scores = (self.vectors[idx] @ (a * b)) * w
        order = np.argsort(-scores)[:limit]
        return [self.terms[idx[i]] for i in order if scores[i] > 0]


class TermMatrix:
    """Weighted term counts of many texts as CSR arrays, with a growing vocabulary."""

    def __init__(self):
        self.term_ids: dict[str, int] = {}
        self.terms: list[str] = []
        self.indptr = array("q", [0])
        self.indices = array("i")
        self.counts = array("f")

    def add(self, counts: dict[str, float]) -> int:
        """Append one text's counts; returns its row number."""
        ids = self.term_ids
        for term, n in counts.items():
            i = ids.get(term)
            if i is None:
                i = ids[term] = len(self.terms)
                self.terms.append(term)
            self.indices.append(i)
            self.counts.append(n)
        self.indptr.append(len(self.indices))
        return len(self.indptr) - 2

    @property
    def rows(self) -> int:
        return len(self.indptr) - 1

    def extend(self, other: TermMatrix) -> None:
        """Append another matrix's rows (its own vocabulary mapped onto this one)."""
        ids = self.term_ids
        known = len(self.terms)
        mapping = array("i", (ids.setdefault(t, len(ids)) for t in other.terms))
        self.terms.extend([t for t, i in zip(other.terms, mapping, strict=True) if i >= known])
        offset = len(self.indices)
        lookup = np.frombuffer(mapping, np.int32)
        self.indices.frombytes(lookup[np.frombuffer(other.indices, np.int32)].astype(np.int32).tobytes())
        self.counts.extend(other.counts)
        self.indptr.extend(offset + p for p in other.indptr[1:])


def _unit(v: np.ndarray) -> np.ndarray | None:
    norm = float(np.linalg.norm(v))
    return (v / norm).astype(np.float32) if norm > 0 else None


def _random_matrix(rows: int, cols: int, seed: int) -> np.ndarray:
    """Uniform [-1, 1) numbers from SHAKE-128: reproducible, no numpy.random needed."""
    raw = hashlib.shake_128(f"byline-space-{seed}".encode()).digest(rows * cols * 4)
    return (np.frombuffer(raw, np.uint32).astype(np.float32) / np.float32(2 ** 31) - 1).reshape(rows, cols)


class _Csr:
    """A CSR matrix of float32 weights with the two products the SVD needs."""

    def __init__(self, indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, cols: int):
        self.indptr, self.indices, self.data, self.cols = indptr, indices, data, cols
        self.rows = len(indptr) - 1

    def matmul(self, x: np.ndarray) -> np.ndarray:
        """self @ x for a dense x [cols x l], in row chunks of bounded size.

        Works on x transposed: gathering columns and summing each row's run with
        reduceat along the last axis is four times faster than along the first.
        """
        out = np.zeros((self.rows, x.shape[1]), np.float32)
        xt = np.ascontiguousarray(x.T, np.float32)
        indptr = self.indptr
        longest = int(np.diff(indptr).max()) if self.rows else 0
        # One buffer for every chunk: a fresh 80 MB array per chunk costs more in
        # page faults than the arithmetic.
        buffer = np.empty((x.shape[1], min(CHUNK_NONZEROS + longest, len(self.indices)) or 1),
                          np.float32)
        start = 0
        while start < self.rows:
            stop = int(np.searchsorted(indptr, indptr[start] + CHUNK_NONZEROS, side="right")) - 1
            stop = min(self.rows, max(stop, start + 1))
            s, e = int(indptr[start]), int(indptr[stop])
            if e > s:
                prod = buffer[:, :e - s]
                np.take(xt, self.indices[s:e], axis=1, out=prod, mode="clip")  # ids are valid
                prod *= self.data[s:e]
                lengths = np.diff(indptr[start:stop + 1])
                nonempty = lengths > 0
                offsets = (indptr[start:stop] - s)[nonempty]
                out[start:stop][nonempty] = np.add.reduceat(prod, offsets, axis=1).T
            start = stop
        return out

    def transpose(self) -> _Csr:
        order = np.argsort(self.indices, kind="stable")
        rows = np.repeat(np.arange(self.rows, dtype=np.int32), np.diff(self.indptr))
        counts = np.bincount(self.indices, minlength=self.cols)
        indptr = np.zeros(self.cols + 1, np.int64)
        np.cumsum(counts, out=indptr[1:])
        return _Csr(indptr, rows[order], self.data[order], self.rows)

    def take_rows(self, rows: np.ndarray) -> _Csr:
        starts, stops = self.indptr[rows], self.indptr[rows + 1]
        lengths = stops - starts
        indptr = np.zeros(len(rows) + 1, np.int64)
        np.cumsum(lengths, out=indptr[1:])
        gather = np.concatenate([np.arange(a, b) for a, b in zip(starts, stops, strict=True)]) \
            if len(rows) else np.zeros(0, np.int64)
        return _Csr(indptr, self.indices[gather], self.data[gather], self.cols)


def _orthonormal(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(Q, R) with y = Q R, Q's columns orthonormal: Cholesky QR, twice.

    A tall Householder QR is slow in numpy (about a second for 15,000 x 170);
    the Gram matrix is one BLAS product and its Cholesky factor is tiny.
    Falls back to Householder QR when the columns are (nearly) dependent.
    """
    r_total = np.eye(y.shape[1])
    try:
        for _ in range(2):
            gram = (y.T @ y).astype(np.float64)
            gram += np.eye(len(gram)) * (1e-9 * max(np.trace(gram), 1e-30) / len(gram))
            lower = np.linalg.cholesky(gram)
            inv_upper = np.linalg.inv(lower.T)
            y = (y.astype(np.float64) @ inv_upper).astype(np.float32)
            r_total = lower.T @ r_total
        return y, r_total
    except np.linalg.LinAlgError:
        q, r = np.linalg.qr(y.astype(np.float64))
        return q.astype(np.float32), r


def randomized_svd(a: _Csr, k: int, *, oversampling: int = OVERSAMPLING,
                   iterations: int = POWER_ITERATIONS, seed: int = 0,
                   progress: Progress | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(right singular vectors [cols x k], singular values [k]) of a sparse matrix."""
    at = a.transpose()
    width = min(k + oversampling, a.rows, a.cols)
    q, _ = _orthonormal(a.matmul(_random_matrix(a.cols, width, seed)))
    for step in range(iterations):
        if progress:
            progress("learning topics", 0.3 + 0.4 * step / max(iterations, 1))
        z, _ = _orthonormal(at.matmul(q))
        q, _ = _orthonormal(a.matmul(z))
    # B = Q^T A is small [width x cols]; its right singular vectors are A's:
    # B^T = Q2 R and R = Ur S Vr^T give B^T = (Q2 Ur) S Vr^T.
    q2, r = _orthonormal(at.matmul(q))
    ur, s, _vrt = np.linalg.svd(r)
    k = min(k, width)
    return (q2 @ ur[:, :k].astype(np.float32)).astype(np.float32), s[:k].astype(np.float32)


def _weighted_rows(matrix: TermMatrix, keep: np.ndarray, idf: np.ndarray,
                   per_row: int | None = None) -> _Csr:
    """The matrix restricted to kept terms (new ids), log(1 + tf) x global weight, rows normalised.

    ``per_row``: keep only each row's heaviest terms.
    """
    indptr = np.frombuffer(matrix.indptr, np.int64)
    old_ids = np.frombuffer(matrix.indices, np.int32)
    counts = np.frombuffer(matrix.counts, np.float32)
    new_id = np.full(len(matrix.terms), -1, np.int64)
    new_id[keep] = np.arange(len(keep))
    mapped = new_id[old_ids]
    kept = mapped >= 0
    row_of = np.repeat(np.arange(matrix.rows), np.diff(indptr))[kept]
    cols = mapped[kept].astype(np.int32)
    data = np.log1p(counts[kept]) * idf[cols]
    if per_row is not None and len(data):
        # Rank each entry within its row by weight (rows are contiguous, in order).
        # One float sort instead of a lexsort (3x faster on 25 million entries):
        # the integer part orders rows, the fraction orders weights within a row.
        order = np.argsort(row_of + 0.5 * (1.0 - data / (float(data.max()) * 1.001)))
        starts = np.zeros(matrix.rows + 1, np.int64)
        np.cumsum(np.bincount(row_of, minlength=matrix.rows), out=starts[1:])
        rank = np.empty(len(order), np.int64)
        rank[order] = np.arange(len(order)) - starts[row_of[order]]
        top = rank < per_row
        row_of, cols, data = row_of[top], cols[top], data[top]
    norms = np.sqrt(np.bincount(row_of, weights=data.astype(np.float64) ** 2, minlength=matrix.rows))
    data = (data / np.where(norms > 0, norms, 1.0)[row_of]).astype(np.float32)
    new_indptr = np.zeros(matrix.rows + 1, np.int64)
    np.cumsum(np.bincount(row_of, minlength=matrix.rows), out=new_indptr[1:])
    return _Csr(new_indptr, cols, data, len(keep))


def global_weights(matrix: TermMatrix, keep: np.ndarray, df: np.ndarray) -> np.ndarray:
    """Each kept term's global weight: log-entropy's ``1 + sum p log p / log n`` (or idf).

    Entropy in one pass over the non-zeros: with gf the term's total count,
    ``sum p log p = sum(tf log tf) / gf - log gf``. 0 for a term spread evenly
    over every text, 1 for a term in a single text.
    """
    rows = matrix.rows
    if WEIGHTING == "idf":
        return np.log((rows + 1) / (df + 0.5)).astype(np.float32)
    ids = np.frombuffer(matrix.indices, np.int32)
    tf = np.frombuffer(matrix.counts, np.float32).astype(np.float64)
    gf = np.bincount(ids, weights=tf, minlength=len(matrix.terms))[keep]
    tf_log_tf = np.bincount(ids, weights=tf * np.log(np.maximum(tf, 1e-12)), minlength=len(matrix.terms))[keep]
    entropy = tf_log_tf / np.maximum(gf, 1e-12) - np.log(np.maximum(gf, 1e-12))
    return np.clip(1.0 + entropy / math.log(max(rows, 2)), 0.0, 1.0).astype(np.float32)


def learn_space(matrix: TermMatrix, *, library_rows: int | None = None,
                dimensions: int | None = None, seed: int = 0,
                progress: Progress | None = None) -> tuple[TopicModel, np.ndarray]:
    """Learn the space from a term matrix; returns (model, unit vectors of its first rows).

    ``library_rows``: only the first rows are the library's articles (their
    vectors are returned, float16, a zero row for an article without a known
    term); rows after them are background text that only helps learning.
    """
    rows = matrix.rows
    library_rows = rows if library_rows is None else library_rows
    dimensions = DIMENSIONS if dimensions is None else dimensions
    if progress:
        progress("choosing the vocabulary", 0.2)
    old_ids = np.frombuffer(matrix.indices, np.int32)
    df = np.bincount(old_ids, minlength=len(matrix.terms))
    usable = (df >= MIN_DF) & (df <= max(MIN_DF, MAX_DF_SHARE * rows))
    keep = np.flatnonzero(usable)
    if len(keep) > MAX_TERMS:
        keep = np.sort(keep[np.argsort(-df[keep], kind="stable")[:MAX_TERMS]])
    idf = global_weights(matrix, keep, df[keep])
    weighted = _weighted_rows(matrix, keep, idf,
                              MAX_TERMS_PER_DOC if rows > MAX_TRAINING_DOCS else None)
    # No more dimensions than a third of all texts, nor than half the library's
    # own articles: a space with as many topics as stories learns nothing general.
    dims = max(MIN_DIMENSIONS, min(dimensions, rows // 3, len(keep) // 2,
                                   max(MIN_DIMENSIONS, library_rows // 2))) if len(keep) else 0
    if dims < MIN_DIMENSIONS or len(keep) < 2 * MIN_DIMENSIONS or rows < 2 * MIN_DIMENSIONS:
        raise ValueError("too little text to learn a topic space")
    training = weighted
    if rows > MAX_TRAINING_DOCS:
        # Every library row is a candidate; background rows are all kept (they are few).
        step = library_rows / max(1, MAX_TRAINING_DOCS - (rows - library_rows))
        chosen = np.unique(np.minimum(library_rows - 1, (np.arange(0, library_rows, step)).astype(np.int64)))
        chosen = np.concatenate([chosen, np.arange(library_rows, rows)])
        training = weighted.take_rows(chosen)
    vectors, _singular = randomized_svd(training, dims, seed=seed, progress=progress)
    model = TopicModel([matrix.terms[i] for i in keep], idf, vectors, rows)
    if progress:
        progress("placing every article", 0.75)
    library = _Csr(weighted.indptr[:library_rows + 1], weighted.indices, weighted.data, weighted.cols)
    docs = library.matmul(vectors)
    norms = np.linalg.norm(docs, axis=1, keepdims=True)
    docs = np.divide(docs, norms, out=np.zeros_like(docs), where=norms > 0)
    return model, docs.astype(np.float16)


def build_space(texts: Iterable[tuple[str, str, str]], *,
                background: Iterable[dict[str, float]] = (),
                dimensions: int | None = None, seed: int = 0,
                progress: Progress | None = None) -> tuple[TopicModel, np.ndarray]:
    """Learn a space from (title, summary, body) texts plus optional background counts."""
    matrix = TermMatrix()
    for title, summary, body in texts:
        matrix.add(weighted_terms(title, summary, body))
    library_rows = matrix.rows
    for counts in background:
        matrix.add(counts)
    return learn_space(matrix, library_rows=library_rows, dimensions=dimensions, seed=seed,
                       progress=progress)


def cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    if a is None or b is None:
        return 0.0
    value = float(np.dot(a.astype(np.float32), b.astype(np.float32)))
    return 0.0 if math.isnan(value) else value
