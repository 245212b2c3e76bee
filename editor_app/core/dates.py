"""The dateline value: an ISO date, or an ISO timestamp kept in full with its time and zone.

A story filed at ``2024-03-05T23:30:00+02:00`` ran on the 5th in its own time zone,
but on the 5th at 21:30 in UTC: cutting the time (or converting the zone) changes
what the feed and search engines say about when it ran.  So the library keeps what
the reporter gave, normalised only in spelling (``T`` between date and time, ``Z``
written ``+00:00``), and each use takes the part it needs:

    parse_date("2024-03-05T23:30+02:00") -> "2024-03-05T23:30:00+02:00"   stored
    date_part("2024-03-05T23:30:00+02:00") -> "2024-03-05"                 the dateline
    feed_timestamp("2024-03-05") -> "2024-03-05T00:00:00Z"                  Atom, ninjs

Pure functions, no clock, no locale: exports stay byte-identical.
"""

from __future__ import annotations

import datetime as _dt
import re

from editor_app.core.errors import InputError

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_PREFIX = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")


def parse_date(value: object, *, where: str = "date") -> str:
    """A dateline as stored: ``YYYY-MM-DD``, or the full ISO timestamp when a time is given.

    Accepts what YAML front matter and people type (``2024-03-05``,
    ``2024-03-05 23:30``, ``2024-03-05T23:30:00+02:00``, ``…Z``) and date or
    datetime objects; raises InputError naming ``where`` for anything else.
    The result parses back to itself, so saving twice never changes it.
    """
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if _DATE_ONLY.fullmatch(text):
            return _dt.date.fromisoformat(text).isoformat()
        return _dt.datetime.fromisoformat(text).isoformat()
    except ValueError:
        raise InputError(f"{where}: {text!r} is not a date (expected YYYY-MM-DD, optionally "
                         "with a time and zone like 2024-03-05T23:30:00+02:00)") from None


def date_part(value: str) -> str:
    """``YYYY-MM-DD`` of a stored dateline (what the page shows); "" when there is none."""
    match = _DATE_PREFIX.match(str(value or "").strip())
    return match.group(1) if match else ""


def has_time(value: str) -> bool:
    """Whether a stored dateline carries a time of day."""
    text = str(value or "").strip()
    return bool(date_part(text)) and len(text) > 10


def feed_timestamp(value: str) -> str:
    """An RFC 3339 date-time for Atom ``<published>`` and ninjs ``contentcreated``.

    A date alone is midnight UTC (what these files always said); a timestamp keeps
    its own time and zone; a time without a zone is taken as UTC, because both
    formats require one.
    """
    text = str(value or "").strip()
    if not text:
        return ""
    if not has_time(text):
        return f"{date_part(text) or text}T00:00:00Z"
    try:
        moment = _dt.datetime.fromisoformat(text)
    except ValueError:
        return f"{date_part(text)}T00:00:00Z"
    if moment.tzinfo is None:
        return moment.isoformat() + "Z"
    return moment.isoformat()
