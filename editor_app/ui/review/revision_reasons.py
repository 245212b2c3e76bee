"""Why a revision was kept, in the interface's language (#18).

core stores each revision's reason as English data ("autosave", "new article",
"status change: draft → submitted"); it travels with the library and the sync,
so it stays English there. Where the GUI shows it (the history list, the trail's
"changed after approval" lines) the reasons core writes are translated here; a
reason this table does not know (typed by a newer Byline, or by hand) is shown
as it is stored.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from editor_app.ui.labels import status_label

CONTEXT = "RevisionReasons"

_FIXED = {
    "autosave": QT_TRANSLATE_NOOP("RevisionReasons", "autosave"),
    "close": QT_TRANSLATE_NOOP("RevisionReasons", "close"),
    "create": QT_TRANSLATE_NOOP("RevisionReasons", "create"),
    "new article": QT_TRANSLATE_NOOP("RevisionReasons", "new article"),
    "correction": QT_TRANSLATE_NOOP("RevisionReasons", "correction"),
    "export": QT_TRANSLATE_NOOP("RevisionReasons", "export"),
    "import": QT_TRANSLATE_NOOP("RevisionReasons", "import"),
    "merge": QT_TRANSLATE_NOOP("RevisionReasons", "merge"),
    "kept before receiving": QT_TRANSLATE_NOOP("RevisionReasons", "kept before receiving"),
    "kept before sending": QT_TRANSLATE_NOOP("RevisionReasons", "kept before sending"),
    "kept before syncing": QT_TRANSLATE_NOOP("RevisionReasons", "kept before syncing"),
    "kept before resolving a conflict": QT_TRANSLATE_NOOP(
        "RevisionReasons", "kept before resolving a conflict"),
    "conflict: version from elsewhere": QT_TRANSLATE_NOOP(
        "RevisionReasons", "conflict: version from elsewhere"),
}

_RESTORE = re.compile(r"restore of revision (\d+)")
_STATUS_CHANGE = re.compile(r"status change: (\w+) → (\w+)")
_RESOLVED = re.compile(r"conflict resolved \((.+)\)")
_TOOK = re.compile(r"took (mine|theirs|both|edited)")
_FROM_FILE = re.compile(r"from (.+)")

#: how a conflict was resolved (core/sync/resolve: "by hand", "took mine", "from FILE")
_TAKEN = {
    "mine": QT_TRANSLATE_NOOP("RevisionReasons", "conflict resolved (took mine)"),
    "theirs": QT_TRANSLATE_NOOP("RevisionReasons", "conflict resolved (took theirs)"),
    "both": QT_TRANSLATE_NOOP("RevisionReasons", "conflict resolved (took both)"),
    "edited": QT_TRANSLATE_NOOP("RevisionReasons", "conflict resolved (took edited)"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def revision_reason(reason: str) -> str:
    """A stored revision reason as the GUI shows it; unknown reasons unchanged."""
    if reason in _FIXED:
        return _tr(_FIXED[reason])
    if match := _RESTORE.fullmatch(reason):
        return _tr(QT_TRANSLATE_NOOP("RevisionReasons", "restore of revision {number}")).format(
            number=match.group(1))
    if match := _STATUS_CHANGE.fullmatch(reason):
        return _tr(QT_TRANSLATE_NOOP("RevisionReasons", "status change: {old} → {new}")).format(
            old=status_label(match.group(1)).lower(), new=status_label(match.group(2)).lower())
    if match := _RESOLVED.fullmatch(reason):
        how = match.group(1)
        if how == "by hand":
            return _tr(QT_TRANSLATE_NOOP("RevisionReasons", "conflict resolved (by hand)"))
        if took := _TOOK.fullmatch(how):
            return _tr(_TAKEN[took.group(1)])
        if from_file := _FROM_FILE.fullmatch(how):
            return _tr(QT_TRANSLATE_NOOP("RevisionReasons", "conflict resolved (from {file})")
                       ).format(file=from_file.group(1))
    return reason
