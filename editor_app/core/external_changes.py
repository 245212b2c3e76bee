"""Noticing articles changed by another Byline process (a CLI import, a second window).

Two processes on one library must not silently overwrite each other: the
autosave writes with ``expected_version`` (ConflictError on a mismatch), and the
GUI polls this watcher so that an open article is reloaded (or the user warned)
as soon as someone else changes it, not only when the next save collides.

``PRAGMA data_version`` changes only when ANOTHER connection commits, so a poll
in which nobody else wrote costs one pragma and no query. When it moved, the
watcher asks for the articles updated since the newest timestamp it saw (an
index range scan) and keeps those whose version it did not know.

Starting costs two small queries whatever the library's size (#20: it used to
read every article's version and id, 3 s for 100,000 articles, on the GUI
thread): the first look asks only for articles updated AFTER the newest
timestamp found at start, and deletions are looked for among the articles the
watcher knows of (open ones, its own saves, recent outside changes), which is
what a window needs to tell.

Qt-free; the GUI calls ``poll()`` from a QTimer every 1-2 s::

    watcher = ExternalChangeWatcher(library)
    timer.timeout.connect(lambda: handle(watcher.poll()))
    # after each own save:  watcher.note_own_write(article.id, article.version)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor_app.core.library import Library

#: how many article ids the watcher remembers to notice their deletion
WATCHED_LIMIT = 10_000


@dataclass(frozen=True)
class ExternalChanges:
    changed: frozenset[int] = field(default_factory=frozenset)  # ids updated by someone else
    deleted: frozenset[int] = field(default_factory=frozenset)  # watched ids that disappeared
    #: the number of articles changed in a way the ids above do not show (another
    #: article deleted): the library list should be read again
    count_changed: bool = False

    def __bool__(self) -> bool:
        return bool(self.changed or self.deleted or self.count_changed)

    def __iter__(self):
        return iter(self.changed | self.deleted)

    def __contains__(self, article_id) -> bool:
        return article_id in self.changed or article_id in self.deleted


class ExternalChangeWatcher:
    """Reports article ids changed by other connections since the last ``poll()``.

    Not thread-safe: use it from one thread (the GUI thread; each poll takes
    well under a millisecond when nothing changed).
    """

    def __init__(self, library: Library):
        self.library = library
        self._data_version = library.data_version()
        self._watermark = library.newest_update()
        # The rows at the starting watermark are the library as found: the first
        # query looks past them (a write elsewhere in that same millisecond is the
        # one thing this can miss).
        self._inclusive = False
        self._known: dict[int, int] = {}
        self._watched: dict[int, None] = {}  # insertion-ordered set, newest last
        self._count = library.count_articles()

    def watch(self, article_id: int) -> None:
        """Report this article's deletion too (an open article)."""
        self._watched.pop(article_id, None)
        self._watched[article_id] = None
        while len(self._watched) > WATCHED_LIMIT:
            del self._watched[next(iter(self._watched))]

    def note_own_write(self, article_id: int, version: int) -> None:
        """Tell the watcher about a save of our own, so it is not reported back to us."""
        self._known[article_id] = version
        self.watch(article_id)

    def poll(self) -> ExternalChanges:
        """What others changed since the last poll (empty and falsy when nothing)."""
        version = self.library.data_version()
        if version == self._data_version:
            return ExternalChanges()
        self._data_version = version
        rows = self.library.changed_since(self._watermark, inclusive=self._inclusive)
        changed = set()
        for aid, art_version, updated_at in rows:
            if self._known.get(aid) != art_version:
                changed.add(aid)
            self._known[aid] = art_version
            if updated_at > self._watermark:
                self._watermark = updated_at
        if rows:
            # Only rows at the watermark can come back from the next query.
            self._known = {aid: v for aid, v, u in rows if u == self._watermark}
            self._inclusive = True
        for aid in changed:
            self.watch(aid)
        count = self.library.count_articles()
        deleted: set[int] = set()
        if self._watched:
            deleted = set(self._watched) - self.library.existing_article_ids(self._watched)
            for aid in deleted:
                self._watched.pop(aid, None)
                self._known.pop(aid, None)
        count_changed = count != self._count
        self._count = count
        return ExternalChanges(frozenset(changed - deleted), frozenset(deleted), count_changed)
