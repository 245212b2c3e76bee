"""Markdown-aware spell-checking (no Qt): tokenizer, dictionaries, checker, suggestions.

A language's dictionaries are pyspellchecker's word-frequency list (when there is one)
and every hunspell dictionary of that language, built in (resources/dictionaries: lt_LT,
en_GB, en_US) or added by the user (`add_dictionary`); a word is known when any of them
knows it. What they said of each word is kept in the user's cache folder between
sessions (lookup_store.py), keyed by the dictionary files.

Typical use on a worker thread::

    checker = Dictionaries(personal_path=p, store=library, article_id=a.id).checker(
        a.language, metadata_names=article_names(a), title=a.title)
    issues = checker.check(a.body)                 # fast; no suggestions yet
    issues = checker.with_suggestions(issues[:50]) # only for what is shown
"""

from editor_app.core.spelling.checker import (
    REPEAT,
    SPELLING,
    SpellChecker,
    SpellIssue,
    is_sentence_start,
    repeat_removal_span,
)
from editor_app.core.spelling.dictionaries import (
    SCOPES,
    Dictionaries,
    DictionaryStore,
    article_names,
    article_scope,
    default_personal_path,
    names_from_metadata,
    normalize_word,
    read_wordlist,
    write_wordlist,
)
from editor_app.core.spelling.hunspell_dictionaries import DictionaryInfo
from editor_app.core.spelling.languages import (
    LanguageData,
    SpellingUnavailable,
    add_dictionary,
    available_languages,
    frequency_languages,
    installed_dictionaries,
    language_name,
    language_region,
    load_language,
    load_language_async,
    lookup_cache_folder,
    normalize_language,
    remove_user_dictionary,
    use_dictionary_folders,
    use_lookup_cache_folder,
)
from editor_app.core.spelling.lookup_store import save_all as save_lookup_caches
from editor_app.core.spelling.tokenizer import Token, iter_words, line_col, prose_regions, tokenize


def load_checker(language: str | None = "en", **options) -> SpellChecker:
    """A checker for ``language`` (dictionary cached per process; blocking on first use).

    Raises InputError for an unknown language (listing the available ones) and
    SpellingUnavailable when the dictionary file is missing or unreadable.
    """
    return SpellChecker(language, **options)


__all__ = [
    "DictionaryInfo",
    "REPEAT",
    "SCOPES",
    "SPELLING",
    "Dictionaries",
    "DictionaryStore",
    "LanguageData",
    "SpellChecker",
    "SpellIssue",
    "SpellingUnavailable",
    "Token",
    "add_dictionary",
    "article_names",
    "article_scope",
    "available_languages",
    "frequency_languages",
    "installed_dictionaries",
    "language_name",
    "language_region",
    "default_personal_path",
    "is_sentence_start",
    "iter_words",
    "line_col",
    "load_checker",
    "load_language",
    "load_language_async",
    "lookup_cache_folder",
    "names_from_metadata",
    "normalize_language",
    "normalize_word",
    "prose_regions",
    "read_wordlist",
    "remove_user_dictionary",
    "repeat_removal_span",
    "save_lookup_caches",
    "tokenize",
    "use_dictionary_folders",
    "use_lookup_cache_folder",
    "write_wordlist",
]
