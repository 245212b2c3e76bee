"""Backups as shared chunks (#20): the set's disk grows with what changed, and a restore
is never made from a damaged or missing chunk. Real SQLite files, real processes."""

from __future__ import annotations

import json
import os
import pathlib
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from editor_app.core import backup_chunks, backups
from editor_app.core.errors import LibraryError
from editor_app.core.library import Library
from editor_app.core.library.health import verify_file
from editor_app.core.models import Article

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _words(seed: int, n: int) -> str:
    vocabulary = ("harbour council ferry strike budget school river market festival "
                  "election storm bridge museum library hospital court").split()
    return " ".join(vocabulary[(seed * 7 + i * 13 + i // 5) % len(vocabulary)] + str(i % 97)
                    for i in range(n))


@pytest.fixture
def big(tmp_path):
    """About 6 MB: 24 chunks and more, so one edit touching a few of them shows."""
    library = Library.open(tmp_path / "news.byline")
    for i in range(600):
        library.create_article(Article(title=f"Story {i}", body=_words(i, 900)))
    yield library
    library.close()


def _dump(path: pathlib.Path) -> dict[str, list[tuple]]:
    """Every row of every stored table (the search index's own tables too): equal
    dumps, equal content."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
        assert "articles" in tables
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


def _chunks_of(manifest: pathlib.Path) -> set[str]:
    return set(backup_chunks.read_manifest(manifest).chunks)


def _stored(folder: pathlib.Path) -> set[str]:
    return {p.name for p in (folder / "chunks").rglob("*") if p.is_file()}


def test_a_backup_after_a_small_change_adds_only_a_few_chunks(big):
    folder = backups.default_backup_folder(big.path)
    first = backups.make_backup(big, keep=10)
    whole = backup_chunks.read_manifest(first)
    assert whole.first and whole.added_bytes == whole.size and whole.chunk_count >= 24
    big.update_article(big.list_articles()[300].id, body="A corrected paragraph.")
    second = backups.make_backup(big, keep=10)
    header = backup_chunks.read_manifest(second)
    new = _chunks_of(second) - _chunks_of(first)
    assert not header.first and header.added_bytes == sum(
        (folder / "chunks" / c[:2] / c).stat().st_size for c in new)
    # The row, its revision, the search index, the indexes on dates, the change
    # counter: a dozen pages or so, spread over the file (benchmarks/backups.py).
    assert 1 <= len(new) <= 12, f"{len(new)} of {header.chunk_count} chunks changed"
    assert header.added_bytes < whole.size / 4
    # The folder grew by the new chunks and a manifest, not by another library.
    assert backup_chunks.store_bytes(folder) < whole.size + 12 * backup_chunks.CHUNK_SIZE
    assert backups.current_backup(big) == second


def test_restore_from_chunks_gives_back_exactly_the_library(big, tmp_path):
    big.update_article(big.list_articles()[5].id, body="Typed just before the backup.")
    backups.make_backup(big, keep=10)
    expected = _dump(big.path)
    big.close()
    os.truncate(big.path, big.path.stat().st_size // 3)  # a disk that lost the end

    result = backups.restore_newest_good(big.path)

    assert result.restored_from.name.endswith(".backup.json") and result.skipped == []
    assert _dump(big.path) == expected
    assert not big.path.with_name(big.path.name + ".restoring").exists()


def _unique_chunk(newer: pathlib.Path, older: pathlib.Path) -> pathlib.Path:
    only_newer = sorted(_chunks_of(newer) - _chunks_of(older))
    assert only_newer
    return backup_chunks.chunk_path(newer.parent, only_newer[0])


@pytest.mark.parametrize("how", ["damaged", "missing"])
def test_a_damaged_or_missing_chunk_skips_that_backup_for_the_older_one(big, how):
    older = backups.make_backup(big, keep=10)
    expected_older = _dump(big.path)
    big.create_article(Article(title="After the first backup", body=_words(999, 3000)))
    newer = backups.make_backup(big, keep=10)
    big.close()
    chunk = _unique_chunk(newer, older)
    if how == "damaged":
        data = bytearray(chunk.read_bytes())
        data[1000] ^= 0xFF  # one flipped bit would do: the hash tells
        chunk.write_bytes(bytes(data))
    else:
        chunk.unlink()
    os.truncate(big.path, 4096)

    result = backups.restore_newest_good(big.path)

    assert result.restored_from == older
    assert [p for p, _ in result.skipped] == [newer]
    assert how in result.skipped[0][1] and "chunk" in result.skipped[0][1]
    assert _dump(big.path) == expected_older


def test_a_chunk_every_backup_shares_damaged_means_no_restore_at_all(big):
    older = backups.make_backup(big, keep=10)
    big.update_article(big.list_articles()[0].id, body="Changed.")
    newer = backups.make_backup(big, keep=10)
    big.close()
    both = sorted(_chunks_of(older) & _chunks_of(newer))
    shared = both[len(both) // 2]
    path = backup_chunks.chunk_path(older.parent, shared)
    path.write_bytes(b"\0" * path.stat().st_size)
    damaged = big.path.read_bytes()[:8192]
    big.path.write_bytes(damaged)

    with pytest.raises(LibraryError, match="none of the 2 backups"):
        backups.restore_newest_good(big.path)
    assert big.path.read_bytes() == damaged  # left as it was, nothing half-restored
    assert not big.path.with_name(big.path.name + ".restoring").exists()


def test_the_next_backup_rewrites_a_damaged_shared_chunk(big):
    older = backups.make_backup(big, keep=10)
    shared = sorted(_chunks_of(older))[3]
    path = backup_chunks.chunk_path(older.parent, shared)
    path.write_bytes(b"rot")
    with pytest.raises(LibraryError, match="damaged"):
        backups.extract_backup(older, big.path.with_name("broken.byline"))
    backups.make_backup(big, keep=10)  # reads every chunk it reuses, and its hash
    assert path.stat().st_size == backup_chunks.CHUNK_SIZE
    out = backups.extract_backup(older, big.path.with_name("older.byline"))
    assert out.stat().st_size == backup_chunks.read_manifest(older).size


def test_pruning_removes_the_chunks_no_backup_names_and_no_other(big):
    folder = backups.default_backup_folder(big.path)
    made = []
    for n in range(4):
        big.create_article(Article(title=f"New {n}", body=_words(2000 + n, 4000)))
        made.append(backups.make_backup(big, keep=2))
    kept = [b.path for b in backups.list_backups(folder)]
    assert kept == made[:1:-1]
    assert _stored(folder) == _chunks_of(kept[0]) | _chunks_of(kept[1])
    for n, manifest in enumerate(kept):
        rebuilt = backups.extract_backup(manifest, big.path.with_name(f"kept-{n}.byline"))
        assert not verify_file(rebuilt)


def test_an_unreadable_manifest_keeps_every_chunk(big):
    folder = backups.default_backup_folder(big.path)
    first = backups.make_backup(big, keep=10)
    big.create_article(Article(title="More", body=_words(5, 4000)))
    second = backups.make_backup(big, keep=10)
    only_first = _chunks_of(first) - _chunks_of(second)
    assert only_first
    first.write_bytes(first.read_bytes()[:-200])  # its chunk list no longer checks out
    backup_chunks.collect_garbage(folder)
    assert only_first <= _stored(folder)  # which chunks it names is unknown: none deleted



def _articles(path: pathlib.Path) -> dict:
    with Library.open(path, create=False) as library:
        return {s.slug: library.get_article(s.id).body for s in library.list_articles()}


@pytest.mark.skipif(sys.platform == "win32", reason="process groups")
def test_a_backup_killed_while_writing_chunks_leaves_the_set_restorable_and_is_cleaned(
        tmp_path, big_library):
    from editor_app.core.backup_process import back_up_after_close

    library = big_library(tmp_path / "big.byline", 3)
    folder = backups.default_backup_folder(library.path)
    try:
        older = backups.make_backup(library, keep=3)
        at_older = _articles(library.path)
        before = len(_stored(folder))
        for i in range(3):  # new pictures: new chunks to write
            library.add_asset(os.urandom(20 * 1024 * 1024), name=f"new-{i}.jpg", mime="image/jpeg")
        library.update_article(library.list_articles()[0].id, body="Changed before closing.\n")
        process = back_up_after_close(library, keep=3)
        assert process is not None
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if len(_stored(folder)) > before + 5:
                break
            time.sleep(0.002)
        assert process.poll() is None, "the backup finished before it could be killed"
        os.killpg(process.pid, signal.SIGKILL)  # mid-way through its chunks
        process.wait(10)

        assert [b.path for b in backups.list_backups(folder)] == [older]
        leftovers = _stored(folder) - _chunks_of(older)
        assert leftovers  # chunks nobody names (and perhaps a .tmp): harmless, cleaned later
        out = backups.extract_backup(older, tmp_path / "older.byline")
        assert _articles(out) == at_older

        newest = backups.make_backup(library, keep=3)
        assert [b.path for b in backups.list_backups(folder)] == [newest, older]
        assert _stored(folder) == _chunks_of(newest) | _chunks_of(older)
        assert not list(folder.glob("*.snapshot*")) and not list(folder.glob("*.tmp"))
        out = backups.extract_backup(newest, tmp_path / "newest.byline")
        assert _articles(out)["kept-story"] == "Changed before closing.\n"
    finally:
        library.close()


def test_old_whole_copy_backups_are_listed_pruned_and_restored(big, tmp_path):
    folder = backups.default_backup_folder(big.path)
    folder.mkdir()
    legacy = folder / "news-20240502T101500123456Z.byline"  # as Byline made them before
    big.backup(legacy)
    at_legacy = _dump(legacy)
    big.create_article(Article(title="After the whole copy", body="text"))
    chunked = backups.make_backup(big, keep=10)
    listed = backups.list_backups(folder)
    assert [(b.path, b.kind) for b in listed] == [(chunked, "chunks"), (legacy, "copy")]
    assert listed[1].size == legacy.stat().st_size
    assert backups.describe_backup(listed[1])["articles"] == 600
    # the chunked one broken: the whole copy is the newest good
    for chunk in _chunks_of(chunked):
        backup_chunks.chunk_path(folder, chunk).unlink(missing_ok=True)
    big.close()
    os.truncate(big.path, 4096)
    result = backups.restore_newest_good(big.path)
    assert result.restored_from == legacy and result.skipped[0][0] == chunked
    assert _dump(big.path) == at_legacy
    # and it counts toward "keep" like any backup
    with Library.open(big.path, create=False) as again:
        backups.make_backup(again, keep=1)
    assert [b.kind for b in backups.list_backups(folder)] == ["chunks"]
    assert not legacy.exists()


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "editor_app", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_cli_lists_restores_and_writes_out_chunked_backups(big, tmp_path):
    first = backups.make_backup(big)
    edited = big.list_articles()[0].id
    big.update_article(edited, body="The second backup's text.")
    second = backups.make_backup(big)
    expected = _dump(big.path)
    big.close()
    lib = ["--library", str(big.path)]

    listed = _cli(*lib, "backups", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [r["path"] for r in rows] == [str(second), str(first)]
    assert rows[0]["kind"] == "chunks" and rows[0]["articles"] == 600
    assert 0 < rows[0]["added_bytes"] < rows[1]["added_bytes"] == rows[1]["size"]
    text = _cli(*lib, "backups")
    assert text.returncode == 0 and "MB new" in text.stdout and str(second) in text.stdout

    out = tmp_path / "tuesday.byline"
    wrote = _cli(*lib, "restore", "--from", str(first), "--to", str(out))
    assert wrote.returncode == 0, wrote.stderr
    assert str(out) in wrote.stdout
    with Library.open(out, create=False) as old:
        assert old.get_article(edited).body != "The second backup's text."
    again = _cli(*lib, "restore", "--from", str(first), "--to", str(out))
    assert again.returncode == 1 and "already exists" in again.stderr
    assert "Traceback" not in again.stderr

    os.truncate(big.path, big.path.stat().st_size // 2)
    done = _cli(*lib, "restore")
    assert done.returncode == 0, done.stderr
    assert f"from {second}" in done.stdout
    assert _dump(big.path) == expected


def test_cli_restore_to_a_file_takes_the_newest_good_backup(big, tmp_path):
    older = backups.make_backup(big)
    at_older = _dump(big.path)
    big.create_article(Article(title="Newer", body=_words(77, 3000)))
    newer = backups.make_backup(big)
    big.close()
    _unique_chunk(newer, older).unlink()
    before = big.path.read_bytes()
    out = tmp_path / "look.byline"

    done = _cli("--library", str(big.path), "restore", "--to", str(out))

    assert done.returncode == 0, done.stderr
    assert f"skipped damaged backup {newer.name}" in done.stderr and "missing" in done.stderr
    assert f"wrote the library of {older} to {out}" in done.stdout
    assert _dump(out) == at_older
    assert big.path.read_bytes() == before  # the library itself is left alone
