"""Words of an article as the topic space counts them, the lead weighted above the tail.

The topic space (space.py) is learned from every article of a library in one
background pass, so this tokenizer must be fast in plain Python: one regular
expression over the lower-cased text, then a cached word -> term map. Terms are
lower-case words without diacritics, with plurals and possessives folded
("councils", "council's" -> "council"); stop words and numbers are dropped.
It is not the FTS index's porter stemmer on purpose: the space learns that
"flood" and "flooding" go together from the library itself.

Why the lead counts more: a news story says what it is about in its headline,
standfirst and first paragraphs; the tail holds background, quotes and
asides that are shared with many other stories.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from editor_app.core.related.stopwords import STOP_WORDS

# Weights of each part of an article in its term counts (tuned on the tuned part
# of benchmarks/related_quality.py; the held-out part was never used for this).
TITLE_WEIGHT = 2.0
SUMMARY_WEIGHT = 1.5
LEAD_WEIGHT = 1.5
TAIL_WEIGHT = 1.0
# The lead: the body's first paragraphs up to about this many characters
# (some 100 words: a lede and the paragraph that follows it).
LEAD_CHARS = 700
# The space reads the body's first this many characters (some 500 words): news
# says what it is about early, and a rebuild of 100,000 articles must stay
# within two minutes (a 20,000-word interview would otherwise cost 40 articles).
SPACE_BODY_CHARS = 3000
MIN_LENGTH = 3

_TOKEN = re.compile(r"[a-z][a-z0-9]+")
_term_cache: dict[str, str] = {}
_TERM_CACHE_MAX = 500_000


def _fold(text: str) -> str:
    """Lower case without diacritics ("Gdańsk" -> "gdansk"); cheap for ASCII text."""
    text = text.lower()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def term_of(word: str) -> str:
    """The term a lower-case word counts as ("" for a stop word or a too-short word)."""
    term = _term_cache.get(word)
    if term is not None:
        return term
    term = word
    if len(term) < MIN_LENGTH or term in STOP_WORDS:
        term = ""
    elif len(term) > 4 and term.endswith("ies"):
        term = term[:-3] + "y"
    elif len(term) > 3 and term.endswith("s") and not term.endswith(("ss", "us", "is")):
        term = term[:-1]
    if term in STOP_WORDS:
        term = ""
    if len(_term_cache) > _TERM_CACHE_MAX:
        _term_cache.clear()
    _term_cache[word] = term
    return term


def terms_of(text: str) -> Counter:
    """Term counts of one text."""
    counts: Counter = Counter()
    if not text:
        return counts
    cached = _term_cache.get
    for word, n in Counter(_TOKEN.findall(_fold(text))).items():
        term = cached(word)
        if term is None:
            term = term_of(word)
        if term:
            counts[term] += n
    return counts


def split_lead(body: str, lead_chars: int = LEAD_CHARS) -> tuple[str, str]:
    """(lead, tail) of a body: the first paragraphs up to ``lead_chars``, cut at a space."""
    if len(body) <= lead_chars:
        return body, ""
    cut = body.rfind(" ", 0, lead_chars)
    cut = cut if cut > lead_chars // 2 else lead_chars
    return body[:cut], body[cut:]


def part_terms(title: str, summary: str, body: str) -> list[Counter]:
    """Term counts of the headline, standfirst, lead and tail (up to SPACE_BODY_CHARS), in that order."""
    body = body or ""
    if len(body) > SPACE_BODY_CHARS:
        cut = body.rfind(" ", 0, SPACE_BODY_CHARS)
        body = body[:cut if cut > 0 else SPACE_BODY_CHARS]
    lead, tail = split_lead(body)
    return [terms_of(title), terms_of(summary), terms_of(lead), terms_of(tail)]


def part_weights() -> tuple[float, float, float, float]:
    """The weights of headline, standfirst, lead and tail (read at call time: benchmarks vary them)."""
    return TITLE_WEIGHT, SUMMARY_WEIGHT, LEAD_WEIGHT, TAIL_WEIGHT


def combine_parts(parts: list[Counter]) -> dict[str, float]:
    """One weighted count per term from the four parts' counts."""
    out: dict[str, float] = {}
    for counts, weight in zip(parts, part_weights(), strict=True):
        for term, n in counts.items():
            out[term] = out.get(term, 0.0) + weight * n
    return out


def weighted_terms(title: str, summary: str, body: str) -> dict[str, float]:
    """Term counts of an article with the headline, standfirst and lead counting more."""
    return combine_parts(part_terms(title, summary, body))
