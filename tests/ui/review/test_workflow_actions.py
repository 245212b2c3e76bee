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
