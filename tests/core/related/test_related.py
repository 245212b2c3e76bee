"""Related-news suggestions: what is never suggested, what counts, and pins."""

import pytest

from editor_app.core.errors import InputError, NotFoundError
from editor_app.core.library import Library
from editor_app.core.models import Article, Status
from editor_app.core.related import characteristic_terms, suggest_related, tag_weight

FLOOD = ("The council approved the flood barrier for the harbour after the storm surge. "
         "Engineers say the barrier will protect homes on the quay from flooding.")
SCHOOL = "The school board discussed pupils, teachers and the new timetable for exams."
FISH = "Trawler crews landed cod and herring while quota talks with the ministry stalled."


def make(lib, title, body, date, tags=(), **kw):
    return lib.create_article(Article(title=title, body=body, date=date, tags=list(tags), **kw))


@pytest.fixture
def newsroom(library):
    """A story about a flood barrier and its neighbours, older and newer."""
    ids = {}
    ids["story"] = make(library, "Flood barrier approved", FLOOD, "2024-05-10", ["harbour", "climate"]).id
    ids["older_twin"] = make(library, "Council debates flood barrier", FLOOD, "2024-03-01", ["harbour"]).id
    ids["newer_twin"] = make(library, "Flood barrier opens", FLOOD, "2024-09-01", ["harbour"]).id
    ids["spiked_twin"] = make(library, "Flood barrier draft", FLOOD, "2024-01-01", ["harbour"]).id
    library.set_status(ids["spiked_twin"], Status.SPIKED, role="editor", who="ed", note="")
    ids["school"] = make(library, "Exams moved", SCHOOL, "2024-02-01", ["education"]).id
    ids["fish"] = make(library, "Quota talks stall", FISH, "2024-04-01", ["fisheries"]).id
    return library, ids


def test_never_itself_spiked_or_newer_by_default(newsroom):
    lib, ids = newsroom
    found = [s.id for s in suggest_related(lib, ids["story"])]
    assert found[0] == ids["older_twin"]
    assert ids["story"] not in found
    assert ids["spiked_twin"] not in found
    assert ids["newer_twin"] not in found


def test_include_newer_brings_newer_but_never_spiked(newsroom):
    lib, ids = newsroom
    found = [s.id for s in suggest_related(lib, ids["story"], include_newer=True)]
    assert set(found[:2]) == {ids["older_twin"], ids["newer_twin"]}
    assert ids["spiked_twin"] not in found and ids["story"] not in found


def test_reasons_name_shared_tags_words_and_age(newsroom):
    lib, ids = newsroom
    best = suggest_related(lib, ids["story"])[0]
    assert "shared tags: harbour" in best.reasons
    text = next(r for r in best.reasons if r.startswith("similar text: "))
    assert "barrier" in text and "flood" in text
    assert "recent: 70 days older" in best.reasons
    assert 0 < best.score <= 1


def test_banned_never_come_back_and_pinned_are_flagged(newsroom):
    lib, ids = newsroom
    lib.ban_related(ids["story"], ids["older_twin"])
    assert ids["older_twin"] not in [s.id for s in suggest_related(lib, ids["story"])]
    lib.pin_related(ids["story"], ids["older_twin"])  # pinning lifts the ban
    first = suggest_related(lib, ids["story"])[0]
    assert first.id == ids["older_twin"] and first.pinned and "already pinned" in first.reasons


def test_unrelated_articles_are_not_suggested(newsroom):
    lib, ids = newsroom
    found = [s.id for s in suggest_related(lib, ids["school"], include_newer=True)]
    assert ids["story"] not in found and ids["older_twin"] not in found


def test_a_tag_on_most_of_the_library_does_not_dominate(library):
    # 30 articles all tagged "news"; only one shares the story's text.
    for i in range(28):
        make(library, f"Item {i}", f"{SCHOOL} Number {i}.", "2024-01-01", ["news"])
    twin = make(library, "Barrier plans", FLOOD, "2023-12-01").id
    story = make(library, "Flood barrier approved", FLOOD, "2024-05-10", ["news"]).id
    assert tag_weight(29, 30) == 0.0
    found = suggest_related(library, story)
    assert [s.id for s in found] == [twin]
    assert not any(r.startswith("shared tags") for r in found[0].reasons)


def test_rare_tag_weighs_more_than_common_tag():
    assert tag_weight(1, 1000) > tag_weight(50, 1000) > tag_weight(400, 1000) > 0
    assert tag_weight(500, 1000) == 0.0 and tag_weight(0, 1000) == 0.0
    # In a tiny library a tag on two of three stories still counts.
    assert tag_weight(2, 3) > 0


def test_shared_rare_tag_alone_makes_a_candidate(library):
    story = make(library, "Ferry timetable", "Boats leave at nine.", "2024-05-01", ["ferries"]).id
    other = make(library, "Harbour dues", "Fees for moorings rise.", "2024-04-01", ["ferries"]).id
    found = suggest_related(library, story)
    assert [s.id for s in found] == [other]
    assert found[0].reasons[0] == "shared tags: ferries"


def test_characteristic_terms_drop_stop_words_and_prefer_rare_words(newsroom):
    lib, ids = newsroom
    art = lib.get_article(ids["story"])
    terms = characteristic_terms(lib, art.title, art.summary, art.body)
    words = [t.word for t in terms]
    assert "the" not in words and "after" not in words and "say" not in words
    assert "barrier" in words and len(terms) <= 12
    assert all(t.df >= 2 for t in terms)


def test_empty_and_missing_articles(library):
    lonely = make(library, "Nothing here", "", "2024-01-01").id
    assert suggest_related(library, lonely) == []
    with pytest.raises(NotFoundError):
        suggest_related(library, 4242)


def test_pin_order_survives_reopening(tmp_path):
    path = tmp_path / "lib.byline"
    with Library.open(path) as lib:
        story = make(lib, "Story", FLOOD, "2024-05-01").id
        others = [make(lib, f"Other {i}", FLOOD, f"2024-0{i + 1}-01").id for i in range(3)]
        for other in others:
            lib.pin_related(story, other)
        lib.reorder_related(story, [others[2], others[0], others[1]])
    with Library.open(path) as lib:
        assert [a.id for a in lib.pinned_related(story)] == [others[2], others[0], others[1]]
        flagged = {s.id for s in suggest_related(lib, story) if s.pinned}
        assert flagged == set(others)


def test_pinning_a_spiked_or_missing_article_is_refused(newsroom):
    lib, ids = newsroom
    with pytest.raises(InputError, match="spiked"):
        lib.pin_related(ids["story"], ids["spiked_twin"])
    with pytest.raises(NotFoundError):
        lib.pin_related(ids["story"], 9999)


def test_suggestions_follow_edits_of_the_library(newsroom):
    lib, ids = newsroom
    before = {s.id for s in suggest_related(lib, ids["story"])}
    new = make(lib, "Barrier costs rise", FLOOD, "2024-05-01", ["harbour"]).id
    after = {s.id for s in suggest_related(lib, ids["story"])}
    assert new in after and new not in before
