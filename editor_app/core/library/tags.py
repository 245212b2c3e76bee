"""Tags on articles. Names compare without case and spacing ("EU  policy" == "eu policy")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from editor_app.core.errors import InputError, NotFoundError
from editor_app.core.library.connection import inserted_id
from editor_app.core.library.store import StoreBase
from editor_app.core.models import Tag
from editor_app.core.text import check_clean_text, normalize_key, slugify

TAG_MAX = 64


def clean_tag_name(name: object) -> str:
    """A tag name fit for the vocabulary, or InputError saying why not."""
    if not isinstance(name, str):
        raise InputError(f"tag {name!r}: must be text")
    text = " ".join(check_clean_text(name, "tag").split())
    if not text:
        raise InputError("tag: empty name")
    if not re.search(r"\w", text):
        raise InputError(f"tag {text!r}: has no letters or digits")
    if len(text) > TAG_MAX:
        raise InputError(f"tag {text[:20]!r}…: longer than {TAG_MAX} characters")
    return text


class TagStore(StoreBase):
    """Mixin of Library: the tag vocabulary and the tags of each article."""

    def _tags_for(self, article_ids: list[int]) -> dict[int, list[str]]:
        if not article_ids:
            return {}
        out: dict[int, list[str]] = {}
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start:start + 500]
            rows = self.db.execute(
                "SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                f"WHERE at.article_id IN ({','.join('?' * len(chunk))}) "
                "ORDER BY at.article_id, at.position, t.name", chunk).fetchall()
            for aid, name in rows:
                out.setdefault(aid, []).append(name)
        return out

    def article_tags(self, article_id: int) -> list[str]:
        return self._tags_for([article_id]).get(article_id, [])

    def find_tag(self, name: str) -> Tag | None:
        """The vocabulary entry for a name or one of its aliases."""
        key = normalize_key(name)
        with self._tx.lock:
            row = self.db.execute(
                "SELECT id FROM tags WHERE key = ? UNION "
                "SELECT tag_id FROM tag_aliases WHERE key = ?", [key, key]).fetchone()
        return self.get_tag(row[0]) if row else None

    def get_tag(self, tag_id: int) -> Tag:
        with self._tx.lock:
            row = self.db.execute(
                "SELECT t.id, t.name, t.slug, t.description, "
                "(SELECT count(*) FROM article_tags WHERE tag_id = t.id) FROM tags t WHERE t.id = ?",
                [tag_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no tag with id {tag_id}")
            aliases = tuple(r[0] for r in self.db.execute(
                "SELECT alias FROM tag_aliases WHERE tag_id = ? ORDER BY alias", [tag_id]))
        return Tag(row[0], row[1], row[2], row[3], aliases, row[4])

    def all_tags(self) -> list[Tag]:
        """The whole vocabulary with article counts, most used first."""
        with self._tx.lock:
            rows = self.db.execute(
                "SELECT t.id, t.name, t.slug, t.description, count(at.article_id) AS n "
                "FROM tags t LEFT JOIN article_tags at ON at.tag_id = t.id "
                "GROUP BY t.id ORDER BY n DESC, t.name COLLATE NOCASE").fetchall()
            aliases: dict[int, list[str]] = {}
            for tag_id, alias in self.db.execute("SELECT tag_id, alias FROM tag_aliases ORDER BY alias"):
                aliases.setdefault(tag_id, []).append(alias)
        return [Tag(r[0], r[1], r[2], r[3], tuple(aliases.get(r[0], ())), r[4]) for r in rows]

    def ensure_tag(self, name: str) -> int:
        """The id of the tag called ``name`` (or aliased so); a new name joins the vocabulary."""
        clean = clean_tag_name(name)
        key = normalize_key(clean)
        with self._tx.write() as db:
            row = db.execute("SELECT id FROM tags WHERE key = ? UNION "
                             "SELECT tag_id FROM tag_aliases WHERE key = ?", [key, key]).fetchone()
            if row:
                return row[0]
            slug = slugify(clean) or "tag"
            base, n = slug, 2
            while db.execute("SELECT 1 FROM tags WHERE slug = ?", [slug]).fetchone():
                slug, n = f"{base}-{n}", n + 1
            return inserted_id(db.execute("INSERT INTO tags (name, key, slug) VALUES (?, ?, ?)",
                                          [clean, key, slug]))

    def set_tags(self, article_id: int, names: list[str], *, _bump: bool = True,
                 _record: bool = True, who: str = "") -> list[str]:
        """Replace an article's tags (order kept, duplicates and aliases folded).

        The additions and removals are kept as a record (#14) unless ``_record``
        is False (tags that arrived with a merged revision were recorded elsewhere).
        """
        if isinstance(names, str) or not isinstance(names, (list, tuple)):
            raise InputError("tags: expected a list of tag names")
        cleaned = [clean_tag_name(n) for n in names]
        with self._tx.write() as db:
            if not db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
                raise NotFoundError(f"no article with id {article_id}")
            before = self.article_tags(article_id) if _record else []
            ids: list[int] = []
            for name in cleaned:
                tag_id = self.ensure_tag(name)
                if tag_id not in ids:
                    ids.append(tag_id)
            db.execute("DELETE FROM article_tags WHERE article_id = ?", [article_id])
            db.conn.executemany(
                "INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)",
                [(article_id, tag_id, pos) for pos, tag_id in enumerate(ids)])
            if _bump:
                self._bump(article_id)
            after = self.article_tags(article_id)
            if _record:
                self._log_tag_change(article_id, before, after, who)
        return after

    def _log_tag_change(self, article_id: int, before: list[str], after: list[str], who: str) -> None:
        old_keys = {normalize_key(t) for t in before}
        new_keys = {normalize_key(t) for t in after}
        added = [t for t in after if normalize_key(t) not in old_keys]
        removed = [t for t in before if normalize_key(t) not in new_keys]
        if added or removed:
            self._log_record("tags", article=self._article_uuid(article_id), author=who,
                             data={"added": added, "removed": removed})

    def tag_article(self, article_id: int, *, add: Sequence[str] = (),
                    remove: Sequence[str] = ()) -> list[str]:
        """Add and remove tags by name, keeping the others and their order."""
        current = self.article_tags(article_id)
        remove_keys = set()
        for name in remove:
            tag = self.find_tag(name)
            if tag is None:
                raise NotFoundError(f"tag {name!r}: the article does not have it")
            remove_keys.add(normalize_key(tag.name))
        kept = [t for t in current if normalize_key(t) not in remove_keys]
        return self.set_tags(article_id, kept + list(add))
