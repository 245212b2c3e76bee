"""Sub-commands for tags, the vocabulary and related news (#5).

    byline tag ID [--add T]... [--remove T]...    change an article's tags, print them
    byline tags list                              the vocabulary with aliases and counts
    byline tags suggest ID [--limit N]            tags worth adding, with a score
    byline tags rename OLD NEW                    rename a tag (articles keep it)
    byline tags merge FROM INTO                   fold one tag into another
    byline tags alias TAG ALIAS [--remove]        another name for a tag ("EU")
    byline tags describe TAG TEXT                 the tag's description
    byline related ID [--limit N] [--include-newer]   related-news suggestions
    byline related ID --pin OTHER | --unpin OTHER | --ban OTHER
    byline related-space [--update | --rebuild]   the learned topic space of related news (#16)
"""

from __future__ import annotations

import argparse

from editor_app.core.related import suggest_related, suggest_tags, tag_articles

TAGS_EPILOG = """\
examples:
  byline tags list --json
  byline tags suggest 12 --json          -> [{"tag": ..., "score": ...}]
  byline tags rename "eu policy" "EU policy"
  byline tags merge "Brexit talks" "Brexit"   (the old name becomes an alias)
  byline tags alias "European Union" EU
"""


def register(sub) -> None:
    p = sub.add_parser(
        "tag", help="add or remove tags of an article",
        description="Add and remove tags of one article and print the resulting tags "
                    "(--json: {id, slug, tags}). New names join the vocabulary; aliases "
                    "resolve to their tag.")
    p.add_argument("id", metavar="ID|SLUG")
    p.add_argument("--add", action="append", default=[], metavar="TAG", help="repeatable")
    p.add_argument("--remove", action="append", default=[], metavar="TAG", help="repeatable")
    p.set_defaults(func=cmd_tag)

    tags = sub.add_parser(
        "tags", help="the tag vocabulary: list, suggest, rename, merge, alias, describe",
        description="Manage the tag vocabulary. Names compare without case and spacing "
                    "(\"EU  policy\" is \"eu policy\").",
        epilog=TAGS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    tsub = tags.add_subparsers(dest="tags_command", metavar="ACTION", required=True)

    p = tsub.add_parser("list", help="every tag with slug, aliases and article count "
                                     "(--json: [{name, slug, description, aliases, count}])")
    p.set_defaults(func=cmd_tags_list)

    p = tsub.add_parser("suggest", help="tags worth adding to an article (--json: [{tag, score}])")
    p.add_argument("id", metavar="ID|SLUG")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--reasons", action="store_true", help="include the reasons in --json output")
    p.set_defaults(func=cmd_tags_suggest)

    p = tsub.add_parser("rename", help="rename a tag; every article keeps it, the old name "
                                       "becomes an alias")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.set_defaults(func=cmd_tags_rename)

    p = tsub.add_parser("merge", help="move every article of FROM to INTO and delete FROM "
                                      "(its name becomes an alias of INTO)")
    p.add_argument("source", metavar="FROM")
    p.add_argument("target", metavar="INTO")
    p.set_defaults(func=cmd_tags_merge)

    p = tsub.add_parser("alias", help="add (or --remove) another name for a tag")
    p.add_argument("tag", metavar="TAG")
    p.add_argument("alias", metavar="ALIAS")
    p.add_argument("--remove", action="store_true")
    p.set_defaults(func=cmd_tags_alias)

    p = tsub.add_parser("describe", help="set a tag's description (empty text clears it)")
    p.add_argument("tag", metavar="TAG")
    p.add_argument("text", metavar="TEXT")
    p.set_defaults(func=cmd_tags_describe)

    p = sub.add_parser(
        "related", help="related-news suggestions, or pin/unpin/ban one",
        description="Without --pin/--unpin/--ban: suggestions, best first, with their reasons "
                    "(--json: [{id, slug, title, date, score, reasons}]). By default only "
                    "older, non-spiked articles are suggested.")
    p.add_argument("id", metavar="ID|SLUG")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--include-newer", action="store_true", help="also suggest newer articles")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--pin", metavar="OTHER", help="pin OTHER under the story (at the end)")
    action.add_argument("--unpin", metavar="OTHER", help="remove OTHER from the pinned list")
    action.add_argument("--ban", metavar="OTHER", help="never suggest OTHER for this story")
    p.set_defaults(func=cmd_related)

    p = sub.add_parser(
        "related-space", help="show or update the learned topic space of related news",
        description="Related news also compare stories by topic, in a space learned from the "
                    "library itself (a small library is helped by shipped background stories). "
                    "The desktop app keeps it current in the background; `byline related` "
                    "updates it itself when that is quick. Without options: what the space "
                    "covers (--json: {live, covered, pending, built_from, background, action}).")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--update", action="store_true",
                        help="place new and edited articles, or relearn the space if the "
                             "library grew by a fifth")
    action.add_argument("--rebuild", action="store_true", help="relearn the space from scratch")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    p.add_argument("--background", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_related_space)


def _tag_dict(tag) -> dict:
    return {"name": tag.name, "slug": tag.slug, "description": tag.description,
            "aliases": list(tag.aliases), "count": tag.count}


def cmd_tag(args, ctx) -> int:
    lib = ctx.library()
    aid = lib.resolve_id(args.id)
    if args.add or args.remove:
        tags = tag_articles(lib, [aid], add=args.add, remove=args.remove)[aid]
    else:
        tags = lib.article_tags(aid)
    if ctx.json:
        slug = lib.get_article(aid).slug
        ctx.out_json({"id": aid, "slug": slug, "tags": tags})
    else:
        ctx.out(", ".join(tags) if tags else "(no tags)")
    return 0


def cmd_tags_list(args, ctx) -> int:
    tags = ctx.library().all_tags()
    if ctx.json:
        ctx.out_json([_tag_dict(t) for t in tags])
        return 0
    if not tags:
        ctx.out("the vocabulary is empty")
    for t in tags:
        aliases = f"  (also: {', '.join(t.aliases)})" if t.aliases else ""
        ctx.out(f"{t.count:>6}  {t.name}{aliases}")
    return 0


def cmd_tags_suggest(args, ctx) -> int:
    found = suggest_tags(ctx.library(), args.id, limit=args.limit)
    if ctx.json:
        ctx.out_json([s.as_dict() if args.reasons else {"tag": s.tag, "score": s.score}
                      for s in found])
        return 0
    if not found:
        ctx.out("no suggestions")
    for s in found:
        ctx.out(f"{s.score:6.3f}  {s.tag}  ({'; '.join(s.reasons)})")
    return 0


def _report_tag(ctx, tag, verb: str) -> int:
    if ctx.json:
        ctx.out_json(_tag_dict(tag))
    else:
        aliases = f" (also: {', '.join(tag.aliases)})" if tag.aliases else ""
        ctx.out(f"{verb} {tag.name}{aliases}: {tag.count} article(s)")
    return 0


def cmd_tags_rename(args, ctx) -> int:
    return _report_tag(ctx, ctx.library().rename_tag(args.old, args.new), "renamed to")


def cmd_tags_merge(args, ctx) -> int:
    return _report_tag(ctx, ctx.library().merge_tags(args.source, args.target), "merged into")


def cmd_tags_alias(args, ctx) -> int:
    lib = ctx.library()
    if args.remove:
        return _report_tag(ctx, lib.remove_tag_alias(args.tag, args.alias), "aliases of")
    return _report_tag(ctx, lib.add_tag_alias(args.tag, args.alias), "aliases of")


def cmd_tags_describe(args, ctx) -> int:
    return _report_tag(ctx, ctx.library().set_tag_description(args.tag, args.text), "described")


def cmd_related(args, ctx) -> int:
    lib = ctx.library()
    aid = lib.resolve_id(args.id)
    if args.pin or args.unpin or args.ban:
        if args.pin:
            lib.pin_related(aid, args.pin)
        elif args.unpin:
            lib.unpin_related(aid, args.unpin)
        else:
            lib.ban_related(aid, args.ban)
        pinned = lib.pinned_related(aid)
        if ctx.json:
            ctx.out_json({"id": aid, "pinned": [{"id": a.id, "slug": a.slug, "title": a.title,
                                                 "date": a.date} for a in pinned]})
        else:
            ctx.out("pinned: " + ("; ".join(f"{a.slug} ({a.date})" for a in pinned) or "(none)"))
        return 0
    if args.limit < 1:
        from editor_app.core.errors import InputError
        raise InputError("--limit: must be at least 1")
    from editor_app.core.related import topics  # numpy: only when related news are asked for

    status = topics.refresh_if_small(lib)
    if status is not None and status.action != "none":
        ctx.warn(f"the topic space is out of date ({status.pending} new or edited articles); "
                 "`byline related-space --update` brings it up to date")
    found = suggest_related(lib, aid, limit=args.limit, include_newer=args.include_newer)
    if ctx.json:
        ctx.out_json([s.as_dict() for s in found])
        return 0
    if not found:
        ctx.out("no related articles found")
    for s in found:
        mark = " [pinned]" if s.pinned else ""
        ctx.out(f"{s.score:6.3f}  {s.id:>5}  {s.date or '----------'}  {s.title}{mark}\n"
                f"        {'; '.join(s.reasons)}")
    return 0


def _status_dict(status) -> dict:
    return {"live": status.live, "covered": status.covered, "pending": status.pending,
            "built_from": status.built_from, "background": status.background,
            "action": status.action}


def cmd_related_space(args, ctx) -> int:
    from editor_app.core.related import topics  # numpy: only when this command runs

    if args.background:
        _be_gentle()
    lib = ctx.library()
    if not (args.update or args.rebuild):
        status = topics.space_status(lib, thorough=True)
        if ctx.json:
            ctx.out_json(_status_dict(status))
        else:
            ctx.out(status.describe())
            if status.action != "none":
                ctx.out("run `byline related-space --update` to bring it up to date")
        return 0
    progress = None
    if not args.quiet and not ctx.json:
        def progress(step: str, fraction: float) -> None:
            print(f"\r{step}… {fraction:4.0%}", end="", file=ctx.stderr, flush=True)
    report = topics.update_space(lib, rebuild=args.rebuild, progress=progress)
    if progress is not None:
        print(file=ctx.stderr)
    status = topics.space_status(lib)
    if ctx.json:
        ctx.out_json({**_status_dict(status), "done": report.action, "articles": report.articles,
                      "seconds": round(report.seconds, 2)})
    elif not args.quiet:
        done = {"none": "the topic space was up to date",
                "fold": f"placed {report.articles} new or edited articles",
                "rebuild": f"learned the topic space from {report.articles} articles "
                           f"({report.dimensions} dimensions)"}[report.action]
        ctx.out(f"{done} in {report.seconds:.1f} s; {status.describe()}")
    return 0


def _be_gentle() -> None:
    """The desktop app's background update: yield the processor to the person typing."""
    import os

    try:
        os.nice(10)
    except (AttributeError, OSError):
        pass
