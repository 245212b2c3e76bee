"""Revision history: the log, restore as a new revision, errors for missing revisions."""

from __future__ import annotations

import pytest

from editor_app.core.errors import NotFoundError
from editor_app.core.models import Article


def test_restore_creates_a_new_revision(library):
    aid = library.create_article(Article(title="First", body="old text"), author="Sam").id
    library.update_article(aid, body="new text", revision_reason="autosave", who="Sam")
    first = library.revision_log(aid)[-1]
    article = library.restore_revision(first.id, author="Kim")
    log = library.revision_log(aid)
    assert article.body == "old text"
    assert [r.number for r in log] == [3, 2, 1]
    assert log[0].reason.startswith("restore") and log[0].author == "Kim"
    assert library.revision_text(log[1].id) == ("First", "new text")  # nothing overwritten


def test_restoring_a_missing_revision_is_an_error(library):
    with pytest.raises(NotFoundError):
        library.restore_revision(12345)


def test_log_of_missing_article_is_an_error(library):
    with pytest.raises(NotFoundError):
        library.revision_log(999)


def test_log_lists_reasons_and_authors(library):
    aid = library.create_article(Article(title="t", body="x"), author="Sam", reason="import").id
    library.update_article(aid, body="y", revision_reason="close", who="Sam")
    library.set_status(aid, "submitted", role="reporter", who="Sam")
    reasons = [r.reason for r in library.revision_log(aid)]
    assert reasons[0].startswith("status change") and reasons[1:] == ["close", "import"]


def test_drafts_by_author(library):
    library.create_article(Article(title="a", author="Sam"))
    library.create_article(Article(title="b", author="Kim"))
    assert library.count_by_status_and_author("draft", "Sam") == 1
