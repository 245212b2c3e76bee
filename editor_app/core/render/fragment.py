"""One converted block as the render worker hands it back: HTML and its top-level tags.

Kept apart from convert.py (the markdown stack) because the application process
unpickles every Fragment a worker sends: defined there, the first preview made the
application import Python-Markdown and its extensions (some 40 ms of the first
render on the critical path to the preview, #20) only to read the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of top-level element, for the interview post-pass.
QUESTION, ANSWER, PARAGRAPH, BREAK, OTHER = "Q", "A", "P", "H", "X"


@dataclass(frozen=True)
class Fragment:
    """Sanitized HTML of one block; ``marks`` = (offset after tag name, kind) per top-level tag."""

    html: str
    marks: tuple[tuple[int, str], ...]
