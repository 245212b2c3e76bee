"""Value objects of the newsroom and the workflow table.

The transition table lives here, in core, so that the GUI and the command line
enforce exactly the same rules (DESIGN.md, "Workflow").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from editor_app.core.dates import parse_date  # noqa: F401 - re-exported, callers import it here
from editor_app.core.errors import InputError, TransitionError


class _Choice(StrEnum):
    """A closed set of names; ``parse`` refuses others with a message listing them all."""

    @classmethod
    def parse(cls, value):
        if isinstance(value, cls):
            return value
        text = str(value).strip().lower()
        if cls is Status:
            text = text.replace("-", "_").replace(" ", "_")
        try:
            return cls(text)
        except ValueError:
            names = ", ".join(member.value for member in cls)
            what = cls.__name__.lower()
            raise InputError(f"unknown {what} {value!r}; expected one of: {names}") from None


class Status(_Choice):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    PUBLISHED = "published"
    SPIKED = "spiked"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Role(_Choice):
    REPORTER = "reporter"
    EDITOR = "editor"
    PRODUCER = "producer"

    @property
    def with_article(self) -> str:
        """"a reporter", "an editor", "a producer": for messages built from a role name."""
        return f"{'an' if self.value[0] in 'aeiou' else 'a'} {self.value}"


class Kind(_Choice):
    NEWS = "news"
    INTERVIEW = "interview"
    FEATURE = "feature"
    OPINION = "opinion"


S, R = Status, Role
_ALL_BUT_PUBLISHED = [s for s in Status if s not in (S.PUBLISHED, S.SPIKED)]

# (from, to) -> roles allowed to make that move.  Built from DESIGN.md's table.
TRANSITIONS: dict[tuple[Status, Status], frozenset[Role]] = {
    (S.DRAFT, S.SUBMITTED): frozenset({R.REPORTER, R.EDITOR}),
    (S.SUBMITTED, S.IN_REVIEW): frozenset({R.EDITOR}),
    (S.IN_REVIEW, S.CHANGES_REQUESTED): frozenset({R.EDITOR}),
    (S.IN_REVIEW, S.APPROVED): frozenset({R.EDITOR}),
    (S.CHANGES_REQUESTED, S.SUBMITTED): frozenset({R.REPORTER, R.EDITOR}),
    (S.APPROVED, S.PUBLISHED): frozenset({R.PRODUCER, R.EDITOR}),
    (S.APPROVED, S.IN_REVIEW): frozenset({R.EDITOR}),
    (S.PUBLISHED, S.IN_REVIEW): frozenset({R.EDITOR}),
    (S.SPIKED, S.DRAFT): frozenset({R.EDITOR}),
    **{(s, S.SPIKED): frozenset({R.EDITOR}) for s in _ALL_BUT_PUBLISHED},
}

#: Statuses an article in conflict cannot be moved to: everything past "submitted".
#: Two versions from different libraries wait to be merged; a review of either
#: one could approve text the other side has already changed (#14).
BLOCKED_WHILE_IN_CONFLICT = frozenset({S.IN_REVIEW, S.CHANGES_REQUESTED, S.APPROVED, S.PUBLISHED})


def allowed_transitions(current: Status, role: Role | None = None) -> list[Status]:
    """Statuses reachable from ``current``; only those ``role`` may make when given."""
    return [
        to
        for (frm, to), roles in TRANSITIONS.items()
        if frm == current and (role is None or role in roles)
    ]


def check_transition(current: Status, new: Status, role: Role) -> None:
    """Raise TransitionError naming the allowed moves when ``current -> new`` is refused."""
    roles = TRANSITIONS.get((current, new))
    if roles is not None and role in roles:
        return
    allowed = allowed_transitions(current, role)
    allowed_text = ", ".join(s.value for s in allowed) or "none"
    if roles is None:
        raise TransitionError(
            f"cannot move from {current.value} to {new.value}; "
            f"{role.with_article} may move it to: {allowed_text}"
        )
    who = ", ".join(sorted(r.value for r in roles))
    raise TransitionError(
        f"{role.with_article} cannot move an article from {current.value} to {new.value} "
        f"(only: {who}); allowed for {role.with_article}: {allowed_text}"
    )


@dataclass
class Article:
    """An article as the newsroom sees it: metadata, markdown body, tags."""

    title: str
    body: str = ""
    kind: Kind = Kind.NEWS
    interviewee: str = ""
    author: str = ""
    date: str = ""
    language: str = "en"
    summary: str = ""
    slug: str = ""
    status: Status = Status.DRAFT
    tags: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    id: int | None = None
    uuid: str = ""
    created_at: str = ""
    updated_at: str = ""
    version: int = 0
    spellcheck: bool = True

    METADATA_FIELDS = ("title", "kind", "interviewee", "author", "date", "language", "summary")


@dataclass(frozen=True)
class Revision:
    id: int
    article_id: int
    number: int
    title: str
    body: str
    metadata: dict
    author: str
    reason: str
    created_at: str
    #: The revision's global id and its parents' (two for a merge): the history
    #: of an article is a graph that two libraries can merge (#14).
    uid: str = ""
    parents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tag:
    id: int
    name: str
    slug: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    count: int = 0


@dataclass(frozen=True)
class Comment:
    id: int
    article_id: int
    author: str
    text: str
    quote: str
    start: int
    end: int
    created_at: str
    parent_id: int | None = None
    resolved: bool = False
    detached: bool = False
    uid: str = ""  # global id: the same comment arriving twice is recognised (#14)
    #: the passage's surroundings when last anchored (JSON, see review.anchoring); "" if unknown
    context: str = ""


@dataclass(frozen=True)
class StatusEvent:
    id: int
    article_id: int
    from_status: str
    to_status: str
    who: str
    role: str
    note: str
    override: bool
    created_at: str
    uid: str = ""  # global id of the move (#14)
    #: A move made elsewhere that no longer applied when it arrived (the article
    #: had moved on meanwhile): kept in the trail with why, never applied (#14).
    refused: bool = False
    refusal: str = ""
