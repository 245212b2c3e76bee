"""People, organisations and places an article names: capitalised names and their variants.

No trained recogniser ships with Byline (the desktop build must stay small and
offline), and news names are easy to spot by their capitals. The rules, in
order:
- a name is a run of capitalised words, joined by "of", "de", "bin", …
  ("Bank of England", "Osama bin Laden"), or an acronym ("NASA", "WHO");
- a capitalised word that only starts a sentence is not a name when the same
  word appears in lower case elsewhere or is a stop word ("The", "Police");
- variants are merged inside the article: "Robert Mugabe", "Mugabe" and
  "Mr Mugabe" are one person; a person's key for matching other articles is the
  surname, so "President Mugabe" in another story is the same person;
- a name's kind is a guess from its words and surroundings (an honorific or
  "said" after it: a person; "in"/"at" before it: a place; "Party", "Council",
  an acronym: an organisation), used only for the words of the reason.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from editor_app.core.related.stopwords import STOP_WORDS

NAMES_KEPT = 24            # names stored per article by the topic-space job (the most salient)
ENTITY_CHARS = 1000        # names of the lead (~170 words): who the story is about; keeps rebuilds fast
MAX_QUERY_ENTITIES = 10

_CONNECTORS = {"of", "de", "la", "van", "von", "der", "den", "bin", "al", "da", "du", "del",
               "di", "le", "for"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "prime", "vice", "dame", "lord", "lady", "president", "senator",
               "sen", "rep", "minister", "governor", "gov", "mayor", "judge", "justice", "king",
               "queen", "prince", "princess", "pope", "chancellor", "premier", "general", "gen",
               "captain", "capt", "professor", "prof", "sheikh", "ayatollah", "secretary",
               "speaker", "leader", "chief", "inspector", "detective", "officer", "bishop",
               "father", "reverend", "rev", "coach", "director", "ambassador", "commissioner",
               "sergeant", "sgt", "colonel", "col", "lieutenant", "lt", "deputy", "former"}
_ORG_WORDS = {"party", "council", "ministry", "university", "court", "congress", "parliament",
              "senate", "house", "commission", "committee", "agency", "association", "company",
              "corporation", "corp", "inc", "ltd", "group", "bank", "union", "organization",
              "organisation", "department", "police", "army", "force", "forces", "club",
              "church", "museum", "institute", "foundation", "federation", "league", "airlines",
              "airways", "news", "network", "service", "office", "government", "administration",
              "board", "authority", "college", "school", "hospital", "navy", "assembly",
              "democrats", "republicans", "front", "movement", "times", "post", "press",
              "fund", "program", "programme", "trust", "society", "team", "fc", "bureau"}
_PLACE_WORDS = {"city", "island", "islands", "river", "lake", "mount", "mountains", "province",
                "state", "county", "street", "bay", "sea", "ocean", "coast", "valley", "airport",
                "station", "region", "district", "peninsula", "gulf", "strait", "square",
                "bridge", "park", "beach", "desert", "north", "south", "east", "west"}
_PLACE_BEFORE = {"in", "at", "from", "near", "across", "into", "to", "towards", "outside"}
_SAID = {"said", "says", "told", "added", "explained", "announced", "wrote", "argued"}
# Calendar and title words that are capitalised but name nothing.
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "q", "a", "i", "mr", "mrs",
              "ms", "dr", "st", "wikinews", "update", "related", "news", "sources", "source",
              "external", "links", "see", "also", "photo", "image", "video", "editor", "note"}

_WORD = r"(?:[A-Z][\w'’\-]*[\w]|[A-Z])"
_NAME = re.compile(rf"{_WORD}(?:[ \t]+(?:(?:{'|'.join(sorted(_CONNECTORS))})[ \t]+)*{_WORD})*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”()\[\]\n>*#-]\s*)$")
_POSSESSIVE = re.compile(r"['’]s?$")
_LOWER_WORD = re.compile(r"\b[a-z][\w'’\-]*")


@dataclass
class Entity:
    """A name as it appears in one article, with what is known about it."""

    name: str                       # the longest form seen ("Robert Mugabe")
    key: str                        # how other articles are matched ("mugabe")
    mentions: int = 0
    in_title: bool = False
    votes: dict[str, int] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        """person, place, organisation or name (when nothing says which)."""
        if not self.votes:
            return "name"
        kind, n = max(self.votes.items(), key=lambda kv: (kv[1], kv[0]))
        return kind if n > 0 else "name"


def fold(text: str) -> str:
    text = text.casefold()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _tokens(name: str) -> list[str]:
    return [fold(t) for t in name.split()]


def _trim(words: list[str], at_sentence_start: bool, lower_words: set[str]) -> list[str]:
    """Drop leading honorifics/stop words and a sentence-initial common word."""
    while words:
        first = fold(words[0])
        if first in _HONORIFICS or first in STOP_WORDS or first in _NOT_NAMES:
            words = words[1:]
            at_sentence_start = False
            continue
        if at_sentence_start and first in lower_words and len(words) == 1:
            return []
        break
    while words and (fold(words[-1]) in _CONNECTORS or fold(words[-1]) in _NOT_NAMES
                     or fold(words[-1]) in STOP_WORDS):
        words = words[:-1]
    return words


def _kind_votes(words: list[str], before: str, after: str, honorific: bool,
                had_the: bool = False) -> dict[str, int]:
    lower = [fold(w) for w in words]
    votes: dict[str, int] = {}
    if any(w in _ORG_WORDS for w in lower) or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
        votes["organisation"] = votes.get("organisation", 0) + 2
    if any(w in _PLACE_WORDS for w in lower[-1:]):
        votes["place"] = votes.get("place", 0) + 2
    prev = before.rsplit(None, 1)[-1].casefold() if before.strip() else ""
    nxt = after.split(None, 1)[0].casefold().strip(",.;:") if after.strip() else ""
    if (honorific or nxt in _SAID) and "organisation" not in votes:
        votes["person"] = votes.get("person", 0) + 2
    if prev in _PLACE_BEFORE and "organisation" not in votes:
        votes["place"] = votes.get("place", 0) + 1
    if (2 <= len(words) <= 3 and not votes and prev != "the" and not had_the
            and all(w not in _CONNECTORS for w in lower)):
        votes["person"] = votes.get("person", 0) + 1
    return votes


# Languages whose writing capitalises every noun: capitals say nothing about names there.
NOUN_CAPITALISING = ("de", "gsw", "lb")


def finds_names(language: str) -> bool:
    """Whether capitalised words mark names in this language (not in German: every noun)."""
    return (language or "en").split("-")[0].lower() not in NOUN_CAPITALISING


def article_entities(title: str, summary: str, body: str, language: str = "en") -> dict[str, Entity]:
    """The names of an article in a language where capitals mark them, else none."""
    return extract_entities(title, summary, body) if finds_names(language) else {}


def extract_entities(title: str, summary: str, body: str, *,
                     body_chars: int = ENTITY_CHARS) -> dict[str, Entity]:
    """key -> Entity for the names of an article (the body's first ``body_chars``)."""
    text_parts = [(title, True), (summary, False), (body[:body_chars], False)]
    lower_words = set()
    for text, _t in text_parts:
        lower_words.update(fold(w) for w in _LOWER_WORD.findall(text))
    common = lower_words | STOP_WORDS
    found: list[tuple[list[str], bool, bool, dict[str, int]]] = []
    for text, is_title in text_parts:
        for match in _NAME.finditer(text):
            raw = match.group(0).split()
            if len(raw) == 1 and fold(raw[0]) in common:
                # The commonest case by far: a sentence's first word ("The", "Police").
                # A capitalised common word alone is a name only mid-sentence, which
                # the later rules would keep; checking that costs more than it finds.
                continue
            start = match.start()
            before = text[max(0, start - 40):start]
            at_start = bool(_SENTENCE_END.search(before)) or is_title
            honorific = fold(raw[0]).rstrip(".") in _HONORIFICS
            if not honorific and before.strip():
                honorific = fold(before.split()[-1]).rstrip(".") in _HONORIFICS
            trimmed = _trim(raw, at_start, lower_words)
            if len(trimmed) < len(raw) and trimmed and trimmed[0] != raw[0]:
                at_start = False  # "The Bank of England": the name itself is mid-sentence
            words = [w for w in (_POSSESSIVE.sub("", w) for w in trimmed) if w]
            if not words:
                continue
            if len(words) == 1 and (len(words[0]) < 2 or fold(words[0]) in STOP_WORDS):
                continue
            votes = _kind_votes(words, before, text[match.end():match.end() + 30], honorific,
                                had_the=fold(raw[0]) == "the")
            found.append((words, is_title, at_start, votes))
    # A single word seen only where anything is capitalised (a headline, a sentence's
    # start) is an ordinary word ("Longtime", "Nevertheless"), unless it names itself
    # elsewhere as part of a longer name.
    named_inside = {fold(w) for words, _t, start, _v in found if len(words) > 1 or not start
                    for w in words}
    kept = [(words, is_title, votes) for words, is_title, start, votes in found
            if len(words) > 1 or fold(words[0]) in named_inside or words[0].isupper()]
    return _merge(kept)


def _merge(found: list[tuple[list[str], bool, dict[str, int]]]) -> dict[str, Entity]:
    """Group the forms of each name; people are keyed by surname, others by the whole name.

    A multi-word name counts as a person (keyed by its last word) when something
    said so (an honorific, "said" after it) or when its last word also stands
    alone in the article ("Robert Mugabe" ... "Mugabe").
    """
    singles = {fold(words[0]) for words, _t, _v in found if len(words) == 1}
    person_votes: dict[str, int] = {}
    full_names: dict[str, list[str]] = {}
    for words, _t, votes in found:
        last = fold(words[-1])
        person_votes[last] = person_votes.get(last, 0) + votes.get("person", 0)
        if len(words) > 1 and not any(fold(w) in _ORG_WORDS or fold(w) in _PLACE_WORDS
                                      or fold(w) in _CONNECTORS for w in words):
            full_names.setdefault(last, words)
    people = {last for last, words in full_names.items()
              if person_votes.get(last, 0) >= 1 or last in singles}
    entities: dict[str, Entity] = {}
    forms: dict[str, dict[str, int]] = {}
    for words, is_title, votes in found:
        last = fold(words[-1])
        if last in people and (len(words) == 1 or full_names.get(last) is not None):
            key = last
            name = " ".join(full_names[last])
            votes = {**votes, "person": votes.get("person", 0) + 1}
        else:
            key = " ".join(_tokens(" ".join(words)))
            name = " ".join(words)
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = Entity(name=name, key=key)
        counts = forms.setdefault(key, {})
        counts[name] = counts.get(name, 0) + 1
        ent.mentions += 1
        ent.in_title = ent.in_title or is_title
        for kind, n in votes.items():
            ent.votes[kind] = ent.votes.get(kind, 0) + n
    for key, ent in entities.items():
        # The commonest form in the text, the longer one on a tie.
        ent.name = max(forms[key].items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    return entities


def salience(ent: Entity, rarity: float) -> float:
    """How much a name says about its article: rare, repeated, in the headline."""
    return rarity * (1.0 + math.log(ent.mentions)) * (1.5 if ent.in_title else 1.0)


KIND_REASON = {"person": "same people", "place": "same places",
               "organisation": "same organisations", "name": "same names"}


def entity_reasons(shared: list[Entity], limit: int = 3) -> list[str]:
    """"same people: A, B" and the like, one reason per kind, heaviest kind first."""
    by_kind: dict[str, list[str]] = {}
    for ent in shared:
        names = by_kind.setdefault(ent.kind, [])
        if ent.name not in names:
            names.append(ent.name)
    out = []
    for kind, names in by_kind.items():
        shown = ", ".join(names[:limit]) + (f" (+{len(names) - limit})" if len(names) > limit else "")
        out.append(f"{KIND_REASON[kind]}: {shown}")
    return out


def encode_names(entities: dict[str, Entity]) -> str:
    """The most salient names of an article, one "key<TAB>kind<TAB>name<TAB>weight" a line."""
    ranked = sorted(entities.values(), key=lambda e: (-(e.mentions + (2 if e.in_title else 0)), e.key))
    return "\n".join(f"{e.key}\t{e.kind}\t{e.name}\t{e.mentions + (2 if e.in_title else 0)}"
                     for e in ranked[:NAMES_KEPT])


def decode_names(text: str) -> dict[str, tuple[str, str]]:
    """key -> (kind, name) from encode_names' text."""
    out = {}
    for line in text.split("\n"):
        parts = line.split("\t")
        if len(parts) >= 3:
            out[parts[0]] = (parts[1], parts[2])
    return out
