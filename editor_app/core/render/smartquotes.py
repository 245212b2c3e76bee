"""Smart quotes, dashes and ellipses: Python-Markdown's smarty, same output, a tenth of the time.

Python-Markdown's ``smarty`` extension runs a second full inline pass (its own
``InlineProcessor``) over every text node, stashing each quote as a node and
each entity as raw HTML.  On news text, where nearly every paragraph has
apostrophes, that pass cost more than the rest of the Markdown conversion
(0.8 of 1.4 ms for a 600-word article) and made batch export slow.

``SmartQuotesTreeprocessor`` replays exactly what that pass does to each text
and tail: the same regular expressions, taken from a real ``SmartyExtension``,
applied one pattern after another in the same order, each match replaced by an
opaque placeholder that later patterns cannot see into (the ``\\x02…\\x03``
form, so look-behinds and look-aheads meet the same characters), scanning on
after the placeholder.  Only then are the placeholders swapped for the
characters.  It writes the characters themselves (’ rather than ``&rsquo;``);
the sanitizer turns the original's entities into the same characters, so the
sanitized HTML is byte-identical, which tests/core/render/test_smartquotes.py
checks against the original extension on real and generated text.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.extensions.smarty import SmartyExtension, openingQuotesBase
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString, Registry

# The quotation marks smarty writes; other languages' replace them (language.py).
from editor_app.core.render.language import ENGLISH_QUOTES

_PLACEHOLDER = "\x02klzzwxh:{}\x03"
_PLACEHOLDER_RE = re.compile("\x02klzzwxh:(\\d+)\x03")


def smarty_patterns(md: markdown.Markdown) -> list[tuple[re.Pattern[str], tuple]]:
    """(regex, replacement parts) of smarty's default patterns, in the order smarty applies them.

    Taken from a ``SmartyExtension`` instead of copied, so an upgrade of
    Python-Markdown that changes a pattern changes ours too.  Parts are group
    numbers or text with entities already decoded.
    """
    smarty = SmartyExtension()
    smarty.inlinePatterns = Registry()
    smarty.educateEllipses(md)
    smarty.educateQuotes(md)
    smarty.educateDashes(md)
    patterns = []
    for pattern in smarty.inlinePatterns:  # a Registry iterates by priority, as smarty's pass does
        parts = tuple(part if isinstance(part, int) else html.unescape(part)
                      for part in pattern.replace)
        patterns.append((pattern.compiled_re, parts))
    return patterns


# A pattern that starts with a look-behind, then the quote (or dash, dot) it replaces.
_LOOKBEHIND_FIRST = re.compile(r"\(\?<[=!](?:\[(?:\\.|[^\]])*\]|\\.|[^)])*\)\\?(['\".-])")
# The longest text smarty's opening-quote group matches ("&#8211;").
_OPENING_GROUP_MAX = 7


def _anchor(regex: re.Pattern[str]) -> tuple[str, int] | None:
    """(char, most chars before it) when a match must hold ``char`` near its start, else None.

    Python's ``re`` scans every position for a pattern that starts with a
    look-behind or a group of alternatives; finding the quote with ``str.find``
    and trying the few starts before it gives the same leftmost match far faster.
    """
    pattern = regex.pattern
    found = _LOOKBEHIND_FIRST.match(pattern)
    if found:
        return found.group(1), 0
    if pattern.startswith(openingQuotesBase) and pattern[len(openingQuotesBase)] in "'\"":
        return pattern[len(openingQuotesBase)], _OPENING_GROUP_MAX
    return None


def _search(regex: re.Pattern[str], text: str, pos: int, anchor: tuple[str, int] | None):
    """``regex.search(text, pos)``, using ``anchor`` to try only starts near its character."""
    if anchor is None:
        return regex.search(text, pos)
    char, before = anchor
    untried = pos
    index = text.find(char, pos)
    while index != -1:
        for start in range(max(untried, index - before), index + 1):
            match = regex.match(text, start)
            if match is not None:
                return match
        untried = index + 1
        index = text.find(char, untried)
    return None


def _needs(parts: tuple) -> frozenset[str]:
    """What a match must consume, read off what it puts back: a pattern that writes ‘ or ’
    replaced a ', one that writes “ or ” a ", a dash "--", an ellipsis "..."."""
    written = "".join(part for part in parts if isinstance(part, str))
    needs = []
    for marks, needed in (("\u2018\u2019", "'"), ("\u201c\u201d", '"'), ("\u2013\u2014", "--"),
                          ("\u2026", "...")):
        if any(mark in written for mark in marks):
            needs.append(needed)
    return frozenset(needs)


class SmartQuotesTreeprocessor(Treeprocessor):
    """Educate quotes, dashes and ellipses in every non-atomic text and tail of the tree."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.patterns = [(regex, parts, _anchor(regex), _needs(parts))
                         for regex, parts in smarty_patterns(md)]
        # The article's quotation marks (open, close, inner open, inner close); the
        # converter sets them before each conversion.
        self.quotes = ENGLISH_QUOTES

    def smarten(self, text: str) -> str:
        """``text`` as smarty's inline pass leaves it, with the characters in place of entities
        (and the article language's quotation marks in place of English ones)."""
        if "'" not in text and '"' not in text and "--" not in text and "..." not in text:
            return text
        present = {mark for mark in ("'", '"', "--", "...") if mark in text}
        stash: list[str] = []
        for regex, parts, anchor, needs in self.patterns:
            if not needs <= present:  # no match can form (replacing only ever removes marks)
                continue
            pos = 0
            while True:
                match = _search(regex, text, pos, anchor)
                if match is None:
                    break
                placeholder = _PLACEHOLDER.format(len(stash))
                stash.append("".join(match.group(part) if isinstance(part, int) else part
                                     for part in parts))
                start = match.start()
                text = text[:start] + placeholder + text[match.end():]
                pos = start + len(placeholder)
        if not stash:
            return text
        if self.quotes == ENGLISH_QUOTES:
            return _PLACEHOLDER_RE.sub(lambda m: stash[int(m.group(1))], text)
        return _PLACEHOLDER_RE.sub(_Localizer(stash, self.quotes), text)

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element is root:
                continue
            text = element.text
            if text and not isinstance(text, AtomicString):
                element.text = self.smarten(text)
            tail = element.tail
            if tail and not isinstance(tail, AtomicString):
                element.tail = self.smarten(tail)


class _Localizer:
    """Puts a placeholder's text back with another language's quotation marks.

    Called in text order (re.sub). Smarty writes ’ both for a closing inner quote and
    for an apostrophe ("don’t"); only a ’ answering an open ‘ becomes the language's
    closing inner mark, so Lithuanian gets ‚citata‘ and still writes O’Neil.
    """

    def __init__(self, stash: list[str], quotes: str) -> None:
        self.stash = stash
        self.table = {"\u201c": quotes[0], "\u201d": quotes[1], "\u2018": quotes[2]}
        self.inner_close = quotes[3]
        self.open_inner = 0

    def __call__(self, match: re.Match[str]) -> str:
        out = []
        for char in self.stash[int(match.group(1))]:
            if char == "\u2018":
                self.open_inner += 1
            elif char == "\u2019":
                if self.open_inner:
                    self.open_inner -= 1
                    char = self.inner_close
                out.append(char)
                continue
            out.append(self.table.get(char, char))
        return "".join(out)


class SmartQuotesExtension(Extension):
    """Registers the treeprocessor where smarty's pass sits (6) and smarty's escapes."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(SmartQuotesTreeprocessor(md), "smarty", 6)
        md.ESCAPED_CHARS.extend(['"', "'"])
