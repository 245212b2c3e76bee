"""Hand-off files in the window (#14): File ▸ Send for Review and File ▸ Receive end to end
between two real libraries, a .byline dropped on the window, the summary dialog, Cancel,
the conflict notice and the Conflicts queue, and a receive in this process never reported
as an outside change."""

from __future__ import annotations

import pathlib
import sqlite3

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from editor_app.core.library import Library
from editor_app.core.models import Article, Role, Status
from editor_app.core.sync.engine import receive, send
from editor_app.ui.sync.receive_summary import ReceiveSummaryDialog, summary_sections
from tests.sync_support import dump, hand_over, new_interview
from tests.ui.sync.conftest import conflict_in_two_passages, edit

WAIT_MS = 15_000


def wait_summary(qtbot, win):
    qtbot.waitUntil(lambda: win.handoff.summary_dialog is not None and not win.handoff.is_receiving(),
                    timeout=WAIT_MS)
    return win.handoff.summary_dialog


def receive_in(qtbot, win, path) -> ReceiveSummaryDialog:
    win.handoff.summary_dialog = None
    win.handoff.ask_receive_path = lambda: str(path)
    win.handoff.receive_action.trigger()
    return wait_summary(qtbot, win)


def send_from(qtbot, win, path, *, submit: bool = True):
    win.handoff.send_action.trigger()
    dialog = win.handoff.send_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.path_edit.setText(str(path))
    dialog.submit_box.setChecked(submit)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=WAIT_MS)
    return dialog


def test_file_menu_offers_send_and_receive(make_window, library):
    win = make_window(library)
    entries = [a.text() for a in win.file_menu.actions() if not a.isSeparator()]
    assert entries.index("Sen&d for Review…") == entries.index("&Export…") + 1
    assert entries.index("Recei&ve…") == entries.index("Sen&d for Review…") + 1
    assert win.handoff.resolve_action in win.panels.review_menu.actions()


def test_send_for_review_then_receive_in_another_library(qtbot, make_window, tmp_path):
    """Rasa sends her draft for review by e-mail; Tomas receives it and sees it waiting."""
    rasa = Library.open(tmp_path / "rasa.byline")
    tomas = Library.open(tmp_path / "tomas.byline")
    rasa.set_setting("user.name", "Rasa")
    tomas.set_setting("user.role", "editor")
    story = new_interview(rasa)
    win_rasa = make_window(rasa)
    tab = win_rasa.open_article(story.id)
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.editor, "Typed on the train.")  # not saved yet: sent all the same
    out = tmp_path / "mail" / "roe.byline"
    out.parent.mkdir()
    dialog = send_from(qtbot, win_rasa, out)
    assert out.is_file()
    assert str(out) in dialog.result.text() and "1 article" in dialog.result.text()
    assert dialog.folder_button.isVisible() and dialog.copy_button.isVisible()
    dialog.copy_button.click()
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text() == str(out)
    assert rasa.get_article(story.id).status == Status.SUBMITTED
    assert win_rasa.settings.handoff_folder() == str(out.parent)
    dialog.close()

    win_tomas = make_window(tomas)
    summary = receive_in(qtbot, win_tomas, out)
    tid = tomas.article_id_by_uuid(story.uuid)
    assert summary.headline.text() == "From roe.byline: 1 new."
    assert summary.lines()[1] == "  Dr. Jane Roe: “small newsrooms can win”"
    got = tomas.get_article(tid)
    assert got.status == Status.SUBMITTED and got.body.endswith("Typed on the train.\n") or \
        got.body.rstrip().endswith("Typed on the train.")
    qtbot.waitUntil(lambda: win_tomas.panels.queues.count("waiting") == 1, timeout=WAIT_MS)
    with qtbot.waitSignal(win_tomas.tab_opened, timeout=WAIT_MS):
        summary.open_button.click()
    assert win_tomas.current_article_tab().article_id == tid


def test_the_same_passage_edited_on_both_sides_comes_back_in_conflict(qtbot, make_window, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    edit(rasa, rid, "Three, and a photographer on Saturdays.", "Three, plus a photographer on Saturdays.")
    edit(rasa, rid, "Nobody else sits through it.", "Nobody else sits through all of it.")
    edit(tomas, tid, "Three, and a photographer on Saturdays.", "Three reporters and a photographer.")
    send(tomas, [tid], tmp / "back.byline")
    win = make_window(rasa)
    assert win.panels.queues.count("conflicts") == 0
    summary = receive_in(qtbot, win, tmp / "back.byline")
    assert summary.headline.text() == "From back.byline: 1 in conflict."
    assert summary.lines()[0].startswith("In conflict (1) — changed on both sides")
    assert summary.resolve_button.isVisible()
    qtbot.waitUntil(lambda: win.panels.queues.count("conflicts") == 1, timeout=WAIT_MS)
    summary.resolve_button.click()
    view = win.handoff.merge_view
    qtbot.waitUntil(lambda: view.model is not None, timeout=WAIT_MS)
    view.take("mine")
    with qtbot.waitSignal(view.resolved, timeout=WAIT_MS):
        view.save()
    qtbot.waitUntil(lambda: win.panels.queues.count("conflicts") == 0, timeout=WAIT_MS)
    assert not rasa.in_conflict(rid)
    # and back to Tomas: his library takes the resolution, no conflict there either
    send(rasa, [rid], tmp / "resolved.byline")
    assert [a.id for a in receive(tomas, tmp / "resolved.byline").updated] == [tid]
    assert not tomas.in_conflict(tid)
    assert tomas.get_article(tid).body == rasa.get_article(rid).body


def test_a_byline_file_dropped_on_the_window_is_received(qtbot, make_window, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    edit(tomas, tid, "If the readers keep paying, yes.", "If the readers keep paying, gladly.")
    send(tomas, [tid], tmp / "dropped.byline")
    win = make_window(rasa)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp / "dropped.byline"))])
    enter = QDragEnterEvent(QPoint(300, 300), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    win.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    win.dropEvent(drop)
    summary = wait_summary(qtbot, win)
    assert summary.headline.text() == "From dropped.byline: 1 updated."
    assert "gladly" in rasa.get_article(rid).body
    # what no handler takes is refused
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp / "notes.pdf"))])
    refused = QDragEnterEvent(QPoint(300, 300), Qt.DropAction.CopyAction, other,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    refused.ignore()
    win.dragEnterEvent(refused)
    assert not refused.isAccepted()


def test_summary_sections_say_what_arrived_merged_conflicts_and_was_refused(laptops, tmp_path):
    rasa, tomas, rid, tid, tmp = laptops
    merged = new_interview(rasa, slug="merged-one", title="Merged one")
    conflicted = new_interview(rasa, slug="conflicted-one", title="Conflicted one")
    refused = rasa.create_article(Article(title="Refused one", body="Text.\n"))
    hand_over(rasa, tomas, [merged.id, conflicted.id, refused.id], tmp / "more.byline")
    t_merged, t_conflicted, t_refused = (tomas.article_id_by_uuid(a.uuid)
                                         for a in (merged, conflicted, refused))
    fresh = tomas.create_article(Article(title="Fresh one", body="New.\n"))
    edit(rasa, merged.id, "Three,", "Three (all local),")
    edit(tomas, t_merged, "The planning committee.", "The planning committee, weekly.")
    edit(rasa, conflicted.id, "on Saturdays.", "on Sundays.")
    edit(tomas, t_conflicted, "on Saturdays.", "on Fridays.")
    rasa.set_status(refused.id, Status.SPIKED, role=Role.EDITOR, who="Rasa", note="duplicate")
    tomas.set_status(t_refused, Status.SUBMITTED, role=Role.REPORTER, who="Tomas")
    send(tomas, [t_merged, t_conflicted, t_refused, fresh.id, tid], tmp / "all.byline")
    result = receive(rasa, tmp / "all.byline")
    sections = {s.key: s for s in summary_sections(result)}
    assert list(sections) == ["conflicts", "merged", "arrived", "refused", "unchanged"]
    assert [line for _id, line in sections["conflicts"].entries] == ["Conflicted one"]
    # (the refused move's article merged too: both sides changed its status)
    assert [line for _id, line in sections["merged"].entries] == ["Merged one", "Refused one"]
    assert [line for _id, line in sections["arrived"].entries] == ["Fresh one"]
    [(aid, line)] = sections["refused"].entries
    assert aid == refused.id and line.startswith("Refused one: Tomas (reporter) moved it draft → "
                                                 "submitted") and "spiked" in line
    dialog = ReceiveSummaryDialog(result)
    assert dialog.headline.text() == ("From all.byline: 1 new, 2 merged, 1 in conflict, "
                                      "1 move refused.")
    lines = dialog.lines()
    assert lines[0].startswith("In conflict (1)") and lines[2].startswith("Merged (2)")
    assert any(line.startswith("Refused moves (1)") for line in lines)
    assert dialog.resolve_button.isDefault()
    with_ids = []
    dialog.open_requested.connect(with_ids.append)
    dialog.open_button.click()
    assert with_ids == [[conflicted.id, merged.id, refused.id,
                         rasa.article_id_by_uuid(fresh.uuid)]]
    nothing = ReceiveSummaryDialog(receive(rasa, tmp / "all.byline"))
    assert nothing.headline.text() == "From all.byline: nothing new."
    assert nothing.lines()[0].startswith("Nothing new")
    assert not nothing.open_button.isEnabled() and nothing.close_button.isDefault()


def test_cancel_stops_the_receive_and_nothing_is_written(qtbot, make_window, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    for n in range(3):
        tomas.create_article(Article(title=f"Story {n}", body="Text.\n"))
    send(tomas, [a.id for a in tomas.list_articles()], tmp / "big.byline")
    win = make_window(rasa)
    before = dump(rasa.path)
    # Another writer holds the library: the receive waits for it, and is cancelled meanwhile.
    blocker = sqlite3.connect(str(rasa.path), timeout=30)
    blocker.execute("BEGIN IMMEDIATE")
    win.handoff.receive_files([tmp / "big.byline"])
    assert win.handoff.progress.isVisible()
    assert win.handoff.progress.windowModality() == Qt.WindowModality.WindowModal
    from PySide6.QtWidgets import QPushButton
    win.handoff.progress.findChild(QPushButton).click()  # Cancel
    blocker.rollback()
    blocker.close()
    qtbot.waitUntil(lambda: not win.handoff.is_receiving(), timeout=WAIT_MS)
    assert win.handoff.summary_dialog is None
    assert win.statusBar().currentMessage() == ("Receive of big.byline cancelled: nothing was "
                                                "changed.")
    assert dump(rasa.path) == before


def test_a_hostile_file_is_refused_with_one_line_and_nothing_written(qtbot, make_window, library,
                                                                    tmp_path):
    bad = tmp_path / "bad.byline"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    before = dump(library.path)
    win = make_window(library)
    win.handoff.receive_files([bad])
    qtbot.waitUntil(lambda: win.handoff.error_box is not None, timeout=WAIT_MS)
    text = win.handoff.error_box.text()
    assert text.startswith(f"{bad}: is damaged or truncated")
    assert text.endswith("Nothing was changed in this library.")
    assert "Traceback" not in text
    assert dump(library.path) == before


def test_a_receive_in_the_window_reloads_the_open_article_as_its_own_write(qtbot, make_window,
                                                                          laptops):
    rasa, tomas, rid, tid, tmp = laptops
    edit(tomas, tid, "If the readers keep paying, yes.", "If the readers keep paying, gladly.")
    send(tomas, [tid], tmp / "back.byline")
    win = make_window(rasa)
    tab = win.open_article(rid)
    receive_in(qtbot, win, tmp / "back.byline")
    assert "gladly" in tab.editor.toPlainText()
    assert not tab.is_dirty() and tab.version == rasa.article_version(rid)
    assert "saved elsewhere" not in tab.last_message
    assert tab.last_message.startswith("Updated from back.byline")
    assert win.outside_changes.poll() == set()  # this window's own write: not an outside change
    assert not tab.banner.isVisibleTo(tab)
    assert win.outside_changes.timer.isActive()  # watching again


def test_typing_not_yet_saved_takes_part_in_the_merge(qtbot, make_window, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    edit(tomas, tid, "If the readers keep paying, yes.", "If the readers keep paying, gladly.")
    send(tomas, [tid], tmp / "back.byline")
    win = make_window(rasa)
    tab = win.open_article(rid)
    tab.autosave.stop()
    cursor = tab.editor.textCursor()
    cursor.setPosition(tab.editor.toPlainText().index(" runs the"))
    tab.editor.setTextCursor(cursor)
    qtbot.keyClicks(tab.editor, ", who edits the Weekly,")
    assert tab.is_dirty()
    summary = receive_in(qtbot, win, tmp / "back.byline")
    assert summary.headline.text() == "From back.byline: 1 merged."
    text = tab.editor.toPlainText()
    assert "Dr. Jane Roe, who edits the Weekly, runs" in text and "gladly" in text
    assert not tab.banner.isVisibleTo(tab)
    assert rasa.get_article(rid).body == text


def test_an_article_in_conflict_shows_a_notice_with_resolve(qtbot, make_window, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    conflict_in_two_passages(rasa, tomas, rid, tid, tmp)
    calm = rasa.create_article(Article(title="Calm", body="Nothing to see.\n"))
    win = make_window(rasa)
    tab = win.open_article(rid)
    notice = win.handoff.notices[tab]
    assert notice.isVisibleTo(tab) and "In conflict" in notice.label.text()
    assert notice.button.accessibleName() == "Resolve the conflict"
    assert not win.handoff.notices[win.open_article(calm.id)].isVisibleTo(tab)
    win.open_article(rid)
    qtbot.waitUntil(lambda: win.handoff.resolve_action.isEnabled(), timeout=WAIT_MS)
    notice.button.click()
    view = win.handoff.merge_view
    assert view is not None and view.isVisible()
    assert view.windowModality() == Qt.WindowModality.WindowModal
    assert not win.outside_changes.timer.isActive()  # held while this window writes
    qtbot.waitUntil(lambda: view.model is not None, timeout=WAIT_MS)
    view.take("theirs")
    view.next_conflict()
    view.take("theirs")
    with qtbot.waitSignal(view.resolved, timeout=WAIT_MS):
        view.save()
    qtbot.waitUntil(lambda: win.handoff.merge_view is None, timeout=WAIT_MS)
    assert not notice.isVisibleTo(tab)
    assert "Three reporters and a photographer." in tab.editor.toPlainText()
    assert tab.version == rasa.article_version(rid) and not tab.is_dirty()
    assert win.outside_changes.poll() == set()
    assert win.outside_changes.timer.isActive()
    assert win.statusBar().currentMessage().startswith("Conflict resolved: saved as revision")
    qtbot.waitUntil(lambda: not win.handoff.resolve_action.isEnabled(), timeout=WAIT_MS)


def test_the_conflicts_queue_lists_the_articles_in_conflict(qtbot, make_window, laptops):
    rasa, tomas, rid, tid, tmp = laptops
    rasa.create_article(Article(title="Calm", body="Nothing to see.\n"))
    win = make_window(rasa)
    queues = win.panels.queues
    assert queues.count("conflicts") == 0
    conflict_in_two_passages(rasa, tomas, rid, tid, tmp)  # by another process, say
    win.signals.library_changed.emit()
    qtbot.waitUntil(lambda: queues.count("conflicts") == 1, timeout=WAIT_MS)
    queues.select_queue("conflicts")
    assert win.library_panel.model.total == 1
    assert win.library_panel.model.article_id(0) == rid
    # resolved elsewhere (the command line): the queue and the list follow
    from editor_app.core.sync.resolve import resolve_taking
    resolve_taking(rasa, rid, "mine")
    win.signals.library_changed.emit()
    qtbot.waitUntil(lambda: win.library_panel.model.total == 0, timeout=WAIT_MS)
    assert queues.count("conflicts") == 0
    queues.select_queue("all")
    assert win.library_panel.model.total == 2


def test_send_asks_before_replacing_a_file(qtbot, make_window, library, tmp_path):
    story = library.create_article(Article(title="Ferry", body="The ferry is back.\n"))
    win = make_window(library)
    win.select_in_library(story.id)
    out = tmp_path / "ferry.byline"
    out.write_text("old")
    win.handoff.send_action.trigger()
    dialog = win.handoff.send_dialog
    assert dialog.path_edit.text().endswith("ferry.byline")
    dialog.path_edit.setText(str(out))
    asked = []
    dialog.confirm_overwrite = lambda path: asked.append(path) or False
    dialog.send_button.click()
    assert asked == [pathlib.Path(out)] and out.read_text() == "old"
    dialog.confirm_overwrite = lambda path: True
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=WAIT_MS)
    assert out.read_bytes().startswith(b"PK")
