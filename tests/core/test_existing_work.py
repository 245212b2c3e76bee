"""Taking in the work people already have (#20): markdown without front matter, Word
documents, HTML from web pages and word processors, per-file import reports."""

from __future__ import annotations

import hashlib
import zipfile

import pytest

from editor_app.core.errors import InputError
from editor_app.core.html_markdown import html_to_markdown, mark_questions
from editor_app.core.importers import read_article_file
from editor_app.core.importing import import_each, import_files
from editor_app.core.models import Kind
from tests.core.docx_support import interview_docx, png_bytes


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- markdown without front matter --------------------------------------------------------

def test_markdown_without_front_matter_takes_its_first_heading(library, tmp_path):
    path = write(tmp_path, "notes.md", "# Ferry strike ends\n\nThe ferries run again.\n")
    [result] = import_files(library, [path])
    article = library.get_article(result.id)
    assert article.title == "Ferry strike ends"
    assert article.body == "The ferries run again.\n"  # the headline is not printed twice
    assert result.action == "imported"


def test_setext_and_closing_hashes_and_code_fences(tmp_path):
    assert read_article_file(write(tmp_path, "a.md", "Council meets\n=============\n\nText.\n")
                             ).title == "Council meets"
    assert read_article_file(write(tmp_path, "b.md", "## Budget vote ##\n\nText.\n")
                             ).title == "Budget vote"
    fenced = read_article_file(write(tmp_path, "c.md", "```\n# not a heading\n```\n\n# Real\n"))
    assert fenced.title == "Real" and "# not a heading" in fenced.body


def test_a_heading_further_down_is_the_headline_and_stays_in_the_text(tmp_path):
    article = read_article_file(write(tmp_path, "d.md", "Opening words.\n\n## Details\n\nMore.\n"))
    assert article.title == "Details"
    assert "## Details" in article.body and article.body.startswith("Opening words.")


def test_markdown_without_any_heading_takes_the_file_name(tmp_path):
    article = read_article_file(write(tmp_path, "ferry-strike_notes.md", "Just text.\n"))
    assert article.title == "Ferry strike notes"
    assert article.body == "Just text.\n"


def test_front_matter_without_a_title_falls_back_too(tmp_path):
    article = read_article_file(write(tmp_path, "obsidian.md",
                                      "---\ntags: [harbour]\n---\n# Quay repairs\n\nText.\n"))
    assert article.title == "Quay repairs" and article.tags == ["harbour"]


def test_the_same_file_as_txt_and_md_import_alike(library, tmp_path):
    text = "# Harbour news\n\nThe quay reopens.\n"
    a = read_article_file(write(tmp_path, "h.md", text))
    b = read_article_file(write(tmp_path, "h.txt", text))
    assert (a.title, a.body.strip()) == (b.title, b.body.strip())


# -- Word documents -----------------------------------------------------------------------------

def test_docx_keeps_structure_questions_and_pictures(library, tmp_path):
    path = interview_docx(tmp_path / "Harbour interview.docx")
    [result] = import_files(library, [path])
    article = library.get_article(result.id)
    assert article.title == "Harbour master: “the quay will reopen”"
    assert article.kind == Kind.INTERVIEW
    body = article.body
    assert "The harbour master spoke to **Byline** about the *quay*." in body
    assert "[the plans](https://example.org/quay)" in body
    assert "## Background" in body
    assert "- First point\n- Second point" in body
    assert "1. Step one\n2. Step two" in body
    assert "Q: When will the quay reopen?\n\nIn May, if the weather holds." in body
    assert "Q: Tell us about the repairs." in body and "Q: Who pays?" in body
    digest = hashlib.sha256(png_bytes()).hexdigest()
    assert f"![The rebuilt quay at dawn](asset:{digest}.png)" in body
    assert library.has_asset(digest)
    assert not body.startswith("# ")  # the title is not printed twice


def test_docx_without_a_heading_takes_its_file_name_and_stays_news(library, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("The quay reopens in May.")
    document.add_paragraph().add_run("Not a question, just bold.").bold = True
    document.save(str(tmp_path / "quay_notes.docx"))
    [result] = import_files(library, [tmp_path / "quay_notes.docx"])
    article = library.get_article(result.id)
    assert article.title == "Quay notes" and article.kind == Kind.NEWS
    assert article.body == "The quay reopens in May.\n\n**Not a question, just bold.**\n"


def test_docx_first_heading_is_the_headline_even_below_the_lede(library, tmp_path):
    path = interview_docx(tmp_path / "no-title.docx", title="", questions=False, picture=False)
    [result] = import_files(library, [path])
    article = library.get_article(result.id)
    assert article.title == "Background" and "## Background" in article.body


def test_docx_picture_word_cannot_publish_is_left_out_and_named(library, tmp_path):
    path = interview_docx(tmp_path / "emf.docx")
    # Replace the PNG inside the document with bytes that are no picture we publish.
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, data in items:
            target.writestr(info, b"\x01\x00\x00\x00EMF-ish" if info.filename.endswith(".png")
                            else data)
    [result] = import_files(library, [path])
    assert "asset:" not in library.get_article(result.id).body
    assert any("emf.docx: picture 1" in note and "left out" in note for note in result.notes)


def test_a_file_that_is_not_a_word_document_is_refused_naming_it(library, tmp_path):
    bad = tmp_path / "old.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 an old binary .doc")
    with pytest.raises(InputError, match=r"old\.docx: not a Word document"):
        import_files(library, [bad])
    assert library.count_articles() == 0


# -- per-file reports ---------------------------------------------------------------------------

def test_import_each_refuses_bad_files_and_stores_the_rest(library, tmp_path):
    good = write(tmp_path, "good.md", "# Good story\n\nFine.\n")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"---\ntitle: x\n---\n\xff\xfe")
    long_title = write(tmp_path, "long.md", "---\ntitle: " + "x" * 400 + "\n---\nBody\n")
    report = import_each(library, [good, bad, long_title])
    assert [r.action for r in report.results] == ["imported"]
    assert [r.source for r in report.refused] == [str(bad), str(long_title)]
    assert all(r.message.startswith(r.source) for r in report.refused)
    assert "not UTF-8" in report.refused[0].message
    assert "longer than 300" in report.refused[1].message
    assert report.summary() == "1 imported, 2 refused"
    assert library.count_articles() == 1


def test_two_files_claiming_one_article_the_second_is_refused(library, tmp_path):
    a = write(tmp_path, "a.md", "---\ntitle: A\nslug: same\n---\nOne\n")
    b = write(tmp_path, "b.md", "---\ntitle: B\nslug: same\n---\nTwo\n")
    report = import_each(library, [a, b])
    assert [r.title for r in report.results] == ["A"]
    assert report.refused[0].source == str(b) and "same import" in report.refused[0].message


# -- HTML -> markdown (paste) -------------------------------------------------------------------

def test_a_web_page_becomes_clean_markdown():
    html = ("<html><head><title>x</title><style>p{color:red}</style><script>alert(1)</script>"
            "</head><body><nav></nav><h1>Ferry strike</h1><p>The <b>council</b> said "
            "<i>no</i> to <a href='https://x.org/a'>the plan</a>.</p><ul><li>One</li>"
            "<li>Two<ul><li>Nested</li></ul></li></ul><ol><li>First</li><li>Second</li></ol>"
            "<p>Line<br>break</p><blockquote><p>Quoted</p></blockquote>"
            "<p><a href='javascript:alert(1)'>Click</a> &amp; go&nbsp;now\u200b</p></body></html>")
    assert html_to_markdown(html) == (
        "# Ferry strike\n\nThe **council** said *no* to [the plan](https://x.org/a).\n\n"
        "- One\n- Two\n  - Nested\n\n1. First\n2. Second\n\nLine  \nbreak\n\n> Quoted\n\n"
        "Click & go now")


def test_google_docs_wrapper_is_not_bold_but_its_bold_spans_are():
    html = ('<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">'
            '<p dir="ltr"><span style="font-weight:700">Bold words</span>'
            '<span style="font-weight:400"> and plain, </span>'
            '<span style="font-style:italic;font-weight:400">italic</span></p></b>')
    assert html_to_markdown(html) == "**Bold words** and plain, *italic*"


def test_word_html_lists_and_office_tags():
    html = ('<p class=MsoNormal><b><span lang=EN-GB>Why now?<o:p></o:p></span></b></p>'
            '<p class=MsoListParagraphCxSpFirst style="mso-list:l0 level1 lfo1">'
            '<![if !supportLists]><span style="font-family:Symbol;mso-list:Ignore">·'
            '<span>&nbsp;&nbsp;</span></span><![endif]>Item one<o:p></o:p></p>'
            '<p class=MsoListParagraphCxSpLast style="mso-list:l0 level1 lfo1">'
            '<span style="mso-list:Ignore">·</span>Item two</p>'
            '<p class=MsoNormal>After<o:p></o:p></p>')
    assert html_to_markdown(html) == "**Why now?**\n\n- Item one\n- Item two\n\nAfter"


def test_pictures_keep_web_sources_and_alt_text_and_drop_inline_data():
    html = ('<p><img src="https://x.org/q.png" alt="The [new] quay"></p>'
            '<p><img src="data:image/png;base64,AAAA" alt="pasted"> after</p>')
    assert html_to_markdown(html) == "![The (new) quay](https://x.org/q.png)\n\nafter"
    seen = []
    stored = html_to_markdown(html, image=lambda src, alt: seen.append(alt) or "asset:x.png")
    assert seen == ["The [new] quay", "pasted"]
    assert stored.count("](asset:x.png)") == 2


def test_html_without_text_is_empty():
    assert html_to_markdown("<html><head><style>x</style></head><body> </body></html>") == ""


def test_bold_questions_become_q_paragraphs():
    text, count = mark_questions("Lede.\n\n**Why now?**\n\nBecause.\n\n**Tell us about the "
                                 "forum.**\n\nIt is big.\n\n**And next?”**\n\nMore.")
    assert count == 3
    assert text == ("Lede.\n\nQ: Why now?\n\nBecause.\n\nQ: Tell us about the forum.\n\n"
                    "It is big.\n\nQ: And next?”\n\nMore.")
    assert mark_questions("**Not a question.**\n\nText.") == ("**Not a question.**\n\nText.", 0)
