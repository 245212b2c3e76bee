"""One article from the library to a bundle: pre-flight gate, snapshot, render, write.

``export_one`` is what every way of exporting runs per article, in a thread of
this process or in an export process (procpool.py).  A bundle is built in a
temporary folder inside the output folder and renamed into place, so an
interrupted export leaves whole bundles or the previous ones.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor_app import __version__
from editor_app.core.errors import BylineError, InputError
from editor_app.core.export import archive, ownership
from editor_app.core.export.bundle import (
    BuiltBundle,
    BundleJob,
    RelatedInput,
    SiteSettings,
    build_bundle,
    finish_files,
)
from editor_app.core.export.pages import clean_site_url
from editor_app.core.export.paths import (
    check_relative,
    make_temp_dir,
    remove_tree,
    replace_dir,
    safe_join,
    write_tree,
)
from editor_app.core.render.dates import DEFAULT_DATE_FORMAT, LEGACY_DEFAULT_FORMAT
from editor_app.core.text import is_valid_slug

if TYPE_CHECKING:
    from editor_app.core.library import Library


class Cancelled(BylineError):
    """The user cancelled the export."""


@dataclass
class ExportResult:
    """One exported article, as the batch needs it for the report and the listing."""

    id: int
    uuid: str
    author: str
    tags: list[str]
    bundle: BuiltBundle
    language: str = ""


def site_settings(library: Library) -> SiteSettings:
    """Site URL, publisher and house date format from the library (they travel with it).

    The one reader of the ``site.*`` settings; ``save_site_settings`` is the one writer.
    """
    return SiteSettings(
        url=clean_site_url(library.get_setting("site.url", "")),
        publisher=str(library.get_setting("site.publisher", "") or "").strip(),
        date_format=_house_format(library.get_setting("site.date_format", "")),
        tool_version=__version__,
    )


def _house_format(stored) -> str:
    """The house date format; "" (the default) writes dates in the article's language.

    Libraries made before #18 stored "%-d %B %Y", which meant the same thing.
    """
    value = str(stored or "").strip()
    return DEFAULT_DATE_FORMAT if value == LEGACY_DEFAULT_FORMAT else value


def save_site_settings(library: Library, *, url: str, publisher: str, date_format: str) -> SiteSettings:
    """Check and store the site settings; InputError naming the bad field writes nothing."""
    url = clean_site_url(url)
    date_format = _house_format(date_format)
    if date_format and "%" not in date_format:
        raise InputError("date format: needs at least one % code, like %d.%m.%Y, "
                         "or nothing for the article's language")
    library.set_setting("site.url", url)
    library.set_setting("site.publisher", publisher.strip())
    library.set_setting("site.date_format", date_format)
    return site_settings(library)


def _preflight_gate(library: Library, article_id: int, force: bool) -> None:
    """Refuse an article failing error-level pre-flight checks, unless forced (#6).

    A forced export of a failing article goes through the review module's
    ``gate_export`` so the override is recorded in the article's trail.
    Without the review module the gate is skipped.
    """
    try:
        from editor_app.core.review import gate_export, preflight
    except ImportError:
        return
    if force:
        gate_export(library, article_id, force=True)
        return
    result = preflight(library, article_id)
    errors = [item.message for item in result.items if item.level == "error"]
    if errors:
        raise InputError("pre-flight check failed: " + "; ".join(errors)
                         + " (export with force to override)")


def _prepare_job(library: Library, article_id: int, root, site: SiteSettings, *, force: bool,
                 preflight: bool, cancel: threading.Event,
                 on_checked: Callable[[], None] | None) -> BundleJob:
    """The library side of one article: checks, pre-flight gate, revision snapshot, related."""
    if cancel.is_set():
        raise Cancelled("cancelled")
    article = library.get_article(article_id)
    if not is_valid_slug(article.slug):
        raise InputError(f"slug {article.slug[:60]!r} cannot be a folder name")
    _check_target(root, article.slug)
    if article.status.value == "spiked" and not force:
        raise InputError("the article is spiked (export with force to publish it anyway)")
    if preflight:
        _preflight_gate(library, article_id, force)
    if on_checked is not None:
        on_checked()
    article, number, created = library.export_snapshot(article_id)
    related = [_related_input(row) for row in library.export_related(article_id)]
    return BundleJob(article=article, revision_number=number, revision_created=created,
                     related=related, site=site)


def asset_data(library: Library, names: list[str]) -> dict[str, bytes | None]:
    """The library's bytes for each ``<sha256>.<ext>`` name, None where it has none."""
    missing = set(library.missing_assets(names))
    return {name: None if name in missing else library.asset_data(name.split(".", 1)[0])
            for name in names}


def _done(job: BundleJob, built: BuiltBundle) -> ExportResult:
    article = job.article
    return ExportResult(id=article.id, uuid=article.uuid, author=article.author,
                        tags=list(article.tags), bundle=built, language=article.language or "")


def export_one(library: Library, article_id: int, root, site: SiteSettings, renderer, *, force: bool,
               preflight: bool = True, cancel: threading.Event | None = None,
               on_checked: Callable[[], None] | None = None,
               take_over: bool = False) -> tuple[ExportResult, dict | None]:
    """Export one article: pre-flight gate, snapshot, render, assemble, write.

    ``root`` is the output folder or a MemoryTree (zip); None returns the files
    instead of writing them (an export process sending a zip's bundle back).
    ``on_checked`` runs once the pre-flight gate has passed.  Raises
    BylineError for this article.
    """
    job = _prepare_job(library, article_id, root, site, force=force, preflight=preflight,
                       cancel=cancel or threading.Event(), on_checked=on_checked)
    built = build_bundle(job, renderer)
    files = finish_files(built, article=job.article, revision_number=job.revision_number,
                         tool_version=site.tool_version,
                         asset_data=asset_data(library, built.assets))
    built.files = {}  # in ``files`` now; keeps what goes back to the parent small
    if root is None:
        return _done(job, built), files
    write_bundle(root, job.article.slug, files, cancel or threading.Event(), take_over=take_over)
    return _done(job, built), None


def failure_message(error: BaseException) -> str:
    """The one line an article's failure is reported with, wherever it was exported."""
    if isinstance(error, BylineError):
        return str(error)
    if isinstance(error, RecursionError):
        return "could not render: the text is nested too deeply"
    return f"internal error: {type(error).__name__}: {error}"  # a bug costs one article


def _related_input(row: dict) -> RelatedInput:
    from editor_app.core.render import make_excerpt

    return RelatedInput(id=row["id"], uuid=row["uuid"], slug=row["slug"], title=row["title"],
                        date=row["date"], excerpt=make_excerpt(row["summary"], row["body"]))


def _check_target(root, slug: str) -> None:
    if root is None or isinstance(root, archive.MemoryTree):
        check_relative(slug)
    else:
        safe_join(root, slug)


def write_bundle(root, slug: str, files: dict[str, bytes], cancel: threading.Event, *,
                 take_over: bool = False) -> None:
    """Write into a hidden temp folder, then swap it in; anything going wrong removes it.

    An existing folder is replaced only as far as Byline wrote it (ownership.py):
    every other file in it is carried over into the new bundle, untouched.
    """
    if isinstance(root, archive.MemoryTree):
        if cancel.is_set():
            raise Cancelled("cancelled")
        root.add_bundle(slug, files)
        return
    final = safe_join(root, slug)
    plan = ownership.plan_bundle(final, files, take_over=take_over)
    tmp = make_temp_dir(root, slug)
    moved: list[str] = []
    try:
        write_tree(tmp, files)
        tmp.chmod(0o755)
        if cancel.is_set():
            raise Cancelled("cancelled")
        if plan.keep:
            moved = ownership.carry_over(final, tmp, plan.keep)
        replace_dir(tmp, final)
    except OSError as exc:
        _undo(tmp, final, moved)
        raise InputError(f"{final}: cannot write the bundle ({exc.strerror or exc})") from None
    except BaseException:
        _undo(tmp, final, moved)
        raise


def _undo(tmp, final, moved: list[str]) -> None:
    """After a failure: files carried over go back to the old folder, then the temp one goes."""
    if moved:
        try:
            ownership.carry_back(tmp, final, moved)
        except OSError:
            return  # never remove a folder that still holds someone's files
    remove_tree(tmp)
