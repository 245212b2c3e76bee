"""The new related-news signals (#16): topic space, shared names, the lead, and their reasons."""

import numpy as np
import pytest

from editor_app.core.importing import import_files
from editor_app.core.library import Library
from editor_app.core.models import Article, Status
from editor_app.core.related import suggest_related, topics
from editor_app.core.related.analysis import split_lead, weighted_terms
from editor_app.core.related.entities import extract_entities

# Two ways of telling one story: they share no word that says what it is about.
FLOOD = ("Engineers finished the flood barrier on the quay before the storm. The barrier "
         "keeps the river out of homes when heavy rain swells it, the engineers said.")
SURGE = ("Tidal defences along the seafront held back the surge overnight. Residents "
         "watched the sea wall as waves broke over the promenade.")
# Bridges: articles that use both vocabularies, as a library's coverage does over months.
BRIDGES = [
    "The flood barrier and the tidal defences were both tested by the storm surge.",
    "A new sea wall joins the flood barrier; the seafront defences cost more than planned.",
    "Storm surge and river flooding: the quay barrier and the promenade sea wall were raised.",
    "Waves over the seafront promenade; the flood barrier on the quay held.",
    "Engineers inspected tidal defences, the sea wall and the river flood barrier.",
]
OTHERS = [
    ("Schools", "Pupils sat their exams as teachers marked papers in the school hall."),
    ("Football", "The striker scored twice as the club won the derby in front of fans."),
    ("Budget", "The treasurer presented a budget with higher taxes and lower spending."),
    ("Hospital", "Nurses at the hospital ward treated patients through the winter."),
    ("Fishing", "Trawler crews landed cod and herring while quota talks stalled."),
    ("Theatre", "The actors rehearsed the play on the new stage of the theatre."),
    ("Railway", "Commuters waited as the train timetable changed on the railway line."),
    ("Elections", "Voters queued at polling stations as candidates made final speeches."),
]


def make(lib, title, body, date="2024-01-01", **kw):
    return lib.create_article(Article(title=title, body=body, date=date, **kw)).id


@pytest.fixture
def coast(library):
    ids = {"flood": make(library, "Barrier finished", FLOOD, "2024-05-01"),
           "surge": make(library, "Seafront holds", SURGE, "2024-04-01")}
    for i, text in enumerate(BRIDGES * 2):
        make(library, f"Coast report {i}", text, f"2023-0{1 + i % 9}-10")
    for title, text in OTHERS:
        make(library, title, text, "2024-02-01")
    topics.update_space(library)
    return library, ids


def test_two_stories_told_with_different_words_come_out_related(coast):
    lib, ids = coast
    assert not set(weighted_terms("", "", FLOOD)) & set(weighted_terms("", "", SURGE)) - {"storm"}
    found = suggest_related(lib, ids["flood"], limit=20)
    surge = next(s for s in found if s.id == ids["surge"])
    assert any(r.startswith("same topic: ") for r in surge.reasons), surge.reasons
    unrelated = [s for s in found if s.title in dict(OTHERS)]
    assert all(s.score < surge.score for s in unrelated)


def test_a_shared_common_word_does_not_make_unrelated_stories_related(library):
    for i in range(30):
        make(library, f"City item {i}", f"The city said item {i} of the list was done on time.")
    pitch = make(library, "Derby won", "The city club won the derby; the striker scored twice.")
    ward = make(library, "Ward reopens", "The city hospital reopened its ward for patients.")
    topics.update_space(library)
    assert ward not in [s.id for s in suggest_related(library, pitch, include_newer=True)]


def test_same_people_make_stories_related_and_say_who(library):
    a = make(library, "Ardern visits Christchurch",
             "Prime Minister Jacinda Ardern met families in Christchurch. Ardern said the city "
             "would heal.", "2024-03-01")
    b = make(library, "Budget day",
             "Jacinda Ardern presented the budget. Ardern told reporters spending would rise.",
             "2024-02-01")
    for title, text in OTHERS:
        make(library, title, text, "2024-01-01")
    topics.update_space(library)
    best = suggest_related(library, a)[0]
    assert best.id == b
    assert "same people: Jacinda Ardern" in best.reasons


def test_names_and_their_variants():
    names = extract_entities("Mugabe dies at 95", "",
                             "Robert Mugabe, the former president, died in Singapore. Mr Mugabe "
                             "led Zimbabwe for decades. The Bank of England said nothing.")
    assert names["mugabe"].name == "Robert Mugabe" and names["mugabe"].kind == "person"
    assert names["mugabe"].mentions == 3
    assert "bank of england" in names and names["bank of england"].kind == "organisation"
    assert "the" not in names and "dies" not in names


def test_the_lead_counts_more_than_the_tail():
    body = "Harbour first. " + "filler words here. " * 60 + "harbour last"
    lead, tail = split_lead(body)
    assert lead.startswith("Harbour first") and tail.endswith("harbour last")
    assert weighted_terms("", "", "Harbour news.")["harbour"] > \
        weighted_terms("", "", "x " * 400 + "harbour news.")["harbour"]


def test_every_suggestion_gives_a_reason_in_words(coast):
    lib, ids = coast
    for sid in ids.values():
        for s in suggest_related(lib, sid, limit=20, include_newer=True):
            why = [r for r in s.reasons if not r.startswith(("recent:", "undated", "already"))]
            assert why, s
            assert all(any(c.isalpha() for c in r.split(":", 1)[-1]) for r in why)


def test_never_itself_spiked_or_newer_with_the_space_built(coast):
    lib, ids = coast
    spiked = make(lib, "Barrier draft", FLOOD, "2024-03-01")
    newer = make(lib, "Barrier opens", FLOOD, "2024-09-01")
    lib.set_status(spiked, Status.SPIKED, role="editor", who="ed", note="")
    topics.update_space(lib)
    found = [s.id for s in suggest_related(lib, ids["flood"], limit=50)]
    assert ids["flood"] not in found and spiked not in found and newer not in found
    assert newer in [s.id for s in suggest_related(lib, ids["flood"], limit=50, include_newer=True)]
    assert spiked not in [s.id for s in suggest_related(lib, ids["flood"], limit=50, include_newer=True)]


def test_the_space_is_rebuilt_after_imports(library, tmp_path):
    for title, text in OTHERS:
        make(library, title, text)
    topics.update_space(library)
    assert topics.space_status(library).action == "none"
    files = []
    for i, text in enumerate([FLOOD, SURGE, *BRIDGES]):
        path = tmp_path / f"coast-{i}.md"
        path.write_text(f"---\ntitle: Coast {i}\ndate: 2024-06-0{1 + i % 9}\n---\n{text}\n")
        files.append(path)
    import_files(library, files)
    status = topics.space_status(library)
    assert status.action == "rebuild" and status.pending == len(files)
    report = topics.update_space(library)
    assert report.action == "rebuild" and report.articles == len(OTHERS) + len(files)
    after = topics.space_status(library, thorough=True)
    assert after.action == "none" and after.covered == after.live == len(OTHERS) + len(files)


def test_an_edited_article_is_placed_again(coast):
    lib, ids = coast
    lib.update_article(ids["surge"], body=SURGE + " The quay was closed.")
    status = topics.space_status(lib)
    assert status.action == "fold" and status.pending == 1
    assert topics.update_space(lib).action == "fold"
    assert topics.space_status(lib, thorough=True).pending == 0


def test_one_generation_stays_and_deleted_articles_leave(coast):
    lib, ids = coast
    topics.update_space(lib, rebuild=True)
    generation = lib.space_generation()
    assert {r[0] for r in lib.db.execute("SELECT DISTINCT generation FROM related_space_docs")} == {generation}
    lib.delete_article(ids["surge"])
    assert ids["surge"] not in {r[0] for r in lib.db.execute("SELECT article_id FROM related_space_docs")}
    assert ids["surge"] not in [s.id for s in suggest_related(lib, ids["flood"], limit=50)]


def test_the_space_survives_reopening(tmp_path):
    path = tmp_path / "lib.byline"
    with Library.open(path) as lib:
        flood = make(lib, "Barrier finished", FLOOD, "2024-05-01")
        surge = make(lib, "Seafront holds", SURGE, "2024-04-01")
        for i, text in enumerate(BRIDGES * 2):
            make(lib, f"Coast report {i}", text, "2023-01-10")
        for title, text in OTHERS:
            make(lib, title, text, "2024-02-01")
        topics.update_space(lib)
    with Library.open(path) as lib:
        space = topics.current_space(lib)
        assert space is not None and space.vector(surge) is not None
        assert surge in [s.id for s in suggest_related(lib, flood, limit=20)]


def test_a_small_library_learns_with_the_shipped_background(coast):
    lib, _ids = coast
    status = topics.space_status(lib)
    assert status.background and status.built_from == lib.space_live_count()
    space = topics.current_space(lib)
    assert space.model.documents > status.built_from  # the background stories took part


def _rows(reading):
    m = reading.matrix
    return [{m.terms[m.indices[j]]: m.counts[j] for j in range(m.indptr[i], m.indptr[i + 1])}
            for i in range(m.rows)]


def test_readers_in_parallel_read_what_one_reads(coast, monkeypatch):
    lib, _ids = coast
    live = lib.space_live_count()
    one = topics._read_all(lib, live, None)
    monkeypatch.setattr(topics, "PARALLEL_FROM", 0)
    monkeypatch.setattr(topics.os, "cpu_count", lambda: 2)
    many = topics._read_all(lib, live, None)
    assert many.ids == one.ids and many.versions == one.versions and many.names == one.names
    assert many.name_df == one.name_df
    assert _rows(many) == _rows(one)
    report = topics.update_space(lib, rebuild=True)
    assert report.action == "rebuild" and report.articles == live


def test_no_names_are_read_from_german_capitals(library):
    text = ("Die neue Fähre verbindet Harbourside mit Kallbrück. Zwischen Harbourside und "
            "Kallbrück fährt das Schiff jeden Morgen, sagt die Reederei.")
    a = make(library, "Neue Fähre", text, "2024-03-01", language="de")
    twin = make(library, "Fähre fährt", text, "2024-02-01", language="de")
    for title, other in OTHERS:
        make(library, title, other)
    topics.update_space(library)
    found = suggest_related(library, a)
    assert [s.id for s in found][:1] == [twin]
    for s in found:
        assert not any(r.startswith("same ") and "Zwischen" in r for r in s.reasons)
        assert not any(r.startswith(("same people", "same names", "same places")) for r in s.reasons)


def test_words_spread_over_every_story_weigh_nothing_in_the_space():
    """Log-entropy (#16): a word used evenly everywhere carries no topic, a rare one does."""
    from editor_app.core.related import space as _space

    matrix = _space.TermMatrix()
    for i in range(12):
        counts = {"report": 2.0, "council": 1.0}
        counts["harbour" if i == 0 else f"topic{i % 4}"] = 3.0
        counts["lighthouse" if i < 2 else "weather"] = 1.0
        matrix.add(counts)
    keep = np.arange(len(matrix.terms))
    df = np.bincount(np.frombuffer(matrix.indices, np.int32), minlength=len(keep))
    weights = dict(zip(matrix.terms, _space.global_weights(matrix, keep, df), strict=True))
    assert weights["report"] == pytest.approx(0.0, abs=1e-6)   # in every story, same count
    assert weights["council"] == pytest.approx(0.0, abs=1e-6)
    assert weights["harbour"] == pytest.approx(1.0)            # one story only
    assert 0.5 < weights["lighthouse"] < 1.0                   # two stories of twelve
    assert weights["lighthouse"] > weights["topic1"] > weights["weather"] > weights["report"]


def test_the_stored_space_weighs_words_by_log_entropy(coast):
    lib, _ids = coast
    model = topics.current_space(lib).model
    # Entropy weights lie in 0..1; idf, as before, gave log(n / df): well above 1 for a
    # word in a few of the library's and the background's 300 stories.
    assert 0.0 <= float(model.idf.min()) and float(model.idf.max()) <= 1.0
    assert float(model.idf.max()) > 0.5


def test_the_story_s_neighbourhood_brings_the_same_story_told_in_other_words_closer(coast, monkeypatch):
    """Neighbourhood feedback (#16): the bridging reports the story is closest to lift the
    seafront story, which shares none of its words, above where its own vector puts it."""
    from editor_app.core.related import scoring

    lib, ids = coast

    def surge_score() -> float:
        found = suggest_related(lib, ids["flood"], limit=30, include_newer=True)
        return next(s.score for s in found if s.id == ids["surge"])

    with_feedback = surge_score()
    monkeypatch.setattr(scoring, "FEEDBACK_WEIGHT", 0.0)
    assert with_feedback > surge_score()


def test_a_banned_story_stays_out_when_only_the_neighbourhood_finds_it(coast):
    lib, ids = coast
    lib.ban_related(ids["flood"], ids["surge"])
    found = [s.id for s in suggest_related(lib, ids["flood"], limit=50, include_newer=True)]
    assert ids["surge"] not in found and ids["flood"] not in found
