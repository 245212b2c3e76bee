"""Related panel: suggestions on a worker, Pin/Ban, drag-reorder saved, stale results dropped."""

from PySide6.QtCore import QModelIndex

from editor_app.core.models import Article
from editor_app.ui.related.related_panel import RelatedPanel
from editor_app.ui.signals import AppSignals

FLOOD = ("The council approved the flood barrier for the harbour after the storm surge. "
         "Engineers say the barrier will protect homes on the quay from flooding.")
SCHOOL = "The school board discussed pupils, teachers and the new timetable for exams."


def make(lib, title, date, body=FLOOD, tags=("harbour",)):
    return lib.create_article(Article(title=title, body=body, date=date, tags=list(tags))).id


def panel_for(qtbot, library, article_id):
    signals = AppSignals()
    panel = RelatedPanel(library, signals)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.suggestions_updated, timeout=5000):
        panel.set_article(article_id)
    return panel, signals


def test_suggestions_listed_with_score_and_reasons(qtbot, library):
    story = make(library, "Story", "2024-05-01")
    older = make(library, "Older barrier story", "2024-03-01")
    make(library, "Newer barrier story", "2024-09-01")
    panel, _ = panel_for(qtbot, library, story)
    assert panel.suggestion_ids() == [older]
    item = panel.suggestions.topLevelItem(0)
    assert float(item.text(1)) > 0
    # the reason is under the title, in the same (wrapped) column (#17)
    title, why = item.text(0).split("\n")
    assert "shared tags: harbour" in why and "similar text" in why
    with qtbot.waitSignal(panel.suggestions_updated, timeout=5000):
        panel.include_newer.setChecked(True)
    assert len(panel.suggestion_ids()) == 2
    panel.shutdown()


def test_pin_and_ban_a_suggestion(qtbot, library):
    story = make(library, "Story", "2024-05-01")
    first = make(library, "Barrier one", "2024-03-01")
    second = make(library, "Barrier two", "2024-02-01")
    panel, signals = panel_for(qtbot, library, story)
    panel.suggestions.setCurrentItem(panel.suggestions.topLevelItem(panel.suggestion_ids().index(first)))
    with qtbot.waitSignal(signals.tags_changed):
        assert panel.pin_button.isEnabled()
        panel.pin_button.click()
    assert [a.id for a in library.pinned_related(story)] == [first]
    assert panel.pinned_ids() == [first]
    qtbot.waitUntil(lambda: "(pinned)" in panel.suggestions.topLevelItem(0).text(0)
                    or "(pinned)" in panel.suggestions.topLevelItem(1).text(0), timeout=5000)
    panel.suggestions.setCurrentItem(panel.suggestions.topLevelItem(panel.suggestion_ids().index(second)))
    with qtbot.waitSignal(panel.suggestions_updated, timeout=5000):
        assert panel.ban_selected()
    assert second not in panel.suggestion_ids()
    assert library.banned_related(story) == {second}
    panel.shutdown()


def test_drag_reorder_through_the_model_is_saved(qtbot, library, tmp_path):
    story = make(library, "Story", "2024-05-01")
    others = [make(library, f"Other {i}", f"2024-0{i + 1}-01") for i in range(3)]
    for other in others:
        library.pin_related(story, other)
    panel, signals = panel_for(qtbot, library, story)
    assert panel.pinned_ids() == others
    # What a drop does: move the last row to the top.
    with qtbot.waitSignal(signals.tags_changed):
        assert panel.pinned.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    assert panel.pinned_ids() == [others[2], others[0], others[1]]
    reopened = library.reopen()
    assert [a.id for a in reopened.pinned_related(story)] == [others[2], others[0], others[1]]
    reopened.close()
    panel.shutdown()


def test_add_by_search_and_refusal_of_spiked(qtbot, library):
    story = make(library, "Story", "2024-05-01")
    school = make(library, "Exam timetable changes", "2024-01-01", body=SCHOOL, tags=())
    spiked = make(library, "Spiked", "2024-01-02")
    library.set_status(spiked, "spiked", role="editor")
    panel, _ = panel_for(qtbot, library, story)
    assert panel.pin_article(school)
    assert panel.pinned_ids() == [school]
    assert not panel.pin_article(spiked)
    assert "spiked" in panel.status.text()
    from editor_app.ui.related.related_panel import AddBySearchDialog
    dialog = AddBySearchDialog(library, story)
    qtbot.addWidget(dialog)
    dialog.query.setText("timetable")
    dialog.run_search()
    assert dialog.results.item(0).text() == "Exam timetable changes"
    panel.shutdown()


def test_stale_results_are_dropped(qtbot, library):
    story = make(library, "Story", "2024-05-01")
    other_story = make(library, "Exams", "2024-05-01", body=SCHOOL, tags=("education",))
    make(library, "Older barrier story", "2024-03-01")
    panel, _ = panel_for(qtbot, library, story)
    # Two requests in a row: only the newest one may reach the list.
    panel.article_id = story
    panel.refresh()
    with qtbot.waitSignal(panel.suggestions_updated, timeout=5000) as blocker:
        panel.set_article(other_story)
    qtbot.wait(200)
    assert blocker.args == [0]
    assert panel.suggestion_ids() == []
    panel.shutdown()


def test_refreshes_after_the_text_changes(qtbot, library):
    story = make(library, "Exams", "2024-05-01", body=SCHOOL, tags=())
    make(library, "Older barrier news", "2024-03-01")
    panel, signals = panel_for(qtbot, library, story)
    assert panel.suggestion_ids() == []
    library.update_article(story, body=FLOOD)
    with qtbot.waitSignal(panel.suggestions_updated, timeout=5000):
        signals.article_saved.emit(story)
    assert len(panel.suggestion_ids()) == 1
    panel.shutdown()


def test_suggestions_with_nothing_to_say_are_not_offered(qtbot, library, signals):
    from editor_app.core.related.scoring import RelatedSuggestion

    panel = RelatedPanel(library, signals)
    qtbot.addWidget(panel)
    panel.resize(320, 500)  # a narrow dock: the reason wraps under the title
    panel.show_suggestions([
        RelatedSuggestion(1, "a", "Ferry returns to the quay", "2024-03-01", 0.42,
                          ["shared tags: harbour", "same places: Harbourside"]),
        RelatedSuggestion(2, "b", "Unrelated", "2024-02-01", 0.001, ["recent: 30 days older"]),
        RelatedSuggestion(3, "c", "No reason", "2024-02-01", 0.3, []),
    ])
    assert panel.suggestion_ids() == [1]
    item = panel.suggestions.topLevelItem(0)
    assert item.text(0) == ("Ferry returns to the quay\n2024-03-01 · shared tags: harbour; "
                            "same places: Harbourside")
    panel.show()
    qtbot.waitExposed(panel)
    # the title column takes the width; the reason is visible, not cut off-screen
    assert panel.suggestions.columnWidth(0) > panel.suggestions.viewport().width() * 0.6
