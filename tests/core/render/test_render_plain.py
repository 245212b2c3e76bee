"""The plain-paragraph shortcut gives exactly what Python-Markdown gives (#7).

``Converter.render_block`` skips the Markdown pass for a block that
``plain_paragraph`` accepts; here every such block is also converted the long
way and both fragments must be identical, on real news text, the samples and
generated text built from the characters that matter.
"""

from __future__ import annotations

import json
import pathlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.core.render.convert import Converter, make_fragment, plain_paragraph
from editor_app.core.render.source import prepare_body

SAMPLES = pathlib.Path(__file__).resolve().parents[3] / "resources" / "samples"
CONVERTER = Converter()


def long_way(text: str, interview: bool):
    return make_fragment(CONVERTER.convert(text, interview))


def check_block(text: str, interview: bool) -> bool:
    """Whether the shortcut took ``text``; asserts it gave the long way's fragment."""
    taken = plain_paragraph(text, interview)
    assert CONVERTER.render_block(text, interview) == long_way(text, interview), text
    return taken


def test_news_paragraphs_take_the_shortcut_with_the_same_html(shared_data):
    path = shared_data / "wikinews" / "wikinews_2019_2020.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    taken = total = 0
    for row in rows:
        for interview in (False, True):
            for block in prepare_body(row["text"], "interview" if interview else "news")[2]:
                total += 1
                taken += check_block(block.text, interview)
    assert total > 5000
    assert taken / total > 0.6  # the shortcut must matter on real copy, or it is dead code


def test_sample_articles_blocks():
    for path in sorted(SAMPLES.glob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        for interview in (False, True):
            for block in prepare_body(body, "interview" if interview else "news")[2]:
                check_block(block.text, interview)


@pytest.mark.parametrize("text", [
    "Plain text.", "Two\nlines.", "It's \"quoted\" -- and... more---", "Q: a question?",
    "A: an answer", "Q:x", " lead", "trail ", "x  \ny", "1. item", "1990s were", "- a", "+ b",
    "= c", "x\n===", "x\n---", "> q", "a * b", "a_b", "[x]", "a & b", "<b>", "#5", "x\ty",
    "x\u00a0y", "x\u2028y", "\ufeffx", "a\x0bb", "é’“”…", "x\n", "\nx", "'", "\"",
    "[editor's note]", "a [b] c", "[a](b)", "[a] (b)", "[a][b]", "[a] [b]", "[a]: b", "[^1]",
    "x![y]", "Wow!", "! x", "AT&T", "&amp;", "&#38;", "&#x26;", "&copy", "R&D; x", "#tag",
    "x\n#tag", "~x", "x\n~~~", "2019. Year", "x\n2019. y", "x\n2019 y", "\xa0x", "x\xa0",
    "x\u200dy", "\u200dx", "a\u2009b", "x\n\xa0y", "[a]\n(b)", "[a\nb](c)",
])
def test_edge_cases(text):
    for interview in (False, True):
        check_block(text, interview)


TEXT = st.lists(st.sampled_from([
    "a", "Z", "é", "9", "1990s", " ", "\n", "'", '"', "-", "--", "---", ".", "...", ",", ";",
    ":", "?", "(", ")", "%", "/", "@", "$", "Q:", "A:", "'80s", "it's", "O'Neil", "\u2019",
    "—", "–", "http://x.example/a", "\t", "  \n", "=", "+", "*", "_", "&", "<", "[", "!",
    "]", "(", ")", "[a]", "[^1]", "](x)", "&amp;", "&#1;", "&x", "#", "~", "\xa0", "\u2009",
    "\u200d", "\u2028", "\ufeff", "2019.", "1. ",
]), min_size=1, max_size=30).map("".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.booleans())
def test_generated_blocks(text, interview):
    for block in prepare_body(text, "interview" if interview else "news")[2]:
        check_block(block.text, interview)
