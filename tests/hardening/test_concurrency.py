"""Several Byline processes on one library: no write lost, no "database is locked" shown,
no silent last-writer-wins, and outside changes noticed by the watcher the GUI polls."""

from __future__ import annotations

import pathlib
import subprocess
import sys
import threading
import time

import pytest

from editor_app.core.errors import ConflictError
from editor_app.core.external_changes import ExternalChangeWatcher
from editor_app.core.library import Library
from editor_app.core.models import Article

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WRITES = 500
CLI_BATCH = 25


def _cli_imports(path: pathlib.Path, folder: pathlib.Path, results: list) -> None:
    """500 articles through `python -m editor_app import`, 25 files per run, one run after another."""
    for batch in range(WRITES // CLI_BATCH):
        files = []
        for i in range(CLI_BATCH):
            n = batch * CLI_BATCH + i
            f = folder / f"cli-{n}.md"
            f.write_text(f"---\ntitle: CLI story {n}\nslug: cli-story-{n}\ntags: [cli]\n---\nBody {n}.\n",
                         encoding="utf-8")
            files.append(str(f))
        done = subprocess.run([sys.executable, "-m", "editor_app", "--library", str(path),
                               "import", *files], capture_output=True, text=True, cwd=ROOT,
                              timeout=120)
        results.append(done)


def test_three_processes_500_writes_each_nothing_lost(tmp_path):
    path = tmp_path / "shared.byline"
    Library.open(path).close()
    children = [
        subprocess.Popen([sys.executable, str(HERE / "writer_child.py"), str(path), mode, name,
                          str(WRITES)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         cwd=ROOT)
        for mode, name in (("update", "autosaver"), ("create", "creator"))
    ]
    cli_folder = tmp_path / "in"
    cli_folder.mkdir()
    cli_results: list = []
    cli = threading.Thread(target=_cli_imports, args=(path, cli_folder, cli_results))
    cli.start()
    outputs = [c.communicate(timeout=300) for c in children]
    cli.join(timeout=300)

    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, out + err
        assert out.strip() == f"done {WRITES} 0", out + err
        assert "locked" not in err and "busy" not in err
    assert len(cli_results) == WRITES // CLI_BATCH
    for run in cli_results:
        assert run.returncode == 0, run.stderr
        assert run.stderr == "", run.stderr

    with Library.open(path, create=False) as lib:
        assert lib.check() == []
        autosaved = lib.get_article("autosaver")
        assert autosaved.body.split() == [f"autosaver-{i}" for i in range(WRITES)]
        assert autosaved.version == WRITES + 1
        titles = {a.title for a in lib.list_articles()}
        assert {f"creator {i}" for i in range(WRITES)} <= titles
        assert {f"CLI story {i}" for i in range(WRITES)} <= titles
        assert lib.count_articles() == 1 + 2 * WRITES


def test_a_long_write_elsewhere_makes_us_wait_not_fail(tmp_path):
    path = tmp_path / "busy.byline"
    lib = Library.open(path)
    art = lib.create_article(Article(title="Busy", body="one"))
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE'); c.execute(\"UPDATE settings SET value = value\")\n"
         "print('locked', flush=True); time.sleep(1.5); c.execute('COMMIT')\n", str(path)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    try:
        started = time.monotonic()
        saved = lib.update_article(art.id, expected_version=art.version, body="two")
        waited = time.monotonic() - started
    finally:
        lib.close()
    holder.wait(timeout=10)
    assert saved.body == "two"
    assert waited > 0.5  # it really was blocked, and waited instead of failing


def test_no_silent_last_writer_wins(tmp_path):
    path = tmp_path / "two.byline"
    gui, cli = Library.open(path), Library.open(path)
    try:
        art = gui.create_article(Article(title="Shared", body="original"))
        cli.update_article(art.id, body="edited elsewhere")
        with pytest.raises(ConflictError, match="changed elsewhere"):
            gui.update_article(art.id, expected_version=art.version, body="my edit")
        assert gui.get_article(art.id).body == "edited elsewhere"
    finally:
        gui.close()
        cli.close()


def test_watcher_reports_only_changes_made_elsewhere(tmp_path):
    path = tmp_path / "watch.byline"
    gui = Library.open(path)
    first = gui.create_article(Article(title="First", body="a"))
    second = gui.create_article(Article(title="Second", body="b"))
    watcher = ExternalChangeWatcher(gui)
    assert not watcher.poll()

    own = gui.update_article(first.id, expected_version=first.version, body="mine")
    watcher.note_own_write(own.id, own.version)
    assert not watcher.poll()  # our own save is not news

    subprocess.run([sys.executable, str(HERE / "writer_child.py"), str(path), "create", "other", "2"],
                   check=True, cwd=ROOT, capture_output=True)
    other = Library.open(path)
    try:
        other.update_article(second.id, body="changed by the other process")
        changes = watcher.poll()
        new_ids = {a.id for a in gui.list_articles() if a.title.startswith("other")}
        assert changes.changed == {second.id} | new_ids
        assert first.id not in changes
        assert not watcher.poll()

        # two changes in quick succession, the second in the same millisecond window
        v = gui.article_version(first.id)
        other.update_article(first.id, body="x")
        other.update_article(first.id, body="y")
        assert watcher.poll().changed == {first.id}
        assert gui.article_version(first.id) == v + 2

        other.delete_article(second.id)
        changes = watcher.poll()
        assert changes.deleted == {second.id} and not changes.changed
    finally:
        other.close()
        gui.close()
