"""The merge view (#14): theirs and mine side by side, one choice per passage, the keyboard,
saving the resolving revision with both parents, and an article that changed meanwhile."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor_app.core.sync.conflicts import Choice
from editor_app.ui.sync.merge_view import MergeView, hunk_label
from tests.ui.sync.conftest import conflict_in_two_passages, edit

WAIT_MS = 10_000


def open_view(qtbot, library, article_id) -> MergeView:
    view = MergeView(library, article_id)
    qtbot.addWidget(view)
    view.confirm_discard = lambda: True
    view.resize(1300, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model is not None, timeout=WAIT_MS)
    return view


def test_theirs_and_mine_side_by_side_with_the_passages_marked(qtbot, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    conflict_in_two_passages(rasa, tomas, rid, tid, tmp)
    view = open_view(qtbot, rasa, rid)
    assert "Three reporters and a photographer." in view.theirs.text.toPlainText()
    assert "Three, plus a photographer" in view.mine.text.toPlainText()
    assert view.theirs.caption.text().startswith("Theirs — revision")
    assert "from another library" in view.theirs.caption.text()
    assert "this library" in view.mine.caption.text()
    assert [h.name for h in view.model.hunks] == ["body", "body"]
    assert view.hunk_list.count() == 2
    assert view.hunk_list.item(0).text().endswith("— not chosen yet")
    assert "2 of 2 conflicts still to choose" in view.status.text()
    # every passage is marked on both sides, the one in front included
    for pane, side in ((view.theirs, "theirs_span"), (view.mine, "mine_span")):
        marked = [(s.cursor.selectionStart(), s.cursor.selectionEnd())
                  for s in pane.text.extraSelections()]
        assert marked == [getattr(h, side) for h in view.model.hunks]
    assert "Conflict 1 of 2" in view.position_label.text()


def test_taking_mine_for_one_passage_and_theirs_for_another_saves_the_resolution(qtbot, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    conflict_in_two_passages(rasa, tomas, rid, tid, tmp)
    mine_uid = rasa.get_revision(rasa.working_head(rid)).uid
    theirs_uid = rasa.get_revision(rasa.conflict_revisions(rid)[0]).uid
    view = open_view(qtbot, rasa, rid)
    view.take(Choice.MINE)
    assert view.passage.toPlainText() == "A: Three, plus a photographer on Saturdays."
    view.next_conflict()
    view.take(Choice.THEIRS)
    assert [h.choice for h in view.model.hunks] == [Choice.MINE, Choice.THEIRS]
    assert view.hunk_list.item(1).text().endswith("— theirs")
    with qtbot.waitSignal(view.resolved, timeout=WAIT_MS) as saved:
        view.save_button.click()
    article = saved.args[0]
    assert not rasa.in_conflict(rid)
    body = rasa.get_article(rid).body
    assert "Three, plus a photographer on Saturdays." in body  # mine
    assert "If the readers keep paying, certainly." in body  # theirs
    assert "Three reporters" not in body and "If readers keep paying" not in body
    head = rasa.get_revision(rasa.working_head(rid))
    assert head.body == body == article.body
    assert len(head.parents) == 2 and head.parents[1] == theirs_uid
    # the first parent is mine: the working head when the view opened (or its kept copy)
    first = rasa.revision_by_uid(head.parents[0])
    assert first.uid == mine_uid or mine_uid in first.parents
    assert "conflict resolved" in head.reason
    assert view.result() == view.DialogCode.Accepted


def test_the_whole_conflict_with_the_keyboard_only(qtbot, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    conflict_in_two_passages(rasa, tomas, rid, tid, tmp)
    view = open_view(qtbot, rasa, rid)
    view.activateWindow()
    qtbot.waitUntil(lambda: view.hunk_list.hasFocus() or view.isActiveWindow(), timeout=WAIT_MS)
    # a button's Alt+letter clicks it after its short "pressed" animation
    qtbot.keyClick(view.hunk_list, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # take theirs
    qtbot.waitUntil(lambda: view.model.hunks[0].choice == Choice.THEIRS, timeout=WAIT_MS)
    qtbot.keyClick(view.hunk_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # next
    assert view.current == 1
    qtbot.keyClick(view.hunk_list, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # take mine
    qtbot.waitUntil(lambda: view.model.hunks[1].choice == Choice.MINE, timeout=WAIT_MS)
    qtbot.keyClick(view.hunk_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # previous
    assert view.current == 0
    qtbot.keyClick(view.hunk_list, Qt.Key.Key_F8)  # next, the other key
    assert view.current == 1
    assert [h.choice for h in view.model.hunks] == [Choice.THEIRS, Choice.MINE]
    with qtbot.waitSignal(view.resolved, timeout=WAIT_MS):
        qtbot.keyClick(view.hunk_list, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    body = rasa.get_article(rid).body
    assert "Three reporters and a photographer." in body and "If readers keep paying, yes." in body


def test_alt_p_edits_the_passage_by_hand_and_alt_w_shows_the_whole_result(qtbot, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    conflict_in_two_passages(rasa, tomas, rid, tid, tmp)
    view = open_view(qtbot, rasa, rid)
    view.activateWindow()
    qtbot.waitUntil(view.hunk_list.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(view.hunk_list, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert view.passage.hasFocus()
    qtbot.keyClicks(view.passage, "A: Three of us.")
    assert view.model.hunks[0].choice == Choice.EDITED
    qtbot.keyClick(view.passage, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert view.whole.hasFocus() and "A: Three of us." in view.whole.toPlainText()
    assert "<<<<<<< mine" in view.whole.toPlainText()  # the second conflict, still open


def test_edit_a_passage_by_hand_and_take_both(qtbot, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    conflict_in_two_passages(rasa, tomas, rid, tid, tmp)
    view = open_view(qtbot, rasa, rid)
    view.take(Choice.BOTH)
    assert view.passage.toPlainText() == ("A: Three, plus a photographer on Saturdays.\n\n"
                                          "A: Three reporters and a photographer.")
    view.next_conflict()
    view.passage.setFocus()
    qtbot.keyClicks(view.passage, "A: Yes.")
    assert view.model.hunks[1].choice == Choice.EDITED
    assert view.hunk_list.item(1).text().endswith("— edited by hand")
    view.bottom.setCurrentWidget(view.whole)
    assert "A: Yes." in view.whole.toPlainText()
    with qtbot.waitSignal(view.resolved, timeout=WAIT_MS):
        view.save()
    body = rasa.get_article(rid).body
    assert "Three, plus a photographer on Saturdays.\n\nA: Three reporters and a photographer." in body
    assert body.rstrip().endswith("A: Yes.")


def test_saving_with_a_passage_open_points_at_it_and_writes_nothing(qtbot, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    conflict_in_two_passages(rasa, tomas, rid, tid, tmp)
    view = open_view(qtbot, rasa, rid)
    view.take(Choice.MINE)
    view.save()
    assert view.current == 1
    assert "for conflict 2" in view.status.text()
    assert rasa.in_conflict(rid) and view.isVisible()


def test_an_article_changed_meanwhile_is_said_clearly_and_reload_keeps_the_choices(qtbot, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    conflict_in_two_passages(rasa, tomas, rid, tid, tmp)
    view = open_view(qtbot, rasa, rid)
    view.take(Choice.MINE)
    view.next_conflict()
    view.take(Choice.THEIRS)
    edit(rasa, rid, "runs the county's smallest newsroom.", "runs the smallest newsroom.")  # meanwhile
    view.save()
    qtbot.waitUntil(lambda: view.reload_button.isVisible(), timeout=WAIT_MS)
    assert "the article changed while this view was open" in view.status.text()
    assert "Nothing was written" in view.status.text()
    assert rasa.in_conflict(rid) and view.isVisible()
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.reload_button.click()
    assert [h.choice for h in view.model.hunks] == [Choice.MINE, Choice.THEIRS]
    assert "2 choices kept" in view.status.text()
    with qtbot.waitSignal(view.resolved, timeout=WAIT_MS):
        view.save()
    body = rasa.get_article(rid).body
    assert body.startswith("Dr. Jane Roe runs the smallest newsroom.")
    assert "Three, plus a photographer" in body and "certainly" in body


def test_a_field_both_sides_changed_is_chosen_like_a_passage(qtbot, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    rasa.update_article(rid, title="Roe: “small newsrooms will win”", revision_reason="edit")
    tomas.update_article(tid, title="Roe: “small newsrooms can still win”", revision_reason="edit")
    from tests.sync_support import hand_over
    hand_over(tomas, rasa, [tid], tmp / "back.byline")
    view = open_view(qtbot, rasa, rid)
    [hunk] = view.model.hunks
    assert hunk_label(hunk) == "Headline"
    assert view.theirs.field.isVisible() and "can still win" in view.theirs.field.text()
    assert not view.both_button.isEnabled()  # a field takes one value
    view.take(Choice.THEIRS)
    with qtbot.waitSignal(view.resolved, timeout=WAIT_MS):
        view.save()
    assert rasa.get_article(rid).title == "Roe: “small newsrooms can still win”"


def test_every_control_has_a_name_for_screen_readers(qtbot, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    conflict_in_two_passages(rasa, tomas, rid, tid, tmp)
    view = open_view(qtbot, rasa, rid)
    for widget in (view.hunk_list, view.theirs.text, view.mine.text, view.previous_button,
                   view.next_button, view.theirs_button, view.mine_button, view.both_button,
                   view.passage, view.whole, view.status):
        assert widget.accessibleName(), widget
    # Tab walks the view in reading order
    order, widget = [], view.hunk_list
    for _ in range(8):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert order[:3] == [view.hunk_list, view.theirs.text, view.mine.text]
