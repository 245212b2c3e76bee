"""Pre-flight: each check reports its own failure, and a clean article passes."""

from __future__ import annotations

import hashlib
import sys

import pytest

from editor_app.core.models import Article, Kind
from editor_app.core.review import preflight
from editor_app.core.review.preflight import HEADLINE_MAX, check_link

# 1x1 PNG; its asset name is what CLEAN_BODY shows (the library holds it, see make())
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d4944415478da63f8ffff3f0005fe02fea7356b810000000049454e44ae426082")
BOAT = hashlib.sha256(PNG).hexdigest() + ".png"
CLEAN_BODY = ("Lede with a [link](https://example.org/a_(b)) and [another](../other/index.html).\n\n"
              f"Q: Why?\n\nA: ![A boat at the quay](asset:{BOAT}) Because.\n\n"
              "Write to [us](mailto:desk@example.org).\n")


def make(library, **changes) -> int:
    library.add_asset(PNG, name="boat.png", mime="image/png")
    fields = dict(title="A headline", summary="Standfirst.", body=CLEAN_BODY,
                  kind=Kind.INTERVIEW, tags=["local"])
    fields.update(changes)
    aid = library.create_article(Article(**fields)).id
    return aid


def levels(library, aid, **kw):
    result = preflight(library, aid, spelling_issue_count=kw.pop("spelling", 0))
    return {i.code: i.level for i in result.items}, result


def with_related(library, aid):
    other = library.create_article(Article(title="Older story")).id
    library.pin_related(aid, other)
    return aid


def test_clean_article_passes_every_check(library):
    aid = with_related(library, make(library))
    got, result = levels(library, aid)
    assert result.ok and set(got.values()) == {"ok"}
    assert set(got) == {"headline", "summary", "tags", "comments", "spelling", "images_alt",
                        "images", "questions", "related", "links"}


@pytest.mark.parametrize(("changes", "code"), [
    ({"title": "x" * (HEADLINE_MAX + 1)}, "headline"),
    ({"summary": ""}, "summary"),
    ({"tags": []}, "tags"),
    ({"body": CLEAN_BODY + f"\n![](asset:{BOAT})\n"}, "images_alt"),
    ({"body": CLEAN_BODY + '\n<img src="https://example.org/x.png">\n'}, "images_alt"),
    ({"body": CLEAN_BODY + "\n![The quay](images/quay.png)\n"}, "images"),
    ({"body": CLEAN_BODY + f"\n![The quay](asset:{'0' * 64}.png)\n"}, "images"),
    ({"body": "Lede only, no questions.\n"}, "questions"),
    ({"body": CLEAN_BODY + "\n[bad](javascript:alert(1))\n"}, "links"),
    ({"body": CLEAN_BODY + "\n[bad](http://exa mple.org)\n"}, "links"),
    ({"body": CLEAN_BODY + "\n[bad](https://)\n"}, "links"),
    ({"body": CLEAN_BODY + "\n[ref]: javascript:alert(1)\n"}, "links"),
])
def test_each_failing_check_is_reported_as_an_error(library, changes, code):
    aid = with_related(library, make(library, **changes))
    got, result = levels(library, aid)
    assert got[code] == "error"
    assert [i.code for i in result.errors] == [code]
    assert not result.ok


def test_unresolved_comments_block_until_resolved(library):
    aid = with_related(library, make(library))
    comment = library.add_comment(aid, text="source?", quote="Lede", start=0, end=4)
    library.add_comment(aid, text="agreed", parent_id=comment.id)
    got, result = levels(library, aid)
    assert got["comments"] == "error" and "1 unresolved" in result.item("comments").message
    library.set_comment_resolved(comment.id, True)
    assert levels(library, aid)[0]["comments"] == "ok"


def test_spelling_count_from_the_editor_is_an_error(library):
    aid = with_related(library, make(library))
    got, _ = levels(library, aid, spelling=3)
    assert got["spelling"] == "error"


def test_spelling_unavailable_is_a_warning(library, monkeypatch):
    monkeypatch.setitem(sys.modules, "editor_app.core.spelling", None)  # import fails
    aid = with_related(library, make(library))
    result = preflight(library, aid)
    assert result.item("spelling").level == "warning"
    assert "unavailable" in result.item("spelling").message


def test_spelling_ignores_acknowledged_words(library):
    pytest.importorskip("editor_app.core.spelling")
    aid = with_related(library, make(library, body=CLEAN_BODY + "\nThe zqxwvy boat.\n"))
    first = preflight(library, aid).item("spelling")
    if first.level == "warning":
        pytest.skip(first.message)
    assert first.level == "error" and "zqxwvy" in first.message
    library.add_dictionary_word("zqxwvy", f"article:{aid}")
    assert preflight(library, aid).item("spelling").level == "ok"


def test_long_headline_warns_before_it_errs(library):
    aid = with_related(library, make(library, title="y" * 90))
    assert levels(library, aid)[0]["headline"] == "warning"


def test_missing_related_news_is_only_a_warning(library):
    aid = make(library)
    got, result = levels(library, aid)
    assert got["related"] == "warning" and result.ok


def test_news_needs_no_questions(library):
    aid = make(library, kind=Kind.NEWS, body="Just news.\n")
    assert "questions" not in levels(library, aid)[0]


def test_links_in_code_are_not_checked(library):
    body = CLEAN_BODY + "\n```\n[x](javascript:alert(1))\n```\n\nUse `[y](bad link)` here.\n"
    aid = make(library, body=body)
    assert levels(library, aid)[0]["links"] == "ok"


@pytest.mark.parametrize(("target", "ok"), [
    ("https://example.org/path?q=1#x", True), ("http://example.org", True),
    ("mailto:a@b.org", True), ("../x/index.html", True), ("#section", True),
    ("asset:0123abcd", True), ('https://example.org "a title"', True),
    ("<https://example.org/a b>", False), ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False), ("data:text/html,x", False), ("ftp://x.org", False),
    ("mailto:nobody", False), ("http:/nohost", False), ("", False), ("a b", False),
])
def test_check_link(target, ok):
    assert (check_link(target) is None) is ok


# -- naming the problems and where they are (#17) -------------------------------------

@pytest.mark.parametrize("alt", ["IMG_2041.jpg", "boat.png", "DSC0042", "photo", "image 3",
                                 "Screenshot 2024-05-02 at 10.14.11", "pasted-image"])
def test_a_file_name_is_not_alt_text(library, alt):
    body = CLEAN_BODY + f"\n![{alt}](asset:{BOAT})\n"
    got, result = levels(library, make(library, body=body))
    assert got["images_alt"] == "error"
    item = result.item("images_alt")
    assert "file name for alt text" in item.message and alt[:20] in item.message
    [spot] = item.spots
    assert body[spot.start:spot.end] == f"![{alt}](asset:{BOAT})"
    assert spot.label.endswith(f"line {body.count(chr(10), 0, spot.start) + 1}")


@pytest.mark.parametrize("alt", ["A boat at the quay", "Photo of the mayor at the harbour",
                                 "Map of the flood barrier, 2024"])
def test_descriptions_pass(library, alt):
    body = CLEAN_BODY + f"\n![{alt}](asset:{BOAT})\n"
    assert levels(library, make(library, body=body))[0]["images_alt"] == "ok"


def test_spelling_issues_given_by_the_editor_are_named_and_located(library):
    from editor_app.core.spelling.checker import SpellIssue

    body = CLEAN_BODY + "\nTeh harbour recieve.\n"
    aid = make(library, body=body)
    start = body.index("Teh")
    issues = [SpellIssue("spelling", "Teh", start, start + 3),
              SpellIssue("spelling", "recieve", body.index("recieve"), body.index("recieve") + 7)]
    item = preflight(library, aid, spelling_issues=issues).item("spelling")
    assert item.level == "error" and item.message == \
        "2 spelling issue(s) not fixed or ignored: Teh, recieve"
    assert [(s.start, s.end) for s in item.spots] == [(i.start, i.end) for i in issues]
    assert item.spots[0].label == f"“Teh”, spelling, line {body.count(chr(10), 0, start) + 1}"


def test_malformed_links_are_located(library):
    body = CLEAN_BODY + "\nSee [the site](javascript:alert(1)).\n"
    item = preflight(library, make(library, body=body), spelling_issue_count=0).item("links")
    [spot] = item.spots
    assert body[spot.start:spot.end].startswith("[the site](javascript:")
