"""Importing files into a library: every file is read and checked before anything is written.

Nothing is changed behind anyone's back (#19):

- a file is an existing article only when it says so: its ``uuid``, the
  manifest beside a bundle's ``article.md`` (Byline's own export of it), or its
  ``slug``.  A file that names nothing is a new article, whatever its title
  (two "Ferry strike" files make ``ferry-strike`` and ``ferry-strike-2``);
- a file identical to its article changes nothing: no revision, no version;
- an approved or published article is changed only on the guarded path: the
  import is refused, naming the file, unless ``correction`` is asked and the
  importing person is an editor, who reopens it for correction (recorded);
- a new article's status is kept only as far as the importing person's role
  could have moved it, through the pre-flight check, and the trail says
  "imported";
- pictures beside the file, or in a bundle's ``assets/``, come along;
- what could not be done (a related slug not in the library, a spiked one, a
  missing picture, a status not kept) is named in the result's ``notes``.
"""

from __future__ import annotations

import json
import pathlib
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor_app.core.article_files import IMPORT_SUFFIXES  # noqa: F401 - re-exported
from editor_app.core.errors import BylineError, InputError, NotFoundError
from editor_app.core.import_images import CollectedImages, collect_images
from editor_app.core.importers import read_article_file
from editor_app.core.library.articles import validate_fields
from editor_app.core.library.tags import clean_tag_name
from editor_app.core.models import TRANSITIONS, Article, Role, Status
from editor_app.core.review.corrections import CORRECTION_ROLE, edit_refusal, reopen_for_correction
from editor_app.core.review.preflight import preflight
from editor_app.core.review.workflow import current_role, is_gated
from editor_app.core.text import slugify

if TYPE_CHECKING:
    from editor_app.core.library import Library

_CHANGED_FIELDS = ("title", "kind", "interviewee", "author", "date", "language", "summary",
                   "body", "extra")
MANIFEST_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ImportResult:
    id: int
    slug: str
    title: str
    created: bool
    source: str
    #: "imported" (a new article), "updated" (a new revision) or "unchanged"
    action: str = "imported"
    #: what the import could not do as the file asked, one line each, naming the file
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"id": self.id, "slug": self.slug, "title": self.title,
                "created": self.created, "source": self.source, "action": self.action,
                "notes": list(self.notes)}


@dataclass(frozen=True)
class Refusal:
    """A file that was not imported, and why (one line that names the file)."""

    source: str
    message: str

    def as_dict(self) -> dict:
        return {"id": None, "slug": None, "title": None, "created": False,
                "source": self.source, "action": "refused", "error": self.message, "notes": []}


@dataclass
class ImportReport:
    """What happened to each file of an import: stored (results) or refused."""

    results: list[ImportResult] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many files were imported, updated, unchanged and refused (zeros left out)."""
        counts = {action: sum(r.action == action for r in self.results)
                  for action in ("imported", "updated", "unchanged")}
        counts["refused"] = len(self.refused)
        return {action: n for action, n in counts.items() if n}

    def summary(self) -> str:
        """"2 imported, 1 refused": for a status bar or the end of a command's output."""
        return ", ".join(f"{n} {action}" for action, n in self.counts().items()) or "nothing"

    @property
    def notes(self) -> list[str]:
        return [note for result in self.results for note in result.notes]


@dataclass
class Incoming:
    """One file to import: the parsed article, where it came from, what it brings along."""

    source: str
    article: Article
    images: CollectedImages | None = None
    #: the article uuid of Byline's own export (the manifest beside a bundle's article.md)
    bundle_uuid: str = ""


@dataclass
class _Plan:
    incoming: Incoming
    existing: int | None = None        # the article the file names
    changed: bool = True               # False: the file matches its article already
    reopen: bool = False               # reopen for correction before updating
    slug: str = ""                     # the slug a new article asks for ("" = from its title)
    notes: list[str] = field(default_factory=list)


def bundle_uuid(path: pathlib.Path) -> str:
    """The article uuid named by the manifest beside a bundle's ``article.md``, else ""."""
    manifest = path.with_name("manifest.json")
    if path.name != "article.md" or not manifest.is_file():
        return ""
    try:
        if manifest.stat().st_size > MANIFEST_MAX_BYTES:
            return ""
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data.get("tool", {}).get("name") != "byline":
            return ""
        uuid = data.get("article", {}).get("uuid", "")
    except (OSError, ValueError, AttributeError):
        return ""  # not Byline's manifest after all: the file is judged on its own
    return uuid if isinstance(uuid, str) else ""


def read_incoming(path: str | pathlib.Path, *, has_asset=lambda sha: False) -> Incoming:
    """Read one file with its pictures and bundle identity (no library writes)."""
    path = pathlib.Path(path)
    if path.suffix.lower() == ".docx":
        return _read_word_document(path)
    article = read_article_file(path)
    images = collect_images(article.body, path.parent, source=path.name, has_asset=has_asset)
    article.body = images.body
    return Incoming(str(path), article, images, bundle_uuid(path))


def _read_word_document(path: pathlib.Path) -> Incoming:
    """A .docx: its first heading is the headline (else its name), bold questions ``Q:``."""
    from editor_app.core.docx_import import read_docx
    from editor_app.core.importers import headline_from_body
    from editor_app.core.models import Kind

    content = read_docx(path)
    title, body = headline_from_body(content.markdown, str(path))
    if not body.strip() and not content.assets:
        raise InputError(f"{path}: the document has no text")
    body = body if body.endswith("\n") else body + "\n"
    try:
        article = Article(title=title, body=body,
                          kind=Kind.INTERVIEW if content.questions else Kind.NEWS)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    images = CollectedImages(body=body, assets=content.assets, notes=list(content.notes))
    return Incoming(str(path), article, images)


def import_files(library: Library, paths: list[str | pathlib.Path], *, who: str = "",
                 role: Role | str | None = None, correction: bool = False) -> list[ImportResult]:
    """Read every file first (any bad file stops the import before a write), then store.

    ``role`` (default: the preferences) limits imported statuses and decides
    whether ``correction`` may reopen an approved or published article.
    """
    incoming = [read_incoming(p, has_asset=library.has_asset) for p in paths]
    return import_incoming(library, incoming, who=who, role=role, correction=correction)


def import_each(library: Library, paths: list[str | pathlib.Path], *, who: str = "",
                role: Role | str | None = None, correction: bool = False) -> ImportReport:
    """Import every file that can go in; refuse, each with one line naming it, those
    that cannot (#20: a folder of old stories with one damaged file still comes in).

    The files that go in are stored in ONE transaction, as ``import_files`` does; a
    refused file writes nothing. A file whose problem shows only while the batch is
    stored (two files claiming one article) is refused and the batch stored again
    without it.
    """
    report = ImportReport()
    incoming: list[Incoming] = []
    for path in paths:
        try:
            incoming.append(read_incoming(path, has_asset=library.has_asset))
        except InputError as exc:
            report.refused.append(Refusal(str(path), _naming(str(path), exc)))
    while incoming:
        try:
            report.results = import_incoming(library, incoming, who=who, role=role,
                                             correction=correction)
            break
        except InputError as exc:
            culprit = _culprit(incoming, str(exc))
            if culprit is None:
                raise
            incoming.remove(culprit)
            report.refused.append(Refusal(culprit.source, str(exc)))
    order = {str(p): n for n, p in enumerate(paths)}
    report.refused.sort(key=lambda r: order.get(r.source, len(order)))
    return report


def _naming(source: str, exc: Exception) -> str:
    message = str(exc)
    return message if source in message else f"{source}: {message}"


def _culprit(incoming: list[Incoming], message: str) -> Incoming | None:
    """The file an error names (the longest source that starts the message)."""
    named = [item for item in incoming if message.startswith(item.source)]
    return max(named, key=lambda item: len(item.source)) if named else None


def import_articles(library: Library, articles: list[tuple[str, Article]], *, who: str = "",
                    role: Role | str | None = None, correction: bool = False,
                    trusted_status: bool = False) -> list[ImportResult]:
    """Store parsed articles (``(source, article)`` pairs) in ONE transaction.

    ``trusted_status`` keeps every status as the file says: only for Byline's own
    sample articles, which come with the program.
    """
    return import_incoming(library, [Incoming(source, article) for source, article in articles],
                           who=who, role=role, correction=correction,
                           trusted_status=trusted_status)


def import_incoming(library: Library, incoming: list[Incoming], *, who: str = "",
                    role: Role | str | None = None, correction: bool = False,
                    trusted_status: bool = False) -> list[ImportResult]:
    """Check every file against the library, then write them all in one transaction.

    Related slugs in front matter (``related: [...]``) are pinned once every
    article of the batch exists, so a batch may reference itself in any order.
    """
    role = Role.parse(role) if role else current_role(library)
    results: list[ImportResult] = []
    with library.transaction():
        plans = _plan(library, incoming, role=role, correction=correction)
        ids = [_store(library, plan, who=who) for plan in plans]
        for plan, article_id in zip(plans, ids, strict=True):
            _pin_related(library, plan, article_id)
        for plan, article_id in zip(plans, ids, strict=True):
            if plan.existing is None:
                _apply_imported_status(library, plan, article_id, role=role, who=who,
                                       trusted=trusted_status)
            stored = library.get_article(article_id)
            action = ("imported" if plan.existing is None
                      else "updated" if plan.changed else "unchanged")
            results.append(ImportResult(stored.id, stored.slug, stored.title,
                                        plan.existing is None, plan.incoming.source, action,
                                        tuple(plan.notes)))
    return results


# -- checking (no writes) ---------------------------------------------------------------

def _name(incoming: Incoming) -> str:
    return pathlib.Path(incoming.source).name or incoming.source


def _plan(library: Library, incoming: list[Incoming], *, role: Role, correction: bool) -> list[_Plan]:
    """What to do with each file, or InputError naming the first file that cannot go in."""
    plans: list[_Plan] = []
    claimed: dict[str, str] = {}  # article uuid or explicit slug -> the file that claims it
    for item in incoming:
        source = item.source
        try:
            plan = _plan_one(library, item, role=role, correction=correction)
        except InputError as exc:
            message = str(exc)
            raise InputError(message if message.startswith(source)
                             else f"{source}: {message}") from None
        key = (f"id:{plan.existing}" if plan.existing is not None
               else f"uuid:{item.article.uuid}" if item.article.uuid
               else f"slug:{plan.slug}" if plan.slug else "")
        if key and key in claimed:
            raise InputError(f"{source}: {claimed[key]} in the same import is this article "
                             "too; import them one at a time")
        if key:
            claimed[key] = _name(item)
        if item.images is not None:
            plan.notes.extend(item.images.notes)
        plans.append(plan)
    return plans


def _plan_one(library: Library, item: Incoming, *, role: Role, correction: bool) -> _Plan:
    article = item.article
    plan = _Plan(item)
    fields = validate_fields({name: getattr(article, name) for name in _CHANGED_FIELDS})
    article.tags = [clean_tag_name(t) for t in article.tags]
    uuid = article.uuid or item.bundle_uuid
    article.uuid = uuid
    named = library.find_article_id(uuid=uuid) if uuid else None
    if named is None and article.slug:
        by_slug = library.find_article_id(slug=article.slug)
        if by_slug is not None and uuid and library.get_article(by_slug).uuid != uuid:
            # Same slug, but Byline's export of ANOTHER article: ours stays as it is.
            plan.notes.append(f"{_name(item)}: the slug '{article.slug}' belongs to another "
                              "article here; imported as a new article")
            plan.slug = _free_slug(library, article.slug)
        else:
            named = by_slug
            plan.slug = article.slug
    elif named is None:
        plan.slug = ""
    _check_related_to_itself(library, article, named, plan.slug)
    if named is None:
        same_title = _same_title(library, article.title)
        if same_title and not article.slug:
            plan.notes.append(f"{_name(item)}: '{same_title}' has the same title; this file "
                              "names no slug, so it is a new article (add 'slug: "
                              f"{same_title}' to update that one instead)")
        return plan
    plan.existing = named
    current = library.get_article(named)
    plan.changed = _differs(library, current, fields, article.tags)
    if not plan.changed:
        return plan
    refusal = edit_refusal(current)
    if refusal is None:
        return plan
    if not correction:
        raise InputError(f"would change '{current.slug}', which is {current.status.value}; "
                         f"reopen it for correction first (byline status {current.slug} "
                         "in_review --as editor) or import with --correction")
    if role != CORRECTION_ROLE:
        raise InputError(f"'{current.slug}' is {current.status.value}; only an editor can "
                         f"reopen it for correction (you act as {role.with_article})")
    plan.reopen = True
    return plan


def _free_slug(library: Library, base: str) -> str:
    """``base-2``, ``base-3``… the first not taken (the library's own rule for new slugs)."""
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: 80 - len(suffix)].rstrip("-") + suffix
        if library.find_article_id(slug=candidate) is None:
            return candidate
        n += 1


def _same_title(library: Library, title: str) -> str:
    """The slug of an article whose title-derived slug this title would take, if any."""
    slug = slugify(title)
    existing = library.find_article_id(slug=slug) if slug else None
    return library.get_article(existing).slug if existing is not None else ""


def _check_related_to_itself(library: Library, article: Article, named: int | None, slug: str) -> None:
    own = {slug} if slug else set()
    if named is not None:
        own.add(library.get_article(named).slug)
    for other in article.extra.get("related", []):
        if str(other) in own:
            raise InputError(f"related: '{other}' is the article itself")


def _differs(library: Library, current: Article, fields: dict, tags: list[str]) -> bool:
    """Whether storing the file would change the article (text, metadata or tags)."""
    for name in _CHANGED_FIELDS:
        mine = getattr(current, name)
        theirs = json.loads(fields[name]) if name == "extra" else fields[name]
        if name == "kind":
            mine = mine.value
        if mine != theirs:
            return True
    return _canonical_tags(library, tags) != list(current.tags)


def _canonical_tags(library: Library, tags: list[str]) -> list[str]:
    """Tag names as the vocabulary would store them (aliases folded, duplicates dropped)."""
    out: list[str] = []
    for name in tags:
        tag = library.find_tag(name)
        canonical = tag.name if tag is not None else name
        if canonical not in out:
            out.append(canonical)
    return out


# -- writing (inside the one transaction) -------------------------------------------------

def _store(library: Library, plan: _Plan, *, who: str) -> int:
    item, article = plan.incoming, plan.incoming.article
    if plan.existing is not None and not plan.changed:
        return plan.existing
    if item.images is not None:
        for data, name, mime in item.images.assets.values():
            library.add_asset(data, name=name, mime=mime)
    try:
        if plan.existing is None:
            draft = Article(**{**article.__dict__, "slug": plan.slug, "status": Status.DRAFT})
            return library.create_article(draft, author=who or article.author,
                                          reason="import").id
        if plan.reopen:
            reopen_for_correction(library, plan.existing, role=CORRECTION_ROLE, who=who,
                                  note=f"import of {_name(item)}")
        fields = {name: getattr(article, name) for name in _CHANGED_FIELDS}
        library.update_article(plan.existing, tags=article.tags, who=who,
                               revision_reason="import", **fields)
        return plan.existing
    except InputError as exc:
        raise InputError(f"{item.source}: {exc}") from None


def _pin_related(library: Library, plan: _Plan, article_id: int) -> None:
    """Pin the file's related slugs that can be pinned; name the others in the notes."""
    wanted = [str(r) for r in plan.incoming.article.extra.get("related", [])]
    if not wanted:
        return
    pinned = {a.slug: a.status for a in library.pinned_related(article_id)}
    for other in wanted:
        if other in pinned:
            if pinned[other] == Status.SPIKED.value:
                plan.notes.append(f"{_name(plan.incoming)}: related '{other}' is spiked; it "
                                  "will not run under the story")
            continue
        try:
            library.pin_related(article_id, other)
        except NotFoundError:
            plan.notes.append(f"{_name(plan.incoming)}: related '{other}' is not in the "
                              "library; kept in the front matter, pin it once it is")
        except InputError as exc:
            if "spiked" in str(exc):
                plan.notes.append(f"{_name(plan.incoming)}: related '{other}' is spiked; "
                                  "not pinned")
            else:
                raise InputError(f"{plan.incoming.source}: related: {exc}") from None


def status_path(target: Status) -> list[Status]:
    """The shortest way through the workflow table from draft to ``target`` (any role)."""
    previous: dict[Status, Status | None] = {Status.DRAFT: None}
    queue = deque([Status.DRAFT])
    while queue:
        current = queue.popleft()
        for (frm, to) in TRANSITIONS:
            if frm == current and to not in previous:
                previous[to] = current
                queue.append(to)
    if target not in previous:
        return [Status.DRAFT]
    path = [target]
    while previous[path[-1]] is not None:
        path.append(previous[path[-1]])
    return path[::-1]


def _apply_imported_status(library: Library, plan: _Plan, article_id: int, *, role: Role, who: str,
                           trusted: bool) -> None:
    """Give a new article the file's status as far as ``role`` could have moved it.

    Each step of the way must be one ``role`` may make; approval and publishing
    must also pass the pre-flight check (no override on import).  The trail
    records one "imported" entry from draft to where it stopped.
    """
    wanted = Status.parse(plan.incoming.article.status)
    name = _name(plan.incoming)
    if wanted == Status.DRAFT:
        return
    reached, why = Status.DRAFT, ""
    if trusted:
        reached = wanted
    else:
        path = status_path(wanted)
        for frm, to in zip(path, path[1:], strict=False):
            if role not in TRANSITIONS[(frm, to)]:
                why = f"{role.with_article} may not move it from {frm.value} to {to.value}"
                break
            if is_gated(frm, to):
                result = preflight(library, article_id)
                if not result.ok:
                    codes = ", ".join(i.code for i in result.errors)
                    why = f"the pre-flight check for {to.value} failed: {codes}"
                    break
            reached = to
    note = f"imported from {name}"
    if reached != wanted:
        note += f" (the file says {wanted.value})"
        plan.notes.append(f"{name}: status: the file says {wanted.value}; imported as "
                          f"{reached.value} ({why})")
    if reached != Status.DRAFT:
        try:
            library.record_status_event(article_id, Status.DRAFT, reached, who=who,
                                        role="" if trusted else role.value, note=note,
                                        apply=True)
        except BylineError as exc:
            raise InputError(f"{plan.incoming.source}: {exc}") from None
