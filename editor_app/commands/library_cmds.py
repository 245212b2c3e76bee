"""Sub-commands over the library itself: import, list, show, search, status, check, backup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.commands import UsageError

# core.models is imported by the handlers that need it: `byline open` (the GUI) parses
# its arguments with this module, before its window's first paint (#20).

if TYPE_CHECKING:
    from editor_app.core.library import Library


def register(sub) -> None:
    p = sub.add_parser("open", help="open the GUI with an article in the editor")
    p.add_argument("id", metavar="ID|SLUG")

    p = sub.add_parser("import", help="import markdown, text or Word (.docx) files as articles")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--as", dest="role", metavar="ROLE",
                   help="reporter, editor or producer (default: the preferences); an imported "
                        "status is kept only as far as this role could have moved it")
    p.add_argument("--correction", action="store_true",
                   help="a file that changes an approved or published article reopens it for "
                        "correction first (editors only; recorded in the trail)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("new", help="start a new article: a draft bylined to you, dated today")
    p.add_argument("--kind", default="news", metavar="KIND",
                   help="news, interview, feature or opinion (default: news)")
    p.add_argument("--title", default="", help="the headline (default: a placeholder, "
                   "which the pre-flight check refuses until it is replaced)")
    p.add_argument("--language", default="",
                   help="the article's language (default: the newsroom's, Preferences)")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("whoami", help="your name and role (the same settings as Preferences)")
    p.add_argument("--name", default=None, help="set your name (bylines and the trail)")
    p.add_argument("--role", default=None, help="set your role: reporter, editor or producer")
    p.set_defaults(func=cmd_whoami)

    p = sub.add_parser("list", help="list articles")
    p.add_argument("--status", help="only articles with this status")
    p.add_argument("--tag", help="only articles with this tag")
    p.add_argument("--limit", type=int, default=None)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one article")
    p.add_argument("id", metavar="ID|SLUG")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="full-text search (words may start with '-')")
    p.add_argument("query", nargs="*", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20)
    # "search -budget" is a search, not an unknown option: cli.main hands such words here.
    p.set_defaults(func=cmd_search, extra_words="query")

    p = sub.add_parser("status", help="move an article through the workflow")
    p.add_argument("id", metavar="ID|SLUG")
    p.add_argument("new_status", metavar="NEW_STATUS")
    p.add_argument("--note", default="")
    p.add_argument("--as", dest="role", metavar="ROLE",
                   help="reporter, editor or producer (default: the preferences)")
    p.add_argument("--who", default=None, help="name recorded in the trail")
    p.add_argument("--force", action="store_true",
                   help="override the pre-flight check or the transition table (recorded)")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("check", help="integrity check of the library")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="consistent copy of the library")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_backup)


def cmd_import(args, ctx) -> int:
    """Each file: imported, updated or unchanged (stdout), or refused (stderr, naming it).

    The files that can go in are stored together; a refused file writes nothing and
    makes the exit status 1.
    """
    from editor_app.core.importing import import_each
    from editor_app.core.models import Role

    lib = ctx.library()
    role = Role.parse(args.role) if args.role else None
    report = import_each(lib, args.files, who=_who(lib), role=role, correction=args.correction)
    by_source = {r.source: r for r in report.results}
    refused = {r.source: r for r in report.refused}
    if ctx.json:
        rows = []
        for source in map(str, args.files):
            if source in by_source:
                r = by_source[source]
                rows.append({"id": r.id, "slug": r.slug, "title": r.title, "source": r.source,
                             "action": r.action, "notes": list(r.notes)})
            elif source in refused:
                rows.append(refused[source].as_dict())
        ctx.out_json(rows)
    else:
        for r in report.results:
            ctx.out(f"{r.action} {r.id} {r.slug}  {r.title}  ({r.source})")
    for r in report.results:
        for note in r.notes:
            ctx.warn(note)
    for refusal in report.refused:
        print(f"byline: error: {refusal.message}", file=ctx.stderr)
    if report.refused and report.results and not ctx.json:
        ctx.out(f"{report.summary()}")
    return 1 if report.refused else 0


def cmd_new(args, ctx) -> int:
    from editor_app.core.models import Kind
    from editor_app.core.new_article import new_article

    kind = Kind.parse(args.kind)
    article = new_article(ctx.library(), kind, title=args.title, language=args.language)
    if ctx.json:
        ctx.out_json({"id": article.id, "slug": article.slug, "title": article.title,
                      "kind": article.kind.value, "author": article.author, "date": article.date,
                      "language": article.language, "status": article.status.value})
    else:
        ctx.out(f"created {article.id} {article.slug}  {article.title}")
    return 0


def cmd_whoami(args, ctx) -> int:
    from editor_app.core.errors import BylineError
    from editor_app.core.identity import Identity, identity_path, load_identity, save_identity
    from editor_app.core.models import Role

    try:  # an old library's user.name / user.role are the first values, once
        library = ctx.library(create=False)
    except BylineError:
        library = None
    current = load_identity(library)
    if args.name is not None or args.role is not None:
        current = save_identity(Identity(
            name=current.name if args.name is None else args.name,
            role=current.role if args.role is None else Role.parse(args.role)))
    if ctx.json:
        ctx.out_json({**current.as_dict(), "trail_name": current.trail_name,
                      "file": str(identity_path())})
    else:
        ctx.out(f"{current.trail_name} ({current.role.value})")
    return 0


def cmd_list(args, ctx) -> int:
    lib = ctx.library()
    rows = lib.list_articles(status=args.status, tag=args.tag, limit=args.limit)
    if ctx.json:
        ctx.out_json([r.as_dict() for r in rows])
        return 0
    for r in rows:
        tags = ", ".join(r.tags)
        ctx.out(f"{r.id:>5}  {r.date or '----------'}  {r.status:<17} {r.kind:<9} {r.title}"
                + (f"  [{tags}]" if tags else ""))
    return 0


def article_dict(lib: Library, article) -> dict:
    """Everything about an article, as `show --json` prints it."""
    related = lib.pinned_related(article.id)
    return {
        "id": article.id, "uuid": article.uuid, "slug": article.slug, "title": article.title,
        "kind": article.kind.value, "interviewee": article.interviewee, "author": article.author,
        "date": article.date, "language": article.language, "summary": article.summary,
        "status": article.status.value, "tags": article.tags, "extra": article.extra,
        "spellcheck": article.spellcheck, "version": article.version,
        "created_at": article.created_at, "updated_at": article.updated_at,
        "body": article.body,
        "related": [{"id": r.id, "slug": r.slug, "title": r.title, "date": r.date} for r in related],
        "trail": [{"from": e.from_status, "to": e.to_status, "who": e.who, "role": e.role,
                   "note": e.note, "override": e.override, "at": e.created_at,
                   "refused": e.refused, "refusal": e.refusal}
                  for e in lib.status_events(article.id)],
        "in_conflict": lib.in_conflict(article.id),
        "comments": [{"id": c.id, "parent_id": c.parent_id, "author": c.author, "text": c.text,
                      "quote": c.quote, "start": c.start, "end": c.end, "resolved": c.resolved,
                      "created_at": c.created_at} for c in lib.comments(article.id)],
        "revisions": len(lib.revisions(article.id)),
    }


def cmd_show(args, ctx) -> int:
    lib = ctx.library()
    article = lib.get_article(args.id)
    if ctx.json:
        ctx.out_json(article_dict(lib, article))
        return 0
    ctx.out(article.title)
    ctx.out("=" * min(len(article.title), 78))
    meta = [("id", article.id), ("slug", article.slug), ("kind", article.kind.value),
            ("status", article.status.value), ("date", article.date), ("author", article.author),
            ("interviewee", article.interviewee), ("language", article.language),
            ("tags", ", ".join(article.tags)), ("summary", article.summary)]
    for key, value in meta:
        if value not in ("", None):
            ctx.out(f"{key + ':':<13}{value}")
    related = lib.pinned_related(article.id)
    if related:
        ctx.out("related:     " + "; ".join(f"{r.slug} ({r.date})" for r in related))
    if lib.in_conflict(article.id):
        ctx.out(f"{'conflict:':<13}in conflict with a version from elsewhere "
                f"(byline conflicts {article.id})")
    for event in lib.status_events(article.id):
        ctx.out(f"{'trail:':<13}{trail_line(event)}")
    ctx.out()
    ctx.out(article.body.rstrip())
    return 0


def trail_line(event) -> str:
    """One move of the trail in words; a refused move says so, and why (#14)."""
    moved = (f"{event.from_status} → {event.to_status}" if event.from_status != event.to_status
             else f"{event.to_status} (no move)")
    role = f" ({event.role})" if event.role else ""
    text = f"{event.created_at[:16].replace('T', ' ')}  {moved}  by {event.who or '-'}{role}"
    if event.override:
        text += "  OVERRIDE"
    if event.note:
        text += f"  — {event.note}"
    if event.refused:
        text += f"  REFUSED: {event.refusal}"
    return text


def cmd_search(args, ctx) -> int:
    if not args.query:
        raise UsageError("byline search: the following arguments are required: QUERY")
    hits = ctx.library().search(" ".join(args.query), limit=args.limit)
    if ctx.json:
        ctx.out_json([h.as_dict() for h in hits])
        return 0
    if not hits:
        ctx.out("no matches")
    for h in hits:
        ctx.out(f"{h.id:>5}  {h.title}\n       {h.snippet}")
    return 0


def _who(lib: Library) -> str:
    """The name the trail records: the person's own (core/identity), else the login name."""
    from editor_app.core.review.workflow import current_user

    return current_user(lib)


def cmd_status(args, ctx) -> int:
    from editor_app.core.models import Role, Status

    lib = ctx.library()
    article = lib.get_article(args.id)
    new = Status.parse(args.new_status)
    from editor_app.core.review.workflow import current_role

    role = Role.parse(args.role) if args.role else current_role(lib)
    event = _set_status(lib, article, new, role, args)
    if ctx.json:
        ctx.out_json({"id": article.id, "slug": article.slug, "from": event.from_status,
                      "to": event.to_status, "who": event.who, "role": event.role,
                      "note": event.note, "override": event.override, "at": event.created_at})
    else:
        extra = " (override recorded)" if event.override else ""
        ctx.out(f"{article.slug}: {event.from_status} → {event.to_status}{extra}")
    return 0


def _set_status(lib: Library, article, new, role, args):
    """Apply a status change through the workflow service (the pre-flight gate)."""
    from editor_app.core.review import change_status

    return change_status(lib, article.id, new, role=role, who=args.who or _who(lib),
                         note=args.note, force=args.force)


def cmd_check(args, ctx) -> int:
    lib = ctx.library(create=False)
    problems = lib.check()
    if ctx.json:
        ctx.out_json({"ok": not problems, "problems": problems, "schema_version": lib.schema_version(),
                      "articles": lib.count_articles()})
    elif problems:
        for p in problems:
            ctx.out(p)
    else:
        ctx.out(f"ok: {lib.count_articles()} articles, schema version {lib.schema_version()}")
    return 0 if not problems else 1


def cmd_backup(args, ctx) -> int:
    lib = ctx.library(create=False)
    lib.backup(args.file)
    if ctx.json:
        ctx.out_json({"backup": str(args.file)})
    else:
        ctx.out(f"backup written to {args.file}")
    return 0
