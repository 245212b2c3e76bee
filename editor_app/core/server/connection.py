"""Connecting to the newsroom server: DSNs, TLS, passwords, and errors in one line (#15).

A DSN is libpq's own: ``postgresql://rasa@newsroom.example.org/byline?sslmode=require``
or ``host=… dbname=… user=…``. Everything libpq reads works as well: PGHOST,
PGUSER, PGPASSWORD, ~/.pgpass, service files (``service=newsroom``), client
certificates. ``sslmode`` comes from the DSN; without one libpq's default
(``prefer``) uses TLS whenever the server offers it.

A password given here (from the keyring) is passed to libpq beside the DSN,
never put into it, and no message ever shows one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor_app.core.errors import BylineError

CONNECT_TIMEOUT_S = 10
APPLICATION_NAME = "byline"


class ServerError(BylineError):
    """The newsroom server cannot be reached, refuses us, or is not what we need."""


class ServerUnreachable(ServerError):
    """No connection could be made (offline, wrong host, server down): work goes on offline."""


@dataclass(frozen=True)
class ServerAddress:
    """The parts of a DSN a person recognises (never the password)."""

    user: str
    host: str
    port: str
    dbname: str
    sslmode: str

    def __str__(self) -> str:
        user = f"{self.user}@" if self.user else ""
        port = f":{self.port}" if self.port else ""
        db = f"/{self.dbname}" if self.dbname else ""
        return f"{user}{self.host or 'localhost'}{port}{db}"


def parse_dsn(dsn: str) -> dict[str, str]:
    """The DSN's parameters; ServerError (without the DSN's text, it may hold a password)."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    if not isinstance(dsn, str) or not dsn.strip():
        raise ServerError("no newsroom server is set (give --server DSN, or set it in "
                          "File ▸ Newsroom Server…)")
    try:
        params = conninfo_to_dict(dsn.strip())
    except ProgrammingError as exc:
        detail = " ".join(_redact(str(exc)).split())
        raise ServerError(f"the server address is not a valid PostgreSQL DSN ({detail})") from None
    return {k: str(v) for k, v in params.items() if v is not None}


def strip_password(dsn: str) -> str:
    """The DSN without any password: what may be stored in settings and shown."""
    from psycopg.conninfo import make_conninfo

    params = parse_dsn(dsn)
    params.pop("password", None)
    return make_conninfo("", **params)


def build_dsn(*, host: str = "", port: str | int = "", dbname: str = "", user: str = "",
              sslmode: str = "") -> str:
    """A DSN from the fields of the settings page (empty fields are left to libpq)."""
    from psycopg.conninfo import make_conninfo

    params = {"host": host.strip(), "port": str(port).strip(), "dbname": dbname.strip(),
              "user": user.strip(), "sslmode": sslmode.strip()}
    return make_conninfo("", **{k: v for k, v in params.items() if v})


def address(dsn: str) -> ServerAddress:
    """Who connects where, as libpq will resolve it (environment defaults included)."""
    import getpass
    import os

    params = parse_dsn(dsn)
    service = params.get("service") or os.environ.get("PGSERVICE")
    host = params.get("host") or params.get("hostaddr") or os.environ.get("PGHOST", "")
    if not host and service:
        host = f"service {service}"
    try:
        default_user = getpass.getuser()
    except Exception:
        default_user = ""
    user = params.get("user") or os.environ.get("PGUSER", "") or ("" if service else default_user)
    return ServerAddress(user=user, host=host, port=params.get("port") or os.environ.get("PGPORT", ""),
                         dbname=params.get("dbname") or os.environ.get("PGDATABASE", ""),
                         sslmode=params.get("sslmode") or os.environ.get("PGSSLMODE", ""))


def keyring_account(dsn: str) -> str:
    """The keyring entry of a DSN's password: ``user@host:port/dbname``."""
    where = address(dsn)
    return f"{where.user}@{where.host or 'localhost'}:{where.port or '5432'}/{where.dbname or where.user}"


def connect(dsn: str, *, password: str | None = None, timeout: int = CONNECT_TIMEOUT_S,
            autocommit: bool = True):
    """An open psycopg connection, or ServerError in one line naming what went wrong."""
    import psycopg

    parse_dsn(dsn)  # a malformed DSN is named as such, not as a connection failure
    extra = {"connect_timeout": timeout, "application_name": APPLICATION_NAME}
    if password:
        extra["password"] = password
    try:
        return psycopg.connect(dsn.strip(), autocommit=autocommit, **extra)
    except psycopg.OperationalError as exc:
        raise describe_connect_error(exc, dsn) from None


def describe_connect_error(exc: Exception, dsn: str) -> ServerError:
    """libpq's failure to connect, as one line a person can act on."""
    where = address(dsn)
    text = _redact(str(exc))
    low = text.lower()
    if "password authentication failed" in low or "authentication failed" in low:
        return ServerError(f"the newsroom server {where} refused the password of {where.user} "
                           "(wrong password?)")
    if "no password supplied" in low or "password is required" in low:
        return ServerError(f"the newsroom server {where} wants a password for {where.user}: enter "
                           "it in File ▸ Newsroom Server…, or put it in ~/.pgpass")
    if "does not support ssl" in low or "ssl was required" in low or "server does not support ssl" in low:
        return ServerError(f"the newsroom server {where} does not offer TLS, but the connection "
                           f"requires it (sslmode={where.sslmode or 'require'})")
    if "certificate" in low and ("verify" in low or "ssl" in low):
        return ServerError(f"the newsroom server {where}: its TLS certificate could not be verified "
                           f"({_first_line(text)})")
    if re.search(r'database ".*" does not exist', low):
        return ServerError(f"the newsroom server {where.host or 'localhost'} has no database "
                           f"{where.dbname!r} (ask the administrator for the right name)")
    if re.search(r'role ".*" does not exist', low):
        return ServerError(f"the newsroom server {where} does not know the member {where.user!r} "
                           "(ask the administrator: byline server add-user)")
    if "no pg_hba.conf entry" in low:
        return ServerError(f"the newsroom server {where} does not let this computer in "
                           f"(pg_hba.conf; ask the administrator)")
    if "timeout" in low:
        return ServerUnreachable(f"cannot reach the newsroom server {where}: no answer within "
                                 f"{CONNECT_TIMEOUT_S} s (offline?)")
    if "connection refused" in low:
        return ServerUnreachable(f"cannot reach the newsroom server {where}: connection refused "
                                 "(is the server running, is the port right?)")
    if "could not translate host name" in low or "name or service not known" in low \
            or "temporary failure in name resolution" in low:
        return ServerUnreachable(f"cannot reach the newsroom server {where}: unknown host "
                                 f"{where.host!r} (offline, or a typo?)")
    if "no route to host" in low or "network is unreachable" in low or "could not connect" in low \
            or "connection to server" in low:
        return ServerUnreachable(f"cannot reach the newsroom server {where} ({_first_line(text)})")
    return ServerError(f"cannot connect to the newsroom server {where} ({_first_line(text)})")


def describe_server_error(exc: Exception, what: str) -> ServerError:
    """An error during a sync or an administration step, in one line.

    A broken connection (the server restarted, the network dropped, the backend was
    terminated) says that nothing was lost: the next sync finishes the work.
    """
    import psycopg

    primary = getattr(getattr(exc, "diag", None), "message_primary", None)
    text = _redact(primary) if primary else _first_line(_redact(str(exc)))
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError) or \
            "terminating connection" in text or "server closed the connection" in text:
        return ServerUnreachable(f"{what}: the connection to the newsroom server was lost "
                                 f"({text}); nothing was lost, the next sync finishes the work")
    if isinstance(exc, psycopg.errors.InsufficientPrivilege) and "byline rule" not in text:
        return ServerError(f"{what}: the server refused it ({text})")
    return ServerError(f"{what}: {text}")


def _first_line(text: str) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    # libpq prefixes the interesting line with "connection to server at … failed:"
    return (lines[-1] if lines else str(text)).removeprefix("FATAL:").strip()


_PASSWORD_IN_TEXT = re.compile(r"(password\s*=\s*)(\S+)|(://[^:/@\s]*:)([^@\s]+)(@)", re.I)


def _redact(text: str) -> str:
    """Never show a password that a DSN carried into a message."""
    def hide(match: re.Match) -> str:
        if match.group(1):
            return match.group(1) + "***"
        return match.group(3) + "***" + match.group(5)
    return _PASSWORD_IN_TEXT.sub(hide, text)
