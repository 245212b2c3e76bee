"""The one way Byline writes a date on a page: Babel, in the article's language.

Datelines, related-news dates and the batch listing all come through `format_date`, so
"2019-03-28" reads "28 March 2019" in English and "2019 m. kovo 28 d." in Lithuanian,
with month names and word order from the Unicode CLDR (via Babel), never from a table
of our own or from the machine's locale.

Dates may be bare (``2019-03-28``) or full ISO timestamps with a time and a zone
(``2024-03-05T23:30:00+02:00``): the page shows the date as written at the place of
writing, without converting the zone.

A newsroom can set a house format (library setting ``site.date_format``) in the strftime
codes people know (``%d.%m.%Y``, ``%-d %B %Y``); the month and weekday names it asks for
still come in the article's language. Empty means the language's own long date.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

# The house format that means "the article's language decides".
DEFAULT_DATE_FORMAT = ""
# What every export dialog before #18 stored when nobody chose a format; it meant
# "the usual dateline", so it keeps meaning the language's own long date.
LEGACY_DEFAULT_FORMAT = "%-d %B %Y"

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_DIRECTIVE = re.compile(r"%(-?)([a-zA-Z%])")
# strftime code -> CLDR pattern (``M`` numbers; ``MMMM`` the month's name in the form a
# date needs, "kovo"; ``LLLL`` the name standing alone, "kovas").
_CLDR = {
    ("", "d"): "dd", ("-", "d"): "d", ("", "e"): "d", ("-", "e"): "d",
    ("", "m"): "MM", ("-", "m"): "M", ("", "Y"): "y", ("-", "Y"): "y",
    ("", "y"): "yy", ("-", "y"): "yy", ("", "B"): "MMMM", ("-", "B"): "MMMM",
    ("", "b"): "MMM", ("-", "b"): "MMM", ("", "A"): "EEEE", ("-", "A"): "EEEE",
    ("", "a"): "EEE", ("-", "a"): "EEE",
}


def parse_iso_date(value) -> _dt.date | None:
    """``YYYY-MM-DD``, optionally followed by a time and zone -> the date, else None."""
    text = str(value or "").strip()
    match = _ISO_DATE.match(text)
    if not match:
        return None
    try:
        return _dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def date_iso(value) -> str:
    """The ``YYYY-MM-DD`` part of a date or timestamp (for ``<time datetime>``), or ""."""
    date = parse_iso_date(value)
    return date.isoformat() if date else ""


def babel_locale(language: str | None):
    """The Babel locale for a BCP 47 tag: "lt" -> lt, "en-US" -> en_US, "sr-Latn" ->
    sr_Latn; plain "en" writes dates the British way ("28 March 2019", Byline's
    documented dateline); anything Babel does not know falls back to its language,
    then to English."""
    from babel import Locale, UnknownLocaleError

    tag = str(language or "en").strip().replace("_", "-") or "en"
    if tag.lower() == "en":
        tag = "en-GB"
    candidates = [tag, tag.split("-")[0], "en-GB"]
    for candidate in candidates:
        try:
            return Locale.parse(candidate, sep="-")
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return Locale.parse("en")


def _cldr_pattern(house_format: str) -> str:
    """A strftime-style house format as a CLDR pattern; text around the codes is quoted."""
    has_day = bool(re.search(r"%-?[de]", house_format))
    out: list[str] = []
    literal: list[str] = []

    def flush() -> None:
        text = "".join(literal)
        literal.clear()
        if text:
            out.append("'" + text.replace("'", "''") + "'")

    position = 0
    for match in _DIRECTIVE.finditer(house_format):
        literal.append(house_format[position:match.start()])
        position = match.end()
        flag, code = match.group(1), match.group(2)
        if code == "%":
            literal.append("%")
            continue
        pattern = _CLDR.get((flag, code))
        if pattern is None:
            literal.append(match.group(0))  # unknown code: printed as typed
            continue
        if code == "B" and not has_day:
            pattern = "LLLL"  # "kovas 2019", not the genitive "kovo 2019"
        flush()
        out.append(pattern)
    literal.append(house_format[position:])
    flush()
    return "".join(out)


@functools.lru_cache(maxsize=8192)
def _format(day: _dt.date, language: str, house_format: str) -> str:
    from babel.dates import format_date as babel_format_date

    locale = babel_locale(language)
    if house_format in (DEFAULT_DATE_FORMAT, LEGACY_DEFAULT_FORMAT):
        return babel_format_date(day, format="long", locale=locale)
    return babel_format_date(day, format=_cldr_pattern(house_format), locale=locale)


def format_date(value, language: str | None = "en", house_format: str | None = "") -> str:
    """The date of ``value`` (a date or an ISO timestamp) as a page shows it in
    ``language``: lt "2019 m. kovo 28 d.", en "28 March 2019", en-US "March 28, 2019".

    ``house_format`` (strftime codes %d %-d %e %m %-m %B %b %Y %y %A %a %%) overrides the
    language's order and punctuation, not its month names. A value that is not a date is
    returned as typed (stripped), so the page still shows what the reporter wrote.
    Cached: a batch writes the same few dates thousands of times.
    """
    day = parse_iso_date(value)
    if day is None:
        return str(value or "").strip()
    return _format(day, str(language or "en"), str(house_format or ""))
