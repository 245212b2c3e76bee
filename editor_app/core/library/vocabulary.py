"""Library mixin: managing the tag vocabulary (rename, merge, aliases, descriptions).

Articles point at tags by id, so renaming a tag changes every article's tag at
once and a merge only has to move ``article_tags`` rows. Vocabulary changes do
not bump article versions: the article did not change, only the name shown for
one of its tags, and an editor open on it must not get a conflict for that.
An old name is kept as an alias after a rename or merge so that files and
people still using it land on the right tag.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.core.errors import ConflictError, InputError, NotFoundError
from editor_app.core.library.store import StoreBase
from editor_app.core.library.tags import clean_tag_name
from editor_app.core.models import Tag
from editor_app.core.text import check_clean_text, normalize_key, slugify

if TYPE_CHECKING:
    from editor_app.core.library.sqlite import Database

DESCRIPTION_MAX = 500


class VocabularyStore(StoreBase):
    """Mixin of Library (see editor_app/core/library/__init__.py)."""

    # -- lookups -----------------------------------------------------------
    def _tag_id(self, db: Database, tag: int | str | Tag) -> int:
        """Resolve a Tag, an id or a name/alias to a tag id, or raise NotFoundError."""
        if isinstance(tag, Tag):
            tag = tag.id
        if isinstance(tag, int):
            if db.execute("SELECT 1 FROM tags WHERE id = ?", [tag]).fetchone():
                return tag
            raise NotFoundError(f"no tag with id {tag}")
        key = normalize_key(str(tag))
        row = db.execute("SELECT id FROM tags WHERE key = ? UNION "
                         "SELECT tag_id FROM tag_aliases WHERE key = ?", [key, key]).fetchone()
        if row is None:
            raise NotFoundError(f"no tag called {tag!r} in the vocabulary")
        return row[0]

    def _owner_of_key(self, db: Database, key: str) -> tuple[int, str] | None:
        """(tag id, "name" or "alias") for a key already used in the vocabulary."""
        row = db.execute("SELECT id FROM tags WHERE key = ?", [key]).fetchone()
        if row:
            return row[0], "name"
        row = db.execute("SELECT tag_id FROM tag_aliases WHERE key = ?", [key]).fetchone()
        return (row[0], "alias") if row else None

    def _free_slug(self, db: Database, name: str, tag_id: int) -> str:
        base = slugify(name) or "tag"
        slug, n = base, 2
        while True:
            row = db.execute("SELECT id FROM tags WHERE slug = ?", [slug]).fetchone()
            if row is None or row[0] == tag_id:
                return slug
            slug, n = f"{base}-{n}", n + 1

    def _tag_name(self, db: Database, tag_id: int) -> str:
        return db.execute("SELECT name FROM tags WHERE id = ?", [tag_id]).fetchone()[0]

    def _insert_alias(self, db: Database, tag_id: int, alias: str) -> None:
        key = normalize_key(alias)
        owner = self._owner_of_key(db, key)
        if owner is not None:
            owner_id, what = owner
            if owner_id == tag_id:
                return  # already this tag's name or alias: nothing to do
            other = self._tag_name(db, owner_id)
            raise ConflictError(f"alias {alias!r}: already the {what} of the tag {other!r}")
        db.execute("INSERT INTO tag_aliases (tag_id, alias, key) VALUES (?, ?, ?)",
                   [tag_id, alias, key])

    # -- changes -----------------------------------------------------------
    def rename_tag(self, tag: int | str | Tag, new_name: str, *, keep_alias: bool = True,
                   _record: bool = True) -> Tag:
        """Give a tag a new display name (and slug); every article keeps it.

        Refused when the new name already names another tag (merge instead).
        The old name becomes an alias unless only case or spacing changed.
        """
        clean = clean_tag_name(new_name)
        key = normalize_key(clean)
        with self._tx.write() as db:
            tag_id = self._tag_id(db, tag)
            old_name, old_key = db.execute("SELECT name, key FROM tags WHERE id = ?",
                                           [tag_id]).fetchone()
            owner = self._owner_of_key(db, key)
            if owner is not None and owner[0] != tag_id:
                other = self._tag_name(db, owner[0])
                raise ConflictError(f"tag {clean!r}: already used by the tag {other!r}; "
                                    f"merge {old_name!r} into {other!r} instead")
            # The new name may have been an alias of this very tag: it is now the name.
            db.execute("DELETE FROM tag_aliases WHERE tag_id = ? AND key = ?", [tag_id, key])
            slug = self._free_slug(db, clean, tag_id)
            db.execute("UPDATE tags SET name = ?, key = ?, slug = ? WHERE id = ?",
                       [clean, key, slug, tag_id])
            if keep_alias and old_key != key:
                self._insert_alias(db, tag_id, old_name)
            if _record:
                self._log_vocabulary(op="rename", old=old_name, new=clean, keep_alias=keep_alias)
        return self.get_tag(tag_id)

    def merge_tags(self, source: int | str | Tag, target: int | str | Tag, *,
                   _record: bool = True) -> Tag:
        """Fold ``source`` into ``target``: its articles, aliases and name move over.

        An article that had both keeps one ``target`` (at the better position).
        """
        with self._tx.write() as db:
            source_id = self._tag_id(db, source)
            target_id = self._tag_id(db, target)
            if source_id == target_id:
                raise InputError(f"tag {self._tag_name(db, source_id)!r}: cannot merge a tag into itself")
            source_name = self._tag_name(db, source_id)
            # Keep the smaller position where an article had both tags.
            db.execute(
                "UPDATE article_tags SET position = min(position, "
                "  (SELECT s.position FROM article_tags s WHERE s.article_id = article_tags.article_id"
                "   AND s.tag_id = ?)) "
                "WHERE tag_id = ? AND article_id IN (SELECT article_id FROM article_tags WHERE tag_id = ?)",
                [source_id, target_id, source_id])
            db.execute("UPDATE OR IGNORE article_tags SET tag_id = ? WHERE tag_id = ?",
                       [target_id, source_id])
            db.execute("DELETE FROM article_tags WHERE tag_id = ?", [source_id])
            db.execute("UPDATE tag_aliases SET tag_id = ? WHERE tag_id = ?", [target_id, source_id])
            db.execute("DELETE FROM tags WHERE id = ?", [source_id])
            self._insert_alias(db, target_id, source_name)
            if _record:
                self._log_vocabulary(op="merge", source=source_name,
                                     target=self._tag_name(db, target_id))
        return self.get_tag(target_id)

    def add_tag_alias(self, tag: int | str | Tag, alias: str, *, _record: bool = True) -> Tag:
        """Make ``alias`` ("EU") another name of ``tag`` ("European Union")."""
        clean = clean_tag_name(alias)
        with self._tx.write() as db:
            tag_id = self._tag_id(db, tag)
            self._insert_alias(db, tag_id, clean)
            if _record:
                self._log_vocabulary(op="alias", tag=self._tag_name(db, tag_id), alias=clean)
        return self.get_tag(tag_id)

    def remove_tag_alias(self, tag: int | str | Tag, alias: str, *, _record: bool = True) -> Tag:
        key = normalize_key(alias)
        with self._tx.write() as db:
            tag_id = self._tag_id(db, tag)
            if db.execute("DELETE FROM tag_aliases WHERE tag_id = ? AND key = ?",
                          [tag_id, key]).rowcount == 0:
                raise NotFoundError(f"alias {alias!r}: not an alias of {self._tag_name(db, tag_id)!r}")
            if _record:
                self._log_vocabulary(op="unalias", tag=self._tag_name(db, tag_id), alias=alias)
        return self.get_tag(tag_id)

    def set_tag_aliases(self, tag: int | str | Tag, aliases: list[str], *,
                        _record: bool = True) -> Tag:
        """Replace all aliases of a tag at once (the vocabulary dialog edits them as a list)."""
        cleaned = [clean_tag_name(a) for a in aliases]
        with self._tx.write() as db:
            tag_id = self._tag_id(db, tag)
            db.execute("DELETE FROM tag_aliases WHERE tag_id = ?", [tag_id])
            for alias in cleaned:
                self._insert_alias(db, tag_id, alias)
            if _record:
                self._log_vocabulary(op="aliases", tag=self._tag_name(db, tag_id), aliases=cleaned)
        return self.get_tag(tag_id)

    def set_tag_description(self, tag: int | str | Tag, description: str, *,
                            _record: bool = True) -> Tag:
        text = check_clean_text(str(description or ""), "description", multiline=True).strip()
        if len(text) > DESCRIPTION_MAX:
            raise InputError(f"description: longer than {DESCRIPTION_MAX} characters")
        with self._tx.write() as db:
            tag_id = self._tag_id(db, tag)
            db.execute("UPDATE tags SET description = ? WHERE id = ?", [text, tag_id])
            if _record:
                self._log_vocabulary(op="describe", tag=self._tag_name(db, tag_id), description=text)
        return self.get_tag(tag_id)

    def _log_vocabulary(self, **data: object) -> None:
        """A vocabulary change travels to other libraries by tag NAMES (ids are local) (#14)."""
        self._log_record("vocabulary", data=data)

    def delete_tag(self, tag: int | str | Tag) -> int:
        """Remove a tag from the vocabulary and from every article; returns how many had it."""
        with self._tx.write() as db:
            tag_id = self._tag_id(db, tag)
            count = db.execute("SELECT count(*) FROM article_tags WHERE tag_id = ?",
                               [tag_id]).fetchone()[0]
            db.execute("DELETE FROM tags WHERE id = ?", [tag_id])
        return count

    def tag_names_for_completion(self) -> list[str]:
        """Every name and alias, for a completer: the user may type either."""
        with self._tx.lock:
            return [r[0] for r in self.db.execute(
                "SELECT name FROM tags UNION SELECT alias FROM tag_aliases ORDER BY 1 COLLATE NOCASE")]
