"""History dialog: lists revisions, diffs off the GUI thread, drops stale diffs, restores."""

from __future__ import annotations

from editor_app.core.models import Article
from editor_app.ui.review.history_dialog import HistoryDialog, compute_diff


def make_history(library):
    aid = library.create_article(Article(title="Story", body="The cat sat on the mat."),
                                 author="Sam", reason="import").id
    library.update_article(aid, body="The dog sat on the mat.", revision_reason="autosave",
                           who="Sam")
    library.update_article(aid, body="The dog lay on the mat.", revision_reason="close",
                           who="Kim")
    return aid


def test_lists_revisions_newest_first(qtbot, library):
    aid = make_history(library)
    dialog = HistoryDialog(library, aid)
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 3
    first = dialog.list.topLevelItem(0)
    assert (first.text(0), first.text(2), first.text(3)) == ("3", "Kim", "close")
    assert dialog.list.topLevelItem(2).text(3) == "import"


def test_selecting_one_revision_shows_what_it_changed(qtbot, library):
    aid = make_history(library)
    dialog = HistoryDialog(library, aid)
    qtbot.addWidget(dialog)
    ids = dialog.revision_ids()
    with qtbot.waitSignal(dialog.diff_ready, timeout=5000):
        dialog.select_revisions(ids[1])
    html = dialog.view.toHtml()
    assert "cat" in html and "dog" in html
    assert "1 word(s) added, 1 removed" == dialog.summary.text()


def test_two_revisions_are_compared_older_to_newer(qtbot, library):
    aid = make_history(library)
    dialog = HistoryDialog(library, aid)
    qtbot.addWidget(dialog)
    ids = dialog.revision_ids()
    with qtbot.waitSignal(dialog.diff_ready, timeout=5000):
        dialog.select_revisions(ids[0], ids[2])
    assert dialog.summary.text() == "2 word(s) added, 2 removed"


def test_stale_results_are_dropped(qtbot, library):
    aid = make_history(library)
    dialog = HistoryDialog(library, aid)
    qtbot.addWidget(dialog)
    ids = dialog.revision_ids()
    shown = []
    dialog.diff_ready.connect(lambda: shown.append(dialog.view.toPlainText()))
    _html_new, summary_new = compute_diff(library, ids[1], ids[0], context=300)
    dialog.request_diff(ids[2], ids[1])  # cat -> dog
    dialog.request_diff(ids[1], ids[0])  # sat -> lay, before the first one's answer came back
    qtbot.waitUntil(dialog.diff_work.is_idle, timeout=5000)
    qtbot.wait(50)
    assert dialog.summary.text() == summary_new
    assert len(shown) == 1 and "lay" in shown[0] and "cat" not in shown[0]


def test_restore_creates_a_new_revision(qtbot, library, signals):
    aid = make_history(library)
    dialog = HistoryDialog(library, aid, signals)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _q: True
    dialog.select_revisions(dialog.revision_ids()[2])
    with qtbot.waitSignal(dialog.restored), qtbot.waitSignal(signals.article_saved):
        assert dialog.restore_selected()
    assert library.get_article(aid).body == "The cat sat on the mat."
    assert dialog.list.topLevelItemCount() == 4
    assert dialog.list.topLevelItem(0).text(3) == "restore of revision 1"
    qtbot.waitUntil(dialog.diff_work.is_idle, timeout=5000)


def test_restore_cancelled_changes_nothing(qtbot, library):
    aid = make_history(library)
    dialog = HistoryDialog(library, aid)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _q: False
    dialog.select_revisions(dialog.revision_ids()[2])
    assert not dialog.restore_selected()
    assert len(library.revision_log(aid)) == 3


def test_a_headline_change_counts_in_the_summary(qtbot, library):
    aid = make_history(library)
    library.update_article(aid, title="Story of the dog", revision_reason="edit", who="Kim")
    dialog = HistoryDialog(library, aid)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.diff_ready, timeout=5000):
        dialog.select_revisions(dialog.revision_ids()[0])
    # the body did not change: every word counted is the headline's
    assert dialog.summary.text() == "4 word(s) added, 1 removed (the headline changed)"
    assert "Headline" in dialog.view.toHtml()
    qtbot.waitUntil(dialog.diff_work.is_idle, timeout=5000)


def test_restore_is_refused_while_the_story_is_approved(qtbot, library):
    aid = make_history(library)
    for status in ("submitted", "in_review", "approved"):
        library.set_status(aid, status, role="editor")
    dialog = HistoryDialog(library, aid)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _q: True
    warnings = []
    dialog.warn = lambda _title, text: warnings.append(text)
    dialog.select_revisions(dialog.revision_ids()[-1])
    assert not dialog.restore_selected()
    assert warnings and "approved; an editor must reopen it for correction" in warnings[0]
    assert library.get_article(aid).body == "The dog lay on the mat."
    qtbot.waitUntil(dialog.diff_work.is_idle, timeout=5000)
