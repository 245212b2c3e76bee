"""The tokenizer: exact offsets, and markup that is never mistaken for prose."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.spelling import iter_words, line_col, prose_regions, tokenize

MARKDOWN_BITS = st.sampled_from([
    "word", "Merkel's", "don’t", "well-known", "e-mail", "COVID-19", "mp3", "`code`", "``a`b``",
    "```", "~~~", "\n", "\n\n", "    ", "\t", "---", "http://x.org/a_b", "www.foo.com", "a@b.org",
    "[t](http://u \"ti\")", "[x]: http://y", "<b>", "</i>", "<!--", "-->", "<http://z>",
    "Q:", "A:", "!!! aside \"T\"", "&amp;", "'", "’", "-", "_", "*", "#", "é", "ß", "\u0301",
    "\u200c", "é", "über", "naïve", "Zoë", "1,000", ".", ",", "!", "(", ")", "[", "]", "<", ">",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(MARKDOWN_BITS, max_size=40).map(" ".join),
                 st.lists(MARKDOWN_BITS, max_size=40).map("".join)))
def test_offsets_map_back_to_the_source(text):
    previous_end = 0
    for token in tokenize(text):
        assert text[token.start:token.end] == token.text
        assert token.text
        assert token.start >= previous_end
        assert not any(c.isdigit() for c in token.text)
        previous_end = token.end


@settings(max_examples=200, deadline=None)
@given(st.lists(MARKDOWN_BITS, max_size=40).map(" ".join), st.integers(0, 300), st.integers(0, 300))
def test_words_of_a_range_stay_inside_it_and_map_back(text, a, b):
    start, end = min(a, b), max(a, b)
    for token in iter_words(text, start, end):
        assert start <= token.start < token.end <= end
        assert text[token.start:token.end] == token.text
    assert list(iter_words(text, 0, len(text))) == list(iter_words(text))


def words(text):
    return [t.text for t in tokenize(text)]


@pytest.mark.parametrize("text", [
    "```\nzzqx\n```",
    "~~~python\nzzqx = 1\n~~~",
    "para\n\n    zzqx indented code\n",
    "use `zzqx` here",
    "use ``zz`qx`` here",
    "see http://example.org/zzqx and https://x.y/zzqx?q=zzqx#zzqx",
    "see www.zzqx.org/path",
    "write to zzqx@example.org",
    "a [link](http://x.org/zzqx \"zzqx title\") here",
    "a [link](<http://x.org/zz qx>) here",
    "a [link][zzqx] here",
    "[zzqx]: http://example.org/zzqx \"zzqx\"",
    "auto <http://zzqx.org> link",
    "an <span class=\"zzqx\">HTML</span> tag",
    "a <!-- zzqx --> comment",
    "a <!-- multi\n\nline zzqx --> comment",
    "---\ntitle: zzqx\n---\nbody",
    "numbers 1990s zzqx9 9zzqx 3rd",
    "snake zz_qx identifier",
    "entity &zzqx; here",
    "visit zzqx.com today",
    "a footnote[^zzqx] here",
    "<pre>\nzzqx\n</pre>",
    "```\nunclosed fence zzqx",
])
def test_markup_is_never_checked(text):
    assert not any("zz" in w or "qx" in w for w in words(text)), words(text)


def test_interview_prefixes_and_admonition_keywords_are_skipped_but_titles_are_not():
    text = 'Q: Why?\n\nA: Because.\n\n**Q:** Again?\n\n!!! aside "About the forum"\n    Boxed text.\n'
    assert words(text) == ["Why", "Because", "Again", "About", "the", "forum", "Boxed", "text"]


def test_indented_text_under_list_items_and_admonitions_is_prose():
    text = "- item\n\n    continued paragraph\n\n!!! note\n    boxed words\n"
    assert words(text) == ["item", "continued", "paragraph", "boxed", "words"]


def test_indented_code_after_a_paragraph_is_code():
    assert words("Intro.\n\n    code line\n\nOutro.") == ["Intro", "Outro"]


def test_apostrophes_possessives_and_compounds():
    text = "Merkel's don’t rock'n'roll workers' well-known"
    tokens = list(tokenize(text))
    assert [t.text for t in tokens] == ["Merkel", "don’t", "rock'n'roll", "workers", "well", "known"]
    well, known = tokens[-2:]
    assert (well.start, well.end) == (text.index("well"), text.index("well") + 4)
    assert text[known.start:known.end] == "known"


def test_emphasis_underscores_are_not_part_of_words():
    tokens = list(tokenize("an _emphasised_ word"))
    assert [t.text for t in tokens] == ["an", "emphasised", "word"]


def test_unicode_words_keep_combining_marks_and_joiners():
    assert words("cafe\u0301 na\u00efve \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") == [
        "cafe\u0301", "na\u00efve", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"]


def test_prose_regions_skip_front_matter_and_fences():
    text = "---\na: b\n---\nHello\n```\ncode\n```\nBye\n"
    regions = prose_regions(text)
    prose = "".join(text[a:b] for a, b in regions)
    assert "Hello" in prose and "Bye" in prose and "code" not in prose and "a: b" not in prose


def test_unclosed_front_matter_is_prose():
    assert words("---\nzzz text") == ["zzz", "text"]


def test_line_col_is_one_based_and_counts_characters():
    text = "ünïcode\nsecond lïne here"
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, text.index("here")) == (2, 13)


def test_no_empty_tokens_around_hyphens():
    from editor_app.core.spelling import tokenize

    text = "a _-word b--c -x"
    tokens = list(tokenize(text))
    assert all(t.text for t in tokens)
    assert all(text[t.start:t.end] == t.text for t in tokens)
