"""Workflow actions: only allowed moves offered, the pre-flight gate, overrides in the trail."""

from __future__ import annotations

from editor_app.core.identity import Identity, save_identity
from editor_app.core.models import Article, Kind, Status
from editor_app.ui.review.preflight_dialog import OVERRIDE, PROCEED
from editor_app.ui.review.workflow_actions import WorkflowActions
from editor_app.ui.signals import AppSignals


def article(library, status=Status.DRAFT, **changes):
    fields = dict(title="Story", summary="S.", tags=["t"], body="Lede.\n", kind=Kind.NEWS,
                  status=status)
    fields.update(changes)
    return library.create_article(Article(**fields)).id


def widget(qtbot, library, role):
    signals = AppSignals()
    save_identity(Identity("Kim", role))
    actions = WorkflowActions(library, signals, spelling_issue_count=lambda _id: 0)
    qtbot.addWidget(actions)
    actions.ask_note = lambda _title: "a note"
    return actions, signals


def test_only_allowed_moves_are_offered(qtbot, library):
    aid = article(library, Status.IN_REVIEW)
    actions, signals = widget(qtbot, library, "reporter")
    actions.set_article(aid)
    assert actions.buttons == {}
    save_identity(Identity("Kim", "editor"))
    signals.identity_changed.emit(Identity("Kim", "editor"))  # at once, no restart
    assert set(actions.buttons) == {Status.CHANGES_REQUESTED, Status.APPROVED, Status.SPIKED}
    assert actions.buttons[Status.APPROVED].text() == "Approve"


def test_move_records_note_and_emits(qtbot, library):
    aid = article(library)
    actions, signals = widget(qtbot, library, "reporter")
    actions.set_article(aid)
    with qtbot.waitSignal(signals.status_changed) as blocker:
        actions.buttons[Status.SUBMITTED].click()
    assert blocker.args == [aid, "submitted"]
    [event] = library.status_events(aid)
    assert (event.who, event.note, event.override) == ("Kim", "a note", False)
    assert actions.trail.count() == 1 and "draft → submitted" in actions.trail.item(0).text()


def test_approval_shows_the_checklist_and_can_be_cancelled(qtbot, library):
    aid = article(library, Status.IN_REVIEW)
    actions, _ = widget(qtbot, library, "editor")
    actions.set_article(aid)
    asked = []
    actions.run_preflight = lambda a, t: asked.append((a, t)) or None
    assert not actions.move_to(Status.APPROVED)
    assert asked == [(aid, Status.APPROVED)]
    assert library.get_article(aid).status == Status.IN_REVIEW


def test_override_is_recorded_in_the_trail(qtbot, library):
    aid = article(library, Status.IN_REVIEW, summary="")
    actions, _ = widget(qtbot, library, "editor")
    actions.set_article(aid)
    actions.run_preflight = lambda a, t: PROCEED  # proceeding cannot pass failed checks
    assert not actions.move_to(Status.APPROVED)
    actions.run_preflight = lambda a, t: OVERRIDE
    assert actions.move_to(Status.APPROVED)
    event = library.status_events(aid)[-1]
    assert event.override and "summary" in event.note
    assert "OVERRIDE" in actions.trail.item(0).text()


def test_a_refused_move_shows_as_refused_with_who_and_why(qtbot, tmp_path):
    """A move made in another library that no longer applied when it arrived (#14)."""
    from editor_app.core.library import Library
    from editor_app.core.models import Role
    from editor_app.core.sync.engine import receive, send
    from editor_app.ui.review.workflow_actions import trail_line
    from tests.sync_support import hand_over, new_interview, same_article

    rasa = Library.open(tmp_path / "rasa.byline")
    tomas = Library.open(tmp_path / "tomas.byline")
    story = new_interview(rasa)
    hand_over(rasa, tomas, [story.id], tmp_path / "first.byline")
    tid = same_article(rasa, tomas, story)
    rasa.set_status(story.id, Status.SUBMITTED, role=Role.REPORTER, who="Rasa")
    tomas.set_status(tid, Status.SPIKED, role=Role.EDITOR, who="Tomas", note="duplicate")
    send(rasa, [story.id], tmp_path / "r.byline")
    receive(tomas, tmp_path / "r.byline")
    actions, _ = widget(qtbot, tomas, "editor")
    actions.set_article(tid)
    assert actions.trail.count() == 2
    newest, oldest = actions.trail.item(0), actions.trail.item(1)
    assert "REFUSED draft → submitted  by Rasa (reporter)" in newest.text()
    assert "not applied: Rasa (reporter) moved it draft → submitted, but when that arrived the " \
           "article was spiked" in newest.text()
    assert newest.font().italic() and newest.foreground().color().name() == "#c0392b"
    assert newest.toolTip().startswith("Refused: Rasa moved it draft → submitted")
    assert "REFUSED" not in oldest.text() and "draft → spiked" in oldest.text()
    assert not oldest.font().italic()
    [event] = [e for e in tomas.status_events(tid) if e.refused]
    assert trail_line(event) == newest.text()
    rasa.close()
    tomas.close()


def test_in_conflict_the_panel_says_why_and_offers_resolve(qtbot, tmp_path):
    from editor_app.core.library import Library
    from tests.sync_support import hand_over, new_interview, same_article

    rasa = Library.open(tmp_path / "rasa.byline")
    tomas = Library.open(tmp_path / "tomas.byline")
    story = new_interview(rasa, status=Status.SUBMITTED)
    hand_over(rasa, tomas, [story.id], tmp_path / "first.byline")
    tid = same_article(rasa, tomas, story)
    rasa.update_article(story.id, body=story.body.replace("Three,", "Four,"), revision_reason="e")
    tomas.update_article(tid, body=story.body.replace("Three,", "Five,"), revision_reason="e")
    hand_over(tomas, rasa, [tid], tmp_path / "back.byline")
    actions, signals = widget(qtbot, rasa, "editor")
    actions.show()
    actions.set_article(story.id)
    assert actions.conflict_label.isVisible()
    assert "cannot go further than “submitted”" in actions.conflict_label.text()
    assert Status.IN_REVIEW not in actions.buttons  # offered again once resolved
    with qtbot.waitSignal(signals.resolve_conflict_requested) as asked:
        actions.resolve_button.click()
    assert asked.args == [story.id]
    # a move the library refuses is explained in the panel, not only in the status bar
    assert not actions.move_to(Status.IN_REVIEW)
    assert actions.problem_label.isVisible()
    assert actions.problem_label.text().startswith("“Start review” was not done: the article is "
                                                   "in conflict")
    from editor_app.core.sync.resolve import resolve_taking
    resolve_taking(rasa, story.id, "theirs")
    signals.status_changed.emit(story.id, "submitted")
    assert not actions.conflict_label.isVisible() and Status.IN_REVIEW in actions.buttons
    assert actions.move_to(Status.IN_REVIEW)
    assert not actions.problem_label.isVisible()
    rasa.close()
    tomas.close()
