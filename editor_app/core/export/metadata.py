"""Structured metadata of a bundle: schema.org JSON-LD, ninjs 2.1 and the manifest.

All three are plain dicts serialised with sorted keys, so the bytes depend only
on the article and its revision (determinism), never on dict insertion order.
"""

from __future__ import annotations

import hashlib
import json
import re

from editor_app.core.dates import feed_timestamp

try:
    import orjson
except ImportError:  # pragma: no cover - a build without it writes the same bytes, slower
    orjson = None

NINJS_VERSION = "2.1"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
_ORJSON_OPTIONS = (orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
                   if orjson is not None else 0)

# Inside <script> the HTML tokenizer looks only for "</script" (and "<!--"), so
# escaping every "<" suffices; ">" and "&" are escaped too so the text is inert
# in any HTML or XML context, and U+2028/2029 because old JS parsers choke on them.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


def script_json(data: object) -> str:
    """JSON that can sit inside ``<script type="application/ld+json">`` and never end it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _SCRIPT_UNSAFE.sub(lambda m: _SCRIPT_ESCAPES[m.group(0)], text)


def dump_json(data: object) -> bytes:
    """Pretty, sorted, UTF-8 JSON for files people open (article.json, manifest.json).

    orjson writes what ``json.dumps(indent=2, sort_keys=True, ensure_ascii=False)``
    writes (tests/core/export/test_export_json.py), forty times faster; json takes what
    orjson refuses (integers beyond 64 bits, non-string keys, lone surrogates).
    Floats, which the bundle's files never hold, are the one thing the two
    spell differently.
    """
    if orjson is not None:
        try:
            return orjson.dumps(data, option=_ORJSON_OPTIONS)
        except (TypeError, orjson.JSONEncodeError):
            pass
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def char_count(text: str) -> int:
    """Characters of a body's text (``RenderedArticle.text``), runs of white space as one
    and none at either end (str.split and the regex ``\\s`` agree on what white space is)."""
    words = text.split()
    return sum(map(len, words)) + max(len(words) - 1, 0)


def news_article_ld(*, title: str, description: str, date_published: str, date_modified: str,
                    author: str, images: list[str], language: str, keywords: list[str],
                    publisher: str, canonical: str | None, identifier: str,
                    word_count: int, interviewee: str = "") -> dict:
    """schema.org NewsArticle as search engines read it (absolute URLs where we have them)."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "description": description,
        "datePublished": date_published,
        "dateModified": date_modified,
        "inLanguage": language,
        "keywords": keywords,
        "identifier": identifier,
        "wordCount": word_count,
    }
    if author:
        data["author"] = [{"@type": "Person", "name": author}]
    if images:
        data["image"] = images
    if publisher:
        data["publisher"] = {"@type": "Organization", "name": publisher}
    if canonical:
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": canonical}
        data["url"] = canonical
    if interviewee:
        data["about"] = {"@type": "Person", "name": interviewee}
    return data


def _pubstatus(status: str) -> str:
    if status == "spiked":
        return "canceled"
    return "usable" if status in ("approved", "published") else "withheld"


def ninjs(*, article, revision_number: int, revision_created: str, body_html: str,
          word_count: int, related: list[dict], body_text: str) -> dict:
    """ninjs 2.1 for the article; ``related`` items carry uuid, slug, title, date, excerpt."""
    data: dict = {
        "uri": f"urn:uuid:{article.uuid}",
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
        "profile": "byline-article",
        "version": str(revision_number),
        "firstcreated": article.created_at or revision_created,
        "versioncreated": revision_created,
        "pubstatus": _pubstatus(article.status.value),
        "language": article.language or "en",
        "slugline": article.slug,
        "title": article.title,
        "headlines": [{"role": "main", "contenttype": "text/plain", "value": article.title}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": body_html,
                    "charcount": char_count(body_text), "wordcount": word_count}],
        "subjects": [{"name": tag, "rel": "about", "literal": tag} for tag in article.tags],
        "genres": [{"name": article.kind.value, "literal": article.kind.value}],
        "altids": [{"role": "slug", "value": article.slug}],
    }
    if article.author:
        data["by"] = article.author
    if article.summary:
        data["descriptions"] = [{"role": "summary", "contenttype": "text/plain",
                                 "value": article.summary}]
    if article.interviewee:
        data["people"] = [{"name": article.interviewee, "rel": "interviewee"}]
    if article.date:
        data["contentcreated"] = feed_timestamp(article.date)
    if related:
        data["associations"] = [
            {
                "name": f"related-{index}",
                "uri": f"urn:uuid:{item['uuid']}",
                "type": "text",
                "slugline": item["slug"],
                "headlines": [{"role": "main", "contenttype": "text/plain", "value": item["title"]}],
                **({"descriptions": [{"role": "excerpt", "contenttype": "text/plain",
                                      "value": item["excerpt"]}]} if item["excerpt"] else {}),
                **({"contentcreated": feed_timestamp(item["date"])} if item["date"] else {}),
            }
            for index, item in enumerate(related, start=1)
        ]
    return data


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest(*, files: dict[str, bytes], article, revision_number: int, tool_version: str) -> dict:
    """Every file of the bundle (but the manifest itself) with its size and sha256."""
    return {
        "article": {"id": article.id, "uuid": article.uuid, "slug": article.slug,
                    "revision": revision_number},
        "tool": {"name": "byline", "version": tool_version},
        "files": [{"path": path, "sha256": sha256_hex(data), "size": len(data)}
                  for path, data in sorted(files.items())],
    }
