"""Library files frozen at each schema version, for tests/hardening/test_migrations.py.

    .venv/bin/python -m tests.hardening.library_fixtures     # writes tests/fixtures/library-vN.*

Each ``library-vN.byline`` is made by the code of its day: the migrations up
to N only, then articles, tags with aliases, pins, comments with a reply,
revisions, status events, an image asset, dictionary words and settings. Next
to it ``library-vN.expected.json`` holds what the library said about itself
when the file was made; a later Byline must open and migrate the file and read
back exactly that. Regenerate only the NEW version when a migration is added:
the old files stand for libraries already out in newsrooms.
"""

from __future__ import annotations

import json
import pathlib
import sys

from sqlite_utils import Database

from editor_app.core.library import Library, schema
from editor_app.core.library.connection import connect
from editor_app.core.models import Article, Role, Status

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"
# 1x1 transparent PNG
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d4944415478da63f8ffff3f0005fe02fea7356b810000000049454e44ae426082")


def migration_names() -> list[str]:
    return [m.name for m in schema.migrations._migrations]


def open_at_version(path: pathlib.Path, version: int) -> Library:
    """A new library with only the first ``version`` migrations applied."""
    names = migration_names()
    conn = connect(path)
    db = Database(conn)
    stop = names[version] if version < len(names) else None
    schema.migrations.apply(db, stop_before=stop)
    db.execute(f"PRAGMA user_version = {int(version)}")
    return Library(path, conn, created=True)


def populate(lib: Library) -> None:
    lib.set_setting("site.url", "https://news.example.org")
    lib.set_setting("user.name", "Sam Reporter")
    interview = lib.create_article(Article(
        title="Dr. Jane Roe: “small newsrooms can win”", kind="interview",
        interviewee="Dr. Jane Roe", author="Sam Reporter", date="2024-05-02", language="en",
        summary="A one-sentence standfirst.", slug="jane-roe-interview",
        tags=["media", "local news"], extra={"source": "phone", "rating": 4},
        body=("Lede paragraph.\n\nQ: First question?\n\nA: The answer, in two paragraphs.\n\n"
              "More answer. ![chart](asset:{sha}.png)\n\n!!! aside \"About the forum\"\n"
              "    Boxed text.\n")))
    sha = lib.add_asset(PNG, name="chart.png", mime="image/png")
    lib.update_article(interview.id, body=interview.body.replace("{sha}", sha), who="Sam Reporter",
                       revision_reason="autosave snapshot")
    news = lib.create_article(Article(title="Council approves the budget", date="2024-04-30",
                                      body="The council voted 7 to 2.\n", tags=["local news", "politics"]))
    old = lib.create_article(Article(title="Forum opens in Riga", date="2019-03-28", language="lv",
                                     body="Ārzemju viesi ieradās.\n", tags=["media"],
                                     status=Status.DRAFT))
    brief = lib.create_article(Article(title="A short brief", body="Not to run.\n"))
    lib.set_status(brief.id, Status.SPIKED, role=Role.EDITOR, who="Editor Ed", note="dup")
    lib.pin_related(interview.id, news.id)
    lib.pin_related(interview.id, old.id)
    lib.add_tag_alias("local news", "hyperlocal")
    first = lib.add_comment(interview.id, text="Check this figure", author="Editor Ed",
                            quote="First question", start=20, end=34)
    lib.add_comment(interview.id, text="Checked, it is right", author="Sam Reporter",
                    parent_id=first.id)
    lib.set_status(interview.id, Status.SUBMITTED, role=Role.REPORTER, who="Sam Reporter",
                   note="ready")
    lib.set_status(interview.id, Status.IN_REVIEW, role=Role.EDITOR, who="Editor Ed")
    lib.save_revision(interview.id, reason="status change", author="Editor Ed")
    lib.add_dictionary_word("Byline")
    lib.add_dictionary_word("Roe", scope=f"article:{interview.id}")


def describe(lib: Library) -> dict:
    """Everything the fixtures hold, read back through the public API."""
    articles = []
    for summary in lib.list_articles(order="title", descending=False):
        a = lib.get_article(summary.id)
        articles.append({
            "id": a.id, "uuid": a.uuid, "slug": a.slug, "title": a.title, "kind": a.kind.value,
            "interviewee": a.interviewee, "author": a.author, "date": a.date,
            "language": a.language, "summary": a.summary, "body": a.body,
            "status": a.status.value, "tags": a.tags, "extra": a.extra, "version": a.version,
            "created_at": a.created_at, "updated_at": a.updated_at,
            "revisions": [[r.number, r.title, r.body, r.reason, r.author, r.created_at]
                          for r in lib.revisions(a.id, with_body=True)],
            "related": [r.id for r in lib.pinned_related(a.id)],
            "comments": [[c.id, c.parent_id, c.author, c.text, c.quote, c.start, c.end, c.resolved]
                         for c in lib.comments(a.id)],
            "trail": [[e.from_status, e.to_status, e.who, e.role, e.note, e.override]
                      for e in lib.status_events(a.id)],
        })
    tags = [[t.name, t.slug, list(t.aliases)] for t in sorted(lib.all_tags(), key=lambda t: t.name)]
    assets = []
    for a in articles:
        for sha in set(__import__("re").findall(r"asset:([0-9a-f]{64})", a["body"])):
            asset = lib.get_asset(sha)
            assets.append([asset.sha256, asset.name, asset.mime, len(asset.data)])
    return {
        "articles": articles, "tags": tags, "assets": assets,
        "settings": {k: lib.get_setting(k) for k in ("site.url", "user.name")},
        "dictionary": sorted(lib.dictionary_words("newsroom")),
        "search_forum": [h.id for h in lib.search("forum")],
    }


def build(version: int, folder: pathlib.Path = FIXTURES) -> pathlib.Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"library-v{version}.byline"
    for leftover in folder.glob(path.name + "*"):
        leftover.unlink()
    lib = open_at_version(path, version)
    populate(lib)
    expected = describe(lib)
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.db.execute("PRAGMA journal_mode = DELETE")
    lib.db.execute("VACUUM")
    lib.close()
    (folder / f"library-v{version}.expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    wanted = [int(v) for v in sys.argv[1:]] or list(range(1, schema.schema_version() + 1))
    for v in wanted:
        print(build(v))
