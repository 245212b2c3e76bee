"""Small text helpers shared by importers, the library and exporters."""

from __future__ import annotations

import re
import unicodedata

# Bidirectional overrides and isolates can make a title or slug display as
# something other than what it is ("Trojan Source"); no headline needs them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_CONTROL_OK = frozenset("\n\t\r")
# Everything check_clean_text refuses (controls but tab/LF/CR, bidi controls, lone surrogates).
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SUSPECT_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

SLUG_MAX = 80


def slugify(text: str, *, max_length: int = SLUG_MAX) -> str:
    """A URL- and file-name-safe slug: ascii letters, digits and single hyphens.

    The slug becomes a folder name in exports, so nothing but ``[a-z0-9-]`` may
    survive: no dots, slashes, drive letters or NUL bytes.
    """
    normal = unicodedata.normalize("NFKD", text)
    ascii_text = normal.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug.strip("-")


def is_valid_slug(slug: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)) and len(slug) <= SLUG_MAX


def check_clean_text(value: str, field: str, *, multiline: bool = False) -> str:
    """Refuse text with NUL or control bytes, bidi overrides or lone surrogates.

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
        if ch in BIDI_CONTROLS:
            raise InputError(
                f"{field}: contains a right-to-left override character (U+{ord(ch):04X})"
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
