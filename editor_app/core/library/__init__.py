"""The library: one SQLite file that holds every article, revision, tag and asset.

All SQL of Byline lives in this package (and the newsroom server's in core/server).
``Library`` is assembled from mixins, one per subject (articles, revisions and
their graph, comments, the workflow trail, tags and the vocabulary, related news,
assets, dictionaries, settings, search, sync records, health), so that each file
stays small; they share ``self.db`` (library/sqlite.py's Database) and ``self._tx``
(locking and transactions).
"""

from __future__ import annotations

import pathlib
import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, NoReturn, cast

from editor_app.core.errors import LibraryError
from editor_app.core.library import inuse, schema
from editor_app.core.library.article_rows import ArticleSummary
from editor_app.core.library.articles import ArticleStore
from editor_app.core.library.assets import Asset, AssetStore
from editor_app.core.library.comments import CommentStore
from editor_app.core.library.connection import (
    Transactions,
    check_library_path,
    connect,
    describe_sqlite_error,
    file_identity,
)
from editor_app.core.library.dictionaries import DictionaryStore
from editor_app.core.library.exchange import ExchangeStore
from editor_app.core.library.graph import ConflictSummary, GraphStore
from editor_app.core.library.health import HealthStore
from editor_app.core.library.records import Record, RecordStore
from editor_app.core.library.related import RelatedStore
from editor_app.core.library.review import ReviewStore
from editor_app.core.library.revisions import RevisionStore
from editor_app.core.library.search import SearchHit, SearchStore
from editor_app.core.library.server_state import ServerStateStore
from editor_app.core.library.settings import SettingsStore
from editor_app.core.library.similarity import SimilarityStore
from editor_app.core.library.sqlite import Database
from editor_app.core.library.tags import TagStore, clean_tag_name
from editor_app.core.library.topic_space import TopicSpaceStore
from editor_app.core.library.vocabulary import VocabularyStore

if TYPE_CHECKING:
    from editor_app.core.identity import Identity

__all__ = ["Library", "ArticleSummary", "SearchHit", "Asset", "ConflictSummary", "Record",
           "clean_tag_name"]


class Library(ArticleStore, RevisionStore, GraphStore, CommentStore, ReviewStore, TagStore,
              VocabularyStore, RelatedStore, SimilarityStore, TopicSpaceStore, AssetStore,
              DictionaryStore, SettingsStore, SearchStore, RecordStore, ExchangeStore,
              ServerStateStore, HealthStore):
    """An open library file. Thread-safe; each worker thread may also open its own."""

    def __init__(self, path: pathlib.Path, conn: sqlite3.Connection, *, created: bool,
                 read_only: str | None = None, hold: inuse.Hold | None = None,
                 identity: tuple[int, int] | None = None):
        self.path = path
        self.created = created
        self.db = Database(conn)
        self._tx = Transactions(self.db, path, read_only=read_only,
                                identity=identity or file_identity(path))
        self._hold = hold
        #: the person this process acts for on this library object, when it is not the
        #: user of the machine (core/identity.py): tests with several laptops, benchmarks
        self.acting_as: Identity | None = None

    @property
    def read_only(self) -> str | None:
        """Why this library cannot be written (None when it can): for a banner or a warning."""
        return self._tx.read_only

    @classmethod
    def open(cls, path: str | pathlib.Path, *, create: bool = True,
             writable: bool = False, lock_timeout: float = 10.0) -> Library:
        """Open (and create or migrate) a library, or raise LibraryError with the reason.

        A library that cannot be written (a read-only file, folder or mount)
        still opens for reading; every write then raises LibraryError
        "...: the library is read-only (<why>)". ``writable=True`` refuses it at
        once instead, for callers that are about to write anyway.  While a
        restore replaces the file, opening waits up to ``lock_timeout`` seconds.
        """
        path = pathlib.Path(path).expanduser()
        read_only = check_library_path(path, writable=writable)
        existed = path.exists() and path.stat().st_size > 0
        if not existed and not create:
            raise LibraryError(f"{path}: no library here")
        # Marked in use before SQLite opens it: a restore must not move the file
        # aside between this process opening it and saying so.
        hold = inuse.hold_shared(path, timeout=lock_timeout)
        try:
            conn = connect(path, readonly=bool(read_only))
        except LibraryError:
            if hold is not None:
                hold.release()
            if read_only:
                raise LibraryError(f"{path}: cannot open the library, it is read-only "
                                   f"({read_only})") from None
            raise
        try:
            db = Database(conn)
            cls._check_is_byline(db, path, existed)
            if not read_only:
                schema.migrate(db)
            elif db.execute("PRAGMA user_version").fetchone()[0] < schema.schema_version():
                raise LibraryError(f"{path}: the library is read-only ({read_only}) and needs an "
                                   "upgrade; open it once where it can be written")
        except sqlite3.DatabaseError as exc:
            conn.close()
            if hold is not None:
                hold.release()
            raise LibraryError(f"{path}: cannot open the library ({describe_sqlite_error(exc)})") from None
        except LibraryError:
            conn.close()
            if hold is not None:
                hold.release()
            raise
        return cls(path, conn, created=not existed, read_only=read_only, hold=hold)

    @staticmethod
    def _check_is_byline(db: Database, path: pathlib.Path, existed: bool) -> None:
        if not existed:
            return
        user_version = db.execute("PRAGMA user_version").fetchone()[0]
        if user_version > schema.schema_version():
            raise LibraryError(
                f"{path}: was made by a newer Byline (schema {user_version}); please update Byline"
            )
        tables = set(db.table_names())
        if tables and "articles" not in tables:
            raise LibraryError(f"{path}: is an SQLite database but not a Byline library")

    def transaction(self) -> AbstractContextManager[Database]:
        """Group several library calls into one transaction (nested calls join it)."""
        return self._tx.write()

    @property
    def in_transaction(self) -> bool:
        """Whether this connection has uncommitted changes another connection cannot see."""
        return self.db.conn.in_transaction

    def reopen(self) -> Library:
        """A second connection to the same file, for a worker thread.

        It keeps the identity of the file this library opened: when that file
        was replaced meanwhile, the new connection refuses to write as well.
        """
        hold = inuse.hold_shared(self.path)
        try:
            conn = connect(self.path, readonly=bool(self.read_only))
        except BaseException:
            if hold is not None:
                hold.release()
            raise
        twin = Library(self.path, conn, created=False, read_only=self.read_only, hold=hold,
                       identity=self._tx.identity)
        twin.acting_as = self.acting_as
        return twin

    def replaced_on_disk(self) -> str | None:
        """Why this library's file is no longer the one at its path (restored over, moved
        away), or None.  Writes are refused from then on: they would land in a file
        nobody will open again."""
        return self._tx.check_same_file()

    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        """Close the connection; later calls raise LibraryError instead of crashing.

        Timers and workers of the GUI may still fire once after a window closed
        its library: they get an error they already handle. Closed under the
        library's lock: a thread in the middle of a statement (a render reading an
        image, the related-news mapping's release) finishes it first, since
        closing a connection under a running statement crashes the process.
        """
        with self._tx.lock:
            db = self.db
            if isinstance(db, _ClosedDatabase):
                return
            self._stop_mapping_release()
            # Typed as the database it replaces: every use of it raises, which callers handle.
            self.db = cast(Database, _ClosedDatabase(self.path))
            self._tx.db = self.db
            try:
                db.conn.close()
            except sqlite3.Error:
                pass
        if self._hold is not None:
            self._hold.release()
            self._hold = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _ClosedDatabase:
    """Stands in for the database of a closed library."""

    def __init__(self, path: pathlib.Path):
        self._path = path

    def __getattr__(self, name: str) -> NoReturn:
        raise LibraryError(f"{self._path}: the library is closed")
