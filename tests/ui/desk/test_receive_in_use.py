"""A hand-off received while the window is open on the library is an outside change (#14).

The receive runs in another process (``byline receive``), as when a file is
received from a terminal while Byline is open.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

from editor_app.app import build_main_window
from editor_app.core.library import Library
from editor_app.core.models import Article
from editor_app.core.render.renderer import Renderer
from editor_app.core.sync.engine import receive, send

ROOT = pathlib.Path(__file__).resolve().parents[3]


@pytest.fixture
def window(qtbot, library, qsettings):
    with Renderer(timeout=2.0) as renderer:
        win = build_main_window(library, settings=qsettings, renderer=renderer)
        qtbot.addWidget(win)
        win.show()
        yield win
        win.close_all_tabs()
        win.panels.shutdown()
        win.shutdown()


def byline_receive(library_path, handoff) -> None:
    done = subprocess.run([sys.executable, "-m", "editor_app", "--library", str(library_path),
                           "receive", str(handoff)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr


def other_laptop(library, tmp_path, article_id) -> Library:
    """A second library that has the article (received from this one)."""
    send(library, [article_id], tmp_path / "out.byline")
    other = Library.open(tmp_path / "other.byline")
    receive(other, tmp_path / "out.byline")
    return other


def test_a_receive_reloads_a_clean_tab(qtbot, window, library, tmp_path):
    story = library.create_article(Article(title="Ferry returns", body="The ferry is back.\n"))
    tab = window.open_article(story.id)
    other = other_laptop(library, tmp_path, story.id)
    oid = other.article_id_by_uuid(story.uuid)
    other.update_article(oid, body="The ferry is back, on time.\n", revision_reason="edit")
    send(other, [oid], tmp_path / "back.byline")
    byline_receive(library.path, tmp_path / "back.byline")
    window.outside_changes.poll()
    assert tab.editor.toPlainText() == "The ferry is back, on time.\n"


def test_a_receive_never_overwrites_unsaved_typing(qtbot, window, library, tmp_path):
    story = library.create_article(Article(title="Ferry returns", body="The ferry is back.\n"))
    tab = window.open_article(story.id)
    other = other_laptop(library, tmp_path, story.id)
    oid = other.article_id_by_uuid(story.uuid)
    other.update_article(oid, body="Theirs.\n", revision_reason="edit")
    send(other, [oid], tmp_path / "back.byline")
    tab.autosave.stop()
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.editor, " Mine.")
    tab.autosave.stop()
    byline_receive(library.path, tmp_path / "back.byline")
    window.outside_changes.poll()
    assert tab.editor.toPlainText().endswith(" Mine.")
    assert "changed elsewhere" in tab.banner_text()
    assert tab.keep_mine()
    assert library.get_article(story.id).body.endswith(" Mine.")
