"""Giving memory the process no longer uses back to the system (#20).

CPython and Qt allocate through the C library's malloc. After a burst of short-lived
objects (a language's word list read from its JSON, the suggestion index built the
first time: tens of MiB freed a moment later), glibc keeps the freed pages at the top
of its heaps for the next allocations, so they still count in the process's memory.
``malloc_trim(0)`` hands the unused pages back: 2 MiB after an ordinary start, far
more after a first start that built the spelling caches.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import threading

_trim = None
_looked_up = False
_lock = threading.Lock()


def _malloc_trim():
    """glibc's malloc_trim, or None (another C library, another system)."""
    global _trim, _looked_up
    with _lock:
        if not _looked_up:
            _looked_up = True
            if sys.platform.startswith("linux"):
                try:
                    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                    trim = libc.malloc_trim  # glibc only: musl has none
                except (OSError, AttributeError):
                    trim = None
                else:
                    trim.argtypes = [ctypes.c_size_t]
                    trim.restype = ctypes.c_int
                _trim = trim
        return _trim


def give_back_free_memory() -> bool:
    """Return the C heap's free pages to the system (glibc; a few ms, call it on a worker
    after work that freed much). Returns whether there was a way to do it."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
