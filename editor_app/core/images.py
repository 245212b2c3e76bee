"""The image types an article may carry: one list for inserting, previewing and exporting.

The editor stores a picture under ``<sha256>.<extension>`` with the extension this list
gives for its type, and the export copies exactly those names into a bundle, so a
picture the editor accepts is one the export can write.

SVG is refused when it is inserted: an SVG is a document that can carry scripts and
links, which the exported page must not contain, and turning it into a safe picture
needs a rasterizer Byline does not have.
"""

from __future__ import annotations

import mimetypes
import pathlib
import re

from editor_app.core.errors import InputError

# MIME type, the extension a stored picture gets, its name for people, other suffixes.
_TYPES = (
    ("image/png", "png", "PNG", ()),
    ("image/jpeg", "jpg", "JPEG", ("jpeg",)),
    ("image/gif", "gif", "GIF", ()),
    ("image/webp", "webp", "WebP", ()),
)
#: MIME type -> the extension the stored picture gets.
IMAGE_TYPES: dict[str, str] = {mime: extension for mime, extension, _, _ in _TYPES}
#: File name suffixes of those types (what the Insert Image dialog lists).
IMAGE_SUFFIXES: tuple[str, ...] = tuple(
    f".{suffix}" for _, extension, _, more in _TYPES for suffix in (extension, *more))
#: An image reference the export may copy: ``<sha256>.<extension>``.
ASSET_NAME = re.compile(r"([0-9a-f]{64})\.(" + "|".join(s[1:] for s in IMAGE_SUFFIXES) + ")")
#: For messages: the types in the words people use.
ACCEPTED = ", ".join(label for _, _, label, _ in _TYPES)


def image_mime(name: str, mime: str = "") -> str:
    """The MIME type of a picture called ``name`` (``mime`` when the source said)."""
    return mime or mimetypes.guess_type(name)[0] or "application/octet-stream"


def looks_like_image(path: str | pathlib.Path) -> bool:
    """Whether a dropped file is meant as a picture (to be accepted or refused with a
    reason), rather than text to paste."""
    return image_mime(pathlib.Path(path).name).startswith("image/")


def image_extension(name: str, mime: str = "") -> str:
    """The extension a picture is stored under, or InputError saying why it cannot be used."""
    mime = image_mime(name, mime)
    extension = IMAGE_TYPES.get(mime)
    if extension is not None:
        return extension
    if mime == "image/svg+xml":
        raise InputError(f"{name}: SVG pictures cannot be inserted, because an exported page "
                         f"could not carry them safely; save it as PNG and insert that")
    raise InputError(f"{name}: not an image Byline can show ({ACCEPTED})")


def asset_file_name(digest: str, name: str, mime: str = "") -> str:
    """``<sha256>.<extension>``: how the text refers to a stored picture."""
    return f"{digest}.{image_extension(name, mime)}"
