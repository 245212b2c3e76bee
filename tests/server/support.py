"""Helpers of the newsroom server tests: what a library holds, what the server holds."""

from __future__ import annotations

from editor_app.core.identity import load_identity
from editor_app.core.library import Library
from editor_app.core.models import Article
from editor_app.core.server.sync import sync

BODY = ("First paragraph about the harbour.\n\n"
        "Second paragraph about the council.\n\n"
        "Third paragraph about the weather.\n")


def write(lib: Library, title: str = "Harbour news", body: str = BODY, **fields) -> Article:
    values = dict(title=title, body=body, kind="news", summary="A summary.", tags=["harbour"],
                  author=load_identity(lib).name, date="2024-05-02")
    values.update(fields)
    return lib.create_article(Article(**values))


def edit(lib: Library, uuid: str, *, old: str, new: str, reason: str = "edit"):
    aid = lib.article_id_by_uuid(uuid)
    article = lib.get_article(aid)
    assert old in article.body, (old, article.body)
    return lib.update_article(aid, body=article.body.replace(old, new), revision_reason=reason)


def sync_as(lib: Library, room, member: str, **kwargs):
    return sync(lib, room.dsn(member), **kwargs)


def content(lib: Library) -> dict:
    """What must be the same on every laptop once all have synced: per article uuid."""
    out = {}
    for summary in lib.list_articles(order="title", descending=False):
        a = lib.get_article(summary.id)
        out[a.uuid] = {
            "title": a.title, "body": a.body, "status": a.status.value, "tags": sorted(a.tags),
            "summary": a.summary, "revisions": sorted(r.uid for r in lib.revisions(a.id)),
            "comments": sorted((c.uid, c.text, c.resolved) for c in lib.comments(a.id)),
            "trail": sorted((e.uid, e.from_status, e.to_status, e.refused, e.refusal)
                            for e in lib.status_events(a.id)),
            "in_conflict": lib.in_conflict(a.id),
        }
    return out


def local_uids(lib: Library) -> tuple[set[str], set[str]]:
    revisions = {r.uid for s in lib.list_articles() for r in lib.revisions(s.id)}
    records = {r.uid for s in lib.list_articles() for r in lib.article_records(s.id)}
    return revisions, records | {r.uid for r in lib.library_records()}


def server_uids(room) -> tuple[set[str], set[str]]:
    with room.admin() as conn:
        revisions = {str(r[0]) for r in conn.execute("SELECT uid FROM byline.revisions")}
        records = {str(r[0]) for r in conn.execute("SELECT uid FROM byline.records")}
    return revisions, records
