"""Restoring never pulls a library from under a process that is using it, and a process
whose file was replaced stops saving into the moved-aside copy (#19, defect 3)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from editor_app.core import backups
from editor_app.core.errors import LibraryError
from editor_app.core.library import Library
from editor_app.core.models import Article

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def library_with_backup(tmp_path):
    path = tmp_path / "newsroom.byline"
    with Library.open(path) as lib:
        lib.create_article(Article(title="Ferry strike", body="Before the backup.\n"))
        backup = backups.make_backup(lib)
        lib.create_article(Article(title="Council vote", body="After the backup.\n"))
    return path, backup


def holder(path, code: str) -> subprocess.Popen:
    """Another process that opens the library and keeps it open until killed."""
    script = textwrap.dedent(code).format(path=str(path))
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": ROOT}, text=True)
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_restore_is_refused_while_this_process_has_the_library_open(tmp_path):
    path, _ = library_with_backup(tmp_path)
    with Library.open(path) as lib:
        with pytest.raises(LibraryError, match="in use"):
            backups.restore_newest_good(path, force=True)
        assert lib.count_articles() == 2
        lib.create_article(Article(title="Still saved", body="x"))
    with Library.open(path) as lib:
        assert lib.count_articles() == 3


@pytest.mark.parametrize("opener", ["byline", "sqlite"])
def test_restore_is_refused_while_another_process_has_the_library_open(tmp_path, opener):
    path, _ = library_with_backup(tmp_path)
    code = {
        "byline": """
            import sys, time
            from editor_app.core.library import Library
            lib = Library.open({path!r})
            print("open", flush=True)
            time.sleep(60)
            """,
        "sqlite": """
            import sqlite3, time
            conn = sqlite3.connect({path!r})
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("SELECT count(*) FROM articles").fetchone()
            print("open", flush=True)
            time.sleep(60)
            """,
    }[opener]
    proc = holder(path, code)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "editor_app", "--library", str(path), "restore", "--force"],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": ROOT}, capture_output=True, text=True,
            timeout=60)
    finally:
        proc.kill()
        proc.wait()
    assert result.returncode == 1, result.stdout
    assert result.stderr.count("\n") == 1 and "in use" in result.stderr
    assert "Traceback" not in result.stderr
    with Library.open(path) as lib:
        assert lib.count_articles() == 2  # nothing was replaced


def test_a_process_whose_file_was_replaced_saves_nothing_more_into_the_old_one(tmp_path):
    path, backup = library_with_backup(tmp_path)
    lib = Library.open(path)
    try:
        article = lib.create_article(Article(title="Typed before", body="x"))
        # someone else (an older Byline, a file manager, a sync tool) puts a backup in place
        aside = tmp_path / "aside.byline"
        os.replace(path, aside)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(f"{path}{suffix}"):
                os.replace(f"{path}{suffix}", f"{aside}{suffix}")
        shutil.copyfile(backup, path)
        assert "replaced" in (lib.replaced_on_disk() or "")
        with pytest.raises(LibraryError, match="replaced"):
            lib.update_article(article.id, body="typed after the restore\n")
        with pytest.raises(LibraryError, match="replaced"):
            lib.create_article(Article(title="Also refused", body="y"))
    finally:
        lib.close()
    conn = sqlite3.connect(aside)
    try:
        bodies = [r[0] for r in conn.execute("SELECT body FROM articles")]
    finally:
        conn.close()
    assert "typed after the restore\n" not in bodies  # no one was told "saved" for it


def test_restore_from_a_backup_over_a_sound_library_needs_force_and_is_not_called_damaged(tmp_path):
    path, backup = library_with_backup(tmp_path)
    with pytest.raises(LibraryError, match="--force"):
        backups.restore_newest_good(path, source=backup)
    with Library.open(path) as lib:
        assert lib.count_articles() == 2
    result = backups.restore_newest_good(path, source=backup, force=True)
    assert result.previous_copy is not None
    assert "damaged" not in result.previous_copy.name
    assert "replaced" in result.previous_copy.name
    with Library.open(path) as lib:
        assert lib.count_articles() == 1


def test_opening_waits_while_a_restore_holds_the_library(tmp_path):
    """A Byline starting during a restore waits for it instead of opening the old file."""
    from editor_app.core.library import inuse

    path, _ = library_with_backup(tmp_path)
    with inuse.exclusive(path):
        started = time.monotonic()
        with pytest.raises(LibraryError, match="restore"):
            Library.open(path, lock_timeout=0.3)
        assert time.monotonic() - started >= 0.3
    Library.open(path).close()
