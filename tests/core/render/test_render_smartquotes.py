"""The fast smart-quotes pass gives the same sanitized HTML as Python-Markdown's smarty.

The reference is make_markdown's configuration with the original ``smarty``
extension in place of ours; both outputs go through the sanitizer, as every
render does (the original writes ``&rsquo;``, ours the character, and the
sanitizer serializes both as the character).
"""

from __future__ import annotations

import json

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.core.render.extensions import BylineExtension, make_markdown
from editor_app.core.render.sanitize import sanitize
from editor_app.core.render.smartquotes import SmartQuotesTreeprocessor


def _reference(interview: bool) -> markdown.Markdown:
    md = markdown.Markdown(
        extensions=["tables", "footnotes", "smarty", "attr_list", "fenced_code",
                    BylineExtension(interview=interview)],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    return md


OURS = {flag: make_markdown(interview=flag) for flag in (False, True)}
REFERENCE = {flag: _reference(flag) for flag in (False, True)}


def assert_same(text: str, interview: bool = False) -> None:
    ours = sanitize(OURS[interview].reset().convert(text))
    reference = sanitize(REFERENCE[interview].reset().convert(text))
    assert ours == reference, text


def test_ours_replaces_smarty_in_the_pipeline():
    md = OURS[False]
    assert isinstance(md.treeprocessors["smarty"], SmartQuotesTreeprocessor)
    assert '"' in md.ESCAPED_CHARS and "'" in md.ESCAPED_CHARS


@pytest.mark.parametrize("text", [
    "He said \"it's the '80s\" -- and then... nothing --- at all.",
    "'Tis the season; \"'Quoted' words\" and 'single \"double\"'.",
    "\"Hello,\" she said. 'Yes.' \"No!\"",
    "rock 'n' roll, the '90s, 'til dawn, dogs' bones, O'Neil's",
    "----- five, ---- four, .... four dots, .. two, - one",
    "\\\"escaped\\\" and \\'single\\' and `code 'with' \"quotes\"`",
    "*'emphasised'* **\"strong\"** [\"link\"](http://x.example/'q') ![a 'b'](x.png \"t 'i'\")",
    "&nbsp;\"nbsp\" &mdash;'dash' –\"en\" —'em' &#8211;\"x\" &#8212;'y'",
    "quote at end'\n\nline\"\nbreak' here",
    "| a 'b' | \"c\" |\n|---|---|\n| d--e | f... |",
    "Footnote.[^1]\n\n[^1]: It's \"here\" -- see.",
    "```\ncode 'stays' \"raw\" -- ...\n```\n\nafter 'it'",
    "<span>'inline' \"html\"</span> and <b>\"bold\"</b>'s",
    "\"'", "'\"", "'", "\"", "''''", "\"\"\"\"", "'\"'\"'\"", "--'--\"--",
])
def test_tricky_text_matches_smarty(text):
    assert_same(text)
    assert_same("Q: " + text + "\n\nA: " + text, interview=True)


PIECES = st.sampled_from([
    "'", '"', "--", "---", "...", "....", "-", ".", " ", "  ", "\n", "\n\n", "\t", "\\", "\\'",
    '\\"', "`", "*", "_", "[", "]", "(", ")", "!", "?", ",", ";", ":", "s", "80s", "'80s",
    "word", "it's", "O'", "a", "Z", "9", "&nbsp;", "&mdash;", "&ndash;", "&#8211;", "–", "—",
    "<b>", "</b>", "http://x.example/a'b", "<http://x.example/>", "Q: ", "A: ", "> ", "# ",
    "* ", "1. ", "|", "{: .x}", "[^1]", "\u00a0", "é", "\u2019",
])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=40).map("".join), st.booleans())
def test_generated_text_matches_smarty(text, interview):
    assert_same(text, interview)


def test_real_news_text_matches_smarty(shared_data):
    path = shared_data / "wikinews" / "wikinews_2019_2020.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    checked = 0
    for row in rows[:200]:
        assert_same(row["text"])
        checked += 1
    assert checked > 50


def test_pathological_inputs_match_smarty(shared_data):
    folder = shared_data / "pathological-markdown"
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        # The head has the same shapes; whole files take Python-Markdown itself minutes.
        assert_same(text[:1500])
