"""Related-news suggestions: shared tags, similar text, shared topic, shared names and recency.

Why these parts:
- Shared tags are the editors' own judgement, but a tag on half the library
  ("news", "politics") would make everything look related, so each tag weighs
  ``log(0.5 / share)``: rare tags count a lot, a tag on half the library or
  more counts nothing.
- Text similarity finds what nobody tagged: an OR query of the article's 16
  most characteristic terms, ranked by bm25 and divided by the article's own
  score against that query, so it reads as "how much of me is in you" (0..1).
- Shared topic (#16): the library's learned topic space (topics.py) finds the
  same story told in other words; its cosine above TOPIC_FLOOR counts.
- The story's neighbourhood (#16, third round): the topic query is moved towards the
  mean vector of the stories the first scoring puts on top, then every candidate is
  scored again against it (pseudo-relevance feedback, two rounds). A story's own few
  hundred words place it roughly; the stories it is closest to say better what it is
  about, so the next episode and the wider issue come closer. Held out: +0.08 top-5,
  +0.05 Pearson (README).
- Shared names (#16): the people, organisations and places both stories name,
  weighted by how rare each name is in the library and how prominent it is in
  the story ("same people: …").
- Recency: among equally close stories the fresher background is more useful,
  but only gently (an old, exactly matching story still wins).
By default only older, non-spiked articles are candidates: a story links to
background that existed when it ran. Banned ones never come back; pinned ones
are kept in the list but flagged.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor_app.core.related.analysis import weighted_terms
from editor_app.core.related.entities import (
    ENTITY_CHARS,
    MAX_QUERY_ENTITIES,
    Entity,
    article_entities,
    decode_names,
    entity_reasons,
    salience,
)
from editor_app.core.related.terms import characteristic_terms, or_query

if TYPE_CHECKING:
    from editor_app.core.library import Library

TAG_SHARE_CUTOFF = 0.5
# Below this many articles a tag's share of the library is not meaningful
# (two of three stories sharing "harbour" should still count).
MIN_LIBRARY_FOR_SHARE = 20
TAG_WEIGHT = 0.45          # share of the score given to tags when the story has useful tags
RECENCY_FLOOR = 0.85       # the oldest story keeps 85% of its score
RECENCY_HALF_LIFE_DAYS = 365
CANDIDATES = 60
TEXT_SCORED_FACTOR = 5     # bm25 scores kept for this many times CANDIDATES articles
# The tag part is divided by at least the weight of a tag on 0.2% of the
# library: a story whose only useful tag is a broad section tag must not give
# every other story of that section a full tag score.
REFERENCE_TAG_WEIGHT = math.log(TAG_SHARE_CUTOFF / 0.002)
# Tags on more than this share of the library still add to a candidate's score,
# but do not bring candidates of their own: enumerating 3,000 holders of a
# section tag costs more than it finds (text and rarer tags find the good ones).
CANDIDATE_TAG_SHARE = 0.01
# How the text side of the score is shared between its signals (#16; tuned on the
# tuned part of benchmarks/related_quality.py, never on its held-out part). A
# signal that is unavailable (no topic space yet) gives its share to the others.
TEXT_SIGNAL_WEIGHTS = {"text": 0.30, "topic": 0.50, "names": 0.20}
TOPIC_FLOOR = 0.10         # cosines below this are what unrelated stories share
TOPIC_CANDIDATES = 60
TEXT_SCORED_FACTOR = 5     # bm25 scores kept for this many times CANDIDATES articles
TOPIC_REASON_MIN = 0.25    # "same topic: …" once the topic part is at least this
NAMES_REASON_MIN = 0.05
# Pseudo-relevance feedback (#16, third round): the topic query is moved towards the
# mean vector of the first pass's best FEEDBACK_NEIGHBOURS, weighted by their scores,
# FEEDBACK_WEIGHT times as long as the story's own vector (tuned part only).
FEEDBACK_NEIGHBOURS = 20
FEEDBACK_WEIGHT = 2.0
# Each round takes the neighbours from the previous round's scores (always around
# the story's own vector).
FEEDBACK_ROUNDS = 2
# The expanded query searches the FEEDBACK_POOL articles closest to the story's own
# vector, not the whole library: a second pass over 100,000 vectors would cost
# 2-6 ms more; a library up to this size is searched whole.
FEEDBACK_POOL = 5000
# Below this a candidate is noise (a faint topic cosine, one common name): not shown.
MIN_SCORE = 0.05


@dataclass(frozen=True)
class RelatedSuggestion:
    id: int
    slug: str
    title: str
    date: str
    score: float
    reasons: list[str] = field(default_factory=list)
    pinned: bool = False

    def as_dict(self) -> dict:
        return {"id": self.id, "slug": self.slug, "title": self.title, "date": self.date,
                "score": self.score, "reasons": list(self.reasons), "pinned": self.pinned}


def tag_weight(count: int, library_size: int) -> float:
    """``log(0.5 / share)``, zero for a tag on half the library or more."""
    if count <= 0:
        return 0.0
    share = count / max(library_size, MIN_LIBRARY_FOR_SHARE)
    if share >= TAG_SHARE_CUTOFF:
        return 0.0
    return math.log(TAG_SHARE_CUTOFF / share)


def _days_between(a: str, b: str) -> int | None:
    try:
        return (_dt.date.fromisoformat(a) - _dt.date.fromisoformat(b)).days
    except (TypeError, ValueError):
        return None


def recency(article_date: str, other_date: str) -> tuple[float, str]:
    """(multiplier, reason) for how far apart two stories ran."""
    days = _days_between(article_date, other_date)
    if days is None:
        return RECENCY_FLOOR, "undated"
    decay = math.exp(-abs(days) * math.log(2) / RECENCY_HALF_LIFE_DAYS)
    factor = RECENCY_FLOOR + (1 - RECENCY_FLOOR) * decay
    if days == 0:
        return factor, "recent: same day"
    unit = "day" if abs(days) == 1 else "days"
    return factor, f"recent: {abs(days)} {unit} {'older' if days > 0 else 'newer'}"


def _join_names(names: list[str], limit: int = 4) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" (+{len(names) - limit})" if len(names) > limit else "")


@dataclass
class _Query:
    """What is known about the story whose related news are wanted."""

    id: int
    title: str
    summary: str
    body: str
    date: str
    before: str | None
    counts: dict[str, float]   # analysis.weighted_terms of the story
    language: str


def _topic_part(library: Library, q: _Query, exclude: set[int]):
    """(space, query vector, {candidate: cosine}, pool) from the stored topic space.

    The pool: the rows of the FEEDBACK_POOL articles closest to the story, where
    the expanded query looks for the rest of its neighbourhood.
    """
    # numpy is imported here, on first use: the export workers and the command
    # line's start-up import this package and need none of it.
    from editor_app.core.related import topics

    space = topics.current_space(library)
    if space is None:
        return None, None, {}, None
    qvec = space.model.embed_counts(q.counts)
    if qvec is None:
        return space, None, {}, None
    near, pool = _nearest(library, space, qvec, q, exclude, pool=FEEDBACK_POOL)
    return space, qvec, near, pool


def _nearest(library: Library, space, qvec, q: _Query, exclude: set[int], *, pool: int = 0,
             within=None):
    """({article: cosine} of the TOPIC_CANDIDATES closest articles a story may link to, pool)."""
    found, rows = space.nearest(qvec, TOPIC_CANDIDATES * 3, pool=pool, within=within)
    near = [(i, c) for i, c in found if i not in exclude and c > TOPIC_FLOOR]
    allowed = set(library.allowed_related([i for i, _c in near], exclude_id=q.id, before=q.before))
    return dict([(i, c) for i, c in near if i in allowed][:TOPIC_CANDIDATES]), rows


def _cosine(space, cid: int, qvec) -> float:
    vec = space.vector(cid)
    return float(vec @ qvec) if vec is not None else 0.0


def _expanded_query(space, qvec, bases: dict[int, float]):
    """The story's topic vector moved towards its closest neighbours (pseudo-relevance feedback).

    A story shares its topic with the stories its first-pass scores put on top:
    their mean vector, weighted by those scores, says what the story's
    neighbourhood is about better than its own few hundred words do (same
    topic told in other words: the next episode of the story, the broader
    issue). FEEDBACK_NEIGHBOURS and FEEDBACK_WEIGHT were chosen on the tuned
    part of benchmarks/related_quality.py (README has the figures).
    """
    top = sorted(((b, cid) for cid, b in bases.items() if b > 0), reverse=True)[:FEEDBACK_NEIGHBOURS]
    rows = [(b, space.vector(cid)) for b, cid in top]
    rows = [(b, v) for b, v in rows if v is not None]
    total = sum(b for b, _v in rows)
    if not rows or total <= 0 or FEEDBACK_WEIGHT <= 0:
        return qvec
    centre = sum(b * v for b, v in rows) / total
    moved = qvec + FEEDBACK_WEIGHT * centre
    norm = float((moved @ moved) ** 0.5)
    return moved / norm if norm > 0 else qvec


class _Parts:
    """The parts of each candidate's score that do not depend on the topic query."""

    def __init__(self, library: Library, space, match: str, aid: int, before: str | None,
                 date: str, tag_weights: dict[int, float], tag_total: float, ceiling: float,
                 name_weights: dict[str, float], by_text: dict[int, float]):
        self.library, self.space, self.match, self.aid, self.before = library, space, match, aid, before
        self.date, self.tag_weights, self.tag_total, self.ceiling = date, tag_weights, tag_total, ceiling
        self.name_weights, self.by_text = name_weights, by_text
        self.name_total = sum(name_weights.values())
        self.briefs: dict[int, tuple[str, str, str]] = {}
        self.names: dict[int, dict[str, tuple[str, str]]] = {}
        # id -> (tag part, shared tags, names part, shared names)
        self.static: dict[int, tuple[float, list[int], float, list[str]]] = {}

    def add(self, ids: set[int]) -> None:
        ids = [i for i in ids if i not in self.briefs]
        if not ids:
            return
        cand_tags = self.library.tag_ids_for(ids)
        self.briefs.update(self.library.article_briefs(ids))
        if self.name_total > 0:
            self.names.update(_names_of(self.library, self.space, ids))
        weights, q_weights = self.tag_weights, self.name_weights
        for cid in ids:
            if cid not in self.briefs:
                continue
            shared = [t for t in cand_tags.get(cid, []) if weights.get(t, 0) > 0]
            tag_sim = (sum(weights[t] for t in shared) / max(self.tag_total, REFERENCE_TAG_WEIGHT)
                       if self.tag_total else 0.0)
            theirs = self.names.get(cid, {})
            shared_names = [k for k in q_weights if k in theirs]
            names_sim = sum(q_weights[k] for k in shared_names) / self.name_total if self.name_total else 0.0
            self.static[cid] = (tag_sim, shared, names_sim, shared_names)

    def fill_text(self, ids) -> None:
        """bm25 of these candidates when beyond the text query's first scores (one query for all).

        Only the tag candidates ask: a topic candidate outside the first scores
        (CANDIDATES * TEXT_SCORED_FACTOR of them) shares too little text to count.
        """
        missing = [i for i in ids if i in self.briefs and i not in self.by_text]
        if missing and self.match:
            self.by_text.update(self.library.similar_by_text(
                self.match, exclude_id=self.aid, before=self.before, limit=len(missing),
                only_ids=missing))

    def text_sim(self, cid: int) -> float:
        return min(1.0, self.by_text.get(cid, 0.0) / self.ceiling) if self.ceiling > 0 else 0.0

    def bases(self, by_topic: dict[int, float], tag_share: float,
              signal: dict[str, float]) -> dict[int, float]:
        """First-pass scores (as the final ones, against the story's own topic vector).

        A candidate outside the text query's first scores counts no text here: only
        the neighbours' weights depend on it, and one bm25 query is saved.
        """
        out = {}
        for cid, (tag_sim, _shared, names_sim, _names) in self.static.items():
            text_sim = self.text_sim(cid)
            topic_sim = max(0.0, (by_topic.get(cid, 0.0) - TOPIC_FLOOR) / (1 - TOPIC_FLOOR))
            base = tag_share * tag_sim + (1 - tag_share) * (
                signal["text"] * text_sim + signal["topic"] * topic_sim + signal["names"] * names_sim)
            if base >= MIN_SCORE:
                out[cid] = base * recency(self.date, self.briefs[cid][2])[0]
        return out


def _names_of(library: Library, space, ids: list[int]) -> dict[int, dict[str, tuple[str, str]]]:
    """key -> (kind, name) of each candidate: stored by the space job, else read now."""
    stored = library.space_names(space.generation, ids) if space is not None else {}
    out = {i: decode_names(text) for i, text in stored.items()}
    missing = [i for i in ids if i not in out]
    for i, (title, summary, head, language) in library.article_heads(missing, ENTITY_CHARS).items():
        out[i] = {k: (e.kind, e.name) for k, e in
                  article_entities(title, summary, head, language).items()}
    return out


def _query_names(space, q: _Query) -> tuple[dict[str, Entity], dict[str, float]]:
    """The story's most salient names and their weights."""
    entities = article_entities(q.title, q.summary, q.body, q.language)
    rarity = space.name_rarity if space is not None else (lambda _key: 1.0)
    weights = {k: salience(e, rarity(k)) for k, e in entities.items()}
    top = sorted(weights, key=lambda k: (-weights[k], k))[:MAX_QUERY_ENTITIES]
    return {k: entities[k] for k in top}, {k: weights[k] for k in top if weights[k] > 0}


def _signal_weights(have_topic: bool) -> dict[str, float]:
    weights = dict(TEXT_SIGNAL_WEIGHTS)
    if not have_topic:
        weights["topic"] = 0.0
    total = sum(weights.values()) or 1.0
    return {k: v / total for k, v in weights.items()}


def suggest_related(library: Library, article_id: int | str, *, limit: int = 10,
                    include_newer: bool = False) -> list[RelatedSuggestion]:
    """The best related-news candidates for a story, best first, each with reasons."""
    aid = library.resolve_id(article_id)
    title, summary, body, date, _status = library.article_texts(aid)
    before = None if include_newer or not date else date
    q = _Query(aid, title, summary, body, date, before, weighted_terms(title, summary, body),
               library.article_language(aid))
    size = library.library_size()

    # -- tags: weights by rarity, candidates sharing the useful ones
    own_tags = library.article_tag_stats(aid)
    weights = {tid: tag_weight(n, size) for tid, _name, n in own_tags}
    names = {tid: name for tid, name, _n in own_tags}
    tag_total = sum(weights.values())
    cap = max(MIN_LIBRARY_FOR_SHARE, size * CANDIDATE_TAG_SHARE)
    finders = {tid: w for tid, _name, n in own_tags if n <= cap and (w := weights[tid]) > 0}
    by_tags = dict(library.similar_by_tags(finders, exclude_id=aid, before=before, limit=CANDIDATES))

    # -- text: the characteristic terms as one OR query
    terms = characteristic_terms(library, title, summary, body)
    match = or_query(terms)
    # bm25 scores every match before it sorts, so a longer list costs nothing more:
    # the scores beyond the first CANDIDATES serve the topic and tag candidates.
    text_scores = library.similar_by_text(match, exclude_id=aid, before=before,
                                          limit=CANDIDATES * TEXT_SCORED_FACTOR)
    by_text = dict(text_scores)
    text_candidates = {i for i, _s in text_scores[:CANDIDATES]}
    ceiling = library.self_text_score(match, aid) or max(by_text.values(), default=0.0) or 1.0

    # -- topic: the nearest articles in the learned space
    banned = library.banned_related(aid)
    space, qvec, by_topic, pool = _topic_part(library, q, banned | {aid})

    candidates = (set(by_tags) | text_candidates | set(by_topic)) - banned
    candidates.discard(aid)
    if not candidates:
        return []
    tag_share = TAG_WEIGHT if tag_total > 0 else 0.0
    signal = _signal_weights(qvec is not None)
    q_names, q_weights = _query_names(space, q)
    parts = _Parts(library, space, match, aid, before, date, weights, tag_total, ceiling,
                   q_weights if signal["names"] > 0 else {}, by_text)
    parts.add(candidates)
    if qvec is not None:
        own = qvec
        by_topic.update({cid: _cosine(space, cid, own) for cid in parts.briefs if cid not in by_topic})
        for _round in range(FEEDBACK_ROUNDS):
            qvec = _expanded_query(space, own, parts.bases(by_topic, tag_share, signal))
            # The expanded query finds the rest of the story's neighbourhood: its nearest
            # articles join the candidates, and every candidate is placed against it.
            near, _rows = _nearest(library, space, qvec, q, banned | {aid}, within=pool)
            parts.add(set(near) - set(parts.briefs))
            by_topic = {cid: near[cid] if cid in near else _cosine(space, cid, qvec)
                        for cid in parts.briefs}
    parts.fill_text(by_tags)

    scored = []
    for cid, brief in parts.briefs.items():
        tag_sim, shared, names_sim, shared_names = parts.static[cid]
        text_sim = parts.text_sim(cid)
        cos = by_topic.get(cid, 0.0)
        topic_sim = max(0.0, (cos - TOPIC_FLOOR) / (1 - TOPIC_FLOOR))
        text_side = (signal["text"] * text_sim + signal["topic"] * topic_sim
                     + signal["names"] * names_sim)
        base = tag_share * tag_sim + (1 - tag_share) * text_side
        if base < MIN_SCORE:
            continue
        factor, when = recency(date, brief[2])
        scored.append((base * factor, cid, shared, text_sim, topic_sim, shared_names, when))
    scored.sort(key=lambda item: (-item[0], item[1]))
    top = scored[:limit]

    # Reasons for the text part: which characteristic words each one shares.
    top_ids = [item[1] for item in top if item[3] > 0]
    holders = {t.stem: library.articles_containing(f'"{t.stem}"', top_ids) for t in terms} if top_ids else {}
    pinned = {a.id for a in library.pinned_related(aid)}
    own_weights = space.model.weights(q.counts) if qvec is not None else None
    out = []
    briefs, cand_names = parts.briefs, parts.names
    for score, cid, shared, text_sim, topic_sim, shared_names, when in top:
        slug, other_title, other_date = briefs[cid]
        reasons = []
        if shared:
            shared.sort(key=lambda t: -weights[t])
            reasons.append("shared tags: " + _join_names([names[t] for t in shared]))
        if shared_names:
            theirs = cand_names[cid]
            people = []
            for key in shared_names:
                ent = q_names[key]
                kind = ent.kind if ent.kind != "name" else theirs[key][0]
                people.append(Entity(name=ent.name, key=key, votes={kind: 1} if kind != "name" else {}))
            reasons.extend(entity_reasons(people))
        words = [t.word for t in terms if cid in holders.get(t.stem, ())]
        if text_sim > 0 and words:
            reasons.append("similar text: " + _join_names(words, 5))
        if qvec is not None and topic_sim > 0 and (topic_sim >= TOPIC_REASON_MIN or not reasons):
            vec = space.vector(cid)
            topic_words = space.model.shared_topic_words(own_weights, qvec, vec) if vec is not None else []
            if topic_words:
                reasons.append("same topic: " + ", ".join(topic_words))
        if not reasons:
            continue  # nothing to say why: not worth an editor's time
        reasons.append(when)
        if cid in pinned:
            reasons.append("already pinned")
        out.append(RelatedSuggestion(cid, slug, other_title, other_date, round(score, 4),
                                     reasons, cid in pinned))
    return out
