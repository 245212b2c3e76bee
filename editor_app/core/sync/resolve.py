"""Resolving a conflict: load it as a ``ConflictModel``, choose, save the resolving revision (#14).

The resolving revision has two parents, mine (the working head) and theirs, so
the conflict is over in every library the resolution reaches: the version from
elsewhere is now part of the history, not another head.
"""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING

from editor_app.core.errors import InputError, NotFoundError
from editor_app.core.sync.conflicts import (
    MARK_MINE,
    MARK_SPLIT,
    MARK_THEIRS,
    Choice,
    ConflictModel,
    VersionInfo,
)
from editor_app.core.sync.engine import snapshot_values
from editor_app.core.sync.graph import merge_base
from editor_app.core.sync.merge import FIELDS, Snapshot, merge_snapshots

if TYPE_CHECKING:
    from editor_app.core.library import Library


def _info(library: Library, revision) -> VersionInfo:
    origins = library.revision_origins(revision.article_id)
    return VersionInfo(revision.id, revision.uid, revision.number, revision.author,
                       origins.get(revision.id, ""), revision.created_at, revision.reason)


def load_conflict(library: Library, article_id: int, theirs_revision_id: int | None = None) -> ConflictModel:
    """The conflict of an article with the oldest (or the given) version from elsewhere.

    "Mine" is the article as it is now (including edits not yet kept as a
    revision); the common ancestor comes from the revision graph. Reads and
    merges: call it from a worker thread in the GUI.
    """
    article = library.get_article(article_id)
    pending = library.conflict_revisions(article.id)
    if not pending:
        raise NotFoundError(f"{article.slug}: is not in conflict")
    if theirs_revision_id is None:
        theirs_revision_id = pending[0]
    elif theirs_revision_id not in pending:
        raise NotFoundError(f"{article.slug}: revision {theirs_revision_id} is not in conflict")
    theirs = library.get_revision(theirs_revision_id)
    mine = library.get_revision(library.working_head(article.id))
    base_uid = merge_base(library.revision_graph(article.id), mine.uid, theirs.uid)
    base = library.revision_by_uid(base_uid) if base_uid else None
    base_snapshot = Snapshot.from_revision(base) if base else None
    mine_snapshot = Snapshot.from_article(article)
    theirs_snapshot = Snapshot.from_revision(theirs)
    outcome = merge_snapshots(base_snapshot, mine_snapshot, theirs_snapshot)
    return ConflictModel.build(article.id, article.version, _info(library, mine),
                               _info(library, theirs), _info(library, base) if base else None,
                               outcome, mine_snapshot, theirs_snapshot, base_snapshot)


def save_resolution(library: Library, model: ConflictModel, *, who: str | None = None,
                    how: str = "by hand"):
    """Store the resolving revision (parents: mine and theirs) and return the article.

    Raises ValueError when a hunk has no choice yet, ConflictError when the
    article changed since the model was loaded. One transaction: the revision,
    the article and its re-anchored comments.
    """
    return _store(library, model, model.resolved_snapshot(), who=who, how=how)


def _store(library: Library, model: ConflictModel, snapshot: Snapshot, *, who: str | None, how: str):
    from editor_app.core.review.anchoring import reanchor_comments
    from editor_app.core.review.workflow import current_user

    who = current_user(library) if who is None else who
    with library.transaction():
        library.store_resolution(model.article_id, snapshot_values(snapshot),
                                 theirs_revision_id=model.theirs.revision_id,
                                 expected_version=model.article_version, who=who,
                                 reason=f"conflict resolved ({how})")
        reanchor_comments(library, model.article_id)
    return library.get_article(model.article_id)


def resolve_taking(library: Library, article_id: int, choice: Choice | str, *, who: str | None = None):
    """Resolve every conflicting passage and field the same way (``byline resolve --take``).

    What merged cleanly is kept from both sides; only the conflicting hunks take
    ``choice`` (mine or theirs).
    """
    choice = Choice(choice)
    if choice not in (Choice.MINE, Choice.THEIRS):
        raise InputError("--take: expected mine or theirs")
    model = load_conflict(library, article_id)
    model.take_all(choice)
    return save_resolution(library, model, who=who, how=f"took {choice.value}")


def _find_markers(body: str) -> int | None:
    for number, line in enumerate(body.split("\n"), 1):
        if line.startswith((MARK_MINE, MARK_THEIRS)):
            return number
    return None


def resolve_with_file(library: Library, article_id: int, path: str | pathlib.Path, *,
                      who: str | None = None):
    """Resolve with an article file edited by hand (``byline resolve --file MERGED.md``).

    With front matter, the file is the whole resolved article (status aside: the
    workflow decides it). Without, it is the body, and the fields must have
    merged cleanly. A line still holding a conflict marker is refused.
    """
    from editor_app.core.importers import decode_text, parse_markdown

    path = pathlib.Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    text = decode_text(data, str(path))
    model = load_conflict(library, article_id)
    if text.startswith("---"):
        article = parse_markdown(text, source=str(path))
        fields = {name: getattr(article, name) for name in FIELDS[1:]}
        fields["kind"] = article.kind.value
        extra = dict(article.extra)
        snapshot = Snapshot(article.title, article.body, fields, extra, tuple(article.tags))
    else:
        if model.outcome.field_conflicts:
            names = ", ".join(c.name for c in model.outcome.field_conflicts)
            raise InputError(f"{path}: has no front matter, but fields conflict too ({names}); "
                             "write a draft with --draft FILE and edit that")
        from editor_app.core.text import check_clean_text

        try:
            body = check_clean_text(text, "body", multiline=True)
        except InputError as exc:
            raise InputError(f"{path}: {exc}") from None
        snapshot = Snapshot(model.outcome.title, body, dict(model.outcome.fields),
                            dict(model.outcome.extra), model.outcome.tags)
    line = _find_markers(snapshot.body)
    if line is not None:
        raise InputError(f"{path}:{line}: a conflict marker is still there; choose the text and "
                         "remove the markers")
    return _store(library, model, snapshot, who=who, how=f"from {path.name}")


def conflict_draft(library: Library, model: ConflictModel) -> str:
    """The article with every conflict marked, as markdown to edit and pass to ``--file``.

    Conflicting fields show my value; theirs is named in a comment at the top.
    The status in it is for reading only: the workflow decides the status.
    """
    from editor_app.core.importers import dump_markdown
    from editor_app.core.models import Article, Kind

    outcome = model.outcome
    fields = dict(outcome.fields)
    article = Article(title=outcome.title, body=model.merged_body(),
                      kind=Kind.parse(fields.get("kind") or "news"),
                      interviewee=fields.get("interviewee", ""), author=fields.get("author", ""),
                      date=fields.get("date", ""), language=fields.get("language", "") or "en",
                      summary=fields.get("summary", ""), slug=fields.get("slug", ""),
                      tags=list(outcome.tags), extra=dict(outcome.extra),
                      status=library.get_article(model.article_id).status)
    text = dump_markdown(article)
    notes = [f"# conflict in {c.name}: mine {c.mine!r}, theirs {c.theirs!r} (mine is below)"
             for c in outcome.field_conflicts]
    notes.append(f"# passages in conflict are between '{MARK_MINE}', '{MARK_SPLIT}' and "
                 f"'{MARK_THEIRS}'; keep the text you want and remove the marker lines")
    return "---\n" + "\n".join(notes) + "\n" + text[len("---\n"):]
