"""The pre-flight check: what must be true before a story is approved or exported.

Each check yields one ``CheckItem`` (code, level, message) so the GUI can draw
a checklist and the command line can print or serialise it. Levels:

- ``error``: approval, publishing and export need an explicit, recorded override;
- ``warning``: worth a look, never blocks (related news, headline a bit long,
  spell-check unavailable);
- ``ok``: the check passed (kept in the list so the checklist is complete).

Headline length: above ``HEADLINE_WARN`` (80) characters a headline is cut in
search results and social cards (a warning); above ``HEADLINE_MAX`` (110) it
no longer fits the site's two-line headline slot (an error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from editor_app.core.models import Kind
from editor_app.core.text import is_placeholder_title

if TYPE_CHECKING:
    from editor_app.core.library import Library

HEADLINE_WARN = 80
HEADLINE_MAX = 110
ERROR, WARNING, OK = "error", "warning", "ok"

_FENCE_OPEN = re.compile(r"(```|~~~)")
_FENCE_CLOSE = re.compile(r"(```|~~~)[ \t]*")
_BACKTICK_RUN = re.compile(r"`+")
_NOT_NEWLINE = re.compile(r"[^\n]")
# [text](target) with one level of balanced parentheses in the target.
_INLINE_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)")
_REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(\S.*)$", re.M)
_AUTOLINK = re.compile(r"<((?:https?|mailto|javascript|ftp|file|data):[^>]*)>", re.I)
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
_HTML_IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_ASSET_TARGET = re.compile(r"asset:((?:[0-9a-f]{64})\.(?:png|jpe?g|gif|webp|avif))")
_HTML_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_QUESTION = re.compile(r"^\s{0,3}(?:\*\*)?Q:", re.M)
_TITLE_SUFFIX = re.compile(r"""\s+(?:"[^"]*"|'[^']*'|\([^)]*\))\s*$""")
ALLOWED_SCHEMES = ("http", "https", "mailto", "asset")


@dataclass(frozen=True)
class Spot:
    """One place in the body a check found (offsets into the article's body): the
    checklist names it and jumps to it."""

    start: int
    end: int
    label: str
    #: what was found ("spelling", "repeat", "no_alt", "file_name_alt", "img_no_alt",
    #: "link"), so the GUI can write the label in its own language from ``data``
    kind: str = ""
    data: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class CheckItem:
    code: str
    level: str
    message: str
    #: the places in the body this check is about, in text order (may be empty)
    spots: tuple[Spot, ...] = ()
    #: which of the check's results this is ("missing", "present"…) and the values
    #: its message was written from: the GUI writes the message in its own language
    outcome: str = ""
    data: dict = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict:
        return {"code": self.code, "level": self.level, "message": self.message}


@dataclass(frozen=True)
class PreflightResult:
    items: list[CheckItem] = field(default_factory=list)

    @property
    def errors(self) -> list[CheckItem]:
        return [i for i in self.items if i.level == ERROR]

    @property
    def warnings(self) -> list[CheckItem]:
        return [i for i in self.items if i.level == WARNING]

    @property
    def ok(self) -> bool:
        """True when no error-level check failed (warnings never block)."""
        return not self.errors

    def item(self, code: str) -> CheckItem:
        return next(i for i in self.items if i.code == code)

    def as_dict(self) -> dict:
        return {"ok": self.ok, "errors": [i.code for i in self.errors],
                "warnings": [i.code for i in self.warnings],
                "items": [i.as_dict() for i in self.items]}


def strip_code(body: str) -> str:
    """The body with code blocks and spans blanked, so links in code are not checked.

    Blanking (not removing) keeps offsets, should a caller want positions later.
    Both passes are linear scans, not backtracking regexes: a pasted file of
    thousands of unmatched backtick runs must not stall an export (#9).
    """
    return _strip_code_spans(_strip_fences(body))


def _blank(text: str) -> str:
    return _NOT_NEWLINE.sub(" ", text)


def _strip_fences(body: str) -> str:
    """Blank ``` / ~~~ blocks: an opening line starting with the marker, up to the
    first later line holding only that marker (and spaces); an unclosed opener is text."""
    lines = body.split("\n")
    openers = [m.group(1) if (m := _FENCE_OPEN.match(line)) else None for line in lines]
    closers = [m.group(1) if (m := _FENCE_CLOSE.fullmatch(line)) else None for line in lines]
    # For each opener, the first later closing line of its marker: one pass
    # from the end, remembering the nearest closer of each marker.
    after: list[int | None] = [None] * len(lines)
    upcoming: dict[str, int] = {}
    for i in range(len(lines) - 1, -1, -1):
        if openers[i]:
            after[i] = upcoming.get(openers[i])
        if closers[i]:
            upcoming[closers[i]] = i
    out, i = [], 0
    while i < len(lines):
        j = after[i]
        if openers[i] and j is not None:
            out.extend(_blank(line) for line in lines[i:j + 1])
            i = j + 1
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def _strip_code_spans(text: str) -> str:
    """Blank inline code: a run of N backticks up to the next run of exactly N.

    A run with no partner of its length is plain text (CommonMark), and the
    scan goes on after it.
    """
    runs = [(m.start(), m.end()) for m in _BACKTICK_RUN.finditer(text)]
    if len(runs) < 2:
        return text
    partner: list[int | None] = [None] * len(runs)
    later: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        length = runs[i][1] - runs[i][0]
        partner[i] = later.get(length)
        later[length] = i
    pieces, done, i = [], 0, 0
    while i < len(runs):
        j = partner[i]
        if j is None:
            i += 1
            continue
        start, end = runs[i][0], runs[j][1]
        pieces.append(text[done:start])
        pieces.append(_blank(text[start:end]))
        done, i = end, j + 1
    pieces.append(text[done:])
    return "".join(pieces)


#: why a link target is malformed, by problem code (``link_problem``)
LINK_PROBLEMS = {
    "empty": "empty link target",
    "space": "{target} contains a space",
    "scheme": "{target}: {scheme}: links are not allowed",
    "no_host": "{target} has no host",
    "not_email": "{target} is not an e-mail address",
    "no_asset": "{target} names no asset",
}


def check_link(target: str) -> str | None:
    """Why a link target is malformed, or None when it is fine."""
    problem = link_problem(target)
    return LINK_PROBLEMS[problem[0]].format(**problem[1]) if problem else None


def link_problem(target: str) -> tuple[str, dict] | None:
    """What is wrong with a link target, as (code of LINK_PROBLEMS, its values), or None."""
    raw = target.strip()
    if raw.startswith("<") and ">" in raw:
        raw = raw[1:raw.index(">")]
    else:
        raw = _TITLE_SUFFIX.sub("", raw)
    if not raw:
        return "empty", {}
    shown = {"target": repr(raw[:60])}
    if any(c.isspace() for c in raw):
        return "space", shown
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if not scheme:
        return None  # relative link (another bundle, an anchor)
    if scheme not in ALLOWED_SCHEMES:
        return "scheme", {**shown, "scheme": scheme}
    if scheme in ("http", "https") and not parts.netloc:
        return "no_host", shown
    if scheme == "mailto" and "@" not in parts.path:
        return "not_email", shown
    if scheme == "asset" and not (parts.path or parts.netloc):
        return "no_asset", shown
    return None


def _check_headline(title: str) -> list[CheckItem]:
    title = title.strip()
    if not title:
        return [CheckItem("headline", ERROR, "Headline missing", outcome="missing")]
    if is_placeholder_title(title):  # a new story nobody has named yet (#17)
        return [CheckItem("headline", ERROR, f"Headline missing (still “{title}”)",
                          outcome="placeholder", data={"title": title})]
    n = len(title)
    if n > HEADLINE_MAX:
        return [CheckItem("headline", ERROR,
                          f"Headline too long: {n} characters (at most {HEADLINE_MAX})",
                          outcome="too_long", data={"n": n, "max": HEADLINE_MAX})]
    if n > HEADLINE_WARN:
        return [CheckItem("headline", WARNING,
                          f"Headline is {n} characters; above {HEADLINE_WARN} it is cut "
                          "in search results", outcome="long", data={"n": n, "warn": HEADLINE_WARN})]
    return [CheckItem("headline", OK, f"Headline present ({n} characters)",
                      outcome="present", data={"n": n})]


#: Alt text that names a file or says nothing ("IMG_2041.jpg", "photo"): not a description.
_FILE_LIKE_ALT = re.compile(
    r"[^\s/\\]*\.(?:png|jpe?g|gif|webp|avif|heic|tiff?|bmp|svg)"
    r"|(?:img|dsc|dscn|dscf|pxl|dcim|mvimg|wp|screenshot|screen shot|pasted[ _-]?image)"
    r"(?:[ _-]*[\w.-]*\d[\w .-]*)?"
    r"|(?:image|photo|picture|img|pic|graphic|untitled)(?:[ _-]?\d+)?", re.I)


def looks_like_a_file_name(alt: str) -> bool:
    """Whether alt text is a file name or a placeholder rather than a description (#17)."""
    return bool(_FILE_LIKE_ALT.fullmatch(alt.strip()))


def _line_of(body: str, offset: int) -> int:
    return body.count("\n", 0, offset) + 1


def _check_images(body: str) -> CheckItem:
    missing: list[str] = []
    file_names: list[str] = []
    spots: list[Spot] = []
    for m in _INLINE_LINK.finditer(body):
        if m.group(1) != "!":
            continue
        alt = m.group(2).strip()
        if not alt:
            missing.append(m.group(3).strip()[:40])
            line = _line_of(body, m.start())
            spots.append(Spot(m.start(), m.end(), f"image without alt text, line {line}",
                              "no_alt", {"line": line}))
        elif looks_like_a_file_name(alt):
            file_names.append(alt[:40])
            line = _line_of(body, m.start())
            spots.append(Spot(m.start(), m.end(), f"alt text “{alt[:40]}” is a file name, line {line}",
                              "file_name_alt", {"alt": alt[:40], "line": line}))
    for tag in _HTML_IMG.finditer(body):
        alt = _HTML_ALT.search(tag.group(0))
        text = "".join(g or "" for g in alt.groups()).strip() if alt else ""
        if not text or looks_like_a_file_name(text):
            (missing if not text else file_names).append("<img>" if not text else text[:40])
            line = _line_of(body, tag.start())
            spots.append(Spot(tag.start(), tag.end(), f"<img> without a description, line {line}",
                              "img_no_alt", {"line": line}))
    if missing or file_names:
        parts = []
        if missing:
            parts.append(f"{len(missing)} image(s) without alt text: {', '.join(missing[:3])}")
        if file_names:
            parts.append(f"{len(file_names)} image(s) with a file name for alt text "
                         f"({', '.join(file_names[:3])}): describe what each shows")
        return CheckItem("images_alt", ERROR, "; ".join(parts), tuple(spots), "problems",
                         {"missing": len(missing), "missing_names": ", ".join(missing[:3]),
                          "file_names": len(file_names), "file_names_shown": ", ".join(file_names[:3])})
    return CheckItem("images_alt", OK, "Every image has alt text", outcome="ok")


def image_targets(body: str) -> list[str]:
    """Every picture the body shows: markdown image targets and ``<img src>``, in order."""
    targets = []
    for m in _INLINE_LINK.finditer(body):
        if m.group(1) == "!":
            raw = m.group(3).strip()
            raw = raw[1:raw.index(">")] if raw.startswith("<") and ">" in raw else \
                _TITLE_SUFFIX.sub("", raw)
            targets.append(raw.strip())
    targets += [m.group(2).strip() for m in _HTML_IMG_SRC.finditer(body)]
    return targets


def _check_images_exist(library: Library, body: str) -> CheckItem:
    """Every picture must be in the library (or on the web): export needs its bytes.

    ``asset:<sha256>.<ext>`` names the library must hold; a file path (``images/p.png``)
    was never brought in; both would fail at export with "missing from the library".
    """
    missing: list[str] = []
    assets: list[str] = []
    for target in image_targets(body):
        if not target or target.startswith(("http://", "https://", "//")):
            continue
        match = _ASSET_TARGET.fullmatch(target)
        if match:
            assets.append(match.group(1))
        else:
            missing.append(target[:60])
    absent = set(library.missing_assets(assets))
    missing += [f"asset:{name[:12]}…" for name in assets if name in absent]
    if missing:
        shown = ", ".join(dict.fromkeys(missing[:3]))
        more = f" (and {len(missing) - 3} more)" if len(missing) > 3 else ""
        return CheckItem("images", ERROR, f"{len(missing)} image(s) missing from the library: "
                         f"{shown}{more}; insert them again (Insert ▸ Image)", outcome="missing",
                         data={"count": len(missing), "names": shown,
                               "more": max(0, len(missing) - 3)})
    return CheckItem("images", OK, "Every image is in the library", outcome="ok")


def _check_related(pinned) -> CheckItem:
    """The chosen related news, and the spiked ones that will not appear under the story."""
    spiked = [a.slug for a in pinned if a.status == "spiked"]
    running = len(pinned) - len(spiked)
    if spiked:
        names = ", ".join(spiked[:3]) + ("…" if len(spiked) > 3 else "")
        return CheckItem("related", WARNING,
                         f"{running} related article(s) will appear; {len(spiked)} pinned "
                         f"{'is' if len(spiked) == 1 else 'are'} spiked and will not: {names}",
                         outcome="spiked", data={"running": running, "spiked": len(spiked),
                                                 "names": names})
    if running:
        return CheckItem("related", OK, f"{running} related article(s) chosen",
                         outcome="chosen", data={"n": running})
    return CheckItem("related", WARNING, "No related news chosen", outcome="none")


def _check_links(body: str) -> CheckItem:
    problems = []
    spots = []
    found = [(m, m.group(3)) for m in _INLINE_LINK.finditer(body) if m.group(1) != "!"]
    found += [(m, m.group(1)) for m in _REFERENCE_DEF.finditer(body)]
    found += [(m, m.group(1)) for m in _AUTOLINK.finditer(body)]
    for m, target in sorted(found, key=lambda item: item[0].start()):
        problem = link_problem(target)
        if problem:
            reason = LINK_PROBLEMS[problem[0]].format(**problem[1])
            problems.append(problem)
            line = _line_of(body, m.start())
            spots.append(Spot(m.start(), m.end(), f"{reason}, line {line}", "link",
                              {"problem": problem[0], **problem[1], "line": line}))
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        reasons = [LINK_PROBLEMS[code].format(**values) for code, values in problems[:3]]
        return CheckItem("links", ERROR, "Malformed link: " + "; ".join(reasons) + more,
                         tuple(spots), "malformed",
                         {"problems": problems[:3], "more": max(0, len(problems) - 3)})
    return CheckItem("links", OK, "Links are well-formed", outcome="ok")


def _spelling_issues(library: Library, article) -> list | str:
    """Unacknowledged spelling issues, or a reason string when spell-check is unavailable.

    The spelling package is imported lazily: it is optional for this check (a
    missing dictionary makes a warning, not a blocked approval).
    """
    try:
        from editor_app.core.spelling import load_checker
    except ImportError:
        return "spell-check unavailable"
    try:
        checker = _article_checker(library, article, load_checker)
        issues = checker.check(article.body)
    except Exception as exc:  # a missing dictionary must not break the checklist
        return f"spell-check unavailable ({exc})"
    # The checker normally honours these lists already; filtering again keeps the
    # count right with a checker that does not know about the library.
    ignored = library.dictionary_words("newsroom") | library.dictionary_words(f"article:{article.id}")
    ignored_folded = {w.casefold() for w in ignored}
    return [issue for issue in issues
            if (_issue_word(issue) or "?").casefold() not in ignored_folded]


def _article_checker(library: Library, article, load_checker):
    """The checker the editor would use: newsroom words, article ignores, names from metadata."""
    try:
        from editor_app.core.spelling import Dictionaries, article_names
    except ImportError:
        return load_checker(article.language or "en")
    names = article_names(article)
    return Dictionaries(store=library, article_id=article.id).checker(
        article.language or "en", metadata_names=names)


def _issue_word(issue) -> str | None:
    for getter in (lambda i: i.word, lambda i: i["word"], lambda i: i.text, lambda i: i[0]):
        try:
            value = getter(issue)
        except (AttributeError, KeyError, IndexError, TypeError):
            continue
        if isinstance(value, str):
            return value
    return None


def _check_spelling(library: Library, article, spelling_issue_count: int | None,
                    spelling_issues=None) -> CheckItem:
    """``spelling_issues``: the editor's live issues (word, start, end), which already
    honour every ignore list; else a count alone, else a pass over the stored text."""
    if not article.spellcheck:
        return CheckItem("spelling", WARNING, "Spell-check is turned off for this article",
                         outcome="off")
    found = spelling_issues
    if found is None and spelling_issue_count is None:
        found = _spelling_issues(library, article)
        if isinstance(found, str):
            return CheckItem("spelling", WARNING, found[0].upper() + found[1:],
                             outcome="unavailable", data={"reason": found})
    if found is None:  # only a number was given: nothing to name
        count, examples, spots, named = spelling_issue_count, "", (), ""
    else:
        words = [_issue_word(i) or "?" for i in found]
        count = len(words)
        shown = list(dict.fromkeys(words))[:5]
        named = ", ".join(shown) + ("…" if len(set(words)) > 5 else "")
        examples = ": " + named
        spots = tuple(_spelling_spot(article.body, issue) for issue in found)
    if count:
        return CheckItem("spelling", ERROR,
                         f"{count} spelling issue(s) not fixed or ignored{examples}", spots,
                         "issues", {"count": count, "words": named})
    return CheckItem("spelling", OK, "No spelling issues left", outcome="none")


def _spelling_spot(body: str, issue) -> Spot:
    word = _issue_word(issue) or "?"
    start = getattr(issue, "start", 0)
    end = getattr(issue, "end", start)
    repeat = getattr(issue, "kind", "") == "repeat"
    kind = "repeated word" if repeat else "spelling"
    line = _line_of(body, start)
    return Spot(start, end, f"“{word}”, {kind}, line {line}", "repeat" if repeat else "spelling",
                {"word": word, "line": line})


def preflight(library: Library, article_id: int, *, spelling_issue_count: int | None = None,
              spelling_issues=None) -> PreflightResult:
    """Run every check on the stored article.

    ``spelling_issues`` (the GUI's live spell pass: objects with word, start, end;
    it already honours ignore lists) or just their ``spelling_issue_count`` spare
    checking the text again; the issues let the checklist name each one.
    """
    article = library.get_article(article_id)
    body = strip_code(article.body)
    items = _check_headline(article.title)
    if library.in_conflict(article.id):  # listed only when it applies (#14)
        items.append(CheckItem("conflict", ERROR, "In conflict with a version from another "
                               "library: resolve the conflict first", outcome="conflict"))
    items.append(CheckItem("summary", OK, "Summary present", outcome="present")
                 if article.summary.strip()
                 else CheckItem("summary", ERROR, "Summary missing", outcome="missing"))
    n_tags = len(article.tags)
    items.append(CheckItem("tags", OK, f"{n_tags} tag(s)", outcome="present", data={"n": n_tags})
                 if n_tags else CheckItem("tags", ERROR, "No tags: add at least one",
                                          outcome="missing"))
    open_threads = library.unresolved_thread_count(article.id)
    items.append(CheckItem("comments", ERROR, f"{open_threads} unresolved comment(s)",
                           outcome="open", data={"n": open_threads})
                 if open_threads else CheckItem("comments", OK, "No unresolved comments",
                                                outcome="none"))
    items.append(_check_spelling(library, article, spelling_issue_count, spelling_issues))
    items.append(_check_images(body))
    if article.kind == Kind.INTERVIEW:
        items.append(CheckItem("questions", OK, "The interview has questions", outcome="present")
                     if _QUESTION.search(body)
                     else CheckItem("questions", ERROR,
                                    "Interview without questions (no paragraph starts with Q:)",
                                    outcome="missing"))
    items.append(_check_images_exist(library, body))
    items.append(_check_related(library.pinned_related(article.id)))
    items.append(_check_links(body))
    return PreflightResult(items)
