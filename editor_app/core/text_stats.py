"""Counts for the editor's status bar: words, characters, questions, reading time.

Every pattern is linear in the length of a line: a bracket class that excludes the
opening bracket as well as the closing one stops a scan at the next opener, so a line
of 65,000 unclosed brackets costs 65,000 steps, not two billion (see the pathological
markdown corpus).  Regular expressions hold the GIL, so a quadratic one here would
freeze the window even when counting runs on a worker thread.

They count what a reader will read, so markup (``**``, ``#``, link targets, image
references, ``Q:`` prefixes, fences) and YAML front matter are left out.  The work is a
handful of precompiled regular expressions over the text, linear in its length, so that
a 50,000-word article is counted in a few milliseconds off the keystroke path.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

#: Words per minute of an adult reading news on screen (a common newsroom figure).
WORDS_PER_MINUTE = 230

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FENCE_LINE_RE = re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE)
_REFERENCE_DEF_RE = re.compile(r"^ {0,3}\[[^\[\]\n]+\]:[^\n]*$", re.MULTILINE)
_IMAGE_RE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_LINK_RE = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)")
_REF_LINK_RE = re.compile(r"\[([^\[\]\n]*)\]\[[^\[\]\n]*\]")
_FOOTNOTE_REF_RE = re.compile(r"\[\^[^\[\]\n]+\]")
_AUTOLINK_RE = re.compile(r"<(?:https?://|mailto:)[^<>\s]+>")
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^<>\n]*>")
_ASIDE_RE = re.compile(r'^!!! ?(?:aside|factbox)(?: +"([^"\n]*)")?[ \t]*$', re.MULTILINE | re.IGNORECASE)
_ATTR_LIST_RE = re.compile(r"\{:?[ \t]*[#.][^{}\n]*\}")
_LINE_PREFIX_RE = re.compile(
    r"^[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+|[*+-][ \t]+|\d+\.[ \t]+)?"
    r"(?:\*\*|__)?(?:[QA]:)?(?:\*\*|__)?[ \t]*",
    re.MULTILINE,
)
_RULE_RE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_TABLE_RULE_RE = re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$",
                            re.MULTILINE)
_MARKUP_CHARS_RE = re.compile(r"[*_`~|#]+")
# A word is a run of non-space characters with at least one letter or digit: split on
# whitespace like a word processor, so combining marks (Hindi, Thai…) stay in their word.
_WORD_RE = re.compile(r"(?<!\S)\S*?[^\W_]\S*")
_SPACE_RE = re.compile(r"[ \t\r\f\v]+")
_MULTI_SPACE_RE = re.compile(r" {2,}")
_PARAGRAPH_SPLIT_RE = re.compile(r"\n[ \t]*\n")
_QUESTION_RE = re.compile(r"(?:\A|\n[ \t]*\n)[ \t]*(?:\*\*|__)?Q:")


@dataclass(frozen=True)
class TextStats:
    words: int
    characters: int
    questions: int
    reading_minutes: int

    def summary(self) -> str:
        """The status bar text, e.g. ``1,234 words · 7,010 characters · 8 questions · 6 min read``."""
        parts = [f"{self.words:,} word{'s' if self.words != 1 else ''}",
                 f"{self.characters:,} character{'s' if self.characters != 1 else ''}"]
        if self.questions:
            parts.append(f"{self.questions} question{'s' if self.questions != 1 else ''}")
        parts.append(f"{self.reading_minutes} min read")
        return " · ".join(parts)


def strip_front_matter(text: str) -> str:
    match = _FRONT_MATTER_RE.match(text)
    return text[match.end():] if match else text


def plain_text(markdown_text: str) -> str:
    """The readable text of a markdown body: markup, link targets and prefixes removed.

    It is an estimate for counting, not a renderer: it never needs to agree with
    core/render on edge cases, only to leave out what a reader never sees.
    """
    text = strip_front_matter(markdown_text.replace("\r\n", "\n"))
    text = _FENCE_LINE_RE.sub("", text)
    text = _REFERENCE_DEF_RE.sub("", text)
    text = _IMAGE_RE.sub("", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _REF_LINK_RE.sub(r"\1", text)
    text = _FOOTNOTE_REF_RE.sub("", text)
    text = _AUTOLINK_RE.sub("", text)
    text = _HTML_TAG_RE.sub("", text)
    text = _ASIDE_RE.sub(lambda m: m.group(1) or "", text)
    text = _ATTR_LIST_RE.sub("", text)
    text = _RULE_RE.sub("", text)
    text = _TABLE_RULE_RE.sub("", text)
    text = _LINE_PREFIX_RE.sub("", text)
    text = _MARKUP_CHARS_RE.sub("", text)
    return text


def count_questions(markdown_text: str) -> int:
    """Paragraphs that start with ``Q:`` (also typed as ``**Q:``), as the renderer sees them."""
    return len(_QUESTION_RE.findall(strip_front_matter(markdown_text)))


def _paragraph_counts(paragraph: str) -> tuple[int, int]:
    text = plain_text(paragraph)
    words = len(_WORD_RE.findall(text))
    # Characters as a reader sees them: line breaks and runs of spaces count as one space.
    flat = _SPACE_RE.sub(" ", text.replace("\n", " ")).strip()
    return words, len(_MULTI_SPACE_RE.sub(" ", flat))


def text_stats(markdown_text: str, *, words_per_minute: int = WORDS_PER_MINUTE) -> TextStats:
    return StatsCounter(words_per_minute=words_per_minute).count(markdown_text)


class StatsCounter:
    """Counts a text paragraph by paragraph and remembers each paragraph's counts.

    After a keystroke only the paragraph that changed is counted again, so a
    50,000-word article costs a split and a few thousand dictionary lookups
    (a couple of milliseconds) instead of the ~100 ms of a full pass.  The regular
    expressions hold the GIL while they run, so short per-paragraph calls also keep
    the GUI thread responsive when this runs on a worker thread.
    """

    def __init__(self, *, words_per_minute: int = WORDS_PER_MINUTE, cache_size: int = 50_000):
        self.words_per_minute = words_per_minute
        self._cache: dict[str, tuple[int, int]] = {}
        self._cache_size = cache_size

    def count(self, markdown_text: str) -> TextStats:
        text = strip_front_matter(markdown_text.replace("\r\n", "\n"))
        words = characters = paragraphs = 0
        cache = self._cache
        fresh: dict[str, tuple[int, int]] = {}
        for paragraph in _PARAGRAPH_SPLIT_RE.split(text):
            counts = cache.get(paragraph) or fresh.get(paragraph)
            if counts is None:
                counts = _paragraph_counts(paragraph)
            fresh[paragraph] = counts
            if counts[1]:
                words += counts[0]
                characters += counts[1]
                paragraphs += 1
        # Keep only what the current text uses, so the cache cannot grow without end.
        self._cache = fresh if len(fresh) <= self._cache_size else {}
        characters += max(paragraphs - 1, 0)  # the space between paragraphs
        minutes = math.ceil(words / self.words_per_minute) if words else 0
        return TextStats(words=words, characters=characters, questions=count_questions(text),
                         reading_minutes=minutes)
