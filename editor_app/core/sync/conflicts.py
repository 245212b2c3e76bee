"""The conflict model behind the merge view (and ``byline resolve``): Qt-free (#14).

An article is in conflict when a version from elsewhere ("theirs") could not be
merged with the version being edited here ("mine"). ``ConflictModel`` holds the
three versions (the common ancestor "base", mine, theirs), the merge of
everything that did merge, and the conflicting *hunks*: passages of the body
and fields (title, summary, a front-matter key...) that both sides changed
differently. For each hunk a person chooses:

- ``Choice.MINE`` / ``Choice.THEIRS``: that side's text of the passage;
- ``Choice.BOTH``: my paragraphs, then theirs that I do not have (body only);
- ``Choice.EDITED``: text typed by hand (``model.edit(index, text)``).

When every hunk has a choice, ``resolved_snapshot()`` is the resolving version;
``editor_app.core.sync.resolve.save_resolution`` stores it as a revision whose
parents are both sides, and the article leaves the Conflicts queue.

How a merge view uses it (all of this is pure and cheap, except loading, which
reads the library and merges: run ``resolve.load_conflict`` on a worker)::

    model = load_conflict(library, article_id)          # worker thread
    left, right = model.theirs_body, model.mine_body    # side by side
    for hunk in model.hunks:                            # mark the passages
        hunk.theirs_span, hunk.mine_span                # (start, end) in each body; body hunks
        hunk.name, hunk.base, hunk.mine, hunk.theirs    # what to show; field hunks too
    model.take(0, Choice.MINE); model.take(1, Choice.THEIRS); model.edit(2, "typed")
    model.merged_body()                                 # preview; unresolved passages marked
    save_resolution(library, model)                     # ConflictError if the article changed meanwhile
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from editor_app.core.sync.merge import FIELDS, MergeOutcome, Snapshot
from editor_app.core.sync.textmerge import SEPARATOR, Passage

MARK_MINE = "<<<<<<< mine"
MARK_SPLIT = "======="
MARK_THEIRS = ">>>>>>> theirs"


class Choice(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"
    EDITED = "edited"


@dataclass(frozen=True)
class VersionInfo:
    """One side of a conflict: the revision and who made it where."""

    revision_id: int | None
    uid: str
    number: int
    author: str
    origin: str
    created_at: str
    reason: str

    def as_dict(self) -> dict:
        return {"revision": self.revision_id, "uid": self.uid, "number": self.number,
                "author": self.author, "origin": self.origin, "created_at": self.created_at,
                "reason": self.reason}


def _text(value) -> str:
    return "" if value is None else str(value)


@dataclass
class Hunk:
    """One conflicting passage (``name == "body"``) or field (its name) and the choice made."""

    index: int
    name: str
    base: str
    mine: str
    theirs: str
    passage: Passage | None = None
    choice: Choice | None = None
    edited: str = ""

    @property
    def is_body(self) -> bool:
        return self.passage is not None

    @property
    def mine_span(self) -> tuple[int, int] | None:
        return self.passage.mine_span if self.passage else None

    @property
    def theirs_span(self) -> tuple[int, int] | None:
        return self.passage.theirs_span if self.passage else None

    def result(self) -> str:
        """The text this hunk becomes with its choice (ValueError without one)."""
        if self.choice is None:
            raise ValueError(f"{self.name}: no choice made")
        if self.choice == Choice.MINE:
            return self.mine
        if self.choice == Choice.THEIRS:
            return self.theirs
        if self.choice == Choice.BOTH:
            return SEPARATOR.join(self.passage.both()) if self.passage else self.mine
        return self.edited


@dataclass
class ConflictModel:
    """The state of one conflict being resolved (see the module docstring)."""

    article_id: int
    #: The article's version when the model was made: saving checks nothing changed since.
    article_version: int
    mine: VersionInfo
    theirs: VersionInfo
    base: VersionInfo | None
    outcome: MergeOutcome
    mine_snapshot: Snapshot
    theirs_snapshot: Snapshot
    base_snapshot: Snapshot | None
    hunks: list[Hunk] = field(default_factory=list)

    @classmethod
    def build(cls, article_id: int, article_version: int, mine: VersionInfo, theirs: VersionInfo,
              base: VersionInfo | None, outcome: MergeOutcome, mine_snapshot: Snapshot,
              theirs_snapshot: Snapshot, base_snapshot: Snapshot | None) -> ConflictModel:
        model = cls(article_id, article_version, mine, theirs, base, outcome, mine_snapshot,
                    theirs_snapshot, base_snapshot)
        for conflict in outcome.field_conflicts:
            model.hunks.append(Hunk(len(model.hunks), conflict.name, _text(conflict.base),
                                    _text(conflict.mine), _text(conflict.theirs)))
        for passage in outcome.body.passages:
            model.hunks.append(Hunk(len(model.hunks), "body", passage.base_text,
                                    passage.mine_text, passage.theirs_text, passage))
        return model

    # -- the three texts, for a side-by-side view -------------------------------
    @property
    def mine_body(self) -> str:
        return self.mine_snapshot.body

    @property
    def theirs_body(self) -> str:
        return self.theirs_snapshot.body

    @property
    def base_body(self) -> str:
        return self.base_snapshot.body if self.base_snapshot else ""

    # -- choosing ------------------------------------------------------------------
    def take(self, index: int, choice: Choice | str) -> None:
        """Choose mine, theirs or both for one hunk (both: body passages only)."""
        choice = Choice(choice)
        hunk = self.hunks[index]
        if choice == Choice.EDITED:
            raise ValueError("use edit() to give the edited text")
        if choice == Choice.BOTH and not hunk.is_body:
            raise ValueError(f"{hunk.name}: a field takes one value, mine or theirs (or edit it)")
        hunk.choice = choice

    def edit(self, index: int, text: str) -> None:
        """The passage (or field) as typed by a person."""
        hunk = self.hunks[index]
        hunk.choice, hunk.edited = Choice.EDITED, text

    def take_all(self, choice: Choice | str) -> None:
        """The same choice for every hunk still open (``byline resolve --take``)."""
        for hunk in self.hunks:
            if hunk.choice is None:
                self.take(hunk.index, Choice.MINE if (Choice(choice) == Choice.BOTH and not hunk.is_body)
                          else choice)

    @property
    def unresolved(self) -> list[Hunk]:
        return [h for h in self.hunks if h.choice is None]

    @property
    def resolved(self) -> bool:
        return not self.unresolved

    # -- the result ------------------------------------------------------------------
    def _passage_choice(self):
        body_hunks = [h for h in self.hunks if h.is_body]

        def choose(index: int, passage: Passage) -> list[str]:
            hunk = body_hunks[index]
            if hunk.choice is None:  # one block, so that deleting the marker lines leaves clean text
                lines = [MARK_MINE, passage.mine_text, MARK_SPLIT, passage.theirs_text, MARK_THEIRS]
                return ["\n".join(line for line in lines if line)]
            text = hunk.result()
            return text.split(SEPARATOR) if text else []
        return choose

    def merged_body(self) -> str:
        """The body as chosen so far; open passages shown between conflict markers."""
        return self.outcome.body.text(self._passage_choice())

    def resolved_snapshot(self) -> Snapshot:
        """The resolving version (ValueError naming the open hunks when some remain)."""
        if self.unresolved:
            names = ", ".join(f"{h.index + 1} ({h.name})" for h in self.unresolved)
            raise ValueError(f"choose mine, theirs or both for every conflict first: {names}")
        fields = dict(self.outcome.fields)
        extra = dict(self.outcome.extra)
        title = self.outcome.title
        for hunk in self.hunks:
            if hunk.is_body:
                continue
            if hunk.name.startswith("extra."):
                key = hunk.name[len("extra."):]
                value = {Choice.MINE: self.mine_snapshot.extra.get(key),
                         Choice.THEIRS: self.theirs_snapshot.extra.get(key)}.get(hunk.choice,
                                                                                hunk.edited)
                if value is None:
                    extra.pop(key, None)
                else:
                    extra[key] = value
            elif hunk.name == "title":
                title = hunk.result()
            elif hunk.name in FIELDS:
                fields[hunk.name] = hunk.result()
        return Snapshot(title, self.merged_body(), fields, extra, self.outcome.tags)

    def as_dict(self) -> dict:
        """What ``byline conflicts --json`` says of this conflict."""
        return {"article_id": self.article_id, "mine": self.mine.as_dict(),
                "theirs": self.theirs.as_dict(),
                "base": self.base.as_dict() if self.base else None,
                "hunks": [{"index": h.index, "name": h.name, "base": h.base, "mine": h.mine,
                           "theirs": h.theirs,
                           "mine_span": list(h.mine_span) if h.mine_span else None,
                           "theirs_span": list(h.theirs_span) if h.theirs_span else None}
                          for h in self.hunks]}
