"""Round trips of hand-off files between two real libraries in temporary folders (#14)."""

from __future__ import annotations

import pathlib
import shutil

import pytest

from editor_app.core.errors import ConflictError, TransitionError
from editor_app.core.external_changes import ExternalChangeWatcher
from editor_app.core.library import Library
from editor_app.core.models import Role, Status
from editor_app.core.review import anchor_list, available_moves, change_status, preflight
from editor_app.core.sync.conflicts import Choice
from editor_app.core.sync.engine import receive, send
from editor_app.core.sync.resolve import load_conflict, resolve_taking, save_resolution
from tests.hardening.library_fixtures import FIXTURES, PNG
from tests.sync_support import dump, hand_over, new_interview, same_article, state


@pytest.fixture
def pair(tmp_path):
    """Rasa's laptop and Tomas's laptop, the interview drafted on Rasa's and handed over."""
    rasa = Library.open(tmp_path / "rasa.byline")
    tomas = Library.open(tmp_path / "tomas.byline")
    art = new_interview(rasa)
    hand_over(rasa, tomas, [art.id], tmp_path / "first.byline")
    yield rasa, tomas, art.id, same_article(rasa, tomas, art), tmp_path
    rasa.close()
    tomas.close()


def edit(lib, aid, old, new, **fields):
    body = lib.get_article(aid).body
    assert old in body
    return lib.update_article(aid, body=body.replace(old, new), revision_reason="edit", **fields)


def test_a_new_article_arrives_with_its_history_comments_trail_and_image(tmp_path):
    a = Library.open(tmp_path / "a.byline")
    b = Library.open(tmp_path / "b.byline")
    sha = a.add_asset(PNG, name="chart.png", mime="image/png")
    art = new_interview(a, body=f"Lede.\n\n![A chart](asset:{sha}.png)\n\nQ: Why?\n\nA: Because.\n")
    a.update_article(art.id, body=art.body + "\nMore.\n", revision_reason="autosave snapshot")
    a.add_comment(art.id, text="Source?", author="Ed", quote="Because", start=art.body.index("Because"),
                  end=art.body.index("Because") + 7)
    a.set_status(art.id, Status.SUBMITTED, role=Role.REPORTER, who="Rasa")
    summary = hand_over(a, b, [art.slug], tmp_path / "h.byline")
    bid = same_article(a, b, art)
    assert [r.id for r in summary.arrived] == [bid]
    assert b.get_asset(sha).data == PNG
    got = b.get_article(bid)
    assert (got.body, got.status, got.tags) == (a.get_article(art.id).body, Status.SUBMITTED, ["media"])
    assert [r.uid for r in b.revisions(bid)] == [r.uid for r in a.revisions(art.id)]
    assert [c.text for c in b.comments(bid)] == ["Source?"]
    assert [(e.from_status, e.to_status, e.who) for e in b.status_events(bid)] == \
        [("draft", "submitted", "Rasa")]
    assert b.check() == []


def test_edits_to_different_paragraphs_merge(pair):
    rasa, tomas, rid, tid, tmp = pair
    edit(rasa, rid, "Three, and a photographer", "Three, plus a photographer")
    edit(tomas, tid, "If the readers keep paying, yes.", "If the readers keep paying, yes, gladly.")
    summary = hand_over(tomas, rasa, [tid], tmp / "back.byline")
    assert [a.id for a in summary.merged] == [rid]
    body = rasa.get_article(rid).body
    assert "Three, plus a photographer" in body and "yes, gladly." in body
    merge = rasa.revisions(rid)[0]
    assert len(merge.parents) == 2 and merge.reason == "merge"
    assert not rasa.in_conflict(rid)
    # and back: Tomas takes the merge as it is (the same revision, not a new merge)
    summary = hand_over(rasa, tomas, [rid], tmp / "again.byline")
    assert [a.id for a in summary.updated] == [tid]
    assert tomas.get_article(tid).body == body
    assert tomas.head_uids(tid)[0] == rasa.head_uids(rid)[0] == merge.uid


def test_both_laptops_making_the_same_merge_make_the_same_revision(pair):
    rasa, tomas, rid, tid, tmp = pair
    edit(rasa, rid, "Three,", "Three (all local),")
    edit(tomas, tid, "The planning committee.", "The planning committee, every week.")
    send(rasa, [rid], tmp / "r.byline")
    send(tomas, [tid], tmp / "t.byline")
    receive(rasa, tmp / "t.byline")
    receive(tomas, tmp / "r.byline")
    assert rasa.head_uids(rid) == tomas.head_uids(tid)
    assert rasa.get_article(rid).body == tomas.get_article(tid).body
    uuid = rasa.get_article(rid).uuid
    assert state(rasa)[uuid]["revisions"] == state(tomas)[uuid]["revisions"]
    # exchanging again changes nothing on either side
    before = (dump(rasa.path), dump(tomas.path))
    assert not hand_over(rasa, tomas, [rid], tmp / "r2.byline").changed
    assert not hand_over(tomas, rasa, [tid], tmp / "t2.byline").changed
    assert (dump(rasa.path), dump(tomas.path)) == before


def test_the_same_sentence_changed_on_both_sides_conflicts_and_both_texts_survive(pair):
    rasa, tomas, rid, tid, tmp = pair
    edit(rasa, rid, "Three, and a photographer on Saturdays.", "Three, and a photographer on Sundays.")
    edit(tomas, tid, "Three, and a photographer on Saturdays.", "Four, and a photographer on Saturdays.")
    summary = hand_over(tomas, rasa, [tid], tmp / "back.byline")
    assert [a.id for a in summary.conflicts] == [rid]
    assert rasa.in_conflict(rid) and rasa.conflict_count() == 1
    assert [c.article_id for c in rasa.conflicts()] == [rid]
    queue = rasa.list_articles(ids=rasa.conflicted_article_ids())  # what the queue lists
    assert [a.id for a in queue] == [rid]
    assert "Sundays" in rasa.get_article(rid).body  # mine stays in the editor
    theirs = rasa.get_revision(rasa.conflict_revisions(rid)[0])
    assert "Four, and a photographer" in theirs.body  # theirs is kept as a revision
    model = load_conflict(rasa, rid)
    [hunk] = model.hunks
    assert "Sundays" in hunk.mine and "Four," in hunk.theirs
    # the conflict travels: sent back, Tomas sees it too
    hand_over(rasa, tomas, [rid], tmp / "conflict.byline")
    assert tomas.in_conflict(tid)


def test_a_paragraph_deleted_on_one_side_and_edited_on_the_other_conflicts(pair):
    rasa, tomas, rid, tid, tmp = pair
    edit(rasa, rid, "Q: Will you still be here in five years?\n\nA: If the readers keep paying, yes.\n",
         "")
    edit(tomas, tid, "If the readers keep paying, yes.", "If the readers keep paying, certainly.")
    summary = hand_over(tomas, rasa, [tid], tmp / "back.byline")
    assert [a.id for a in summary.conflicts] == [rid]
    [hunk] = load_conflict(rasa, rid).hunks
    assert "certainly" in hunk.theirs and "certainly" not in hunk.mine


def test_tags_added_on_both_sides_union(pair):
    rasa, tomas, rid, tid, tmp = pair
    rasa.tag_article(rid, add=["local news"])
    tomas.tag_article(tid, add=["politics"], remove=["media"])
    hand_over(tomas, rasa, [tid], tmp / "back.byline")
    assert sorted(rasa.get_article(rid).tags) == ["local news", "politics"]
    kinds = [r.data for r in rasa.article_records(rid, kinds=("tags",))]
    assert {"added": ["local news"], "removed": []} in kinds
    assert {"added": ["politics"], "removed": ["media"]} in kinds


def test_comments_from_both_sides_are_all_present_and_anchored(pair):
    rasa, tomas, rid, tid, tmp = pair
    body = rasa.get_article(rid).body
    at = body.index("The planning committee")
    rasa.add_comment(rid, text="Which committee?", author="Rasa", quote="The planning committee",
                     start=at, end=at + 22)
    at = body.index("a photographer")
    first = tomas.add_comment(tid, text="Name the photographer", author="Tomas",
                              quote="a photographer", start=at, end=at + 14)
    tomas.add_comment(tid, text="Done", author="Rasa", parent_id=first.id)
    at = body.index("If the readers keep paying")
    tomas.add_comment(tid, text="Too glib", author="Tomas", quote="If the readers keep paying",
                      start=at, end=at + 26)
    # Rasa rewrites the sentence Tomas commented on, and adds a paragraph before the others
    edit(rasa, rid, "If the readers keep paying, yes.", "Yes: we break even.")
    edit(rasa, rid, "Dr. Jane Roe runs", "In a converted shop, Dr. Jane Roe runs")
    hand_over(tomas, rasa, [tid], tmp / "back.byline")
    comments = rasa.comments(rid)
    assert sorted(c.text for c in comments) == ["Done", "Name the photographer", "Too glib",
                                                 "Which committee?"]
    text = rasa.get_article(rid).body
    anchors = {a.comment.text: a for a in anchor_list(text, comments)}
    for name, quote in (("Which committee?", "The planning committee"),
                        ("Name the photographer", "a photographer"), ("Done", "a photographer")):
        assert not anchors[name].detached
        assert text[anchors[name].start:anchors[name].end] == quote
    assert anchors["Too glib"].detached  # its passage is gone: detached, never dropped
    reply = next(c for c in comments if c.text == "Done")
    assert reply.parent_id == next(c.id for c in comments if c.text == "Name the photographer")
    # resolving on one side travels to the other
    tomas.set_comment_resolved(first.id, True)
    hand_over(tomas, rasa, [tid], tmp / "resolved.byline")
    assert next(c for c in rasa.comments(rid) if c.text == "Name the photographer").resolved


def test_a_status_change_made_offline_that_became_illegal_is_recorded_as_refused(pair):
    rasa, tomas, rid, tid, tmp = pair
    rasa.set_status(rid, Status.SUBMITTED, role=Role.REPORTER, who="Rasa")
    tomas.set_status(tid, Status.SPIKED, role=Role.EDITOR, who="Tomas", note="duplicate")
    send(rasa, [rid], tmp / "r.byline")
    send(tomas, [tid], tmp / "t.byline")
    summary = receive(tomas, tmp / "r.byline")
    [refused] = summary.refused
    assert (refused.who, refused.from_status, refused.to_status) == ("Rasa", "draft", "submitted")
    assert "spiked" in refused.reason
    receive(rasa, tmp / "t.byline")
    for lib, aid in ((rasa, rid), (tomas, tid)):
        assert lib.get_article(aid).status == Status.SPIKED
        trail = lib.status_events(aid)
        assert [(e.to_status, e.who, e.refused) for e in trail] == [
            ("spiked", "Tomas", False), ("submitted", "Rasa", True)]
        assert "Tomas" in trail[1].refusal and "spiked" in trail[1].refusal


def test_receiving_twice_is_a_no_op(pair):
    rasa, tomas, rid, tid, tmp = pair
    edit(tomas, tid, "Three,", "Three reporters,")
    tomas.add_comment(tid, text="ok", author="T", quote="Three", start=56, end=61)
    tomas.set_status(tid, Status.SUBMITTED, role=Role.EDITOR)
    send(tomas, [tid], tmp / "t.byline")
    first = receive(rasa, tmp / "t.byline")
    assert first.changed
    before = dump(rasa.path)
    again = receive(rasa, tmp / "t.byline")
    assert not again.changed and [a.id for a in again.unchanged] == [rid]
    assert dump(rasa.path) == before


def test_receive_reports_progress_and_a_cancel_writes_nothing(pair):
    rasa, tomas, rid, tid, tmp = pair
    second = new_interview(tomas, title="Second", slug="second")
    send(tomas, [tid, second.id], tmp / "two.byline")
    before = dump(rasa.path)

    class Cancelled(Exception):
        pass

    def cancel(done, total):
        assert total == 2
        raise Cancelled

    with pytest.raises(Cancelled):
        receive(rasa, tmp / "two.byline", progress=cancel)
    assert dump(rasa.path) == before
    seen = []
    receive(rasa, tmp / "two.byline", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]


def test_send_since_an_earlier_file_carries_only_what_is_new(pair):
    rasa, tomas, rid, tid, tmp = pair
    full = tmp / "full.byline"
    send(rasa, [rid], full)
    edit(rasa, rid, "Three,", "Three good,")
    summary = send(rasa, [rid], tmp / "delta.byline", since=full)
    assert summary.revisions == 1
    assert summary.size < full.stat().st_size * 2
    receive(tomas, tmp / "delta.byline")
    assert "Three good," in tomas.get_article(tid).body
    # a receiver that lacks the earlier file is refused whole, with what to do
    stranger = Library.open(tmp / "stranger.byline")
    with pytest.raises(Exception, match="without --since"):
        receive(stranger, tmp / "delta.byline")
    assert stranger.count_articles() == 0


def test_an_interview_goes_there_and_back_with_edits_on_both_sides_and_a_resolution(pair):
    rasa, tomas, rid, tid, tmp = pair
    rasa.set_status(rid, Status.SUBMITTED, role=Role.REPORTER, who="Rasa")
    hand_over(rasa, tomas, [rid], tmp / "1.byline")
    change_status(tomas, tid, Status.IN_REVIEW, role=Role.EDITOR, who="Tomas")
    edit(tomas, tid, "Three, and a photographer on Saturdays.", "Three and a photographer.")
    edit(rasa, rid, "Three, and a photographer on Saturdays.", "Three, and a photographer (Sat).")
    edit(rasa, rid, "The planning committee.", "The planning committee, every Tuesday.")
    hand_over(tomas, rasa, [tid], tmp / "2.byline")
    assert rasa.in_conflict(rid)
    assert rasa.get_article(rid).status == Status.IN_REVIEW  # Tomas's move arrived
    model = load_conflict(rasa, rid)
    model.take(0, Choice.THEIRS)
    article = save_resolution(rasa, model, who="Rasa")
    assert "Three and a photographer." in article.body and "every Tuesday" in article.body
    assert not rasa.in_conflict(rid)
    resolution = rasa.revisions(rid)[0]
    assert len(resolution.parents) == 2
    hand_over(rasa, tomas, [rid], tmp / "3.byline")
    assert tomas.get_article(tid).body == article.body
    assert tomas.head_uids(tid)[0] == resolution.uid
    assert not tomas.in_conflict(tid)


def test_the_workflow_cannot_move_an_article_past_submitted_while_it_is_in_conflict(pair):
    rasa, tomas, rid, tid, tmp = pair
    rasa.set_status(rid, Status.SUBMITTED, role=Role.REPORTER)
    edit(rasa, rid, "Three,", "Five,")
    edit(tomas, tid, "Three,", "Six,")
    hand_over(tomas, rasa, [tid], tmp / "t.byline")
    assert rasa.in_conflict(rid)
    assert Status.IN_REVIEW not in available_moves(rasa, rid, Role.EDITOR)
    assert Status.SPIKED in available_moves(rasa, rid, Role.EDITOR)
    with pytest.raises(TransitionError, match="in conflict"):
        change_status(rasa, rid, Status.IN_REVIEW, role=Role.EDITOR, force=True)
    with pytest.raises(TransitionError, match="in conflict"):
        rasa.set_status(rid, Status.IN_REVIEW, role=Role.EDITOR, force=True)
    assert preflight(rasa, rid).item("conflict").level == "error"
    resolve_taking(rasa, rid, "mine", who="Rasa")
    change_status(rasa, rid, Status.IN_REVIEW, role=Role.EDITOR)
    assert rasa.get_article(rid).status == Status.IN_REVIEW


def test_a_resolution_is_refused_when_the_article_changed_meanwhile(pair):
    rasa, tomas, rid, tid, tmp = pair
    edit(rasa, rid, "Three,", "Five,")
    edit(tomas, tid, "Three,", "Six,")
    hand_over(tomas, rasa, [tid], tmp / "t.byline")
    model = load_conflict(rasa, rid)
    model.take_all("mine")
    edit(rasa, rid, "The planning", "The town planning")
    with pytest.raises(ConflictError):
        save_resolution(rasa, model)
    assert rasa.in_conflict(rid)


def test_unsaved_edits_are_kept_as_a_revision_before_a_merge(pair):
    rasa, tomas, rid, tid, tmp = pair
    body = rasa.get_article(rid).body
    rasa.update_article(rid, body=body.replace("Three,", "Three typed,"))  # autosave, no revision
    edit(tomas, tid, "five years", "ten years")
    hand_over(tomas, rasa, [tid], tmp / "t.byline")
    reasons = [r.reason for r in rasa.revisions(rid)]
    assert "kept before receiving" in reasons
    body = rasa.get_article(rid).body
    assert "Three typed," in body and "ten years" in body


def test_pins_bans_vocabulary_and_dictionary_words_travel(tmp_path):
    a = Library.open(tmp_path / "a.byline")
    b = Library.open(tmp_path / "b.byline")
    story = new_interview(a, tags=["European Union"])
    other = new_interview(a, title="Council budget", slug="budget", tags=["politics"])
    third = new_interview(a, title="Old news", slug="old")
    a.pin_related(story.id, other.id)
    a.ban_related(story.id, third.id)
    a.add_tag_alias("European Union", "EU")
    a.add_dictionary_word("Roe")
    a.add_dictionary_word("Weekly", scope=f"article:{story.id}")
    hand_over(a, b, [story.id, other.id, third.id], tmp_path / "h.byline")
    bid = same_article(a, b, story)
    assert [r.slug for r in b.pinned_related(bid)] == ["budget"]
    assert b.banned_related(bid) == {same_article(a, b, third)}
    assert b.find_tag("EU").name == "European Union"
    assert "Roe" in b.dictionary_words("newsroom")
    assert b.dictionary_words(f"article:{bid}") == {"Weekly"}
    # a rename made on one side follows the tag to the other
    a.rename_tag("European Union", "EU policy")
    hand_over(a, b, [story.id], tmp_path / "h2.byline")
    assert b.get_article(bid).tags == ["EU policy"]
    assert "European Union" in b.find_tag("EU policy").aliases


def test_two_copies_of_an_old_library_share_their_migrated_history(tmp_path):
    """The backfill gives existing revisions the same ids in every copy: they merge cleanly."""
    for name in ("one.byline", "two.byline"):
        shutil.copyfile(FIXTURES / "library-v1.byline", tmp_path / name)
    one = Library.open(tmp_path / "one.byline")
    two = Library.open(tmp_path / "two.byline")
    slug = "jane-roe-interview"
    oid, tid = one.resolve_id(slug), two.resolve_id(slug)
    assert [r.uid for r in one.revisions(oid)] == [r.uid for r in two.revisions(tid)]
    assert [c.uid for c in one.comments(oid)] == [c.uid for c in two.comments(tid)]
    edit(one, oid, "Lede paragraph.", "Lede paragraph, edited in one.")
    edit(two, tid, "More answer.", "More answer, edited in two.")
    summary = hand_over(two, one, [tid], tmp_path / "h.byline")
    assert [a.id for a in summary.merged] == [oid]
    body = one.get_article(oid).body
    assert "edited in one" in body and "edited in two" in body
    assert len(one.comments(oid)) == 2  # the same comments, recognised, not doubled
    assert one.get_article(oid).status == Status.IN_REVIEW


def test_the_gui_watcher_sees_a_receive_made_by_another_process(pair):
    """The window's outside-change monitor polls this watcher: a receive is an outside change."""
    import os
    import subprocess
    import sys

    rasa, tomas, rid, tid, tmp = pair
    gui = Library.open(rasa.path)  # the window's own connection, open all along
    watcher = ExternalChangeWatcher(gui)
    assert not watcher.poll()
    edit(tomas, tid, "five years", "ten years")
    newcomer = new_interview(tomas, title="A second story", slug="second")
    send(tomas, [tid, newcomer.id], tmp / "t.byline")
    root = pathlib.Path(__file__).resolve().parents[3]
    done = subprocess.run([sys.executable, "-m", "editor_app", "--library", str(rasa.path),
                           "receive", str(tmp / "t.byline")], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(root)}, timeout=120)
    assert done.returncode == 0, done.stderr
    changes = watcher.poll()
    assert rid in changes.changed
    assert gui.article_id_by_uuid(newcomer.uuid) in changes.changed
    assert "ten years" in gui.get_article(rid).body
    gui.close()


def test_a_read_only_library_still_sends(pair, tmp_path):
    """A library on a read-only share (SQLite opened read-only, as Library.open does there)."""
    from editor_app.core.library.connection import connect

    rasa, tomas, rid, tid, tmp = pair
    shared = Library(rasa.path, connect(rasa.path, readonly=True), created=False,
                     read_only="the file system is read-only")
    before = dump(rasa.path)
    summary = send(shared, [rid], tmp_path / "out.byline")
    shared.close()
    assert summary.revisions >= 1 and dump(rasa.path) == before
    assert receive(Library.open(tmp_path / "new.byline"), tmp_path / "out.byline").arrived


def test_changes_since_a_cursor_for_a_server(pair):
    """#15 pushes what reached the library since its cursor: sequences, never clocks."""
    rasa, tomas, rid, tid, tmp = pair
    record_cursor = rasa.record_cursor()
    revision_cursor = rasa.revisions_since(0)[-1][0]
    edit(rasa, rid, "Three,", "Three again,")
    rasa.add_comment(rid, text="new", author="R", quote="Three", start=56, end=61)
    assert [r.kind for r in rasa.records_since(record_cursor)] == ["comment"]
    [(_seq, revision_id, article_id)] = rasa.revisions_since(revision_cursor)
    assert article_id == rid and rasa.get_revision(revision_id).reason == "edit"


def test_sending_refuses_bad_targets_and_writes_nothing(pair, tmp_path):
    rasa, tomas, rid, tid, tmp = pair
    from editor_app.core.errors import InputError, NotFoundError
    with pytest.raises(InputError, match="is a folder"):
        send(rasa, [rid], tmp_path)
    with pytest.raises(InputError, match="does not exist"):
        send(rasa, [rid], tmp_path / "nowhere" / "x.byline")
    with pytest.raises(NotFoundError):
        send(rasa, ["no-such-article"], tmp_path / "x.byline")
    assert not (tmp_path / "x.byline").exists()
    assert not list(pathlib.Path(tmp_path).glob(".byline-handoff-*"))
