"""A real PostgreSQL for the newsroom server tests (#15): no mocked database anywhere.

A session fixture starts a throw-away cluster (Debian's postgresql package; initdb
runs as the unprivileged ``postgres`` user when the tests run as root) on a free
port, and removes it afterwards. Each test gets a database of its own with the
Byline schema; the members (login roles) are the cluster's, made once.
Tests skip cleanly only when the PostgreSQL binaries are absent (CI has them).
"""

from __future__ import annotations

import itertools
import os

import pytest

MEMBERS = {"rasa": "reporter", "rita": "reporter", "tomas": "editor", "ieva": "producer",
           "egle": "editor"}
PASSWORDS = {name: f"{name}-secret-pw" for name in MEMBERS}
_counter = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster():
    from editor_app.core.server.cluster import LocalCluster, find_bindir

    if find_bindir() is None:
        pytest.skip("PostgreSQL binaries are not installed (apt-get install postgresql)")
    cluster = LocalCluster().start()
    try:
        from editor_app.core.server.admin import add_member, init_server

        init_server(cluster.dsn())
        for name, role in MEMBERS.items():
            add_member(cluster.dsn(), name, role, new_password=PASSWORDS[name])
        yield cluster
    finally:
        cluster.stop()


class Newsroom:
    """One test's newsroom database on the session's cluster."""

    def __init__(self, cluster, dbname: str):
        self.cluster = cluster
        self.dbname = dbname

    @property
    def admin_dsn(self) -> str:
        return self.cluster.dsn(dbname=self.dbname)

    def dsn(self, member: str, password: str | None = None, **params) -> str:
        return self.cluster.dsn(member, PASSWORDS.get(member, "") if password is None else password,
                                dbname=self.dbname, **params)

    def admin(self):
        """A psycopg connection as the administrator (autocommit)."""
        import psycopg

        return psycopg.connect(self.admin_dsn, autocommit=True)

    def member(self, name: str):
        """A psycopg connection as a member, as psql would make it."""
        import psycopg

        return psycopg.connect(self.dsn(name), autocommit=True)

    def scalar(self, sql: str, params=()):
        with self.admin() as conn:
            return conn.execute(sql, params).fetchone()[0]


def create_database(cluster, *, init: bool = True) -> Newsroom:
    import psycopg

    name = f"news_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    room = Newsroom(cluster, name)
    if init:
        from editor_app.core.server.admin import init_server

        init_server(room.admin_dsn)
    return room


def drop_database(cluster, room: Newsroom) -> None:
    import psycopg

    with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {room.dbname} WITH (FORCE)")


@pytest.fixture
def newsroom(pg_cluster):
    """A fresh newsroom server database with the Byline schema and the session's members."""
    room = create_database(pg_cluster)
    yield room
    drop_database(pg_cluster, room)


@pytest.fixture
def empty_database(pg_cluster):
    """A database without the Byline schema (for init's own tests)."""
    room = create_database(pg_cluster, init=False)
    yield room
    drop_database(pg_cluster, room)


@pytest.fixture
def laptop(tmp_path):
    """``laptop(name)``: a library of its own for a member, with their name and role set."""
    from editor_app.core.identity import Identity
    from editor_app.core.library import Library

    opened = []

    def make(member: str, role: str | None = None):
        lib = Library.open(tmp_path / f"{member}-{len(opened)}.byline")
        # Several laptops in one process: each library acts for its own member.
        lib.acting_as = Identity(member.capitalize(), role or MEMBERS.get(member, "reporter"))
        lib.set_setting("server.laptop_name", f"{member}-laptop")
        opened.append(lib)
        return lib

    yield make
    for lib in opened:
        lib.close()


class MemoryKeyring:
    """Stands in for the operating system's keyring where the test machine has none (CI)."""

    def __new__(cls):
        from keyring.backend import KeyringBackend

        class _Memory(KeyringBackend):
            priority = 1

            def __init__(self):
                super().__init__()
                self.store = {}

            def get_password(self, service, username):
                return self.store.get((service, username))

            def set_password(self, service, username, password):
                self.store[(service, username)] = password

            def delete_password(self, service, username):
                from keyring.errors import PasswordDeleteError

                if self.store.pop((service, username), None) is None:
                    raise PasswordDeleteError("not found")

        return _Memory()


@pytest.fixture
def memory_keyring():
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
