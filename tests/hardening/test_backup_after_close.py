"""The close backup runs in a detached process (#20): closing does not wait, a killed
backup never counts, two never run at once, and what it made restores."""

from __future__ import annotations

import os
import pathlib
import signal
import subprocess
import sys
import threading
import time

import pytest

from editor_app.core import backups
from editor_app.core.backup_process import back_up_after_close
from editor_app.core.library import Library
from editor_app.core.library.health import verify_file
from editor_app.core.models import Article

ROOT = pathlib.Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock and process groups")


def _wait(process: subprocess.Popen, timeout: float = 60) -> int:
    try:
        return process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise


def _sound(backup: pathlib.Path) -> bool:
    """The backup rebuilds (every chunk checked) into a library that passes integrity_check."""
    out = backup.parent.parent / f"check-{backup.name}.byline"
    backups.extract_backup(backup, out)
    try:
        return not verify_file(out)
    finally:
        out.unlink()


def _articles(library: Library) -> dict[str, tuple[str, str]]:
    return {s.slug: (library.get_article(s.id).title, library.get_article(s.id).body)
            for s in library.list_articles()}


def test_close_backup_is_made_by_a_detached_process_and_restores(lib, tmp_path):
    story = lib.list_articles()[0]
    lib.update_article(story.id, body="Typed just before closing.\n")
    process = back_up_after_close(lib, keep=3)
    assert process is not None
    # Its own session: ending the app's process group (a terminal closed) spares it.
    assert os.getpgid(process.pid) != os.getpgid(0)
    assert _wait(process) == 0
    made = backups.list_backups(backups.default_backup_folder(lib.path))
    assert len(made) == 1 and _sound(made[0].path)
    assert backups.backup_change_mark(made[0].path) == lib.change_mark()
    expected = _articles(lib)
    lib.close()

    # The library is lost; the backup brings back every article as it was.
    for sidecar in ("", "-wal", "-shm"):
        pathlib.Path(f"{lib.path}{sidecar}").unlink(missing_ok=True)
    backups.restore_newest_good(lib.path)
    restored = Library.open(lib.path, create=False)
    try:
        assert _articles(restored) == expected
        assert restored.get_article(story.id).body == "Typed just before closing.\n"
    finally:
        restored.close()


def test_after_exit_the_copy_waits_until_the_app_has_ended(lib):
    lib.update_article(lib.list_articles()[0].id, body="Typed last.\n")
    folder = backups.default_backup_folder(lib.path)
    process = back_up_after_close(lib, keep=3, after_exit=True)
    assert process is not None
    time.sleep(1.5)
    # Still waiting: the app has not ended, so nothing is copied yet.
    assert process.poll() is None
    assert backups.list_backups(folder) == [] and not list(folder.glob("*.part"))
    os.close(process.exit_gate)  # what the system does when the app's process ends
    assert _wait(process) == 0
    made = backups.list_backups(folder)
    assert len(made) == 1 and backups.backup_change_mark(made[0].path) == lib.change_mark()


def test_an_unchanged_library_starts_no_process(lib):
    backups.make_backup(lib, keep=3)
    assert back_up_after_close(lib, keep=3) is None


def test_two_backups_never_run_at_once_and_the_second_copies_nothing(lib):
    folder = backups.default_backup_folder(lib.path)
    folder.mkdir()
    lib.set_setting("site.url", "https://example.org")  # a change to back up
    with backups.backup_lock(folder) as held:
        assert held
        first = back_up_after_close(lib, keep=5)
        second = back_up_after_close(lib, keep=5)
        assert first is not None and second is not None
        time.sleep(1.5)  # long enough for both to start and reach the lock
        assert first.poll() is None and second.poll() is None
        assert backups.list_backups(folder) == []
        # The daily backup of a new start skips instead of waiting for them.
        started = time.monotonic()
        assert backups.maybe_daily_backup(lib, keep=5) is None
        assert time.monotonic() - started < 1
    assert _wait(first) == 0 and _wait(second) == 0
    made = backups.list_backups(folder)
    assert len(made) == 1  # the second found the library backed up already
    assert backups.backup_change_mark(made[0].path) == lib.change_mark()


def test_a_restore_right_after_closing_waits_for_the_backup_and_uses_it(lib):
    lib.update_article(lib.list_articles()[0].id, body="The last words.\n")
    expected = _articles(lib)
    process = back_up_after_close(lib, keep=3)
    assert process is not None
    lib.close()
    # The backup process has the library open; the restore waits for it instead
    # of refusing a library "in use", then restores what it made.
    result = backups.restore_newest_good(lib.path, force=True)
    assert result.restored_from.parent == backups.default_backup_folder(lib.path)
    assert _wait(process) == 0
    restored = Library.open(lib.path, create=False)
    try:
        assert _articles(restored) == expected
    finally:
        restored.close()



def test_a_killed_backup_leaves_library_and_older_backups_intact(tmp_path, big_library):
    library = big_library(tmp_path / "big.byline", 5)
    folder = backups.default_backup_folder(library.path)
    try:
        older = backups.make_backup(library, keep=3)
        story = library.list_articles()[0]
        library.update_article(story.id, body="Changed before closing.\n")
        expected = _articles(library)
        process = back_up_after_close(library, keep=3)
        assert process is not None
        parts: list[pathlib.Path] = []
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            # the consistent copy being made, before it is cut into chunks
            parts = [p for p in folder.glob("*.snapshot.part") if p.stat().st_size > 0]
            if parts:
                break
            time.sleep(0.002)
        assert parts, "the backup finished before it could be killed"
        os.killpg(process.pid, signal.SIGKILL)  # mid-copy
        process.wait(10)

        assert [b.path for b in backups.list_backups(folder)] == [older]
        assert _sound(older)
        assert not verify_file(library.path)
        assert _articles(library) == expected
        # The next backup clears what the killed one left and counts.
        again = back_up_after_close(library, keep=3)
        assert again is not None and _wait(again) == 0
        assert not list(folder.glob("*.part*")) and not list(folder.glob("*.snapshot*"))
        newest = backups.list_backups(folder)
        assert len(newest) == 2 and newest[1].path == older
        assert backups.backup_change_mark(newest[0].path) == library.change_mark()
    finally:
        library.close()
    reopened = Library.open(tmp_path / "big.byline", create=False)
    try:
        assert _articles(reopened) == expected
    finally:
        reopened.close()


def _catches_sigterm(pid: int) -> bool:
    status = pathlib.Path(f"/proc/{pid}/status").read_text()
    caught = int(next(line for line in status.splitlines() if line.startswith("SigCgt:")).split()[1], 16)
    return bool(caught & (1 << (signal.SIGTERM - 1)))


def test_closing_the_window_returns_before_the_backup_is_made(tmp_path):
    """The real app: SIGTERM closes the window, the process exits, the backup follows."""
    path = tmp_path / "desk.byline"
    library = Library.open(path)
    article = library.create_article(Article(title="Desk story", body="First.\n"))
    library.close()
    home = tmp_path / "home"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CACHE_HOME": str(home / "cache"), "QT_QPA_PLATFORM": "offscreen",
           "QTWEBENGINE_DISABLE_SANDBOX": "1", "BYLINE_STARTUP_TRACE": "1"}
    app = subprocess.Popen([sys.executable, "-m", "editor_app", "--library", str(path)],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, start_new_session=True)
    seen: list[str] = []
    up = threading.Event()

    def read() -> None:
        for line in app.stderr:
            seen.append(line)
            if "article open" in line:
                up.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert up.wait(60), "".join(seen)
        deadline = time.monotonic() + 30
        while not _catches_sigterm(app.pid) and time.monotonic() < deadline:
            time.sleep(0.05)  # the window closes on SIGTERM once its handler is in
        # Another Byline process changes the library while the window is open.
        other = Library.open(path, create=False)
        other.update_article(article.id, body="Changed while the desk was open.\n")
        mark = other.change_mark()
        other.close()
        app.send_signal(signal.SIGTERM)
        assert app.wait(30) == 0
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)
    folder = backups.default_backup_folder(path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        made = backups.list_backups(folder)
        if made and backups.backup_change_mark(made[0].path) == mark:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"no backup of the change in {folder}: {os.listdir(folder)}")


def test_the_app_binary_runs_the_backup_when_asked_as_a_frozen_build_does(lib):
    """A frozen build has no separate Python: it starts itself with --byline-backup."""
    folder = backups.default_backup_folder(lib.path)
    folder.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "editor_app", "--byline-backup", str(lib.path),
                           "--folder", str(folder), "--keep", "2"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    made = backups.list_backups(folder)
    assert len(made) == 1 and backups.backup_change_mark(made[0].path) == lib.change_mark()
