"""Status-bar counts: text only, no markup, no front matter."""

from editor_app.core.text_stats import count_questions, plain_text, text_stats


def test_counts_words_of_plain_prose():
    stats = text_stats("One two three.\n\nFour five.")
    assert stats.words == 5
    assert stats.characters == len("One two three. Four five.")
    assert stats.reading_minutes == 1


def test_markup_is_not_counted():
    body = ("# The **big** _story_\n\n"
            "See [the report](https://example.org/a-very-long-url-with-many-words) now.\n\n"
            "![a photo of the quay](asset:abc.png)\n\n"
            "> quoted `code`\n\n- item one\n- item two\n")
    text = plain_text(body)
    assert "https" not in text and "asset" not in text and "photo" not in text
    assert "*" not in text and "#" not in text and "`" not in text
    assert text_stats(body).words == len(
        "The big story See the report now quoted code item one item two".split())


def test_front_matter_is_not_counted():
    body = "---\ntitle: Many words in a title here\nkind: interview\n---\nJust three words."
    assert text_stats(body).words == 3


def test_interview_prefixes_and_questions():
    body = ("Lede text.\n\nQ: What happened?\n\nA: A lot happened.\n\n"
            "**Q:** And then?\n\nMore answer.\n\nThis Q: is not a question.")
    stats = text_stats(body)
    assert stats.questions == 2
    assert count_questions("Q: one?\nstill one\n\nQ: two?") == 2
    assert "Q:" not in plain_text(body) .split("This")[0]
    assert stats.words == len("Lede text What happened A lot happened And then More answer "
                              "This Q is not a question".split())


def test_fact_box_title_counts_but_not_its_marker():
    stats = text_stats('!!! aside "About the forum"\n    Boxed text.')
    assert stats.words == 5


def test_reading_time_rounds_up_and_empty_text_is_zero():
    assert text_stats("word " * 231).reading_minutes == 2
    empty = text_stats("")
    assert (empty.words, empty.characters, empty.questions, empty.reading_minutes) == (0, 0, 0, 0)


def test_summary_reads_well():
    text = text_stats("Q: Why?\n\nA: Because.").summary()
    assert text == "2 words · 13 characters · 1 question · 1 min read"
