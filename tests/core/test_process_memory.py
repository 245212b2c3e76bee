"""Free memory goes back to the system after work that freed much (#20)."""

from __future__ import annotations

import sys

import pytest

from editor_app.core.process_memory import give_back_free_memory


def anonymous_kib() -> int:
    for line in open("/proc/self/status", encoding="ascii"):
        if line.startswith("RssAnon:"):
            return int(line.split()[1])
    raise AssertionError("no RssAnon in /proc/self/status")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_memory_freed_by_many_small_objects_goes_back_to_the_system():
    assert give_back_free_memory()
    before = anonymous_kib()
    # blocks too large for Python's own allocator, freed together; the first and the
    # last kept, so that malloc cannot shrink its heap by itself
    blocks = [bytes([n % 251]) * 3000 for n in range(20_000)]
    kept = (blocks[0], blocks[-1])
    del blocks
    held = anonymous_kib()
    assert held - before > 40 * 1024  # 60 MB of blocks, freed but kept by malloc
    assert give_back_free_memory()
    after = anonymous_kib()
    assert kept
    assert after < before + 8 * 1024, (before, held, after)
