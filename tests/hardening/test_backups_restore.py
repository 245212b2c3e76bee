"""Rolling backups and restore: consistent copies, pruning, damage detection, nothing deleted."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys

import pytest

from editor_app.core import backups
from editor_app.core.errors import LibraryError
from editor_app.core.library import Library
from editor_app.core.library.health import verify_file
from editor_app.core.models import Article

ROOT = backups.pathlib.Path(__file__).resolve().parents[2]


def _fill(lib, n=30):
    for i in range(n):
        lib.create_article(Article(title=f"Story {i}", body=f"Body of story {i}. " * 300,
                                   tags=["media"]))


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "news.byline")
    _fill(library)
    yield library
    library.close()


def test_backup_folder_is_next_to_the_library(tmp_path):
    assert backups.default_backup_folder(tmp_path / "a.byline") == tmp_path / "a.byline.backups"


def test_make_backup_is_a_sound_copy_and_the_set_is_pruned(lib):
    made = [backups.make_backup(lib, keep=3) for _ in range(5)]
    listed = backups.list_backups(backups.default_backup_folder(lib.path))
    assert [b.path for b in listed] == made[:-4:-1]  # the newest three, newest first
    assert not made[0].exists() and not made[1].exists()
    copy_path = backups.extract_backup(listed[0].path, lib.path.with_name("copy.byline"))
    assert verify_file(copy_path) == []
    with Library.open(copy_path, create=False) as copy:
        assert copy.count_articles() == 30
    # three manifests and the chunk store; no snapshot, -wal/-shm or temporary litter
    folder = listed[0].path.parent
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == sorted(p.name for p in made[2:])
    assert [p.name for p in folder.iterdir() if p.is_dir()] == ["chunks"]


def test_daily_backup_at_most_once_a_day(lib, tmp_path):
    folder = tmp_path / "bk"
    now = dt.datetime(2024, 5, 2, 10, 0, tzinfo=dt.UTC)
    assert backups.maybe_daily_backup(lib, folder, keep=5, now=now) is not None
    assert backups.maybe_daily_backup(lib, folder, keep=5, now=now + dt.timedelta(hours=23)) is None
    assert backups.maybe_daily_backup(lib, folder, keep=5, now=now + dt.timedelta(hours=25)) is not None
    assert len(backups.list_backups(folder)) == 2


def test_backup_on_close_never_raises(lib, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert backups.backup_on_close(lib, blocker / "sub", keep=2) is None
    assert backups.last_backup_error
    assert backups.backup_on_close(lib, tmp_path / "ok", keep=2) is not None


def test_backup_taken_while_another_process_writes_is_consistent(lib, tmp_path):
    script = ("import sys; sys.path.insert(0, sys.argv[2])\n"
              "from editor_app.core.library import Library\n"
              "from editor_app.core.models import Article\n"
              "lib = Library.open(sys.argv[1])\n"
              "for i in range(150): lib.create_article(Article(title=f'W {i}', body='x ' * 2000))\n")
    writer = subprocess.Popen([sys.executable, "-c", script, str(lib.path), str(ROOT)])
    copies = []
    while writer.poll() is None:
        copies.append(backups.make_backup(lib, tmp_path / "live", keep=100, verify=False))
    assert writer.wait() == 0
    assert copies
    for n, copy in enumerate(copies):
        rebuilt = backups.extract_backup(copy, tmp_path / f"rebuilt-{n}.byline")
        assert verify_file(rebuilt) == []


def test_truncated_library_is_detected_before_opening(lib):
    lib.close()
    path = lib.path
    assert backups.detect_damage(path) is None
    os.truncate(path, path.stat().st_size // 2)
    reason = backups.detect_damage(path)
    assert reason and "truncated" in reason and "byline restore" in reason
    with pytest.raises(LibraryError, match="restore"):
        with Library.open(path) as again:
            again.check()
            again.list_articles()


def test_garbage_file_is_detected(tmp_path):
    path = tmp_path / "x.byline"
    path.write_bytes(b"PK\x03\x04 not sqlite" * 50)
    assert "not an SQLite database" in backups.detect_damage(path)


def _corrupt_pages(path, start=4096 * 3, length=4096 * 4):
    with open(path, "r+b") as handle:
        handle.seek(start)
        handle.write(os.urandom(length))


def test_restore_moves_damaged_aside_and_takes_the_newest_good(lib, tmp_path):
    folder = tmp_path / "bk"
    good_old = backups.make_backup(lib, folder, keep=5)
    lib.create_article(Article(title="Late story", body="late"))
    good_new = backups.make_backup(lib, folder, keep=5)
    lib.create_article(Article(title="Newest", body="newest"))
    bad = backups.make_backup(lib, folder, keep=5)
    lib.close()
    _corrupt_pages(bad)
    _corrupt_pages(lib.path)
    damaged_bytes = lib.path.read_bytes()

    result = backups.restore_newest_good(lib.path, folder)

    assert result.restored_from == good_new and good_old.exists()
    assert [p for p, _ in result.skipped] == [bad] and bad.exists()
    assert result.damaged_copy.name.startswith("news.byline.damaged-")
    assert result.damaged_copy.read_bytes() == damaged_bytes  # kept, byte for byte
    with Library.open(lib.path, create=False) as restored:
        assert restored.check() == []
        titles = {a.title for a in restored.list_articles()}
        assert "Late story" in titles and "Newest" not in titles


def test_restore_refuses_a_sound_library_and_bad_sources(lib, tmp_path):
    folder = tmp_path / "bk"
    backups.make_backup(lib, folder)
    lib.close()
    with pytest.raises(LibraryError, match="sound; nothing to restore"):
        backups.restore_newest_good(lib.path, folder)
    with pytest.raises(LibraryError, match="no backups"):
        backups.restore_newest_good(lib.path, tmp_path / "empty", force=True)
    junk = tmp_path / "junk.byline"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    before = lib.path.read_bytes()
    with pytest.raises(LibraryError, match="--force"):  # a sound library, whatever the source
        backups.restore_newest_good(lib.path, folder, source=junk)
    with pytest.raises(LibraryError, match="damaged too"):
        backups.restore_newest_good(lib.path, folder, source=junk, force=True)
    assert lib.path.read_bytes() == before


def test_restore_does_not_replay_the_damaged_wal(tmp_path):
    path = tmp_path / "w.byline"
    writer = Library.open(path)
    _fill(writer, 5)
    backups.make_backup(writer, tmp_path / "bk")
    # a second connection that keeps the WAL alive with uncheckpointed pages
    keeper = sqlite3.connect(str(path))
    keeper.execute("SELECT count(*) FROM articles").fetchone()
    _fill(writer, 5)
    wal = path.with_name(path.name + "-wal")
    assert wal.exists()
    # The processes die with the WAL not checkpointed (the restore itself refuses a
    # library still open, see test_restore_safety.py): the WAL stays behind.
    pages = wal.read_bytes()
    keeper.close()
    writer.close()
    wal.write_bytes(pages)
    # Replacing a library whose WAL holds newer pages: the WAL must go aside
    # with it, or SQLite would replay those pages onto the restored file.
    result = backups.restore_newest_good(path, tmp_path / "bk", force=True)
    assert not wal.exists()
    assert result.previous_copy.with_name(result.previous_copy.name + "-wal").exists()
    with Library.open(path, create=False) as restored:
        assert restored.count_articles() == 5 and restored.check() == []


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "editor_app", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


def test_cli_backups_and_restore(lib):
    backups.make_backup(lib)
    backups.make_backup(lib)
    lib.close()
    listed = _cli("--library", str(lib.path), "backups", "--json")
    assert listed.returncode == 0, listed.stderr
    import json

    rows = json.loads(listed.stdout)
    assert len(rows) == 2 and rows[0]["articles"] == 30 and rows[0]["created"] >= rows[1]["created"]

    refused = _cli("--library", str(lib.path), "restore")
    assert refused.returncode == 1 and "nothing to restore" in refused.stderr
    assert "Traceback" not in refused.stderr

    _corrupt_pages(lib.path)
    done = _cli("--library", str(lib.path), "restore", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["restored_from"] == rows[0]["path"]
    assert os.path.exists(report["damaged_copy"])
    check = _cli("--library", str(lib.path), "check")
    assert check.returncode == 0, check.stdout + check.stderr
