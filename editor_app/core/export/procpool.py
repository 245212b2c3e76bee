"""Export worker processes: each checks, snapshots, renders, assembles and writes whole bundles.

A batch spends nearly all its time in Python code (Markdown, templates, JSON,
YAML, the pre-flight spell pass), so threads in one interpreter take turns on
the GIL.  Here each child opens the library itself and runs the whole of
``article_export.export_one`` for a chunk of articles, so two children keep two cores
busy and the parent only hands out chunks and collects one small result per
article (it would otherwise spend a third of a core on library reads and
pickling).  SQLite lets the children write their export snapshots side by side.

Children are fresh interpreters started by subprocess (fork+exec, as in
render/worker.py: safe in a Qt process, no re-import of ``__main__``), talking
pickles over a socket pair.  A child that overruns the time limit is killed and
replaced, so a pathological text costs its article, not the batch.

Protocol, one chunk at a time per child:
  child -> ("ready",)
  parent -> ("export", ExportRequest)
  then for each article of the chunk, in order:
  child -> ("checked", id)                 its pre-flight gate passed (starts the render clock;
                                           only when the request asks for pre-flight checks)
  child -> ("done", id, _Done, files|None) files only for a zip export (root None)
        |  ("error", id, message)
"""

from __future__ import annotations

import collections
import os
import pathlib
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from editor_app.core.child_process import ChildProcess
from editor_app.core.errors import BylineError

# The first pre-flight check in a child loads the spelling dictionary; a check is not a
# render and has no pathological inputs the Renderer's limit guards against.
CHECK_TIMEOUT = 60.0


# A frozen build has no separate Python: it re-runs its own executable with this flag.
WORKER_FLAG = "--byline-export-worker"


def run_if_worker() -> None:
    """For frozen builds: call first thing in main(); becomes an export worker when asked to."""
    if len(sys.argv) == 3 and sys.argv[1] == WORKER_FLAG:
        sys.argv = [sys.argv[0], sys.argv[2]]
        child_main()
        raise SystemExit(0)


@dataclass(frozen=True)
class ExportRequest:
    """One chunk of articles for a child; ``root`` None means return the files (zip)."""

    library_path: str
    root: str | None
    site: object  # SiteSettings
    force: bool
    preflight: bool
    ids: tuple[int, ...]
    take_over: bool = False  # replace what lies at the bundle's paths (ownership.py)


# -- child ---------------------------------------------------------------------------
class _ChildState:
    """What a child keeps between chunks: the open library and a renderer per date format."""

    def __init__(self) -> None:
        self.libraries: dict = {}
        self.renderers: dict = {}

    def library(self, path: str):
        library = self.libraries.get(path)
        if library is None:
            from editor_app.core.library import Library

            library = self.libraries[path] = Library.open(path, create=False)
        return library

    def renderer(self, date_format: str):
        from editor_app.core.export.inline_render import InlineRenderer

        renderer = self.renderers.get(date_format)
        if renderer is None:
            renderer = self.renderers[date_format] = InlineRenderer(date_format=date_format)
        return renderer


def _child_chunk(conn, state: _ChildState, request: ExportRequest) -> None:
    from editor_app.core.export import archive
    from editor_app.core.export.article_export import export_one, failure_message

    root = pathlib.Path(request.root) if request.root is not None else None
    try:
        library = state.library(request.library_path)
        renderer = state.renderer(request.site.date_format)
    except Exception as error:  # noqa: BLE001 - every article of the chunk reports it
        for article_id in request.ids:
            conn.send(("error", article_id, failure_message(error)))
        return
    for article_id in request.ids:
        try:
            done, files = export_one(
                library, article_id, root, request.site, renderer, force=request.force,
                preflight=request.preflight, take_over=request.take_over,
                # only a check needs its own clock (CHECK_TIMEOUT); a message per
                # article costs the parent a thread switch
                on_checked=(lambda aid=article_id: conn.send(("checked", aid)))
                if request.preflight else None)
            if files is not None:  # a zip's bundle: deflated here, on this core
                files = archive.compress_files(files)
            conn.send(("done", article_id, done, files))
        except Exception as error:  # noqa: BLE001 - a bug costs one article, not the batch
            conn.send(("error", article_id, failure_message(error)))


def _warm_up(state: _ChildState) -> None:
    """Load and compile what the first article needs while the parent is still starting.

    A command-line export starts its child before it imports anything itself, so
    this runs in parallel with the parent's own imports instead of after the
    first chunk arrives.  Nothing here may stop the child: it is only a head start.
    """
    try:
        from editor_app.core.models import Article
        from editor_app.core.render import DEFAULT_DATE_FORMAT, format_date
        from editor_app.core.render.article import ARTICLE_TEMPLATE
        from editor_app.core.render.templates import template

        renderer = state.renderer(DEFAULT_DATE_FORMAT)
        renderer.render_article(Article(title="Warm-up", body="A \"warm\" up.\n\n*Two*.\n",
                                        date="2024-01-01"))
        for name in ("page.html.j2", "listing-item.html.j2", "feed-entry.xml.j2", ARTICLE_TEMPLATE):
            template(name)
        format_date("2024-01-01", "en")  # Babel's locale data
        import yaml  # noqa: F401 - the front matter's emitter
    except Exception:  # noqa: BLE001, S110 - the first article will report any real problem
        pass


def child_main() -> None:
    """Entry point of the export child: ``python -c ... <socket fd>``."""
    conn = Connection(int(sys.argv[1]))
    state = _ChildState()
    conn.send(("ready",))
    _warm_up(state)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            break
        if message[0] != "export":
            break
        _child_chunk(conn, state, message[1])
    # Every bundle is written and closed, every snapshot committed: leave at once rather
    # than tear the interpreter down module by module (the export waits for this exit).
    for library in state.libraries.values():
        library.close()
    os._exit(0)


# -- parent --------------------------------------------------------------------------
def start_processes(workers: int = 2, *, caller_works: bool = False) -> ProcessPool | None:
    """Start a batch's export processes now, so they load while the caller is still
    importing and opening the library (``export_articles(..., started=…)`` uses them).

    Cheap to import: this module needs neither Markdown nor Jinja.  None when the caller
    is the only worker.
    """
    children = workers - 1 if caller_works else workers
    if children < 1:
        return None
    return ProcessPool(children, timeout=10.0)  # export_articles sets its own limit


def _child_command(fd: int) -> list[str]:
    if getattr(sys, "frozen", False):  # PyInstaller: the app binary dispatches (run_if_worker)
        return [sys.executable, WORKER_FLAG, str(fd)]
    code = "from editor_app.core.export.procpool import child_main; child_main()"
    return [sys.executable, "-c", code, str(fd)]


class _Child(ChildProcess):
    """One export child interpreter (see editor_app.core.child_process)."""

    def __init__(self) -> None:
        super().__init__(_child_command, start_error=BylineError(
            "could not export: the export process did not start"))


# (article id, ("done", ExportResult, files | None) | ("error", message))
ResultHandler = Callable[[int, tuple], None]


class ProcessPool:
    """``size`` export children, each driven by one thread at a time (thread-safe)."""

    def __init__(self, size: int, timeout: float) -> None:
        self.size = max(1, size)
        self.timeout = timeout
        self._idle: queue.SimpleQueue[_Child] = queue.SimpleQueue()
        self._all: list[_Child] = []
        self._lock = threading.Lock()
        for _ in range(self.size):
            self._add()

    def _add(self) -> None:
        child = _Child()
        with self._lock:
            self._all.append(child)
        self._idle.put(child)

    def _replace(self, child: _Child) -> None:
        child.kill()
        with self._lock:
            if child in self._all:
                self._all.remove(child)
        self._add()

    def drive(self, take: Callable[[], tuple[int, ...] | None],
              request_for: Callable[[tuple[int, ...]], ExportRequest],
              on_result: ResultHandler) -> None:
        """Feed one child chunks from ``take`` until it returns None; one ``on_result`` per id.

        Two chunks stay queued in the child, so it never waits for this process
        to hand it the next one.  An article that overruns (CHECK_TIMEOUT for its
        pre-flight check, the pool's timeout from then on) or kills its child
        fails alone; what was queued behind it goes to the replacement child.
        """
        child = self._idle.get()
        pending: collections.deque[int] = collections.deque()  # sent, in the child's order
        chunk_sizes: collections.deque[int] = collections.deque()
        retry: list[int] = []
        preflight = False
        try:
            child.wait_ready()
            while True:
                while len(chunk_sizes) < 2:
                    chunk = tuple(retry) if retry else take()
                    retry = []
                    if not chunk:
                        break
                    request = request_for(chunk)
                    preflight = request.preflight
                    child.conn.send(("export", request))
                    pending.extend(chunk)
                    chunk_sizes.append(len(chunk))
                if not pending:
                    return
                failure = self._next_result(child, pending[0], preflight, on_result)
                if failure is None:
                    pending.popleft()
                    chunk_sizes[0] -= 1
                    if chunk_sizes[0] == 0:
                        chunk_sizes.popleft()
                    continue
                # The child is gone: the article it was on fails, the rest starts over.
                on_result(pending.popleft(), ("error", failure))
                retry = list(pending)
                pending.clear()
                chunk_sizes.clear()
                self._replace(child)
                child = self._idle.get()
                child.wait_ready()
        except BylineError as error:  # a child that does not start
            for article_id in [*pending, *retry]:
                on_result(article_id, ("error", str(error)))
            while chunk := take():
                for article_id in chunk:
                    on_result(article_id, ("error", str(error)))
        finally:
            self._idle.put(child)

    def _next_result(self, child: _Child, article_id: int, preflight: bool,
                     on_result: ResultHandler) -> str | None:
        """Wait for ``article_id``'s outcome and report it; a failure message if the child died."""
        limit = CHECK_TIMEOUT if preflight else self.timeout
        deadline = time.monotonic() + limit
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not child.conn.poll(remaining):
                    what = "check" if limit == CHECK_TIMEOUT and preflight else "render"
                    return f"could not {what}: took longer than {limit:g} s"
                message = child.conn.recv()
                if message[1] != article_id:  # cannot happen: the child works in order
                    return "could not render: the export process got out of step"
                if message[0] == "checked":
                    limit = self.timeout
                    deadline = time.monotonic() + limit
                    continue
                on_result(article_id, (message[0], *message[2:]))
                return None
        except (EOFError, OSError):
            return "could not render: the export process stopped unexpectedly"

    def close(self) -> threading.Thread | None:
        """Tell every child to leave; returns the thread reaping them (join it when done).

        An idle child only needs EOF to finish, and its interpreter's shutdown
        should not hold up the listing the export writes next.
        """
        with self._lock:
            children, self._all = self._all, []
        for child in children:
            try:
                child.conn.close()  # EOF: the child leaves its loop
            except OSError:
                pass
        if not children:
            return None
        reaper = threading.Thread(target=_reap, args=(children,), name="byline-export-reap",
                                  daemon=True)
        reaper.start()
        return reaper


def _reap(children: list[_Child]) -> None:
    for child in children:
        try:
            child.process.wait(5)
        except subprocess.TimeoutExpired:
            child.kill()


