"""Exporting articles: one bundle per article, a listing and feed for a batch, or one zip.

Two ways to spread the work, same bytes either way.  A batch of
PROCESS_MIN_ARTICLES or more goes to ``workers`` export processes (procpool.py)
that each render, assemble and write whole bundles, so templates, JSON and
hashing run on both cores instead of taking turns on this interpreter's GIL.
Smaller exports (the GUI's usual single article) use ``workers`` threads
sharing one Renderer, whose Markdown conversion runs in its own child
processes.  Either way this process keeps the library work (pre-flight gate,
revision snapshot, related stories, image bytes).  Each bundle is built in a
temporary folder inside the output folder and renamed into place, so an
interrupted export leaves whole bundles or the previous ones.
"""

from __future__ import annotations

import collections
import concurrent.futures
import functools
import pathlib
import queue
import threading
import uuid as _uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from editor_app import __version__
from editor_app.core.errors import BylineError, InputError
from editor_app.core.export import archive, pages, procpool
from editor_app.core.export.bundle import (
    BuiltBundle,
    BundleJob,
    RelatedInput,
    SiteSettings,
    build_bundle,
    finish_files,
)
from editor_app.core.export.paths import (
    check_relative,
    make_temp_dir,
    remove_tree,
    replace_dir,
    replace_file,
    safe_join,
    write_tree,
)
from editor_app.core.text import is_valid_slug

DEFAULT_DATE_FORMAT = "%-d %B %Y"
# Below this many articles, starting export processes costs more than it saves.
PROCESS_MIN_ARTICLES = 24
# Articles handed to an export process at a time (fewer when the batch is small).
CHUNK_ARTICLES = 8
RENDER_TIMEOUT = 10.0  # export is not interactive, but a pathological text must still end
Progress = Callable[[int, int, str], None]


class Cancelled(BylineError):
    """The user cancelled the export."""


@dataclass(frozen=True)
class ExportedArticle:
    id: int
    slug: str
    path: str  # the bundle folder, or the zip that holds it

    def as_dict(self) -> dict:
        return {"id": self.id, "slug": self.slug, "path": self.path}


@dataclass
class ExportReport:
    """What happened: ``failed`` holds (slug, one-line message) pairs."""

    exported: list[ExportedArticle] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    out: str = ""          # the output folder or zip file
    listing: str = ""      # OUT/index.html of a batch, when written

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    def as_dict(self) -> dict:
        return {"exported": [e.as_dict() for e in self.exported],
                "failed": [{"slug": slug, "error": message} for slug, message in self.failed],
                "cancelled": self.cancelled, "out": self.out}

    def summary(self) -> str:
        text = f"{len(self.exported)} exported"
        if self.failed:
            text += f", {len(self.failed)} failed: " + "; ".join(f"{s}: {m}" for s, m in self.failed)
        if self.cancelled:
            text += " (cancelled)"
        return text


@dataclass
class _Done:
    id: int
    uuid: str
    author: str
    tags: list[str]
    bundle: BuiltBundle
    language: str = ""


def site_settings(library) -> SiteSettings:
    """Site URL, publisher and house date format from the library (they travel with it)."""
    return SiteSettings(
        url=pages.clean_site_url(library.get_setting("site.url", "")),
        publisher=str(library.get_setting("site.publisher", "") or "").strip(),
        date_format=str(library.get_setting("site.date_format", "") or DEFAULT_DATE_FORMAT),
        tool_version=__version__,
    )


def _preflight_gate(library, article_id: int, force: bool) -> None:
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


def export_articles(library, ids: Sequence[int], out_dir, *, zip_path=None, force: bool = False,
                    progress: Progress | None = None, cancel: threading.Event | None = None,
                    workers: int = 2, listing: bool | None = None,
                    render_timeout: float = RENDER_TIMEOUT,
                    preflight: bool = True, processes: bool | None = None,
                    caller_works: bool = False,
                    started: procpool.ProcessPool | None = None) -> ExportReport:
    """Export articles as bundles into ``out_dir`` (or one zip at ``zip_path``).

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
    site = site_settings(library)
    cancel = cancel or threading.Event()
    listing = len(ids) > 1 if listing is None else listing
    zip_target = pathlib.Path(zip_path).expanduser() if zip_path else None
    if zip_target is not None:
        if not zip_target.parent.is_dir():
            raise InputError(f"{zip_target}: the folder {zip_target.parent} does not exist")
        root = archive.MemoryTree()
    else:
        root = _prepare_out_dir(out_dir)
    report = ExportReport(out=str(zip_target or root))
    reapers: list[threading.Thread] = []  # export processes exiting while the listing is written
    try:
        done = _export_all(library, ids, root, site, force=force, progress=progress,
                           cancel=cancel, workers=workers, render_timeout=render_timeout,
                           report=report, in_zip=zip_target, preflight=preflight,
                           processes=processes, caller_works=caller_works,
                           reapers=reapers, started=started)
        report.cancelled = cancel.is_set()
        if report.cancelled:
            return report
        if listing and done:
            _write_listing(root, done, site)
            report.listing = str(zip_target or root / "index.html")
        if zip_target is not None and done:
            archive.write_zip(root, zip_target)
    finally:
        root = None  # a MemoryTree can hold a lot; let it go
        for reaper in reapers:
            reaper.join()
    order = {aid: n for n, aid in enumerate(ids)}
    report.exported.sort(key=lambda e: order.get(e.id, 0))
    return report


def _prepare_out_dir(out_dir) -> pathlib.Path:
    root = pathlib.Path(out_dir).expanduser()
    if root.exists() and not root.is_dir():
        raise InputError(f"{root}: is a file, not a folder")
    if not root.parent.is_dir():
        raise InputError(f"{root}: the folder {root.parent} does not exist")
    try:
        root.mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(f"{root}: cannot create the folder ({exc.strerror})") from None
    return root.resolve()


def _export_all(library, ids, root, site, *, force, progress, cancel, workers, render_timeout,
                report, in_zip, preflight, processes=None, caller_works=False,
                reapers=None, started=None) -> list[_Done]:
    done: list[_Done] = []
    total = len(ids)
    if not ids:
        if started is not None:
            started.close()
        return done
    workers = max(1, min(int(workers), total))
    if processes is None:
        processes = total >= PROCESS_MIN_ARTICLES and workers > 1
    results: queue.SimpleQueue = queue.SimpleQueue()  # (article id, outcome) from the workers
    if processes and _can_use_processes(library):
        run = functools.partial(_run_in_processes, in_process=caller_works and workers > 1,
                                reapers=reapers, pool=started)
    else:
        if started is not None:
            started.close()
        run = _run_in_threads
    failure: list[BaseException] = []

    def work() -> None:
        try:
            run(library, ids, root, site, force, preflight, workers, render_timeout, cancel,
                results.put)
        except BaseException as exc:  # noqa: BLE001 - raised again below, in the caller's thread
            failure.append(exc)
        finally:
            results.put(_ALL_DONE)

    runner = threading.Thread(target=work, name="byline-export")
    runner.start()
    finished = 0
    try:
        while True:
            item = results.get()
            if item is _ALL_DONE:  # every article has put its outcome before this
                break
            aid, outcome = item
            finished += 1
            slug = _record(library, report, done, aid, outcome, root, in_zip, cancel)
            if slug is not None:
                _notify(progress, finished, total, slug)
    finally:
        runner.join()
    if failure:
        if isinstance(failure[0], OSError):
            raise BylineError(f"could not start the export: {failure[0]}") from None
        raise failure[0]
    return done


_ALL_DONE = object()


def _record(library, report: ExportReport, done: list[_Done], aid: int, outcome: tuple,
            root, in_zip, cancel: threading.Event) -> str | None:
    """Put one article's outcome into the report; the slug to show, None for a cancelled one."""
    kind = outcome[0]
    if kind == "cancelled":
        return None
    if kind == "error":
        slug = _slug_of(library, aid)
        report.failed.append((slug, outcome[1]))
        return slug
    result, files = outcome[1], outcome[2]
    if files is not None:  # a zip export: the bundle comes back to go into the archive
        try:
            _write_bundle(root, result.bundle.slug, files, cancel)
        except Cancelled:
            return None
    done.append(result)
    path = str(in_zip) if in_zip else str(root / result.bundle.slug)
    report.exported.append(ExportedArticle(result.id, result.bundle.slug, path))
    return result.bundle.slug


def _can_use_processes(library) -> bool:
    """Export processes open the library file themselves: it must be one, with nothing
    uncommitted on this connection (they could not see it, and would wait for its lock)."""
    path = getattr(library, "path", None)
    return (path is not None and pathlib.Path(path).is_file()
            and not library.db.conn.in_transaction)


def _outcome_of(call: Callable[[], tuple]) -> tuple:
    try:
        return call()
    except Cancelled:
        return ("cancelled",)
    except BylineError as exc:
        return ("error", str(exc))
    except RecursionError:
        return ("error", "could not render: the text is nested too deeply")
    except Exception as exc:  # a bug must cost one article, not the batch
        return ("error", f"internal error: {type(exc).__name__}: {exc}")


def _run_in_threads(library, ids, root, site, force, preflight, workers, render_timeout, cancel,
                    put) -> None:
    """``workers`` threads sharing one Renderer (whose conversions run in its own processes)."""
    from editor_app.core.render import Renderer

    renderer = Renderer(timeout=render_timeout, date_format=site.date_format, workers=workers)

    def one(aid: int) -> None:
        def call() -> tuple:
            result, _ = export_one(library, aid, root, site, renderer, force=force,
                                   preflight=preflight, cancel=cancel)
            return ("done", result, None)

        put((aid, _outcome_of(call)))

    try:
        # After a cancel the remaining articles return at once (_prepare_job checks it).
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers,
                                                   thread_name_prefix="byline-export") as pool:
            for aid in ids:
                pool.submit(one, aid)
    finally:
        renderer.close()


def _chunks(ids: Sequence[int], workers: int) -> list[tuple[int, ...]]:
    """Chunks small enough to share the work evenly and to stop soon after a cancel."""
    size = max(1, min(CHUNK_ARTICLES, len(ids) // (workers * 4)))
    return [tuple(ids[i:i + size]) for i in range(0, len(ids), size)]


def _run_in_processes(library, ids, root, site, force, preflight, workers, render_timeout,
                      cancel, put, in_process: bool = False,
                      reapers: list | None = None,
                      pool: procpool.ProcessPool | None = None) -> None:
    """Export processes, each running ``export_one`` on chunks of articles.

    ``in_process``: this process is one of the ``workers`` (a worker thread with
    its own converter), so a command-line export starts one process fewer.
    """
    pending = collections.deque(_chunks(ids, workers))
    lock = threading.Lock()

    def take() -> tuple[int, ...] | None:
        with lock:
            if cancel.is_set() or not pending:
                return None
            return pending.popleft()

    in_memory = isinstance(root, archive.MemoryTree)

    def request_for(chunk: tuple[int, ...]) -> procpool.ExportRequest:
        return procpool.ExportRequest(
            library_path=str(library.path), root=None if in_memory else str(root), site=site,
            force=force, preflight=preflight, ids=chunk)

    def on_result(aid: int, outcome: tuple) -> None:
        put((aid, outcome))

    def work_here() -> None:
        from editor_app.core.export.inline_render import InlineRenderer

        renderer = InlineRenderer(date_format=site.date_format)
        while chunk := take():
            for aid in chunk:
                put((aid, _outcome_of(lambda aid=aid: ("done", export_one(
                    library, aid, root, site, renderer, force=force, preflight=preflight,
                    cancel=cancel)[0], None))))

    if pool is not None:  # started early by the caller
        pool.timeout = render_timeout
        children = pool.size
    else:
        children = workers - 1 if in_process else workers
        pool = procpool.ProcessPool(children, render_timeout) if children else None
    threads = [threading.Thread(target=pool.drive, args=(take, request_for, on_result),
                                name=f"byline-export-{n}") for n in range(children)]
    if in_process:
        threads.append(threading.Thread(target=work_here, name="byline-export-here"))
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        if pool is not None:
            reaper = pool.close()
            if reaper is not None and reapers is not None:
                reapers.append(reaper)
    for chunk in pending:  # left by a cancel
        for aid in chunk:
            put((aid, ("cancelled",)))


def _notify(progress: Progress | None, done: int, total: int, slug: str) -> None:
    if progress is not None:
        progress(done, total, slug)


def _slug_of(library, article_id: int) -> str:
    try:
        return library.get_article(article_id).slug
    except BylineError:
        return str(article_id)


def _prepare_job(library, article_id: int, root, site: SiteSettings, force: bool,
                 cancel: threading.Event, gate: Callable[[], None] | None,
                 on_checked: Callable[[], None] | None = None) -> BundleJob:
    """The library side of one article: checks, pre-flight ``gate``, revision snapshot, related."""
    if cancel.is_set():
        raise Cancelled("cancelled")
    article = library.get_article(article_id)
    if not is_valid_slug(article.slug):
        raise InputError(f"slug {article.slug[:60]!r} cannot be a folder name")
    _check_target(root, article.slug)
    if article.status.value == "spiked" and not force:
        raise InputError("the article is spiked (export with force to publish it anyway)")
    if gate is not None:
        gate()
    if on_checked is not None:
        on_checked()
    article, number, created = library.export_snapshot(article_id)
    related = [_related_input(row) for row in library.export_related(article_id)]
    return BundleJob(article=article, revision_number=number, revision_created=created,
                     related=related, site=site)


def asset_data(library, names: list[str]) -> dict[str, bytes | None]:
    """The library's bytes for each ``<sha256>.<ext>`` name, None where it has none."""
    missing = set(library.missing_assets(names))
    return {name: None if name in missing else library.asset_data(name.split(".", 1)[0])
            for name in names}


def _done(job: BundleJob, built: BuiltBundle) -> _Done:
    article = job.article
    return _Done(id=article.id, uuid=article.uuid, author=article.author, tags=list(article.tags),
                 bundle=built, language=article.language or "")


def export_one(library, article_id: int, root, site: SiteSettings, renderer, *, force: bool,
               preflight: bool = True, cancel: threading.Event | None = None,
               on_checked: Callable[[], None] | None = None) -> tuple[_Done, dict | None]:
    """Export one article: pre-flight gate, snapshot, render, assemble, write.

    ``root`` is the output folder or a MemoryTree (zip); None returns the files
    instead of writing them (an export process sending a zip's bundle back).
    ``on_checked`` runs once the pre-flight gate has passed.  Raises
    BylineError for this article.
    """
    cancel = cancel or threading.Event()
    gate = (lambda: _preflight_gate(library, article_id, force)) if preflight else None
    job = _prepare_job(library, article_id, root, site, force, cancel, gate, on_checked)
    built = build_bundle(job, renderer)
    files = finish_files(built, article=job.article, revision_number=job.revision_number,
                         tool_version=site.tool_version,
                         asset_data=asset_data(library, built.assets))
    built.files = {}  # in ``files`` now; keeps what goes back to the parent small
    if root is None:
        return _done(job, built), files
    _write_bundle(root, job.article.slug, files, cancel)
    return _done(job, built), None


def _related_input(row: dict) -> RelatedInput:
    from editor_app.core.render import make_excerpt

    return RelatedInput(id=row["id"], uuid=row["uuid"], slug=row["slug"], title=row["title"],
                        date=row["date"], excerpt=make_excerpt(row["summary"], row["body"]))


def _check_target(root, slug: str) -> None:
    if root is None or isinstance(root, archive.MemoryTree):
        check_relative(slug)
    else:
        safe_join(root, slug)


def _write_bundle(root, slug: str, files: dict[str, bytes], cancel: threading.Event) -> None:
    """Write into a hidden temp folder, then swap it in; anything going wrong removes it."""
    if isinstance(root, archive.MemoryTree):
        if cancel.is_set():
            raise Cancelled("cancelled")
        root.add_bundle(slug, files)
        return
    final = safe_join(root, slug)
    tmp = make_temp_dir(root, slug)
    try:
        write_tree(tmp, files)
        tmp.chmod(0o755)
        if cancel.is_set():
            raise Cancelled("cancelled")
        replace_dir(tmp, final)
    except OSError as exc:
        remove_tree(tmp)
        raise InputError(f"{final}: cannot write the bundle ({exc.strerror or exc})") from None
    except BaseException:
        remove_tree(tmp)
        raise


def _write_listing(root, done: list[_Done], site: SiteSettings) -> None:
    """OUT/index.html and OUT/feed.xml from the entries each bundle's worker rendered."""
    ordered = sorted(done, key=lambda d: (d.bundle.date, d.bundle.updated, d.bundle.slug),
                     reverse=True)
    heading = site.publisher or "Articles"
    languages = {d.language for d in done}
    language = languages.pop() if len(languages) == 1 else ""
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
    listing = pages.render("listing.html.j2", **{**context, "language": language or "en"},
                           items=[Markup(d.bundle.listing_html) for d in ordered])
    feed = pages.render("feed.xml.j2", **context,
                        items=[Markup(d.bundle.feed_entry) for d in ordered])
    if isinstance(root, archive.MemoryTree):
        root.add("index.html", listing)
        root.add("feed.xml", feed)
    else:
        replace_file(root, "index.html", listing)
        replace_file(root, "feed.xml", feed)
