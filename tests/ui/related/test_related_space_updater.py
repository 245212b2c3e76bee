"""The topic space is kept current by a child process the GUI starts (#16)."""

from editor_app.core.models import Article
from editor_app.core.related import suggest_related, topics
from editor_app.ui.related.related_panel import RelatedPanel
from editor_app.ui.related.related_space import SpaceUpdater, update_command
from editor_app.ui.signals import AppSignals

TEXTS = [
    ("Barrier finished", "Engineers finished the flood barrier on the quay before the storm."),
    ("Seafront holds", "Tidal defences along the seafront held back the surge overnight."),
    ("Coast report", "The flood barrier and the tidal defences were both tested by the surge."),
    ("Schools", "Pupils sat their exams as teachers marked papers in the school hall."),
    ("Football", "The striker scored twice as the club won the derby in front of fans."),
]


def fill(library):
    return [library.create_article(Article(title=t, body=b, date=f"2024-0{i + 1}-01")).id
            for i, (t, b) in enumerate(TEXTS)]


def test_update_runs_in_a_child_process_and_the_panel_uses_it(qtbot, library):
    ids = fill(library)
    signals = AppSignals()
    updater = SpaceUpdater(library, signals, start_delay_ms=-1)
    assert not updater.running
    with qtbot.waitSignal(updater.finished, timeout=120_000) as done:
        updater.start_update()
        assert updater.running
    assert done.args == [""]
    status = topics.space_status(library, thorough=True)
    assert status.generation and status.covered == status.live == len(ids)
    panel = RelatedPanel(library, signals)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.suggestions_updated, timeout=10_000):
        panel.set_article(ids[2])
    assert panel.suggestion_ids() == [s.id for s in suggest_related(library, ids[2], limit=20)]
    panel.shutdown()
    updater.shutdown()


def test_saves_schedule_an_update_and_shutdown_stops_it(qtbot, library):
    fill(library)
    signals = AppSignals()
    updater = SpaceUpdater(library, signals, start_delay_ms=-1)
    assert not updater._timer.isActive()
    signals.article_saved.emit(1)
    assert updater._timer.isActive()
    updater.start_update()
    updater.shutdown()
    assert not updater.running and not updater._timer.isActive()


def test_the_command_names_the_library(library):
    program, args = update_command(library.path)
    assert program and args[-4:] == ["related-space", "--update", "--background", "--quiet"]
    assert str(library.path) in args


def test_first_window_learns_the_space_and_the_panel_explains_in_words(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from editor_app.app import build_main_window
    from editor_app.library_file import open_library

    library = open_library(tmp_path / "lib.byline", explicit=False, seed_samples=True)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(library, settings=settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    updater = window.panels.space_updater
    with qtbot.waitSignal(updater.finished, timeout=120_000) as done:
        updater.start_update()
    assert done.args == [""]
    assert topics.space_status(library, thorough=True).covered == library.count_articles()
    related = window.panels.related
    flood = next(a.id for a in library.list_articles() if "flood barrier" in a.title)
    with qtbot.waitSignal(related.suggestions_updated, timeout=10_000):
        related.set_article(flood)
        related.include_newer.setChecked(True)
    assert related.suggestion_ids()
    for row in range(related.suggestions.topLevelItemCount()):
        why = related.suggestions.topLevelItem(row).text(0).split("\n", 1)[1].split(" · ", 1)[1]
        assert any(why.startswith(p) or f"; {p}" in why
                   for p in ("shared tags:", "same ", "similar text:")), why
    window.panels.related_dock.raise_()
    window.grab().save(str(tmp_path / "related-window.png"))
    window.close()
