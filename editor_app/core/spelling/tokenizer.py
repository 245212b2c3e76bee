"""Words of a markdown article, with their exact offsets, minus everything that is not prose.

A spell checker that flags URLs, code and link targets is one reporters switch off, so the
tokenizer knows the markdown Byline articles are written in (DESIGN.md, "Article format").

It works in two passes because the two kinds of markup need different context:

1. A line pass (`prose_regions`) drops whole lines: YAML front matter, fenced code,
   indented code (but not the indented body of a ``!!! aside`` or of a list item, which is
   prose), raw ``<pre>``/``<script>``/``<style>`` blocks.
2. An inline pass over each prose region runs one combined regular expression whose
   alternatives match what to skip (code spans, HTML tags and comments, autolinks, link
   targets, reference definitions, URLs, bare ``www.`` and domain names, e-mail addresses,
   entities, ``Q:``/``A:`` prefixes, admonition keywords) before the word alternative; the
   regex engine picks the leftmost match so a word inside a URL is never seen as a word.
   Code spans are paired beforehand by hand (linear), because a regex with a backreference
   would rescan the rest of the text for every unclosed backtick.

Offsets are Python ``str`` indices: ``text[token.start:token.end] == token.text`` always.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import NamedTuple


class Token(NamedTuple):
    """One word to check; ``text`` is exactly ``source[start:end]``."""

    text: str
    start: int
    end: int


# Letters plus the combining marks and joiners some scripts write inside words
# (decomposed accents, Hebrew/Arabic vowel signs, the Persian zero-width non-joiner).
# \w also admits digits and "_"; words holding those are dropped after matching.
_W = r"[\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d]"
_APOS = "'\u2019"
_JOINERS = "\u200c\u200d"
_HYPHENS = "-\u2010"
WORD_PATTERN = rf"{_W}+(?:[{_APOS}]{_W}+)*(?:[{_HYPHENS}]{_W}+(?:[{_APOS}]{_W}+)*)*"

_TLDS = (
    "com|org|net|edu|gov|int|mil|info|biz|io|co|uk|us|eu|de|fr|es|it|nl|pt|ru|lv|ca|au|ch|at"
    "|be|se|no|dk|fi|pl|cz|ie|in|jp|cn|br|mx|ar|news|app|dev|tv|me|ly|gl|online|site|ai"
)

# What to skip, in three groups so that most positions (a word's first letter, a space)
# try few alternatives: ~30% of a 50,000-word pass went on trying every one everywhere.
# Inside each group, and between the groups, the order is the one of precedence: at the
# same position the first alternative that matches wins.
_MARKUP_PATTERNS = [  # each starts with "<", "]", "[" or "&"
    # HTML comment; bounded so that many unclosed "<!--" cannot make the scan quadratic,
    # and an unclosed one ends at the line end
    r"<!--[\s\S]{0,20000}?-->|<!--[^\n]*",
    r"<[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>",  # autolink <https://…>, <mailto:…>
    r"<[^\s<>@]+@[^\s<>]+>",  # e-mail autolink
    r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",  # HTML tag with its attributes
    r"\]\(\s*(?:<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)"  # link target ](url "title")
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)",
    r"\]\[[^\]\n]*\]",  # the label of a reference link [text][label]
    r"\[\^[^\]\s]*\]",  # footnote reference [^note]
    r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);",  # HTML entity
]
_LINE_START_PATTERNS = [  # each anchored at the start of a line
    r"^[ ]{0,3}\[[^\]\n]+\]:[^\n]*",  # reference definition [label]: url "title"
    r"^[ \t]*(?:!!!|\?\?\?\+?)[^\"\n]*",  # admonition keywords; the quoted title is prose
    r"^[ \t>]*(?:\*\*|__)?[QA]:",  # interview prefixes
]
_ADDRESS_PATTERNS = [  # each has ".", "@" or ":" after its first run of [\w+-]
    r"(?:[A-Za-z][A-Za-z0-9+.-]*+://|www\.|mailto:)[^\s<>\"`]*",  # URL
    r"[\w.+-]++@[\w-]+(?:\.[\w-]+)+",  # e-mail address
    rf"\b(?:[\w-]++\.)+(?:{_TLDS})\b(?:/[^\s<>\"`]*)?",  # bare domain: bbc.co.uk/news
]
_SKIP_PATTERNS = [
    r"(?=[<\]\[&])(?:" + "|".join(_MARKUP_PATTERNS) + ")",
    "(?:" + "|".join(_LINE_START_PATTERNS) + ")",
    # the lookahead reads a word once; without it the three patterns read it each
    r"(?=[\w+-]*+[.@:])(?:" + "|".join(_ADDRESS_PATTERNS) + ")",
]
_INLINE = re.compile(
    "(?:" + "|".join(_SKIP_PATTERNS) + ")|(" + WORD_PATTERN + ")", re.MULTILINE
)
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]").search
# letters only, no possessive to cut: nothing to do but wrap it in a Token
_PLAIN_WORD = re.compile(r"[A-Za-z]+(?:[-'\u2019][A-Za-z]+)*(?<![\u2019'][sS])").fullmatch
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")

_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_ADMONITION = re.compile(r"[ ]{0,3}(?:!!!|\?\?\?)")
_RAW_BLOCK = re.compile(r"[ ]{0,3}<(pre|script|style|textarea)(?:[\s>]|$)", re.IGNORECASE)


def _indent(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def prose_regions(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that may hold prose: everything but front matter and code blocks.

    Works line by line, the way a markdown parser decides block structure; consecutive
    prose lines are merged into one span.
    """
    regions: list[tuple[int, int]] = []
    lines = text.split("\n")
    pos = 0
    index = 0
    if lines and lines[0].rstrip() == "---":
        for close in range(1, len(lines)):
            if lines[close].rstrip() in ("---", "..."):
                pos = sum(len(line) + 1 for line in lines[: close + 1])
                index = close + 1
                break

    region_start: int | None = None
    fence: tuple[str, int] | None = None
    raw_close: str | None = None
    indented_code = False
    previous_blank = True
    container = False  # inside an admonition or list item, indented lines are prose

    for line in lines[index:]:
        line_end = pos + len(line)
        is_prose = False
        stripped = line.strip()
        if fence is not None:
            if stripped.startswith(fence[0][0] * fence[1]) and not stripped.strip(fence[0][0]):
                fence = None
        elif raw_close is not None:
            if raw_close in line.lower():
                raw_close = None
        elif indented_code and (not stripped or _indent(line) >= 4):
            pass
        else:
            indented_code = False
            fence_match = _FENCE.match(line)
            raw_match = _RAW_BLOCK.match(line)
            if fence_match:
                run = fence_match.group(1)
                # an info string after a backtick fence may not hold backticks
                if run[0] == "~" or "`" not in line[fence_match.end():]:
                    fence = (run, len(run))
                else:
                    is_prose = True
            elif raw_match:
                close = f"</{raw_match.group(1).lower()}"
                if close not in line.lower():
                    raw_close = close
            elif not stripped:
                is_prose = True
            elif _indent(line) >= 4 and previous_blank and not container:
                indented_code = True
            else:
                is_prose = True
                if _indent(line) < 4:
                    container = bool(_ADMONITION.match(line) or _LIST_ITEM.match(line)) or (
                        container and not previous_blank
                    )
        previous_blank = not stripped
        if is_prose:
            if region_start is None:
                region_start = pos
        elif region_start is not None:
            regions.append((region_start, pos))
            region_start = None
        pos = line_end + 1
    if region_start is not None:
        regions.append((region_start, len(text)))
    return regions


def _code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Backtick code spans in ``text[start:end]``, paired in linear time.

    A run of N backticks opens a span closed by the next run of exactly N backticks
    in the same paragraph; an unmatched run is literal text (CommonMark).
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text, start, end)]
    if not runs:
        return []
    blanks = [m.start() for m in _BLANK_LINE.finditer(text, start, end)]
    next_same: list[int] = [-1] * len(runs)
    last_seen: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        length = runs[i][1] - runs[i][0]
        next_same[i] = last_seen.get(length, -1)
        last_seen[length] = i
    spans = []
    i = 0
    while i < len(runs):
        j = next_same[i]
        if j != -1:
            open_end, close_start = runs[i][1], runs[j][0]
            k = bisect_left(blanks, open_end)
            if k == len(blanks) or blanks[k] >= close_start:
                spans.append((runs[i][0], runs[j][1]))
                i = j + 1
                continue
        i += 1
    return spans


def iter_words(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Whole words in prose, hyphenated compounds kept together, possessive ``'s`` cut.

    This is what the checker works on (it looks a compound up whole before its parts);
    `tokenize` splits the compounds. With ``start``/``end`` only words inside that range
    are produced, but block structure (fences, front matter) is still read from the
    whole text, so a line inside a code block stays code.
    """
    if end is None:
        end = len(text)
    for region_start, region_end in prose_regions(text):
        region_start, region_end = max(region_start, start), min(region_end, end)
        if region_start >= region_end:
            continue
        gap_start = region_start
        for span_start, span_end in [*_code_spans(text, region_start, region_end), (region_end, region_end)]:
            yield from _words_between(text, gap_start, span_start)
            gap_start = span_end


def _words_between(text: str, start: int, end: int) -> Iterator[Token]:
    if start >= end:
        return
    make_token = tuple.__new__  # Token(...) without NamedTuple's Python-level __new__
    for match in _INLINE.finditer(text, start, end):
        word = match.group(1)
        if word is None:
            continue  # a skipped construct
        # group 1 is the whole match when it is a word
        if word.isalpha() or (word.isascii() and _PLAIN_WORD(word)):
            # the common case, kept cheap: letters only (any script: "žiniasklaida"), or
            # an ASCII word with inner hyphens or apostrophes
            word_start = match.start()
            yield make_token(Token, (word, word_start, word_start + len(word)))
            continue
        word_start, word_end = match.span(1)
        if word[0] in _JOINERS or word[-1] in _JOINERS:  # "Wikinews\u200d's": not letters
            stripped = word.strip(_JOINERS)
            if not stripped:
                continue
            word_start += len(word) - len(word.lstrip(_JOINERS))
            word = stripped
            word_end = word_start + len(word)
        if "_" in word:  # _emphasis_ markers are not part of the word
            stripped = word.strip("_")
            if not stripped:
                continue
            word_start += len(word) - len(word.lstrip("_"))
            word = stripped
            word_end = word_start + len(word)
        if _DIGIT_OR_UNDERSCORE(word) or (not word.isascii() and any(c.isnumeric() for c in word)):
            continue  # numbers, words with digits (mp3, COVID-19), snake_case identifiers
        if len(word) > 2 and word[-2] in _APOS and word[-1] in "sS":
            word = word[:-2]  # possessive: check "Merkel" in "Merkel's"
            word_end -= 2
            if word[-1] in _JOINERS:
                word = word.rstrip(_JOINERS)
                word_end = word_start + len(word)
                if not word:
                    continue
        yield Token(word, word_start, word_end)


_SPLIT_HYPHENS = re.compile(f"[{_HYPHENS}]")


def split_compound(token: Token) -> list[Token]:
    """The parts of a hyphenated compound, each with its own offsets."""
    if "-" not in token.text and "\u2010" not in token.text:
        return [token]
    parts = []
    pos = 0
    for piece in _SPLIT_HYPHENS.split(token.text):
        if piece:  # "-word" or "a--b": no empty tokens
            parts.append(Token(piece, token.start + pos, token.start + pos + len(piece)))
        pos += len(piece) + 1
    return parts


def tokenize(text: str) -> Iterator[Token]:
    """Every word of prose in ``text`` that a spell checker should look at, in order."""
    for word in iter_words(text):
        yield from split_compound(word)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``; the column counts characters, not bytes."""
    line = text.count("\n", 0, offset) + 1
    line_start = text.rfind("\n", 0, offset) + 1
    return line, offset - line_start + 1
