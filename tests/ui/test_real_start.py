"""The real start (`byline`, `byline open SLUG`) in a process of its own, offscreen (#20):
the window's frame paints before the library is opened, and what the person sees after
it is what the library and the last session say; a library that cannot be opened still
ends the program with one line and exit status 1.

The order is read from ``BYLINE_STARTUP_TRACE``; what was in front is read from the
session the window saves when SIGTERM closes it (as a log-out does).
"""

from __future__ import annotations

import configparser
import os
import pathlib
import signal
import subprocess
import sys
import time

import pytest

from editor_app.core.library import Library
from editor_app.core.models import Article

ROOT = pathlib.Path(__file__).resolve().parents[2]
TIMEOUT_S = 60


def start(home: pathlib.Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                             "BYLINE_LIBRARY")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), QT_QPA_PLATFORM="offscreen",
               QTWEBENGINE_DISABLE_SANDBOX="1", BYLINE_STARTUP_TRACE="1",
               PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "editor_app", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def run_until_started(home: pathlib.Path, *args: str) -> tuple[int, list[str]]:
    """Start Byline, wait until its start-up has finished, close it with SIGTERM; returns
    (exit status, the start-up trace's steps in order)."""
    process = start(home, *args)
    lines = []
    deadline = time.monotonic() + TIMEOUT_S
    try:
        for line in process.stderr:
            lines.append(line.rstrip("\n"))
            if "start-up finished" in line or time.monotonic() > deadline:
                break
        process.send_signal(signal.SIGTERM)
        lines += process.communicate(timeout=TIMEOUT_S)[1].splitlines()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    steps = [line.split(")", 1)[1].strip() for line in lines if "byline: start-up" in line]
    return process.returncode, steps


def saved_session(home: pathlib.Path) -> dict[str, str]:
    """The session the window saved when it closed (ui/settings.py: session/...)."""
    settings = configparser.ConfigParser(interpolation=None)
    settings.read(home / ".config" / "Byline" / "Byline.conf", encoding="utf-8")
    return dict(settings["session"]) if "session" in settings else {}


@pytest.fixture
def library_path(tmp_path) -> pathlib.Path:
    path = tmp_path / "desk.byline"
    with Library.open(path) as library:
        library.create_article(Article(title="Harbour dues rise", slug="harbour-dues",
                                       body="The council voted.\n"))
        library.create_article(Article(title="Ferry returns", slug="ferry-returns",
                                       body="The ferry is back.\n"))
    return path


def test_the_frame_paints_before_the_library_opens_and_open_puts_the_article_in_front(
        tmp_path, library_path):
    home = tmp_path / "home"
    code, steps = run_until_started(home, "--library", str(library_path), "open", "ferry-returns")
    assert code == 0, steps
    assert steps.index("first paint") < steps.index("library open") < steps.index("article open")
    assert steps.index("window frame built") < steps.index("first paint")
    # The first start asks who is writing, once the window is on screen.
    assert steps.index("first paint") < steps.index("asked who is writing")
    with Library.open(library_path) as library:
        ferry = library.get_article("ferry-returns").id
    session = saved_session(home)
    assert session.get("current_tab") == str(ferry), dict(session)

    # The next start restores that session: the same article in front.
    code, steps = run_until_started(home, "--library", str(library_path))
    assert code == 0, steps
    assert saved_session(home).get("current_tab") == str(ferry)


def test_a_library_that_cannot_be_opened_ends_the_start_with_one_line(tmp_path, library_path):
    data = library_path.read_bytes()
    library_path.write_bytes(data[: len(data) // 2])
    process = start(tmp_path / "home", "--library", str(library_path), "open", "ferry-returns")
    _, err = process.communicate(timeout=TIMEOUT_S)
    assert process.returncode == 1
    errors = [line for line in err.splitlines() if line.startswith("byline: error:")]
    assert len(errors) == 1 and "byline restore" in errors[0], err
    assert "Traceback" not in err
    assert library_path.stat().st_size == len(data) // 2  # nothing written


def test_an_article_that_is_not_there_ends_the_start_with_one_line(tmp_path, library_path):
    process = start(tmp_path / "home", "--library", str(library_path), "open", "no-such-story")
    _, err = process.communicate(timeout=TIMEOUT_S)
    assert process.returncode == 1
    assert [line for line in err.splitlines() if line.startswith("byline: error:")] == [
        "byline: error: no article with id or slug 'no-such-story'"], err
