"""Laptops sync through one real PostgreSQL (#15): convergence, conflicts, refusals, faults."""

from __future__ import annotations

import json

import psycopg
import pytest

from editor_app.core.errors import BylineError
from editor_app.core.identity import Identity
from editor_app.core.review.workflow import change_status
from editor_app.core.samples import LOCAL_ONLY_SETTING
from editor_app.core.server.admin import init_server
from editor_app.core.server.connection import ServerError, ServerUnreachable
from editor_app.core.server.sync import sync
from editor_app.core.sync.resolve import resolve_taking
from tests.server.support import content, edit, local_uids, server_uids, sync_as, write
from tests.sync_support import dump


def test_two_laptops_converge(newsroom, laptop):
    rasa, tomas = laptop("rasa"), laptop("tomas")
    story = write(rasa, "Harbour reopens")
    other = write(rasa, "Council votes", body="Only paragraph.\n")
    comment = rasa.add_comment(story.id, text="Check the date", author="Rasa",
                               quote="harbour", start=24, end=31)
    change_status(rasa, story.id, "submitted")
    first = sync_as(rasa, newsroom, "rasa")
    assert first.sent_revisions >= 3 and first.received.revisions == 0
    got = sync_as(tomas, newsroom, "tomas")
    assert {a.slug for a in got.received.arrived} == {story.slug, other.slug}
    assert content(tomas) == content(rasa)
    # both edit different paragraphs offline; three syncs and they agree
    edit(rasa, story.uuid, old="First paragraph", new="Opening paragraph")
    edit(tomas, story.uuid, old="weather", new="storm")
    tid = tomas.article_id_by_uuid(story.uuid)
    change_status(tomas, tid, "in_review")
    tomas.set_comment_resolved(tomas.comments(tid)[0].id, True, who="Tomas")
    sync_as(rasa, newsroom, "rasa")
    merged = sync_as(tomas, newsroom, "tomas")
    assert [a.slug for a in merged.received.merged] == [story.slug]
    sync_as(rasa, newsroom, "rasa")
    assert content(tomas) == content(rasa)
    body = rasa.get_article(story.id).body
    assert "Opening paragraph" in body and "storm" in body
    assert rasa.get_article(story.id).status.value == "in_review"
    assert rasa.comments(story.id)[0].uid == comment.uid and rasa.comments(story.id)[0].resolved
    # the clean merge went up in the same run: one head on the server
    assert newsroom.scalar("SELECT byline.heads_count(%s)", (story.uuid,)) == 1
    # everything of both laptops is on the server, once
    assert local_uids(rasa) == local_uids(tomas) == server_uids(newsroom)


def test_sync_is_idempotent_and_nothing_to_do_is_nothing(newsroom, laptop):
    rasa = laptop("rasa")
    write(rasa)
    sync_as(rasa, newsroom, "rasa")
    before, server_before = content(rasa), server_uids(newsroom)
    again = sync_as(rasa, newsroom, "rasa")
    assert again.sent_revisions == again.sent_records == 0 and not again.received.changed
    assert content(rasa) == before and server_uids(newsroom) == server_before
    # the server answers a repeated push with the same verdicts (cursors reset by hand)
    rasa.restart_server_push(rasa.server_state().server_uid)
    repeat = sync_as(rasa, newsroom, "rasa")
    assert repeat.sent_revisions == 0 and server_uids(newsroom) == server_before


def test_a_conflict_shows_on_both_laptops_and_its_resolution_reaches_both(newsroom, laptop):
    rasa, tomas = laptop("rasa"), laptop("tomas")
    story = write(rasa)
    sync_as(rasa, newsroom, "rasa")
    sync_as(tomas, newsroom, "tomas")
    edit(rasa, story.uuid, old="about the council", new="about the mayor")
    edit(tomas, story.uuid, old="about the council", new="about the budget")
    sync_as(rasa, newsroom, "rasa")
    result = sync_as(tomas, newsroom, "tomas")
    assert [c["slug"] for c in result.conflicts] == [story.slug]
    back = sync_as(rasa, newsroom, "rasa")
    assert [c["slug"] for c in back.conflicts] == [story.slug]
    tid = tomas.article_id_by_uuid(story.uuid)
    assert rasa.in_conflict(story.id) and tomas.in_conflict(tid)
    # neither side's text is lost while in conflict
    assert "mayor" in rasa.get_article(story.id).body and "budget" in tomas.get_article(tid).body
    resolve_taking(tomas, tid, "mine")
    assert sync_as(tomas, newsroom, "tomas").conflicts == []
    assert sync_as(rasa, newsroom, "rasa").conflicts == []
    assert not rasa.in_conflict(story.id)
    assert "budget" in rasa.get_article(story.id).body
    assert content(rasa) == content(tomas)


def test_a_reporters_offline_approval_is_refused_and_recorded_everywhere(newsroom, laptop):
    rasa, tomas = laptop("rasa"), laptop("tomas")
    story = write(rasa)
    change_status(rasa, story.id, "submitted")
    sync_as(rasa, newsroom, "rasa")
    sync_as(tomas, newsroom, "tomas")
    change_status(tomas, tomas.article_id_by_uuid(story.uuid), "in_review")
    sync_as(tomas, newsroom, "tomas")
    sync_as(rasa, newsroom, "rasa")
    # offline, Rasa makes herself an editor in her preferences and approves
    rasa.acting_as = Identity(rasa.acting_as.name, "editor")
    change_status(rasa, story.id, "approved", force=True)
    assert rasa.get_article(story.id).status.value == "approved"
    result = sync_as(rasa, newsroom, "rasa")
    assert len(result.refused) == 1 and "byline rule workflow-table" in result.refused[0].reason
    assert any("server knows rasa as a reporter" in n for n in result.notes)
    assert rasa.get_article(story.id).status.value == "in_review"
    trail = rasa.status_events(story.id)
    assert trail[-1].to_status == "approved" and trail[-1].refused
    assert "rasa is a reporter on the server" in trail[-1].refusal
    other = sync_as(tomas, newsroom, "tomas")
    assert [m.to_status for m in other.refused] == ["approved"]
    tid = tomas.article_id_by_uuid(story.uuid)
    assert tomas.get_article(tid).status.value == "in_review"
    assert tomas.status_events(tid)[-1].refused
    assert content(rasa)[story.uuid]["trail"] == content(tomas)[story.uuid]["trail"]
    assert newsroom.scalar("SELECT status FROM byline.articles") == "in_review"


def test_concurrent_moves_end_where_the_server_ended(newsroom, laptop):
    """The spike reaches the server first: the reporter's submit is refused on every laptop."""
    rasa, tomas = laptop("rasa"), laptop("tomas")
    story = write(rasa)
    sync_as(rasa, newsroom, "rasa")
    sync_as(tomas, newsroom, "tomas")
    change_status(tomas, tomas.article_id_by_uuid(story.uuid), "spiked")
    change_status(rasa, story.id, "submitted")
    sync_as(tomas, newsroom, "tomas")
    result = sync_as(rasa, newsroom, "rasa")
    assert [m.to_status for m in result.refused] == ["submitted"]
    sync_as(tomas, newsroom, "tomas")
    assert rasa.get_article(story.id).status.value == "spiked"
    assert content(rasa) == content(tomas)


def test_a_reporters_edit_of_another_reporters_article_is_not_taken_and_not_lost(newsroom, laptop):
    rasa, rita = laptop("rasa"), laptop("rita")
    story = write(rasa)
    sync_as(rasa, newsroom, "rasa")
    sync_as(rita, newsroom, "rita")
    edit(rita, story.uuid, old="harbour", new="port")
    result = sync_as(rita, newsroom, "rita")
    assert result.rejected and all("own-articles-only: rita is a reporter" in r["reason"]
                                   for r in result.rejected)
    assert "port" in rita.get_article(rita.article_id_by_uuid(story.uuid)).body  # kept here
    assert [r.what for r in rita.server_refusals()] == ["revision"]
    assert sync_as(rasa, newsroom, "rasa").received.revisions == 0
    assert "harbour" in rasa.get_article(story.id).body


def test_images_go_up_once_and_arrive(newsroom, laptop):
    rasa, tomas = laptop("rasa"), laptop("tomas")
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    sha = rasa.add_asset(png, name="harbour.png", mime="image/png")
    story = write(rasa, body=f"Look.\n\n![The harbour](asset:{sha})\n")
    assert sync_as(rasa, newsroom, "rasa").sent_assets == 1
    edit(rasa, story.uuid, old="Look.", new="Look here.")
    assert sync_as(rasa, newsroom, "rasa").sent_assets == 0
    got = sync_as(tomas, newsroom, "tomas")
    assert got.received.assets == 1 and tomas.get_asset(sha).data == png
    assert newsroom.scalar("SELECT count(*) FROM byline.assets") == 1


def test_typed_text_not_yet_kept_goes_up(newsroom, laptop):
    rasa, tomas = laptop("rasa"), laptop("tomas")
    story = write(rasa)
    rasa.update_article(story.id, body=story.body + "\nTyped a moment ago.\n")  # autosave, no revision
    sync_as(rasa, newsroom, "rasa")
    sync_as(tomas, newsroom, "tomas")
    assert "Typed a moment ago." in tomas.get_article(tomas.article_id_by_uuid(story.uuid)).body


def test_publish_library_seeds_an_empty_server_and_only_an_editors(newsroom, laptop):
    tomas = laptop("tomas")
    archive = write(tomas, "Old story")
    change_status(tomas, archive.id, "submitted")
    change_status(tomas, archive.id, "in_review")
    change_status(tomas, archive.id, "approved", force=True)
    sample = write(tomas, "Sample")
    tomas.set_setting(LOCAL_ONLY_SETTING, [sample.uuid])
    rasa = laptop("rasa")
    write(rasa, "Rasa's draft")
    with pytest.raises(ServerError, match="only an editor may publish"):
        sync_as(rasa, newsroom, "rasa", publish=True)
    result = sync_as(tomas, newsroom, "tomas", publish=True)
    assert result.rejected == [] and result.refused == []
    assert newsroom.scalar("SELECT count(*) FROM byline.articles") == 2  # samples too, when publishing
    assert newsroom.scalar("SELECT status FROM byline.articles WHERE uuid = %s", (archive.uuid,)) == "approved"
    with pytest.raises(ServerError, match="already holds 2 article"):
        sync_as(tomas, newsroom, "tomas", publish=True)


def test_sample_articles_stay_on_the_laptop(newsroom, laptop):
    from editor_app.core.samples import seed_samples

    rasa = laptop("rasa")
    samples = seed_samples(rasa)
    assert len(samples) >= 5
    mine = write(rasa, "My story")
    sync_as(rasa, newsroom, "rasa")
    on_server = {str(r) for r in newsroom.scalar("SELECT array_agg(uuid) FROM byline.articles")}
    assert on_server == {mine.uuid}


# -- bad input and faults: one line, the library untouched ------------------------------------
def _untouched(lib, call) -> str:
    before = dump(lib.path)
    with pytest.raises(BylineError) as info:
        call()
    assert dump(lib.path) == before
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_wrong_password_unreachable_host_and_missing_tls(newsroom, laptop, pg_cluster):
    rasa = laptop("rasa")
    write(rasa)
    message = _untouched(rasa, lambda: sync(rasa, newsroom.dsn("rasa", "wrong")))
    assert "refused the password of rasa" in message and "wrong" not in message.split("(")[0][-6:]
    message = _untouched(rasa, lambda: sync(rasa, "host=127.0.0.1 port=1 dbname=x user=rasa"))
    assert "cannot reach the newsroom server" in message
    with pytest.raises(ServerUnreachable):
        sync(rasa, "host=127.0.0.1 port=1 dbname=x user=rasa")
    message = _untouched(rasa, lambda: sync(rasa, newsroom.dsn("rasa", sslmode="require")))
    assert "does not offer TLS" in message and "sslmode=require" in message
    message = _untouched(rasa, lambda: sync(rasa, "host=no-such-host.invalid dbname=x user=rasa"))
    assert "unknown host" in message or "cannot reach" in message
    message = _untouched(rasa, lambda: sync(rasa, "this is not = a dsn ="))
    assert "not a valid PostgreSQL DSN" in message
    assert "secret" not in message


def test_a_newer_or_missing_schema_is_refused(newsroom, laptop, empty_database):
    rasa = laptop("rasa")
    write(rasa)
    with newsroom.admin() as conn:
        conn.execute("INSERT INTO byline.schema_version (version, name) VALUES (99, '0099_future')")
    message = _untouched(rasa, lambda: sync_as(rasa, newsroom, "rasa"))
    assert "newer than this Byline knows" in message and "update Byline" in message
    with pytest.raises(ServerError, match="newer than this Byline knows"):
        init_server(newsroom.admin_dsn)
    message = _untouched(rasa, lambda: sync(rasa, empty_database.dsn("byline_admin",
                                                                     empty_database.cluster.admin_password)))
    assert "not a Byline newsroom server yet" in message


def test_init_refuses_another_programs_database_and_reruns_as_a_no_op(empty_database):
    with empty_database.admin() as conn:
        conn.execute("CREATE TABLE public.invoices (id int)")
    with pytest.raises(ServerError, match="another program's tables.*public.invoices"):
        init_server(empty_database.admin_dsn)
    with empty_database.admin() as conn:
        conn.execute("DROP TABLE public.invoices")
        conn.execute("CREATE SCHEMA byline")
    with pytest.raises(ServerError, match="schema named 'byline' that Byline did not make"):
        init_server(empty_database.admin_dsn)
    with empty_database.admin() as conn:
        conn.execute("DROP SCHEMA byline")
    first = init_server(empty_database.admin_dsn)
    assert first.before == 0 and first.applied == ["0001_newsroom"]
    again = init_server(empty_database.admin_dsn)
    assert again.applied == [] and again.after == first.after


def test_member_without_rights_and_no_members(newsroom, laptop):
    with newsroom.admin() as conn:
        conn.execute("CREATE ROLE visitor LOGIN PASSWORD 'visitor-pw'")
    try:
        lib = laptop("visitor", "reporter")
        message = _untouched(lib, lambda: sync(lib, newsroom.dsn("visitor", "visitor-pw")))
        assert "members-only" in message or "not a member" in message
    finally:
        with newsroom.admin() as conn:
            conn.execute("DROP ROLE visitor")


def _tags(vectors: list[str]) -> list[str]:
    from editor_app.core.library import clean_tag_name

    out = []
    for vector in vectors[:20]:
        try:
            out.append(clean_tag_name(" ".join(vector.split())[:60]))
        except BylineError:
            continue
    return out


# -- hostile content from the server ------------------------------------------------------------
def _as_admin_bypassing_checks(room, sql: str, params=()) -> None:
    """What a broken or hostile server could hold: written past its own constraints."""
    with room.admin() as conn:
        conn.execute("ALTER TABLE byline.revisions DROP CONSTRAINT revisions_title_check")
        conn.execute("ALTER TABLE byline.revisions DROP CONSTRAINT revisions_body_check")
        conn.execute("SET session_replication_role = replica")  # triggers off, as a restore would
        conn.execute(sql, params)


@pytest.mark.parametrize("title, body, problem", [
    ("Bell\x07title", "Body.", "forbidden character (U+0007)"),
    ("Fine", "Body with \u202e reversed text", "forbidden character (U+202E)"),
    ("Fine", "x" * (10 * 1024 * 1024 + 10), "larger than 10 MB"),
])
def test_hostile_content_on_the_server_is_refused_like_a_hostile_file(newsroom, laptop, title,
                                                                        body, problem):
    rasa, tomas = laptop("rasa"), laptop("tomas")
    story = write(rasa)
    sync_as(rasa, newsroom, "rasa")
    head = newsroom.scalar("SELECT uid FROM byline.revisions")
    _as_admin_bypassing_checks(newsroom, (
        "INSERT INTO byline.revisions (uid, article, parents, title, body, metadata, seq, member)"
        " VALUES (gen_random_uuid(), %s, ARRAY[%s]::uuid[], %s, %s, '{}', nextval('byline.change_seq'),"
        " 'rasa')"), (story.uuid, head, title, body))
    message = _untouched(tomas, lambda: sync_as(tomas, newsroom, "tomas"))
    assert problem in message and story.slug in message


def test_nul_bytes_cannot_even_be_stored_on_the_server(newsroom):
    with newsroom.admin() as conn, pytest.raises(psycopg.DataError):
        conn.execute("SELECT %s::text", ("nul\x00byte",))


def test_the_xss_corpus_in_every_field_arrives_as_text_and_exports_inert(newsroom, laptop,
                                                                         shared_data, tmp_path,
                                                                         monkeypatch):
    from editor_app.core.export import bundle as bundle_module
    from editor_app.core.export import export_articles
    from tests.core.export.test_export_xss import active_content, storable

    raw = [json.loads(line)["vector"] for line in
           (shared_data / "xss" / "vectors.jsonl").read_text("utf-8").splitlines() if line.strip()]
    vectors = storable(raw)
    tomas, egle = laptop("tomas"), laptop("egle")
    chunk = 64
    made = []
    for n, start in enumerate(range(0, len(vectors), chunk)):
        part = vectors[start:start + chunk]
        line = " ".join(" ".join(part).split())
        article = write(tomas, title=(line[:290] or "x"), body="\n\n".join(part) + "\n",
                        summary="\n".join(part)[:5000], interviewee=line[:190], author=line[:190],
                        tags=_tags(part),
                        slug=f"xss-{n}")
        tomas.add_comment(article.id, text="\n".join(part), author=line[:190],
                          quote=article.body[:20], start=0, end=20)
        made.append(article)
    sync_as(tomas, newsroom, "tomas")
    got = sync_as(egle, newsroom, "egle")
    assert len(got.received.arrived) == len(made)
    for article in made:
        there = egle.get_article(egle.article_id_by_uuid(article.uuid))
        assert (there.title, there.body, there.summary) == (article.title, article.body,
                                                            article.summary)
    monkeypatch.setattr(bundle_module, "_check_images", lambda body_html, used: None)
    ids = [egle.article_id_by_uuid(a.uuid) for a in made]
    report = export_articles(egle, ids, tmp_path / "out", force=True, preflight=False,
                             processes=False)
    assert not report.failed
    problems = []
    for article in made:
        page = (tmp_path / "out" / article.slug / "index.html").read_text("utf-8")
        problems += [f"{article.slug}: {p}" for p in active_content(page)]
    assert problems == []
