"""Containment: no slug, asset name or link can make the exporter write outside OUT (#7)."""

from __future__ import annotations

import os
import pathlib

import pytest

from editor_app.core.errors import InputError
from editor_app.core.export import export_articles, safe_join
from editor_app.core.export.paths import replace_dir
from editor_app.core.models import Article

HOSTILE = [
    "../evil", "..", ".", "a/../../evil", "/etc/passwd", "\\\\server\\share", "C:evil", "c:/evil",
    "D:\\evil", "a\\b", "evil\x00.html", "a" * 300, "ok/" + "b" * 130, "", ".hidden", "a//b",
    "con", "aux.html", "Upper", "spa ce", "new\nline", "ünï",
]


@pytest.mark.parametrize("rel", HOSTILE)
def test_safe_join_refuses(tmp_path, rel):
    with pytest.raises(InputError):
        safe_join(tmp_path, rel)


@pytest.mark.parametrize("rel", ["index.html", "my-story/index.html",
                                 "my-story/assets/" + "a" * 64 + ".png"])
def test_safe_join_allows_bundle_paths(tmp_path, rel):
    assert safe_join(tmp_path, rel) == tmp_path.resolve().joinpath(*rel.split("/"))


def test_safe_join_refuses_symlink_escape(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "out"
    root.mkdir()
    (root / "story").symlink_to(outside, target_is_directory=True)
    with pytest.raises(InputError, match="outside|symbolic"):
        safe_join(root, "story/index.html")
    with pytest.raises(InputError, match="symbolic"):
        safe_join(root, "story")


def _force_slug(library, article_id: int, slug: str) -> None:
    """What a damaged or hand-edited library file could hold (create_article validates)."""
    library.db.execute("UPDATE articles SET slug = ? WHERE id = ?", [slug, article_id])


@pytest.mark.parametrize("slug", ["../escaped", "/tmp/abs", "C:evil", "a/b", "x" * 200, "con",
                                  "dot.dot", "nul\x00byte"])
def test_hostile_slug_fails_that_article_only(library, tmp_path, slug):
    bad = library.create_article(Article(title="Bad", body="Text."))
    good = library.create_article(Article(title="Good", body="Text."))
    _force_slug(library, bad.id, slug)
    out = tmp_path / "sub" / "out"
    out.parent.mkdir()
    report = export_articles(library, [bad.id, good.id], out, force=True)
    assert [e.slug for e in report.exported] == [good.slug]
    assert len(report.failed) == 1
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")}
    assert all(w.startswith("sub") or w == "test.byline" or w.startswith("test.byline")
               for w in written), written
    assert not any(".." in w for w in written)


@pytest.mark.parametrize("ref", ["../../../evil.png", "/etc/passwd", "C:evil.png",
                                 "a" * 64 + ".svg", "a" * 64 + ".png/../x", "x" * 500 + ".png",
                                 "%2e%2e%2fevil.png"])
def test_hostile_asset_names_are_refused(library, tmp_path, ref):
    story = library.create_article(Article(title="Pictures", body=f"![x](asset:{ref})\n"))
    report = export_articles(library, [story.id], tmp_path / "out", force=True)
    assert not report.exported and len(report.failed) == 1
    assert [p for p in tmp_path.rglob("*") if "evil" in p.name or p.suffix == ".svg"] == []
    assert list((tmp_path / "out").iterdir()) == []


def test_replace_dir_over_existing_folder(tmp_path):
    final = tmp_path / "story"
    final.mkdir()
    (final / "old.txt").write_text("old")
    new = tmp_path / "new"
    new.mkdir()
    (new / "new.txt").write_text("new")
    replace_dir(new, final)
    assert [p.name for p in final.iterdir()] == ["new.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]


def test_out_dir_that_is_a_file_is_refused(library, tmp_path):
    story = library.create_article(Article(title="A", body="Text."))
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(InputError, match="is a file"):
        export_articles(library, [story.id], target, force=True)


def test_bundle_links_stay_relative_siblings(library, tmp_path):
    a = library.create_article(Article(title="One", body="Text."))
    b = library.create_article(Article(title="Two", body="Text."))
    library.pin_related(a.id, b.id)
    export_articles(library, [a.id], tmp_path / "out", force=True)
    page = (tmp_path / "out" / a.slug / "index.html").read_text()
    assert f'href="../{b.slug}/index.html"' in page
    assert os.path.normpath(pathlib.Path("out", a.slug, "..", b.slug)) == os.path.join("out", b.slug)


def test_html_text_and_bytes_drop_what_html5_refuses():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from editor_app.core.export.pages import _NOT_IN_HTML, html_bytes, html_text

    chars = st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(
        ["\x00", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\x80", "\x9f", "\xa0", "\ufdd0",
         "\ufdef", "\ufdf0", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff", "\U0010fffd",
         "’", "é", "\t", "\n", "\r"]))

    @settings(max_examples=2000, deadline=None)
    @given(st.text(alphabet=chars))
    def check(text):
        expected = _NOT_IN_HTML.sub("", text)
        assert html_text(text) == expected
        assert html_bytes(text) == expected.encode("utf-8")

    check()
