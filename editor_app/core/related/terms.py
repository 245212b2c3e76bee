"""An article's most characteristic terms: what its FTS5 similarity query is made of.

Terms are the index's own stems (porter), obtained through the library so that
a query word always means what the index means by it. A term's weight is
tf-idf with the headline counting three times and the standfirst twice: a word
that is frequent in this story and rare in the library says most about it.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor_app.core.related.analysis import split_lead
from editor_app.core.related.stopwords import STOP_WORDS

if TYPE_CHECKING:
    from editor_app.core.library import Library

FIELD_BOOST = (3.0, 2.0, 1.0)  # title, summary, body
# The body's lead (analysis.split_lead) counts this much more than its tail (#16).
LEAD_BOOST = 1.5
# 16 rather than 12: precision@5 on Wikinews 0.568 vs 0.549 (benchmarks/related_quality.py),
# still well inside the 50 ms budget on 100,000 articles.
MAX_QUERY_TERMS = 16
# A term in more than this share of the library is not characteristic; also
# keeps the OR query fast (a doclist of 15,000 postings is the most we read).
MAX_DF_SHARE = 0.15
MIN_TERM_LENGTH = 3
SMALL_LIBRARY = 1000
COMMON_FROM = 10
_WORD = re.compile(r"[^\W_]+")
_stop_stems: frozenset[str] | None = None


@dataclass(frozen=True)
class Term:
    stem: str       # as the index knows it ("council", "flood", "citi")
    word: str       # as a person reads it ("council", "flooding", "city")
    weight: float
    df: int


def stop_stems(library: Library) -> frozenset[str]:
    """The stop words as the index stems them ("this" -> "thi", "was" -> "wa")."""
    global _stop_stems
    if _stop_stems is None:
        (counts,) = library.text_terms([" ".join(sorted(STOP_WORDS))])
        _stop_stems = frozenset(counts) | STOP_WORDS
    return _stop_stems


def surface_words(*texts: str) -> Counter:
    """Lower-cased words without diacritics, as unicode61 sees them (for display)."""
    words: Counter = Counter()
    for text in texts:
        plain = "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                        if not unicodedata.combining(c))
        words.update(_WORD.findall(plain))
    return words


def display_word(stem: str, words: Counter, ordered: list[str] | None = None) -> str:
    """The commonest word of the article that the stem came from; the stem if none fits.

    ``ordered`` (the sorted words) lets a caller with many stems find each
    stem's words by bisection instead of scanning every word.
    """
    ordered = ordered if ordered is not None else sorted(words)
    prefixes = [stem]
    if stem.endswith("i"):
        prefixes.append(stem[:-1] + "y")  # porter: city -> citi
    best = None
    for prefix in prefixes:
        i = bisect.bisect_left(ordered, prefix)
        while i < len(ordered) and ordered[i].startswith(prefix):
            word = ordered[i]
            key = (words[word], -len(word))
            if best is None or key > best[0]:
                best = (key, word)
            i += 1
    return best[1] if best else stem


def _usable(stem: str, stops: frozenset[str]) -> bool:
    return len(stem) >= MIN_TERM_LENGTH and not stem.isdigit() and stem not in stops


def characteristic_terms(library: Library, title: str, summary: str, body: str, *,
                         limit: int = MAX_QUERY_TERMS, in_library: bool = True) -> list[Term]:
    """The ``limit`` terms that best tell this article apart, heaviest first.

    ``in_library`` says the text is itself indexed, so a term needs two
    documents to connect it to anything else.
    """
    lead, tail = split_lead(body or "")
    per_field = library.text_terms([title, summary, lead, tail])
    stops = stop_stems(library)
    tf: Counter = Counter()
    boosts = (FIELD_BOOST[0], FIELD_BOOST[1], FIELD_BOOST[2] * LEAD_BOOST, FIELD_BOOST[2])
    for boost, counts in zip(boosts, per_field, strict=True):
        for stem, n in counts.items():
            if _usable(stem, stops):
                tf[stem] += boost * n
    if not tf:
        return []
    total = max(library.library_size(), 1)
    df = library.document_frequencies(tf)
    min_df = 2 if in_library else 1
    # The cap is for speed on big libraries; in a small one idf alone decides.
    # A word in half the library or more connects everything and so nothing (#16);
    # a tiny library (a few test stories) has no such statistics yet.
    max_df = total if total < COMMON_FROM else total // 2
    if total >= SMALL_LIBRARY:
        max_df = int(total * MAX_DF_SHARE)
    scored = []
    for stem, weight in tf.items():
        d = df.get(stem, 0)
        if d < min_df or d > max_df:
            continue
        idf = math.log((total + 1) / d)
        scored.append((stem, (1 + math.log(weight)) * idf, d))
    scored.sort(key=lambda item: (-item[1], item[0]))
    scored = scored[:limit]
    words = surface_words(title, summary, body) if scored else Counter()
    ordered = sorted(words)
    return [Term(stem, display_word(stem, words, ordered), round(w, 4), d) for stem, w, d in scored]


def or_query(terms: list[Term]) -> str:
    """An FTS5 query matching any of the terms (stems are [a-z0-9], quoting is safe)."""
    return " OR ".join(f'"{t.stem}"' for t in terms)
