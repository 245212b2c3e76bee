"""The checker: what gets flagged, names, repeats, languages, suggestions."""

import gzip
import threading

import pytest

from editor_app.core.errors import InputError
from editor_app.core.spelling import (
    REPEAT,
    SPELLING,
    SpellChecker,
    SpellingUnavailable,
    available_languages,
    load_checker,
    load_language,
    load_language_async,
    repeat_removal_span,
)
from editor_app.core.spelling.languages import read_dictionary_file


@pytest.fixture(scope="module")
def checker():
    return SpellChecker("en")


def flagged(checker, text, kind=SPELLING):
    return [i.word for i in checker.check(text) if i.kind == kind]


def test_misspelled_words_are_flagged_with_exact_offsets(checker):
    text = "The goverment said it wil act."
    issues = checker.check(text)
    assert [i.word for i in issues] == ["goverment", "wil"]
    for issue in issues:
        assert text[issue.start:issue.end] == issue.word
        assert issue.suggestions == ()


def test_code_urls_and_link_targets_are_never_flagged(checker):
    text = ("See [the report](http://exmaple.org/reprot \"Reprot\") and `fucntion()`,\n"
            "www.zzqxy.com, zzqx@exmaple.org and <http://zzqx.org>.\n\n```\nzzqx qxzz\n```\n")
    assert flagged(checker, text) == []


def test_offset_shifts_issues_for_a_paragraph_checked_alone(checker):
    issues = checker.check("a tipo here", offset=100)
    assert [(i.start, i.end) for i in issues] == [(102, 106)]


def test_repeated_words_are_their_own_kind(checker):
    text = "It was the the best. She had had enough. Duran Duran played."
    issues = checker.check(text)
    assert [(i.kind, i.word) for i in issues] == [(REPEAT, "the")]
    start, end = repeat_removal_span(text, issues[0])
    assert text[:start] + text[end:] == "It was the best. She had had enough. Duran Duran played."


def test_repeats_are_not_found_across_paragraphs_or_punctuation(checker):
    assert flagged(checker, "the end. The end\n\nend", REPEAT) == []


def test_acronyms_are_skipped_unless_asked(checker):
    assert flagged(checker, "The XQZT said so.") == []
    strict = SpellChecker("en", skip_acronyms=False)
    assert flagged(strict, "The XQZT said so.") == ["XQZT"]


def test_names_rule_accepts_consistently_capitalized_words(checker):
    text = "Minister Zinichev spoke. Later, Zinichev left. Kovalchukz came once."
    assert flagged(checker, text) == ["Kovalchukz"]
    off = SpellChecker("en", infer_names=False)
    assert flagged(off, text) == ["Zinichev", "Zinichev", "Kovalchukz"]


def test_names_rule_needs_a_mid_sentence_occurrence_and_no_lower_case(checker):
    assert flagged(checker, "Teh cat. Teh dog.") == ["Teh", "Teh"]
    assert flagged(checker, "Zorbix went. Then zorbix came, Zorbix said.") == ["Zorbix", "zorbix", "Zorbix"]


def test_a_title_occurrence_counts_towards_the_names_rule():
    checker = SpellChecker("en", title="Zhabrovsk building collapses")
    assert flagged(checker, "A building in Zhabrovsk collapsed.") == []
    assert flagged(SpellChecker("en"), "A building in Zhabrovsk collapsed.") == ["Zhabrovsk"]


def test_metadata_names_are_known():
    checker = SpellChecker("en", known_names=["Jane", "Zinovska"])
    assert flagged(checker, "Zinovska told us.") == []


def test_names_given_by_the_caller_replace_inference_for_one_paragraph(checker):
    document = "Zinichev spoke. Then Zinichev left.\n\nLater Zinichev returned."
    names = checker.document_names(document)
    assert names == {"zinichev"}
    paragraph = "Later Zinichev returned."
    assert flagged(checker, paragraph) == ["Zinichev"]
    assert checker.check(paragraph, names=names) == []


def test_check_range_rechecks_whole_paragraphs_with_block_context(checker):
    text = "Intro tipo.\n\n```\nzzqx\n```\n\nLater wrng here."
    start, end, issues = checker.check_range(text, text.index("wrng"), text.index("wrng") + 1)
    assert text[start:end] == "Later wrng here."
    assert [i.word for i in issues] == ["wrng"]
    start, end, issues = checker.check_range(text, text.index("zzqx"), text.index("zzqx") + 2)
    assert issues == []


def test_british_and_american_spellings_pass_in_english(checker):
    assert flagged(checker, "The organisation's colour, centre and defence programme.") == []
    assert flagged(SpellChecker("en-US"), "The colour.") == ["colour"]


def test_hyphenated_compounds_check_each_part_and_accept_prefixes(checker):
    assert flagged(checker, "A well-knwon pre-election multi-platform thing.") == ["knwon"]


def test_possessives_and_curly_apostrophes(checker):
    assert flagged(checker, "Obama’s party didn’t say; the government's plan.") == []


def test_words_added_are_no_longer_flagged_and_removal_restores(checker):
    checker = SpellChecker("en")
    assert flagged(checker, "a zqwerty here") == ["zqwerty"]
    checker.add_words(["Zqwerty"], "newsroom")
    assert flagged(checker, "a zqwerty here") == []
    checker.remove_words(["zqwerty"], "newsroom")
    assert flagged(checker, "a zqwerty here") == ["zqwerty"]


def test_ignored_and_personal_words():
    checker = SpellChecker("en", personal_words=["blorf"], ignored=["zzyzx"])
    assert flagged(checker, "blorf zzyzx qqqq") == ["qqqq"]


def test_other_languages_load_and_check():
    german = SpellChecker("de")
    assert flagged(german, "Die Regierung hat die Straße gesperrt. Das Haus ist grosss.") == ["grosss"]
    french = SpellChecker("fr")
    assert flagged(french, "L'homme est allé à l'école aujourd'hui.") == []


def test_words_in_another_script_are_not_flagged(checker):
    assert flagged(checker, "Путин said so") == []


@pytest.mark.parametrize("typo, right", [
    ("publically", "publicly"), ("tommorow", "tomorrow"), ("accomodation", "accommodation"),
    ("recieve", "receive"), ("seperate", "separate"), ("definately", "definitely"),
    ("wierd", "weird"), ("untill", "until"), ("occured", "occurred"), ("begining", "beginning"),
    ("goverment", "government"), ("thier", "their"), ("becuase", "because"),
])
def test_suggestions_contain_the_right_word(checker, typo, right):
    checker.prepare_suggestions()
    assert right in checker.suggest(typo)


def test_suggestions_follow_the_case_of_the_word(checker):
    assert checker.suggest("Goverment")[0] == "Government"
    assert checker.suggest("GOVERMENT")[0] == "GOVERNMENT"


def test_suggestions_include_taught_words():
    checker = SpellChecker("en", newsroom_words=["Zinichev"])
    assert checker.suggest("Zinichav")[0] == "Zinichev"


def test_with_suggestions_fills_spelling_issues_only(checker):
    issues = checker.with_suggestions(checker.check("the the goverment"))
    assert issues[0].kind == REPEAT and issues[0].suggestions == ()
    assert issues[1].suggestions[0] == "government"


def test_suggestions_without_the_index_still_find_close_words():
    from editor_app.core.spelling.languages import LanguageData
    from editor_app.core.spelling.suggest import Suggester

    data = load_language("en")
    small = LanguageData("en", {"government": 100, "the": 1000}, data.alphabet, 1000, 10)
    suggester = Suggester(small)
    suggester.build_index_in_background = lambda: None  # keep it on the fallback path
    assert suggester.suggest("goverment") == ["government"]
    assert suggester.suggest("govverrnment") == ["government"]  # two letters too many


def test_unknown_language_lists_the_available_ones():
    with pytest.raises(InputError) as error:
        load_checker("klingon")
    message = str(error.value)
    assert "klingon" in message and "en" in message and "de" in message and "\n" not in message


def test_available_languages_are_the_shipped_ones():
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "ru", "lv", "eu", "ar", "fa"} <= set(available_languages())


def test_language_codes_are_normalized():
    assert SpellChecker("EN_gb").language == "en"


def test_missing_dictionary_is_spelling_unavailable(tmp_path):
    with pytest.raises(SpellingUnavailable, match="missing"):
        read_dictionary_file("en", tmp_path / "nope.json.gz")


@pytest.mark.parametrize("content", [b"not gzip at all", gzip.compress(b"{broken json"), gzip.compress(b"[]")])
def test_unreadable_dictionary_is_spelling_unavailable(tmp_path, content):
    path = tmp_path / "en.json.gz"
    path.write_bytes(content)
    with pytest.raises(SpellingUnavailable, match="cannot be read"):
        read_dictionary_file("en", path)


def test_missing_dictionary_file_surfaces_from_load_language(monkeypatch):
    from editor_app.core.spelling import languages

    monkeypatch.setattr(languages, "_registry", {})
    monkeypatch.setattr(languages, "read_dictionary_file",
                        lambda code: (_ for _ in ()).throw(SpellingUnavailable("gone")))
    with pytest.raises(SpellingUnavailable):
        SpellChecker("es")


def test_each_language_loads_once_across_threads():
    results = []
    threads = [threading.Thread(target=lambda: results.append(load_language("it"))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(r) for r in results}) == 1
    assert load_language_async("it").result() is results[0]


def test_async_load_reports_errors_through_the_future():
    with pytest.raises(InputError):
        load_language_async("zz").result()


def test_checking_from_several_threads_gives_the_same_answer(checker):
    text = "The goverment said the the plan was definately fine. " * 50
    expected = checker.check(text)
    results = []
    threads = [threading.Thread(target=lambda: results.append(checker.check(text))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r == expected for r in results)
