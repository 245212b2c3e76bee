"""A Python child interpreter that talks over a socket: the render and export workers.

Started with fork+exec by subprocess, not multiprocessing: "spawn" and
"forkserver" children re-import the application's ``__main__`` (the GUI), and
forking the Qt process itself is unsafe. The child says ``("ready",)`` first.
"""

from __future__ import annotations

import os
import pathlib
import socket
import subprocess
from collections.abc import Callable
from multiprocessing.connection import Connection

STARTUP_TIMEOUT = 60.0
PROJECT_ROOT = pathlib.Path(__file__).resolve().parents[2]


class ChildProcess:
    """One child; ``command(fd)`` gives its command line, talking over socket ``fd``."""

    def __init__(self, command: Callable[[int], list[str]], *, start_error: Exception) -> None:
        self._start_error = start_error
        parent_sock, child_sock = socket.socketpair()
        try:
            env = dict(os.environ)
            env["PYTHONPATH"] = os.pathsep.join(
                p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p)
            self.process = subprocess.Popen(
                command(child_sock.fileno()), pass_fds=(child_sock.fileno(),),
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                # a crash is reported by the caller as a one-line error, not a traceback
                stderr=subprocess.DEVNULL, env=env, close_fds=True)
        except BaseException:
            parent_sock.close()
            raise
        finally:
            child_sock.close()
        self.conn = Connection(parent_sock.detach())
        self.ready = False

    def wait_ready(self) -> None:
        """Block until the child has imported what it needs; raise the start error if not."""
        if self.ready:
            return
        if not self.conn.poll(STARTUP_TIMEOUT) or self.conn.recv() != ("ready",):
            raise self._start_error
        self.ready = True

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.wait(5)
        except Exception:  # noqa: BLE001 - already gone is fine
            pass
        try:
            self.conn.close()
        except OSError:
            pass
