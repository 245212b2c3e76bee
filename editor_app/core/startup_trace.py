"""``BYLINE_STARTUP_TRACE=1``: when each part of the GUI's start-up happened (#20).

Milliseconds since the process started (and this process's CPU time, steadier on a
busy machine, and its private memory: RssAnon), printed on stderr; for finding where a start's time goes. Qt-free, so
it can time what happens before Qt is imported.
"""

from __future__ import annotations

import os
import sys
import time

_LOADED = time.perf_counter()
_TRACE = bool(os.environ.get("BYLINE_STARTUP_TRACE"))


def since_start_ms() -> float:
    """Milliseconds since the process started (Linux), else since this module loaded."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return (uptime - ticks / os.sysconf("SC_CLK_TCK")) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - _LOADED) * 1000


def anonymous_mib() -> float:
    """This process's private memory (RssAnon) in MiB, 0 where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def trace(what: str) -> None:
    """With BYLINE_STARTUP_TRACE set: print when ``what`` happened."""
    if _TRACE:
        cpu = time.process_time() * 1000
        print(f"byline: start-up {since_start_ms():7.0f} ms (cpu {cpu:5.0f}, "
              f"anon {anonymous_mib():4.0f} MiB)  {what}", file=sys.stderr)
