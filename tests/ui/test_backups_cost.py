"""Preferences ▸ Saving tells what the rolling backups cost on disk (#20): the disk the
chunks take now, and what one more backup adds."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from editor_app.core import backups
from editor_app.core.models import Article
from editor_app.ui.preferences.preferences_dialog import PreferencesDialog
from editor_app.ui.settings import Settings


def _size(count):
    return QLocale().formattedDataSize(count, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def _disk(folder):
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _dialog(qtbot, library, qsettings):
    dialog = PreferencesDialog(library, Settings(qsettings))
    qtbot.addWidget(dialog)
    # measured on a worker (it sizes the chunk store): a note says so meanwhile
    qtbot.waitUntil(lambda: dialog.backups_cost.text().startswith("Backups share"), timeout=10_000)
    return dialog


def test_before_a_second_backup_the_page_says_the_first_is_a_library(qtbot, library, qsettings,
                                                                      tmp_path):
    for i in range(3):
        library.create_article(Article(title=f"Story {i}", body="Harbour news. " * 400))
    backups.make_backup(library, keep=10)
    folder = backups.default_backup_folder(library.path)
    dialog = _dialog(qtbot, library, qsettings)
    # the library as the backup holds it (its write-ahead log folded in)
    one = backups.backups_cost(library.path, 10).backup_bytes
    assert one == backups.list_backups(folder)[0].size
    text = dialog.backups_cost.text()
    assert text.startswith("Backups share what did not change: the first takes about")
    assert _size(one) in text and f"({_size(_disk(folder))} now)" in text
    dialog.show()
    dialog.show_page("Saving")
    dialog.grab().save(str(tmp_path / "saving-first.png"))


def test_the_cost_is_measured_off_the_gui_thread_and_then_shown(qtbot, library, qsettings):
    backups.make_backup(library, keep=10)
    dialog = PreferencesDialog(library, Settings(qsettings))
    qtbot.addWidget(dialog)
    assert dialog.backups_cost.text() == "Measuring the disk the backups take…"
    dialog.backups_keep.setValue(4)  # before the answer: nothing to show yet, no error
    qtbot.waitUntil(lambda: dialog.backups_cost.text().startswith("Backups share"), timeout=10_000)


def test_after_some_backups_the_page_says_what_keep_of_them_and_one_more_cost(
        qtbot, library, qsettings, tmp_path):
    for i in range(40):
        library.create_article(Article(title=f"Story {i}", body=f"Harbour news {i}. " * 600))
    for n in range(3):
        library.update_article(library.list_articles()[n].id, body=f"Edited {n}.")
        backups.make_backup(library, keep=10)
    folder = backups.default_backup_folder(library.path)
    cost = backups.backups_cost(library.path, 10)
    assert cost.next_bytes and cost.next_bytes < cost.library_bytes
    dialog = _dialog(qtbot, library, qsettings)
    dialog.show()
    text = dialog.backups_cost.text()
    assert f"10 of them take about {_size(cost.most_bytes)} of disk" in text
    assert f"({_size(_disk(folder))} now)" in text
    assert f"each new one adds about {_size(cost.next_bytes)}" in text
    dialog.backups_keep.setValue(3)  # the estimate follows the number to keep
    three = cost.backup_bytes + 2 * cost.next_bytes
    assert f"3 of them take about {_size(three)} of disk" in dialog.backups_cost.text()
    dialog.show_page("Saving")
    dialog.grab().save(str(tmp_path / "saving.png"))
