"""The fast export paths give the same bytes and the same failures as the thread path (#7).

Batches of PROCESS_MIN_ARTICLES or more are rendered, assembled and written by
export processes (procpool.py) with an in-process converter (inline_render.py);
small ones by threads sharing the Renderer.  Property tests elsewhere mostly run
the thread path, so here every difference that could creep in is compared.
"""

from __future__ import annotations

import hashlib
import pathlib
import threading
import zipfile

import pytest

from editor_app.core.export import batch as batch_module
from editor_app.core.export import export_articles, procpool
from editor_app.core.export.inline_render import InlineRenderer
from editor_app.core.models import Article, Kind
from editor_app.core.render import Renderer, RenderError

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40

BODIES = [
    "Lede paragraph with \"quotes\" -- and dashes...\n\nQ: First question?\n\nA: The answer.\n\n"
    "Plain closing paragraph.\n\n## About\n\nAfter the heading.\n",
    "Text with a reference [link][1] and a footnote.[^1]\n\n[1]: https://example.org\n\n"
    "[^1]: The note.\n",
    "- one\n- two\n\n    indented code\n\n> quote\n> more\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    '!!! aside "About the forum"\n    Boxed text.\n\n```python\nprint("x")\n```\n\nEnd.\n',
    "<script>alert(1)</script> and [bad](javascript:alert(1)) *emphasis* **strong**\n",
]


def tree_bytes(root: pathlib.Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def batch(library):
    sha = library.add_asset(PNG, name="ferry.png", mime="image/png")
    ids = []
    for n in range(12):
        body = BODIES[n % len(BODIES)]
        if n % 4 == 0:
            body += f"\n![The ferry](asset:{sha}.png)\n"
        kind = Kind.INTERVIEW if n % 3 == 0 else Kind.NEWS
        ids.append(library.create_article(Article(
            title=f"Story {n}: “quoted”", kind=kind, date=f"2024-0{1 + n % 9}-0{1 + n % 7}",
            summary=f"Summary {n} & more.", tags=["media", f"tag{n % 3}"], author="Sam",
            interviewee="Dr. Roe" if kind == Kind.INTERVIEW else "", body=body)).id)
    for a, b in zip(ids, ids[1:], strict=False):
        library.pin_related(a, b)
    library.set_setting("site.url", "https://news.example.org/")
    return ids


def test_inline_renderer_matches_renderer(library, batch):
    with Renderer(timeout=20.0, workers=1) as renderer:
        inline = InlineRenderer(date_format=renderer.date_format)
        for aid in batch:
            article = library.get_article(aid)
            assert inline.render_article(article).html == renderer.render_article(article).html


def test_inline_renderer_reports_deep_nesting_like_renderer():
    text = "para\n\n" + "\n".join("    " * depth + "- a" for depth in range(300))
    with Renderer(timeout=20.0, workers=1) as renderer:
        with pytest.raises(RenderError) as expected:
            renderer.render_body(text)
    with pytest.raises(RenderError) as got:
        InlineRenderer(date_format="%Y").render_body(text)
    assert (str(got.value), got.value.line) == (str(expected.value), expected.value.line)


def test_process_path_writes_the_same_bytes_as_thread_path(library, batch, tmp_path):
    threads = export_articles(library, batch, tmp_path / "threads", force=True, processes=False)
    procs = export_articles(library, batch, tmp_path / "procs", force=True, processes=True)
    assert threads.ok and procs.ok
    assert [e.slug for e in procs.exported] == [e.slug for e in threads.exported]
    expected = tree_bytes(tmp_path / "threads")
    assert len(expected) > 12 * 6
    assert tree_bytes(tmp_path / "procs") == expected
    sha = hashlib.sha256(PNG).hexdigest()
    first = library.get_article(batch[0]).slug
    assert (tmp_path / "procs" / first / "assets" / f"{sha}.png").read_bytes() == PNG
    assert not [p for p in (tmp_path / "procs").iterdir() if p.name.startswith(".byline")]


def test_process_path_zip_is_identical(library, batch, tmp_path):
    a = export_articles(library, batch, None, zip_path=tmp_path / "a.zip", force=True,
                        processes=False)
    b = export_articles(library, batch, None, zip_path=tmp_path / "b.zip", force=True,
                        processes=True)
    assert a.ok and b.ok
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        assert archive.testzip() is None


def test_process_path_missing_image_fails_that_article_only(library, batch, tmp_path):
    missing = "ab" * 32 + ".jpg"
    broken = library.create_article(Article(title="Broken picture", date="2024-06-01",
                                            body=f"Text.\n\n![gone](asset:{missing})\n"))
    local = library.create_article(Article(title="Local file", body="![x](photo.jpg)\n"))
    ids = [*batch, broken.id, local.id]
    report = export_articles(library, ids, tmp_path / "out", force=True, processes=True)
    failed = dict(report.failed)
    assert set(failed) == {library.get_article(broken.id).slug, library.get_article(local.id).slug}
    assert missing in failed[library.get_article(broken.id).slug]
    assert "photo.jpg" in failed[library.get_article(local.id).slug]
    assert len(report.exported) == len(batch)
    assert not (tmp_path / "out" / library.get_article(broken.id).slug).exists()


def test_process_path_replaces_previous_export_whole(library, batch, tmp_path):
    out = tmp_path / "out"
    assert export_articles(library, batch, out, force=True, processes=True).ok
    library.update_article(batch[0], title="A new headline", revision_reason="edit")
    assert export_articles(library, batch, out, force=True, processes=True).ok
    assert export_articles(library, batch, tmp_path / "fresh", force=True, processes=False).ok
    assert tree_bytes(out) == tree_bytes(tmp_path / "fresh")
    assert "A new headline" in (out / library.get_article(batch[0]).slug / "index.html").read_text()


def test_process_path_timeout_costs_one_article(library, batch, tmp_path):
    # Distinct paragraphs (repeated ones come from the block cache), with markup (plain
    # ones skip the Markdown pass): many seconds of work. The timeout leaves the ordinary
    # articles room on a loaded 2-core machine (1 s did not, under a parallel suite).
    slow = library.create_article(Article(
        title="Slow", body="\n\n".join(f"*Paragraph* {n}." for n in range(400_000))))
    report = export_articles(library, [*batch, slow.id], tmp_path / "out", force=True,
                             processes=True, render_timeout=4.0, preflight=False)
    failed = dict(report.failed)
    assert "took longer than" in failed[library.get_article(slow.id).slug]
    assert len(report.exported) == len(batch)  # the replacement process carries on


def test_process_path_cancel_leaves_only_whole_bundles(library, batch, tmp_path):
    cancel = threading.Event()

    def progress(done, total, slug):
        if done == 2:
            cancel.set()

    report = export_articles(library, batch, tmp_path / "out", force=True, processes=True,
                             workers=1, progress=progress, cancel=cancel)
    assert report.cancelled and 2 <= len(report.exported) < len(batch)
    folders = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert folders == sorted(e.slug for e in report.exported)


def test_big_batches_choose_processes(library, tmp_path, monkeypatch):
    used = []
    real = procpool.ProcessPool.drive

    def spy(*args, **kwargs):
        used.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(procpool.ProcessPool, "drive", spy)
    monkeypatch.setattr(batch_module, "PROCESS_MIN_ARTICLES", 3)
    ids = [library.create_article(Article(title=f"S {n}", body="Text.")).id for n in range(3)]
    assert export_articles(library, ids[:2], tmp_path / "a", force=True).ok and not used
    assert export_articles(library, ids, tmp_path / "b", force=True).ok and used


def test_process_path_preflight_gate_matches_thread_path(library, batch, tmp_path):
    pytest.importorskip("editor_app.core.review")
    bare = [library.create_article(Article(title=f"No summary {n}", body="Text.")).id
            for n in range(2)]
    ids = [*batch, *bare]
    threads = export_articles(library, ids, tmp_path / "t", processes=False)
    procs = export_articles(library, ids, tmp_path / "p", processes=True)
    assert sorted(threads.failed) == sorted(procs.failed)
    assert any("pre-flight" in message for _, message in procs.failed)
    assert sorted(e.slug for e in procs.exported) == sorted(e.slug for e in threads.exported)

    def overrides(article_id):
        return [e for e in library.status_events(article_id) if "override" in (e.note or "")]

    assert not overrides(bare[0])
    assert export_articles(library, ids, tmp_path / "p", force=True, processes=True).ok
    forced = overrides(bare[0])
    assert len(forced) == 1 and forced[0].note.startswith("export: override of failed pre-flight")


def test_inline_renderer_block_cache_is_bounded_and_transparent(monkeypatch):
    from editor_app.core.export import inline_render

    monkeypatch.setattr(inline_render, "CACHE_BLOCKS", 2)
    inline = InlineRenderer(date_format="%Y")
    texts = ["One \"a\".\n\nTwo.", "Three.\n\nOne \"a\".", "Four.\n\nFive.\n\nTwo."]
    first = [inline.render_body(t) for t in texts]
    assert len(inline._blocks) == 2
    assert [inline.render_body(t) for t in texts] == first
    assert [InlineRenderer(date_format="%Y").render_body(t) for t in texts] == first


def test_early_started_processes_are_used_and_closed(library, batch, tmp_path):
    """The command line starts the export processes before it opens the library."""
    started = procpool.start_processes(2, caller_works=True)
    assert started is not None and started.size == 1
    report = export_articles(library, batch, tmp_path / "early", force=True, processes=True,
                             caller_works=True, started=started)
    assert report.ok
    assert started.close() is None  # already closed: nothing left to reap
    assert export_articles(library, batch, tmp_path / "threads", force=True,
                           processes=False).ok
    assert tree_bytes(tmp_path / "early") == tree_bytes(tmp_path / "threads")


def test_early_started_processes_are_closed_when_the_batch_is_small(library, tmp_path):
    started = procpool.start_processes(2)
    children = list(started._all)
    aid = library.create_article(Article(title="Alone", body="Text.")).id
    assert export_articles(library, [aid], tmp_path / "one", force=True, started=started).ok
    for child in children:
        assert child.process.wait(10) is not None  # told to leave, and gone


def test_write_tree_stays_inside_and_never_overwrites(tmp_path):
    from editor_app.core.errors import InputError
    from editor_app.core.export.paths import write_tree

    folder = tmp_path / "bundle"
    folder.mkdir()
    write_tree(folder, {"index.html": b"a", "assets/" + "ab" * 32 + ".png": b"b"})
    assert (folder / "assets" / ("ab" * 32 + ".png")).read_bytes() == b"b"
    for bad in ("../x", "a/b/c", "/abs", "x\\y", "A.html"):
        with pytest.raises(InputError):
            write_tree(tmp_path / "bundle", {bad: b"x"})
    with pytest.raises(FileExistsError):
        write_tree(folder, {"index.html": b"again"})
    assert (folder / "index.html").read_bytes() == b"a"
    (folder / "link.html").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(FileExistsError):
        write_tree(folder, {"link.html": b"x"})
    assert not (tmp_path / "elsewhere").exists()
