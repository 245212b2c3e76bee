"""Sub-commands of the newsroom server: ``byline server …`` and ``byline sync`` (#15).

psycopg is imported only when one of these runs: the rest of Byline never loads it.
"""

from __future__ import annotations

import getpass
import sys

from editor_app.core.errors import InputError

ROLES = ("reporter", "editor", "producer")


def register(sub) -> None:
    p = sub.add_parser("server", help="administer the newsroom server (PostgreSQL)")
    server = p.add_subparsers(dest="server_command", metavar="ACTION", required=True,
                              parser_class=p.__class__)

    q = server.add_parser("init", help="create or migrate the Byline schema in a database")
    q.add_argument("--dsn", required=True, help="the database, as its owner (libpq DSN or URI)")
    q.set_defaults(func=cmd_init)

    q = server.add_parser("add-user", help="a new member: a login role in a byline_ group role")
    q.add_argument("name")
    q.add_argument("--role", required=True, choices=ROLES)
    q.add_argument("--dsn", required=True, help="the database, as an administrator")
    how = q.add_mutually_exclusive_group()
    how.add_argument("--password-stdin", action="store_true",
                     help="read the member's new password from the first line of standard input")
    how.add_argument("--no-password", action="store_true",
                     help="no password (certificate or peer authentication)")
    q.set_defaults(func=cmd_add_user)

    q = server.add_parser("set-role", help="change a member's role")
    q.add_argument("name")
    q.add_argument("--role", required=True, choices=ROLES)
    q.add_argument("--dsn", required=True)
    q.set_defaults(func=cmd_set_role)

    q = server.add_parser("remove-user", help="remove a member (what they wrote stays)")
    q.add_argument("name")
    q.add_argument("--dsn", required=True)
    q.set_defaults(func=cmd_remove_user)

    q = server.add_parser("users", help="list the members and their roles")
    q.add_argument("--dsn", required=True)
    q.set_defaults(func=cmd_users)

    p = sub.add_parser("sync", help="push and pull through the newsroom server")
    p.add_argument("--server", metavar="DSN",
                   help="the server (default: the one this library synced with last)")
    p.add_argument("--publish-library", action="store_true",
                   help="seed an empty server with this whole library (an editor only)")
    p.add_argument("--ask-password", action="store_true",
                   help="ask for the password instead of the keyring, PGPASSWORD or ~/.pgpass")
    p.add_argument("--remember-password", action="store_true",
                   help="with --ask-password: keep it in the operating system's keyring")
    p.set_defaults(func=cmd_sync)


def _new_password(args) -> str | None:
    if args.no_password:
        return None
    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise InputError("no password on standard input (--password-stdin)")
        return line
    if not sys.stdin.isatty():
        raise InputError("give the new member's password with --password-stdin (or --no-password)")
    first = getpass.getpass(f"New password for {args.name}: ")
    if first != getpass.getpass("Again: "):
        raise InputError("the two passwords differ; nothing changed")
    if not first:
        raise InputError("the password is empty; nothing changed")
    return first


def cmd_init(args, ctx) -> int:
    from editor_app.core.server.admin import init_server

    result = init_server(args.dsn)
    if ctx.json:
        ctx.out_json(result.as_dict())
    elif result.applied:
        ctx.out(f"{result.server}: Byline schema {result.before} → {result.after} "
                f"({', '.join(result.applied)})")
    else:
        ctx.out(f"{result.server}: the Byline schema is up to date (version {result.after})")
    return 0


def cmd_add_user(args, ctx) -> int:
    from editor_app.core.server.admin import add_member

    member = add_member(args.dsn, args.name, args.role, new_password=_new_password(args))
    if ctx.json:
        ctx.out_json(member.as_dict())
    else:
        ctx.out(f"{member.name} is now a member of the newsroom ({member.role})")
    return 0


def cmd_set_role(args, ctx) -> int:
    from editor_app.core.server.admin import set_member_role

    member = set_member_role(args.dsn, args.name, args.role)
    if ctx.json:
        ctx.out_json(member.as_dict())
    else:
        ctx.out(f"{member.name} is now a{'n' if member.role == 'editor' else ''} {member.role}")
    return 0


def cmd_remove_user(args, ctx) -> int:
    from editor_app.core.server.admin import remove_member

    remove_member(args.dsn, args.name)
    if ctx.json:
        ctx.out_json({"removed": args.name})
    else:
        ctx.out(f"{args.name} is no longer a member (what they wrote stays in the history)")
    return 0


def cmd_users(args, ctx) -> int:
    from editor_app.core.server.admin import list_members

    members = list_members(args.dsn)
    if ctx.json:
        ctx.out_json([m.as_dict() for m in members])
        return 0
    if not members:
        ctx.out("no members yet: byline server add-user NAME --role editor --dsn …")
    for m in members:
        ctx.out(f"{m.name:<24} {m.role}{'' if m.can_login else '  (cannot log in)'}")
    return 0


def cmd_sync(args, ctx) -> int:
    from editor_app.core.server.settings import server_dsn
    from editor_app.core.server.sync import sync

    lib = ctx.library(create=False)
    dsn = args.server or server_dsn(lib)
    password = None
    if args.ask_password:
        if not sys.stdin.isatty():
            raise InputError("--ask-password needs a terminal; use PGPASSWORD or ~/.pgpass instead")
        password = getpass.getpass("Password: ")
    elif args.remember_password:
        raise InputError("--remember-password goes with --ask-password")
    summary = sync(lib, dsn, password=password, publish=args.publish_library)
    if args.remember_password and password and dsn:
        from editor_app.core.server.passwords import remember_password

        remember_password(dsn, password)
    if ctx.json:
        ctx.out_json(summary.as_dict())
    else:
        for line in summary.lines():
            ctx.out(line)
    return 0
