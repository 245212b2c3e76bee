"""Reading and writing articles as markdown with YAML front matter (and plain text).

This is the interchange format of DESIGN.md: the keys Hugo, Jekyll and
Obsidian use, unknown keys kept. ``parse_markdown`` and ``dump_markdown`` are
inverses for every field Byline stores, so an exported article imports back
unchanged.
"""

from __future__ import annotations

import datetime as _dt
import pathlib
import re
import uuid as _uuidlib

import yaml

from editor_app.core.errors import InputError
from editor_app.core.models import Article, Kind, Status, parse_date
from editor_app.core.text import check_clean_text, is_valid_slug

MAX_FILE_BYTES = 10 * 1024 * 1024
KNOWN_KEYS = ("title", "kind", "interviewee", "author", "date", "language", "summary",
              "tags", "slug", "status", "related", "uuid")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                           re.DOTALL | re.MULTILINE)


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases: no "billion laughs" expansion."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.constructor.ConstructorError(
                None, None, "aliases (*name) are not allowed in front matter", event.start_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise yaml.constructor.ConstructorError(
                None, None, "anchors (&name) are not allowed in front matter", event.start_mark)
        return super().compose_node(parent, index)

    def construct_object(self, node, deep=False):
        # Remembered so that an error of a constructor (a ValueError for
        # month 13) can name the line of the value that caused it.
        self.last_node = node
        return super().construct_object(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a date ({exc})", node.start_mark) from None


_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _NoAliasLoader.construct_yaml_timestamp)


# Byte-order marks, longest first: a UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_text(data: bytes, source: str) -> str:
    """Bytes of a file as text: UTF-8, or UTF-16/32 with a byte-order mark (Word's
    "Unicode text"); binary files and other encodings are refused with a clear message."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{source}: file too large ({len(data) // (1024 * 1024)} MB; "
                         f"the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"{source}: damaged {encoding.upper()} text (it starts like "
                                 f"{encoding.upper()} but does not decode); save the file as "
                                 "UTF-8") from None
            return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise InputError(f"{source}: UTF-16 text without a byte-order mark; save the file "
                             "as UTF-8 (or as Unicode text with a byte-order mark)")
        raise InputError(f"{source}: not a text file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{source}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                         "save the file as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_utf16(data: bytes) -> bool:
    """Mostly-Latin text in UTF-16 has a NUL in every other byte (odd ones LE, even ones BE)."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    pairs = len(sample) // 2
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    return max(odd, even) >= 0.6 * pairs and min(odd, even) <= 0.1 * pairs


def read_article_file(path: str | pathlib.Path) -> Article:
    """Read a .md/.markdown/.txt file into an Article (not stored yet)."""
    path = pathlib.Path(path)
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a folder, not a file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    text = decode_text(data, str(path))
    if path.suffix.lower() == ".txt" and not text.startswith("---"):
        return parse_plain_text(text, source=str(path))
    return parse_markdown(text, source=str(path))


def parse_plain_text(text: str, *, source: str = "text") -> Article:
    """Plain text: the first non-empty line is the headline, the rest the body."""
    lines = text.strip("\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines or not lines[0].strip():
        raise InputError(f"{source}: missing title (the file is empty)")
    title = lines[0].strip().lstrip("#").strip()
    body = "\n".join(lines[1:]).strip("\n") + "\n"
    _check(lambda: check_clean_text(title, "title"), source)
    _check(lambda: check_clean_text(body, "body", multiline=True), source)
    return Article(title=title, body=body)


def _check(fn, source: str):
    try:
        return fn()
    except InputError as exc:
        raise InputError(f"{source}: {exc}") from None


def parse_markdown(text: str, *, source: str = "markdown") -> Article:
    """Markdown with optional YAML front matter -> Article; errors name file and line."""
    meta: dict = {}
    body = text
    if not text.strip():
        raise InputError(f"{source}: missing title (the file is empty)")
    match = _FRONT_MATTER.match(text)
    if text.startswith("---") and not match:
        raise InputError(f"{source}:1: front matter is not closed (no second '---' line)")
    if match:
        body = text[match.end():]
        loaded = _load_front_matter(match.group(1), source)
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise InputError(f"{source}:2: front matter must be a mapping of keys to values")
        meta = loaded
    body = body.lstrip("\n")
    if _untitled(meta):
        # Notes, READMEs and Obsidian pages have no front matter title: the first
        # heading is the headline, else the file's name (#20).
        title, body = headline_from_body(body, source)
        if title:
            meta = {**meta, "title": title}
    try:
        return _article_from_meta(meta, body)
    except InputError as exc:
        line = _key_line(text, str(exc).split(":", 1)[0]) if match else None
        where = f"{source}:{line}" if line else source
        raise InputError(f"{where}: {exc}") from None


_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_NOT_A_NAME = ("markdown", "text")


def _untitled(meta: dict) -> bool:
    title = meta.get("title")
    return title is None or (isinstance(title, str) and not title.strip())


def headline_from_body(body: str, source: str) -> tuple[str, str]:
    """(headline, body) for a file without a title: its first heading, else its name.

    A heading that opens the text is taken out of the body (the page prints the
    headline above it already); one further down stays where it is. Headings inside
    fenced code do not count. Without a heading the file name is the headline
    ("ferry-strike_notes.md" -> "Ferry strike notes"); without a file, "".
    """
    lines = body.split("\n")
    in_fence = False
    first_block = True
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            first_block = False
            continue
        if in_fence or not line.strip():
            continue
        match = _ATX_HEADING.match(line)
        setext = (number + 1 < len(lines) and _SETEXT_UNDERLINE.match(lines[number + 1])
                  and first_block and not line.startswith((" " * 4, "\t")))
        if match and match.group("text").strip():
            title = match.group("text").strip()
            if first_block:
                body = "\n".join(lines[number + 1:]).lstrip("\n")
            return title, body
        if setext:
            title = line.strip()
            body = "\n".join(lines[number + 2:]).lstrip("\n")
            return title, body
        first_block = False
    return title_from_file_name(source), body


def title_from_file_name(source: str) -> str:
    """A headline made of a file's name: separators become spaces, the first letter a capital."""
    if source in _NOT_A_NAME:
        return ""
    stem = pathlib.PurePath(source).stem
    words = " ".join(re.sub(r"[_\-.]+", " ", stem).split())
    return words[:1].upper() + words[1:] if words.islower() else words


def _one_line(text: str) -> str:
    """PyYAML's problem texts can span lines; a user's message must not."""
    return " ".join(str(text).split())


def _load_front_matter(front: str, source: str):
    """The YAML of the front matter, or InputError "<file>:<line>: malformed front matter: …".

    Whatever YAML raises while reading or constructing (a ReaderError for a
    control character, a ValueError from a date constructor, RecursionError for
    absurd nesting) becomes one line naming the file and, when known, the line.
    The front matter starts on line 2 of the file, hence the ``+ 2``.
    """
    loader = None
    try:
        loader = _NoAliasLoader(front)  # the reader checks for control characters here
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 2) if mark else 2
        problem = _one_line(exc.problem or exc.context or "invalid YAML")
        raise InputError(f"{source}:{line}: malformed front matter: {problem}") from None
    except yaml.reader.ReaderError as exc:
        line = front[: exc.position].count("\n") + 2
        what = (f"a control character (U+{exc.character:04X})" if isinstance(exc.character, int)
                else "an invalid character")
        raise InputError(f"{source}:{line}: malformed front matter: contains {what}") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{source}:2: malformed front matter: {_one_line(exc)}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        node = getattr(loader, "last_node", None)
        if node is not None:
            line = node.start_mark.line + 2
        else:  # failed while composing, before any value was constructed
            line = loader.get_mark().line + 2 if loader is not None else 2
        reason = _one_line(exc) or type(exc).__name__
        if isinstance(exc, RecursionError):
            reason = "nested too deeply"
        raise InputError(f"{source}:{line}: malformed front matter: {reason}") from None
    finally:
        if loader is not None:
            loader.dispose()


def _key_line(text: str, key: str) -> int | None:
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line.startswith(f"{key}:"):
            return number
        if line.strip() in ("---", "..."):
            return None
    return None


def _text(meta: dict, key: str) -> str:
    value = meta.get(key, "")
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise InputError(f"{key}: must be text, not a {type(value).__name__}")
    return str(value)


def _slug(meta: dict) -> str:
    """Checked here, not only by the library, so the message names the file and line."""
    slug = check_clean_text(_text(meta, "slug"), "slug").strip()
    if slug and not is_valid_slug(slug):
        raise InputError(f"slug: {slug!r} is not valid (lowercase letters, digits and hyphens, "
                         "at most 80)")
    return slug


def _uuid(meta: dict) -> str:
    """The article's identity when the file names it (``uuid:``), else ""."""
    text = _text(meta, "uuid").strip()
    if not text:
        return ""
    try:
        return str(_uuidlib.UUID(text))
    except ValueError:
        raise InputError(f"uuid: {text[:60]!r} is not a UUID") from None


def _article_from_meta(meta: dict, body: str) -> Article:
    for key in meta:
        if not isinstance(key, str):
            raise InputError(f"{key!r}: front matter keys must be text")
    title = check_clean_text(_text(meta, "title"), "title").strip()
    if not title:
        raise InputError("title: missing (add 'title:' to the front matter)")
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",") if t.strip()]
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise InputError("tags: must be a list of names, like [media, local news]")
    related = meta.get("related") or []
    if not isinstance(related, list) or not all(isinstance(r, (str, int)) for r in related):
        raise InputError("related: must be a list of slugs")
    date = meta.get("date", "")
    article = Article(
        title=title,
        body=check_clean_text(body, "body", multiline=True),
        kind=Kind.parse(_text(meta, "kind") or "news"),
        interviewee=check_clean_text(_text(meta, "interviewee"), "interviewee").strip(),
        author=check_clean_text(_text(meta, "author"), "author").strip(),
        date=parse_date(date) if date not in ("", None) else "",
        language=(_text(meta, "language") or "en").strip(),
        summary=check_clean_text(_text(meta, "summary"), "summary", multiline=True).strip(),
        slug=_slug(meta),
        status=Status.parse(_text(meta, "status") or "draft"),
        uuid=_uuid(meta),
        tags=tags,
        extra={k: _jsonable(v) for k, v in meta.items() if k not in KNOWN_KEYS},
    )
    if related:
        article.extra["related"] = [str(r) for r in related]
    return article


def _jsonable(value):
    """YAML dates and timestamps become ISO strings so unknown keys survive JSON storage."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


# libyaml's emitter writes the same text as PyYAML's Python one for article metadata
# (tests/core/test_importers.py compares them, so a build without libyaml exports alike) in a seventh of the time: front
# matter was a fifth of a bundle's cost.  No folding (width): folded long titles
# are where the two emitters differ.
_DUMPER_BASE = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_NO_FOLDING = 2**31 - 1


class _Dumper(_DUMPER_BASE):
    pass


def _str_presenter(dumper, data):
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_presenter)


def dump_front_matter(meta: dict, *, dumper: type = _Dumper) -> str:
    """YAML for front matter: keys in the given order, Unicode as is, lists inline."""
    return yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=None, width=_NO_FOLDING)


def dump_markdown(article: Article, *, related_slugs: list[str] | None = None) -> str:
    """The article as markdown with front matter: re-importable, Hugo/Pelican-ready."""
    meta: dict = {"title": article.title, "kind": article.kind.value if hasattr(article.kind, "value")
                  else str(article.kind)}
    for key in ("interviewee", "author"):
        if getattr(article, key):
            meta[key] = getattr(article, key)
    if article.date:
        meta["date"] = article.date
    meta["language"] = article.language or "en"
    if article.summary:
        meta["summary"] = article.summary
    meta["tags"] = list(article.tags)
    meta["slug"] = article.slug
    if article.uuid:  # the article's identity: re-imported anywhere, it finds this article only
        meta["uuid"] = article.uuid
    meta["status"] = article.status.value if hasattr(article.status, "value") else str(article.status)
    extra = dict(article.extra)
    extra.pop("related", None)
    if related_slugs:
        meta["related"] = list(related_slugs)
    for key in sorted(extra):
        meta[key] = extra[key]
    front = dump_front_matter(meta)
    body = article.body if article.body.endswith("\n") or not article.body else article.body + "\n"
    return f"---\n{front}---\n{body}"
