"""Three-way merge of two versions of an article against their common ancestor (#14).

Pure and Qt-free: the GUI runs it on a worker, the sync engine inside a receive.

- the body: paragraph by paragraph, then line by line (``textmerge``);
- single-line fields (title, kind, interviewee, author, date, language,
  summary, slug): field by field; the same field changed differently on both
  sides is a conflict;
- front-matter extras: key by key, like fields;
- tags: as additions and removals against the ancestor (never a conflict).

The workflow status is not merged here: it comes from the replay of the moves
recorded on both sides (``registers.replay_moves``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor_app.core.sync.textmerge import BodyMerge, merge_bodies, merge_scalar
from editor_app.core.text import normalize_key

#: Fields of an article merged one by one (the order a merge view lists them in).
FIELDS = ("title", "kind", "interviewee", "author", "date", "language", "summary", "slug")
_MISSING = object()


@dataclass(frozen=True)
class Snapshot:
    """The mergeable content of one version of an article."""

    title: str
    body: str
    fields: dict = field(default_factory=dict)  # FIELDS except title
    extra: dict = field(default_factory=dict)
    tags: tuple[str, ...] = ()

    def value(self, name: str):
        return self.title if name == "title" else self.fields.get(name, "")

    @classmethod
    def from_revision(cls, revision) -> Snapshot:
        """From a ``models.Revision`` (its metadata holds fields, extras and tags)."""
        meta = revision.metadata or {}
        return cls(revision.title, revision.body,
                   {name: meta.get(name, "") for name in FIELDS[1:]},
                   dict(meta.get("extra") or {}), tuple(meta.get("tags") or ()))

    @classmethod
    def from_article(cls, article) -> Snapshot:
        """From a ``models.Article`` (the text as it is being edited)."""
        fields = {name: getattr(article, name) for name in FIELDS[1:]}
        fields["kind"] = getattr(article.kind, "value", article.kind)
        return cls(article.title, article.body, fields, dict(article.extra or {}),
                   tuple(article.tags))


@dataclass(frozen=True)
class FieldConflict:
    """A field (or front-matter extra ``extra.KEY``) both sides changed differently."""

    name: str
    base: object
    mine: object
    theirs: object


@dataclass(frozen=True)
class MergeOutcome:
    """What a merge made: the body merge, fields (mine where they conflict), tags."""

    body: BodyMerge
    title: str
    fields: dict
    extra: dict
    tags: tuple[str, ...]
    field_conflicts: tuple[FieldConflict, ...]

    @property
    def clean(self) -> bool:
        return self.body.clean and not self.field_conflicts

    def snapshot(self) -> Snapshot:
        """The merged version; only for a clean merge (resolve conflicts with ``ConflictModel``)."""
        if not self.clean:
            raise ValueError("the merge has conflicts; resolve them first")
        return Snapshot(self.title, self.body.text(), dict(self.fields), dict(self.extra),
                        self.tags)


def merge_tags(base: tuple[str, ...], mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
    """Tags added on either side are in, tags removed on either side are out.

    Names compare like the vocabulary does (case and spacing aside); my order
    first, then their additions in their order.
    """
    if tuple(mine) == tuple(theirs) or tuple(theirs) == tuple(base):
        return tuple(mine)
    if tuple(mine) == tuple(base):
        return tuple(theirs)
    base_keys = {normalize_key(t) for t in base}
    theirs_keys = {normalize_key(t) for t in theirs}
    out, seen = [], set()
    for tag in mine:
        key = normalize_key(tag)
        if key in seen or (key in base_keys and key not in theirs_keys):
            continue  # removed by them
        out.append(tag)
        seen.add(key)
    for tag in theirs:
        key = normalize_key(tag)
        if key in seen or key in base_keys:
            continue  # kept or removed by me: already decided
        out.append(tag)
        seen.add(key)
    return tuple(out)


def _merge_extra(base: dict, mine: dict, theirs: dict) -> tuple[dict, list[FieldConflict]]:
    merged, conflicts = {}, []
    for key in sorted(set(base) | set(mine) | set(theirs), key=str):
        value, conflict = merge_scalar(base.get(key, _MISSING), mine.get(key, _MISSING),
                                       theirs.get(key, _MISSING))
        if conflict:
            conflicts.append(FieldConflict(f"extra.{key}", base.get(key), mine.get(key),
                                           theirs.get(key)))
        if value is not _MISSING:
            merged[key] = value
    return merged, conflicts


def merge_snapshots(base: Snapshot | None, mine: Snapshot, theirs: Snapshot) -> MergeOutcome:
    """Merge ``mine`` and ``theirs`` against ``base`` (None: no shared history, an empty ancestor)."""
    if base is None:
        base = Snapshot("", "", {name: "" for name in FIELDS[1:]}, {}, ())
    conflicts: list[FieldConflict] = []
    values = {}
    for name in FIELDS:
        value, conflict = merge_scalar(base.value(name), mine.value(name), theirs.value(name))
        values[name] = value
        if conflict:
            conflicts.append(FieldConflict(name, base.value(name), mine.value(name),
                                           theirs.value(name)))
    extra, extra_conflicts = _merge_extra(base.extra, mine.extra, theirs.extra)
    title = values.pop("title")
    return MergeOutcome(merge_bodies(base.body, mine.body, theirs.body), title, values, extra,
                        merge_tags(base.tags, mine.tags, theirs.tags),
                        tuple(conflicts + extra_conflicts))
