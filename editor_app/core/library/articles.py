"""Articles: create, update (autosave), find, list, count; their revisions are revisions.py's."""

from __future__ import annotations

import json
import uuid as _uuid
from typing import Any

from editor_app.core.errors import ConflictError, FrozenError, InputError, NotFoundError
from editor_app.core.library.article_rows import ArticleState, ArticleSummary, EditRule
from editor_app.core.library.connection import inserted_id, utc_now
from editor_app.core.library.store import StoreBase
from editor_app.core.models import Article, Kind, Status, parse_date
from editor_app.core.text import (
    check_clean_text,
    headline_slug,
    is_placeholder_title,
    is_valid_slug,
)

TITLE_MAX = 300
EDITABLE_FIELDS = frozenset(
    {"title", "kind", "interviewee", "author", "date", "language", "summary", "body",
     "slug", "extra", "spellcheck"}
)
_COLUMNS = ("id, uuid, slug, title, kind, interviewee, author, date, language, summary, "
            "body, status, extra, spellcheck, version, created_at, updated_at")


def validate_fields(fields: dict) -> dict:
    """Check and normalise article fields; raises InputError naming the first bad one."""
    out = dict(fields)
    if "title" in out:
        title = check_clean_text(str(out["title"] or ""), "title").strip()
        if not title:
            raise InputError("title: missing (every article needs a headline)")
        if len(title) > TITLE_MAX:
            raise InputError(f"title: longer than {TITLE_MAX} characters")
        out["title"] = title
    if "kind" in out:
        out["kind"] = Kind.parse(out["kind"]).value
    if "date" in out and out["date"] not in (None, ""):
        out["date"] = parse_date(out["date"])
    elif "date" in out:
        out["date"] = ""
    for name in ("interviewee", "author", "language"):
        if name in out:
            out[name] = check_clean_text(str(out[name] or ""), name).strip()
    if "summary" in out:
        out["summary"] = check_clean_text(str(out["summary"] or ""), "summary", multiline=True).strip()
    if "body" in out:
        out["body"] = check_clean_text(str(out["body"] or ""), "body", multiline=True)
    if "slug" in out and out["slug"]:
        slug = check_clean_text(str(out["slug"]), "slug")
        if not is_valid_slug(slug):
            raise InputError(
                f"slug: {slug!r} is not valid (lowercase letters, digits and hyphens, at most 80)"
            )
    if "extra" in out:
        try:
            out["extra"] = json.dumps(out["extra"] or {}, ensure_ascii=False, sort_keys=True,
                                      default=str)
        except (TypeError, ValueError) as exc:
            raise InputError(f"front matter: a value cannot be stored ({exc})") from None
    if "spellcheck" in out:
        out["spellcheck"] = 1 if out["spellcheck"] else 0
    return out


class ArticleStore(StoreBase):
    """Mixin of Library: the articles themselves (their rows, not their history)."""

    # -- reading -----------------------------------------------------------
    def _row_to_article(self, row: tuple) -> Article:
        (aid, uid, slug, title, kind, interviewee, author, date, language, summary, body,
         status, extra, spellcheck, version, created, updated) = row
        return Article(
            id=aid, uuid=uid, slug=slug, title=title, kind=Kind(kind), interviewee=interviewee,
            author=author, date=date, language=language, summary=summary, body=body,
            status=Status(status), extra=json.loads(extra or "{}"), spellcheck=bool(spellcheck),
            version=version, created_at=created, updated_at=updated,
            tags=self.article_tags(aid),
        )

    def resolve_id(self, id_or_slug: int | str) -> int:
        """Article id from an id or a slug (the CLI accepts both everywhere)."""
        text = str(id_or_slug).strip()
        try:
            # A lone surrogate (a non-UTF-8 shell argument) cannot even be sent
            # to SQLite; no slug holds a control character either.
            check_clean_text(text, "id or slug")
        except InputError as exc:
            problem = str(exc).split(": ", 1)[-1]
            raise NotFoundError(f"no article with id or slug {text!r}: {problem}") from None
        with self._tx.lock:
            if text.isdigit():
                row = self.db.execute("SELECT id FROM articles WHERE id = ?", [int(text)]).fetchone()
                if row:
                    return row[0]
            row = self.db.execute("SELECT id FROM articles WHERE slug = ?", [text]).fetchone()
        if not row:
            raise NotFoundError(f"no article with id or slug {text!r}")
        return row[0]

    def find_article_id(self, *, uuid: str = "", slug: str = "") -> int | None:
        """The id of the article with exactly this uuid (else this slug), or None.

        Unlike ``resolve_id`` a digit-only slug is never taken for an id: an
        import must find the article its file names, and no other.
        """
        with self._tx.lock:
            if uuid:
                row = self.db.execute("SELECT id FROM articles WHERE uuid = ?", [uuid]).fetchone()
                if row:
                    return row[0]
            if slug:
                row = self.db.execute("SELECT id FROM articles WHERE slug = ?", [slug]).fetchone()
                if row:
                    return row[0]
        return None

    def article_id_by_uuid(self, uuid: str) -> int | None:
        with self._tx.lock:
            row = self.db.execute("SELECT id FROM articles WHERE uuid = ?", [uuid]).fetchone()
        return row[0] if row else None

    def get_article(self, id_or_slug: int | str) -> Article:
        # An int is an id already: one query instead of two (export reads every article).
        aid = id_or_slug if type(id_or_slug) is int else self.resolve_id(id_or_slug)
        with self._tx.lock:
            row = self.db.execute(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", [aid]).fetchone()
            if row is None:
                raise NotFoundError(f"no article with id {aid}")
            return self._row_to_article(row)

    def article_version(self, article_id: int) -> int | None:
        """The change counter of an article, cheap enough to poll for outside edits."""
        row = self.db.execute("SELECT version FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def _filter_sql(self, status: str | None, tag: str | None,
                    ids: list[int] | None = None) -> tuple[str, list]:
        where, params = [], []
        if status:
            where.append("a.status = ?")
            params.append(Status.parse(status).value)
        if tag:
            where.append(
                "a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                " WHERE t.key = ? OR t.id IN (SELECT tag_id FROM tag_aliases WHERE key = ?))"
            )
            from editor_app.core.text import normalize_key
            params += [normalize_key(tag), normalize_key(tag)]
        if ids is not None:
            where.append(f"a.id IN ({','.join('?' * len(ids))})" if ids else "0")
            params += ids
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def count_articles(self, *, status: str | None = None, tag: str | None = None) -> int:
        sql, params = self._filter_sql(status, tag)
        with self._tx.lock:
            return self.db.execute(f"SELECT count(*) FROM articles a{sql}", params).fetchone()[0]

    def status_counts(self) -> dict[str, int]:
        """Articles per status, for the review queues in the sidebar."""
        with self._tx.lock:
            rows = self.db.execute("SELECT status, count(*) FROM articles GROUP BY status").fetchall()
        counts = {s.value: 0 for s in Status}
        counts.update(dict(rows))
        return counts

    _ORDERS = {
        "updated": ("a.updated_at", "a.id"),
        "date": ("a.date", "a.id"),
        "title": ("a.title COLLATE NOCASE", "a.id"),
        "status": ("a.status", "a.id"),
        "kind": ("a.kind", "a.id"),
    }

    def list_articles(self, *, status: str | None = None, tag: str | None = None,
                      ids: list[int] | None = None, order: str = "date",
                      descending: bool = True, limit: int | None = None,
                      offset: int = 0) -> list[ArticleSummary]:
        """A page of the library, newest first by default; bodies are not read."""
        sql, params = self._filter_sql(status, tag, ids)
        direction = "DESC" if descending else "ASC"
        order_sql = ", ".join(f"{col} {direction}" for col in self._ORDERS.get(order, self._ORDERS["date"]))
        limit_sql = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        with self._tx.lock:
            rows = self.db.execute(
                "SELECT a.id, a.slug, a.title, a.kind, a.status, a.date, a.updated_at, a.author "
                f"FROM articles a{sql} ORDER BY {order_sql}{limit_sql}", params).fetchall()
            tags = self._tags_for([r[0] for r in rows])
        return [ArticleSummary(r[0], r[1], r[2], r[3], r[4], r[5], tuple(tags.get(r[0], ())), r[6], r[7])
                for r in rows]

    def article_position(self, article_id: int, *, tag: str | None = None,
                         ids: list[int] | None = None, order: str = "date",
                         descending: bool = True) -> int | None:
        """Where ``article_id`` is in ``list_articles`` with the same arguments (0-based);
        None when it is not listed.

        One indexed count instead of reading every row before it: selecting an article
        deep in a library of 100,000 must not read 50,000 rows into the list (#20).
        """
        sql, params = self._filter_sql(None, tag, ids)
        columns = self._ORDERS.get(order, self._ORDERS["date"])
        key, plain = columns[0], columns[0].split(" ")[0].removeprefix("a.")
        before = ">" if descending else "<"
        with self._tx.lock:
            listed = self.db.execute(f"SELECT 1 FROM articles a{sql}{' AND' if sql else ' WHERE'} "
                                     "a.id = ?", [*params, article_id]).fetchone()
            if listed is None:
                return None
            value = self.db.execute(f"SELECT {plain} FROM articles WHERE id = ?",
                                    [article_id]).fetchone()[0]
            ahead = f"({key} {before} ? OR ({key} = ? AND a.id {before} ?))"
            where = f"{sql} AND {ahead}" if sql else f" WHERE {ahead}"
            return self.db.execute(f"SELECT count(*) FROM articles a{where}",
                                   [*params, value, value, article_id]).fetchone()[0]

    # -- writing -----------------------------------------------------------
    def _unique_slug(self, wanted: str, exclude_id: int | None = None) -> str:
        base = wanted or "article"
        candidate, n = base, 2
        while True:
            row = self.db.execute("SELECT id FROM articles WHERE slug = ?", [candidate]).fetchone()
            if row is None or row[0] == exclude_id:
                return candidate
            suffix = f"-{n}"
            candidate = base[: 80 - len(suffix)].rstrip("-") + suffix
            n += 1

    def create_article(self, article: Article, *, author: str = "", reason: str = "create",
                       slug_follows_headline: bool = False) -> Article:
        """Insert a new article with its first revision, tags and all, in one transaction.

        ``slug_follows_headline``: a story started on the desk (#17) takes its address
        from the headline as it changes, until it is first exported or published.
        """
        fields = validate_fields({name: getattr(article, name) for name in EDITABLE_FIELDS})
        fields["status"] = Status.parse(article.status).value
        now = utc_now()
        article_uuid = article.uuid or str(_uuid.uuid4())
        with self._tx.write() as db:
            # A placeholder headline ("Untitled interview") never becomes an address.
            wanted = fields.get("slug") or headline_slug(fields["title"]) \
                or (f"draft-{article_uuid[:8]}" if is_placeholder_title(fields["title"]) else "")
            if fields.get("slug") and db.execute(
                    "SELECT 1 FROM articles WHERE slug = ?", [wanted]).fetchone():
                raise InputError(f"slug: {wanted!r} is already used by another article")
            fields["slug"] = self._unique_slug(wanted)
            fields.update(uuid=article_uuid, version=1,
                          created_at=article.created_at or now, updated_at=now)
            cols = ", ".join(fields)
            cur = db.execute(f"INSERT INTO articles ({cols}) VALUES ({', '.join('?' * len(fields))})",
                             list(fields.values()))
            aid = inserted_id(cur)
            if article.tags:
                self.set_tags(aid, article.tags, _bump=False, _record=False)
            self._snapshot(aid, reason=reason, author=author or article.author)
            self._log_genesis(aid, fields["uuid"], fields["status"])
            if slug_follows_headline and not article.slug:
                db.execute("INSERT INTO slug_follows_headline (article_id) VALUES (?)", [aid])
        return self.get_article(aid)

    def update_article(self, article_id: int, *, expected_version: int | None = None,
                       who: str = "", revision_reason: str | None = None,
                       tags: list[str] | None = None, refuse: EditRule | None = None,
                       **fields: Any) -> Article:
        """Change fields of an article in one transaction and bump its version.

        ``expected_version`` makes the write conditional: when another window or
        process changed the article since it was read, ConflictError is raised
        instead of silently overwriting their edit. ``who`` names the person in the
        revision snapshot taken when ``revision_reason`` is given. ``refuse``: a rule
        asked inside the transaction, ``refuse(ArticleState) -> reason | None``
        (review.edit_refusal: an approved story is not changed by a stray save);
        a reason raises FrozenError and nothing is written.
        """
        unknown = set(fields) - EDITABLE_FIELDS
        if unknown:
            raise InputError(f"cannot change {', '.join(sorted(unknown))} of an article")
        fields = validate_fields(fields)
        with self._tx.write() as db:
            row = db.execute("SELECT version, slug, title, status FROM articles WHERE id = ?",
                             [article_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            if expected_version is not None and row[0] != expected_version:
                raise ConflictError(
                    "this article was changed elsewhere since you opened it "
                    f"(version {row[0]}, yours {expected_version})"
                )
            if refuse is not None:
                refusal = refuse(ArticleState(row[1], Status(row[3])))
                if refusal:
                    raise FrozenError(refusal)
            if fields.get("slug") and fields["slug"] != row[1]:
                if db.execute("SELECT 1 FROM articles WHERE slug = ? AND id != ?",
                              [fields["slug"], article_id]).fetchone():
                    raise InputError(f"slug: {fields['slug']!r} is already used by another article")
                self._fix_slug(article_id)  # typed by hand: it no longer follows the headline
            elif "slug" in fields:
                fields.pop("slug")
            if "title" in fields and "slug" not in fields and fields["title"] != row[2] \
                    and self.slug_follows_headline(article_id):
                wanted = headline_slug(fields["title"])
                if wanted:
                    fields["slug"] = self._unique_slug(wanted, exclude_id=article_id)
            fields["version"] = row[0] + 1
            fields["updated_at"] = utc_now()
            assignments = ", ".join(f"{name} = ?" for name in fields)
            db.execute(f"UPDATE articles SET {assignments} WHERE id = ?",
                       [*fields.values(), article_id])
            if tags is not None:
                self.set_tags(article_id, tags, _bump=False)
            if revision_reason:
                self._snapshot(article_id, reason=revision_reason, author=who)
        return self.get_article(article_id)

    # -- the address --------------------------------------------------------
    def slug_follows_headline(self, article_id: int) -> bool:
        """Whether the article's slug still changes with its headline (a new story's)."""
        with self._tx.lock:
            return self.db.execute("SELECT 1 FROM slug_follows_headline WHERE article_id = ?",
                                   [article_id]).fetchone() is not None

    def _fix_slug(self, article_id: int) -> None:
        """The address stays from now on (exported, published, typed by hand); in a write."""
        self.db.execute("DELETE FROM slug_follows_headline WHERE article_id = ?", [article_id])

    def fix_slug(self, article_id: int) -> None:
        """Stop the slug following the headline (the article's address is out in the world)."""
        with self._tx.write():
            self._fix_slug(article_id)

    def delete_article(self, article_id: int) -> None:
        """Remove an article with its history and records (it may arrive again, whole)."""
        with self._tx.write() as db:
            row = db.execute("SELECT uuid FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            self._forget_records(row[0])
            db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _bump(self, article_id: int) -> None:
        self.db.execute("UPDATE articles SET version = version + 1, updated_at = ? WHERE id = ?",
                        [utc_now(), article_id])

    # -- queues and batches ------------------------------------------------
    def count_by_status_and_author(self, status: str | Status, author: str) -> int:
        """Articles of one status bylined to ``author`` (the "My drafts" queue)."""
        with self._tx.lock:
            return self.db.execute(
                "SELECT count(*) FROM articles WHERE status = ? AND author = ?",
                [Status.parse(status).value, author]).fetchone()[0]

    def ids_with_status(self, status: str | Status) -> list[int]:
        """Article ids with a status, newest dateline first (a batch export of "approved")."""
        value = Status.parse(status).value
        with self._tx.lock:
            return [r[0] for r in self.db.execute(
                "SELECT id FROM articles WHERE status = ? ORDER BY date DESC, id DESC", [value])]
