"""Comments stay on their own passage: context and offset pick the occurrence, never a code
block for prose, and a comment whose passage is gone is detached (#19, defect 5)."""

from __future__ import annotations

from editor_app.core.models import Article, Comment
from editor_app.core.review import anchor_list, reanchor_comments

SENTENCE = "The harbour will close in May."
TWICE_AND_CODE = (f"Intro.\n\n{SENTENCE}\n\n{SENTENCE}\n\n```\n{SENTENCE}\n```\n")


def nth(text: str, needle: str, n: int) -> int:
    at = -1
    for _ in range(n):
        at = text.index(needle, at + 1)
    return at


def commented(library, body: str, quote: str, occurrence: int):
    article = library.create_article(Article(title="Harbour", body=body))
    start = nth(body, quote, occurrence)
    comment = library.add_comment(article.id, text="Source?", author="Tomas", quote=quote,
                                  start=start, end=start + len(quote))
    return article, comment


def anchor_after(library, article, new_body):
    library.update_article(article.id, body=new_body)
    [anchor] = reanchor_comments(library, article.id)
    return anchor


def test_comment_on_the_second_of_two_equal_sentences_stays_in_prose(library):
    article, _ = commented(library, TWICE_AND_CODE, SENTENCE, 2)
    new_body = TWICE_AND_CODE.replace(f"{SENTENCE}\n\n", "", 1)  # the first one is deleted
    anchor = anchor_after(library, article, new_body)
    assert not anchor.detached
    assert anchor.start == new_body.index(SENTENCE)  # the prose sentence, not the code block


def test_comment_whose_passage_was_deleted_is_detached_not_moved(library):
    body = (f"Intro.\n\nAnn said: {SENTENCE} Nobody objected.\n\n"
            f"Later, Bob repeated: {SENTENCE} Then he left.\n")
    article, _ = commented(library, body, SENTENCE, 1)
    new_body = body.replace(f"Ann said: {SENTENCE} Nobody objected.\n\n", "")
    anchor = anchor_after(library, article, new_body)
    assert anchor.detached


def test_the_same_occurrence_is_found_by_its_context_after_edits_before_it(library):
    body = (f"Ann said: {SENTENCE} Nobody objected.\n\n"
            f"Bob said: {SENTENCE} Then he left.\n")
    article, _ = commented(library, body, SENTENCE, 2)
    new_body = "A long new opening paragraph that shifts everything.\n\n" + body.replace(
        "Nobody objected.", "Nobody objected, and a much longer sentence follows here now.")
    anchor = anchor_after(library, article, new_body)
    assert not anchor.detached and anchor.start == nth(new_body, SENTENCE, 2)


def test_a_unique_passage_with_new_surroundings_is_still_found(library):
    body = f"Before it. {SENTENCE} After it.\n"
    article, _ = commented(library, body, SENTENCE, 1)
    new_body = f"Entirely new words here! {SENTENCE} And new ones after.\n"
    anchor = anchor_after(library, article, new_body)
    assert not anchor.detached and anchor.start == new_body.index(SENTENCE)


def test_comments_without_stored_context_never_move_from_prose_into_code():
    """Comments made before the context was stored (old libraries) still avoid code blocks."""
    start = nth(TWICE_AND_CODE, SENTENCE, 2)
    old = Comment(id=1, article_id=1, author="", text="?", quote=SENTENCE, start=start,
                  end=start + len(SENTENCE), created_at="")
    new_body = TWICE_AND_CODE.replace(f"{SENTENCE}\n\n", "", 1)
    [anchor] = anchor_list(new_body, [old])
    assert anchor.start == new_body.index(SENTENCE)
