"""Chromium's flags of the real start (#20): smaller (no GPU process, no zygotes when the
sandbox is off), never over the person's own, and the preview still renders with them."""

from __future__ import annotations

import os
import subprocess
import sys

from editor_app.app import prepare_environment
from editor_app.chromium import chromium_flags
from tests.conftest import ROOT


def test_the_flags_follow_the_sandbox():
    assert chromium_flags({}) == "--disable-gpu"
    # Chromium refuses --no-zygote with its sandbox on
    assert chromium_flags({"QTWEBENGINE_DISABLE_SANDBOX": "1"}) == "--disable-gpu --no-zygote"


def test_the_persons_own_flags_are_kept(monkeypatch):
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--force-dark-mode")
    prepare_environment()
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--force-dark-mode"
    monkeypatch.delenv("QTWEBENGINE_CHROMIUM_FLAGS")
    monkeypatch.setenv("QTWEBENGINE_DISABLE_SANDBOX", "1")
    prepare_environment()
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--disable-gpu --no-zygote"


def test_the_window_renders_its_preview_with_these_flags(tmp_path):
    """The smoke test (real window, real Chromium) with the start's own flags."""
    env = {k: v for k, v in os.environ.items() if k != "QTWEBENGINE_CHROMIUM_FLAGS"}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               QTWEBENGINE_DISABLE_SANDBOX="1", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "editor_app", "--smoke-test"], env=env,
                          capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "preview of" in done.stdout and "rendered" in done.stdout
