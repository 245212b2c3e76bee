"""A running window notices that its library file was replaced, saves nothing more into the
moved-aside file, and lets the person keep their text (#19, defect 3)."""

from __future__ import annotations

import os
import shutil
import sqlite3

from PySide6.QtWidgets import QMessageBox, QPushButton

from editor_app.app import build_main_window
from editor_app.core import backups
from editor_app.core.importers import read_article_file
from editor_app.core.library import Library
from editor_app.core.models import Article


def test_a_replaced_library_file_is_noticed_and_nothing_more_is_saved_into_it(
        qtbot, renderer, qsettings, tmp_path, monkeypatch):
    path = tmp_path / "desk.byline"
    library = Library.open(path)
    article = library.create_article(Article(title="Ferry strike", body="Typed before.\n"))
    backup = backups.make_backup(library)
    window = build_main_window(library, settings=qsettings, renderer=renderer)
    qtbot.addWidget(window)
    window.show()
    tab = window.open_article(article.id)
    try:
        # another program puts a backup in place of the open library
        aside = tmp_path / "aside.byline"
        os.replace(path, aside)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(f"{path}{suffix}"):
                os.replace(f"{path}{suffix}", f"{aside}{suffix}")
        shutil.copyfile(backup, path)

        window.outside_changes.poll()
        assert "replaced" in tab.banner_text()
        assert window.outside_changes.message_box.isVisible()
        window.grab().save(str(tmp_path / "replaced.png"))

        tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
        qtbot.keyClicks(tab.editor, "Typed after the restore.")
        assert not tab.save_now()
        qtbot.waitUntil(lambda: tab.banner_text().startswith("The library file was replaced"))
        assert [b.text() for b in tab.banner.findChildren(QPushButton)] == ["Save a copy…"]
        conn = sqlite3.connect(aside)
        try:
            bodies = [r[0] for r in conn.execute("SELECT body FROM articles")]
        finally:
            conn.close()
        assert not any("Typed after the restore." in b for b in bodies)

        copy = window.outside_changes.save_copy(tab, str(tmp_path / "kept.md"))
        kept = read_article_file(copy)
        assert kept.body.rstrip().endswith("Typed after the restore.")
        assert kept.slug == "ferry-strike"

        monkeypatch.setattr(QMessageBox, "question",
                            lambda *a, **k: QMessageBox.StandardButton.Yes)
        assert window.close()
    finally:
        window.outside_changes.message_box.close()
        window.panels.shutdown()
        window.shutdown()
        library.close()
