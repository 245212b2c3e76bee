"""No active content survives the renderer; no input hangs or crashes it."""

from __future__ import annotations

import time

import pytest

from editor_app.core.errors import BylineError
from editor_app.core.models import Article, Kind
from editor_app.core.render import RelatedItem, Renderer, RenderError, render_standalone_page
from tests.core.render.render_support import active_content, head_tags, load_vectors


def test_checker_catches_active_content():
    # The checker itself must be able to fail, or the tests below prove nothing.
    assert active_content('<img src=x onerror="alert(1)">')
    assert active_content('<a href=" java&#x09;script:alert(1)">x</a>')
    assert active_content("<svg><script>alert(1)</script></svg>")
    assert active_content('<iframe src="https://x.org"></iframe>')
    assert not active_content('<p class="question"><a href="https://x.org">ok</a></p>')


def test_every_vector_in_the_body_is_neutralized(renderer, shared_data):
    vectors = load_vectors(shared_data)
    assert len(vectors) > 2000
    failures = []
    for vector in vectors:
        for kind in ("news",):
            try:
                html = renderer.render_body(vector, kind=kind)
            except RenderError:
                continue  # nothing rendered, nothing to run
            problems = active_content(html)
            if problems:
                failures.append((vector, problems))
    assert failures == []


def test_vectors_in_an_interview_with_markdown_around_them(renderer, shared_data):
    vectors = load_vectors(shared_data)[::7]
    body = "\n\n".join(f"Q: {v}\n\nA: [link]({v}) ![img]({v}) {v}" for v in vectors)
    html = renderer.render_body(body, kind="interview")
    assert active_content(html) == []


def test_vectors_in_metadata_fields_are_escaped(renderer, shared_data):
    vectors = load_vectors(shared_data)[::11]
    benign_head = head_tags(render_standalone_page(renderer.render_article(Article(title="t"))))
    for vector in vectors:
        article = Article(
            title=vector,
            body="Body.",
            kind=Kind.INTERVIEW,
            interviewee=vector,
            author=vector,
            summary=vector,
            date=vector,
            language=vector,
        )
        related = [
            RelatedItem(vector, vector, vector, vector),
            RelatedItem(vector, "s", "2020-01-01", vector, href=vector),
        ]
        rendered = renderer.render_article(article, related=related)
        assert active_content(rendered.html) == [], vector
        page = render_standalone_page(rendered)
        assert active_content(page, document=True) == [], vector
        assert head_tags(page) == benign_head, vector


def test_render_error_is_a_byline_error():
    assert issubclass(RenderError, BylineError)


# -- pathological inputs ------------------------------------------------------------------
PATHOLOGICAL = [f"{i:02d}" for i in range(25)]


@pytest.mark.parametrize("prefix", PATHOLOGICAL)
def test_pathological_input_renders_or_fails_cleanly(renderer, shared_data, prefix):
    (path,) = sorted((shared_data / "pathological-markdown").glob(f"{prefix}_*.md"))
    text = path.read_text(encoding="utf-8", errors="replace")
    started = time.monotonic()
    try:
        html = renderer.render_body(text, kind="interview")
    except RenderError as error:
        assert str(error).startswith("could not render")
    else:
        assert isinstance(html, str)
    # A hang guard, not a speed test: the limit is 2 s plus starting a worker.
    assert time.monotonic() - started < 10


def test_known_slow_input_times_out_and_the_pool_recovers(shared_data):
    text = (
        shared_data / "pathological-markdown" / "04_many_link_openers_with_no_closers.md"
    ).read_text()
    with Renderer(timeout=0.5) as renderer:
        with pytest.raises(RenderError, match="took longer than 0.5 s") as caught:
            renderer.render_body(text)
        assert caught.value.line == 1
        # The same text again fails at once (remembered), and other text still renders.
        started = time.monotonic()
        with pytest.raises(RenderError):
            renderer.render_body(text)
        assert time.monotonic() - started < 0.4
        assert (
            renderer.render_body("After *the* kill.")
            == '<p data-line="0">After <em>the</em> kill.</p>'
        )


def test_deep_nesting_fails_with_render_error():
    # A generous limit, so the RecursionError path is what is tested even on a busy machine.
    with Renderer(timeout=15) as renderer:
        deep_list = "\n".join("    " * depth + "- a" for depth in range(300))
        with pytest.raises(RenderError, match="nested too deeply"):
            renderer.render_body(deep_list)
        assert renderer.render_body("fine") == '<p data-line="0">fine</p>'


def test_crashed_worker_is_replaced():
    with Renderer(workers=1) as renderer:
        assert renderer.render_body("one") == '<p data-line="0">one</p>'
        for worker in list(renderer._pool._idle):
            worker.process.kill()
            worker.process.wait()
        with pytest.raises(RenderError, match="stopped unexpectedly"):
            renderer.render_body("two")
        assert renderer.render_body("three") == '<p data-line="0">three</p>'


def test_concurrent_renders_from_threads():
    import concurrent.futures

    with Renderer(workers=2) as renderer:
        texts = [
            f"Paragraph {i} with *emphasis*.\n\nQ: Question {i}?\n\nAnswer." for i in range(40)
        ]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda t: renderer.render_body(t, kind="interview"), texts))
        for i, html in enumerate(results):
            assert f"Paragraph {i} with" in html and 'class="answer"' in html
