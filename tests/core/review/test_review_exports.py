"""Comments are review notes: they never reach an exported bundle."""

from __future__ import annotations

import pytest

from editor_app.core.models import Article, Kind, Status


def test_comments_are_not_exported(library, tmp_path):
    export = pytest.importorskip("editor_app.core.export.runner")
    aid = library.create_article(Article(
        title="Harbour story", summary="S.", tags=["harbour"], kind=Kind.NEWS,
        status=Status.APPROVED, body="The mayor said the barrier would be built.\n")).id
    root = library.add_comment(aid, text="SECRET-REVIEW-NOTE", quote="the barrier",
                               start=15, end=26)
    library.add_comment(aid, text="SECRET-REPLY", parent_id=root.id)
    report = export.export_articles(library, [aid], tmp_path / "out", force=True, workers=1)
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert files, report
    for path in files:
        data = path.read_bytes()
        assert b"SECRET-REVIEW-NOTE" not in data and b"SECRET-REPLY" not in data, path
    # the override of the failing pre-flight (an unresolved comment) is in the trail
    assert library.status_events(aid)[-1].override
