"""Sub-commands for the rolling backups: ``byline backups`` and ``byline restore``.

``restore`` never opens the library through ``Library.open``: the file may be
too damaged to open, which is exactly when this command is needed.
"""

from __future__ import annotations

import pathlib

from editor_app.core import backups
from editor_app.core.errors import LibraryError


def register(sub) -> None:
    p = sub.add_parser("backups", help="list the rolling backups of the library")
    p.add_argument("--folder", metavar="DIR",
                   help="backup folder (default: <library>.backups next to the library)")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="replace a damaged library with the newest good backup "
                       "(refused while the library is open anywhere)")
    p.add_argument("--from", dest="source", metavar="BACKUP",
                   help="restore this backup file instead of the newest good one")
    p.add_argument("--folder", metavar="DIR",
                   help="backup folder (default: <library>.backups next to the library)")
    p.add_argument("--force", action="store_true",
                   help="restore even though the library is sound (it is kept aside as "
                   "<name>.replaced-<time>)")
    p.add_argument("--to", dest="target", metavar="FILE",
                   help="write the backup's library into this new file instead, leaving the "
                   "library alone (to look at an old version)")
    p.set_defaults(func=cmd_restore)


def _folder(args, ctx):
    return args.folder or backups.default_backup_folder(ctx.library_path)


def cmd_backups(args, ctx) -> int:
    folder = _folder(args, ctx)
    found = [backups.describe_backup(b) for b in backups.list_backups(folder)]
    if ctx.json:
        ctx.out_json(found)
        return 0
    if not found:
        ctx.out(f"no backups in {folder}")
        return 0
    for b in found:
        articles = b.get("articles", "?")
        # A chunked backup shares what did not change: what it added is its real cost.
        added = (f"  +{b['added_bytes'] / 1e6:.1f} MB new" if "added_bytes" in b
                 else "  whole copy" if b["kind"] == backups.WHOLE_COPY else "")
        problem = f"  ({b['problem']})" if "problem" in b else ""
        ctx.out(f"{b['created'][:19].replace('T', ' ')}  {b['size'] / 1e6:8.1f} MB  "
                f"{articles:>6} articles  {b['path']}{added}{problem}")
    return 0


def cmd_restore(args, ctx) -> int:
    if args.target:
        return _restore_to(args, ctx)
    result = backups.restore_newest_good(ctx.library_path, _folder(args, ctx),
                                         source=args.source, force=args.force)
    if ctx.json:
        ctx.out_json(result.as_dict())
        return 0
    for path, reason in result.skipped:
        ctx.warn(f"skipped damaged backup {path.name}: {reason}")
    ctx.out(f"restored {result.library} from {result.restored_from}")
    if result.previous_copy:
        what = "damaged file" if result.previous_damaged else "previous library"
        ctx.out(f"the {what} was kept as {result.previous_copy}")
    return 0


def _restore_to(args, ctx) -> int:
    """``restore --to FILE``: the backup (``--from``, else the newest good one) as a file."""
    if args.source:
        candidates = [args.source]
    else:
        folder = _folder(args, ctx)
        candidates = [b.path for b in backups.list_backups(folder)]
        if not candidates:
            raise LibraryError(f"{ctx.library_path}: no backups in {folder}")
    for n, candidate in enumerate(candidates):
        try:
            made = backups.extract_backup(candidate, args.target)
        except LibraryError as exc:
            if args.source or n == len(candidates) - 1 or "damaged" not in str(exc):
                raise
            ctx.warn(f"skipped damaged backup {pathlib.Path(candidate).name}: {exc}")
            continue
        if ctx.json:
            ctx.out_json({"restored_from": str(candidate), "file": str(made)})
        else:
            ctx.out(f"wrote the library of {candidate} to {made}")
        return 0
    return 1  # pragma: no cover - the loop returns or raises
