"""Small text helpers shared by importers, the library and exporters."""

from __future__ import annotations

import re
import unicodedata

# Bidirectional controls can make a title or slug display as something other than
# what it is ("Trojan Source"). Overrides (LRO, RLO) are refused everywhere; isolates
# and embeddings (LRE RLE PDF, LRI RLI FSI PDI), which word processors put into
# right-to-left text, are accepted in prose (bodies, summaries, comments) but not in
# the one-line fields that name things: titles, slugs, names, tags.
BIDI_OVERRIDES = frozenset("\u202d\u202e")
BIDI_EMBEDDINGS_AND_ISOLATES = frozenset("\u202a\u202b\u202c\u2066\u2067\u2068\u2069")
BIDI_CONTROLS = BIDI_OVERRIDES | BIDI_EMBEDDINGS_AND_ISOLATES
_CONTROL_OK = frozenset("\n\t\r")
# Everything check_clean_text refuses (controls but tab/LF/CR, bidi controls, lone surrogates).
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SUSPECT_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

SLUG_MAX = 80


def slugify(text: str, *, max_length: int = SLUG_MAX) -> str:
    """A URL- and file-name-safe slug: ascii letters, digits and single hyphens.

    Letters of every script are transliterated (text-unidecode): "Łódź Straße" ->
    ``lodz-strasse``, "東京の新しい図書館" -> ``dong-jing-noxin-siitu-shu-guan``, Arabic
    and Cyrillic titles read as their Latin spelling. ASCII titles give the same
    slugs as before transliteration existed. The slug becomes a folder name in exports,
    so nothing but ``[a-z0-9-]`` may survive: no dots, slashes, drive letters or NUL bytes.
    A title with no letters at all (emoji) gives "" and the caller picks a fallback.
    """
    text = str(text)
    if not text.isascii():
        from text_unidecode import unidecode

        text = unidecode(unicodedata.normalize("NFC", text))
    return _ascii_slug(text, max_length)


def _ascii_slug(text: str, max_length: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug.strip("-")


#: The headline a new article carries until the reporter types one (#17): shown as
#: the tab's label, refused by the pre-flight check, never turned into an address.
PLACEHOLDER_TITLE = "Untitled {kind}"
_PLACEHOLDER = re.compile(r"Untitled (?:news|interview|feature|opinion|article)")


def placeholder_title(kind: str) -> str:
    """"Untitled interview": the headline of a new article nobody has named yet."""
    return PLACEHOLDER_TITLE.format(kind=str(getattr(kind, "value", kind) or "article"))


def is_placeholder_title(title: str) -> bool:
    return bool(_PLACEHOLDER.fullmatch((title or "").strip()))


def headline_slug(title: str) -> str:
    """The address a headline gives; "" for a placeholder, which never becomes one."""
    return "" if is_placeholder_title(title) else slugify(title)


def is_valid_slug(slug: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)) and len(slug) <= SLUG_MAX


def check_clean_text(value: str, field: str, *, multiline: bool = False) -> str:
    """Refuse text with NUL or control bytes, bidi controls that disguise it, or lone
    surrogates. ``multiline`` fields are prose: bidi isolates and embeddings pass there.

    Returns the value unchanged when it is clean; raises InputError naming the
    field otherwise. Called for every field before anything is written.
    """
    from editor_app.core.errors import InputError

    # Fast path: one regex pass finds nothing suspect in almost every text (a
    # 10,000-word body in a millisecond instead of a character loop).
    if not (_SUSPECT if multiline else _SUSPECT_LINE).search(value):
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{field}: contains an invalid character (lone surrogate)") from None
    for ch in value:
        if ch in BIDI_OVERRIDES:
            raise InputError(
                f"{field}: contains a right-to-left override character (U+{ord(ch):04X})"
            )
        if ch in BIDI_EMBEDDINGS_AND_ISOLATES and not multiline:
            raise InputError(
                f"{field}: contains a right-to-left control character (U+{ord(ch):04X}), "
                "which can make it display as something else; remove it"
            )
        if ch == "\x00":
            raise InputError(f"{field}: contains a NUL byte")
        if unicodedata.category(ch) == "Cc" and ch not in _CONTROL_OK:
            raise InputError(f"{field}: contains a control character (U+{ord(ch):04X})")
        if not multiline and ch in "\n\r":
            raise InputError(f"{field}: must be a single line")
    return value


def normalize_key(name: str) -> str:
    """Comparison key for names: case- and spacing-insensitive ("EU  Policy" == "eu policy")."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
