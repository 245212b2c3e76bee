"""Preferences ▸ Saving tells what the rolling backups cost on disk (#20)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from editor_app.core import backups
from editor_app.core.models import Article
from editor_app.ui.preferences.preferences_dialog import PreferencesDialog
from editor_app.ui.settings import Settings


def test_the_saving_page_shows_one_copy_keep_copies_and_what_is_used(qtbot, library, qsettings):
    for i in range(3):
        library.create_article(Article(title=f"Story {i}", body="Harbour news. " * 400))
    made = backups.make_backup(library, keep=10)
    dialog = PreferencesDialog(library, Settings(qsettings))
    qtbot.addWidget(dialog)
    def size(count):
        return QLocale().formattedDataSize(count, 1,
                                           QLocale.DataSizeFormat.DataSizeTraditionalFormat)
    one = backups.backups_cost(library.path, 10).library_bytes
    text = dialog.backups_cost.text()
    assert size(one) in text and size(10 * one) in text
    assert f"{size(made.stat().st_size)} now" in text
    assert "Each backup is a whole copy of the library" in text
    dialog.backups_keep.setValue(3)  # the cost follows the number to keep
    assert f"3 of them take up to {size(3 * one)}" in dialog.backups_cost.text()
