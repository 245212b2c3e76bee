"""The workflow: DESIGN.md's transition table per role, the pre-flight gate and the trail."""

from __future__ import annotations

import itertools

import pytest

from editor_app.core.errors import InputError, TransitionError
from editor_app.core.identity import Identity, save_identity
from editor_app.core.library import Library
from editor_app.core.models import Article, Kind, Role, Status
from editor_app.core.review import available_moves, change_status, current_role, gate_export

S = Status
REP, ED, PROD = Role.REPORTER, Role.EDITOR, Role.PRODUCER
# Written out from DESIGN.md ("Workflow") rather than imported from models, so a
# mistake in the model's table makes this test fail.
DESIGN_TABLE = {
    (S.DRAFT, S.SUBMITTED): {REP, ED},
    (S.SUBMITTED, S.IN_REVIEW): {ED},
    (S.IN_REVIEW, S.CHANGES_REQUESTED): {ED},
    (S.IN_REVIEW, S.APPROVED): {ED},
    (S.CHANGES_REQUESTED, S.SUBMITTED): {REP, ED},
    (S.APPROVED, S.PUBLISHED): {PROD, ED},
    (S.APPROVED, S.IN_REVIEW): {ED},
    (S.PUBLISHED, S.IN_REVIEW): {ED},
    (S.SPIKED, S.DRAFT): {ED},
    **{(s, S.SPIKED): {ED} for s in (S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED,
                                     S.APPROVED)},
}


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    library = Library.open(tmp_path_factory.mktemp("wf") / "wf.byline")
    yield library
    library.close()


def ready_article(lib, status: Status = S.DRAFT, **changes) -> int:
    """An article that passes every error-level pre-flight check."""
    fields = dict(title="Council backs the flood barrier", summary="The vote was close.",
                  body="Lede paragraph.\n\nQ: Why now?\n\nA: Because.\n", kind=Kind.INTERVIEW,
                  tags=["local"], status=status, author="Sam")
    fields.update(changes)
    return lib.create_article(Article(**fields)).id


@pytest.mark.parametrize(("frm", "to", "role"),
                         list(itertools.product(list(Status), list(Status), list(Role))),
                         ids=lambda v: v.value)
def test_transition_table(lib, frm, to, role):
    aid = ready_article(lib, frm)
    allowed = role in DESIGN_TABLE.get((frm, to), set())
    if allowed:
        event = change_status(lib, aid, to, role=role, who="Kim", note="n",
                              spelling_issue_count=0)
        assert (event.from_status, event.to_status, event.role) == (frm.value, to.value, role.value)
        assert lib.get_article(aid).status == to
        assert event.override is False
    else:
        with pytest.raises((TransitionError, InputError)):
            change_status(lib, aid, to, role=role, who="Kim", spelling_issue_count=0)
        assert lib.get_article(aid).status == frm
        assert lib.status_events(aid) == []


def test_refusal_names_the_allowed_moves(lib):
    aid = ready_article(lib, S.IN_REVIEW)
    with pytest.raises(TransitionError) as err:
        change_status(lib, aid, S.PUBLISHED, role=ED, spelling_issue_count=0)
    assert "approved" in str(err.value) and "changes_requested" in str(err.value)


def test_every_transition_is_recorded_with_who_when_note(lib):
    aid = ready_article(lib)
    change_status(lib, aid, S.SUBMITTED, role=REP, who="Sam", note="first draft done")
    change_status(lib, aid, S.IN_REVIEW, role=ED, who="Kim")
    trail = lib.status_events(aid)
    assert [(e.from_status, e.to_status, e.who, e.note) for e in trail] == [
        ("draft", "submitted", "Sam", "first draft done"), ("submitted", "in_review", "Kim", "")]
    assert all(e.created_at and not e.override for e in trail)


def test_approval_blocked_by_failed_preflight_names_the_checks(lib):
    aid = ready_article(lib, S.IN_REVIEW, summary="", tags=[])
    with pytest.raises(TransitionError) as err:
        change_status(lib, aid, S.APPROVED, role=ED, spelling_issue_count=0)
    assert "summary" in str(err.value) and "tags" in str(err.value)
    assert lib.get_article(aid).status == S.IN_REVIEW


def test_forced_approval_records_the_override_and_the_failing_checks(lib):
    aid = ready_article(lib, S.IN_REVIEW, summary="")
    event = change_status(lib, aid, S.APPROVED, role=ED, who="Kim", note="deadline",
                          force=True, spelling_issue_count=0)
    assert event.override is True
    assert "summary" in event.note and "deadline" in event.note
    assert lib.status_events(aid)[-1].override is True


def test_publishing_is_gated_too(lib):
    aid = ready_article(lib, S.APPROVED)
    lib.add_comment(aid, text="check this", quote="Lede", start=0, end=4)
    with pytest.raises(TransitionError, match="comments"):
        change_status(lib, aid, S.PUBLISHED, role=PROD, spelling_issue_count=0)
    event = change_status(lib, aid, S.PUBLISHED, role=PROD, force=True, spelling_issue_count=0)
    assert event.override and "comments" in event.note


def test_ungated_moves_ignore_preflight(lib):
    aid = ready_article(lib, summary="", tags=[])
    event = change_status(lib, aid, S.SUBMITTED, role=REP, spelling_issue_count=0)
    assert not event.override


def test_force_does_not_lift_the_table_for_a_reporter(lib):
    aid = ready_article(lib, S.APPROVED)
    with pytest.raises(TransitionError):
        change_status(lib, aid, S.PUBLISHED, role=REP, force=True, spelling_issue_count=0)


def test_editor_force_outside_the_table_is_an_override(lib):
    aid = ready_article(lib, S.PUBLISHED)
    event = change_status(lib, aid, S.DRAFT, role=ED, force=True, note="wrong article")
    assert event.override and "outside the workflow" in event.note


def test_role_and_name_come_from_the_persons_settings(tmp_path):
    with Library.open(tmp_path / "p.byline") as lib:
        assert current_role(lib) == REP
        save_identity(Identity("Pat", "producer"))
        aid = ready_article(lib, S.APPROVED)
        assert available_moves(lib, aid) == [S.PUBLISHED]
        event = change_status(lib, aid, S.PUBLISHED, spelling_issue_count=0)
        assert (event.who, event.role) == ("Pat", "producer")
        # the library does not hold them: another library sees the same person
        assert lib.get_setting("user.role") is None
    with Library.open(tmp_path / "other.byline") as other:
        assert current_role(other) == Role.PRODUCER


def test_export_gate_records_an_override(lib):
    aid = ready_article(lib, S.APPROVED, summary="")
    with pytest.raises(TransitionError, match="summary"):
        gate_export(lib, aid, spelling_issue_count=0)
    assert lib.status_events(aid) == []
    gate_export(lib, aid, force=True, who="Pat", role=PROD, spelling_issue_count=0)
    event = lib.status_events(aid)[-1]
    assert event.override and event.from_status == event.to_status == "approved"
    assert "export" in event.note and "summary" in event.note
