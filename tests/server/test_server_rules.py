"""The server is the security boundary (#15): a member typing SQL can do no more than the GUI.

Every rule is tried as a member would try it in psql: direct writes to the tables, and
the server's own function ``byline.push`` fed with forged changes. Each refusal must
name its rule. Real PostgreSQL (tests/server/conftest.py), no mocks.
"""

from __future__ import annotations

import uuid

import psycopg
import pytest
from psycopg.types.json import Jsonb

TABLES = ("articles", "revisions", "revision_parents", "records", "assets", "laptops", "workflow",
          "schema_version", "server_identity")
LAPTOP = "11111111-2222-4333-8444-555555555555"


def uid() -> str:
    return str(uuid.uuid4())


def revision(parents=(), title="A story", body="Text.", status="draft", **extra) -> dict:
    return {"uid": uid(), "parents": list(parents), "title": title, "body": body,
            "metadata": {"status": status, "kind": "news", "tags": [], **extra},
            "author": "Someone", "reason": "edit", "created_at": "2024-05-02T10:00:00.000Z",
            "origin": ""}


def move(frm: str, to: str, *, role: str = "editor", after=(), **data) -> dict:
    return {"uid": uid(), "kind": "status", "key": "", "after": list(after),
            "data": {"from": frm, "to": to, "role": role, "note": "", "override": False,
                     "outside": False, **data}, "author": "Someone", "origin": "",
            "created_at": "2024-05-02T10:00:00.000Z"}


def genesis(article: str, status: str = "draft") -> dict:
    return {"uid": uid(), "kind": "status", "key": "", "after": [],
            "data": {"genesis": True, "from": "", "to": status}, "author": "", "origin": "",
            "created_at": ""}


def push(room, member: str, articles=(), records=()) -> list[tuple]:
    """Call the server's function as ``member`` (what a modified client could send)."""
    with room.member(member) as conn:
        return conn.execute("SELECT item, uid, seq, refused, refusal FROM byline.push(%s, %s)",
                            (LAPTOP, Jsonb({"articles": list(articles), "records": list(records)})
                             )).fetchall()


def new_article(room, owner: str, status: str = "draft") -> tuple[str, dict]:
    """An article on the server owned by ``owner`` (who sends it first)."""
    article = uid()
    first = revision(status=status)
    verdicts = push(room, owner if status == "draft" else "tomas",
                    [{"uuid": article, "slug": "s", "title": "A story", "revisions": [first],
                      "records": [genesis(article, status)]}])
    assert all(not v[3] for v in verdicts), verdicts
    if status != "draft" and owner != "tomas":
        raise AssertionError("only drafts can be made by others than tomas here")
    return article, first


def server_status(room, article: str) -> str:
    return room.scalar("SELECT status FROM byline.articles WHERE uuid = %s", (article,))


# -- direct SQL -------------------------------------------------------------------------------
@pytest.mark.parametrize("member", ["rasa", "tomas", "ieva"])
def test_members_have_no_write_grant_on_any_table(newsroom, member):
    article, first = new_article(newsroom, "rasa")
    statements = [f"INSERT INTO byline.{t} DEFAULT VALUES" for t in TABLES]
    statements += [f"UPDATE byline.{t} SET {col} = {col}" for t, col in
                   (("articles", "status"), ("revisions", "body"), ("records", "data"),
                    ("assets", "name"), ("laptops", "name"), ("workflow", "roles"),
                    ("schema_version", "version"))]
    statements += [f"DELETE FROM byline.{t}" for t in TABLES]
    statements += [f"TRUNCATE byline.{t}" for t in TABLES]
    statements += ["UPDATE byline.articles SET status = 'published'",
                   "CREATE TABLE byline.mine (x int)", "SELECT setval('byline.change_seq', 1)"]
    with newsroom.member(member) as conn:
        for sql in statements:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        # reading the whole newsroom is allowed
        assert conn.execute("SELECT count(*) FROM byline.revisions").fetchone()[0] == 1
    assert server_status(newsroom, article) == "draft"


def test_nobody_rewrites_or_deletes_history_not_even_the_owner(newsroom):
    """Triggers refuse UPDATE, DELETE and TRUNCATE of history, naming the rule, as the schema owner."""
    article, first = new_article(newsroom, "rasa")
    push(newsroom, "rasa", [{"uuid": article, "revisions": [], "records": [
        {"uid": uid(), "kind": "comment", "key": (c := uid()), "after": [], "data": {
            "text": "Check this", "quote": "Text", "start": 0, "end": 4, "parent": None},
         "author": "Rasa", "origin": "", "created_at": ""}]}])
    with newsroom.admin() as conn:
        for sql in ("UPDATE byline.revisions SET body = 'rewritten'",
                    "DELETE FROM byline.revisions", "TRUNCATE byline.revisions CASCADE",
                    "UPDATE byline.records SET data = '{}'", "DELETE FROM byline.records",
                    "TRUNCATE byline.records", "DELETE FROM byline.revision_parents",
                    "DELETE FROM byline.articles", "UPDATE byline.articles SET owner = 'tomas'",
                    "DELETE FROM byline.assets", "DELETE FROM byline.workflow",
                    "UPDATE byline.workflow SET roles = '{reporter}'"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege) as info:
                conn.execute(sql)
            assert "byline rule history-is-permanent" in str(info.value), sql
    assert newsroom.scalar("SELECT body FROM byline.revisions WHERE uid = %s", (first["uid"],)) == "Text."
    assert newsroom.scalar("SELECT count(*) FROM byline.records WHERE key = %s", (c,)) == 1


def test_non_members_cannot_call_the_functions(newsroom):
    with newsroom.admin() as conn:
        conn.execute("CREATE ROLE outsider LOGIN PASSWORD 'outsider-pw'")
    try:
        import psycopg as pg

        with pg.connect(newsroom.dsn("outsider", "outsider-pw"), autocommit=True) as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("SELECT * FROM byline.push(%s, '{}')", (LAPTOP,))
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("SELECT count(*) FROM byline.revisions")
    finally:
        with newsroom.admin() as conn:
            conn.execute("DROP ROLE outsider")


# -- the workflow table, by the member's real role -----------------------------------------------
def test_reporter_cannot_approve_or_publish_whatever_role_the_laptop_claims(newsroom):
    article, _ = new_article(newsroom, "rasa")
    steps = [("rasa", "draft", "submitted", False), ("tomas", "submitted", "in_review", False),
             ("rasa", "in_review", "approved", True), ("tomas", "in_review", "approved", False),
             ("rasa", "approved", "published", True), ("ieva", "approved", "spiked", True),
             ("ieva", "approved", "published", False)]
    last = []
    for member, frm, to, refused in steps:
        record = move(frm, to, role="editor", after=last)  # every laptop claims to be an editor
        [(item, _uid, seq, was_refused, why)] = push(newsroom, member, [
            {"uuid": article, "revisions": [], "records": [record]}])
        assert was_refused is refused and seq is not None, (member, frm, to, why)
        if refused:
            assert why.startswith("byline rule workflow-table:") and f"{member} is a" in why
        last = [record["uid"]]
    assert server_status(newsroom, article) == "published"
    refused = newsroom.scalar("SELECT count(*) FROM byline.records WHERE article = %s AND refused",
                              (article,))
    assert refused == 3  # kept in the trail, with the rule, never applied


def test_editor_override_is_an_editors_alone(newsroom):
    article, _ = new_article(newsroom, "rasa")
    [(_, _, _, refused, why)] = push(newsroom, "rasa", [{"uuid": article, "records": [
        move("draft", "published", override=True)]}])
    assert refused and "workflow-table" in why
    [(_, _, _, refused, why)] = push(newsroom, "rasa", [{"uuid": article, "records": [
        move("draft", "approved", legacy=True)]}])
    assert refused and "workflow-table" in why
    [(_, _, _, refused, _why)] = push(newsroom, "tomas", [{"uuid": article, "records": [
        move("draft", "published", override=True)]}])
    assert not refused and server_status(newsroom, article) == "published"


def test_a_move_applies_only_to_the_status_it_was_made_from(newsroom):
    article, _ = new_article(newsroom, "rasa")
    push(newsroom, "tomas", [{"uuid": article, "records": [move("draft", "spiked")]}])
    [(_, _, _, refused, why)] = push(newsroom, "rasa", [{"uuid": article, "records": [
        move("draft", "submitted", role="reporter")]}])
    assert refused and why.startswith("byline rule one-move-at-a-time:") and "was spiked" in why


def test_no_move_past_submitted_while_versions_are_unmerged(newsroom):
    article, first = new_article(newsroom, "rasa")
    push(newsroom, "rasa", [{"uuid": article, "revisions": [
        revision([first["uid"]], body="Mine."), revision([first["uid"]], body="Theirs.")],
        "records": [move("draft", "submitted", role="reporter")]}])
    [(_, _, _, refused, why)] = push(newsroom, "tomas", [{"uuid": article, "records": [
        move("submitted", "in_review")]}])
    assert refused and why.startswith("byline rule resolve-conflicts-first:")


# -- ownership -----------------------------------------------------------------------------------
def test_reporter_cannot_change_another_reporters_draft(newsroom):
    article, first = new_article(newsroom, "rasa")
    edit = revision([first["uid"]], body="Rita was here.")
    tags = {"uid": uid(), "kind": "tags", "key": "", "after": [], "data": {"added": ["x"]},
            "author": "Rita", "origin": "", "created_at": ""}
    pin = {"uid": uid(), "kind": "related", "key": uid(), "after": [], "data": {"state": "pinned"},
           "author": "Rita", "origin": "", "created_at": ""}
    verdicts = push(newsroom, "rita", [{"uuid": article, "revisions": [edit], "records": [tags, pin]}])
    assert [v[2] for v in verdicts] == [None, None, None]
    assert all(v[4].startswith("byline rule own-articles-only: rita is a reporter") for v in verdicts)
    assert newsroom.scalar("SELECT count(*) FROM byline.revisions WHERE article = %s", (article,)) == 1
    # the owner and an editor may; a producer may not change the text either
    assert push(newsroom, "rasa", [{"uuid": article, "revisions": [edit]}])[0][2] is not None
    edit2 = revision([edit["uid"]], body="Tomas was here.")
    assert push(newsroom, "tomas", [{"uuid": article, "revisions": [edit2]}])[0][2] is not None
    edit3 = revision([edit2["uid"]], body="Ieva was here.")
    [(_, _, seq, _, why)] = push(newsroom, "ieva", [{"uuid": article, "revisions": [edit3]}])
    assert seq is None and "own-articles-only: ieva is a producer" in why


def test_a_snapshot_that_changes_only_the_status_is_anyones(newsroom):
    """The revision every move takes (same text, new status) goes up with the move."""
    article, first = new_article(newsroom, "rasa")
    snap = {**first, "uid": uid(), "parents": [first["uid"]],
            "metadata": {**first["metadata"], "status": "submitted"}}
    [(_, _, seq, refused, why)] = push(newsroom, "rita", [{"uuid": article, "revisions": [snap]}])
    assert seq is not None and not refused, why


def test_a_merge_by_anyone_is_taken_only_when_it_recombines_its_parents(newsroom):
    """Every laptop merges two versions the same way; a "merge" with new text is an edit."""
    article, first = new_article(newsroom, "rasa")
    one = revision([first["uid"]], body="Text.\n\nRasa's paragraph.")
    two = revision([first["uid"]], body="Tomas's opening.\n\nText.")
    push(newsroom, "rasa", [{"uuid": article, "revisions": [one]}])
    push(newsroom, "tomas", [{"uuid": article, "revisions": [two]}])
    merged = {**revision([one["uid"], two["uid"]],
                         body="Tomas's opening.\n\nText.\n\nRasa's paragraph."),
              "reason": "merge", "author": ""}
    forged = {**merged, "uid": uid(), "body": merged["body"] + "\n\nRita's own words."}
    [(_, _, seq, _, why)] = push(newsroom, "rita", [{"uuid": article, "revisions": [forged]}])
    assert seq is None and "own-articles-only" in why
    [(_, _, seq, refused, why)] = push(newsroom, "rita", [{"uuid": article, "revisions": [merged]}])
    assert seq is not None and not refused, why


def test_comments_are_everyones_and_answers_need_their_thread(newsroom):
    article, _ = new_article(newsroom, "rasa")
    thread = uid()
    comment = {"uid": thread, "kind": "comment", "key": thread, "after": [], "data": {
        "text": "Source?", "quote": "Text", "start": 0, "end": 4, "parent": None},
        "author": "Rita", "origin": "", "created_at": ""}
    orphan = {**comment, "uid": (o := uid()), "key": o, "data": {**comment["data"], "parent": uid()}}
    verdicts = push(newsroom, "rita", [{"uuid": article, "records": [comment, orphan]}])
    assert verdicts[0][2] is not None and not verdicts[0][3]
    assert verdicts[1][2] is None and verdicts[1][4].startswith("byline rule causes-first:")


def test_only_editors_manage_the_vocabulary(newsroom):
    change = {"uid": uid(), "kind": "vocabulary", "key": "", "after": [],
              "data": {"op": "rename", "old": "EU", "new": "European Union"},
              "author": "Rasa", "origin": "", "created_at": ""}
    for member in ("rasa", "ieva"):
        [(_, _, seq, _, why)] = push(newsroom, member, records=[change])
        assert seq is None and why.startswith("byline rule vocabulary-editors-only:")
    [(_, _, seq, refused, _)] = push(newsroom, "tomas", records=[change])
    assert seq is not None and not refused


def test_new_articles_from_reporters_are_drafts(newsroom):
    article = uid()
    verdicts = push(newsroom, "rasa", [{"uuid": article, "slug": "x", "title": "x",
                                        "revisions": [revision(status="approved")],
                                        "records": [genesis(article, "approved")]}])
    assert all(v[2] is None and v[4].startswith("byline rule new-articles-are-drafts:")
               for v in verdicts)
    assert newsroom.scalar("SELECT count(*) FROM byline.articles") == 0


def test_ids_are_global_and_history_cannot_be_forged_into_another_article(newsroom):
    a, first = new_article(newsroom, "rasa")
    b, _ = new_article(newsroom, "rasa")
    [(_, _, seq, _, why)] = push(newsroom, "tomas", [{"uuid": b, "revisions": [first]}])
    assert seq is None and why.startswith("byline rule ids-are-global:")
    child = revision([first["uid"]])
    [(_, _, seq, _, why)] = push(newsroom, "tomas", [{"uuid": b, "revisions": [child]}])
    assert seq is None and why.startswith("byline rule ids-are-global:")
    ghost = revision([uid()])
    [(_, _, seq, _, why)] = push(newsroom, "tomas", [{"uuid": a, "revisions": [ghost]}])
    assert seq is None and why.startswith("byline rule parents-first:")


def test_malformed_content_is_refused_before_it_reaches_anyone(newsroom):
    article, first = new_article(newsroom, "rasa")
    bad = [revision([first["uid"]], title="bad\x07title"),
           revision([first["uid"]], body="ok\x00" if False else "bidi \u202e text"),
           revision([first["uid"]], body="x" * (10 * 1024 * 1024 + 1)),
           {**revision([first["uid"]]), "metadata": {"kind": "poem"}},
           {**revision([first["uid"]]), "metadata": {"tags": ["ok", 3]}}]
    verdicts = push(newsroom, "rasa", [{"uuid": article, "revisions": bad}])
    assert all(v[2] is None and v[4].startswith("byline rule well-formed:") for v in verdicts), verdicts
    records = [{"uid": uid(), "kind": "comment", "key": uid(), "after": [], "data": {"text": ""},
                "author": "", "origin": "", "created_at": ""},
               {"uid": uid(), "kind": "status", "key": "", "after": [], "data": {"from": "draft",
                "to": "gone"}, "author": "", "origin": "", "created_at": ""},
               {"uid": uid(), "kind": "mystery", "key": "", "after": [], "data": {},
                "author": "", "origin": "", "created_at": ""}]
    verdicts = push(newsroom, "tomas", [{"uuid": article, "records": records}])
    assert all(v[2] is None and v[4].startswith("byline rule well-formed:") for v in verdicts), verdicts


def test_the_same_change_twice_answers_the_same_verdict(newsroom):
    article, first = new_article(newsroom, "rasa")
    record = move("draft", "approved", role="editor")
    once = push(newsroom, "rasa", [{"uuid": article, "records": [record]}])
    twice = push(newsroom, "rasa", [{"uuid": article, "records": [record]}])
    assert once == twice and once[0][3]
    assert newsroom.scalar("SELECT count(*) FROM byline.records WHERE uid = %s", (record["uid"],)) == 1
