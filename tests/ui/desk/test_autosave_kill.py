"""kill -9 of a running GUI loses nothing typed more than a second before the kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from editor_app.core.library import Library
from tests.ui.desk.helpers import make_interview
from tests.ui.desk.typing_driver import ALPHABET

DRIVER = os.path.join(os.path.dirname(__file__), "typing_driver.py")


def _typed(count: int) -> str:
    return "".join(ALPHABET[i % len(ALPHABET)] for i in range(count))


def test_kill_minus_nine_loses_nothing_older_than_a_second(tmp_path):
    path = tmp_path / "kill.byline"
    with Library.open(path) as library:
        article = make_interview(library)
        original = article.body
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    process = subprocess.Popen([sys.executable, DRIVER, str(path), str(article.id)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    typed_at: list[tuple[int, float]] = []
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            if line.startswith("typed"):
                _, count, _, stamp = line.split()
                typed_at.append((int(count), float(stamp)))
                if int(count) >= 120:  # about three seconds of typing
                    break
    finally:
        os.kill(process.pid, signal.SIGKILL)
        killed_at = time.time()
        process.wait(10)
    assert typed_at, "the GUI never started typing"
    with Library.open(path) as library:
        body = library.get_article(article.id).body
    assert body.startswith(original)
    saved = body[len(original):]
    assert _typed(len(saved)) == saved, "the saved text is not what was typed"
    must_have = max((count for count, stamp in typed_at if stamp < killed_at - 1.0), default=0)
    assert must_have > 0
    assert len(saved) >= must_have, f"typed {must_have} chars over a second before the kill, " \
                                    f"only {len(saved)} were saved"
