"""``byline spell ID|SLUG|FILE [--lang L] [--json]``: spell-check headlessly.

A FILE (an existing .md/.markdown/.txt path) is checked as it is on disk, so line and
column point into that file; its front matter's ``language``, interviewee and author are
honoured. Anything else is looked up in the library as an article id or slug, and its body
is checked. The personal word list and, when a library is at hand, the newsroom
dictionary and the article's ignore list apply, as in the editor.
"""

from __future__ import annotations

import pathlib

from editor_app.core.errors import BylineError
from editor_app.core.spelling import (
    Dictionaries,
    article_names,
    default_personal_path,
    line_col,
)

FILE_SUFFIXES = (".md", ".markdown", ".txt")


def register(sub) -> None:
    p = sub.add_parser("spell", help="spell-check an article or a markdown/text file")
    p.add_argument("target", metavar="ID|SLUG|FILE")
    p.add_argument("--lang", default=None, help="language code (default: the article's own)")
    p.add_argument("--no-names", action="store_true",
                   help="do not treat consistently capitalized unknown words as names")
    p.set_defaults(func=cmd_spell)


def _is_file(target: str) -> bool:
    path = pathlib.Path(target)
    return path.suffix.lower() in FILE_SUFFIXES and path.is_file()


def _library_if_present(ctx):
    """The library for the newsroom dictionary when checking a loose file, if one exists."""
    try:
        if not ctx.library_path.exists():
            return None
        return ctx.library(create=False)
    except BylineError as exc:
        ctx.warn(f"newsroom dictionary not used: {exc}")
        return None


def cmd_spell(args, ctx) -> int:
    from editor_app.core.importers import decode_text, read_article_file

    if _is_file(args.target):
        path = pathlib.Path(args.target)
        article = read_article_file(path)
        text = decode_text(path.read_bytes(), str(path))
        where = str(path)
        store, article_id = _library_if_present(ctx), None
    else:
        store = ctx.library()
        article = store.get_article(args.target)
        text, where, article_id = article.body, article.slug or str(article.id), article.id

    dictionaries = Dictionaries(
        personal_path=default_personal_path(), store=store, article_id=article_id
    )
    checker = dictionaries.checker(
        args.lang or article.language,
        metadata_names=article_names(article),
        title=article.title,
        infer_names=not args.no_names,
    )
    for problem in checker.problems:  # a broken dictionary: said, and checking goes on
        ctx.warn(problem)
    issues = checker.check(text)
    if any(issue.kind == "spelling" for issue in issues):
        checker.prepare_suggestions()  # one to two seconds, for full-quality suggestions
    issues = checker.with_suggestions(issues)

    rows = []
    for issue in issues:
        line, col = line_col(text, issue.start)
        rows.append({"word": issue.word, "line": line, "col": col,
                     "suggestions": list(issue.suggestions), "kind": issue.kind})
    if ctx.json:
        ctx.out_json(rows)
    else:
        for row in rows:
            if row["kind"] == "repeat":
                fix = "repeated word"
            else:
                fix = ", ".join(row["suggestions"]) or "(no suggestions)"
            ctx.out(f"{where}:{row['line']}:{row['col']}: {row['word']} -> {fix}")
    return 0
