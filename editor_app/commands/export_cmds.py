"""``byline export``: HTML bundles for the website, one article or a batch, folder or zip (#7)."""

from __future__ import annotations

import pathlib
import sys

from editor_app.core.errors import BylineError, InputError


def register(sub) -> None:
    p = sub.add_parser("export", help="export articles as publishable HTML bundles")
    p.add_argument("ids", nargs="*", metavar="ID|SLUG", help="articles to export")
    p.add_argument("--out", required=True, metavar="DIR",
                   help="output folder (with --zip: the zip file, or the folder to put it in)")
    p.add_argument("--zip", action="store_true", help="write one zip instead of folders")
    p.add_argument("--status", metavar="S", help="also export every article with this status")
    p.add_argument("--force", action="store_true",
                   help="export articles that fail the pre-flight check (recorded)")
    p.add_argument("--articles-only", action="store_true",
                   help="write the article folders only, no listing (index.html) and feed.xml: "
                        "for a folder that holds a site's own")
    p.add_argument("--take-over", action="store_true",
                   help="replace the listing, feed and article folders there even when Byline "
                        "did not write them (nothing else is deleted)")
    p.add_argument("--workers", type=int, default=2, help="parallel renders (default 2)")
    p.set_defaults(func=cmd_export)


def _zip_target(out: pathlib.Path, slugs: list[str]) -> pathlib.Path:
    """``--out x.zip`` is the file; ``--out DIR`` puts <slug>.zip or byline-export.zip in it."""
    if out.suffix.lower() == ".zip":
        return out
    for ancestor in [out, *out.parents]:
        if ancestor.exists() and not ancestor.is_dir():
            raise InputError(f"{out}: {ancestor} is a file, not a folder")
        if ancestor.exists():
            break
    if not out.is_dir():
        try:
            out.mkdir()
        except OSError as exc:
            raise InputError(f"{out}: cannot create the folder ({exc.strerror})") from None
    name = f"{slugs[0]}.zip" if len(slugs) == 1 else "byline-export.zip"
    return out / name


def cmd_export(args, ctx) -> int:
    if not args.ids and not args.status:
        raise InputError("export: name articles (ID or slug) or give --status")
    started = None
    if args.status or len(args.ids) >= BATCH_HINT:
        # A batch: start the export processes before the heavy imports and the library,
        # so they are ready when the first articles are (a tenth of a second on 1,000).
        from editor_app.core.export import procpool

        started = procpool.start_processes(args.workers, caller_works=True)
    try:
        return _export(args, ctx, started)
    finally:
        if started is not None:
            started.close()  # a no-op when export_articles already used and closed it


# Named articles from which a batch is worth starting processes early for
# (batch.PROCESS_MIN_ARTICLES, not imported here: that module is the heavy one).
BATCH_HINT = 24


def _export(args, ctx, started) -> int:
    from editor_app.core.export import export_articles

    lib = ctx.library(create=False)
    ids: list[int] = []
    failed: list[tuple[str, str]] = []
    for given in args.ids:
        try:
            ids.append(lib.resolve_id(given))
        except BylineError as exc:
            failed.append((str(given), str(exc)))
    if args.status:
        ids += lib.ids_with_status(args.status)
    ids = list(dict.fromkeys(ids))
    out = pathlib.Path(args.out).expanduser()
    zip_path = None
    if args.zip and ids:
        zip_path = _zip_target(out, [lib.get_article(i).slug for i in ids])

    def progress(done: int, total: int, slug: str) -> None:
        if not ctx.json and total > 1 and sys.stderr.isatty():
            print(f"\r{done}/{total} {slug[:50]:<50}", end="", file=ctx.stderr, flush=True)

    report = None
    if ids:
        report = export_articles(lib, ids, None if zip_path else out, zip_path=zip_path,
                                 force=args.force, progress=progress, workers=args.workers,
                                 caller_works=True, started=started,
                                 listing=False if args.articles_only else None,
                                 take_over=args.take_over)
        if not ctx.json and len(ids) > 1 and sys.stderr.isatty():
            print(file=ctx.stderr)
    exported = report.exported if report else []
    failed += report.failed if report else []
    notes = report.notes if report and exported else []
    if ctx.json:
        ctx.out_json({"exported": [e.as_dict() for e in exported],
                      "failed": [{"slug": slug, "error": message} for slug, message in failed],
                      "notes": notes})
    else:
        for note in notes:
            ctx.warn(f"note: {note}")
        for e in exported:
            ctx.out(f"exported {e.id} {e.slug} -> {e.path}")
        for slug, message in failed:
            ctx.warn(f"{slug}: {message}")
        if not ids:
            ctx.out("nothing to export")
        elif zip_path and report is not None and report.zip_written:
            ctx.out(f"zip: {zip_path}")
        elif zip_path and report is not None and report.failed:
            ctx.warn(f"{zip_path}: not written, because {len(report.failed)} article(s) "
                     "failed; " + ("the previous zip is unchanged" if zip_path.exists()
                                   else "fix them and export again"))
    return 0 if not failed and (report is None or report.ok) else 1
