"""Block-by-block rendering gives exactly the page a whole-document render gives."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.core.render import Renderer
from editor_app.core.render.assemble import assemble
from editor_app.core.render.convert import Converter, make_fragment
from editor_app.core.render.source import normalize_source
from tests.core.render.render_support import load_wikinews, wikinews_to_markdown

SNIPPETS = [
    "A plain paragraph with *emphasis*, **strong** and `code`.",
    "Two lines\nof one paragraph.",
    'Q: A question about "quotes" -- and dashes...?',
    "A: An explicit answer.",
    "**Q:** A bold question?",
    "An answer without prefix.",
    "# A heading",
    "## Second level",
    "Setext heading\n==============",
    "Text then\n# heading inside",
    "- item one\n- item two",
    "* star item\n    continued lazily",
    "1. first\n2. second",
    "  - spaced item",
    "- loose item",
    "    indented code",
    "    more indented",
    "        deeply indented",
    "```\nfenced\n\ncode\n```",
    "```python\nx = 1\n\n\ny = 2\n```",
    "~~~\ntilde fence\n~~~",
    "```\nunclosed fence",
    "```",
    "> a quote",
    "> quote\nlazy continuation",
    "> > nested quote",
    '!!! aside "About the forum"\n    Boxed text.',
    "!!! aside\n    Untitled box.",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "***",
    "---",
    "Para\n---",
    "[link](https://example.org) and ![img](asset:abc.png)",
    "<span>inline html</span> and <b>bold</b>",
    "<div>\nblock html\n</div>",
    "Text {: .question }",
    "Para with trailing spaces   ",
    "\t tab-indented",
    "   ",
    "Ünïcödé — “quoted” text …",
    "A: ",
    "Q:",
]
SEPARATORS = ["\n", "\n\n", "\n\n\n", "\n  \n"]


def reference_render(text: str, kind: str) -> str:
    """What one Python-Markdown call over the whole document gives, assembled the same way."""
    html = Converter().convert(normalize_source(text), kind == "interview")
    return assemble([(0, make_fragment(html))], interview=kind == "interview")


def without_lines(html: str) -> str:
    """Drop data-line (a single whole-document fragment has them all at 0) and the blank
    lines an empty block (a reference definition) leaves between two elements."""
    return re.sub(r">\n\n+<", ">\n<", re.sub(r' data-line="\d+"', "", html))


@pytest.fixture(scope="module")
def cold_renderer():
    with Renderer() as instance:
        yield instance


def cold(renderer: Renderer, text: str, kind: str) -> str:
    renderer.clear_cache()
    return renderer.render_body(text, kind=kind)


documents = st.lists(
    st.tuples(st.sampled_from(SNIPPETS), st.sampled_from(SEPARATORS)), min_size=1, max_size=14
).map(lambda parts: "".join(snippet + separator for snippet, separator in parts))
kinds = st.sampled_from(["news", "interview"])
fast = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@fast
@given(text=documents, kind=kinds)
def test_block_render_equals_whole_document_render(renderer, text, kind):
    assert without_lines(renderer.render_body(text, kind=kind)) == without_lines(
        reference_render(text, kind)
    )


@fast
@given(
    text=documents,
    kind=kinds,
    edits=st.lists(
        st.tuples(
            st.integers(0, 10_000), st.sampled_from(["x", "\n", "\n\n", " ", "-", "`", ">", "Q: "])
        ),
        max_size=5,
    ),
)
def test_incremental_render_equals_cold_render(renderer, cold_renderer, text, kind, edits):
    renderer.render_body(text, kind=kind)  # warm the cache with the old text
    for position, insert in edits:
        position %= len(text) + 1
        text = text[:position] + insert + text[position:]
        assert renderer.render_body(text, kind=kind) == cold(cold_renderer, text, kind)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=documents, kind=kinds)
def test_documents_with_references_equal_whole_document_render(renderer, text, kind):
    text = (
        "See [the site][site] and a note[^n].\n\n"
        + text
        + "\n\n[site]: https://example.org\n\n[^n]: A note.\n"
    )
    assert without_lines(renderer.render_body(text, kind=kind)) == without_lines(
        reference_render(text, kind)
    )


def test_data_line_points_at_the_block_start(renderer):
    text = "One.\n\n\n\n- a\n- b\n\n    code\n\n> q\n\n> q2\n\nQ: Last?"
    html = renderer.render_body(text, kind="interview")
    assert re.findall(r'data-line="(\d+)"', html) == ["0", "4", "9", "13"]


def _interviews(shared_data):
    rows = [
        row
        for row in load_wikinews(shared_data)
        if "((WN))" in row["text"] or "((Wikinews))" in row["text"]
    ]
    assert rows, "expected interviews in the Wikinews sample"
    return sorted(rows, key=lambda row: -len(row["text"]))[:6]


def test_wikinews_interviews_render_like_whole_documents(renderer, shared_data):
    for row in _interviews(shared_data):
        text = wikinews_to_markdown(row["text"])
        html = renderer.render_body(text, kind="interview")
        assert 'class="question"' in html and 'class="answer"' in html
        assert without_lines(html) == without_lines(reference_render(text, "interview")), row[
            "title"
        ]


def test_wikinews_edits_render_like_cold_renders(renderer, cold_renderer, shared_data):
    rng = random.Random(7)
    text = wikinews_to_markdown(_interviews(shared_data)[0]["text"])
    renderer.render_body(text, kind="interview")
    for _ in range(25):
        position = rng.randrange(len(text))
        text = (
            text[:position]
            + rng.choice(["a", " ", "\n\n", "Q: ", "\n\n## Heading\n\n", "*"])
            + text[position:]
        )
        assert renderer.render_body(text, kind="interview") == cold(
            cold_renderer, text, "interview"
        )
