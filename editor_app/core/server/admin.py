"""Administering the newsroom server: its schema and its members (#15).

``byline server init`` applies the plain SQL files of ``migrations/`` in order,
each in one transaction with its row in ``byline.schema_version``: re-running is
a no-op, an interrupted run leaves the schema at the last whole version, a
schema newer than this program is refused, and so is a database that holds
another program's tables (Byline wants a database of its own).

Members are PostgreSQL login roles in one of the group roles byline_reporter,
byline_editor, byline_producer. Their passwords travel to the server only as a
SCRAM-SHA-256 verifier made here (as psql's \\password does): the password
itself never appears in a statement or a server log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from editor_app.core.errors import InputError
from editor_app.core.server.connection import ServerError, address, connect, describe_server_error

ROLES = ("reporter", "editor", "producer")
GROUPS = {role: f"byline_{role}" for role in ROLES}
SCHEMA = "byline"
_INIT_LOCK = (7261524, 0)
_MEMBER_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.@-]{0,62}")
MIN_SERVER_VERSION = 130000  # gen_random_uuid() and the rest; README asks for 15+


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """The server's schema, in order: ``migrations/NNNN_name.sql`` (package data)."""
    folder = resources.files("editor_app.core.server") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = re.fullmatch(r"(\d{4})_([a-z0-9_]+)\.sql", entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name[:-4], entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise ServerError("the server migrations of this Byline are damaged (numbers have gaps)")
    return found


def schema_version_known() -> int:
    """The newest server schema this program knows."""
    return len(migrations())


@dataclass(frozen=True)
class InitResult:
    server: str
    before: int
    after: int
    applied: list[str]

    def as_dict(self) -> dict:
        return {"server": self.server, "before": self.before, "after": self.after,
                "applied": list(self.applied)}


def check_role(role: str) -> str:
    value = str(role).strip().lower()
    if value not in ROLES:
        raise InputError(f"unknown role {role!r}; expected one of: {', '.join(ROLES)}")
    return value


def check_member_name(name: str) -> str:
    if not isinstance(name, str) or not _MEMBER_NAME.fullmatch(name):
        raise InputError(f"member name {str(name)[:40]!r} is not valid (letters, digits, _ . @ -; "
                         "at most 63, not starting with a digit)")
    if name.lower().startswith(("pg_", "byline_")):
        raise InputError(f"member name {name!r} is reserved (pg_… and byline_… belong to the server)")
    return name


# -- the schema ----------------------------------------------------------------------------
def server_schema_version(conn) -> int | None:
    """The version of the Byline schema in this database (None: there is none)."""
    row = conn.execute("SELECT to_regclass('byline.schema_version') IS NOT NULL,"
                       " EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'byline')").fetchone()
    has_table, has_schema = row
    if not has_schema:
        return None
    if not has_table:
        raise ServerError("the database has a schema named 'byline' that Byline did not make "
                          "(no byline.schema_version); give Byline a database of its own")
    return conn.execute("SELECT coalesce(max(version), 0) FROM byline.schema_version").fetchone()[0]


def foreign_tables(conn) -> list[str]:
    """Tables of other programs in this database (outside the byline schema and the catalog)."""
    return [f"{schema}.{name}" for schema, name in conn.execute(
        "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname <> 'byline'"
        " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
        " AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'"
        " ORDER BY 1, 2 LIMIT 4")]


def init_server(dsn: str, *, password: str | None = None) -> InitResult:
    """Create or migrate the Byline schema; ServerError (one line) when it must not be done."""
    known = migrations()
    where = str(address(dsn))
    conn = connect(dsn, password=password, autocommit=True)
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", _INIT_LOCK)
            before = _check_database(conn, len(known))
        applied = []
        for migration in known[before:]:
            try:
                with conn.transaction():
                    conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", _INIT_LOCK)
                    current = server_schema_version(conn) or 0
                    if current >= migration.version:
                        continue  # another init got here first
                    if current == 0:
                        conn.execute("CREATE SCHEMA IF NOT EXISTS byline")
                        conn.execute("CREATE TABLE byline.schema_version (version integer PRIMARY KEY,"
                                     " name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
                        conn.execute("COMMENT ON SCHEMA byline IS 'Byline newsroom server (#15)'")
                    conn.execute(migration.sql)
                    conn.execute("INSERT INTO byline.schema_version (version, name) VALUES (%s, %s)",
                                 (migration.version, migration.name))
                    if migration.version == 1:
                        _grant_connect(conn)
            except ServerError:
                raise
            except Exception as exc:
                raise _admin_error(exc, f"{where}: schema {migration.name}") from None
            applied.append(migration.name)
        return InitResult(where, before, len(known), applied)
    finally:
        conn.close()


def _check_database(conn, known: int) -> int:
    version_num = conn.execute("SHOW server_version_num").fetchone()[0]
    if int(version_num) < MIN_SERVER_VERSION:
        raise ServerError(f"the server runs PostgreSQL {version_num}; Byline needs 13 or newer (15+ advised)")
    encoding = conn.execute("SHOW server_encoding").fetchone()[0]
    if encoding.upper() not in ("UTF8", "UTF-8"):
        raise ServerError(f"the database uses the {encoding} encoding; Byline needs UTF8 "
                          "(createdb --encoding=UTF8 --template=template0 …)")
    current = server_schema_version(conn)
    if current is not None and current > known:
        raise ServerError(f"the server's Byline schema is version {current}, newer than this Byline "
                          f"knows ({known}); update Byline")
    if current is None:
        others = foreign_tables(conn)
        if others:
            shown = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
            raise ServerError(f"the database holds another program's tables ({shown}); Byline wants a "
                              "database of its own (createdb byline)")
    return current or 0


def _grant_connect(conn) -> None:
    from psycopg import sql

    db = conn.execute("SELECT current_database()").fetchone()[0]
    conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO byline_reporter, byline_editor, "
                         "byline_producer").format(sql.Identifier(db)))


def check_server_schema(conn) -> int:
    """The schema version, refused unless it is the one this program speaks (ServerError)."""
    import psycopg

    known = schema_version_known()
    try:
        current = server_schema_version(conn)
    except ServerError:
        raise
    except psycopg.errors.InsufficientPrivilege:
        who = conn.info.user
        raise ServerError(f"byline rule members-only: {who} can log in but is not a member of the "
                          "newsroom (ask the administrator: byline server add-user)") from None
    except Exception as exc:
        raise describe_server_error(exc, "checking the server") from None
    if current is None:
        raise ServerError("this database is not a Byline newsroom server yet (no byline schema); "
                          "the administrator runs: byline server init --dsn …")
    if current > known:
        raise ServerError(f"the server's Byline schema is version {current}, newer than this Byline "
                          f"knows ({known}); update Byline")
    if current < known:
        raise ServerError(f"the server's Byline schema is version {current}, older than this Byline "
                          f"needs ({known}); the administrator runs: byline server init --dsn …")
    return current


# -- members -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Member:
    name: str
    role: str
    can_login: bool

    def as_dict(self) -> dict:
        return {"name": self.name, "role": self.role, "login": self.can_login}


def list_members(dsn: str, *, password: str | None = None) -> list[Member]:
    with _admin(dsn, password) as conn:
        return _members(conn)


def _members(conn) -> list[Member]:
    rows = conn.execute(
        "SELECT m.rolname, g.rolname, m.rolcanlogin FROM pg_auth_members am"
        " JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member"
        " WHERE g.rolname IN ('byline_reporter', 'byline_editor', 'byline_producer')"
        " ORDER BY m.rolname, g.rolname").fetchall()
    return [Member(name, group.removeprefix("byline_"), login) for name, group, login in rows]


def member_role(conn, name: str) -> str | None:
    return next((m.role for m in _members(conn) if m.name == name), None)


def add_member(dsn: str, name: str, role: str, *, new_password: str | None,
               password: str | None = None) -> Member:
    """A new login role in the role's group (an existing role that is no member may join)."""
    from psycopg import sql

    name, role = check_member_name(name), check_role(role)
    with _admin(dsn, password) as conn:
        with conn.transaction():
            current = member_role(conn, name)
            if current:
                raise ServerError(f"{name} is already a member of the newsroom (as {current}); "
                                  f"to change that: byline server set-role {name} --role {role}")
            exists = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            try:
                if exists is None:
                    conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(name)))
                if new_password is not None:
                    _set_password(conn, name, new_password)
                conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUPS[role]),
                                                              sql.Identifier(name)))
            except Exception as exc:
                raise _admin_error(exc, f"adding {name}") from None
        return Member(name, role, True)


def set_member_role(dsn: str, name: str, role: str, *, password: str | None = None) -> Member:
    from psycopg import sql

    name, role = check_member_name(name), check_role(role)
    with _admin(dsn, password) as conn:
        with conn.transaction():
            if member_role(conn, name) is None:
                raise ServerError(f"{name} is not a member of the newsroom (byline server add-user)")
            try:
                for group in GROUPS.values():
                    conn.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group),
                                                                     sql.Identifier(name)))
                conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUPS[role]),
                                                              sql.Identifier(name)))
            except Exception as exc:
                raise _admin_error(exc, f"changing the role of {name}") from None
        return Member(name, role, True)


def remove_member(dsn: str, name: str, *, password: str | None = None) -> None:
    """Drop the member's login role; what they wrote stays in the history under their name."""
    from psycopg import sql

    name = check_member_name(name)
    with _admin(dsn, password) as conn:
        with conn.transaction():
            if member_role(conn, name) is None:
                raise ServerError(f"{name} is not a member of the newsroom; nothing removed")
            try:
                conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))
            except Exception as exc:
                raise _admin_error(exc, f"removing {name}") from None


def _set_password(conn, name: str, new_password: str) -> None:
    from psycopg import sql

    if not new_password:
        raise InputError("the new password is empty")
    verifier = conn.pgconn.encrypt_password(new_password.encode("utf-8"), name.encode("utf-8"),
                                            b"scram-sha-256").decode("ascii")
    conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(name),
                                                             sql.Literal(verifier)))


class _admin:
    """A connection for an administration step, closed afterwards; the schema must be current."""

    def __init__(self, dsn: str, password: str | None):
        self.dsn, self.password = dsn, password

    def __enter__(self):
        self.conn = connect(self.dsn, password=self.password, autocommit=True)
        try:
            check_server_schema(self.conn)
        except BaseException:
            self.conn.close()
            raise
        return self.conn

    def __exit__(self, *exc) -> None:
        self.conn.close()


def _admin_error(exc: Exception, what: str) -> ServerError:
    import psycopg

    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return ServerError(f"{what}: the account used may not do this ({_line(exc)}); run it as the "
                           "database owner with the CREATEROLE right (for example postgres)")
    return describe_server_error(exc, what)


def _line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
