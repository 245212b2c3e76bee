"""The Renderer: block cache + worker processes behind one thread-safe object.

Preview and export both call ``render_body``/``render_article``.  A 50,000-word
article takes Python-Markdown about 240 ms to convert; after a one-character edit only
the changed top-level block is converted again (in a worker process) and the rest
comes from the cache, so the preview is ready in a few milliseconds.  Documents that
define reference links or footnotes depend on text far away, so they are converted
whole (still in a worker, with a time limit) and that result is cached instead.
"""

from __future__ import annotations

import dataclasses
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from editor_app.core.render.dates import DEFAULT_DATE_FORMAT
from editor_app.core.render.errors import RenderError
from editor_app.core.render.language import ENGLISH_QUOTES, page_quotes
from editor_app.core.render.source import has_global_definitions, prepare_body
from editor_app.core.render.worker import WorkerPool

if TYPE_CHECKING:
    from editor_app.core.render.fragment import Fragment

_CACHE_SIZE = 20_000  # blocks; ~40 MB worst case, a few MB for a normal day's work
_FAILURE_CACHE_SIZE = 256


class _LRU(OrderedDict):
    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def get_fresh(self, key):
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def put(self, key, value) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)


def head_blocks(blocks: list, head_chars: int) -> list:
    """The blocks that start within the first ``head_chars`` characters (at least one)."""
    head, used = [], 0
    for block in blocks:
        if head and used >= head_chars:
            break
        head.append(block)
        used += len(block.text) + 2  # the blank line between blocks
    return head


class Renderer:
    """Markdown -> sanitized HTML, the one renderer of preview and export.

    Thread-safe: the cache is guarded by a lock and each conversion takes a worker
    process of its own (``workers`` at most, extra callers wait).
    """

    def __init__(
        self,
        *,
        timeout: float = 2.0,
        date_format: str = DEFAULT_DATE_FORMAT,
        workers: int = 2,
        prestart: bool = True,
    ) -> None:
        self.timeout = timeout
        self.date_format = date_format
        self._pool = WorkerPool(size=workers, timeout=timeout, prestart=prestart)
        self._lock = threading.Lock()
        self._blocks = _LRU(_CACHE_SIZE)
        self._failures = _LRU(_FAILURE_CACHE_SIZE)
        self._documents = _LRU(4)

    # -- body ---------------------------------------------------------------------------
    def render_body(self, markdown_text: str, *, kind: str = "news",
                    quotes: str = ENGLISH_QUOTES, head_chars: int | None = None) -> str:
        """Sanitized body HTML with ``data-line`` on top-level elements; raises RenderError.

        ``quotes``: the article language's quotation marks (PageLanguage.quotes).
        ``head_chars``: only the beginning, the blocks that start within the first
        ``head_chars`` characters of the body (at least one): a preview's first
        screenful, shown while the rest renders (#20). Each block renders as it does
        in the whole body, and lands in the cache for it. A body whose blocks depend
        on text further on (reference links, footnotes) is always rendered whole.
        """
        text, interview, blocks = prepare_body(markdown_text, kind)
        if not blocks:
            return ""
        if has_global_definitions(text):
            return self._render_document(text, blocks, interview, quotes)
        if head_chars is not None:
            blocks = head_blocks(blocks, head_chars)

        keys = [(block.text, interview, quotes) for block in blocks]
        with self._lock:
            for block, key in zip(blocks, keys, strict=False):
                failure = self._failures.get_fresh(key)
                if failure is not None:
                    raise RenderError(failure, line=block.start_line + 1)
            found = {key: self._blocks.get_fresh(key) for key in keys}
        missing = list(dict.fromkeys(key for key, fragment in found.items() if fragment is None))
        if missing:
            results = self._pool.render_blocks([key[0] for key in missing], interview, quotes)
            with self._lock:
                for index, fragment in results.fragments.items():
                    self._blocks.put(missing[index], fragment)
                    found[missing[index]] = fragment
                if results.failed_index is not None:
                    key = missing[results.failed_index]
                    self._failures.put(key, results.message)
            if results.failed_index is not None:
                failed_key = missing[results.failed_index]
                line = next(b.start_line for b, k in zip(blocks, keys, strict=False) if k == failed_key)
                raise RenderError(results.message, line=line + 1)
        from editor_app.core.render.assemble import assemble

        return assemble(
            ((block.start_line, found[key]) for block, key in zip(blocks, keys, strict=False)),
            interview=interview,
        )

    def _render_document(self, text: str, blocks, interview: bool, quotes: str) -> str:
        key = (text, interview, quotes)
        with self._lock:
            failure = self._failures.get_fresh(key)
            cached = self._documents.get_fresh(key)
        if failure is not None:
            raise RenderError(failure)
        if cached is None:
            try:
                fragments, trailer = self._pool.render_document(
                    [block.text for block in blocks], interview, secrets.token_hex(8), quotes
                )
            except RenderError as error:
                with self._lock:
                    self._failures.put(key, str(error))
                raise
            cached = (fragments, trailer)
            with self._lock:
                self._documents.put(key, cached)
        fragments, trailer = cached
        from editor_app.core.render.assemble import assemble

        pairs: list[tuple[int, Fragment]] = [
            (block.start_line, fragment) for block, fragment in zip(blocks, fragments, strict=False)
        ]
        return assemble(pairs, interview=interview, trailer=trailer.html)

    # -- article ------------------------------------------------------------------------
    def render_article(
        self,
        article,
        *,
        related: Sequence = (),
        asset_url: Callable[[str], str] | None = None,
        head_chars: int | None = None,
    ):
        """The complete ``<article>`` (header, body, related news) as a RenderedArticle.

        ``head_chars``: the article with only the beginning of its body (render_body).
        """
        quotes = page_quotes(getattr(article, "language", ""))
        body = self.render_body(article.body or "", kind=article.kind, quotes=quotes,
                                head_chars=head_chars)
        # The page around the body is made in the worker, where Jinja2, the template and
        # Babel's data are loaded already (#20); the library's images are mapped here.
        rendered = self._pool.render_page(article, body, tuple(related), self.date_format)
        if asset_url is not None and rendered.assets:
            from editor_app.core.render.assemble import map_assets

            rendered = dataclasses.replace(rendered, html=map_assets(rendered.html, asset_url),
                                           body_html=map_assets(rendered.body_html, asset_url))
        return rendered

    def clear_cache(self) -> None:
        with self._lock:
            self._blocks.clear()
            self._failures.clear()
            self._documents.clear()

    def close(self) -> None:
        """Stop the worker processes; the Renderer cannot render afterwards."""
        self._pool.close()

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
