"""Sub-commands for the rolling backups: ``byline backups`` and ``byline restore``.

``restore`` never opens the library through ``Library.open``: the file may be
too damaged to open, which is exactly when this command is needed.
"""

from __future__ import annotations

from editor_app.core import backups


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
        ctx.out(f"{b['created'][:19].replace('T', ' ')}  {b['size'] / 1e6:8.1f} MB  "
                f"{articles:>6} articles  {b['path']}")
    return 0


def cmd_restore(args, ctx) -> int:
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
