"""The first screenful first (#20): ``head_chars`` renders the beginning of a body as it
renders in the whole, and the page around it is made in the render worker, so that the
application shows a preview without importing the markdown or template stack."""

from __future__ import annotations

import json
import subprocess
import sys

from editor_app.core.models import Article, Kind
from editor_app.core.render.article import build_article


def _interview(questions: int = 60) -> Article:
    parts = ["Lede with *emphasis*."]
    for n in range(questions):
        parts += [f"Q: Question number {n}?", f"Answer number {n} goes on for a while."]
    parts += ["## About the author", "Not an answer."]
    return Article(title="Forum", body="\n\n".join(parts), kind=Kind.INTERVIEW,
                   interviewee="Dr. Jane Roe", author="Sam Reporter", date="2019-03-28",
                   language="en", slug="forum")


def test_the_head_is_the_beginning_of_the_whole_body(renderer):
    article = _interview()
    whole = renderer.render_body(article.body, kind="interview")
    head = renderer.render_body(article.body, kind="interview", head_chars=300)
    assert whole.startswith(head) and len(head) < len(whole) / 4
    # enough to fill the asked characters, and cut between blocks
    assert "Question number 4?" in head and "Answer number 59" not in head
    assert head.count('class="answer"') >= 5 and head.endswith("</p>")


def test_a_body_shorter_than_the_head_is_whole(renderer):
    article = _interview(questions=2)
    assert renderer.render_body(article.body, kind="interview", head_chars=10_000) == \
        renderer.render_body(article.body, kind="interview")


def test_a_body_with_reference_links_is_always_rendered_whole(renderer):
    body = "\n\n".join(["See [the report][r]."] + [f"Paragraph {n}." for n in range(80)]
                       + ["[r]: https://example.org/report"])
    head = renderer.render_body(body, head_chars=50)
    assert 'href="https://example.org/report"' in head and "Paragraph 79." in head


def test_the_head_page_has_the_whole_page_header(renderer):
    article = _interview()
    head = renderer.render_article(article, head_chars=300)
    whole = renderer.render_article(article)
    header = whole.html.split('<div class="article-body"', 1)[0]
    assert head.html.startswith(header) and "Interview with" in header
    assert len(head.html) < len(whole.html) / 3


def test_the_worker_builds_the_same_page_as_build_article(renderer):
    article = _interview(questions=3)
    body = renderer.render_body(article.body, kind="interview")
    assert renderer.render_article(article) == build_article(article, body)


def test_showing_a_preview_imports_no_markdown_jinja_or_babel():
    """The application process asks for a page and gets it: the conversion, the template
    and the dates are the worker's (the preview's first page waited for ~100 ms of
    imports here on a 2-core laptop, #20)."""
    code = """
import json, sys
from editor_app.core.models import Article, Kind
from editor_app.core.render import Renderer, render_standalone_page
from editor_app.core.related.block import related_news_items_from
with Renderer() as renderer:
    items = related_news_items_from([{"title": "Older", "slug": "older", "date": "2019-01-02",
                                      "summary": "Before.", "body": "Text."}])
    page = render_standalone_page(renderer.render_article(
        Article(title="T", body="Q: Why?\\n\\nBecause *so*.", kind=Kind.INTERVIEW,
                date="2019-03-28"), related=items))
heavy = sorted(m for m in ("markdown", "jinja2", "babel", "nh3") if m in sys.modules)
print(json.dumps({"heavy": heavy, "ok": "Because" in page and "Older" in page}))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"heavy": [], "ok": True}
