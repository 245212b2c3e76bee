"""The window on the screens people have (#20): each size in a process of its own with a
virtual screen of that size (Qt's offscreen platform, ``configfile=``) and fresh
settings; the checks themselves are in screen_checks.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SIZES = [("1280x800", 1280, 800, 1.0), ("1366x768", 1366, 768, 1.0),
         ("1920x1080", 1920, 1080, 1.0), ("2560x1600@2", 2560, 1600, 2.0)]


@pytest.mark.parametrize("name, width, height, dpr", SIZES, ids=[s[0] for s in SIZES])
def test_the_window_on_a_screen_of_this_size(tmp_path, name, width, height, dpr):
    config = tmp_path / "screen.json"
    # A 200% screen as X11 describes one: twice the base DPI, so Qt scales by 2 and
    # the window works in 1280x800 logical pixels drawn with 2560x1600 real ones.
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": round(96 * dpr), "logicalBaseDpi": 96, "dpr": 1.0}]}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_SCALE_FACTOR", "BYLINE_LIBRARY")}
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}", BYLINE_TEST_SCREEN=name,
               HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               PYTHONPATH=str(ROOT), QTWEBENGINE_DISABLE_SANDBOX="1")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(ROOT / "tests" / "ui" / "screens" / "screen_checks.py")],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"at {name}:\n{done.stdout[-6000:]}\n{done.stderr[-2000:]}"
    assert " passed" in done.stdout and "skipped" not in done.stdout, done.stdout[-2000:]
