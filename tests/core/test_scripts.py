"""Other scripts (#18): transliterated slugs, search that folds every letter and finds
words inside CJK text, bidi isolates accepted in prose but not in names."""

from __future__ import annotations

import re
import shutil
import sqlite3
import unicodedata

import pytest

from editor_app.core.errors import InputError
from editor_app.core.library import Library
from editor_app.core.library.fulltext import display_snippet, fts_query, search_text
from editor_app.core.models import Article
from editor_app.core.text import check_clean_text, is_valid_slug, slugify

FIXTURES = __import__("pathlib").Path(__file__).resolve().parents[1] / "fixtures"


# -- slugs --------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "slug"), [
    ("Łódź Straße", "lodz-strasse"),
    ("Žiniasklaida ir agentūra", "ziniasklaida-ir-agentura"),
    ("Ærø ferry", "aero-ferry"),
    ("Привет мир", "privet-mir"),
    ("Ελληνικά νέα", "ellenika-nea"),
    ("Dr. Jane Roe: “small newsrooms can win”", "dr-jane-roe-small-newsrooms-can-win"),
])
def test_slugs_transliterate_every_script(title, slug):
    assert slugify(title) == slug


def test_cjk_and_arabic_titles_get_readable_distinct_slugs(library):
    titles = ["東京の新しい図書館", "東京の古い図書館", "مكتبة جديدة في القاهرة", "חדשות היום"]
    slugs = [library.create_article(Article(title=t, body="x")).slug for t in titles]
    assert len(set(slugs)) == 4
    assert all(is_valid_slug(s) and s != "article" and len(s) >= 6 for s in slugs)
    assert slugs[0].startswith("dong-jing")


def test_an_emoji_title_still_gets_a_slug(library):
    first = library.create_article(Article(title="🎉🎉", body="x"))
    second = library.create_article(Article(title="🎉", body="y"))
    assert (first.slug, second.slug) == ("article", "article-2")


def legacy_slug(text: str) -> str:
    """The slug Byline made before it transliterated: accents stripped, other letters dropped."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > 80:
        slug = slug[:80].rsplit("-", 1)[0] or slug[:80]
    return slug.strip("-")


def test_ascii_slugs_are_what_they_always_were():
    for title in ("President Trump says he 'can' and 'may' put US into state of emergency to "
                  "build border wall", "SARS-CoV-2 surpasses 100,000 confirmed deaths", "x" * 100):
        assert slugify(title) == legacy_slug(title)


# -- search -------------------------------------------------------------------------------

@pytest.fixture
def newsroom(library):
    ids = {
        "lodz": library.create_article(Article(
            title="Łódź Straße reopens", summary="A street in Łódź.",
            body="The Łódź city council said the Straße will reopen next week.")).id,
        "tokyo": library.create_article(Article(
            title="東京の新しい図書館", body="東京の新しい図書館が開館しました。多くの人が訪れました。")).id,
        "seoul": library.create_article(Article(
            title="서울 소식", body="서울시립도서관에서 행사가 열렸다.")).id,
        "ferry": library.create_article(Article(
            title="Ferry returns", body="The ferry returns to the harbour after repairs.")).id,
    }
    return ids


@pytest.mark.parametrize(("query", "found"), [
    ("lodz", "lodz"), ("Łódź", "lodz"), ("LODZ", "lodz"), ("strasse", "lodz"), ("straße", "lodz"),
    ("図書館", "tokyo"), ("東京", "tokyo"), ("新しい", "tokyo"), ("도서관", "seoul"),
    ("ferry", "ferry"), ("harbour repairs", "ferry"),
])
def test_search_folds_every_letter_and_finds_words_inside_cjk_text(library, newsroom, query, found):
    assert [h.id for h in library.search(query)] == [newsroom[found]]


def test_search_snippets_show_the_articles_own_letters(library, newsroom):
    [hit] = library.search("lodz")
    assert hit.snippet == "The [Łódź] city council said the Straße will reopen next week."
    [hit] = library.search("図書館")
    assert "[図書館]" in hit.snippet and "\u200b" not in hit.snippet


def test_search_index_follows_edits_and_stays_consistent(library, newsroom):
    library.update_article(newsroom["lodz"], title="Street news", summary="",
                           body="Nothing about that city now.")
    assert library.search("lodz") == []
    library.update_article(newsroom["ferry"], body="The ferry sails to Gdańsk and Łódź.")
    assert [h.id for h in library.search("lodz")] == [newsroom["ferry"]]
    assert library.check() == []  # FTS5 integrity-check against the folded content


def test_query_folding_and_quoting():
    assert search_text("Łódź") == "Lódź" and search_text("Straße") == "Strasse"
    assert search_text("ferry") == "ferry"
    assert search_text("東京の図書館") == "東\u200b京\u200bの\u200b図\u200b書\u200b館"
    assert fts_query('Łódź "AND" 図書館') == '"Lódź" "AND" "図\u200b書\u200b館"*'
    assert fts_query("*** ") == ""


def test_display_snippet_maps_back_across_expanded_letters():
    original = "Die Große Straße in Łódź, dann 東京の図書館."
    folded = search_text(original)
    start = folded.index("Strasse")
    snippet = folded[:start] + "\x01" + "Strasse" + "\x02" + folded[start + 7:]
    assert display_snippet(snippet, original) == "Die Große [Straße] in Łódź, dann 東京の図書館."


def test_an_old_library_is_migrated_and_its_search_works(tmp_path):
    path = tmp_path / "old.byline"
    shutil.copyfile(FIXTURES / "library-v2.byline", path)
    with Library.open(path) as lib:
        before = [h.id for h in lib.search("forum")]
        assert before
        article = lib.create_article(Article(title="Łódź", body="東京の新しい図書館"))
        assert [h.id for h in lib.search("lodz")] == [article.id]
        assert [h.id for h in lib.search("図書館")] == [article.id]
        assert lib.check() == []


def test_a_connection_without_the_function_cannot_corrupt_the_index(library, newsroom):
    """A plain sqlite3 connection (another tool) cannot write articles: the trigger needs
    Byline's function, so the write fails instead of leaving the index out of step."""
    raw = sqlite3.connect(library.path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="byline_search_text"):
            raw.execute("UPDATE articles SET body = 'changed' WHERE id = ?", [newsroom["ferry"]])
    finally:
        raw.close()
    assert "changed" not in library.get_article(newsroom["ferry"]).body


# -- bidi controls ---------------------------------------------------------------------------

ISOLATES = ["\u2066", "\u2067", "\u2068", "\u2069", "\u202a", "\u202b", "\u202c"]


@pytest.mark.parametrize("char", ISOLATES)
def test_isolates_and_embeddings_are_accepted_in_prose(library, char):
    body = f"قال المتحدث {char}Byline 2.0\u2069 اليوم."
    article = library.create_article(Article(title="خبر", body=body, summary=f"ملخص {char}x"))
    assert library.get_article(article.id).body == body


@pytest.mark.parametrize("char", ISOLATES + ["\u202d", "\u202e"])
def test_titles_slugs_and_names_refuse_every_bidi_control(library, char):
    for field in ("title", "author", "interviewee"):
        with pytest.raises(InputError, match=f"{field}: .*right-to-left"):
            library.create_article(Article(**{"title": "T", "body": "x", field: f"a{char}b"}))
    with pytest.raises(InputError, match="slug"):
        library.create_article(Article(title="T", body="x", slug=f"a{char}b"))
    assert library.count_articles() == 0


@pytest.mark.parametrize("char", ["\u202d", "\u202e"])
def test_overrides_are_refused_even_in_bodies(char):
    with pytest.raises(InputError, match="body: contains a right-to-left override"):
        check_clean_text(f"text {char}gnp.exe", "body", multiline=True)
