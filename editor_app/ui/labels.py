"""What the GUI calls core's choices, in the interface's language (#18).

core never imports Qt, so its enums carry English values only; every widget that
shows a status, a kind of article or a role asks here for the translated label
(``status_label(Status.IN_REVIEW)`` -> "In review" / "Redaguojamas"). Unknown
values (a newer library) are shown as they are stored.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from editor_app.core.errors import BylineError
from editor_app.core.models import Kind, Role, Status

CONTEXT = "Labels"

_STATUS = {
    Status.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draft"),
    Status.SUBMITTED: QT_TRANSLATE_NOOP("Labels", "Submitted"),
    Status.IN_REVIEW: QT_TRANSLATE_NOOP("Labels", "In review"),
    Status.CHANGES_REQUESTED: QT_TRANSLATE_NOOP("Labels", "Changes requested"),
    Status.APPROVED: QT_TRANSLATE_NOOP("Labels", "Approved"),
    Status.PUBLISHED: QT_TRANSLATE_NOOP("Labels", "Published"),
    Status.SPIKED: QT_TRANSLATE_NOOP("Labels", "Spiked"),
}

_KIND = {
    Kind.NEWS: QT_TRANSLATE_NOOP("Labels", "News story"),
    Kind.INTERVIEW: QT_TRANSLATE_NOOP("Labels", "Interview"),
    Kind.FEATURE: QT_TRANSLATE_NOOP("Labels", "Feature"),
    Kind.OPINION: QT_TRANSLATE_NOOP("Labels", "Opinion piece"),
}

_ROLE = {
    Role.REPORTER: QT_TRANSLATE_NOOP("Labels", "Reporter"),
    Role.EDITOR: QT_TRANSLATE_NOOP("Labels", "Editor"),
    Role.PRODUCER: QT_TRANSLATE_NOOP("Labels", "Producer"),
}

#: File ▸ New …'s entries, with their accelerators (core/new_article.NEW_KINDS' order)
_NEW_KIND = {
    "interview": QT_TRANSLATE_NOOP("Labels", "New &Interview"),
    "news": QT_TRANSLATE_NOOP("Labels", "New &News Story"),
    "feature": QT_TRANSLATE_NOOP("Labels", "New &Feature"),
    "opinion": QT_TRANSLATE_NOOP("Labels", "New &Opinion Piece"),
}


def _translated(table: dict, value, parse) -> str:
    try:
        key = parse(value)
    except (ValueError, BylineError):
        return str(value)
    text = table.get(key)
    return QCoreApplication.translate(CONTEXT, text) if text else str(value)


def status_label(status: Status | str) -> str:
    """"In review" for Status.IN_REVIEW (or "in_review"), translated."""
    return _translated(_STATUS, status, Status.parse)


def kind_label(kind: Kind | str) -> str:
    """"Interview", "News story"…: what a kind of article is called, translated."""
    return _translated(_KIND, kind, Kind.parse)


def role_label(role: Role | str) -> str:
    """"Reporter", "Editor", "Producer", translated."""
    return _translated(_ROLE, role, Role.parse)


def new_kind_action_label(kind: str) -> str:
    """File ▸ New …'s entry for a kind of core/new_article.NEW_KINDS ("New &Interview")."""
    text = _NEW_KIND.get(str(kind))
    return QCoreApplication.translate(CONTEXT, text) if text else str(kind)


def language_name(code: str) -> str:
    """A language's name in the interface's language ("anglų" for "en" in Lithuanian,
    "English (United Kingdom)" for "en-GB" in English), by Babel; the code itself when
    Babel does not know it."""
    from babel import Locale, UnknownLocaleError

    interface = QLocale().name() or "en"
    try:
        name = Locale.parse(str(code).replace("-", "_")).get_display_name(
            Locale.parse(interface))
    except (ValueError, TypeError, UnknownLocaleError):
        return str(code)
    return name or str(code)


def counted(text: str, n: int) -> str:
    """English plural of a counted message left untranslated: ``counted(self.tr("%Ln
    word(s)", None, n), n)`` gives "1 word" / "3 words" in English (no translator is
    installed for the source language) and the translation's own plural form otherwise."""
    return _PLURAL_MARK.sub("" if n == 1 else r"\1", text)


_PLURAL_MARK = re.compile(r"\((s|es)\)")


def shown_title(title: str) -> str:
    """A headline as lists and tabs show it: core's placeholder of a new article
    ("Untitled interview", stored until a headline is typed) in the interface's language."""
    from editor_app.core.text import is_placeholder_title

    if not is_placeholder_title(title):
        return title
    kind = title.split()[-1]
    if kind not in set(Kind):  # "Untitled article"
        return QCoreApplication.translate("Labels", "Untitled article")
    return QCoreApplication.translate("Labels", "Untitled {kind}").format(
        kind=kind_label(kind).lower())
