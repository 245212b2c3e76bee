"""Tag suggestions: vocabulary terms and aliases in the text, tags of similar articles."""

from editor_app.core.models import Article
from editor_app.core.related import suggest_tags

FLOOD = ("The council approved the flood barrier for the harbour after the storm surge. "
         "Engineers say the barrier will protect homes on the quay from flooding.")


def make(lib, title, body, tags=(), summary=""):
    return lib.create_article(Article(title=title, body=body, summary=summary, tags=list(tags),
                                      date="2024-01-01"))


def by_name(found):
    return {s.tag: s for s in found}


def test_vocabulary_terms_in_text_are_suggested_whole_words_any_case(library):
    make(library, "Seed", "x", ["Harbour", "Storm surge", "Art"])
    story = make(library, "HARBOUR news", "A storm   surge hit. Smart artists watched.")
    found = by_name(suggest_tags(library, story.id))
    assert "in the title" in found["Harbour"].reasons
    assert found["Storm surge"].reasons == ["1× in the body"]
    assert "Art" not in found  # "smart", "artists": not the word "art"
    assert found["Harbour"].score > found["Storm surge"].score


def test_alias_in_text_suggests_its_tag(library):
    make(library, "Seed", "x", ["European Union"])
    library.add_tag_alias("European Union", "EU")
    story = make(library, "Fishing rules", "Talks with the EU on quotas.")
    found = by_name(suggest_tags(library, story.id))
    assert found["European Union"].reasons == ["1× in the body as “EU”"]


def test_tags_of_similar_articles_are_suggested(library):
    make(library, "Barrier plans", FLOOD, ["climate", "city council"])
    make(library, "Barrier costs", FLOOD, ["climate"])
    make(library, "Exams moved", "Pupils and teachers and timetables.", ["education"])
    story = make(library, "Flood barrier approved", FLOOD)
    found = suggest_tags(library, story.id)
    names = [s.tag for s in found]
    assert names[0] == "climate"
    assert "education" not in names
    assert any(r.startswith("on 2 of") for r in found[0].reasons)


def test_tags_the_article_has_are_never_suggested(library):
    make(library, "Barrier plans", FLOOD, ["climate", "harbour"])
    story = make(library, "Flood barrier in the harbour", FLOOD, ["harbour"])
    names = [s.tag for s in suggest_tags(library, story.id)]
    assert "harbour" not in names and "climate" in names


def test_limit_and_ranking(library):
    make(library, "Seed", "x", [f"tag{i}" for i in range(20)])
    story = make(library, "t", " ".join(f"tag{i}" for i in range(20)) + " tag3 tag3 tag3")
    found = suggest_tags(library, story.id, limit=5)
    assert len(found) == 5 and found[0].tag == "tag3"
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
