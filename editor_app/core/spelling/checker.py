"""The spell checker: which words of an article to flag, and what to offer instead.

One `SpellChecker` serves one article in one language. The heavy part (the dictionary,
the suggestion index) is shared between checkers through the language registry, so making
a checker per article is cheap. Reads are thread-safe: the GUI runs `check` on a worker
while the GUI thread adds a word; word sets are replaced, never mutated in place.

Proper names are what makes reporters switch spell-check off. Besides the explicit lists
(metadata names, personal, newsroom, article), the *names rule* (on by default,
``infer_names=False`` turns it off) treats an unknown word as a name when, in the text
being checked,

* every occurrence of it is capitalized (never written in lower case), and
* it is seen capitalized at least twice (an occurrence in the article's title counts), and
* at least one occurrence is not at the start of a sentence (so it is capitalized because
  it is a name, not because it opens a sentence),

or, seen once, when it is capitalized mid-sentence right next to another capitalized word
("Prime Minister Mateusz Morawiecki", "Agence France-Presse", "Marksville, Louisiana"),
outside lines written in Title Case (a heading's typo must still show).

A typo is rarely repeated identically, and never consistently capitalized mid-sentence;
"Zinichev", written twice in an article, is almost certainly a name, and so is
"Sierak" in "Prosecutor Krzysztof Sierak told reporters".

Shapes are names too (`is_name_shaped`): acronyms, capitals inside a word (InoLink,
EUClusterWeeks), hashtags and handles; words with digits never reach the checker.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from editor_app.core.spelling.languages import language_region, load_language, normalize_language
from editor_app.core.spelling.suggest import MAX_DISTANCE, _match_case, weighted_distance
from editor_app.core.spelling.tokenizer import Token, iter_words, split_compound
from editor_app.core.spelling.wordlists import normalize_word

SPELLING = "spelling"
REPEAT = "repeat"

# Doubled words that are good grammar ("she had had enough", "die die Welt").
_LEGAL_REPEATS = {
    "en": frozenset({"had", "that"}),
    "de": frozenset({"die", "der", "das", "sie"}),
    "nl": frozenset({"die", "dat"}),
    "fr": frozenset({"nous", "vous"}),
}
# Elided articles and prepositions written before an apostrophe (l'homme, dell'anno).
_ELISIONS = frozenset(
    "l d j m n s t c qu jusqu lorsqu puisqu quoiqu dell nell dall sull all quell quest un".split()
)
# "Dr. Roe": a full stop after these does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen sen rep gov lt col sgt capt jr sr mt vs no nos fig eg ie etc"
    " pres rev hon maj cmdr adm supt insp det".split()
)
# Prefixes written with a hyphen that dictionaries do not list as words (pre-election).
_PREFIXES = {
    "en": frozenset(
        "pre post multi non anti co ex sub inter intra mid semi pro re un bi tri mega micro"
        " macro cyber e neo pseudo quasi ultra vice self de counter socio geo bio eco".split()
    ),
}
# British spellings from American ones (pyspellchecker's English is American):
# (regex on the word, replacement), tried one at a time and all together.
_BRITISH_RULES = [
    (re.compile(r"(?<=.)our(?=s?$|ed$|ing$|ite|ites|able|ful|less|hood)"), "or"),  # colour, favourite
    (re.compile(r"is(?=e$|ed$|es$|ing$|ation|er$|ers$|able$)"), "iz"),  # organise, sanitiser
    (re.compile(r"ys(?=e$|ed$|es$|ing$)"), "yz"),  # analyse
    (re.compile(r"(?<=[^aeiou])re(?=s?$)"), "er"),  # centre, metres
    (re.compile(r"(?<=[^aeiou])red$"), "ered"),  # centred
    (re.compile(r"ence(?=s?$)"), "ense"),  # defence, licence
    (re.compile(r"ogue(?=s?$)"), "og"),  # catalogue
    (re.compile(r"mme(?=s?$|d$)"), "m"),  # programme
    (re.compile(r"(?<=[aeiou])ll(?=ed$|ing$|er$|ers$)"), "l"),  # travelled, modelling
    (re.compile(r"(?<=dg)e(?=ments?$)"), ""),  # judgement
    (re.compile(r"(?<=.)(?:ae|oe)(?=.)"), "e"),  # paediatric, oestrogen
]
_LIGATURES = str.maketrans({"æ": "ae", "œ": "oe", "Æ": "AE", "Œ": "OE"})
_SENTENCE_ENDS = ".!?:"
_OPENERS = set(" \t\"'“”‘’«»„([{*_#>|-+")


@dataclass(frozen=True)
class SpellIssue:
    """A flagged word; ``text[start:end] == word`` in the text that was checked.

    ``kind`` is "spelling" or "repeat" (the second of two identical words; delete the
    span `repeat_removal_span` gives to fix it). ``suggestions`` stays empty until asked
    for with `SpellChecker.with_suggestions`: ranking costs milliseconds per word, too much
    for every word of a pass.
    """

    kind: str
    word: str
    start: int
    end: int
    suggestions: tuple[str, ...] = ()


def _american_forms(key: str) -> set[str]:
    forms = set()
    combined = key
    for pattern, replacement in _BRITISH_RULES:
        form = pattern.sub(replacement, key)
        if form != key:
            forms.add(form)
        combined = pattern.sub(replacement, combined)
    forms.add(combined)
    forms.discard(key)
    return forms


def _fold_accents(key: str) -> str:
    decomposed = unicodedata.normalize("NFKD", key.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_name_shaped(word: str) -> bool:
    """Acronyms (NATO, KTU) and words with a capital inside (InoLink, EUClusterWeeks,
    iPhone, PhD, McDonald): brand, project and people's names, not misspellings."""
    if len(word) < 2:
        return False
    if word.isupper():
        return True
    return any(c.isupper() for c in word[1:])


_HYPHEN = re.compile("[-\u2010]")
_NEIGHBOUR_GAP = frozenset(" \u00a0-\u2010")
_WORD_AT = re.compile(r"[^\W\d_][\w'\u2019]*")
# How often an unknown word far from every known one must occur to count as a term.
TERM_REPEATS = 3


def _next_to_capital(text: str, token: Token, unknown_keys) -> bool:
    """Whether ``token`` stands in a run of capitalized words: a capitalized word right
    before or after it (a space or hyphen between, or ", " before a region: "Marksville,
    Louisiana"). A word opening a sentence only counts with an unknown capitalized word
    after it ("Tomasz Kubiak said", not "Teh President said")."""
    opens = is_sentence_start(text, token.start)
    i = token.start - 1
    if not opens and i > 0 and text[i] in _NEIGHBOUR_GAP:
        j = i - 1
        while j >= 0 and (text[j].isalpha() or text[j] in "'\u2019.-"):
            j -= 1
        word = text[j + 1:i].strip(".'\u2019-")
        if word[:1].isupper() and len(word) > 1 and not is_sentence_start(text, j + 1):
            return True
    for gap in (" ", "\u00a0", "-", "\u2010", ", "):
        if text.startswith(gap, token.end):
            match = _WORD_AT.match(text, token.end + len(gap))
            if match is None or not match.group()[:1].isupper() or len(match.group()) < 2:
                continue
            if not opens or normalize_word(match.group()) in unknown_keys:
                return True
    return False


def _title_case_line(text: str, offset: int, cache: dict[int, bool]) -> bool:
    """Whether the line holding ``offset`` is a heading or written In Title Case, where
    capitals say nothing about names."""
    start = text.rfind("\n", 0, offset) + 1
    found = cache.get(start)
    if found is None:
        end = text.find("\n", offset)
        line = text[start:end if end >= 0 else len(text)]
        words = [w for w in line.split() if w[:1].isalpha()]
        capitals = sum(1 for w in words if w[:1].isupper())
        found = line.lstrip().startswith("#") or (len(words) >= 3 and capitals >= 0.6 * len(words))
        cache[start] = found
    return found


def repeat_removal_span(text: str, issue: SpellIssue) -> tuple[int, int]:
    """What to delete to fix a repeated word: the word and the blanks before it."""
    start = issue.start
    while start > 0 and text[start - 1] in " \t\n":
        start -= 1
    return start, issue.end


def is_sentence_start(text: str, start: int) -> bool:
    """True when the word at ``start`` opens a sentence, paragraph, heading or list item."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0:
        return True
    char = text[i]
    if char == "\n":
        j = i - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        # a line break after a lower-case letter or comma is a soft wrap inside a sentence
        return j < 0 or not (text[j].islower() or text[j] in ",;")
    if char not in _SENTENCE_ENDS:
        return False
    if char == ".":
        j = i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        before = text[j:i]
        if before.lower() in _ABBREVIATIONS or (len(before) == 1 and before.isupper()):
            return False  # "Dr. Roe", "John F. Kennedy"
    return True


class SpellChecker:
    """Flags misspelled and repeated words in markdown; offers ranked suggestions."""

    def __init__(
        self,
        language: str | None = "en",
        *,
        personal_words: Iterable[str] = (),
        newsroom_words: Iterable[str] = (),
        ignored: Iterable[str] = (),
        known_names: Iterable[str] = (),
        title: str = "",
        skip_acronyms: bool = True,
        infer_names: bool = True,
    ) -> None:
        """Blocks while the language's dictionary loads (once per process; ~100 ms for
        English): construct on a worker, or after `load_language_async` has finished.

        Raises InputError (unknown language) or SpellingUnavailable (dictionary unreadable).
        """
        self.language = normalize_language(language)
        self._data = load_language(self.language)
        self._frequencies = self._data.frequencies
        self._alphabet = frozenset(self._data.alphabet)
        self.skip_acronyms = skip_acronyms
        self.infer_names = infer_names
        self._legal_repeats = _LEGAL_REPEATS.get(self.language, frozenset())
        self._prefixes = _PREFIXES.get(self.language, frozenset())
        self._english = self.language == "en"
        # "en" and "en-GB" accept British spellings; only an explicit "en-US" refuses them
        region = language_region(language)
        self._british = self._english and region != "US"
        # the hunspell dictionaries of the article's variant (en-US: en_US only)
        self._hunspell = self._data.hunspell_for(region)
        self._variant = (self._british, tuple(d.info.name for d in self._hunspell))
        # earlier sessions' answers for the words the frequency list lacks (lookup_store.py)
        self._stored = self._data.lookup_store(self._variant)
        # British spellings by rule only when no British dictionary knows them itself
        self._british_rules = self._british and not any(
            d.info.region == "GB" for d in self._hunspell)
        self._scopes: dict[str, frozenset[str]] = {
            "personal": frozenset(),
            "newsroom": frozenset(),
            "article": frozenset(),
            "names": frozenset(),
        }
        self._lock = threading.Lock()
        self._set_scope("personal", personal_words)
        self._set_scope("newsroom", newsroom_words)
        self._set_scope("article", ignored)
        self._set_scope("names", known_names)
        self.set_title(title)
        self._suggestion_cache: dict[tuple[str, int], list[str]] = {}

    # -- the word lists ------------------------------------------------------------------

    def _set_scope(self, scope: str, words: Iterable[str]) -> None:
        expanded = set()
        for word in words:
            key = normalize_word(word)
            if key:
                expanded.add(key)
                if "-" in key:  # a compound added whole also teaches its parts
                    expanded.update(p for p in key.split("-") if p)
        with self._lock:
            self._scopes = {**self._scopes, scope: frozenset(expanded)}
            self._extra = frozenset().union(*self._scopes.values())
            self._known_cache: dict[str, bool] = {}

    def add_words(self, words: Iterable[str], scope: str = "personal") -> None:
        """Teach words for this checker ("personal", "newsroom", "article" or "names").

        Persisting them is the job of `Dictionaries.add`, which also calls this.
        """
        self._set_scope(scope, [*self._scopes.get(scope, ()), *words])

    def remove_words(self, words: Iterable[str], scope: str = "personal") -> None:
        gone = {normalize_word(w) for w in words}
        self._set_scope(scope, [w for w in self._scopes.get(scope, ()) if w not in gone])

    def set_title(self, title: str) -> None:
        """The headline: its capitalized words count once towards the names rule."""
        self._title_words = frozenset(
            normalize_word(t.text) for t in iter_words(title or "") if t.text[:1].isupper()
        )

    def words(self, scope: str) -> frozenset[str]:
        return self._scopes.get(scope, frozenset())

    # -- is a word known? --------------------------------------------------------------

    @property
    def problems(self) -> tuple[str, ...]:
        """One line per dictionary of this language that could not be used (see
        LanguageData.problems): say them once, the others are checking meanwhile."""
        return self._data.problems

    @property
    def dictionary_names(self) -> tuple[str, ...]:
        """The hunspell dictionaries this checker uses ("en_GB", "en_US")."""
        return tuple(d.info.name for d in self._hunspell)

    def is_known(self, word: str) -> bool:
        """Whether one word (not a compound) is spelled right; results are cached per word."""
        cache = self._known_cache  # keyed by the word as written: no normalizing on a hit
        known = cache.get(word)
        if known is None:
            # most words of a first pass are in the frequency list: answer those without
            # the word lists, the shared cache or hunspell (a tokenized word holds no
            # blank, and its typographic apostrophe leaves it out of the list anyway)
            known = word.lower() in self._frequencies or self._lookup(normalize_word(word), word)
            cache[word] = known
        return known

    def _lookup(self, key: str, word: str) -> bool:
        if key in self._extra:
            return True
        if "'" in key:
            head, _, rest = key.partition("'")
            if (len(head) <= 2 or head in _ELISIONS) and rest in self._extra:
                return True  # l'homme when "homme" is one of our own words
        # shared by every checker of this language variant; keyed as written, because
        # hunspell tells "London" (a name) from "london"
        shared = self._data.known_words.get(self._variant)
        if shared is None:
            shared = self._data.known_words.setdefault(self._variant, {})
        spelled = word.strip().replace("\u2019", "'")
        known = shared.get(spelled)
        if known is None:
            stored = self._stored
            known = stored.known(spelled)
            if known is None:  # never asked in this session or an earlier one
                known = self._known_here(key, spelled)
                stored.remember_known(spelled, known)
            shared[spelled] = known
        return known

    def _known_here(self, key: str, spelled: str | None = None) -> bool:
        """What the language's dictionaries alone say (no personal, newsroom or article
        words): the frequency list, then each hunspell dictionary of the variant.

        Its answers (and `_near_known`'s) are kept on disk between sessions: when what
        they answer for the same dictionary files changes, bump languages.LOOKUP_RULES
        (tests/core/spelling/test_spelling_lookup_cache.py notices the change)."""
        frequencies = self._frequencies
        if key in frequencies:
            return True
        if "'" in key:
            head, _, rest = key.partition("'")
            if (len(head) <= 2 or head in _ELISIONS) and rest in frequencies:
                return True  # l'homme, dell'anno, O'Neil when "neil" is known
            if key.replace("'", "") in frequencies:
                return True
        if self._english:
            if self._british_rules and any(v in frequencies for v in _american_forms(key)):
                return True
            folded = _fold_accents(key)  # café, archæology, hijāb in English text
            if folded != key and (folded in frequencies
                                  or any(d.spell(folded) for d in self._hunspell)):
                return True
        # hunspell takes "Agentūra" opening a sentence and "AGENTŪRA" for a known
        # "agentūra" itself; it refuses "london" for "London"
        if self._hunspell and any(d.spell(spelled or key) for d in self._hunspell):
            return True
        # a word in another script cannot be judged by this dictionary: don't flag it
        return not any(c in self._alphabet for c in key)

    # -- checking ------------------------------------------------------------------------

    def check(self, text: str, *, offset: int = 0, names: Iterable[str] | None = None) -> list[SpellIssue]:
        """Issues in ``text`` (markdown), offsets shifted by ``offset``, in text order.

        ``text`` may be a whole article or a single paragraph. With ``names`` given (as
        returned by `document_names` on the whole article), those words are known and the
        names rule is not re-derived from ``text`` alone; pass it when checking one
        paragraph of a longer article so that a name proven elsewhere is not flagged here.
        """
        issues = self._scan(text, 0, len(text), names)
        if offset:
            issues = [replace(i, start=i.start + offset, end=i.end + offset) for i in issues]
        return issues

    check_text = check

    def check_range(
        self, text: str, start: int, end: int, *, names: Iterable[str] | None = None
    ) -> tuple[int, int, list[SpellIssue]]:
        """Re-check the paragraphs of a whole document that overlap ``[start, end)``.

        Returns ``(span_start, span_end, issues)``: the GUI replaces its issues inside that
        span with these. Block context (code fences, front matter) comes from the whole
        text, so editing a line inside a fenced block never flags its code.
        """
        span_start = text.rfind("\n\n", 0, max(start, 0))
        span_start = 0 if span_start < 0 else span_start + 2
        span_end = text.find("\n\n", min(end, len(text)))
        span_end = len(text) if span_end < 0 else span_end
        return span_start, span_end, self._scan(text, span_start, span_end, names)

    def document_names(self, text: str) -> frozenset[str]:
        """Unknown words the names rule accepts as names in ``text`` (lower-cased)."""
        unknown, _ = self._collect(text, 0, len(text))
        return self._infer_names(text, unknown)

    def _collect(self, text: str, start: int, end: int):
        """Unknown word parts and repeated words between ``start`` and ``end``."""
        unknown: list[Token] = []
        repeats: list[SpellIssue] = []
        is_known = self.is_known
        skip_acronyms = self.skip_acronyms
        legal_repeats = self._legal_repeats
        frequencies = self._frequencies
        previous: Token | None = None
        previous_key = ""
        for word in iter_words(text, start, end):
            spelled, word_start, word_end = word
            key = spelled.lower()
            if (
                key == previous_key
                and previous is not None
                and key not in legal_repeats
                and not spelled[:1].isupper()
                and not text[previous.end:word_start].strip()
                and "\n\n" not in text[previous.end:word_start]
            ):
                repeats.append(SpellIssue(REPEAT, spelled, word_start, word_end))
            previous, previous_key = word, key
            # is_known inlined for its cache hit (nearly every word; read each time, as
            # add_words may swap the cache during a pass)
            known = self._known_cache.get(spelled)
            if known is None:
                if ("-" in key or "\u2010" in key) and all(
                        p in frequencies for p in _HYPHEN.split(key)):
                    # every part is a listed word: nothing is flagged whether or not the
                    # dictionaries know the compound whole, so hunspell is not asked
                    continue
                known = is_known(spelled)
            if known:  # a compound taught whole ("e-mail") or a plain word
                continue
            if skip_acronyms and word_start and text[word_start - 1] in "#@":
                continue  # #EUClusterWeeks, @InoLink: a hashtag or a handle is a name
            parts = split_compound(word)
            for number, part in enumerate(parts):
                if number < len(parts) - 1 and part.text.lower() in self._prefixes:
                    continue  # pre-election, multi-platform
                if skip_acronyms and is_name_shaped(part.text):
                    continue
                if len(parts) > 1 and len(part.text) <= 2:
                    continue  # youtube-dl, x-ray: one or two letters of a compound
                if part.start > 1 and text[part.start - 1] == "[" and text[part.start - 2].isalpha():
                    continue  # shocking[ly], develop[ment]: an editor's addition to a quote
                if not is_known(part.text):
                    unknown.append(part)
        return unknown, repeats

    def _infer_names(self, text: str, unknown: list[Token]) -> frozenset[str]:
        occurrences: dict[str, list[Token]] = {}
        for token in unknown:
            occurrences.setdefault(normalize_word(token.text), []).append(token)
        names = set()
        title_case_lines: dict[int, bool] = {}
        unknown_keys = occurrences.keys()
        for key, tokens in occurrences.items():
            if not all(t.text[:1].isupper() for t in tokens):
                continue
            count = len(tokens) + (key in self._title_words)
            mid_sentence = [t for t in tokens if not is_sentence_start(text, t.start)]
            if count >= 2 and mid_sentence:
                names.add(key)
            elif any(_next_to_capital(text, t, unknown_keys)
                     and not _title_case_line(text, t.start, title_case_lines) for t in tokens):
                names.add(key)
        # A word used three times or more, written in lower case (capitalized only to
        # open a sentence), that no known word is one edit away from is the article's
        # subject ("muscimol", "lissoirs"), not a typo repeated three times; "accomodate"
        # three times is still flagged ("accommodate" is one edit away).
        for key, tokens in occurrences.items():
            if (key not in names and len(tokens) >= TERM_REPEATS
                    and all(t.text.islower() or is_sentence_start(text, t.start) for t in tokens)
                    and not self._near_known(key)):
                names.add(key)
        return frozenset(names)

    def _near_known(self, key: str) -> bool:
        """Whether a known word is one edit away (any edit for the frequency list, the
        typist's commonest ones for hunspell, which is asked word by word); cached with
        the language, as the same article is checked again and again."""
        cache = self._data.near_known.get(self._variant)
        if cache is None:
            cache = self._data.near_known.setdefault(self._variant, {})
        near = cache.get(key)
        if near is None:
            near = self._stored.near(key)
        if near is None:
            suggester = self._data.suggester
            frequencies = self._frequencies
            near = bool(frequencies) and any(e in frequencies for e in suggester.edits1(key))
            if not near and self._hunspell:
                close = suggester.cheap_edits(key) | suggester.restorations(key, letters=1)
                near = any(d.spell(e) for e in close for d in self._hunspell)
            self._stored.remember_near(key, near)
        cache[key] = near
        return near

    def save_lookups(self) -> None:
        """Keep what the dictionaries said in the user's cache now (it is also kept when
        the process exits): call on a worker after a pass, the write takes milliseconds."""
        self._stored.save()

    def _scan(self, text: str, start: int, end: int, names: Iterable[str] | None) -> list[SpellIssue]:
        unknown, repeats = self._collect(text, start, end)
        if names is not None:
            known_names = frozenset(normalize_word(n) for n in names)
        elif self.infer_names:
            known_names = self._infer_names(text, unknown)
        else:
            known_names = frozenset()
        issues = [
            SpellIssue(SPELLING, t.text, t.start, t.end)
            for t in unknown
            if normalize_word(t.text) not in known_names
        ]
        if repeats:
            issues.extend(repeats)
            issues.sort(key=lambda i: (i.start, i.kind))
        return issues

    # -- suggestions ---------------------------------------------------------------------

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` corrections, best first, in the case the word was written in.

        Bounded time (a few ms once the language's index is built; until then a time
        budget caps the search). Words from the personal and newsroom lists are offered too.
        """
        cache_key = (word, limit)
        cached = self._suggestion_cache.get(cache_key)
        if cached is not None:
            return list(cached)
        suggestions = self._data.suggester.suggest(word, limit, dictionaries=self._hunspell)
        taught = self._scopes["personal"] | self._scopes["newsroom"]
        if taught and len(taught) < 5000:
            typo = normalize_word(word)
            close = sorted(
                (weighted_distance(typo, w, limit=MAX_DISTANCE), w)
                for w in taught
                if w != typo and abs(len(w) - len(typo)) <= 2
            )
            extra = [_match_case(word, w) for d, w in close if d <= 1.0]
            suggestions = list(dict.fromkeys(extra + suggestions))[:limit]
        if len(self._suggestion_cache) > 2000:
            self._suggestion_cache.clear()
        self._suggestion_cache[cache_key] = suggestions
        return list(suggestions)

    def with_suggestions(self, issues: Iterable[SpellIssue], limit: int = 5) -> list[SpellIssue]:
        """The same issues with ``suggestions`` filled in (repeats get none)."""
        return [
            replace(i, suggestions=tuple(self.suggest(i.word, limit))) if i.kind == SPELLING else i
            for i in issues
        ]

    def prepare_suggestions(self) -> None:
        """Build the suggestion index now (call on a worker; takes 1-2 s for English)."""
        self._data.suggester.build_index()
