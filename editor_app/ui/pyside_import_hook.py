"""PySide6's import hook, made to stop keeping the source of every module in memory (#20).

Once PySide6 is imported, its ``__feature__`` support (shibokensupport.feature) looks at
every module imported after it to learn whether the module mentions "PySide6"; it
reads the module's source with ``inspect.getsource``, which keeps every line of every
file in ``linecache`` for the rest of the session: 120,000 lines, 11 MiB of the
window's process after opening one article (measured with tracemalloc and RssAnon),
and the time to split each file into lines.

`stop_caching_module_sources` replaces that test with one that reads the file and
keeps nothing: every module gets the same answer as before (the file's text holds
"PySide6" or not; modules without a source file: no). Byline uses no ``__feature__``
switch itself, so the answer only matters to code that does.
"""

from __future__ import annotations

import inspect
import linecache
import sys


def _mentions_pyside(module) -> bool:
    """Whether ``module``'s source file holds "PySide6" (read, not cached)."""
    try:
        path = inspect.getsourcefile(module)
        if path is None:
            return False
        with open(path, "rb") as handle:
            return b"PySide6" in handle.read()
    except (TypeError, OSError, ValueError):
        return False


def stop_caching_module_sources() -> bool:
    """Install the test above in PySide6's import hook (call once PySide6 is imported),
    and let go of the lines it kept until then (linecache reads them again if a
    traceback needs them). Returns whether it was installed: without PySide6, or a
    PySide6 without that hook, nothing is done."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    if feature._mod_uses_pyside is not _mentions_pyside:
        feature._mod_uses_pyside = _mentions_pyside
        linecache.clearcache()
    return True
