"""Related suggestions map the library file only while in use (#20): an idle desk
does not keep hundreds of MiB of index pages in its memory."""

from __future__ import annotations

import pathlib
import time

import pytest

from editor_app.core.library import Library, similarity
from editor_app.core.models import Article
from editor_app.core.related import suggest_related

IDLE_S = 0.3


def _mapped(path: pathlib.Path) -> bool:
    """Whether this process maps the library file (what counts in its PSS)."""
    target = str(path.resolve())
    return any(line.rstrip().endswith(target) for line in open("/proc/self/maps", encoding="utf-8"))


def _wait_for(condition, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.fixture
def lib(tmp_path, monkeypatch):
    monkeypatch.setattr(similarity, "MAPPING_IDLE_S", IDLE_S)
    library = Library.open(tmp_path / "news.byline")
    topics = ["harbour ferry timetable strike", "council budget school roof",
              "harbour ferry fares council", "football final stadium crowd"]
    for i, words in enumerate(topics * 3):
        library.create_article(Article(title=f"{words.title()} {i}",
                                       body=f"{words} {words} report number {i}.\n" * 5))
    library.close()
    # Reopened: pages still in the write-ahead log or this connection's cache are
    # never read through the mapping.
    library = Library.open(tmp_path / "news.byline", create=False)
    yield library
    library.close()


@pytest.mark.skipif(not pathlib.Path("/proc/self/maps").exists(), reason="Linux /proc")
def test_the_mapping_is_released_when_idle_and_comes_back_with_the_same_answers(lib):
    article = lib.list_articles()[0].id
    assert not _mapped(lib.path)
    first = [(s.id, round(s.score, 6)) for s in suggest_related(lib, article, limit=5)]
    assert first and _mapped(lib.path)
    # Queries in a burst keep it: each one pushes the release back.
    for _ in range(4):
        time.sleep(IDLE_S / 2)
        suggest_related(lib, article, limit=5)
        assert _mapped(lib.path)
    assert _wait_for(lambda: not _mapped(lib.path)), "still mapped after an idle moment"
    again = [(s.id, round(s.score, 6)) for s in suggest_related(lib, article, limit=5)]
    assert again == first
    assert _mapped(lib.path)


def test_closing_the_library_before_the_release_is_harmless(lib, tmp_path):
    other = Library.open(lib.path, create=False)
    suggest_related(other, other.list_articles()[0].id, limit=5)
    other.close()  # the release timer fires on a closed library
    time.sleep(IDLE_S * 2)
    assert suggest_related(lib, lib.list_articles()[0].id, limit=5)


def test_closing_while_the_release_is_due_never_crashes(tmp_path, monkeypatch):
    """The release runs on a timer thread; closing the library at that moment closed the
    connection under its statement and crashed the process (seen once in CI). Run in a
    child process so that a crash fails this test instead of ending the run."""
    import subprocess
    import sys

    code = f"""
import time
from editor_app.core.library import Library, similarity
from editor_app.core.models import Article
from editor_app.core.related import suggest_related
similarity.MAPPING_IDLE_S = 0.001
path = {str(tmp_path / "race.byline")!r}
library = Library.open(path)
for i in range(6):
    library.create_article(Article(title=f"Harbour ferry {{i}}", body="harbour ferry strike " * 40))
library.close()
for round in range(300):
    library = Library.open(path, create=False)
    suggest_related(library, 1, limit=3)
    time.sleep(0.001 * (round % 3))
    library.close()
print("done")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "done"
