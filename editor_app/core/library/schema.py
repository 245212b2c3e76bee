"""Schema of the library file, as an ordered list of migrations.

Each migration runs in its own transaction (sqlite-utils ``Migrations``), so a
failure leaves the file at the previous version. ``PRAGMA user_version`` mirrors
the number of applied migrations so that an older Byline can refuse a newer file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from editor_app.core.library.sqlite import full_database, migrations_class

if TYPE_CHECKING:
    from editor_app.core.library.sqlite import Database

MIGRATION_SET = "byline"


class _MigrationList:
    """The migrations in order; sqlite-utils' ``Migrations`` is made from them only
    when one must run (importing sqlite-utils costs every start 50 ms, #20).

    Used like sqlite-utils' ``Migrations``: ``@migrations(name=...)`` registers one,
    and ``apply``/``applied``/``pending`` are sqlite-utils'.
    """

    def __init__(self, name: str):
        self.name = name
        self._steps: list[tuple[str, Callable]] = []
        self._runner = None

    def __call__(self, *, name: str) -> Callable[[Callable], Callable]:
        def register(function: Callable) -> Callable:
            self._steps.append((name, function))
            self._runner = None
            return function
        return register

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self._steps]

    def runner(self):
        """sqlite-utils' ``Migrations`` holding these steps."""
        if self._runner is None:
            runner = migrations_class()(self.name)
            for name, function in self._steps:
                runner(name=name)(function)
            self._runner = runner
        return self._runner

    @property
    def _migrations(self):
        return self.runner()._migrations

    def apply(self, db, **options) -> None:
        self.runner().apply(_full(db), **options)

    def applied(self, db) -> list:
        return self.runner().applied(_full(db))

    def pending(self, db) -> list:
        return self.runner().pending(_full(db))


def _full(db):
    return db.full() if hasattr(db, "full") else db


migrations = _MigrationList(MIGRATION_SET)


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            slug TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'news',
            interviewee TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'en',
            summary TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'draft',
            extra TEXT NOT NULL DEFAULT '{}',
            spellcheck INTEGER NOT NULL DEFAULT 1,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX articles_status ON articles(status);
        CREATE INDEX articles_date ON articles(date);
        CREATE INDEX articles_updated ON articles(updated_at);

        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            author TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (article_id, number)
        );

        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            key TEXT NOT NULL UNIQUE,
            slug TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE tag_aliases (
            id INTEGER PRIMARY KEY,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            key TEXT NOT NULL UNIQUE
        );
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (article_id, tag_id)
        );
        CREATE INDEX article_tags_tag ON article_tags(tag_id);

        CREATE TABLE related_pins (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            other_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            PRIMARY KEY (article_id, other_id)
        );
        CREATE TABLE related_bans (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            other_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (article_id, other_id)
        );

        CREATE TABLE comments (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            parent_id INTEGER REFERENCES comments(id) ON DELETE CASCADE,
            author TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            quote TEXT NOT NULL DEFAULT '',
            start INTEGER NOT NULL DEFAULT 0,
            "end" INTEGER NOT NULL DEFAULT 0,
            resolved INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX comments_article ON comments(article_id);

        CREATE TABLE status_events (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            who TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            override INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE INDEX status_events_article ON status_events(article_id);

        CREATE TABLE assets (
            sha256 TEXT PRIMARY KEY,
            name TEXT NOT NULL DEFAULT '',
            mime TEXT NOT NULL DEFAULT 'application/octet-stream',
            data BLOB NOT NULL,
            size INTEGER NOT NULL,
            created_at TEXT NOT NULL
        );

        CREATE TABLE dictionary_words (
            scope TEXT NOT NULL,
            word TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (scope, word)
        );

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, summary, body,
            content='articles', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        -- Only the indexed columns fire the update trigger: a status change or a
        -- version bump must not re-index a 50,000-word body.
        CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, summary, body)
            VALUES (new.id, new.title, new.summary, new.body);
        END;
        CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, summary, body)
            VALUES ('delete', old.id, old.title, old.summary, old.body);
        END;
        CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, summary, body ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, summary, body)
            VALUES ('delete', old.id, old.title, old.summary, old.body);
            INSERT INTO articles_fts(rowid, title, summary, body)
            VALUES (new.id, new.title, new.summary, new.body);
        END;
        """
    )


@migrations(name="0002_fts_vocab")
def m0002_fts_vocab(db: Database) -> None:
    # Document frequencies of every indexed term, read by related-news scoring
    # to weight an article's words by how rare they are in the library (#5).
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts_vocab "
               "USING fts5vocab(articles_fts, 'row')")


@migrations(name="0003_sync_identity")
def m0003_sync_identity(db: Database) -> None:
    # Global ids for revisions and records, the revision graph and the record
    # log, so that two libraries can exchange and merge work (#14).
    from editor_app.core.library import sync_schema

    sync_schema.migrate(db)


@migrations(name="0004_related_space")
def m0004_related_space(db: Database) -> None:
    # The learned topic space of related news (#16): the model (vocabulary, idf,
    # term vectors) by generation, and each article's vector and names. A rebuild
    # writes a new generation beside the old one and switches at the end, so
    # readers never see half a space; rows of other generations are then removed.
    db.executescript(
        """
        CREATE TABLE related_space (
            generation INTEGER NOT NULL,
            key TEXT NOT NULL,
            value BLOB NOT NULL,
            PRIMARY KEY (generation, key)
        );
        CREATE TABLE related_space_docs (
            generation INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            vector BLOB NOT NULL,
            names TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (generation, article_id)
        );
        CREATE INDEX related_space_docs_seq ON related_space_docs(generation, seq);
        CREATE INDEX related_space_docs_article ON related_space_docs(article_id);
        """
    )


@migrations(name="0005_comment_context")
def m0005_comment_context(db: Database) -> None:
    # The words around a commented passage, so that re-anchoring tells equal
    # sentences apart and detaches a comment whose own passage was deleted (#19).
    db.execute("ALTER TABLE comments ADD COLUMN context TEXT NOT NULL DEFAULT ''")


@migrations(name="0006_search_in_every_script")
def m0006_search_in_every_script(db: Database) -> None:
    # The index reads folded text (fulltext.search_text, registered on every connection
    # as byline_search_text): Ł, ø, ß, æ and friends fold to base letters, and scripts
    # written without spaces are split into characters, so "lodz" finds Łódź and 図書館
    # is found inside 東京の新しい図書館 (#18). Its content comes from a view applying
    # the same function, so snippets, 'rebuild' and 'integrity-check' see what was indexed.
    for statement in (
        "DROP TRIGGER IF EXISTS articles_fts_ai",
        "DROP TRIGGER IF EXISTS articles_fts_ad",
        "DROP TRIGGER IF EXISTS articles_fts_au",
        "DROP TABLE IF EXISTS articles_fts_vocab",
        "DROP TABLE IF EXISTS articles_fts",
        "CREATE VIEW articles_search_source AS SELECT id, "
        "byline_search_text(title) AS title, byline_search_text(summary) AS summary, "
        "byline_search_text(body) AS body FROM articles",
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "title, summary, body, content='articles_search_source', content_rowid='id', "
        "tokenize='porter unicode61 remove_diacritics 2')",
        # Only the indexed columns fire the update trigger: a status change or a
        # version bump must not re-index a 50,000-word body.
        "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, summary, body) VALUES (new.id, "
        "byline_search_text(new.title), byline_search_text(new.summary), "
        "byline_search_text(new.body)); END",
        "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, summary, body) VALUES ('delete', "
        "old.id, byline_search_text(old.title), byline_search_text(old.summary), "
        "byline_search_text(old.body)); END",
        "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, summary, body ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, summary, body) VALUES ('delete', "
        "old.id, byline_search_text(old.title), byline_search_text(old.summary), "
        "byline_search_text(old.body)); "
        "INSERT INTO articles_fts(rowid, title, summary, body) VALUES (new.id, "
        "byline_search_text(new.title), byline_search_text(new.summary), "
        "byline_search_text(new.body)); END",
        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
        "CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row')",
    ):
        db.execute(statement)


@migrations(name="0007_server_sync")
def m0007_server_sync(db: Database) -> None:
    # What a library knows of the newsroom server it syncs with: cursors, the
    # server's order and verdicts, refusals (#15).
    from editor_app.core.library import server_state

    db.executescript(server_state.TABLES)


@migrations(name="0008_slug_follows_headline")
def m0008_slug_follows_headline(db: Database) -> None:
    # Articles whose address still follows their headline (#17): a story started on the
    # desk takes its slug from the headline as it is typed, until it is first exported
    # or published (or the slug is typed by hand); then the address stays. Articles
    # older than this table, imported or received keep the slug they have.
    db.execute("CREATE TABLE slug_follows_headline (article_id INTEGER PRIMARY KEY"
               " REFERENCES articles(id) ON DELETE CASCADE)")


def schema_version() -> int:
    """The number of migrations this code knows: the newest schema it can read."""
    return len(migrations.names)


def migrate(db: Database) -> int:
    """Apply pending migrations (idempotent) and return the resulting schema version.

    A library that has every migration (the usual open) is checked with one query,
    without importing sqlite-utils (#20).
    """
    if _applied_names(db) == set(migrations.names):
        version = schema_version()
        if db.execute("PRAGMA user_version").fetchone()[0] != version:
            db.execute(f"PRAGMA user_version = {int(version)}")
        return version
    full = full_database(db.conn)
    migrations.apply(full)
    version = len(migrations.applied(full))
    db.execute(f"PRAGMA user_version = {int(version)}")
    return version


def _applied_names(db: Database) -> set[str]:
    try:
        return {row[0] for row in db.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}
    except sqlite3.OperationalError:  # a new file: no migrations table yet
        return set()

