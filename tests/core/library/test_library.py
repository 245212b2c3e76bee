"""The SQLite store: migrations, transactions, FTS, revisions, pins and bad paths."""

import sqlite3

import pytest

from editor_app.core.errors import ConflictError, InputError, LibraryError, NotFoundError
from editor_app.core.library import Library, schema
from editor_app.core.models import Article, Kind, Status


def make(library, title="Harbour news", body="Ferries leave the harbour at dawn.", **kw):
    return library.create_article(Article(title=title, body=body, **kw))


def test_migrations_on_empty_file_are_idempotent(tmp_path):
    path = tmp_path / "lib.byline"
    with Library.open(path) as lib:
        first = lib.schema_version()
        tables = set(lib.db.table_names())
    assert first == schema.schema_version() >= 1
    assert {"articles", "revisions", "tags", "article_tags", "related_pins", "comments",
            "status_events", "assets", "dictionary_words", "settings", "articles_fts"} <= tables
    with Library.open(path) as lib:  # second open applies nothing new
        assert lib.schema_version() == first
        applied = lib.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert applied == first


def test_wal_foreign_keys_and_busy_timeout(library):
    assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert library.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_fts_follows_insert_update_delete(library):
    art = make(library)
    assert [h.id for h in library.search("ferries")] == [art.id]
    library.update_article(art.id, body="The tram network grows.")
    assert library.search("ferries") == []
    assert [h.id for h in library.search("tram")] == [art.id]
    library.update_article(art.id, title="Lighthouse reopens")
    assert [h.id for h in library.search("lighthouse")] == [art.id]
    library.delete_article(art.id)
    assert library.search("tram") == []
    assert library.search("lighthouse") == []


def test_search_ranks_title_first_and_gives_snippets(library):
    body_only = make(library, title="Council budget", body="A word about the barrier " * 5)
    titled = make(library, title="Barrier approved", body="The council voted.")
    hits = library.search("barrier")
    assert [h.id for h in hits] == [titled.id, body_only.id]
    assert "[barrier]" in hits[1].snippet.lower()


@pytest.mark.parametrize("query", ['"', "AND", "NEAR(", "*", "col:x", "-", "()"])
def test_search_never_raises_on_fts_syntax(library, query):
    art = make(library, body="Ferries leave the harbour AND the tram NEAR the quay.")
    hits = library.search(query)
    # Operators are searched as words: "AND" finds the text that contains it.
    assert [h.id for h in hits] == ([art.id] if query.strip("()") in ("AND", "NEAR") else [])


def test_every_write_is_one_transaction(library):
    art = make(library, tags=["harbour"])
    with pytest.raises(InputError):
        library.update_article(art.id, body="changed", tags=["ok", ""])
    assert library.get_article(art.id).body == art.body  # the body change rolled back too


def test_conflicting_version_is_refused(library):
    art = make(library)
    library.update_article(art.id, body="edit in window one", expected_version=art.version)
    with pytest.raises(ConflictError):
        library.update_article(art.id, body="edit in window two", expected_version=art.version)
    assert library.get_article(art.id).body == "edit in window one"


def test_slug_is_unique_and_derived(library):
    a = make(library, title="Flood barrier: a study")
    b = make(library, title="Flood barrier: a study")
    assert a.slug == "flood-barrier-a-study"
    assert b.slug == "flood-barrier-a-study-2"
    with pytest.raises(InputError, match="already used"):
        make(library, title="Other", slug=a.slug)


def test_revisions_snapshot_and_restore(library):
    art = make(library, body="first")
    library.update_article(art.id, body="second")
    rev = library.save_revision(art.id, reason="close")
    assert rev is not None
    assert library.save_revision(art.id, reason="close") is None  # nothing changed
    first = library.revisions(art.id, with_body=True)[-1]
    restored = library.restore_revision(first.id)
    assert restored.body == "first"
    reasons = [r.reason for r in library.revisions(art.id)]
    assert reasons[0].startswith("restore") and len(reasons) == 3
    with pytest.raises(NotFoundError):
        library.restore_revision(9999)


def test_status_change_is_recorded(library):
    art = make(library)
    library.set_status(art.id, "submitted", role="reporter", who="sam", note="ready")
    events = library.status_events(art.id)
    assert [(e.from_status, e.to_status, e.who, e.note) for e in events] == [
        ("draft", "submitted", "sam", "ready")]
    assert library.get_article(art.id).status == Status.SUBMITTED


def test_tags_collapse_case_and_spacing(library):
    art = make(library, tags=["EU policy", "eu  policy", "Harbour"])
    assert art.tags == ["EU policy", "Harbour"]
    assert [a.id for a in library.list_articles(tag="EU POLICY")] == [art.id]


@pytest.mark.parametrize("bad", ["", "   ", "!!!", "x" * 65, "a\u202eb"])
def test_bad_tag_names_are_refused(library, bad):
    art = make(library)
    with pytest.raises(InputError):
        library.set_tags(art.id, [bad])


def test_pins_keep_order_and_refuse_spiked(tmp_path):
    path = tmp_path / "lib.byline"
    with Library.open(path) as lib:
        story, a, b, c = (make(lib, title=t) for t in ("Story", "A", "B", "C"))
        for other in (a, b, c):
            lib.pin_related(story.id, other.slug)
        lib.reorder_related(story.id, [c.id, a.id, b.id])
        lib.set_status(b.id, "spiked", role="editor")
        with pytest.raises(InputError, match="spiked"):
            lib.pin_related(story.id, b.id)
        with pytest.raises(InputError):
            lib.pin_related(story.id, story.id)
        with pytest.raises(NotFoundError):
            lib.pin_related(story.id, "no-such-slug")
    with Library.open(path) as lib:
        assert [r.title for r in lib.pinned_related(story.id)] == ["C", "A", "B"]


def test_assets_are_content_addressed(library):
    digest = library.add_asset(b"\x89PNG fake", name="a.png", mime="image/png")
    assert library.add_asset(b"\x89PNG fake", name="other.png") == digest
    assert library.get_asset(digest).data == b"\x89PNG fake"
    with pytest.raises(NotFoundError):
        library.get_asset("0" * 64)


def test_settings_and_dictionary_words(library):
    library.set_setting("site.url", "https://example.org")
    assert library.get_setting("site.url") == "https://example.org"
    library.add_dictionary_word("Harbourside")
    assert "Harbourside" in library.dictionary_words("newsroom")
    with pytest.raises(InputError):
        library.add_dictionary_word("two words")


def test_check_and_backup(library, tmp_path):
    make(library)
    assert library.check() == []
    target = tmp_path / "copy.byline"
    library.backup(target)
    with Library.open(target) as copy:
        assert copy.count_articles() == 1


def test_kind_and_date_are_validated(library):
    with pytest.raises(InputError, match="kind"):
        make(library, kind="poem")
    with pytest.raises(InputError, match="not a date"):
        make(library, date="yesterday")
    art = make(library, kind=Kind.INTERVIEW, date="2024-05-02")
    assert art.kind == Kind.INTERVIEW and art.date == "2024-05-02"


# -- bad library paths -------------------------------------------------------

def test_missing_folder_is_refused(tmp_path):
    with pytest.raises(LibraryError, match="does not exist"):
        Library.open(tmp_path / "nope" / "lib.byline")
    assert not (tmp_path / "nope").exists()


def test_unwritable_folder_is_refused(tmp_path):
    import os

    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running with privileges that ignore folder permissions")
        with pytest.raises(LibraryError, match="not writable"):
            Library.open(folder / "lib.byline")
    finally:
        folder.chmod(0o700)


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.byline"
    path.write_text("these are my notes, not a database\n")
    with pytest.raises(LibraryError, match="not a Byline library"):
        Library.open(path)
    assert path.read_text() == "these are my notes, not a database\n"


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not a Byline library"):
        Library.open(path)


def test_truncated_library_is_refused(tmp_path):
    path = tmp_path / "lib.byline"
    with Library.open(path) as lib:
        make(lib, body="x " * 20000)
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(LibraryError):
        lib2 = Library.open(path)
        problems = lib2.check()
        lib2.close()
        if problems:
            raise LibraryError("; ".join(problems))


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "lib.byline"
    with Library.open(path) as lib:
        lib.db.execute("PRAGMA user_version = 999")
    with pytest.raises(LibraryError, match="newer Byline"):
        Library.open(path)


# -- hardening (#9) ----------------------------------------------------------------

def test_resolve_id_refuses_lone_surrogates_clearly(library):
    library.create_article(Article(title="Target", body="body"))
    with pytest.raises(NotFoundError, match="lone surrogate") as caught:
        library.resolve_id("slug-\udcff")
    assert "\n" not in str(caught.value)


def test_status_notes_and_comments_refuse_lone_surrogates(library):
    art = library.create_article(Article(title="Target", body="some body text"))
    with pytest.raises(InputError, match="note"):
        library.set_status(art.id, "submitted", role="reporter", note="bad \ud800")
    with pytest.raises(InputError, match="comment"):
        library.add_comment(art.id, text="bad \ud800", quote="some", start=0, end=4)
    assert library.get_article(art.id).status == Status.DRAFT
    assert library.status_events(art.id) == [] and library.comments(art.id) == []


def test_health_store_is_part_of_library(library):
    art = library.create_article(Article(title="Target", body="body"))
    assert library.article_ids() == {art.id}
    assert library.newest_update() == library.get_article(art.id).updated_at
    assert [row[0] for row in library.changed_since(library.newest_update())] == [art.id]


def test_connect_closes_the_connection_when_a_check_fails(tmp_path, monkeypatch):
    from editor_app.core.library import connection

    opened = []

    class Probe:
        def __init__(self, real):
            self.real, self.closed = real, False
            opened.append(self)

        def execute(self, sql, *args):
            if sql.startswith("SELECT count(*) FROM sqlite_master"):
                raise sqlite3.DatabaseError("file is not a database")
            return self.real.execute(sql, *args)

        def close(self):
            self.closed = True
            self.real.close()

    real_connect = sqlite3.connect
    monkeypatch.setattr(connection.sqlite3, "connect", lambda *a, **k: Probe(real_connect(*a, **k)))
    with pytest.raises(LibraryError, match="cannot open"):
        connection.connect(tmp_path / "x.byline")
    assert opened and all(p.closed for p in opened)


def test_read_only_library_opens_for_reading_and_refuses_writes(tmp_path, monkeypatch):
    from editor_app.core.library import connection

    path = tmp_path / "ro.byline"
    with Library.open(path) as lib:
        art = lib.create_article(Article(title="Saved", body="kept text"))
    # os.access is what a read-only mount or a chmod'ed file answers (root ignores chmod).
    real_access = connection.os.access
    monkeypatch.setattr(connection.os, "access",
                        lambda p, mode: False if mode == connection.os.W_OK else real_access(p, mode))
    with Library.open(path) as lib:
        assert lib.read_only == "the file is not writable"
        assert lib.get_article(art.id).body == "kept text"
        with pytest.raises(LibraryError, match="read-only \\(the file is not writable\\)"):
            lib.update_article(art.id, expected_version=art.version, body="new")
    with pytest.raises(LibraryError, match="the library is read-only"):
        Library.open(path, writable=True)
    monkeypatch.undo()
    with Library.open(path) as lib:
        assert lib.read_only is None and lib.get_article(art.id).body == "kept text"


def test_opening_an_up_to_date_library_does_not_import_sqlite_utils(tmp_path):
    """sqlite-utils (with click, pluggy and dateutil) costs every start 50 ms: it is
    imported only when a migration must run (#20)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    path = tmp_path / "lib.byline"
    with Library.open(path) as lib:
        make(lib, title="Kept")
    code = ("import sys\nfrom editor_app.core.library import Library\n"
            f"lib = Library.open({str(path)!r})\n"
            "print([a.title for a in lib.list_articles()], lib.schema_version(),"
            " 'sqlite_utils' in sys.modules, 'click' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["['Kept']", str(schema.schema_version()), "False", "False"]


def test_a_savepoint_inside_a_write_rolls_back_alone(library):
    first = make(library, title="First")
    with library.transaction() as db:
        db.execute("UPDATE articles SET title = 'Changed' WHERE id = ?", [first.id])
        with pytest.raises(RuntimeError), db.atomic():
            db.execute("UPDATE articles SET title = 'Lost' WHERE id = ?", [first.id])
            raise RuntimeError("the inner part fails")
    assert library.get_article(first.id).title == "Changed"
