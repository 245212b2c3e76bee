"""SIGKILL the real GUI process while it types into an article (a few kills; the core
harness in test_crash_kills.py does the many).

The child (gui_typist.py) is the real window with the writing desk's autosave;
after every kill the library must be sound, hold every save the GUI reported,
and its text may be at most 1 s older than the last word typed.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from tests.hardening.crash_harness import ROOT, _parse, _seqs, make_library

KILLS = 3

pytest.importorskip("PySide6")
try:
    import editor_app.ui.desk.article_tab  # noqa: F401
    import editor_app.ui.desk.autosave  # noqa: F401
except ImportError as exc:  # pragma: no cover - before the writing desk landed
    pytest.skip(f"the writing desk (editor_app.ui.desk.article_tab) has not landed: {exc}",
                allow_module_level=True)

from editor_app.core.library import Library  # noqa: E402


def _start(path, article_id, tmp_path, seed):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               PYTHONDONTWRITEBYTECODE="1")
    return subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "hardening" / "gui_typist.py"), str(path),
         str(article_id), str(tmp_path / "settings.ini"), str(seed)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env,
        start_new_session=True)


def test_killing_the_gui_while_typing_loses_nothing_saved(tmp_path):
    path = tmp_path / "gui.byline"
    article_id = make_library(path)
    rng = random.Random(7)
    total_saves = 0
    for kill in range(KILLS):
        child = _start(path, article_id, tmp_path, rng.randrange(1 << 30))
        try:
            first = child.stdout.readline()
            assert first.startswith("ready"), f"the GUI did not start: {first!r}"
            time.sleep(rng.uniform(1.5, 3.5))
        finally:
            # the whole group: the renderer's worker processes die with the window
            os.killpg(child.pid, signal.SIGKILL)
        rest = child.stdout.read()
        child.wait(timeout=10)
        edits, saved, saves, _, _ = _parse(rest.splitlines())
        assert edits, f"kill {kill}: the GUI typed nothing"
        total_saves += saves
        with Library.open(path, create=False) as lib:
            assert [r[0] for r in lib.db.execute("PRAGMA integrity_check")] == ["ok"]
            assert lib.check() == []
            seqs = _seqs(lib.get_article(article_id).body)
        assert seqs == list(range(1, len(seqs) + 1)), f"kill {kill}: the text is not what was typed"
        newest = seqs[-1] if seqs else 0
        assert newest >= saved, f"kill {kill}: save of word {saved} reported, library has {newest}"
        first_lost = newest + 1
        if first_lost in edits:
            age = edits[max(edits)] - edits[first_lost]
            assert age <= 1.0, f"kill {kill}: the newest text in the library was {age:.2f} s old"
    assert total_saves >= KILLS, "the GUI never saved: the kills proved nothing"
