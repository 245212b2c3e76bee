"""Helpers for the hand-off tests (#14): real libraries in temporary folders, no mocks."""

from __future__ import annotations

import pathlib
import sqlite3

from editor_app.core.library import Library, fulltext
from editor_app.core.models import Article
from editor_app.core.sync.engine import receive, send

INTERVIEW = ("Dr. Jane Roe runs the county's smallest newsroom.\n\n"
             "Q: How many reporters do you have?\n\n"
             "A: Three, and a photographer on Saturdays.\n\n"
             "Q: What do you cover that nobody else does?\n\n"
             "A: The planning committee. Nobody else sits through it.\n\n"
             "Q: Will you still be here in five years?\n\n"
             "A: If the readers keep paying, yes.\n")


def new_interview(lib: Library, **fields) -> Article:
    values = dict(title="Dr. Jane Roe: “small newsrooms can win”", kind="interview",
                  interviewee="Dr. Jane Roe", author="Rasa Reporter", date="2024-05-02",
                  summary="The editor of the Weekly on staying alive.", body=INTERVIEW,
                  tags=["media"], slug="jane-roe")
    values.update(fields)
    return lib.create_article(Article(**values))


def hand_over(source: Library, target: Library, ids, path: pathlib.Path, **kwargs):
    """Send from ``source`` to a file, receive it in ``target``; the receive summary."""
    send(source, ids, path, **kwargs)
    return receive(target, path)


def same_article(lib: Library, other: Library, article) -> int:
    """The id in ``other`` of ``article`` from ``lib`` (found by its global uuid)."""
    uuid = article.uuid if hasattr(article, "uuid") else lib.get_article(article).uuid
    return other.article_id_by_uuid(uuid)


def dump(path) -> str:
    """Everything in a library file, as SQL: equal dumps mean nothing was written."""
    conn = sqlite3.connect(f"{pathlib.Path(path).resolve().as_uri()}?mode=ro", uri=True)
    fulltext.register(conn)  # the search index's triggers call Byline's SQL function
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def state(lib: Library) -> dict:
    """What a library holds, without the local times and ids that differ between copies."""
    out = {}
    for summary in lib.list_articles(order="title", descending=False):
        a = lib.get_article(summary.id)
        out[a.uuid] = {
            "title": a.title, "body": a.body, "status": a.status.value, "tags": sorted(a.tags),
            "version": a.version, "summary": a.summary, "slug": a.slug,
            "revisions": sorted(r.uid for r in lib.revisions(a.id)),
            "head": lib.head_uids(a.id)[0],
            "conflicts": sorted(lib.get_revision(r).uid for r in lib.conflict_revisions(a.id)),
            "comments": sorted((c.uid, c.text, c.resolved) for c in lib.comments(a.id)),
            "trail": [(e.uid, e.from_status, e.to_status, e.refused) for e in lib.status_events(a.id)],
            "related": [r.slug for r in lib.pinned_related(a.id)],
        }
    out["records"] = sorted(r.uid for r in lib.library_records())
    out["tags"] = sorted((t.name, t.aliases) for t in lib.all_tags())
    out["words"] = sorted(lib.dictionary_words("newsroom"))
    return out
