"""The one error the renderer raises.

A preview shows ``str(error)`` in place of the page and an export stops that article
with it, so the message is a single line fit for a person.
"""

from __future__ import annotations

from editor_app.core.errors import BylineError


class RenderError(BylineError):
    """The text could not be turned into HTML (too slow, too deeply nested, crashed).

    ``line`` is the 1-based source line of the block that failed when it is known,
    so the editor can point at it; None when the whole document failed.
    """

    def __init__(self, message: str, *, line: int | None = None):
        super().__init__(message)
        self.line = line
