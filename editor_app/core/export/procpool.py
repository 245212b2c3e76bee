"""Export worker processes: each renders, assembles and writes whole bundles.

A batch spends nearly all its time in Python code (Markdown, templates, JSON,
YAML), so threads in one interpreter take turns on the GIL and a second core
helps only with the Markdown the Renderer ships to its own processes, one
block at a time.  Here each child does the whole article (inline_render.py,
bundle.py, runner's atomic ``_write_bundle``), so two children keep two cores
busy.  The parent keeps what must stay in one place: the library (pre-flight
gate, revision snapshot, related stories, image bytes on request) and the report.

Children are fresh interpreters started by subprocess (fork+exec, as in
render/worker.py: safe in a Qt process, no re-import of ``__main__``), talking
pickles over a socket pair.  A child that overruns the time limit is killed and
replaced, so a pathological text costs its article, not the batch.

Protocol, one job at a time per child:
  child -> ("ready",)
  parent -> ("check", library path, article id)  the pre-flight checks (the spell pass is
  child -> ("checked", PreflightResult | None)    the slow part), on a connection of its own
  parent -> ("job", root or None, BundleJob)     root None: return the files (zip export)
  child -> ("need", [asset names])               only when the body uses images
  parent -> ("assets", {name: bytes | None})
  child -> ("done", BuiltBundle, files | None)  |  ("error", message)
"""

from __future__ import annotations

import pathlib
import queue
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection

from editor_app.core.child_process import ChildProcess
from editor_app.core.errors import BylineError
from editor_app.core.render import RenderError

# The first check in a child loads the spelling dictionary; a check is not a render
# and has no pathological inputs the Renderer's limit guards against.
CHECK_TIMEOUT = 60.0


def available() -> bool:
    """Frozen builds have no ``python -c``: they export with threads."""
    return not getattr(sys, "frozen", False)


# -- child ---------------------------------------------------------------------------
def _child_job(conn, renderers: dict, root: str | None, job):
    from editor_app.core.export.bundle import build_bundle, finish_files
    from editor_app.core.export.inline_render import InlineRenderer
    from editor_app.core.export.runner import _write_bundle

    site = job.site
    renderer = renderers.get(site.date_format)
    if renderer is None:
        renderer = renderers[site.date_format] = InlineRenderer(date_format=site.date_format)
    built = build_bundle(job, renderer)
    data: dict = {}
    if built.assets:
        conn.send(("need", list(built.assets)))
        reply = conn.recv()
        data = reply[1]
    files = finish_files(built, article=job.article, revision_number=job.revision_number,
                         tool_version=site.tool_version, asset_data=data)
    if root is None:
        return built, files
    _write_bundle(pathlib.Path(root), job.article.slug, files, threading.Event())
    built.files = {}  # written; no need to send the bytes back
    return built, None


def _child_preflight(libraries: dict, path: str, article_id: int):
    """The review module's pre-flight result, or None without that module."""
    try:
        from editor_app.core.review import preflight
    except ImportError:
        return None
    library = libraries.get(path)
    if library is None:
        from editor_app.core.library import Library

        library = libraries[path] = Library.open(path, create=False)
    return preflight(library, article_id)


def child_main() -> None:
    """Entry point of the export child: ``python -c ... <socket fd>``."""
    conn = Connection(int(sys.argv[1]))
    renderers: dict = {}
    libraries: dict = {}
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if message[0] == "check":
            try:
                conn.send(("checked", _child_preflight(libraries, message[1], message[2])))
            except BylineError as error:
                conn.send(("error", str(error)))
            except Exception as error:  # noqa: BLE001
                conn.send(("error", f"internal error: {type(error).__name__}: {error}"))
            continue
        if message[0] != "job":
            return
        _, root, job = message
        try:
            built, files = _child_job(conn, renderers, root, job)
            conn.send(("done", built, files))
        except BylineError as error:
            conn.send(("error", str(error)))
        except RecursionError:
            conn.send(("error", "could not render: the text is nested too deeply"))
        except Exception as error:  # noqa: BLE001 - a bug costs one article, not the batch
            conn.send(("error", f"internal error: {type(error).__name__}: {error}"))


# -- parent --------------------------------------------------------------------------
def _child_command(fd: int) -> list[str]:
    code = "from editor_app.core.export.procpool import child_main; child_main()"
    return [sys.executable, "-c", code, str(fd)]


class _Child(ChildProcess):
    """One export child interpreter (see editor_app.core.child_process)."""

    def __init__(self) -> None:
        super().__init__(_child_command, start_error=RenderError(
            "could not export: the export process did not start"))


class ProcessPool:
    """``size`` export children, each lent to one job at a time (thread-safe)."""

    def __init__(self, size: int, timeout: float) -> None:
        self.timeout = timeout
        self._idle: queue.SimpleQueue[_Child] = queue.SimpleQueue()
        self._all: list[_Child] = []
        self._lock = threading.Lock()
        for _ in range(max(1, size)):
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

    def preflight(self, library_path: str, article_id: int):
        """The pre-flight result for one article, checked in a child (None: no review module)."""
        return self._talk(("check", library_path, article_id), None, CHECK_TIMEOUT)[0]

    def export(self, job, root: str | None, fetch_assets):
        """(BuiltBundle, files or None) for one job; raises BylineError for this article."""
        return self._talk(("job", root, job), fetch_assets, self.timeout)

    def _talk(self, request, fetch_assets, timeout: float):
        child = self._idle.get()
        try:
            child.wait_ready()
            child.conn.send(request)
            deadline = time.monotonic() + timeout
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not child.conn.poll(remaining):
                    self._replace(child)
                    child = None
                    what = "render" if request[0] == "job" else "check"
                    raise RenderError(f"could not {what}: took longer than {timeout:g} s")
                message = child.conn.recv()
                if message[0] == "need":
                    child.conn.send(("assets", fetch_assets(message[1])))
                    continue
                if message[0] == "error":
                    raise BylineError(message[1])
                return message[1:]
        except (EOFError, OSError):
            self._replace(child)
            child = None
            raise RenderError("could not render: the export process stopped unexpectedly") from None
        except BylineError:
            raise
        except BaseException:
            if child is not None:
                self._replace(child)
                child = None
            raise
        finally:
            if child is not None:
                self._idle.put(child)

    def close(self) -> None:
        with self._lock:
            children, self._all = self._all, []
        for child in children:
            try:
                child.conn.close()  # EOF: the child leaves its loop
            except OSError:
                pass
        for child in children:
            try:
                child.process.wait(5)
            except subprocess.TimeoutExpired:
                child.kill()
