"""The checklist's own wording (ui/review/preflight_texts) says in English exactly
what core's pre-flight messages say, for every check result (#18)."""

import importlib
from types import SimpleNamespace

import pytest

from editor_app.ui.review.preflight_texts import check_message, spot_label

core = importlib.import_module("editor_app.core.review.preflight")

BODIES = [
    "![](a.png) and ![IMG_2041.jpg](b.png) and <img src='c.png'>",
    "![](a.png)",
    "![photo](asset:)",
    "[a]() [b](has space) [c](javascript:alert(1)) [d](http://) [e](mailto:x) [f](asset:)",
    "[a](<>)",
    "fine [link](https://example.org) ![A harbour at dusk](https://example.org/p.png)",
]


def _items():
    for title in ["", "Untitled interview", "x" * 120, "y" * 90, "A headline"]:
        yield from core._check_headline(title)
    for body in BODIES:
        yield core._check_images(body)
        yield core._check_links(body)
    article = lambda s, st: SimpleNamespace(slug=s, status=st)  # noqa: E731
    for pinned in ([], [article("a", "draft")], [article("a", "spiked")],
                   [article("a", "draft"), article("b", "spiked"), article("c", "spiked")]):
        yield core._check_related(pinned)
    yield core.CheckItem("spelling", core.ERROR, "3 spelling issue(s) not fixed or ignored",
                         outcome="issues", data={"count": 3, "words": ""})


@pytest.mark.parametrize("item", list(_items()), ids=lambda i: f"{i.code}-{i.outcome}")
def test_english_checklist_says_what_core_says(qtbot, item):
    assert item.outcome, "every core result names its outcome"
    assert check_message(item) == item.message
    for spot in item.spots:
        assert spot.kind and spot_label(spot) == spot.label


def test_an_unknown_result_is_shown_in_cores_words(qtbot):
    item = core.CheckItem("byline_2030", core.WARNING, "Something new", outcome="new")
    assert check_message(item) == "Something new"
    odd = core.CheckItem("images", core.ERROR, "odd data", outcome="missing", data={"x": 1})
    assert check_message(odd) == "odd data"


def test_spell_check_unavailable_names_its_reason_in_lithuanian(qtbot, library, lithuanian):
    """A story in a language without a dictionary: the checklist's whole line, the loader's
    refusal inside it included, comes out Lithuanian (it used to keep core's English)."""
    from editor_app.core.models import Article

    article = library.create_article(Article(title="Habari", body="Habari za leo.",
                                             language="sw"))
    item = next(i for i in core.preflight(library, article.id).items if i.code == "spelling")
    assert item.outcome == "unavailable"
    assert item.data["reason"].startswith("spell-check unavailable (no spelling dictionary "
                                          "for language 'sw' (Swahili); available: ")
    shown = check_message(item)
    assert shown.startswith("Rašybos tikrinimas neprieinamas (")
    assert "'sw' (Swahili)" in shown and "Tools" not in shown
    assert not {"spelling", "dictionary", "available", "language"} & set(
        shown.replace(";", " ").replace(":", " ").split())
