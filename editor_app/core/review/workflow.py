"""The workflow service: status changes with the pre-flight gate.

``Library.set_status`` enforces the transition table and writes the trail;
this module adds what needs more than SQL: the current user's role and name
(``core/identity``: the person's own settings, not the library's), and the
pre-flight check that guards approval and publishing. The GUI and the command
line both call ``change_status`` so they obey the same rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.core.errors import TransitionError
from editor_app.core.identity import load_identity
from editor_app.core.models import (
    BLOCKED_WHILE_IN_CONFLICT,
    Role,
    Status,
    StatusEvent,
    allowed_transitions,
    check_transition,
)
from editor_app.core.review.preflight import PreflightResult, preflight

if TYPE_CHECKING:
    from editor_app.core.library import Library

#: Moves that put a story in front of readers (or one step from it): they pass
#: the pre-flight check first. Publishing is only reachable from approved, but
#: the gate is keyed on the target so a future path to published is gated too.
GATED_TARGETS = frozenset({Status.APPROVED, Status.PUBLISHED})


def current_role(library: Library | None=None) -> Role:
    """The role the person chose (Preferences, the first-run dialog); a reporter when none,
    the least power. ``library``: see ``load_identity`` (acting for someone, migration)."""
    return load_identity(library).role


def current_user(library: Library | None=None) -> str:
    """The name recorded in the trail: the person's, else the login name."""
    return load_identity(library).trail_name


def is_gated(current: Status, new: Status) -> bool:
    """True when ``current -> new`` must pass the pre-flight check."""
    return new in GATED_TARGETS and current != new


def available_moves(library: Library, article_id: int, role: Role | str | None = None) -> list[Status]:
    """Statuses the given (or preferred) role may move the article to; the GUI offers these.

    An article in conflict goes no further than "submitted" until it is resolved (#14).
    """
    role = Role.parse(role) if role else current_role(library)
    moves = allowed_transitions(library.get_article(article_id).status, role)
    if library.in_conflict(article_id):
        moves = [m for m in moves if m not in BLOCKED_WHILE_IN_CONFLICT]
    return moves


def check_not_in_conflict(library: Library, article_id: int, new: Status) -> None:
    """Refuse a move past "submitted" while the article is in conflict (no override: resolve it)."""
    if new in BLOCKED_WHILE_IN_CONFLICT and library.in_conflict(article_id):
        raise TransitionError(
            f"the article is in conflict (two versions from different libraries); resolve it "
            f"before moving it to {new.value} (Conflicts queue, or byline resolve {article_id})")


def override_note(result: PreflightResult, note: str = "") -> str:
    """The trail note of an override: the failing checks first, then the person's note."""
    failing = "; ".join(f"{i.code}: {i.message}" for i in result.errors)
    text = f"override of failed pre-flight checks ({failing})"
    return f"{text} — {note.strip()}" if note and note.strip() else text


def change_status(library: Library, article_id: int, new: Status | str, *, role: Role | str | None = None,
                  who: str | None = None, note: str = "", force: bool = False,
                  spelling_issue_count: int | None = None, spelling_issues=None) -> StatusEvent:
    """Move an article through the workflow, enforcing the table and the pre-flight gate.

    - The transition table always applies to reporters and producers. ``force``
      lets an editor make a move outside the table (fixing a mistake); it is
      recorded as an override, as ``Library.set_status`` does.
    - Approval and publishing run ``preflight`` first. When an error-level check
      fails, TransitionError names the failing checks, unless ``force`` is given:
      then the move happens and the trail records an override whose note lists
      the failing checks.
    """
    new = Status.parse(new)
    role = Role.parse(role) if role else current_role(library)
    who = current_user(library) if who is None else who
    article = library.get_article(article_id)
    current = article.status
    check_not_in_conflict(library, article.id, new)
    table_override = False
    if current != new:
        try:
            check_transition(current, new, role)
        except TransitionError:
            if not (force and role == Role.EDITOR):
                raise
            table_override = True
    override = table_override
    if is_gated(current, new):
        result = preflight(library, article.id, spelling_issue_count=spelling_issue_count,
                           spelling_issues=spelling_issues)
        if not result.ok:
            if not force:
                codes = ", ".join(i.code for i in result.errors)
                raise TransitionError(
                    f"pre-flight check failed ({codes}); fix them or override with --force "
                    "(the override is recorded)")
            note = override_note(result, note)
            override = True
    if table_override:
        note = f"outside the workflow table ({current.value} → {new.value})" + (
            f" — {note}" if note else "")
    return library.set_status(article.id, new, role=role, who=who, note=note,
                              override=override, force=table_override)


def gate_export(library: Library, article_id: int, *, force: bool = False, role: Role | str | None = None,
                who: str | None = None, spelling_issue_count: int | None = None) -> PreflightResult:
    """Pre-flight gate for the exporter: raise unless the article passes or ``force`` is given.

    A forced export of a failing article is recorded in the trail as an override
    (a status-less event), so the trail shows who shipped it despite the checks.
    """
    result = preflight(library, article_id, spelling_issue_count=spelling_issue_count)
    if result.ok:
        return result
    codes = ", ".join(i.code for i in result.errors)
    if not force:
        raise TransitionError(f"pre-flight check failed ({codes}); export with --force to override")
    role = Role.parse(role) if role else current_role(library)
    library.record_override_event(
        article_id, who=current_user(library) if who is None else who, role=role.value,
        note="export: " + override_note(result))
    return result
