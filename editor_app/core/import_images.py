"""Images an imported article refers to: brought into the library with it.

A reporter's ``story.md`` says ``![The quay](images/quay.png)`` and keeps the
picture beside it; a bundle's ``article.md`` says ``![…](asset:<sha256>.png)`` and
keeps the picture in its ``assets/`` folder.  Imported without them, the story
would show a broken image and fail at export.  So the importer reads every local
image the body refers to, checks that it is a picture (by its first bytes, not
its name), and the body is rewritten to the library's ``asset:<sha256>.<ext>``
names; images it cannot find are named in the import's notes.

Pure file reading, no library: ``collect_images`` runs while the files are read
and checked, before the import writes anything.
"""

from __future__ import annotations

import hashlib
import pathlib
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from editor_app.core.review.preflight import strip_code

#: The library refuses bigger images (library.assets.ASSET_MAX_BYTES).
MAX_IMAGE_BYTES = 25 * 1024 * 1024
ASSET_REF = re.compile(r"asset:([0-9a-f]{64})\.(png|jpe?g|gif|webp|avif)\Z")
# ![alt](target "title"): the target is group 2; one level of nested brackets in alt.
_MD_IMAGE = re.compile(r"!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>\n]*>|[^\s()]+)")
_REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*(<[^>\n]*>|\S+)", re.M)
_HTML_IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_LOCAL_IMAGE_NAME = re.compile(r"\.(png|jpe?g|gif|webp|avif)\Z", re.I)


@dataclass(frozen=True)
class ImageRef:
    """A picture the body refers to: where its target sits in the body, and the target."""

    start: int
    end: int
    target: str


@dataclass
class CollectedImages:
    """What an article's images become: the rewritten body, the pictures to store, notes."""

    body: str
    assets: dict[str, tuple[bytes, str, str]] = field(default_factory=dict)  # sha -> data, name, mime
    notes: list[str] = field(default_factory=list)


def image_refs(body: str) -> list[ImageRef]:
    """Every image target in ``body`` outside code: markdown images, reference definitions
    of local picture files, and ``<img src>``; in text order."""
    text = strip_code(body)  # blanks code, keeps offsets
    refs: list[ImageRef] = []
    for match in _MD_IMAGE.finditer(text):
        refs.append(_ref(body, match.start(1), match.end(1)))
    for match in _REFERENCE_DEF.finditer(text):
        target = _unbracket(body[match.start(1):match.end(1)])
        if ASSET_REF.match(target) or _LOCAL_IMAGE_NAME.search(urlsplit(target).path or ""):
            refs.append(_ref(body, match.start(1), match.end(1)))
    for match in _HTML_IMG_SRC.finditer(text):
        refs.append(ImageRef(match.start(2), match.end(2), body[match.start(2):match.end(2)]))
    return sorted(refs, key=lambda r: r.start)


def _ref(body: str, start: int, end: int) -> ImageRef:
    raw = body[start:end]
    if raw.startswith("<") and raw.endswith(">"):
        return ImageRef(start + 1, end - 1, raw[1:-1])
    return ImageRef(start, end, raw)


def _unbracket(raw: str) -> str:
    return raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw


def is_external(target: str) -> bool:
    """A picture on the web (or inline data): not the importer's business."""
    return target.startswith(("http://", "https://", "//", "data:"))


def picture_type(data: bytes) -> tuple[str, str] | None:
    """(extension, mime type) from a picture's first bytes; None when it is not one we keep."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png", "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg", "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif", "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp", "image/webp"
    if data[4:12] in (b"ftypavif", b"ftypavis"):
        return "avif", "image/avif"
    return None


def _read_picture(path: pathlib.Path) -> tuple[bytes | None, str]:
    """The bytes of a picture file, or None and why not."""
    try:
        if not path.is_file():
            return None, "not found"
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return None, f"larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB"
        data = path.read_bytes()
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"
    if not data:
        return None, "the file is empty"
    if picture_type(data) is None:
        return None, "not a PNG, JPEG, GIF, WebP or AVIF picture"
    return data, ""


def collect_images(body: str, base_dir: pathlib.Path, *, source: str,
                   has_asset=lambda sha: False) -> CollectedImages:
    """Read the local pictures ``body`` refers to, relative to ``base_dir``.

    - ``images/p.png`` beside the file: stored, and the reference becomes
      ``asset:<sha256>.<ext>``;
    - ``asset:<sha256>.<ext>`` the library lacks (``has_asset``): taken from
      ``base_dir/assets/`` when the file there has that very hash (a bundle);
    - anything not found is left as it is and named in ``notes``, so the
      pre-flight check can point at it.
    """
    out = CollectedImages(body=body)
    pieces: list[str] = []
    done = 0
    for ref in image_refs(body):
        target = ref.target.strip()
        replacement = None
        if not target or is_external(target) or target.startswith("#"):
            continue
        asset = ASSET_REF.match(target)
        if asset:
            sha = asset.group(1)
            if sha in out.assets or has_asset(sha):
                continue
            data, why = _read_picture(base_dir / "assets" / f"{sha}.{asset.group(2)}")
            if data is not None and hashlib.sha256(data).hexdigest() != sha:
                data, why = None, "its content does not match its name"
            if data is None:
                out.notes.append(f"{source}: image {target[:80]} is not in the library and "
                                 f"not in the bundle's assets/ folder ({why})")
                continue
            extension, mime = picture_type(data)
            out.assets[sha] = (data, f"{sha}.{extension}", mime)
            continue
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or target.startswith("/"):
            out.notes.append(f"{source}: image {target[:80]} is not a file beside the article; "
                             "it was left as it is")
            continue
        relative = unquote(parts.path)
        data, why = _read_picture(base_dir / relative)
        if data is None:
            out.notes.append(f"{source}: image {relative[:80]} {why}; the reference was kept "
                             "(the pre-flight check will name it)")
            continue
        extension, mime = picture_type(data)
        sha = hashlib.sha256(data).hexdigest()
        out.assets.setdefault(sha, (data, pathlib.PurePosixPath(relative).name, mime))
        replacement = f"asset:{sha}.{extension}"
        pieces.append(body[done:ref.start])
        pieces.append(replacement)
        done = ref.end
    if pieces:
        pieces.append(body[done:])
        out.body = "".join(pieces)
    return out
