"""Noticing articles changed by another Byline process (a CLI import, a second window).

Two processes on one library must not silently overwrite each other: the
autosave writes with ``expected_version`` (ConflictError on a mismatch), and the
GUI polls this watcher so that an open article is reloaded (or the user warned)
as soon as someone else changes it, not only when the next save collides.

``PRAGMA data_version`` changes only when ANOTHER connection commits, so a poll
in which nobody else wrote costs one pragma and no query. When it moved, the
watcher asks for the articles updated since the newest timestamp it saw (an
index range scan) and keeps those whose version it did not know.

Qt-free; the GUI calls ``poll()`` from a QTimer every 1-2 s::

    watcher = ExternalChangeWatcher(library)
    timer.timeout.connect(lambda: handle(watcher.poll()))
    # after each own save:  watcher.note_own_write(article.id, article.version)
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExternalChanges:
    changed: frozenset[int] = field(default_factory=frozenset)  # ids updated by someone else
    deleted: frozenset[int] = field(default_factory=frozenset)  # ids that disappeared

    def __bool__(self) -> bool:
        return bool(self.changed or self.deleted)

    def __iter__(self):
        return iter(self.changed | self.deleted)

    def __contains__(self, article_id) -> bool:
        return article_id in self.changed or article_id in self.deleted


class ExternalChangeWatcher:
    """Reports article ids changed by other connections since the last ``poll()``.

    Not thread-safe: use it from one thread (the GUI thread; each poll takes
    well under a millisecond when nothing changed).
    """

    def __init__(self, library):
        self.library = library
        self._data_version = library.data_version()
        self._watermark = library.newest_update()
        self._known = self._versions_at(self._watermark)
        self._ids = library.article_ids()

    def _versions_at(self, watermark: str) -> dict[int, int]:
        if not watermark:
            return {}
        return {aid: version for aid, version, _ in self.library.changed_since(watermark)}

    def note_own_write(self, article_id: int, version: int) -> None:
        """Tell the watcher about a save of our own, so it is not reported back to us."""
        self._known[article_id] = version
        self._ids.add(article_id)

    def poll(self) -> ExternalChanges:
        """What others changed since the last poll (empty and falsy when nothing)."""
        version = self.library.data_version()
        if version == self._data_version:
            return ExternalChanges()
        self._data_version = version
        rows = self.library.changed_since(self._watermark)
        changed = set()
        for aid, art_version, updated_at in rows:
            if self._known.get(aid) != art_version:
                changed.add(aid)
            self._known[aid] = art_version
            if updated_at > self._watermark:
                self._watermark = updated_at
        # Only rows at the watermark can come back from the next query.
        self._known = {aid: v for aid, v, u in rows if u == self._watermark}
        self._ids |= {aid for aid, _, _ in rows}
        deleted: set[int] = set()
        if self.library.count_articles() != len(self._ids):
            ids = self.library.article_ids()
            deleted = self._ids - ids
            self._ids = ids
        return ExternalChanges(frozenset(changed - deleted), frozenset(deleted))
