"""Approved and published stories are read-only until an editor reopens them for correction.

An approved story has passed review and the pre-flight check; a published one is
in front of readers.  Changing either without a word (an import, a stray edit)
would put text on the website that nobody reviewed.  So every path that changes
an article's text asks ``edit_refusal`` first, and the one way to change such a
story is ``reopen_for_correction``: an editor moves it back to in_review, and the
trail records who did it, when and why (DESIGN.md: "approved, published ->
in_review: editor (a correction)").

    edit_refusal(article) -> str | None            why it may not be changed now
    reopen_for_correction(library, article_id, *, role=None, who=None, note="") -> StatusEvent
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.core.errors import TransitionError
from editor_app.core.models import Role, Status, StatusEvent

if TYPE_CHECKING:
    from editor_app.core.library import Library

#: Statuses whose text is frozen until the story is reopened for correction.
READ_ONLY_STATUSES = frozenset({Status.APPROVED, Status.PUBLISHED})
CORRECTION_ROLE = Role.EDITOR


def edit_refusal(article) -> str | None:
    """Why ``article`` may not be changed now (one line), or None when it may.

    Callers that change text (import, the desk, restore of a revision) refuse
    with this message instead of writing; the way out is
    ``reopen_for_correction``.
    """
    status = Status.parse(article.status)
    if status not in READ_ONLY_STATUSES:
        return None
    return (f"'{article.slug}' is {status.value}; an editor must reopen it for correction "
            "before its text can change")


def reopen_for_correction(library: Library, article_id: int, *, role: Role | str | None = None,
                          who: str | None = None, note: str = "") -> StatusEvent:
    """Move an approved or published article back to in_review, recorded as a correction.

    Only an editor may (TransitionError otherwise, naming who can); the trail
    entry's note starts with "reopened for correction" and carries ``note``
    (what is being corrected, or the file an import brings).
    """
    from editor_app.core.review.workflow import current_role, current_user

    role = Role.parse(role) if role else current_role(library)
    who = current_user(library) if who is None else who
    article = library.get_article(article_id)
    if article.status not in READ_ONLY_STATUSES:
        raise TransitionError(f"'{article.slug}' is {article.status.value}, not approved or "
                              "published: there is nothing to reopen")
    if role != CORRECTION_ROLE:
        raise TransitionError(f"only an editor can reopen '{article.slug}' for correction "
                              f"(you act as {role.with_article})")
    text = "reopened for correction" + (f": {note.strip()}" if note and note.strip() else "")
    return library.set_status(article.id, Status.IN_REVIEW, role=role, who=who, note=text)
