"""Exporting articles: one bundle per article, a listing and feed for a batch, or one zip.

``export_articles`` is the entry point: it prepares the output (a folder, or a
zip assembled in memory), has batch.py export every article, then writes the
batch's listing and feed and, for a zip, the archive.
"""

from __future__ import annotations

import dataclasses
import pathlib
import threading
import uuid as _uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

from editor_app.core.errors import InputError
from editor_app.core.export import archive, ownership, pages, procpool
from editor_app.core.export.article_export import ExportResult, site_settings
from editor_app.core.export.batch import Progress, export_batch
from editor_app.core.export.bundle import SiteSettings
from editor_app.core.export.paths import replace_file
from editor_app.core.export.report import ExportReport
from editor_app.core.render.language import page_language

if TYPE_CHECKING:
    from editor_app.core.library import Library

RENDER_TIMEOUT = 10.0  # export is not interactive, but a pathological text must still end
NO_SITE_URL = ("no site URL is set, so the pages have no canonical link and no og:url (Open "
               "Graph and search engines take only full addresses); set it in Edit ▸ "
               "Preferences ▸ Export, or in the export dialog")


def export_articles(library: Library, ids: Sequence[int], out_dir, *, zip_path=None, force: bool = False,
                    progress: Progress | None = None, cancel: threading.Event | None = None,
                    workers: int = 2, listing: bool | None = None,
                    render_timeout: float = RENDER_TIMEOUT,
                    preflight: bool = True, processes: bool | None = None,
                    caller_works: bool = False,
                    started: procpool.ProcessPool | None = None,
                    take_over: bool = False) -> ExportReport:
    """Export articles as bundles into ``out_dir`` (or one zip at ``zip_path``).

    Nothing Byline did not write is deleted or replaced (ownership.py): a
    folder whose listing or feed is someone else's is refused (InputError)
    before anything is written, unless ``listing=False`` (the articles only)
    or ``take_over`` (Byline's paths are replaced, nothing else is touched).
    A zip is written only when every article exported: after a failure the
    previous zip stays as it was (``report.zip_written`` False).

    A failing article (missing image, hostile slug, render error, failed
    pre-flight unless ``force``) is reported in ``failed``; the others still
    export.  ``listing`` (default: more than one article) adds OUT/index.html and
    OUT/feed.xml.  Raises BylineError only for problems of the whole export (the
    output folder, the site settings).  ``preflight=False`` skips the pre-flight
    gate; only for measuring the export alone (benchmarks/export.py).
    ``processes`` picks how: True renders, assembles and writes in ``workers``
    export processes (procpool.py), False in threads of this process sharing one
    Renderer; None (default) uses processes for batches of PROCESS_MIN_ARTICLES
    or more, where starting them pays off.  Both give the same bytes.
    ``caller_works``: with processes, this process is one of the ``workers``
    (the command line, which has nothing else to do; never the GUI, whose
    interpreter must stay free for typing).  ``started``: export processes the
    caller started early, used if the batch goes to
    processes, closed otherwise (procpool.start_processes).
    """
    ids = list(dict.fromkeys(int(i) for i in ids))
    site = dataclasses.replace(site_settings(library), batch=frozenset(ids))
    cancel = cancel or threading.Event()
    listing = len(ids) > 1 if listing is None else listing
    zip_target = pathlib.Path(zip_path).expanduser() if zip_path else None
    if zip_target is not None:
        if zip_target.is_dir():
            raise InputError(f"{zip_target}: is a folder, not a zip file; name a .zip file "
                             "to write")
        _check_parent(zip_target)
        root = archive.MemoryTree()
    else:
        root = _prepare_out_dir(out_dir)
        if listing:
            ownership.check_listing(root, take_over=take_over)
    report = ExportReport(out=str(zip_target or root))
    if not site.url:
        report.notes.append(NO_SITE_URL)
    reapers: list[threading.Thread] = []  # export processes exiting while the listing is written
    try:
        done = export_batch(library, ids, root, site, force=force, progress=progress,
                           cancel=cancel, workers=workers, render_timeout=render_timeout,
                           report=report, in_zip=zip_target, preflight=preflight,
                           processes=processes, caller_works=caller_works,
                           reapers=reapers, started=started, take_over=take_over)
        report.cancelled = cancel.is_set()
        if report.cancelled:
            return report
        if listing and done:
            _write_listing(root, done, site)
            report.listing = str(zip_target or root / "index.html")
        if zip_target is not None and done and not report.failed:
            archive.write_zip(root, zip_target)
            report.zip_written = True
    finally:
        root = None  # a MemoryTree can hold a lot; let it go
        for reaper in reapers:
            reaper.join()
    order = {aid: n for n, aid in enumerate(ids)}
    report.exported.sort(key=lambda e: order.get(e.id, 0))
    return report


def _check_parent(path: pathlib.Path) -> None:
    """The folder ``path`` goes into must exist; say which part is wrong when it does not."""
    if path.parent.is_dir():
        return
    for ancestor in path.parents:
        if ancestor.exists() and not ancestor.is_dir():
            raise InputError(f"{path}: {ancestor} is a file, not a folder")
        if ancestor.is_dir():
            break
    raise InputError(f"{path}: the folder {path.parent} does not exist")


def _prepare_out_dir(out_dir) -> pathlib.Path:
    root = pathlib.Path(out_dir).expanduser()
    if root.exists() and not root.is_dir():
        raise InputError(f"{root}: is a file, not a folder")
    _check_parent(root)
    try:
        root.mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(f"{root}: cannot create the folder ({exc.strerror})") from None
    return root.resolve()


def _write_listing(root, done: list[ExportResult], site: SiteSettings) -> None:
    """OUT/index.html and OUT/feed.xml from the entries each bundle's worker rendered."""
    ordered = sorted(done, key=lambda d: (d.bundle.date, d.bundle.updated, d.bundle.slug),
                     reverse=True)
    languages = {d.language for d in done}
    language = languages.pop() if len(languages) == 1 else ""
    page = page_language(language or "en")  # a batch in several languages: English words
    heading = site.publisher or page.words["articles"]
    feed_key = site.url or f"byline-export:{site.publisher}"
    context = dict(
        heading=heading, tool_version=site.tool_version, language=language,
        description=f"{len(ordered)} articles", publisher=site.publisher,
        canonical=pages.absolute(site.url, "") or "",
        feed_id=f"urn:uuid:{_uuid.uuid5(_uuid.NAMESPACE_URL, feed_key)}",
        updated=max(d.bundle.updated for d in ordered),
        self_href=pages.absolute(site.url, "feed.xml") or "feed.xml",
        alternate_href=pages.absolute(site.url, "") or "index.html",
    )
    listing = pages.render("listing.html.j2", **{**context, "language": page.tag},
                           direction=page.direction,
                           items=[Markup(d.bundle.listing_html) for d in ordered])
    feed = pages.render("feed.xml.j2", **context,
                        items=[Markup(d.bundle.feed_entry) for d in ordered])
    if isinstance(root, archive.MemoryTree):
        root.add("index.html", listing)
        root.add("feed.xml", feed)
    else:
        replace_file(root, "index.html", listing)
        replace_file(root, "feed.xml", feed)
        ownership.record_listing(root, {"index.html": listing, "feed.xml": feed},
                                 site.tool_version)
