"""A new story: author, date, language, first question; the slug follows the headline (#17)."""

from __future__ import annotations

import datetime

from editor_app.core.export.runner import export_articles
from editor_app.core.identity import Identity, save_identity
from editor_app.core.models import Kind, Role, Status
from editor_app.core.new_article import new_article, set_default_language
from editor_app.core.review import change_status, preflight


def test_a_new_interview_is_ready_to_type(library):
    save_identity(Identity("Rasa Vaitkutė", "reporter"))
    set_default_language(library, "lt")
    article = new_article(library, "interview", today=datetime.date(2024, 5, 2))
    assert (article.kind, article.status) == (Kind.INTERVIEW, Status.DRAFT)
    assert (article.author, article.date, article.language) == ("Rasa Vaitkutė", "2024-05-02", "lt")
    assert article.body == "Q: "
    assert article.title == "Untitled interview"
    assert article.slug.startswith("draft-")  # a placeholder never becomes an address
    assert "untitled" not in article.slug
    headline = preflight(library, article.id).item("headline")
    assert headline.level == "error" and "Untitled interview" in headline.message


def test_the_slug_follows_the_headline_until_export(library, tmp_path):
    article = new_article(library, "news")
    saved = library.update_article(article.id, title="Harbour barrier opens")
    assert saved.slug == "harbour-barrier-opens"
    saved = library.update_article(article.id, title="Harbour barrier opens late")
    assert saved.slug == "harbour-barrier-opens-late"
    saved = library.update_article(article.id, title="Untitled news")  # back to a placeholder
    assert saved.slug == "harbour-barrier-opens-late"
    library.update_article(article.id, title="Barrier opens", summary="S.", tags=["harbour"],
                           body="Text.")
    change_status(library, article.id, "submitted", role=Role.REPORTER)
    export_articles(library, [article.id], tmp_path / "out", force=True)
    assert not library.slug_follows_headline(article.id)
    saved = library.update_article(article.id, title="Barrier opens on Monday")
    assert saved.slug == "barrier-opens"  # exported: the address stays


def test_publishing_or_typing_the_slug_fixes_it(library):
    typed = new_article(library, "news", title="First headline")
    saved = library.update_article(typed.id, slug="my-own-address")
    saved = library.update_article(typed.id, title="Second headline")
    assert saved.slug == "my-own-address"
    published = new_article(library, "news", title="Story")
    library.set_status(published.id, Status.SUBMITTED, role="editor")
    library.set_status(published.id, Status.IN_REVIEW, role="editor")
    library.set_status(published.id, Status.APPROVED, role="editor")
    library.set_status(published.id, Status.PUBLISHED, role="editor")
    assert not library.slug_follows_headline(published.id)


def test_a_taken_slug_gets_a_number_and_imports_keep_theirs(library):
    from editor_app.core.models import Article

    library.create_article(Article(title="Storm", slug="storm"))
    article = new_article(library, "news")
    assert library.update_article(article.id, title="Storm").slug == "storm-2"
    imported = library.create_article(Article(title="Old story"))
    assert not library.slug_follows_headline(imported.id)
    assert library.update_article(imported.id, title="Renamed").slug == "old-story"
