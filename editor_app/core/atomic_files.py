"""Writing a file so that a reader never finds half of it: the one way Byline does it.

The new contents go to a temporary file in the same folder, which is renamed over the
old file once complete; a process killed meanwhile leaves only the temporary file,
which is never read. Used by the spelling caches, the preview's page cache and the
exporter (whose temporary names carry its own prefix, so that it can clean them up).
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import tempfile
from collections.abc import Iterator
from typing import BinaryIO


@contextlib.contextmanager
def replacing(path: pathlib.Path, *, mode: int = 0o600, prefix: str | None = None,
              suffix: str = ".part", make_folder: bool = True) -> Iterator[BinaryIO]:
    """A binary handle whose contents become ``path`` (with permissions ``mode``) when the
    block ends without error; nothing changes at ``path`` otherwise. The folder is made
    if missing; raises OSError as the file system does.

    ``mode``: 0600 for what is private to the person (caches of their words and pages),
    0644 for what is published. ``prefix``: the temporary name's start (default: the
    file's name). ``make_folder``: make a missing folder (else OSError)."""
    if make_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix or path.name,
                                         suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
