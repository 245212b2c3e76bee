"""A throw-away local PostgreSQL cluster: ``make server``, the tests and the benchmark (#15).

Not part of a newsroom's set-up (that is a real PostgreSQL, see README): this
starts a private cluster from the PostgreSQL binaries on this machine, in a
temporary folder, on a free port of 127.0.0.1, and removes it afterwards.
``initdb`` refuses to run as root, so under root the cluster runs as the
``postgres`` system user (Debian's package makes it) through ``runuser``.

    python -m editor_app.core.server.cluster     # start, print the DSN, stop on Ctrl+C
"""

from __future__ import annotations

import contextlib
import glob
import os
import pathlib
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ADMIN = "byline_admin"
DATABASE = "byline"


class ClusterError(RuntimeError):
    pass


def find_bindir() -> pathlib.Path | None:
    """The folder of initdb and pg_ctl (Debian keeps them out of PATH), or None."""
    env = os.environ.get("BYLINE_PG_BINDIR")
    candidates = [env] if env else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else 0,
                         reverse=True)
    found = shutil.which("initdb")
    if found:
        candidates.append(str(pathlib.Path(found).resolve().parent))
    for folder in candidates:
        if folder and (pathlib.Path(folder) / "initdb").exists() and (pathlib.Path(folder) / "pg_ctl").exists():
            return pathlib.Path(folder)
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalCluster:
    """A private cluster: ``start()``, ``dsn(...)``, ``restart()``, ``stop()`` (removes it)."""

    def __init__(self, *, admin_password: str = "byline-admin", port: int | None = None,
                 bindir: pathlib.Path | None = None, run_as: str | None = None):
        self.bindir = bindir or find_bindir()
        if self.bindir is None:
            raise ClusterError("no PostgreSQL binaries found (apt-get install postgresql)")
        self.admin_password = admin_password
        self.port = port or free_port()
        if run_as is None and os.geteuid() == 0:
            run_as = "postgres"
        self.run_as = run_as
        self.base: pathlib.Path | None = None

    @property
    def data(self) -> pathlib.Path:
        return self.base / "data"

    @property
    def log(self) -> pathlib.Path:
        return self.base / "server.log"

    def _run(self, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
        cmd = [str(a) for a in args]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=self.base)
        if check and done.returncode != 0:
            raise ClusterError(f"{' '.join(map(str, args[:2]))} failed: {done.stderr.strip() or done.stdout.strip()}")
        return done

    def start(self) -> LocalCluster:
        self.base = pathlib.Path(tempfile.mkdtemp(prefix="byline-pg-"))
        if self.run_as:
            user = pwd.getpwnam(self.run_as)
            os.chown(self.base, user.pw_uid, user.pw_gid)
        pwfile = self.base / "pw"
        pwfile.write_text(self.admin_password + "\n")
        if self.run_as:
            os.chown(pwfile, user.pw_uid, user.pw_gid)
        pwfile.chmod(0o600)
        self._run(self.bindir / "initdb", "-D", self.data, "-U", ADMIN, f"--pwfile={pwfile}",
                  "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        pwfile.unlink()
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                       f"unix_socket_directories = '{self.base}'\nfsync = off\n"
                       "synchronous_commit = off\nfull_page_writes = off\nmax_connections = 200\n"
                       "shared_buffers = 128MB\n")
        self._pg_ctl("start")
        self._create_database()
        return self

    def _pg_ctl(self, action: str, *extra: str) -> None:
        args = [self.bindir / "pg_ctl", "-D", self.data, "-w", "-t", "60"]
        if action in ("start", "restart"):
            args += ["-l", self.log]
        self._run(*args, action, *extra)

    def _create_database(self) -> None:
        import psycopg

        with psycopg.connect(self.dsn(dbname="postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {DATABASE}")

    def dsn(self, user: str = ADMIN, password: str | None = None, *, dbname: str = DATABASE,
            **params: str) -> str:
        """A DSN to this cluster (the admin's password unless another is given)."""
        from psycopg.conninfo import make_conninfo

        if password is None and user == ADMIN:
            password = self.admin_password
        values = {"host": "127.0.0.1", "port": str(self.port), "dbname": dbname, "user": user}
        if password is not None:
            values["password"] = password
        values.update(params)
        return make_conninfo("", **values)

    def restart(self) -> None:
        """Stop and start the server (every connection is dropped)."""
        self._pg_ctl("restart", "-m", "fast")

    def stop(self) -> None:
        if self.base is None:
            return
        with contextlib.suppress(Exception):
            self._pg_ctl("stop", "-m", "immediate")
        shutil.rmtree(self.base, ignore_errors=True)
        self.base = None

    def __enter__(self) -> LocalCluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main() -> int:
    """``make server``: a throw-away newsroom server until Ctrl+C."""
    from editor_app.core.server.admin import init_server

    try:
        cluster = LocalCluster().start()
    except ClusterError as exc:
        print(f"byline: error: {exc}", file=sys.stderr)
        return 1
    try:
        init_server(cluster.dsn())
        print("A throw-away newsroom server is running (it is removed when you press Ctrl+C).")
        print(f"  administrator DSN: {cluster.dsn()}")
        print("  add the first editor:")
        print(f"    byline server add-user tomas --role editor --dsn '{cluster.dsn()}'")
        print("  then each laptop syncs with:")
        print(f"    byline sync --server '{cluster.dsn(user='tomas', password='')}'".replace(" password=''", ""))
        sys.stdout.flush()
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("\nstopping and removing the throw-away server")
        return 0
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
