"""Render worker processes: markdown conversion with a hard time limit.

Python-Markdown runs for minutes or dies with RecursionError on some inputs, and a
thread cannot be stopped, so conversion happens in a small pool of child processes.
A job that overruns its time is ended by killing the process; a fresh one takes its
place at once.  Children are fresh interpreters started by subprocess (fork+exec, safe in a
Qt process) talking pickles over a socket pair.  Keeping the work off the application's interpreter also keeps the GIL
free for typing.

Protocol over a Pipe, one job at a time per worker:
  child -> ("ready",) once imported and warmed up (WARM_UP_BLOCKS, WARM_UP_PAGE)
  parent -> ("blocks", texts, interview, quotes)  child -> ("ok", i, Fragment) | ("error", i, msg) ... ("done",)
  parent -> ("document", texts, interview, nonce, quotes)
                                                  child -> ("document", fragments, trailer) | ("error", 0, msg)
  parent -> ("page", article fields, body html, related items, date format)
                                                  child -> ("page", RenderedArticle) | ("error", 0, msg)
Results of "blocks" come one by one so that, on a timeout, the parent keeps what was
finished and knows which block was running.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from types import SimpleNamespace

from editor_app.core.child_process import ChildProcess
from editor_app.core.render.errors import RenderError
from editor_app.core.render.language import ENGLISH_QUOTES
from editor_app.core.render.rendered import RelatedItem

WORKER_FLAG = "--byline-render-worker"


#: converted once before the worker says it is ready: the first conversions of each
#: kind of block build Python-Markdown's and the sanitizer's machinery (some 40 ms),
#: better spent while the window is built than in the first preview's render (#20)
WARM_UP_BLOCKS = (
    "## A heading",
    "A paragraph with *emphasis*, **strength**, a [link](https://example.org) and \"quotes\".",
    "- a list\n- of items",
    "> a quotation",
    "Q: A question?",
    "A: An answer, with *emphasis*.",
)
#: and the page around a body made once: the template compiled, Babel's English data
#: loaded (the dateline), some 50 ms more
WARM_UP_PAGE = SimpleNamespace(kind="interview", language="en", title="Warm-up",
                               date="2020-10-20", summary="", interviewee="A", author="B")


def worker_main(conn) -> None:  # runs in the child
    from editor_app.core.render.article import build_article  # Jinja2, Babel
    from editor_app.core.render.convert import Converter

    converter = Converter()
    try:
        for interview in (True, False):
            for text in WARM_UP_BLOCKS:
                converter.render_block(text, interview)
        build_article(WARM_UP_PAGE, "<p>x</p>",
                      related=(RelatedItem("Warm-up", "warm-up", "2020-10-20"),))
    except Exception:  # noqa: BLE001 - the same failure is reported by the job that meets it
        converter = Converter()
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        op = message[0]
        if op == "blocks":
            _, texts, interview, quotes = message
            for index, text in enumerate(texts):
                try:
                    conn.send(("ok", index, converter.render_block(text, interview, quotes)))
                except RecursionError:
                    conn.send(("error", index, "the text is nested too deeply"))
                except Exception as error:  # noqa: BLE001 - any parser bug is a render failure
                    conn.send(("error", index, f"internal error ({type(error).__name__})"))
            conn.send(("done",))
        elif op == "document":
            _, texts, interview, nonce, quotes = message
            try:
                fragments, trailer = converter.render_document(texts, interview, nonce, quotes)
                conn.send(("document", fragments, trailer))
            except RecursionError:
                conn.send(("error", 0, "the text is nested too deeply"))
            except Exception as error:  # noqa: BLE001
                conn.send(("error", 0, f"internal error ({type(error).__name__})"))
        elif op == "page":
            _, fields, body_html, related, date_format = message
            try:
                conn.send(("page", build_article(SimpleNamespace(**fields), body_html,
                                                 related=related, date_format=date_format)))
            except Exception as error:  # noqa: BLE001
                conn.send(("error", 0, f"internal error ({type(error).__name__})"))
        elif op == "stop":
            return


def _child_main() -> None:
    """Entry point of the worker interpreter: ``python -c ... <socket fd>``."""
    conn = Connection(int(sys.argv[1]))
    try:
        worker_main(conn)
    except KeyboardInterrupt:
        pass


def worker_command(fd: int) -> list[str]:
    """The command line that starts a worker talking over socket ``fd``."""
    if getattr(sys, "frozen", False):  # PyInstaller: the app binary dispatches (see run_if_worker)
        return [sys.executable, WORKER_FLAG, str(fd)]
    code = "from editor_app.core.render.worker import _child_main; _child_main()"
    return [sys.executable, "-c", code, str(fd)]


def run_if_worker() -> None:
    """For frozen builds: call first thing in main(); becomes the worker when asked to."""
    if len(sys.argv) == 3 and sys.argv[1] == WORKER_FLAG:
        sys.argv = [sys.argv[0], sys.argv[2]]
        _child_main()
        raise SystemExit(0)


def _page_fields(article) -> dict:
    """What ``build_article`` reads of an article, as plain values to send a worker."""
    return {"kind": str(getattr(article.kind, "value", article.kind) or "news"),
            "language": str(getattr(article, "language", "") or ""),
            "title": article.title, "date": article.date, "summary": article.summary,
            "interviewee": article.interviewee, "author": article.author}


class _Worker(ChildProcess):
    """One renderer child interpreter (see editor_app.core.child_process)."""

    def __init__(self) -> None:
        super().__init__(worker_command, start_error=RenderError(
            "could not render: the renderer process did not start"))


@dataclass
class BlockResults:
    """What came back for a "blocks" job: fragments by index, and the first failure."""

    fragments: dict = field(default_factory=dict)
    failed_index: int | None = None
    message: str = ""


class WorkerPool:
    """Up to ``size`` worker processes, handed out to one job at a time (thread-safe)."""

    def __init__(self, *, size: int = 2, timeout: float = 2.0, prestart: bool = True) -> None:
        self.size = max(1, size)
        self.timeout = timeout
        self._idle: list[_Worker] = []
        self._count = 0
        self._closed = False
        self._cond = threading.Condition()
        if prestart:
            self._start_spare()

    # -- pool bookkeeping -------------------------------------------------------------
    def _start_spare(self) -> None:
        """Start a worker in the background of the next job (no waiting for imports)."""
        with self._cond:
            if self._closed or self._count >= self.size:
                return
            self._count += 1
        try:
            worker = _Worker()
        except Exception:  # noqa: BLE001 - the next job reports it
            with self._cond:
                self._count -= 1
            return
        with self._cond:
            self._idle.append(worker)
            self._cond.notify()

    def _acquire(self) -> _Worker:
        with self._cond:
            while True:
                if self._closed:
                    raise RenderError("could not render: the renderer is closed")
                if self._idle:
                    return self._idle.pop()
                if self._count < self.size:
                    self._count += 1
                    break
                self._cond.wait()
        try:
            return _Worker()
        except Exception as error:
            with self._cond:
                self._count -= 1
                self._cond.notify()
            raise RenderError(f"could not render: cannot start the renderer ({error})") from None

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            if not self._closed:
                self._idle.append(worker)
                self._cond.notify()
                return
        worker.kill()

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._cond:
            self._count -= 1
            self._cond.notify()
        self._start_spare()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._cond.notify_all()
        for worker in idle:
            try:
                worker.conn.send(("stop",))
            except OSError:
                pass
            worker.kill()

    # -- jobs -------------------------------------------------------------------------
    def _timeout_message(self) -> str:
        return f"could not render: took longer than {self.timeout:g} s"

    def render_blocks(self, texts: list[str], interview: bool,
                      quotes: str = ENGLISH_QUOTES) -> BlockResults:
        """Convert ``texts``; on a timeout or crash the failing index is reported."""
        results = BlockResults()
        worker = self._acquire()
        try:
            worker.wait_ready()
            worker.conn.send(("blocks", texts, interview, quotes))
            deadline = time.monotonic() + self.timeout
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not worker.conn.poll(remaining):
                    results.failed_index = len(results.fragments)
                    results.message = self._timeout_message()
                    self._discard(worker)
                    return results
                message = worker.conn.recv()
                if message[0] == "done":
                    break
                status, index, payload = message
                if status == "ok":
                    results.fragments[index] = payload
                elif results.failed_index is None:
                    results.failed_index = index
                    results.message = f"could not render: {payload}"
        except (EOFError, OSError):
            results.failed_index = len(results.fragments)
            results.message = "could not render: the renderer stopped unexpectedly"
            self._discard(worker)
            return results
        except BaseException:
            self._discard(worker)
            raise
        self._release(worker)
        return results

    def render_page(self, article, body_html: str, related, date_format: str):
        """The article around ``body_html`` (build_article, in the worker, where Jinja2
        and Babel are loaded already): a RenderedArticle, or raises RenderError."""
        message = self._ask(("page", _page_fields(article), body_html, tuple(related),
                             date_format))
        return message[1]

    def render_document(self, texts: list[str], interview: bool, nonce: str,
                        quotes: str = ENGLISH_QUOTES):
        """Whole-document conversion; returns (fragments, trailer) or raises RenderError."""
        message = self._ask(("document", texts, interview, nonce, quotes))
        return message[1], message[2]

    def _ask(self, request: tuple) -> tuple:
        """Send one request to a free worker and return its one answer; RenderError when
        it answers with an error, stops, or overruns the time limit (it is then killed)."""
        worker = self._acquire()
        try:
            worker.wait_ready()
            worker.conn.send(request)
            finished = worker.conn.poll(self.timeout)
            message = worker.conn.recv() if finished else None
        except (EOFError, OSError):
            self._discard(worker)
            raise RenderError("could not render: the renderer stopped unexpectedly") from None
        except BaseException:
            self._discard(worker)
            raise
        if message is None:
            self._discard(worker)
            raise RenderError(self._timeout_message())
        self._release(worker)
        if message[0] == "error":
            raise RenderError(f"could not render: {message[2]}")
        return message
