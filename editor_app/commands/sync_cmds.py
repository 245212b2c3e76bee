"""Sub-commands of hand-off and conflicts: send, receive, conflicts, resolve (#14)."""

from __future__ import annotations

import pathlib

from editor_app.core.errors import InputError


def register(sub) -> None:
    p = sub.add_parser("send", help="write a hand-off file: articles with history, records, images")
    p.add_argument("ids", nargs="+", metavar="ID|SLUG")
    p.add_argument("--out", required=True, metavar="FILE.byline", help="the file to write")
    p.add_argument("--since", metavar="FILE.byline",
                   help="leave out what this earlier hand-off (to or from the receiver) held")
    p.set_defaults(func=cmd_send)

    p = sub.add_parser("receive", help="merge a hand-off file into the library")
    p.add_argument("file", metavar="FILE.byline")
    p.set_defaults(func=cmd_receive)

    p = sub.add_parser("conflicts", help="articles in conflict, or the conflicting passages of one")
    p.add_argument("id", nargs="?", metavar="ID|SLUG")
    p.set_defaults(func=cmd_conflicts)

    p = sub.add_parser("resolve", help="resolve a conflict: take mine or theirs, or a merged file")
    p.add_argument("id", metavar="ID|SLUG")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--take", choices=("mine", "theirs"),
                     help="every conflicting passage and field as in that version")
    how.add_argument("--file", metavar="MERGED.md", help="the resolved article (or body) as edited")
    how.add_argument("--draft", metavar="FILE.md",
                     help="write the article with its conflicts marked, to edit for --file")
    p.set_defaults(func=cmd_resolve)


def cmd_send(args, ctx) -> int:
    from editor_app.core.sync.engine import send

    lib = ctx.library(create=False)
    summary = send(lib, args.ids, args.out, since=args.since)
    if ctx.json:
        ctx.out_json(summary.as_dict())
    else:
        names = ", ".join(a.slug for a in summary.articles)
        ctx.out(f"wrote {summary.path}: {len(summary.articles)} article(s) ({names}), "
                f"{summary.revisions} revision(s), {summary.records} record(s), "
                f"{summary.assets} image(s), {summary.size:,} bytes")
    return 0


def cmd_receive(args, ctx) -> int:
    from editor_app.core.sync.engine import receive

    lib = ctx.library()  # a newcomer's first hand-off may start their library
    summary = receive(lib, args.file)
    if ctx.json:
        ctx.out_json(summary.as_dict())
    else:
        ctx.out(f"received {args.file}")
        for line in summary.lines():
            ctx.out(f"  {line}")
        if summary.conflicts:
            ctx.out("  resolve with: byline conflicts ID, then byline resolve ID")
    return 0


def cmd_conflicts(args, ctx) -> int:
    from editor_app.core.sync.resolve import load_conflict

    lib = ctx.library(create=False)
    if args.id is not None:
        model = load_conflict(lib, lib.resolve_id(args.id))
        if ctx.json:
            ctx.out_json(model.as_dict())
            return 0
        ctx.out(f"mine:   revision #{model.mine.number} by {model.mine.author or '-'} "
                f"({model.mine.reason})")
        ctx.out(f"theirs: revision #{model.theirs.number} by {model.theirs.author or '-'} "
                f"({model.theirs.reason})")
        for hunk in model.hunks:
            ctx.out(f"--- conflict {hunk.index + 1}: {hunk.name}")
            ctx.out(f"  mine:   {hunk.mine}")
            ctx.out(f"  theirs: {hunk.theirs}")
        if not model.hunks:
            ctx.out("everything merges now: byline resolve ID --take mine saves the merge")
        return 0
    rows = lib.conflicts()
    if ctx.json:
        ctx.out_json([row.as_dict() for row in rows])
        return 0
    if not rows:
        ctx.out("no conflicts")
    for row in rows:
        ctx.out(f"{row.article_id:>5}  {row.status:<17} {row.slug}  {row.title}"
                f"  ({len(row.theirs)} version(s) from elsewhere)")
    return 0


def cmd_resolve(args, ctx) -> int:
    from editor_app.core.sync.resolve import (
        conflict_draft,
        load_conflict,
        resolve_taking,
        resolve_with_file,
    )

    lib = ctx.library(create=False)
    aid = lib.resolve_id(args.id)
    if args.draft:
        target = pathlib.Path(args.draft)
        if target.is_dir() or not target.parent.is_dir():
            raise InputError(f"{target}: cannot write the draft there")
        text = conflict_draft(lib, load_conflict(lib, aid))
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{target}: cannot be written ({exc.strerror})") from None
        if ctx.json:
            ctx.out_json({"id": aid, "draft": str(target)})
        else:
            ctx.out(f"wrote {target}: edit it, then: byline resolve {args.id} --file {target}")
        return 0
    if args.take:
        article = resolve_taking(lib, aid, args.take)
    else:
        article = resolve_with_file(lib, aid, args.file)
    left = lib.conflict_revisions(aid)
    if ctx.json:
        ctx.out_json({"id": article.id, "slug": article.slug, "version": article.version,
                      "in_conflict": bool(left)})
    else:
        more = f"; {len(left)} more version(s) still in conflict" if left else ""
        ctx.out(f"{article.slug}: conflict resolved{more}")
    return 0
