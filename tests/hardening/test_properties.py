"""Property tests (hypothesis): the promises that must hold for ANY input, not just examples.

- import of exported markdown gives back the same article (dump_markdown -> parse_markdown);
- the renderer raises nothing but RenderError, whatever the markdown;
- every token of the spelling tokenizer is exactly the source text at its offsets.
Each part skips when its module has not landed.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.core.importers import KNOWN_KEYS, dump_markdown, parse_markdown
from editor_app.core.models import Article, Kind, Status
from editor_app.core.text import BIDI_CONTROLS

# -- strategies ----------------------------------------------------------------------


def _clean_char(c: str) -> bool:
    return (c not in BIDI_CONTROLS and unicodedata.category(c) not in ("Cc", "Cs")
            and c not in "\u2028\u2029\x85")


_LINE_CHARS = st.characters(codec="utf-8").filter(_clean_char)
_line = st.text(_LINE_CHARS, max_size=60).map(str.strip)
_title = st.text(_LINE_CHARS, min_size=1, max_size=120).map(str.strip).filter(bool)
_multiline = st.lists(_line, max_size=5).map("\n".join).map(str.strip)
_body_line = st.one_of(
    _line,
    st.sampled_from(["Q: A question?", "A: An answer.", "---", "...", "!!! aside \"Box\"",
                     "    indented code", "# Heading", "* item", "> quote", "key: value",
                     "```", "\t tab", "", "   "]),
)
_body = st.lists(_body_line, max_size=12).map("\n".join).map(
    lambda b: (b.lstrip("\n") + "\n") if b.strip("\n") else "")
_slug = st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}", fullmatch=True)
_tag = st.text(_LINE_CHARS, min_size=1, max_size=30).map(str.strip).filter(bool)
_date = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(dt.date.isoformat)
_json_scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), _line)
_extra_key = st.from_regex(r"[a-z][a-z_]{0,15}", fullmatch=True).filter(lambda k: k not in KNOWN_KEYS)
_extra = st.dictionaries(_extra_key, st.one_of(_json_scalar, st.lists(_json_scalar, max_size=3)),
                         max_size=3)

articles = st.builds(
    Article,
    title=_title,
    body=_body,
    kind=st.sampled_from(list(Kind)),
    interviewee=_line,
    author=_line,
    date=st.one_of(st.just(""), _date),
    language=st.sampled_from(["en", "de", "lv", "fr"]),
    summary=_multiline,
    slug=_slug,
    status=st.sampled_from(list(Status)),
    tags=st.lists(_tag, max_size=4, unique=True),
    extra=_extra,
)

FIELDS = ("title", "body", "kind", "interviewee", "author", "date", "language", "summary",
          "slug", "status", "tags", "extra")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_exported_markdown_imports_back_unchanged(article):
    text = dump_markdown(article)
    back = parse_markdown(text, source="round-trip.md")
    for name in FIELDS:
        assert getattr(back, name) == getattr(article, name), (name, text)


# -- the renderer --------------------------------------------------------------------

_MD_PIECES = st.sampled_from([
    "*", "**", "_", "__", "`", "```", "[", "]", "(", ")", "<", ">", "!", "#", "-", "+", "1.",
    "\n", "\n\n", "    ", "\t", "|", "\\", "&", ";", "Q:", "A:", "!!! aside \"T\"", "[^1]",
    "[x]: http://e.com", "<script>", "javascript:", "<!--", "-->", "&#0;", "\x00", "word",
    "ünï", "\u202e", "asset:", "![a](asset:ab.png)", "<div>", "}", "{", "$$",
])
markdown = st.one_of(
    st.lists(_MD_PIECES, max_size=60).map("".join),
    st.text(max_size=300),
    st.text(st.characters(codec="utf-8"), max_size=200),
)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=markdown, kind=st.sampled_from(["news", "interview"]))
def test_render_raises_nothing_but_render_error(renderer, text, kind):
    from editor_app.core.render import RenderError

    try:
        html = renderer.render_body(text, kind=kind)
    except RenderError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(html, str)
    assert "<script" not in html.lower()


# -- the spelling tokenizer ----------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(markdown)
def test_tokenizer_offsets_map_back_to_the_source(text):
    spelling = pytest.importorskip("editor_app.core.spelling")
    previous_end = 0
    for token in spelling.tokenize(text):
        assert text[token.start:token.end] == token.text
        assert token.text and token.start >= previous_end
        previous_end = token.end
        line, col = spelling.line_col(text, token.start)
        assert text.split("\n")[line - 1][col - 1:col - 1 + len(token.text)].startswith(
            token.text.split("\n")[0])
