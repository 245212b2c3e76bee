"""Tag suggestions for an article, and tagging several articles at once.

Two sources, combined as independent evidence ``1 - (1 - a)(1 - b)``:
- the vocabulary itself: a tag's name or alias found in the headline,
  standfirst or body (whole words, any case; "EU" suggests "European Union");
- the tags of the most similar articles (the same FTS5 query as related news),
  weighted by how similar each one is.
Tags the article already has are never suggested.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor_app.core.errors import InputError, NotFoundError
from editor_app.core.library.tags import clean_tag_name
from editor_app.core.related.terms import characteristic_terms, or_query
from editor_app.core.text import normalize_key

if TYPE_CHECKING:
    from editor_app.core.library import Library

NEIGHBOURS = 10
NEIGHBOUR_WEIGHT = 0.8     # a tag on every similar article is strong evidence, not proof
FIELD_EVIDENCE = {"title": 0.8, "summary": 0.6}
BODY_EVIDENCE = 0.15       # per occurrence in the body, up to BODY_MAX_HITS
BODY_MAX_HITS = 5
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class TagSuggestion:
    tag: str
    score: float
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"tag": self.tag, "score": self.score, "reasons": list(self.reasons)}


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


class VocabularyMatcher:
    """Finds vocabulary names and aliases in text as whole-word sequences."""

    def __init__(self, entries: list[tuple[int, str, str]]):
        self.phrases: dict[tuple[str, ...], tuple[int, str]] = {}
        for tag_id, text, kind in entries:
            words = tuple(_words(text))
            if words and (words not in self.phrases or kind == "name"):
                self.phrases[words] = (tag_id, text if kind == "alias" else "")
        self.max_words = max((len(p) for p in self.phrases), default=0)

    def find(self, text: str) -> dict[int, tuple[int, set[str]]]:
        """tag id -> (occurrences, aliases it was found as)."""
        hits: dict[int, tuple[int, set[str]]] = {}
        if not self.phrases:
            return hits
        words = _words(text)
        for i in range(len(words)):
            for n in range(1, min(self.max_words, len(words) - i) + 1):
                found = self.phrases.get(tuple(words[i:i + n]))
                if found:
                    count, aliases = hits.get(found[0], (0, set()))
                    if found[1]:
                        aliases.add(found[1])
                    hits[found[0]] = (count + 1, aliases)
        return hits


def vocabulary_matcher(library: Library) -> VocabularyMatcher:
    """The matcher for this library's vocabulary, rebuilt only when the vocabulary changed."""
    stamp = library.vocabulary_stamp()
    cached = library.__dict__.get("_vocabulary_matcher")
    if cached and cached[0] == stamp:
        return cached[1]
    stamp, entries = library.vocabulary_keys()
    matcher = VocabularyMatcher(entries)
    library.__dict__["_vocabulary_matcher"] = (stamp, matcher)
    return matcher


def suggest_tags(library: Library, article_id: int | str, limit: int = 10) -> list[TagSuggestion]:
    """Tags worth adding to an article, best first, each with why."""
    aid = library.resolve_id(article_id)
    title, summary, body, _date, _status = library.article_texts(aid)
    own = {tid for tid, _n, _c in library.article_tag_stats(aid)}
    evidence: dict[int, list[float]] = defaultdict(list)
    reasons: dict[int, list[str]] = defaultdict(list)

    matcher = vocabulary_matcher(library)
    for where, text in (("title", title), ("summary", summary), ("body", body)):
        for tag_id, (n, aliases) in matcher.find(text).items():
            if tag_id in own:
                continue
            if where == "body":
                hits = min(n, BODY_MAX_HITS)
                evidence[tag_id] += [BODY_EVIDENCE] * hits
                note = f"{n}× in the body"
            else:
                evidence[tag_id].append(FIELD_EVIDENCE[where])
                note = f"in the {where}"
            if aliases:
                note += " as " + ", ".join(f"“{a}”" for a in sorted(aliases))
            reasons[tag_id].append(note)

    terms = characteristic_terms(library, title, summary, body)
    neighbours = library.similar_by_text(or_query(terms), exclude_id=aid, limit=NEIGHBOURS)
    if neighbours:
        top = neighbours[0][1] or 1.0
        sims = {nid: score / top for nid, score in neighbours}
        total = sum(sims.values())
        votes: dict[int, float] = defaultdict(float)
        carriers: dict[int, int] = defaultdict(int)
        for nid, tag_ids in library.tag_ids_for(list(sims)).items():
            for tid in set(tag_ids):
                votes[tid] += sims[nid]
                carriers[tid] += 1
        for tid, vote in votes.items():
            if tid in own:
                continue
            evidence[tid].append(NEIGHBOUR_WEIGHT * vote / total)
            reasons[tid].append(f"on {carriers[tid]} of {len(sims)} similar articles")

    names = library.tag_names(list(evidence))
    out = []
    for tid, parts in evidence.items():
        if tid not in names:
            continue
        miss = 1.0
        for p in parts:
            miss *= 1.0 - p
        out.append(TagSuggestion(names[tid], round(1.0 - miss, 4), reasons[tid]))
    out.sort(key=lambda s: (-s.score, s.tag.casefold()))
    return out[:limit]


def tag_articles(library: Library, ids: list[int | str], *, add: list[str] = (),
                 remove: list[str] = ()) -> dict[int, list[str]]:
    """Add and remove tags on several articles in ONE transaction; id -> resulting tags.

    Removing a tag an article does not have is not an error here (a selection
    is rarely uniform); a bad name or a missing article refuses the whole batch.
    """
    if isinstance(add, str) or isinstance(remove, str):
        raise InputError("tags: expected lists of tag names")
    add_names = [clean_tag_name(n) for n in add]
    remove_keys = set()
    for name in remove:
        tag = library.find_tag(clean_tag_name(name))
        if tag is None:
            raise NotFoundError(f"tag {name!r}: not in the vocabulary")
        remove_keys.add(normalize_key(tag.name))
    resolved = [library.resolve_id(i) for i in ids]
    out: dict[int, list[str]] = {}
    with library.transaction():
        for aid in dict.fromkeys(resolved):
            current = library.article_tags(aid)
            kept = [t for t in current if normalize_key(t) not in remove_keys]
            current_keys = {normalize_key(t) for t in current}
            if kept == current and all(_vocabulary_key(library, n) in current_keys for n in add_names):
                out[aid] = current  # nothing changes: no version bump
                continue
            out[aid] = library.set_tags(aid, kept + add_names)
    return out


def _vocabulary_key(library: Library, name: str) -> str | None:
    tag = library.find_tag(name)
    return normalize_key(tag.name) if tag else None
