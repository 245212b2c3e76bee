"""A full disk and a read-only library: the write fails with a clear LibraryError, nothing
already saved is damaged, and the same autosave call succeeds once space is back.

The real thing is a small tmpfs mounted for the test (needs root and
``mount``); where that is not possible, SQLite's ``max_page_count`` makes the
file "full" and a chmod'ed file (as a non-root user) makes it read-only.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import shutil
import subprocess

import pytest

from editor_app.core.errors import LibraryError
from editor_app.core.library import Library
from editor_app.core.models import Article

BIG = "A long paragraph of an interview that keeps growing. " * 4000  # ~210 KB


def _integrity(lib) -> list[str]:
    return [r[0] for r in lib.db.execute("PRAGMA integrity_check")]


@contextlib.contextmanager
def small_tmpfs(where, size="3m"):
    """A tmpfs of ``size`` at ``where``, or skip when this machine cannot mount one."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        if subprocess.run(["umount", str(where)], capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _fill(folder: pathlib.Path) -> pathlib.Path:
    """Take every free byte of the file system (ENOSPC is the point)."""
    filler = folder / "filler"
    handle = open(filler, "wb")
    try:
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()
    except OSError:
        pass
    finally:
        try:
            handle.close()
        except OSError:
            pass  # the bytes still buffered cannot be written either: the disk is full
    return filler


def test_full_tmpfs_then_space_back(tmp_path):
    with small_tmpfs(tmp_path / "mnt") as mnt:
        lib = Library.open(mnt / "full.byline")
        try:
            art = lib.create_article(Article(title="Saved before the disk filled", body="kept text"))
            other = lib.create_article(Article(title="Another story", body="other text"))
            filler = _fill(mnt)
            failures = 0
            for _ in range(3):  # the autosave retries; each attempt fails cleanly
                with pytest.raises(LibraryError, match="the disk is full") as caught:
                    lib.update_article(art.id, expected_version=art.version, body=BIG)
                assert "\n" not in str(caught.value)
                failures += 1
            assert failures == 3
            assert lib.get_article(art.id).body == "kept text"
            assert lib.get_article(other.id).body == "other text"
            assert _integrity(lib) == ["ok"]

            filler.unlink()
            saved = lib.update_article(art.id, expected_version=art.version, body=BIG)
            assert saved.version == art.version + 1 and saved.body == BIG
        finally:
            lib.close()
        with Library.open(mnt / "full.byline", create=False) as again:
            assert again.check() == []
            assert again.get_article(art.id).body == BIG


def test_read_only_mount_then_writable_again(tmp_path):
    """A library on a read-only file system (a mount that went read-only, a locked share).

    Linux refuses to remount read-only while files are open for writing, so
    the library is closed first: opening it then must fail with a clear
    message, and work again once the mount is writable.
    """
    with small_tmpfs(tmp_path / "mnt") as mnt:
        path = mnt / "ro.byline"
        with Library.open(path) as lib:
            art = lib.create_article(Article(title="Saved", body="kept text"))
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True, capture_output=True)
        try:
            with pytest.raises(LibraryError) as caught:
                with Library.open(path) as lib:
                    lib.update_article(art.id, expected_version=art.version, body="new text")
            message = str(caught.value)
            assert "\n" not in message and ("read-only" in message or "cannot" in message), message
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(mnt)], check=True, capture_output=True)
        with Library.open(path) as lib:
            assert lib.get_article(art.id).body == "kept text"
            saved = lib.update_article(art.id, expected_version=art.version, body="new text")
            assert saved.body == "new text"
            assert _integrity(lib) == ["ok"]


def test_library_full_by_page_limit(tmp_path):
    """Portable: SQLite reports SQLITE_FULL when the file may not grow any more."""
    lib = Library.open(tmp_path / "limit.byline")
    try:
        art = lib.create_article(Article(title="Saved", body="kept text"))
        pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
        lib.db.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(LibraryError, match="the disk is full"):
            lib.update_article(art.id, expected_version=art.version, body=BIG)
        with pytest.raises(LibraryError, match="the disk is full"):
            lib.create_article(Article(title="New", body=BIG))
        assert lib.get_article(art.id).body == "kept text"
        assert lib.count_articles() == 1
        assert _integrity(lib) == ["ok"]
        lib.db.execute("PRAGMA max_page_count = 1073741823")
        saved = lib.update_article(art.id, expected_version=art.version, body=BIG)
        assert saved.body == BIG
    finally:
        lib.close()


def test_read_only_file_for_a_normal_user(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions; the read-only mount test covers this")
    path = tmp_path / "ro.byline"
    with Library.open(path) as lib:
        art = lib.create_article(Article(title="Saved", body="kept text"))
    path.chmod(0o444)
    try:
        with pytest.raises(LibraryError, match="read-only|cannot"):
            with Library.open(path) as lib:
                lib.update_article(art.id, expected_version=art.version, body="new")
    finally:
        path.chmod(0o644)
    with Library.open(path) as lib:
        assert lib.get_article(art.id).body == "kept text"
