"""Started where there is no display, ``byline`` says so in one line and exits (#20)."""

from __future__ import annotations

import os
import subprocess
import sys

from editor_app.app import display_problem
from tests.conftest import ROOT


def _env_without_display(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(PYTHONPATH=str(ROOT), HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "c"),
               XDG_DATA_HOME=str(tmp_path / "d"))
    return env


def test_the_gui_without_a_display_says_how_to_get_one_and_exits(tmp_path):
    env = _env_without_display(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "editor_app"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "no display found" in lines[0] and "xvfb-run" in lines[0]
    # nothing was created: not even the default library
    assert not (tmp_path / "d" / "byline").exists()


def test_open_without_a_display_also_refuses(tmp_path):
    env = _env_without_display(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "editor_app", "--library",
                           str(tmp_path / "l.byline"), "open", "1"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "no display found" in proc.stderr
    assert not (tmp_path / "l.byline").exists()


def test_command_line_tools_need_no_display(tmp_path):
    env = _env_without_display(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "editor_app", "--library",
                           str(tmp_path / "l.byline"), "list"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_offscreen_only_when_asked():
    assert display_problem({}, "linux") is not None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({}, "darwin") is None  # macOS and Windows always have one
    assert display_problem({}, "win32") is None
