"""Comments follow their passage through edits, and detach (never vanish) when it is gone."""

from __future__ import annotations

import pytest

from editor_app.core.errors import InputError
from editor_app.core.models import Article, Comment
from editor_app.core.review import anchor_comments, comment_threads, locate, reanchor_comments

TEXT = ("The council met on Tuesday. The mayor said the flood barrier would be built by 2030. "
        "Residents were not convinced.")
QUOTE = "the flood barrier would be built by 2030"


def comment(quote=QUOTE, text=TEXT, cid=1, parent=None, **kw) -> Comment:
    start = text.index(quote) if quote in text else kw.pop("start", 0)
    return Comment(id=cid, article_id=1, author="Kim", text="source?", quote=quote, start=start,
                   end=start + len(quote), created_at="", parent_id=parent, **kw)


def anchored(new_text, c):
    [(got, start, end, detached)] = anchor_comments(new_text, [c])
    assert got is c
    return new_text[start:end], start, detached


def test_unchanged_text_keeps_the_anchor():
    c = comment()
    assert anchored(TEXT, c) == (QUOTE, c.start, False)


def test_edit_before_the_passage_moves_the_anchor():
    new = "BREAKING: " + TEXT.replace("Tuesday", "Wednesday evening")
    quote, start, detached = anchored(new, comment())
    assert quote == QUOTE and not detached and start == new.index(QUOTE)


def test_edit_after_the_passage_keeps_it():
    new = TEXT.replace("Residents were not convinced.", "Nobody believed it.")
    assert anchored(new, comment())[0] == QUOTE


def test_deletion_before_the_passage():
    new = TEXT.replace("The council met on Tuesday. ", "")
    quote, start, detached = anchored(new, comment())
    assert (quote, start, detached) == (QUOTE, new.index(QUOTE), False)


def test_edit_inside_the_passage_keeps_the_comment_on_it():
    new = TEXT.replace("would be built", "will certainly be finished")
    quote, _, detached = anchored(new, comment())
    assert not detached
    assert quote == "the flood barrier will certainly be finished by 2030"


def test_deleted_quote_detaches_but_is_kept():
    new = TEXT.replace(QUOTE, "nothing")
    c = comment()
    [(got, start, end, detached)] = anchor_comments(new, [c])
    assert got is c and detached
    assert 0 <= start <= end <= len(new)


def test_nearest_occurrence_wins():
    text = "alpha beta. " * 3
    second = text.index("alpha beta", 1)
    c = Comment(1, 1, "", "x", "alpha beta", second, second + 10, "")
    shifted = "zz" + text
    assert locate(shifted, c.quote, c.start, c.end) == (second + 2, second + 12)


def test_replies_follow_their_thread():
    root = comment()
    reply = comment(cid=2, parent=1)
    new = "Intro. " + TEXT
    out = anchor_comments(new, [root, reply])
    assert out[0][1:] == out[1][1:]
    assert [r.id for r in comment_threads([root, reply])[0][1]] == [2]


def test_reanchor_stores_moves_and_keeps_detached(library):
    aid = library.create_article(Article(title="t", body=TEXT)).id
    c = library.add_comment(aid, text="source?", quote=QUOTE, start=TEXT.index(QUOTE),
                            end=TEXT.index(QUOTE) + len(QUOTE))
    reply = library.add_comment(aid, text="asked", parent_id=c.id)
    gone = library.add_comment(aid, text="x", quote="Residents", start=TEXT.index("Residents"),
                               end=TEXT.index("Residents") + 9)
    new = "Update: " + TEXT.replace("Residents were not convinced.", "")
    library.update_article(aid, body=new)
    anchors = {a.comment.id: a for a in reanchor_comments(library, aid)}
    stored = {x.id: x for x in library.comments(aid)}
    assert stored[c.id].start == new.index(QUOTE) and stored[reply.id].start == new.index(QUOTE)
    assert anchors[gone.id].detached and gone.id in stored  # never dropped
    assert stored[gone.id].quote == "Residents"


def test_comment_on_empty_selection_is_refused(library):
    aid = library.create_article(Article(title="t", body=TEXT)).id
    with pytest.raises(InputError):
        library.add_comment(aid, text="x", quote="", start=3, end=3)


def test_edit_at_the_end_of_the_passage_keeps_the_comment():
    new = TEXT.replace("built by 2030", "finished by 2031")
    quote, _, detached = anchored(new, comment())
    assert not detached and quote.startswith("the flood barrier") and "2031" in quote


def test_partly_deleted_start_of_the_passage_keeps_the_comment():
    new = TEXT.replace("the flood barrier", "the barrier")
    quote, _, detached = anchored(new, comment())
    assert not detached and quote.endswith("built by 2030")
