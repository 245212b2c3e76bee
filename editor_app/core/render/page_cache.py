"""The last rendered preview page of each article, on disk, keyed by what it shows (#20).

Reopening Byline shows the article that was open; its preview used to wait for the
first render (the markdown stack imported, every block converted: a few hundred ms
on a busy laptop, on top of the window's start). This cache keeps the renderer's
last page of an article, keyed by everything that page is made from: the article's
fields, its pinned related stories, the house date format and the renderer's own
code. A page is only ever shown for exactly the input it was rendered from; a
changed article, pin or renderer misses, and the preview waits for the render as
before. The renderer still renders every article it shows (the page from here
fills the first moments, see ui/desk/preview.py); one renderer, one output.

Files live in the user's cache folder (``~/.cache/byline/preview-pages``), one per
key; the oldest are removed beyond ``LIMIT_BYTES``. Losing them loses nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pathlib

from editor_app.core.atomic_files import replacing

#: the folder stays below this (oldest pages removed first)
LIMIT_BYTES = 20 * 1024 * 1024
#: a page bigger than this (images inlined as data: URLs) is not kept
PAGE_LIMIT_BYTES = 4 * 1024 * 1024

_RENDER_PACKAGE = pathlib.Path(__file__).resolve().parent


def default_folder() -> pathlib.Path:
    import platformdirs

    return pathlib.Path(platformdirs.user_cache_dir("byline", appauthor=False)) / "preview-pages"


def _renderer_stamp() -> str:
    """Changes whenever the renderer's code, templates or stylesheet change."""
    parts = []
    for path in sorted(_RENDER_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".css", ".html", ".j2", ".jinja") and path.is_file():
            info = path.stat()
            parts.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}")
    from editor_app import __version__

    return __version__ + "|" + ";".join(parts)


class PageCache:
    """Rendered preview pages by key (``key_for``); thread-safe through the file system."""

    def __init__(self, folder: pathlib.Path | None = None, *, limit_bytes: int = LIMIT_BYTES):
        self.folder = folder if folder is not None else default_folder()
        self.limit_bytes = limit_bytes
        self._stamp: str | None = None

    def key_for(self, article, related_rows, *, date_format: str = "") -> str:
        """The key of the page of ``article`` (a models.Article) with its related rows."""
        if self._stamp is None:
            self._stamp = _renderer_stamp()
        fields = dataclasses.asdict(article) if dataclasses.is_dataclass(article) else vars(article)
        text = repr((self._stamp, date_format, sorted(fields.items(), key=lambda kv: kv[0]),
                     [sorted(row.items()) for row in related_rows]))
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> str | None:
        """The page stored under ``key``, or None."""
        path = self.folder / f"{key}.html"
        try:
            page = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            return None
        try:
            os.utime(path)  # recently used: removed last
        except OSError:
            pass
        return page

    def put(self, key: str, page: str) -> None:
        """Keep ``page`` under ``key`` (written whole or not at all; errors are ignored:
        a cache that cannot be written only makes the next start wait for its render)."""
        data = page.encode("utf-8", "surrogatepass")
        if len(data) > PAGE_LIMIT_BYTES:
            return
        target = self.folder / f"{key}.html"
        try:
            if target.exists():
                return
            with replacing(target) as out:
                out.write(data)
            self._trim()
        except OSError:
            pass

    def _trim(self) -> None:
        entries = []
        for path in self.folder.glob("*.html"):
            try:
                info = path.stat()
            except OSError:
                continue
            entries.append((info.st_mtime, info.st_size, path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.limit_bytes:
                break
            try:
                path.unlink()
            except OSError:
                continue
            total -= size
