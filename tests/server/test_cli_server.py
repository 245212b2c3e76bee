"""``byline server …`` and ``byline sync`` from the command line (#15): output, JSON, exit codes."""

from __future__ import annotations

import io
import json
import sys

import psycopg

from editor_app.cli import main
from editor_app.core.library import Library
from tests.server.support import write


def run(capsys, *argv, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_server_init_and_members(empty_database, capsys, monkeypatch):
    dsn = empty_database.admin_dsn
    code, out, err = run(capsys, "server", "init", "--dsn", dsn)
    assert code == 0 and "Byline schema 0 → 1 (0001_newsroom)" in out and "byline-admin" not in out
    code, out, _ = run(capsys, "--json", "server", "init", "--dsn", dsn)
    assert code == 0 and json.loads(out)["applied"] == []
    code, out, err = run(capsys, "server", "add-user", "newbie", "--role", "reporter", "--dsn", dsn,
                         "--password-stdin", stdin="newbie-pw\n", monkeypatch=monkeypatch)
    assert code == 0 and "newbie is now a member of the newsroom (reporter)" in out, err
    try:
        with psycopg.connect(empty_database.dsn("newbie", "newbie-pw"), autocommit=True) as conn:
            assert conn.execute("SELECT byline.member_role(session_user)").fetchone()[0] == "reporter"
        code, out, err = run(capsys, "server", "add-user", "newbie", "--role", "editor", "--dsn", dsn,
                             "--no-password")
        assert code == 1 and out == "" and "already a member" in err and err.count("\n") == 1
        code, out, _ = run(capsys, "server", "set-role", "newbie", "--role", "editor", "--dsn", dsn)
        assert code == 0 and "newbie is now an editor" in out
        code, out, _ = run(capsys, "--json", "server", "users", "--dsn", dsn)
        assert {"name": "newbie", "role": "editor", "login": True} in json.loads(out)
        code, out, _ = run(capsys, "server", "remove-user", "newbie", "--dsn", dsn)
        assert code == 0 and "no longer a member" in out
        code, _, err = run(capsys, "server", "remove-user", "newbie", "--dsn", dsn)
        assert code == 1 and "not a member" in err
        code, _, err = run(capsys, "server", "remove-user", "byline_admin", "--dsn", dsn)
        assert code == 1 and "reserved" in err or "not a member" in err
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("DROP ROLE IF EXISTS newbie")


def test_the_password_never_reaches_the_server_log(empty_database, pg_cluster, capsys, monkeypatch):
    dsn = empty_database.admin_dsn
    run(capsys, "server", "init", "--dsn", dsn)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"ALTER DATABASE {empty_database.dbname} SET log_statement = 'all'")
    try:
        code, _, err = run(capsys, "server", "add-user", "logged", "--role", "producer", "--dsn", dsn,
                           "--password-stdin", stdin="very-distinct-password-42\n",
                           monkeypatch=monkeypatch)
        assert code == 0, err
        log = pg_cluster.log.read_text(errors="replace")
        assert "ALTER ROLE" in log and "SCRAM-SHA-256$" in log
        assert "very-distinct-password-42" not in log
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("DROP ROLE IF EXISTS logged")


def test_add_user_needs_a_password_or_says_none(empty_database, capsys, monkeypatch):
    run(capsys, "server", "init", "--dsn", empty_database.admin_dsn)
    code, _, err = run(capsys, "server", "add-user", "x1", "--role", "reporter", "--dsn",
                       empty_database.admin_dsn, stdin="", monkeypatch=monkeypatch)
    assert code == 1 and "--password-stdin" in err
    code, _, err = run(capsys, "server", "add-user", "pg_x", "--role", "reporter", "--dsn",
                       empty_database.admin_dsn, "--no-password")
    assert code == 1 and "reserved" in err
    code, _, err = run(capsys, "server", "add-user", "x1", "--role", "boss", "--dsn",
                       empty_database.admin_dsn)
    assert code == 2 and "invalid choice" in err


def test_sync_command_text_and_json(newsroom, tmp_path, capsys):
    path = tmp_path / "rasa.byline"
    with Library.open(path) as lib:
        lib.set_setting("user.name", "Rasa")
        write(lib)
    code, out, err = run(capsys, "--library", str(path), "sync", "--server", newsroom.dsn("rasa"))
    assert code == 0, err
    assert out.startswith("synced with rasa@127.0.0.1") and "sent 1 revision(s), 1 record(s)" in out
    assert "secret" not in out
    # the server is remembered, without its password
    with Library.open(path) as lib:
        stored = lib.get_setting("server.dsn")
    assert "password" not in stored and newsroom.dbname in stored
    code, out, err = run(capsys, "--library", str(path), "--json", "sync", "--server",
                         newsroom.dsn("rasa"))
    data = json.loads(out)
    assert code == 0 and data["sent"] == {"revisions": 0, "records": 0, "assets": 0}
    assert set(data) >= {"server", "member", "role", "received", "sent", "refused", "rejected",
                         "conflicts", "notes", "seconds"}
    # PGPASSWORD works with the remembered server (libpq's own conventions)
    import os

    os.environ["PGPASSWORD"] = "rasa-secret-pw"
    try:
        code, out, err = run(capsys, "--library", str(path), "sync")
    finally:
        del os.environ["PGPASSWORD"]
    assert code == 0, err
    code, out, err = run(capsys, "--library", str(path), "sync", "--server",
                         newsroom.dsn("rasa", "nope"))
    assert code == 1 and out == "" and err.startswith("byline: error: ") and err.count("\n") == 1
    assert "refused the password of rasa" in err


def test_pgpass_file_works(newsroom, tmp_path, capsys, monkeypatch):
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{newsroom.cluster.port}:{newsroom.dbname}:rasa:rasa-secret-pw\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    path = tmp_path / "lib.byline"
    Library.open(path).close()
    code, out, err = run(capsys, "--library", str(path), "sync", "--server",
                         f"host=127.0.0.1 port={newsroom.cluster.port} dbname={newsroom.dbname} user=rasa")
    assert code == 0, err


def test_keyring_password_is_used_and_never_stored_in_the_library(newsroom, tmp_path, capsys,
                                                                   memory_keyring):
    from editor_app.core.server.passwords import remember_password
    from tests.server.support import sync_as

    dsn = f"host=127.0.0.1 port={newsroom.cluster.port} dbname={newsroom.dbname} user=tomas"
    remember_password(dsn, "tomas-secret-pw")
    path = tmp_path / "lib.byline"
    with Library.open(path) as lib:
        write(lib)
    code, out, err = run(capsys, "--library", str(path), "sync", "--server", dsn)
    assert code == 0, err
    assert b"tomas-secret-pw" not in path.read_bytes()
    del sync_as
