"""The tag vocabulary: names without case/spacing differences, rename, merge, aliases."""

import pytest

from editor_app.core.errors import ConflictError, InputError, NotFoundError
from editor_app.core.library import Library
from editor_app.core.models import Article
from editor_app.core.related import tag_articles


def make(lib, title, tags, **kw):
    return lib.create_article(Article(title=title, body=kw.pop("body", "Text."), tags=tags, **kw))


def test_case_and_spacing_variants_are_one_tag(library):
    a = make(library, "One", ["EU policy"])
    b = make(library, "Two", ["eu  policy", " EU Policy "])
    assert library.get_article(b.id).tags == ["EU policy"]
    tags = library.all_tags()
    assert [(t.name, t.count) for t in tags] == [("EU policy", 2)]
    assert library.list_articles(tag="EU   POLICY")[0].id in {a.id, b.id}


@pytest.mark.parametrize("bad", ["", "   ", "!!!", "—…", "x" * 65, "a\x00b", "line\nbreak"])
def test_bad_tag_names_are_refused(library, bad):
    art = make(library, "One", [])
    with pytest.raises(InputError):
        library.ensure_tag(bad)
    with pytest.raises(InputError):
        tag_articles(library, [art.id], add=[bad])
    assert library.all_tags() == []


def test_rename_keeps_every_articles_tags_and_keeps_old_name_as_alias(library):
    a = make(library, "One", ["harbor", "news"])
    b = make(library, "Two", ["harbor"])
    tag = library.rename_tag("Harbor", "Harbour")
    assert tag.name == "Harbour" and tag.slug == "harbour" and tag.count == 2
    assert library.get_article(a.id).tags == ["Harbour", "news"]
    assert library.get_article(b.id).tags == ["Harbour"]
    assert "harbor" in tag.aliases
    # Typing the old name still lands on the renamed tag.
    assert library.set_tags(b.id, ["harbor", "extra"]) == ["Harbour", "extra"]


def test_rename_case_only_adds_no_alias(library):
    make(library, "One", ["eu"])
    tag = library.rename_tag("eu", "EU")
    assert tag.name == "EU" and tag.aliases == ()


def test_rename_onto_another_tags_name_or_alias_is_refused(library):
    make(library, "One", ["harbour", "port"])
    library.add_tag_alias("harbour", "quay")
    with pytest.raises(ConflictError, match="merge"):
        library.rename_tag("port", "HARBOUR")
    with pytest.raises(ConflictError):
        library.rename_tag("port", "quay")
    assert {t.name for t in library.all_tags()} == {"harbour", "port"}


def test_merge_moves_articles_folds_duplicates_and_aliases_old_name(library):
    a = make(library, "One", ["Brexit talks", "UK"])
    b = make(library, "Two", ["UK", "Brexit", "Brexit talks"])
    c = make(library, "Three", ["Brexit"])
    library.add_tag_alias("Brexit talks", "withdrawal talks")
    merged = library.merge_tags("brexit talks", "Brexit")
    assert merged.count == 3
    assert set(merged.aliases) == {"Brexit talks", "withdrawal talks"}
    assert library.get_article(a.id).tags == ["Brexit", "UK"]  # position of the old tag kept
    assert library.get_article(b.id).tags == ["UK", "Brexit"]
    assert library.get_article(c.id).tags == ["Brexit"]
    assert library.find_tag("Brexit talks").name == "Brexit"
    assert library.find_tag("withdrawal talks").name == "Brexit"
    assert {t.name for t in library.all_tags()} == {"Brexit", "UK"}


def test_merge_into_itself_is_refused_even_through_an_alias(library):
    make(library, "One", ["European Union"])
    library.add_tag_alias("European Union", "EU")
    with pytest.raises(InputError, match="itself"):
        library.merge_tags("EU", "european union")
    with pytest.raises(NotFoundError):
        library.merge_tags("nowhere", "EU")


def test_alias_resolves_to_its_tag_and_conflicts_are_refused(library):
    art = make(library, "One", ["European Union", "Trade"])
    tag = library.add_tag_alias("european union", "EU")
    assert tag.aliases == ("EU",)
    # An alias typed by a user is the tag itself, not a new tag.
    assert library.set_tags(art.id, ["eu", "trade"]) == ["European Union", "Trade"]
    with pytest.raises(ConflictError):
        library.add_tag_alias("Trade", "eu")          # alias of another tag
    with pytest.raises(ConflictError):
        library.add_tag_alias("Trade", "european union")  # name of another tag
    with pytest.raises(InputError):
        library.add_tag_alias("Trade", "??")
    library.remove_tag_alias("European Union", "EU")
    assert library.find_tag("EU") is None


def test_set_aliases_is_all_or_nothing(library):
    make(library, "One", ["A tag", "Other"])
    library.set_tag_aliases("A tag", ["first"])
    with pytest.raises(ConflictError):
        library.set_tag_aliases("A tag", ["second", "other"])
    assert library.find_tag("A tag").aliases == ("first",)


def test_description_and_delete(library):
    a = make(library, "One", ["harbour", "news"])
    tag = library.set_tag_description("harbour", "The port and its people.")
    assert tag.description == "The port and its people."
    with pytest.raises(InputError):
        library.set_tag_description("harbour", "x" * 501)
    assert library.delete_tag("harbour") == 1
    assert library.get_article(a.id).tags == ["news"]


def test_vocabulary_changes_survive_reopening(tmp_path):
    path = tmp_path / "lib.byline"
    with Library.open(path) as lib:
        make(lib, "One", ["harbor", "port"])
        lib.rename_tag("harbor", "Harbour")
        lib.merge_tags("port", "Harbour")
    with Library.open(path) as lib:
        tag = lib.find_tag("port")
        assert tag.name == "Harbour" and set(tag.aliases) == {"harbor", "port"} and tag.count == 1


def test_tag_articles_adds_and_removes_in_one_transaction(library):
    a = make(library, "One", ["news", "harbour"])
    b = make(library, "Two", ["news"])
    result = tag_articles(library, [a.id, b.slug], add=["Fisheries"], remove=["harbour"])
    assert result == {a.id: ["news", "Fisheries"], b.id: ["news", "Fisheries"]}
    version = library.get_article(b.id).version
    # Nothing to change: no version bump.
    tag_articles(library, [b.id], add=["fisheries"])
    assert library.get_article(b.id).version == version
    # A missing article refuses the whole batch: nothing changed on the others.
    with pytest.raises(NotFoundError):
        tag_articles(library, [a.id, 9999], add=["new"])
    assert library.get_article(a.id).tags == ["news", "Fisheries"]
    assert library.find_tag("new") is None
