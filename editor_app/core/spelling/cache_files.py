"""Writing the spelling cache's files (the lookup cache, the frequency list, the
suggestion index) so that a reader never finds half of one.

Each is written under a temporary name in its own folder and renamed over the old
one; a process killed meanwhile leaves a ``.part`` file that is never read. The files
are private to the user (0600): they hold the words of the person's texts, as digests.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import tempfile
from collections.abc import Iterator
from typing import BinaryIO


@contextlib.contextmanager
def replacing(path: pathlib.Path) -> Iterator[BinaryIO]:
    """A binary handle whose contents become ``path`` when the block ends without error
    (nothing changes at ``path`` otherwise); raises OSError as the file system does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
