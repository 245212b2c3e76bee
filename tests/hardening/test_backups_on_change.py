"""Closing backs up only what changed (#20): the change counter, the skipped copy, the cost."""

from __future__ import annotations

import sqlite3

from editor_app.core import backups
from editor_app.core.library import Library
from editor_app.core.library.connection import CHANGE_COUNTER_KEY
from editor_app.core.models import Article


def _files(folder):
    """The backups in the folder (manifests; their chunks are in chunks/)."""
    return sorted(p.name for p in folder.iterdir() if p.is_file())


def test_every_committed_write_counts_once_and_reading_counts_nothing(lib):
    uid, schema, before = lib.change_mark()
    assert uid == lib.library_uid and schema == lib.schema_version()
    lib.list_articles()
    lib.get_article(lib.list_articles()[0].id)
    assert lib.change_mark()[2] == before
    # Closing a tab keeps a revision only when the text changed: no write, no count.
    assert lib.save_revision(lib.list_articles()[0].id, reason="close") is None
    assert lib.change_mark()[2] == before
    with lib._tx.write():
        with lib._tx.write():  # a savepoint inside one transaction
            lib.set_setting("site.url", "https://example.org")
    assert lib.change_mark()[2] == before + 1
    lib.create_article(Article(title="One more", body="text"))
    assert lib.change_mark()[2] == before + 2


def test_closing_an_unchanged_library_makes_no_copy(lib):
    folder = backups.default_backup_folder(lib.path)
    first = backups.backup_on_close(lib, keep=3)
    assert first is not None and _files(folder) == [first.name]
    again = backups.backup_on_close(lib, keep=3)
    assert again == first and _files(folder) == [first.name]
    assert backups.current_backup(lib) == first


def test_closing_after_a_change_makes_a_new_copy_holding_it(lib):
    folder = backups.default_backup_folder(lib.path)
    first = backups.backup_on_close(lib, keep=3)
    article = lib.list_articles()[0]
    lib.update_article(article.id, body="Changed after the backup.")
    assert backups.current_backup(lib) is None
    second = backups.backup_on_close(lib, keep=3)
    assert second != first and len(_files(folder)) == 2
    copy_path = backups.extract_backup(second, lib.path.with_name("second.byline"))
    with Library.open(copy_path, create=False) as copy:
        assert copy.get_article(article.id).body == "Changed after the backup."
    assert backups.current_backup(lib) == second


def test_a_change_made_by_another_process_is_noticed(lib):
    backups.backup_on_close(lib, keep=3)
    other = lib.reopen()
    try:
        other.create_article(Article(title="Filed from the CLI", body="text"))
    finally:
        other.close()
    assert backups.current_backup(lib) is None


def test_a_copy_of_another_library_or_without_a_counter_is_not_current(lib, tmp_path):
    folder = backups.default_backup_folder(lib.path)
    folder.mkdir()
    # A whole copy, as backups were before chunks, made before the counter existed.
    made = folder / "news-20240502T101500123456Z.byline"
    lib.backup(made)
    with sqlite3.connect(made) as conn:
        conn.execute("DELETE FROM settings WHERE key = ?", [CHANGE_COUNTER_KEY])
    assert backups.list_backups(folder)[0].path == made
    assert backups.backup_change_mark(made) is None
    assert backups.current_backup(lib) is None
    assert backups.backup_on_close(lib, keep=3) != made

    other = Library.open(tmp_path / "other.byline")
    try:
        # Another library's backup, newest in the folder, does not count for this one.
        other.create_article(Article(title="Elsewhere", body="text"))
        stranger = backups.make_backup(other, folder, keep=5)
        assert backups.backup_change_mark(stranger)[0] != lib.library_uid
        assert backups.current_backup(lib) is None
    finally:
        other.close()


def _disk(folder):
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_what_the_backups_cost_is_the_disk_they_take_and_a_typical_change(lib):
    folder = backups.default_backup_folder(lib.path)
    cost = backups.backups_cost(lib.path, keep=4)
    assert cost.library_bytes >= lib.path.stat().st_size > 0
    # Nothing to go by yet: up to four whole copies.
    assert cost.next_bytes is None and cost.most_bytes == 4 * cost.library_bytes
    assert cost.used_bytes == 0 and cost.count == 0
    backups.make_backup(lib, keep=4)
    first = backups.backups_cost(lib.path, keep=4)
    assert first.used_bytes == _disk(folder) and first.next_bytes is None and first.count == 1
    for n in range(3):
        lib.update_article(lib.list_articles()[n].id, body=f"Edited {n}.")
        backups.make_backup(lib, keep=4)
    cost = backups.backups_cost(lib.path, keep=4)
    assert cost.count == 4 and cost.used_bytes == _disk(folder)  # what `du` would count
    assert 0 < cost.next_bytes < cost.library_bytes / 2
    newest = backups.list_backups(folder)[0]
    assert cost.backup_bytes == newest.size <= cost.library_bytes
    assert cost.most_bytes == newest.size + 3 * cost.next_bytes


def test_a_checkpoint_in_progress_is_not_called_truncated(lib, monkeypatch):
    """Another process copying its WAL into the file writes the header (page 1) first:
    the file is short for a moment. Seen next to a WAL, it is looked at again."""
    lib.create_article(Article(title="Grows the file", body="Harbour news. " * 2000))
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the header names every page
    whole = lib.path.read_bytes()
    lib.path.write_bytes(whole[:-4096])  # the last page not written yet
    wal = lib.path.with_name(lib.path.name + "-wal")
    assert wal.exists()
    waits = []

    def checkpoint_finishes(seconds):
        waits.append(seconds)
        lib.path.write_bytes(whole)

    monkeypatch.setattr(backups.time, "sleep", checkpoint_finishes)
    assert backups.detect_damage(lib.path) is None and len(waits) == 1
    lib.path.write_bytes(whole[:-4096])
    monkeypatch.setattr(backups.time, "sleep", lambda seconds: waits.append(seconds))
    assert backups.detect_damage(lib.path).startswith("is truncated")  # it stays short
    lib.path.write_bytes(whole)
