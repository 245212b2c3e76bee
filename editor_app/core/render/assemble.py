"""Cached block fragments -> the body HTML, with data-line and interview answers.

Runs in the application process on every preview refresh, so it only slices strings:
the positions of top-level tags were computed once, when the block was converted.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Callable, Iterable

from editor_app.core.render.fragment import BREAK, PARAGRAPH, QUESTION, Fragment

_ASSET_ATTR_RE = re.compile(r'(\s(?:src|href)=")asset:([A-Za-z0-9][A-Za-z0-9._-]{0,199})"')


def assemble(
    fragments: Iterable[tuple[int, Fragment]], *, interview: bool, trailer: str = ""
) -> str:
    """Join (start_line, fragment) pairs in document order.

    Every top-level element gets ``data-line`` = the 0-based line where its block
    starts.  In an interview, a plain paragraph after a question is an answer until
    the next heading or rule: a closing "About the author" section is not an answer.
    """
    out: list[str] = []
    in_answer = False
    for line, fragment in fragments:
        html = fragment.html
        if not html:
            continue  # e.g. a reference definition: nothing on the page
        previous = 0
        for offset, kind in fragment.marks:
            out.append(html[previous:offset])
            if kind == QUESTION:
                in_answer = True
            elif kind == BREAK:
                in_answer = False
            if interview and in_answer and kind == PARAGRAPH:
                out.append(f' class="answer" data-line="{line}"')
            else:
                out.append(f' data-line="{line}"')
            previous = offset
        out.append(html[previous:])
        out.append("\n")
    if trailer:
        out.append(trailer)
        out.append("\n")
    return "".join(out).rstrip("\n")


def asset_names(html: str) -> list[str]:
    """Library asset names (``asset:<name>``) used as src/href in sanitized HTML, in order."""
    seen: dict[str, None] = {}
    if "asset:" not in html:  # nearly always: a substring test is far cheaper than the scan
        return []
    for match in _ASSET_ATTR_RE.finditer(html):
        seen.setdefault(match.group(2), None)
    return list(seen)


def map_assets(html: str, asset_url: Callable[[str], str]) -> str:
    """Replace ``asset:<name>`` URLs with ``asset_url(name)`` (escaped for the attribute)."""

    def replace(match: re.Match[str]) -> str:
        return f'{match.group(1)}{_html.escape(asset_url(match.group(2)), quote=True)}"'

    if "asset:" not in html:
        return html
    return _ASSET_ATTR_RE.sub(replace, html)
