"""Pre-flight dialog: checklist with icons, proceed only when clean, explicit override."""

from __future__ import annotations

from editor_app.core.models import Article
from editor_app.ui.review.preflight_dialog import OVERRIDE, PROCEED, PreflightDialog


def test_failed_checks_allow_only_override(qtbot, library):
    aid = library.create_article(Article(title="t", body="x")).id
    dialog = PreflightDialog(library, aid, action_label="Approve", spelling_issue_count=0)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=5000)
    assert not dialog.proceed_button.isEnabled() and dialog.override_button.isEnabled()
    codes = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any("Summary missing" in c for c in codes)
    assert all(not dialog.list.item(i).icon().isNull() for i in range(dialog.list.count()))
    dialog.override_button.click()
    assert dialog.decision == OVERRIDE


def test_clean_article_can_proceed(qtbot, library):
    aid = library.create_article(Article(title="t", body="x", summary="s", tags=["a"])).id
    dialog = PreflightDialog(library, aid, action_label="Publish", spelling_issue_count=0)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=5000)
    assert dialog.proceed_button.isEnabled() and not dialog.override_button.isEnabled()
    dialog.proceed_button.click()
    assert dialog.decision == PROCEED


def test_the_check_reads_what_is_saved_not_another_threads_open_write(qtbot, library):
    """The check runs on its own connection: a write the window has begun and not
    committed (which may still roll back) is not what the checklist judges."""
    aid = library.create_article(Article(title="t", body="x", summary="s", tags=["a"])).id
    with library.transaction() as db:
        db.execute("UPDATE articles SET summary = '' WHERE id = ?", [aid])
        dialog = PreflightDialog(library, aid, action_label="Publish", spelling_issue_count=0)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=5000)
        texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert not any("Summary missing" in text for text in texts)
        assert dialog.proceed_button.isEnabled()
        dialog.reject()
