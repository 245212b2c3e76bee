"""The Renderer's body conversion without its worker processes, for export worker processes.

An export worker process (procpool.py) is already a disposable child that the
parent kills on overrun, so it converts Markdown in its own interpreter instead
of sending every block to yet another process: same code (convert.py,
source.py, assemble.py, build_article), same bytes, no pickling per block.
Like the Renderer it keeps converted blocks (bounded): a batch often repeats a
paragraph (a standard boilerplate line, a box reused across a series).
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from collections.abc import Callable, Sequence

from editor_app.core.render import RenderError, build_article
from editor_app.core.render.assemble import assemble
from editor_app.core.render.convert import Converter
from editor_app.core.render.language import ENGLISH_QUOTES, page_language
from editor_app.core.render.source import has_global_definitions, prepare_body


def _failure(error: BaseException) -> str:
    # The messages of render/worker.py, so a failing article reads the same on both paths.
    if isinstance(error, RecursionError):
        return "could not render: the text is nested too deeply"
    return f"could not render: internal error ({type(error).__name__})"


CACHE_BLOCKS = 20_000  # as the Renderer's: a few MB for a normal batch


class InlineRenderer:
    """``render_article`` like Renderer's, converting in this process (not thread-safe)."""

    def __init__(self, *, date_format: str) -> None:
        self.date_format = date_format
        self._converter = Converter()
        self._blocks: OrderedDict = OrderedDict()

    def _block(self, text: str, interview: bool, quotes: str):
        key = (text, interview, quotes)
        fragment = self._blocks.get(key)
        if fragment is not None:
            self._blocks.move_to_end(key)
            return fragment
        fragment = self._blocks[key] = self._converter.render_block(text, interview, quotes)
        if len(self._blocks) > CACHE_BLOCKS:
            self._blocks.popitem(last=False)
        return fragment

    def render_body(self, markdown_text: str, *, kind: str = "news",
                    quotes: str = ENGLISH_QUOTES) -> str:
        text, interview, blocks = prepare_body(markdown_text, kind)
        if not blocks:
            return ""
        if has_global_definitions(text):
            try:
                fragments, trailer = self._converter.render_document(
                    [block.text for block in blocks], interview, secrets.token_hex(8), quotes)
            except Exception as error:  # noqa: BLE001 - any parser bug is a render failure
                raise RenderError(_failure(error)) from None
            pairs = [(block.start_line, fragment)
                     for block, fragment in zip(blocks, fragments, strict=False)]
            return assemble(pairs, interview=interview, trailer=trailer.html)
        pairs = []
        for block in blocks:
            try:
                pairs.append((block.start_line, self._block(block.text, interview, quotes)))
            except Exception as error:  # noqa: BLE001
                raise RenderError(_failure(error), line=block.start_line + 1) from None
        return assemble(pairs, interview=interview)

    def render_article(self, article, *, related: Sequence = (),
                       asset_url: Callable[[str], str] | None = None):
        quotes = page_language(getattr(article, "language", "")).quotes
        body = self.render_body(article.body or "", kind=article.kind, quotes=quotes)
        return build_article(article, body, related=related, asset_url=asset_url,
                             date_format=self.date_format)
