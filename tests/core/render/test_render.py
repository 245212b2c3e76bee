"""The renderer's markup: interviews, fact boxes, data-line, typography, the article page."""

from __future__ import annotations

import re
import subprocess
import sys

import html5lib

from editor_app.core.models import Article, Kind
from editor_app.core.render import (
    RelatedItem,
    format_date,
    make_excerpt,
    render_standalone_page,
    safe_href,
)
from editor_app.core.render.source import normalize_source, split_blocks


def test_interview_questions_and_answers(renderer):
    body = "Lede.\n\nQ: What is *it*?\n\nIt is fine.\n\nA: Still answering.\n\nQ: Next?\n\nYes."
    html = renderer.render_body(body, kind="interview")
    assert '<p data-line="2" class="question"><strong>What is <em>it</em>?</strong></p>' in html
    assert '<p data-line="0">Lede.</p>' in html  # the lede is not an answer
    assert '<p class="answer" data-line="4">It is fine.</p>' in html
    assert re.search(r'<p[^>]*class="answer"[^>]*>Still answering.</p>', html)
    assert re.search(r'<p class="answer" data-line="10">Yes.</p>', html)
    assert "Q:" not in html and "A:" not in html


def test_bold_question_prefix_is_stripped(renderer):
    html = renderer.render_body("**Q:** Why?\n\nBecause.", kind=Kind.INTERVIEW)
    assert "<strong>Why?</strong>" in html and "Q:" not in html
    assert 'class="answer"' in html


def test_heading_ends_the_answers(renderer):
    html = renderer.render_body(
        "Q: One?\n\nAnswer.\n\n## About the author\n\nBio.", kind="interview"
    )
    assert '<p data-line="6">Bio.</p>' in html


def test_qa_prefixes_are_plain_text_outside_interviews(renderer):
    html = renderer.render_body("Q: What?\n\nA: That.", kind="news")
    assert '<p data-line="0">Q: What?</p>' in html
    assert "question" not in html and "answer" not in html


def test_aside_becomes_factbox(renderer):
    body = (
        'Text.\n\n!!! aside "About the forum"\n    Boxed *text*.\n\n    Second paragraph.\n\nAfter.'
    )
    html = renderer.render_body(body)
    tree = html5lib.parseFragment(html, namespaceHTMLElements=False)
    aside = tree.find("aside")
    assert aside is not None and aside.get("class") == "factbox"
    assert aside.find("h2").text == "About the forum"
    assert [p.text for p in aside.findall("p")] == ["Boxed ", "Second paragraph."]
    assert aside.get("data-line") == "2"
    assert '<p data-line="7">After.</p>' in html


def test_other_admonitions_stay_text(renderer):
    html = renderer.render_body('!!! note "x"\n    body')
    assert "<aside" not in html and "note" in html


def test_data_line_on_every_top_level_element(renderer):
    body = "# Title\n\nPara one\nstill one.\n\n- a\n- b\n\n```\ncode\n\nmore\n```\n\n> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    html = renderer.render_body(body)
    tree = html5lib.parseFragment(html, namespaceHTMLElements=False)
    lines = [(child.tag, child.get("data-line")) for child in tree]
    assert lines == [
        ("h1", "0"), ("p", "2"), ("ul", "5"), ("pre", "8"), ("blockquote", "14"), ("table", "16"),
    ]  # fmt: skip
    # nested elements carry no line
    assert tree.find("ul").find("li").get("data-line") is None


def test_smart_quotes_and_dashes(renderer):
    html = renderer.render_body("\"Quoted\" -- it's a 'test'...")
    assert (
        "\u201cQuoted\u201d" in html
        and "\u2013" in html
        and "it\u2019s" in html
        and "\u2026" in html
    )


def test_tables(renderer):
    html = renderer.render_body("| Name | Votes |\n|:-----|------:|\n| Roe  | 12 |")
    assert '<th align="left">Name</th>' in html and '<td align="right">12</td>' in html


def test_footnotes_and_reference_links(renderer):
    body = 'Claim[^1] with [a link][site].\n\n[site]: https://example.org "Site"\n\nLater.\n\n[^1]: The source.'
    html = renderer.render_body(body)
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1"' in html
    assert '<a href="https://example.org" title="Site"' in html
    assert '<li id="fn:1">' in html and 'class="footnote"' in html
    assert '<p data-line="4">Later.</p>' in html


def test_nul_bytes_are_replaced(renderer):
    html = renderer.render_body("abc\x00de\x00")
    assert html == '<p data-line="0">abc\ufffdde\ufffd</p>'


def test_images_map_library_assets(renderer):
    name = "ab" * 32 + ".png"
    article = Article(title="T", body=f"![A chart](asset:{name})\n\n![x](http://example.org/x.png)")
    plain = renderer.render_article(article)
    assert f'src="asset:{name}"' in plain.body_html and plain.assets == (name,)
    mapped = renderer.render_article(article, asset_url=lambda n: f"assets/{n}")
    assert f'src="assets/{name}"' in mapped.html and f'src="assets/{name}"' in mapped.body_html
    assert 'src="http://example.org/x.png"' in mapped.body_html


def test_data_urls_are_refused(renderer):
    html = renderer.render_body("![x](data:image/png;base64,iVBORw0KGgo=) [y](data:text/html,hi)")
    assert "data:" not in html


# -- article page -------------------------------------------------------------------------
def _article(**overrides):
    values = dict(
        title="Dr. Jane Roe: \u201csmall newsrooms can win\u201d",
        body="Lede.\n\nQ: Why?\n\nBecause.",
        kind=Kind.INTERVIEW,
        interviewee="Dr. Jane Roe",
        author="Sam Reporter",
        date="2019-03-28",
        summary="One-sentence standfirst.",
        language="en",
        slug="jane-roe",
    )
    values.update(overrides)
    return Article(**values)


def test_article_header_and_body(renderer):
    rendered = renderer.render_article(_article())
    tree = html5lib.parseFragment(rendered.html, namespaceHTMLElements=False)
    article = tree.find("article")
    assert article is not None and article.get("lang") == "en"
    assert article.find(".//h1").text == "Dr. Jane Roe: \u201csmall newsrooms can win\u201d"
    time = article.find(".//header//time")
    assert time.get("datetime") == "2019-03-28" and time.text == "28 March 2019"
    assert "Interview with" in rendered.html and "Sam Reporter" in rendered.html
    assert article.find(".//p[@class='standfirst']").text == "One-sentence standfirst."
    assert rendered.body_html in rendered.html
    assert rendered.word_count == 3  # Lede, Why, Because
    assert rendered.title.startswith("Dr. Jane Roe")
    assert "related-news" not in rendered.html  # no items, no section
    assert ".factbox" in rendered.stylesheet


def test_related_news_block_markup_and_order(renderer):
    items = [
        RelatedItem("Second story", "second", "2019-02-01", "Excerpt two\u2026"),
        RelatedItem("First <story>", "first", "2018-12-24", "Excerpt one"),
        RelatedItem("Elsewhere", "x", "2019-01-01", "", href="https://example.org/a"),
    ]
    html = renderer.render_article(_article(), related=items).html
    section = re.search(r'<section class="related-news">.*?</section>', html, re.S).group(0)
    assert "<h2>Related news</h2>" in section
    assert (
        '<li><time datetime="2019-02-01">1 February 2019</time> '
        '<a href="../second/index.html" dir="auto">Second story</a>'
        '<p class="excerpt" dir="auto">Excerpt two\u2026</p></li>'
    ) in section
    assert (
        section.index("Second story")
        < section.index("First &lt;story&gt;")
        < section.index("Elsewhere")
    )
    assert 'href="https://example.org/a"' in section


def test_related_links_refuse_scripts_and_escape_slugs(renderer):
    items = [
        RelatedItem("a", "s", "2019-01-01", href="java\tscript:alert(1)"),
        RelatedItem("b", '../"><script>', "2019-01-01"),
    ]
    html = renderer.render_article(_article(), related=items).html
    assert "script:" not in html and "<script>" not in html
    assert '<span class="title" dir="auto">a</span>' in html


def test_safe_href():
    assert safe_href("https://x.org") == "https://x.org"
    assert safe_href("../a/index.html") == "../a/index.html"
    assert safe_href(" JaVaScRiPt:alert(1)") is None
    assert safe_href("&#106;avascript:alert(1)") is None
    assert safe_href("data:text/html,x") is None


def test_standalone_page_embeds_stylesheet(renderer):
    page = render_standalone_page(renderer.render_article(_article()))
    assert (
        page.startswith("<!DOCTYPE html>") and "<style>" in page and "prefers-color-scheme" in page
    )
    assert "Content-Security-Policy" in page and "<script" not in page
    html5lib.HTMLParser(strict=True).parse(page)  # valid HTML5


# -- excerpts and datelines ---------------------------------------------------------------
def test_excerpt_prefers_summary():
    assert make_excerpt("Short summary.", "Body text.") == "Short summary."


def test_excerpt_long_text_cut_at_word_boundary():
    body = "Word " * 100
    excerpt = make_excerpt("", body)
    assert len(excerpt) <= 160 and excerpt.endswith("\u2026")
    assert excerpt[:-1].endswith("Word") and "  " not in excerpt


def test_excerpt_short_text_is_unchanged():
    assert make_excerpt("", "Just this.\n\nSecond paragraph.") == "Just this."


def test_excerpt_skips_markup_and_non_prose_blocks():
    body = (
        '# Heading\n\n!!! aside "Box"\n    Boxed.\n\n![photo](asset:ab.png)\n\n'
        "Q: **Bold** [link text](https://x.org) and _em_ `code` <b>tag</b>[^1] snake_case &amp; more"
    )
    assert make_excerpt("", body) == "Bold link text and em code tag snake_case & more"


def test_excerpt_limit_includes_ellipsis():
    text = "abcdefghij " * 30
    for limit in (20, 50, 160):
        excerpt = make_excerpt(text, "", limit)
        assert len(excerpt) <= limit and excerpt.endswith("\u2026")
    assert make_excerpt("x" * 500, "", 40) == "x" * 39 + "\u2026"


def test_excerpt_of_empty_article():
    assert make_excerpt("", "") == ""


def test_format_date_in_the_articles_language():
    assert format_date("2019-03-28") == "28 March 2019"
    assert format_date("2019-03-28", "lt") == "2019 m. kovo 28 d."
    assert format_date("2019-03-28", "en-US") == "March 28, 2019"
    assert format_date("2019-03-28", "de") == "28. März 2019"
    assert format_date("2020-01-05", "en", "%d %b %Y") == "05 Jan 2020"
    assert format_date("2020-01-05T10:00:00", "en", "%A, %-d %B") == "Sunday, 5 January"
    assert format_date("2020-01-05", "lt", "%A, %-d %B") == "sekmadienis, 5 sausio"
    assert format_date("2020-01-05", "lt", "%B %Y") == "sausis 2020"  # no day: the month alone
    assert format_date("2020-01-05", "lt", "%d.%m.%Y 'm'") == "05.01.2020 'm'"
    assert format_date("not a date") == "not a date"
    assert format_date("2019-02-30") == "2019-02-30"
    assert format_date("2019-03-28", "xx-Nonsense") == "28 March 2019"


def test_format_date_takes_a_full_timestamp_and_shows_its_own_date():
    # 23:30 in Vilnius is already the next day in UTC: the page shows the local date
    assert format_date("2024-03-05T23:30:00+02:00", "lt") == "2024 m. kovo 5 d."
    assert format_date("2024-03-05T23:30:00+02:00", "en") == "5 March 2024"
    assert format_date("2024-03-05 08:00", "en") == "5 March 2024"


def test_the_old_default_house_format_means_the_articles_language():
    assert format_date("2019-03-28", "lt", "%-d %B %Y") == "2019 m. kovo 28 d."


def test_format_date_ignores_locale():
    code = (
        "import locale, os; os.environ['LC_ALL']='de_DE.UTF-8';\n"
        "try: locale.setlocale(locale.LC_ALL, 'de_DE.UTF-8')\nexcept locale.Error: pass\n"
        "from editor_app.core.render import format_date; print(format_date('2019-03-28'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "28 March 2019"


# -- source splitting ---------------------------------------------------------------------
def test_split_keeps_continuations_together():
    text = normalize_source(
        "- a\n\n    continued\n\n- b\n\n> q\n\n> q2\n\npara\n\n```\nx\n\ny\n```\nafter\n\n    code"
    )
    blocks = [(b.start_line, b.text.split("\n")[0]) for b in split_blocks(text)]
    assert blocks == [(0, "- a"), (6, "> q"), (10, "para"), (12, "```"), (17, "after")]


def test_core_render_does_not_import_qt():
    code = "import sys, editor_app.core.render; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
