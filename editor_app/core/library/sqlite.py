"""sqlite-utils, imported without numpy.

sqlite-utils imports numpy when it is installed, only to map numpy values to
column types, which Byline never stores. numpy is installed for the related-news
topic space (#16) and costs about 100 ms to import, which every process would
pay (the window's start, each render and export worker). So sqlite-utils is
shown no numpy; code that needs numpy imports it as usual, later.
"""

from __future__ import annotations

import sys

_numpy_loaded = "numpy" in sys.modules
if not _numpy_loaded:
    sys.modules["numpy"] = None  # type: ignore[assignment]  # makes `import numpy` fail
try:
    from sqlite_utils import Database  # noqa: E402
    from sqlite_utils.migrations import Migrations  # noqa: E402
finally:
    if not _numpy_loaded:
        del sys.modules["numpy"]

__all__ = ["Database", "Migrations"]
