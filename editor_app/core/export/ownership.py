"""Which files in an output folder Byline wrote, so that it replaces those and nothing else.

Producers export into the folder of a real site: its own ``index.html``,
``feed.xml``, ``about/``, notes someone left in a story's folder.  Byline knows
its own files from its manifests:

- a bundle's ``manifest.json`` lists every file of the bundle with its sha256;
- ``byline-listing.json`` at the top lists the batch listing and feed it wrote.

A file is Byline's when a manifest lists it *and* it still has the listed hash
(a page fixed by hand on the server is someone's work now).  Re-exporting a
bundle replaces Byline's files and carries every other file of the old folder
over into the new one, untouched; a folder or a listing Byline did not write is
refused with one line, unless the producer asks to take the folder over, which
replaces what lies at the paths Byline writes and still deletes nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
import pathlib
from dataclasses import dataclass, field

from editor_app.core.errors import InputError
from editor_app.core.export.paths import atomic_file

LISTING_RECORD = "byline-listing.json"
LISTING_FILES = ("index.html", "feed.xml")
MANIFEST = "manifest.json"
MANIFEST_MAX_BYTES = 4 * 1024 * 1024
CHOICES = ("export the articles only (--articles-only: no listing and feed) or take the "
           "folder over (--take-over: Byline replaces its listing and feed there, and deletes "
           "nothing)")
TAKE_OVER = ("take the folder over (--take-over: Byline writes its files there and deletes "
             "nothing else)")


def sha256_file(path: pathlib.Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _load_json(path: pathlib.Path) -> dict | None:
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MANIFEST_MAX_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _recorded(data: dict | None) -> dict[str, str]:
    """``{path: sha256}`` of a Byline manifest or listing record; {} for anything else."""
    if not data or not isinstance(data.get("tool"), dict) or data["tool"].get("name") != "byline":
        return {}
    files = data.get("files")
    if not isinstance(files, list):
        return {}
    return {f["path"]: f["sha256"] for f in files
            if isinstance(f, dict) and isinstance(f.get("path"), str)
            and isinstance(f.get("sha256"), str)}


# -- the batch listing and feed ----------------------------------------------------------

def check_listing(root: pathlib.Path, *, take_over: bool) -> None:
    """Refuse (InputError, one line) to replace a listing or feed Byline did not write."""
    if take_over or not root.is_dir():
        return
    recorded = _recorded(_load_json(root / LISTING_RECORD))
    for name in LISTING_FILES:
        path = root / name
        if not os.path.lexists(path):
            continue
        if name in recorded and path.is_file() and not path.is_symlink() \
                and sha256_file(path) == recorded[name]:
            continue
        what = ("was changed since Byline wrote it" if name in recorded
                else "was not written by Byline (the site's own?)")
        raise InputError(f"{root}: {name} {what}; nothing was exported. To keep it, {CHOICES}")


def record_listing(root: pathlib.Path, files: dict[str, bytes], tool_version: str) -> None:
    """Remember the listing and feed just written, for the next export's ``check_listing``."""
    record = {"tool": {"name": "byline", "version": tool_version},
              "note": "the files Byline wrote at the top of this export folder",
              "files": [{"path": name, "sha256": hashlib.sha256(data).hexdigest()}
                        for name, data in sorted(files.items())]}
    with atomic_file(root / LISTING_RECORD) as handle:
        handle.write((json.dumps(record, indent=2, sort_keys=True) + "\n").encode("utf-8"))


# -- bundle folders ------------------------------------------------------------------------

@dataclass
class BundlePlan:
    """What replacing an existing bundle folder keeps: entries to carry over (relative)."""

    keep: list[str] = field(default_factory=list)


def plan_bundle(final: pathlib.Path, new_files: dict[str, bytes], *, take_over: bool) -> BundlePlan:
    """Check an existing ``final`` folder before a new bundle replaces it.

    Byline's own unchanged files may go; every other entry is kept (carried into
    the new bundle).  Refused with InputError, naming the file: a folder that is
    not a Byline bundle, a file of the bundle changed by hand, another file at a
    path the new bundle writes; ``take_over`` allows these (the files at Byline's
    paths are replaced, the rest is kept).  A non-folder is always refused.
    """
    plan = BundlePlan()
    if not os.path.lexists(final):
        return plan
    if final.is_symlink() or not final.is_dir():
        raise InputError(f"{final}: a file that is not a folder is in the way; move it away")
    recorded = _recorded(_load_json(final / MANIFEST))
    if not recorded and not take_over:
        raise InputError(f"{final}: a folder not written by Byline is in the way (no Byline "
                         f"manifest); rename it, choose another folder, or {TAKE_OVER}")
    writes = set(new_files) | {MANIFEST}
    byline_dirs = {rel.split("/", 1)[0] for rel in [*recorded, *new_files] if "/" in rel}
    for rel, path in _entries(final, byline_dirs):
        if rel == MANIFEST and recorded:
            continue
        if rel in recorded and not path.is_symlink() and path.is_file():
            if sha256_file(path) == recorded[rel]:
                continue  # Byline's, as it wrote it
            if not take_over:
                raise InputError(f"{final / rel}: changed since Byline wrote it; move your "
                                 f"version away first, or {TAKE_OVER}")
            continue
        if rel in writes:
            same = (path.is_file() and not path.is_symlink()
                    and sha256_file(path) == hashlib.sha256(new_files.get(rel, b"")).hexdigest())
            if not same and not take_over:
                raise InputError(f"{final / rel}: not written by Byline, and the new bundle "
                                 f"needs its place; move it away first, or {TAKE_OVER}")
            continue
        plan.keep.append(rel)
    return plan


def _entries(folder: pathlib.Path, byline_dirs: set[str], prefix: str = ""):
    """(relative path, path) of the files in ``folder``; a sub-folder Byline never writes
    is one entry (kept whole), Byline's own (``assets/``) are walked into."""
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        rel = f"{prefix}{entry.name}"
        path = pathlib.Path(entry.path)
        if entry.is_dir(follow_symlinks=False) and not prefix and entry.name in byline_dirs:
            yield from _entries(path, byline_dirs, f"{rel}/")
        else:
            yield rel, path


def carry_over(source: pathlib.Path, target: pathlib.Path, keep: list[str]) -> list[str]:
    """Move the kept entries from the old folder into the new one; returns those moved."""
    moved = []
    for rel in keep:
        destination = target / rel
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.rename(source / rel, destination)
        moved.append(rel)
    return moved


def carry_back(source: pathlib.Path, target: pathlib.Path, moved: list[str]) -> None:
    """Undo ``carry_over`` after a failed export: every kept entry goes back where it was."""
    for rel in moved:
        back = target / rel
        back.parent.mkdir(parents=True, exist_ok=True)
        os.rename(source / rel, back)
