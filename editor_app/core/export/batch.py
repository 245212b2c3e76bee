"""How a batch is spread over the cores: export processes or threads, same bytes either way.

A batch of PROCESS_MIN_ARTICLES or more goes to export processes
(procpool.py) that each check, render, assemble and write whole articles, so
templates, JSON and hashing run on every core instead of taking turns on one
interpreter's GIL; the command line's own process works too.  Smaller exports
(the GUI's usual single article) use threads sharing one Renderer, whose
Markdown conversion runs in its own child processes.  Either way every
article runs ``article_export.export_one`` and reports one outcome.
"""

from __future__ import annotations

import collections
import concurrent.futures
import functools
import pathlib
import queue
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from editor_app.core.errors import BylineError
from editor_app.core.export import archive, procpool
from editor_app.core.export.article_export import (
    Cancelled,
    ExportResult,
    export_one,
    failure_message,
    write_bundle,
)
from editor_app.core.export.report import ExportedArticle, ExportReport

if TYPE_CHECKING:
    from editor_app.core.library import Library

# Below this many articles, starting export processes costs more than it saves.
PROCESS_MIN_ARTICLES = 24
# Articles handed to an export process at a time (fewer when the batch is small).
CHUNK_ARTICLES = 8
Progress = Callable[[int, int, str], None]


def export_batch(library: Library, ids, root, site, *, force, progress, cancel, workers, render_timeout,
                report, in_zip, preflight, processes=None, caller_works=False,
                reapers=None, started=None, take_over=False) -> list[ExportResult]:
    """Export ``ids``, recording each outcome in ``report`` as it arrives (progress in this
    thread); returns the articles exported.  See runner.export_articles for the options."""
    done: list[ExportResult] = []
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
                                reapers=reapers, pool=started, take_over=take_over)
    else:
        if started is not None:
            started.close()
        run = functools.partial(_run_in_threads, take_over=take_over)
    failure: list[BaseException] = []

    def work() -> None:
        try:
            run(library, ids, root, site, force, preflight, workers, render_timeout, cancel,
                results.put)
        except BaseException as exc:  # noqa: BLE001 - raised again below, in the caller's thread
            failure.append(exc)
        finally:
            results.put(_ALL_DONE)

    worker = threading.Thread(target=work, name="byline-export")
    worker.start()
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
        worker.join()
    if failure:
        if isinstance(failure[0], OSError):
            raise BylineError(f"could not start the export: {failure[0]}") from None
        raise failure[0]
    return done


_ALL_DONE = object()


def _record(library: Library, report: ExportReport, done: list[ExportResult], aid: int, outcome: tuple,
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
            write_bundle(root, result.bundle.slug, files, cancel)
        except Cancelled:
            return None
    done.append(result)
    report.notes.extend(result.bundle.notes)
    path = str(in_zip) if in_zip else str(root / result.bundle.slug)
    report.exported.append(ExportedArticle(result.id, result.bundle.slug, path))
    return result.bundle.slug


def _can_use_processes(library: Library) -> bool:
    """Export processes open the library file themselves: it must be one, with nothing
    uncommitted on this connection (they could not see it, and would wait for its lock)."""
    path = getattr(library, "path", None)
    return (path is not None and pathlib.Path(path).is_file()
            and not library.in_transaction)


def _outcome_of(call: Callable[[], tuple]) -> tuple:
    try:
        return call()
    except Cancelled:
        return ("cancelled",)
    except Exception as exc:  # noqa: BLE001 - a bug must cost one article, not the batch
        return ("error", failure_message(exc))


def _run_in_threads(library: Library, ids, root, site, force, preflight, workers, render_timeout, cancel,
                    put, take_over: bool = False) -> None:
    """``workers`` threads sharing one Renderer (whose conversions run in its own processes)."""
    from editor_app.core.render import Renderer

    renderer = Renderer(timeout=render_timeout, date_format=site.date_format, workers=workers)

    def one(aid: int) -> None:
        def call() -> tuple:
            result, _ = export_one(library, aid, root, site, renderer, force=force,
                                   preflight=preflight, cancel=cancel, take_over=take_over)
            return ("done", result, None)

        put((aid, _outcome_of(call)))

    try:
        # After a cancel the remaining articles return at once (export_one checks it first).
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


def _run_in_processes(library: Library, ids, root, site, force, preflight, workers, render_timeout,
                      cancel, put, in_process: bool = False,
                      reapers: list | None = None,
                      pool: procpool.ProcessPool | None = None,
                      take_over: bool = False) -> None:
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
            force=force, preflight=preflight, ids=chunk, take_over=take_over)

    reported: set[int] = set()

    def on_result(aid: int, outcome: tuple) -> None:
        reported.add(aid)
        put((aid, outcome))

    def work_here() -> None:
        from editor_app.core.export.inline_render import InlineRenderer

        renderer = InlineRenderer(date_format=site.date_format)
        while chunk := take():
            for aid in chunk:
                on_result(aid, _outcome_of(lambda aid=aid: ("done", export_one(
                    library, aid, root, site, renderer, force=force, preflight=preflight,
                    cancel=cancel, take_over=take_over)[0], None)))

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
            on_result(aid, ("cancelled",))
    for aid in ids:  # a worker thread that died of a bug must not lose its articles
        if aid not in reported:
            on_result(aid, ("error", "internal error: the export worker stopped"))


def _notify(progress: Progress | None, done: int, total: int, slug: str) -> None:
    if progress is not None:
        progress(done, total, slug)


def _slug_of(library: Library, article_id: int) -> str:
    try:
        return library.get_article(article_id).slug
    except BylineError:
        return str(article_id)
