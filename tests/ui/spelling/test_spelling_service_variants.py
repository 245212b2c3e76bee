"""The spelling service reads the hunspell dictionaries of the articles' language
variants only, before their first pass (#20)."""

from __future__ import annotations


def loaded(code: str) -> set[str]:
    from editor_app.core.spelling import load_language

    return {d.info.name for d in load_language(code).hunspell if d.loaded}


def test_a_british_article_never_reads_the_american_dictionary(qtbot, service, user_folder):
    with qtbot.waitSignal(service.language_ready, timeout=20_000):
        service.preload("en", dictionaries=False)  # the warm-up before any article is open
    assert loaded("en") == set()
    with qtbot.waitSignal(service.language_ready, timeout=20_000):
        service.preload("en-GB")
    assert loaded("en") == {"en_GB"}
    service.preload("en-GB")  # asked again by a second British article: nothing to do
    with qtbot.waitSignal(service.language_ready, timeout=20_000):
        service.preload("en")  # an article without a region: British and American
    assert loaded("en") == {"en_GB", "en_US"}
