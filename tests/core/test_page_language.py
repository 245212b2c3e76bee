"""Pages in the article's language (#18): fixed words, Babel dates, quotation marks,
lang and dir, right-to-left pages, the listing of a mixed batch, direction-neutral CSS."""

from __future__ import annotations

import re

import html5lib
import pytest

from editor_app.core.export import export_articles
from editor_app.core.models import Article, Kind
from editor_app.core.render import RelatedItem, Renderer, page_language, render_standalone_page
from editor_app.core.resources import read_resource

LITHUANIAN = dict(
    title="Dr. Ona Petraitytė: „mažos redakcijos gali laimėti“", kind=Kind.INTERVIEW,
    interviewee="Ona Petraitytė", author="Rasa Jonaitė", date="2019-03-28", language="lt",
    summary="Pokalbis apie vietos žiniasklaidą.", tags=["žiniasklaida"],
    body=('Ji sakė: "Tai \'labai\' svarbu" ir pritarė O\'Neil\'o idėjai.\n\n'
          "Q: Kodėl vietos naujienos svarbios?\n\nA: Todėl, kad žmonės jomis tiki.\n"),
)


@pytest.fixture(scope="module")
def renderer():
    with Renderer() as instance:
        yield instance


def parse(text: str):
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def export(library, ids, out):
    return export_articles(library, ids, out, force=True)


def test_lithuanian_article_has_lithuanian_words_dateline_and_quotes(renderer):
    related = [RelatedItem("Kita naujiena", "kita", "2019-02-01", "Ištrauka…")]
    html = renderer.render_article(Article(**LITHUANIAN), related=related).html
    assert html.startswith('<article class="byline-article kind-interview" lang="lt" dir="ltr">')
    assert '<time datetime="2019-03-28">2019 m. kovo 28 d.</time>' in html
    assert ('<p class="byline">Interviu: <span class="interviewee">Ona Petraitytė</span>. '
            'Kalbino <span class="author">Rasa Jonaitė</span></p>') in html
    assert "<h2>Susijusios naujienos</h2>" in html and "Related news" not in html
    assert '<time datetime="2019-02-01">2019 m. vasario 1 d.</time>' in html
    # „…“ outside, ‚…‘ inside, and the apostrophe stays an apostrophe
    assert "Ji sakė: „Tai ‚labai‘ svarbu“ ir pritarė O’Neil’o idėjai." in html
    assert "Interview with" not in html and " by " not in html


def test_english_article_keeps_english_words_and_quotes(renderer):
    article = Article(title="T", kind=Kind.INTERVIEW, interviewee="Jane Roe", author="Sam",
                      date="2019-03-28", body='She said: "It\'s \'vital\' to us."')
    html = renderer.render_article(article, related=[RelatedItem("R", "r", "2019-01-01")]).html
    assert '<p class="byline">Interview with <span class="interviewee">Jane Roe</span>, by ' \
           '<span class="author">Sam</span></p>' in html
    assert ">28 March 2019</time>" in html and "<h2>Related news</h2>" in html
    assert "She said: “It’s ‘vital’ to us.”" in html


def test_same_block_in_two_languages_is_not_served_from_the_cache(renderer):
    body = 'A "quoted" word.'
    english = renderer.render_article(Article(title="a", body=body, language="en")).body_html
    lithuanian = renderer.render_article(Article(title="a", body=body, language="lt")).body_html
    assert "“quoted”" in english and "„quoted“" in lithuanian


def test_exported_lithuanian_page(library, tmp_path):
    article = library.create_article(Article(**LITHUANIAN))
    export(library, [article.id], tmp_path / "out")
    page = (tmp_path / "out" / article.slug / "index.html").read_text(encoding="utf-8")
    doc = parse(page)
    assert doc.get("lang") == "lt" and doc.get("dir") == "ltr"
    assert ">2019 m. kovo 28 d.</time>" in page
    assert "Interviu: " in page and "Kalbino " in page
    assert '"inLanguage":"lt"' in page


def test_arabic_page_runs_right_to_left(library, renderer, tmp_path):
    article = library.create_article(Article(
        title="مكتبة جديدة في القاهرة", body='افتتحت المدينة "مكتبة" جديدة.\n\n- أولا\n- ثانيا\n',
        language="ar", author="علي حسن", date="2019-03-28"))
    export(library, [article.id], tmp_path / "out")
    page = (tmp_path / "out" / article.slug / "index.html").read_text(encoding="utf-8")
    doc = parse(page)
    assert doc.get("lang") == "ar" and doc.get("dir") == "rtl"
    assert '<article class="byline-article kind-news" lang="ar" dir="rtl">' in page
    assert "بقلم" in page and ">28 مارس 2019</time>" in page
    preview = render_standalone_page(renderer.render_article(article))
    assert '<html lang="ar" dir="rtl">' in preview


@pytest.mark.parametrize(("language", "direction"), [
    ("he", "rtl"), ("fa", "rtl"), ("ur-PK", "rtl"), ("lt", "ltr"), ("en-GB", "ltr"), ("ja", "ltr"),
    ("", "ltr"), ("not a tag!", "ltr"),
])
def test_direction_follows_the_language(language, direction):
    assert page_language(language).direction == direction


def test_batch_listing_entries_carry_language_and_auto_direction(library, tmp_path):
    english = library.create_article(Article(title="Ferry returns", date="2024-03-01",
                                              body="The ferry is back."))
    arabic = library.create_article(Article(title="عودة العبارة", date="2024-03-02",
                                             body="عادت العبارة.", language="ar"))
    lithuanian = library.create_article(Article(title="Keltas grįžo", date="2024-03-03",
                                                body="Keltas vėl plaukia.", language="lt"))
    export(library, [english.id, arabic.id, lithuanian.id], tmp_path / "out")
    listing = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    parse(listing)
    entries = re.findall(r'<article class="listing-item" dir="auto" lang="([^"]+)">', listing)
    assert entries == ["lt", "ar", "en"]  # newest first
    assert ">2024 m. kovo 3 d.</time>" in listing and ">2 مارس 2024</time>" in listing
    assert '<html lang="en" dir="ltr">' in listing  # mixed batch: the page itself is English


def test_batch_of_one_language_has_that_languages_heading(library, tmp_path):
    ids = [library.create_article(Article(title=f"Naujiena {n}", date=f"2024-03-0{n}",
                                          body="Tekstas.", language="lt")).id for n in (1, 2)]
    export(library, ids, tmp_path / "out")
    listing = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="lt" dir="ltr">' in listing and "<h1>Straipsniai</h1>" in listing


def test_stylesheet_is_direction_neutral():
    css = read_resource("css", "byline.css")
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    physical = re.findall(r"(?:margin|padding|border)-(?:left|right)|text-align:\s*(?:left|right)"
                          r"|float:\s*(?:left|right)", rules)
    assert physical == ["text-align: right"]  # only for a table column aligned right by markdown
    assert "padding-inline-start" in rules and "border-inline-start" in rules
