"""Hand-off files (``.byline``): the changes of a few articles in one zip, for e-mail or USB (#14).

Layout of the zip::

    manifest.json           format, version, the sender library's id, the articles
                            (uuid, slug, title), asset names and types, and the
                            sha256 and size of every other member
    library.json            records that belong to no article (vocabulary, newsroom words)
    articles/<uuid>.json    one article's revisions and records (``wire``)
    assets/<sha256>         images, named by the hash of their bytes

Members are written in a fixed order with fixed timestamps: the same changes give
the same bytes. Nothing is ever extracted to disk.

Reading trusts nothing: the file must be a zip of exactly those member names
(no ``..``, absolute, device or other names), within size limits that a zip
bomb would cross, with the sha256 of every member as the manifest says and a
format version this program knows. Any problem raises ``HandoffError`` naming
the file and the problem, before or during a receive (whose transaction is
then rolled back: the library is untouched).
"""

from __future__ import annotations

import hashlib
import os
import pathlib
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import orjson

from editor_app import __version__
from editor_app.core.errors import InputError
from editor_app.core.ids import is_uid
from editor_app.core.library.connection import SQLITE_HEADER
from editor_app.core.sync.wire import (
    ArticleChanges,
    LibraryChanges,
    decode_article,
    decode_library,
    encode_article,
    encode_library,
    is_sha256,
)

FORMAT = "byline-handoff"
FORMAT_VERSION = 1
SUFFIX = ".byline"
MANIFEST = "manifest.json"
LIBRARY_MEMBER = "library.json"
MAX_MEMBERS = 200_000
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_JSON_BYTES = 512 * 1024 * 1024
MAX_ASSET_BYTES = 25 * 1024 * 1024
MAX_TOTAL_BYTES = 8 * 1024 * 1024 * 1024
#: Unpacked/packed ratio above which a large member is taken for a zip bomb.
BOMB_RATIO, BOMB_MIN_BYTES = 200, 16 * 1024 * 1024
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_ARTICLE_MEMBER = re.compile(r"articles/([0-9a-f-]{36})\.json")
_ASSET_MEMBER = re.compile(r"assets/([0-9a-f]{64})")
_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
            *(f"lpt{i}" for i in range(10))}


class HandoffError(InputError):
    """A hand-off file that cannot be read or must not be trusted."""


def member_problem(name: str) -> str | None:
    """Why a zip member name is refused, or None for a name a hand-off file may have."""
    if "\x00" in name:
        return "contains a NUL byte"
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return "is an absolute path"
    parts = re.split(r"[\\/]", name)
    if ".." in parts:
        return "climbs out of its folder (..)"
    if any(part.split(".")[0].strip().lower() in _DEVICES for part in parts if part):
        return "is a device name"
    if "\\" in name:
        return "uses backslashes"
    if name in (MANIFEST, LIBRARY_MEMBER) or _ARTICLE_MEMBER.fullmatch(name) or \
            _ASSET_MEMBER.fullmatch(name):
        return None
    return "is not part of a hand-off file"


@dataclass
class Knowledge:
    """What the other side is known to have: nothing of it needs to travel again."""

    revisions: set[str] = field(default_factory=set)
    records: set[str] = field(default_factory=set)
    assets: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class HandoffArticle:
    uuid: str
    slug: str
    title: str


class HandoffReader:
    """An open, checked hand-off file; the members are read (and hash-checked) on demand.

    Implements what ``engine.apply_changes`` reads: ``library_changes()``,
    ``article_changes()``, ``asset_shas()``, ``asset(sha)`` and ``name``.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = pathlib.Path(path)
        self.name = str(self.path)
        self._zip = self._open()
        try:
            self._check_members()
            self.manifest = self._read_manifest()
        except BaseException:
            self._zip.close()
            raise

    # -- opening -----------------------------------------------------------------------
    def fail(self, problem: str):
        raise HandoffError(f"{self.path}: {problem}")

    def _open(self) -> zipfile.ZipFile:
        try:
            if self.path.is_dir():
                self.fail("is a folder, not a hand-off file")
            with open(self.path, "rb") as handle:
                head = handle.read(16)
        except FileNotFoundError:
            self.fail("no such file")
        except PermissionError:
            self.fail("cannot be read (permission denied)")
        except OSError as exc:
            self.fail(f"cannot be read ({exc.strerror})")
        if head.startswith(SQLITE_HEADER):
            self.fail("is a Byline library, not a hand-off file (open it with --library)")
        if not head.startswith(b"PK"):
            self.fail("is not a Byline hand-off file (not a zip archive)")
        try:
            return zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            self.fail(f"is damaged or truncated ({exc})")

    def _check_members(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            self.fail(f"has more than {MAX_MEMBERS} members")
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            problem = member_problem(name)
            if problem:
                self.fail(f"member {name[:80]!r} {problem}; refused")
            if name in seen:
                self.fail(f"member {name!r} appears twice")
            seen.add(name)
            if info.flag_bits & 0x1:
                self.fail(f"member {name!r} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                self.fail(f"member {name!r} uses an unknown compression")
            limit = MAX_ASSET_BYTES if name.startswith("assets/") else (
                MAX_MANIFEST_BYTES if name == MANIFEST else MAX_JSON_BYTES)
            if info.file_size > limit:
                self.fail(f"member {name!r} unpacks to {info.file_size // (1024 * 1024)} MB, "
                          f"more than the {limit // (1024 * 1024)} MB allowed (a zip bomb?)")
            if info.file_size > BOMB_MIN_BYTES and info.file_size > BOMB_RATIO * max(1, info.compress_size):
                self.fail(f"member {name!r} unpacks {info.file_size // max(1, info.compress_size)} "
                          "times larger than it is packed (a zip bomb?)")
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            self.fail(f"unpacks to more than {MAX_TOTAL_BYTES // 1024 ** 3} GB (a zip bomb?)")
        if MANIFEST not in seen:
            self.fail("is not a Byline hand-off file (no manifest.json)")
        self._names = seen

    def _read_manifest(self) -> dict:
        raw = self._read_raw(MANIFEST, MAX_MANIFEST_BYTES)
        try:
            manifest = orjson.loads(raw)
        except orjson.JSONDecodeError:
            self.fail("manifest.json is not valid JSON")
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            self.fail("is not a Byline hand-off file (the manifest names another format)")
        version = manifest.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.fail("the manifest has no valid format version")
        if version > FORMAT_VERSION:
            self.fail(f"was made by a newer Byline (hand-off format {version}; this Byline reads "
                      f"format {FORMAT_VERSION}); please update Byline")
        members = manifest.get("members")
        if not isinstance(members, dict):
            self.fail("the manifest does not list its members")
        listed = set(members)
        actual = self._names - {MANIFEST}
        if listed - actual:
            self.fail(f"member {sorted(listed - actual)[0]!r} is listed in the manifest but missing "
                      "(a truncated file?)")
        if actual - listed:
            self.fail(f"member {sorted(actual - listed)[0]!r} is not listed in the manifest")
        for name, entry in members.items():
            if not isinstance(entry, dict) or not is_sha256(entry.get("sha256")) or \
                    entry.get("size") != self._zip.getinfo(name).file_size:
                self.fail(f"the manifest entry of {name!r} is damaged (sha256 or size)")
        origin = manifest.get("library", "")
        if origin and not is_uid(origin):
            self.fail("the manifest names an invalid sender library id")
        articles = manifest.get("articles")
        if not isinstance(articles, list):
            self.fail("the manifest does not list its articles")
        self.articles: list[HandoffArticle] = []
        for entry in articles:
            if not isinstance(entry, dict) or not is_uid(entry.get("uuid")) or \
                    f"articles/{entry.get('uuid')}.json" not in actual:
                self.fail("the manifest lists an article that is not in the file")
            self.articles.append(HandoffArticle(entry["uuid"], str(entry.get("slug", ""))[:80],
                                                str(entry.get("title", ""))[:300]))
        if {f"articles/{a.uuid}.json" for a in self.articles} != \
                {n for n in actual if n.startswith("articles/")}:
            self.fail("the manifest and the articles in the file disagree")
        assets = manifest.get("assets", {})
        if not isinstance(assets, dict) or set(assets) != {n[7:] for n in actual
                                                           if n.startswith("assets/")}:
            self.fail("the manifest and the images in the file disagree")
        self._asset_info = assets
        return manifest

    # -- members ---------------------------------------------------------------------------
    def _read_raw(self, name: str, limit: int) -> bytes:
        try:
            with self._zip.open(name) as handle:
                data = handle.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            self.fail(f"member {name!r} is damaged ({exc})")
        except RuntimeError as exc:  # encrypted or otherwise unreadable
            self.fail(f"member {name!r} cannot be read ({exc})")
        if len(data) > limit:
            self.fail(f"member {name!r} is larger than allowed (a zip bomb?)")
        return data

    def _read_member(self, name: str, limit: int) -> bytes:
        data = self._read_raw(name, limit)
        entry = self.manifest["members"][name]
        if len(data) != entry["size"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
            self.fail(f"member {name!r} does not match its sha256 in the manifest (damaged or "
                      "altered)")
        return data

    def _json(self, name: str):
        data = self._read_member(name, MAX_JSON_BYTES)
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            self.fail(f"member {name!r} is not valid JSON ({exc})")

    @property
    def origin(self) -> str:
        """The id of the library that wrote the file ("" when it did not say)."""
        return self.manifest.get("library", "")

    def library_changes(self) -> LibraryChanges:
        if LIBRARY_MEMBER not in self._names:
            return LibraryChanges()
        return decode_library(self._json(LIBRARY_MEMBER), f"{self.path}: {LIBRARY_MEMBER}")

    def article_changes(self) -> Iterator[ArticleChanges]:
        """Each article's changes in turn, decoded and checked (one in memory at a time)."""
        for article in self.articles:
            name = f"articles/{article.uuid}.json"
            changes = decode_article(self._json(name), f"{self.path}: {name}")
            if changes.uuid != article.uuid:
                self.fail(f"member {name!r} holds another article ({changes.uuid})")
            yield changes

    def asset_shas(self) -> list[str]:
        return sorted(self._asset_info)

    def asset(self, sha: str) -> tuple[bytes, str, str]:
        """``(data, name, mime)`` of one image, its bytes checked against the name."""
        data = self._read_member(f"assets/{sha}", MAX_ASSET_BYTES)
        if hashlib.sha256(data).hexdigest() != sha:
            self.fail(f"image {sha[:12]}… is not what its name says (sha256 differs)")
        info = self._asset_info.get(sha) or {}
        name = info.get("name", "") if isinstance(info.get("name", ""), str) else ""
        mime = info.get("mime", "") if isinstance(info.get("mime", ""), str) else ""
        return data, name[:200], mime[:100] or "application/octet-stream"

    def knowledge(self) -> Knowledge:
        """Every id the file holds (reading and checking all of it): for ``send --since``."""
        known = Knowledge(assets=set(self._asset_info))
        for record in self.library_changes().records:
            known.records.add(record.uid)
        for changes in self.article_changes():
            known.revisions.update(r.uid for r in changes.revisions)
            known.records.update(r.uid for r in changes.records)
        return known

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> HandoffReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# -- writing ---------------------------------------------------------------------------
def _dump(obj) -> bytes:
    return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)


def write_handoff(path: str | os.PathLike, *, origin: str, library: LibraryChanges,
                  articles: Iterable[ArticleChanges],
                  asset: Callable[[str], tuple[bytes, str, str] | None]) -> dict:
    """Write a hand-off file atomically (a temporary file renamed into place); returns the manifest.

    ``asset(sha)`` gives ``(data, name, mime)`` of an image the articles use, or
    None when the library does not have it (it is then left out).
    """
    path = pathlib.Path(path)
    if path.is_dir():
        raise HandoffError(f"{path}: is a folder; give a file name ending in {SUFFIX}")
    if not path.parent.is_dir():
        raise HandoffError(f"{path}: the folder {path.parent} does not exist")
    members: dict[str, dict] = {}
    listed, asset_info = [], {}
    fd, tmp_name = tempfile.mkstemp(prefix=".byline-handoff-", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = pathlib.Path(tmp_name)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:

            def put(name: str, data: bytes, compress: bool = True) -> None:
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
                info.external_attr = 0o644 << 16
                zf.writestr(info, data)
                members[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

            if library.records:
                put(LIBRARY_MEMBER, _dump(encode_library(library)))
            wanted: list[str] = []
            for changes in articles:
                put(f"articles/{changes.uuid}.json", _dump(encode_article(changes)))
                listed.append({"uuid": changes.uuid, "slug": changes.slug, "title": changes.title})
                wanted += [sha for sha in changes.assets if sha not in wanted]
            for sha in sorted(wanted):
                found = asset(sha)
                if found is None:
                    continue
                data, name, mime = found
                put(f"assets/{sha}", data, compress=False)  # images are compressed already
                asset_info[sha] = {"name": name, "mime": mime, "size": len(data)}
            manifest = {"format": FORMAT, "version": FORMAT_VERSION,
                        "generator": f"byline {__version__}", "library": origin,
                        "articles": listed, "assets": asset_info, "members": members}
            put(MANIFEST, orjson.dumps(manifest, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2))
            members.pop(MANIFEST)  # the manifest cannot list its own hash
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise HandoffError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return manifest
