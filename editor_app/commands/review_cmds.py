"""Sub-commands of the editorial review: pre-flight check, comments, history, restore.

``byline status`` lives in library_cmds and calls ``core.review.change_status``.
"""

from __future__ import annotations

import argparse

from editor_app.core.errors import InputError
from editor_app.core.review import (
    anchor_list,
    comment_threads,
    current_user,
    diff_stats,
    diff_to_text,
    edit_refusal,
    preflight,
    word_diff,
)

_MARK = {"ok": "✓", "warning": "!", "error": "✗"}


def register(sub) -> None:
    p = sub.add_parser("check-article", help="pre-flight checklist of an article (exit 1 on errors)")
    p.add_argument("id", metavar="ID|SLUG")
    p.set_defaults(func=cmd_check_article)

    p = sub.add_parser("comment", help="comment on a passage, reply, resolve or reopen")
    p.add_argument("id", metavar="ID|SLUG")
    p.add_argument("--quote", help="the passage commented on (its first occurrence, "
                   "or the one given by --occurrence)")
    p.add_argument("--occurrence", type=_positive, default=1,
                   help="which occurrence of the quote (1-based)")
    p.add_argument("--text", help="the comment")
    p.add_argument("--reply-to", type=int, metavar="COMMENT_ID", help="reply to a comment")
    p.add_argument("--resolve", type=int, metavar="COMMENT_ID", help="mark a thread resolved")
    p.add_argument("--reopen", type=int, metavar="COMMENT_ID", help="reopen a resolved thread")
    p.add_argument("--author", default=None, help="name recorded (default: the preferences)")
    p.set_defaults(func=cmd_comment)

    p = sub.add_parser("comments", help="list an article's comments with their anchors")
    p.add_argument("id", metavar="ID|SLUG")
    p.set_defaults(func=cmd_comments)

    p = sub.add_parser("history", help="revisions of an article, newest first")
    p.add_argument("id", metavar="ID|SLUG")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("diff-revisions", help="word-level diff between two revisions")
    p.add_argument("old", type=int, metavar="OLD_REVISION_ID")
    p.add_argument("new", type=int, metavar="NEW_REVISION_ID")
    p.set_defaults(func=cmd_diff_revisions)

    p = sub.add_parser("restore-revision",
                       help="bring back an old revision as a new one (history is kept)")
    p.add_argument("revision_id", type=int, metavar="REVISION_ID")
    p.set_defaults(func=cmd_restore_revision)


def _positive(text: str) -> int:
    """An occurrence number: 1 or more (0 or -1 silently meant "the first" before #19)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more (got {value})")
    return value


def cmd_check_article(args, ctx) -> int:
    lib = ctx.library(create=False)
    article = lib.get_article(args.id)
    result = preflight(lib, article.id)
    if ctx.json:
        ctx.out_json({"id": article.id, "slug": article.slug, **result.as_dict()})
    else:
        ctx.out(f"{article.slug}: {'ready' if result.ok else 'NOT ready'}")
        for item in result.items:
            ctx.out(f"  {_MARK.get(item.level, '?')} {item.level:<7} {item.code:<11} {item.message}")
    return 0 if result.ok else 1


def comment_dict(comment, anchor=None) -> dict:
    out = {"id": comment.id, "article_id": comment.article_id, "parent_id": comment.parent_id,
           "author": comment.author, "text": comment.text, "quote": comment.quote,
           "start": comment.start, "end": comment.end, "resolved": comment.resolved,
           "created_at": comment.created_at}
    if anchor is not None:
        out.update(start=anchor.start, end=anchor.end, detached=anchor.detached)
    return out


def _nth(text: str, needle: str, n: int) -> int:
    at = -1
    for _ in range(n):
        at = text.find(needle, at + 1)
        if at < 0:
            return -1
    return at


def cmd_comment(args, ctx) -> int:
    lib = ctx.library(create=False)
    article = lib.get_article(args.id)
    author = args.author if args.author is not None else current_user(lib)
    chosen = [x for x in (args.quote is not None, args.reply_to is not None,
                          args.resolve is not None, args.reopen is not None) if x]
    if len(chosen) != 1:
        raise InputError("give exactly one of --quote, --reply-to, --resolve, --reopen")
    if args.resolve is not None or args.reopen is not None:
        cid = args.resolve if args.resolve is not None else args.reopen
        comment = lib.get_comment(cid)
        if comment.article_id != article.id:
            raise InputError(f"comment {cid} is not on article {article.slug}")
        comment = lib.set_comment_resolved(cid, args.resolve is not None)
    elif args.reply_to is not None:
        if not args.text:
            raise InputError("--text: a reply needs some text")
        comment = lib.add_comment(article.id, text=args.text, author=author,
                                  parent_id=args.reply_to)
    else:
        if not args.text:
            raise InputError("--text: a comment needs some text")
        if not args.quote.strip():
            raise InputError("--quote: the passage to comment on is empty")
        start = _nth(article.body, args.quote, args.occurrence)
        if start < 0:
            raise InputError(f"--quote: {args.quote[:60]!r} does not occur in the article"
                             + (f" {args.occurrence} times" if args.occurrence > 1 else ""))
        comment = lib.add_comment(article.id, text=args.text, author=author, quote=args.quote,
                                  start=start, end=start + len(args.quote))
    if ctx.json:
        ctx.out_json(comment_dict(comment))
    else:
        state = "resolved" if comment.resolved else "open"
        ctx.out(f"comment {comment.id} on {article.slug} ({state})")
    return 0


def cmd_comments(args, ctx) -> int:
    lib = ctx.library(create=False)
    article = lib.get_article(args.id)
    anchors = {a.comment.id: a for a in anchor_list(article.body, lib.comments(article.id))}
    if ctx.json:
        ctx.out_json([comment_dict(c, anchors.get(c.id)) for c in lib.comments(article.id)])
        return 0
    threads = comment_threads(lib.comments(article.id))
    if not threads:
        ctx.out("no comments")
    for root, replies in threads:
        anchor = anchors[root.id]
        flags = ["resolved" if root.resolved else "open"] + (["DETACHED"] if anchor.detached else [])
        ctx.out(f"#{root.id} [{', '.join(flags)}] {root.author} {root.created_at}")
        ctx.out(f"    “{root.quote[:70]}” @{anchor.start}-{anchor.end}")
        ctx.out(f"    {root.text}")
        for reply in replies:
            ctx.out(f"    ↳ #{reply.id} {reply.author}: {reply.text}")
    return 0


def cmd_history(args, ctx) -> int:
    lib = ctx.library(create=False)
    article = lib.get_article(args.id)
    log = lib.revision_log(article.id)
    if ctx.json:
        ctx.out_json([r.as_dict() for r in log])
        return 0
    for r in log:
        ctx.out(f"{r.id:>7}  #{r.number:<5} {r.created_at}  {r.author or '-':<16} {r.reason}")
    return 0


def cmd_diff_revisions(args, ctx) -> int:
    lib = ctx.library(create=False)
    old, new = lib.get_revision(args.old), lib.get_revision(args.new)
    if old.article_id != new.article_id:
        raise InputError("the two revisions belong to different articles")
    ops = word_diff(old.body, new.body)
    title_ops = word_diff(old.title, new.title) if old.title != new.title else []
    if ctx.json:
        ctx.out_json({"old": old.id, "new": new.id, "article_id": old.article_id,
                      "title_changed": old.title != new.title, **diff_stats(title_ops, ops),
                      "ops": [op.as_dict() for op in ops]})
    else:
        if old.title != new.title:
            ctx.out(f"title: [-{old.title}-]{{+{new.title}+}}")
        ctx.out(diff_to_text(ops))
    return 0


def cmd_restore_revision(args, ctx) -> int:
    lib = ctx.library(create=False)
    rev = lib.get_revision(args.revision_id)
    # An approved or published story is reopened for correction first (#17, #19).
    article = lib.restore_revision(rev.id, author=current_user(lib), refuse=edit_refusal)
    new_rev = lib.revision_log(article.id)[0]
    if ctx.json:
        ctx.out_json({"id": article.id, "slug": article.slug, "restored": rev.id,
                      "restored_number": rev.number, "revision": new_rev.as_dict()})
    else:
        ctx.out(f"{article.slug}: revision #{rev.number} restored as revision #{new_rev.number}")
    return 0
