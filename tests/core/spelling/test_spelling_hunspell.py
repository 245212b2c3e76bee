"""Hunspell dictionaries beside the frequency lists (#18): Lithuanian, fewer false alarms,
broken dictionary files."""

from __future__ import annotations

import shutil

import pytest

from editor_app.core.errors import InputError
from editor_app.core.models import Article
from editor_app.core.spelling import (
    REPEAT,
    SpellChecker,
    SpellingUnavailable,
    add_dictionary,
    article_names,
    available_languages,
    installed_dictionaries,
    use_dictionary_folders,
)
from editor_app.core.spelling.hunspell_dictionaries import (
    builtin_dictionary_dir,
    check_dictionary_files,
    install_dictionary,
    load_dictionaries,
)

INTERVIEW = """Q: How does the agency help regional companies?

A: We run programmes for digitalisation and photonics, and interregional projects with
partners in Latvia and Poland. InoLink connects researchers with small firms, and at
EUClusterWeeks we met clusters from twelve countries. Follow #EUClusterWeeks for news."""


@pytest.fixture(autouse=True)
def user_folder(tmp_path):
    """An empty folder of the user's own dictionaries; languages are read afresh."""
    folder = tmp_path / "dictionaries"
    use_dictionary_folders([folder])
    yield folder
    use_dictionary_folders([folder])  # forget what the test loaded


def flagged(checker, text):
    return [i.word for i in checker.check(text) if i.kind != REPEAT]


def copy_dictionary(name, folder, new_name):
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in (".aff", ".dic"):
        shutil.copyfile(builtin_dictionary_dir() / f"{name}{suffix}", folder / f"{new_name}{suffix}")


# -- Lithuanian ------------------------------------------------------------------------

def test_lithuanian_is_available_from_the_shipped_dictionary():
    assert "lt" in available_languages()
    assert [d.name for d in installed_dictionaries() if d.language == "lt"] == ["lt_LT"]


def test_lithuanian_declined_and_conjugated_forms_are_known():
    checker = SpellChecker("lt")
    text = ("Agentūra pranešė, kad agentūros darbuotojai agentūrai rašė laiškus. "
            "Žiniasklaidos atstovai Vilniuje ir savivaldybėje rašysime apie bendrovę.")
    assert flagged(checker, text) == []


@pytest.mark.parametrize(("typo", "right"), [
    ("agentura", "agentūra"),
    ("ziniasklaida", "žiniasklaida"),
    ("laikrastis", "laikraštis"),
    ("savivaldybeje", "savivaldybėje"),
    ("agnetūra", "agentūra"),
])
def test_lithuanian_typos_are_flagged_with_the_right_word_first(typo, right):
    checker = SpellChecker("lt")
    assert flagged(checker, f"Vakar {typo} paskelbė naujienas.") == [typo]
    assert checker.suggest(typo)[0] == right


def test_lithuanian_suggestion_keeps_the_capital_of_a_sentence_start():
    checker = SpellChecker("lt")
    assert checker.suggest("Agentura")[0] == "Agentūra"


# -- fewer false alarms ------------------------------------------------------------------

def test_the_interviews_real_words_and_names_are_not_flagged():
    assert flagged(SpellChecker("en"), INTERVIEW) == []


def test_real_words_the_frequency_list_lacks_are_known_through_hunspell():
    checker = SpellChecker("en")
    assert flagged(checker, "digitalisation, photonics and interregional work") == []


def test_camel_case_hashtags_and_handles_are_names_but_plain_typos_are_not():
    checker = SpellChecker("en")
    assert flagged(checker, "We met Zorbixal at ZorbixLab with iZorb, #Zorbixfest and @zorbixal.") \
        == ["Zorbixal"]
    assert flagged(checker, "The goverment said so.") == ["goverment"]


def test_a_capitalized_word_next_to_a_name_is_a_name_but_not_in_title_case_lines():
    checker = SpellChecker("en")
    assert flagged(checker, "Prosecutor Krzysztof Sierak told reporters it was over.") == []
    assert flagged(checker, "Teh President arrived.") == ["Teh"]
    heading = "## Goverment Plans For The Harbour\n\nThe plan was published."
    assert flagged(checker, heading) == ["Goverment"]


def test_a_lower_case_term_repeated_three_times_is_known_but_a_repeated_typo_is_not():
    checker = SpellChecker("en")
    term = "Muscimol was given. Then muscimol was injected, and muscimol worked."
    assert flagged(checker, term) == []
    typo = "We accomodate them. We accomodate all. We accomodate you."
    assert flagged(checker, typo) == ["accomodate"] * 3


def test_tagged_names_stay_known():
    article = Article(title="Cluster news", body="Zorbixal runs the programme.",
                      tags=["Zorbixal Labs", "innovation"], interviewee="Dr. Ona Petraitytė")
    names = article_names(article)
    assert {"Zorbixal", "Labs", "Ona", "Petraitytė"} <= names
    checker = SpellChecker("en", known_names=names)
    assert flagged(checker, article.body) == []


def test_american_english_refuses_british_spellings_and_british_accepts_them():
    assert flagged(SpellChecker("en-US"), "The colour of the programme.") == ["colour", "programme"]
    assert flagged(SpellChecker("en-GB"), "The colour of the programme.") == []
    assert SpellChecker("en-US").dictionary_names == ("en_US",)
    assert SpellChecker("en").dictionary_names == ("en_GB", "en_US")


# -- broken dictionaries --------------------------------------------------------------------

def test_a_broken_dic_is_reported_once_and_the_other_dictionaries_go_on(user_folder):
    copy_dictionary("en_US", user_folder, "en_ZZ")
    (user_folder / "en_ZZ.dic").write_bytes(b"12\nword\n\xff\xfe broken\n")
    checker = SpellChecker("en")
    assert checker.dictionary_names == ("en_GB", "en_US")
    assert len(checker.problems) == 1
    problem = checker.problems[0]
    assert "en_ZZ.dic" in problem and "not utf-8 text" in problem.lower() and "\n" not in problem
    assert flagged(checker, "The digitalisation goverment.") == ["goverment"]


@pytest.mark.parametrize(("content", "says"), [
    (b"", "is empty"),
    (b"\x00\x01\x02binary", "not text"),
    (b"many words\nagentura\n", "first line must be the number of words"),
    (b"3\n", "holds no words"),
    (b"2\n\xe0\xe8\n", "not utf-8 text"),
])
def test_damaged_empty_or_wrongly_encoded_dic_is_refused_naming_it(tmp_path, content, says):
    shutil.copyfile(builtin_dictionary_dir() / "lt_LT.aff", tmp_path / "lt_XX.aff")
    (tmp_path / "lt_XX.dic").write_bytes(content)
    with pytest.raises(InputError) as error:
        check_dictionary_files(tmp_path / "lt_XX.aff", tmp_path / "lt_XX.dic")
    assert says in str(error.value).lower() and "lt_XX.dic" in str(error.value)


def test_a_language_whose_only_dictionary_is_broken_is_unavailable_naming_the_file(user_folder):
    copy_dictionary("lt_LT", user_folder, "sq_AL")  # Albanian: no frequency list either
    (user_folder / "sq_AL.aff").write_bytes(b"")
    with pytest.raises(SpellingUnavailable) as error:
        SpellChecker("sq")
    assert "sq_AL.aff" in str(error.value) and "is empty" in str(error.value)


def test_a_language_without_any_dictionary_says_so_once_and_how_to_add_one():
    with pytest.raises(InputError) as error:
        SpellChecker("sw")
    message = str(error.value)
    assert "Swahili" in message and "Tools ▸ Dictionaries" in message and "\n" not in message


def test_installing_a_users_dictionary_makes_its_language_available(user_folder, tmp_path):
    source = tmp_path / "mine"
    copy_dictionary("lt_LT", source, "sgs_LT")  # Samogitian, spelt much like Lithuanian here
    assert "sgs" not in available_languages()
    info = add_dictionary(source / "sgs_LT.aff")
    assert info.language == "sgs" and (user_folder / "sgs_LT.dic").is_file()
    assert "sgs" in available_languages()
    assert flagged(SpellChecker("sgs"), "Agentūra rašė.") == []


def test_installing_a_broken_dictionary_writes_nothing(user_folder, tmp_path):
    source = tmp_path / "mine"
    copy_dictionary("lt_LT", source, "lt_XX")
    (source / "lt_XX.dic").write_bytes(b"nonsense")
    with pytest.raises(InputError, match="lt_XX.dic"):
        install_dictionary(source / "lt_XX.aff", user_folder)
    assert not user_folder.exists() or not any(user_folder.iterdir())
    (source / "lt_XX.dic").unlink()
    with pytest.raises(InputError, match="no lt_XX.dic beside it"):
        install_dictionary(source / "lt_XX.aff", user_folder)
    (source / "notes.aff").write_text("SET UTF-8\n")
    with pytest.raises(InputError, match="must start with a language code"):
        install_dictionary(source / "notes.aff", user_folder)


def test_a_dictionary_in_a_legacy_encoding_is_read_in_that_encoding(user_folder):
    user_folder.mkdir()
    aff = (builtin_dictionary_dir() / "lt_LT.aff").read_text(encoding="utf-8")
    dic = (builtin_dictionary_dir() / "lt_LT.dic").read_text(encoding="utf-8")
    (user_folder / "sgs_LT.aff").write_bytes(
        aff.replace("SET UTF-8", "SET ISO8859-13", 1).encode("iso8859-13"))
    (user_folder / "sgs_LT.dic").write_bytes(dic.encode("iso8859-13"))
    checker = SpellChecker("sgs")
    assert checker.problems == ()
    assert flagged(checker, "Žiniasklaida rašė, agentura.") == ["agentura"]
    assert checker.suggest("agentura")[0] == "agentūra"


# -- only the dictionaries an article needs are read (#20) ---------------------------------

def loaded_names(data) -> set[str]:
    return {d.info.name for d in data.hunspell if d.loaded}


def test_hunspell_reads_only_the_dictionaries_of_the_articles_variant():
    from editor_app.core.spelling import load_language
    from editor_app.core.spelling.languages import forget_languages

    forget_languages()
    data = load_language("en")
    assert {d.info.name for d in data.hunspell} == {"en_GB", "en_US"}
    assert loaded_names(data) == set()  # the frequency list alone: nothing read yet
    british = SpellChecker("en-GB")
    assert loaded_names(data) == {"en_GB"}  # en_US costs nothing for a British article
    assert british.is_known("colour") and british.is_known("digitalisation")
    assert loaded_names(data) == {"en_GB"}
    SpellChecker("en")  # British or American: both are asked
    assert loaded_names(data) == {"en_GB", "en_US"}
    forget_languages()


def test_a_dictionary_read_late_answers_as_one_read_at_once():
    early = load_dictionaries("en", [builtin_dictionary_dir()])[0]
    late = load_dictionaries("en", [builtin_dictionary_dir()], load=False)[0]
    assert all(d.loaded for d in early) and not any(d.loaded for d in late)
    words = ["colour", "color", "digitalisation", "Zinichev", "London", "london", "teh",
             "organisation", "organization", "théâtre"]
    for first, second in zip(early, late, strict=True):
        assert [first.spell(w) for w in words] == [second.spell(w) for w in words]
        assert second.loaded  # read at the first word asked about
        assert first.suggest("colur") == second.suggest("colur")
