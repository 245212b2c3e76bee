"""Importing never replaces, promotes or duplicates anyone's work behind their back (#19).

One test (or a small group) per defect of issue #19 that concerns importing:
1 title matching, 7 imported status, 8 identical re-import, 9 images, 10 related
slugs, 11 messages that name their file and UTF-16 files.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from editor_app.core.errors import InputError
from editor_app.core.importing import import_files
from editor_app.core.models import Article, Role, Status
from editor_app.core.review import preflight

# 1x1 transparent PNG
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d4944415478da63f8ffff3f0005fe02fea7356b810000000049454e44ae426082")
PNG_SHA = hashlib.sha256(PNG).hexdigest()


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def story(title="Ferry strike", body="Original body.", **meta) -> str:
    lines = [f"title: {title}"] + [f"{k}: {v}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


def publish(library, article_id):
    """Move an article to published the way a newsroom would (editor, checks overridden)."""
    for status in (Status.SUBMITTED, Status.IN_REVIEW, Status.APPROVED, Status.PUBLISHED):
        library.set_status(article_id, status, role=Role.EDITOR, who="Ed", force=True)


# -- 1. an article is the same article only when the file says so ----------------------

def test_same_title_without_slug_makes_a_new_article_not_an_update(library, tmp_path):
    [first] = import_files(library, [write(tmp_path, "a.md", story(author="Ann"))])
    publish(library, first.id)
    [second] = import_files(library, [write(tmp_path, "b.md", story(body="Bob's story.",
                                                                     author="Bob"))])
    assert second.created and second.slug == "ferry-strike-2"
    original = library.get_article(first.id)
    assert (original.body, original.author, original.status) == (
        "Original body.\n", "Ann", Status.PUBLISHED)
    assert library.count_articles() == 2


def test_two_files_with_one_title_in_one_batch_make_two_articles(library, tmp_path):
    results = import_files(library, [write(tmp_path, "a.md", story(body="One.")),
                                     write(tmp_path, "b.md", story(body="Two."))])
    assert [r.slug for r in results] == ["ferry-strike", "ferry-strike-2"]
    assert [library.get_article(r.id).body for r in results] == ["One.\n", "Two.\n"]


def test_a_file_naming_its_slug_updates_that_article(library, tmp_path):
    import_files(library, [write(tmp_path, "a.md", story(slug="ferry-strike"))])
    [again] = import_files(library, [write(tmp_path, "a.md", story(body="Better.",
                                                                    slug="ferry-strike"))])
    assert not again.created and again.action == "updated"
    assert library.get_article("ferry-strike").body == "Better.\n"


def test_update_of_a_published_article_is_refused_with_one_line_naming_the_file(library, tmp_path):
    [first] = import_files(library, [write(tmp_path, "a.md", story(slug="ferry-strike"))])
    publish(library, first.id)
    changed = write(tmp_path, "fix.md", story(body="Changed.", slug="ferry-strike"))
    with pytest.raises(InputError) as exc:
        import_files(library, [changed], role=Role.EDITOR)
    message = str(exc.value)
    assert "\n" not in message
    assert "fix.md" in message and "published" in message and "--correction" in message
    assert library.get_article(first.id).body == "Original body.\n"


def test_correction_import_reopens_for_an_editor_and_records_it(library, tmp_path):
    [first] = import_files(library, [write(tmp_path, "a.md", story(slug="ferry-strike"))])
    publish(library, first.id)
    changed = write(tmp_path, "fix.md", story(body="Corrected.", slug="ferry-strike"))
    with pytest.raises(InputError, match="only an editor"):
        import_files(library, [changed], role=Role.REPORTER, correction=True)
    assert library.get_article(first.id).body == "Original body.\n"
    [result] = import_files(library, [changed], role=Role.EDITOR, who="Ed", correction=True)
    article = library.get_article(result.id)
    assert article.body == "Corrected.\n" and article.status == Status.IN_REVIEW
    last = library.status_events(first.id)[-1]
    assert (last.from_status, last.to_status, last.who) == ("published", "in_review", "Ed")
    assert "correction" in last.note and "fix.md" in last.note


def test_core_guard_says_why_an_article_may_not_be_changed(library):
    from editor_app.core.review import edit_refusal, reopen_for_correction

    article = library.create_article(Article(title="Ferry strike", body="x"))
    assert edit_refusal(library.get_article(article.id)) is None
    library.set_status(article.id, Status.SUBMITTED, role=Role.EDITOR)
    library.set_status(article.id, Status.IN_REVIEW, role=Role.EDITOR)
    library.set_status(article.id, Status.APPROVED, role=Role.EDITOR, force=True)
    assert "approved" in edit_refusal(library.get_article(article.id))
    with pytest.raises(Exception, match="editor"):
        reopen_for_correction(library, article.id, role=Role.PRODUCER, who="Pat")
    event = reopen_for_correction(library, article.id, role=Role.EDITOR, who="Ed", note="typo")
    assert (event.to_status, event.who) == ("in_review", "Ed")
    assert "correction" in event.note and "typo" in event.note
    assert edit_refusal(library.get_article(article.id)) is None


def test_a_bundle_from_another_library_does_not_replace_a_different_article(library, tmp_path):
    """Same slug, but the bundle's manifest names another article (uuid): a new article."""
    mine = library.create_article(Article(title="Ferry strike", slug="ferry-strike",
                                          body="Our own story.\n"))
    bundle = tmp_path / "export" / "ferry-strike"
    md = write(bundle, "article.md", story(body="Their story.", slug="ferry-strike"))
    other_uuid = "0b6d7c3e-7f0e-4c1a-9a55-2f1a9d9e0c11"
    write(bundle, "manifest.json", json.dumps({
        "article": {"id": 7, "uuid": other_uuid, "slug": "ferry-strike", "revision": 3},
        "tool": {"name": "byline", "version": "0"},
        "files": [{"path": "article.md", "sha256": hashlib.sha256(md.read_bytes()).hexdigest(),
                   "size": md.stat().st_size}]}))
    [result] = import_files(library, [md])
    assert result.created and result.slug == "ferry-strike-2"
    assert library.get_article(mine.id).body == "Our own story.\n"
    assert library.get_article(result.id).uuid == other_uuid
    # the same bundle again is now that article: no third one
    [again] = import_files(library, [md])
    assert again.id == result.id and again.action == "unchanged"


# -- 7. imported status only as far as the importing role could have moved it ----------

def test_imported_status_is_kept_only_as_far_as_the_role_allows(library, tmp_path):
    path = write(tmp_path, "pub.md", story(status="published"))
    [result] = import_files(library, [path], role=Role.REPORTER, who="Rasa")
    article = library.get_article(result.id)
    assert article.status == Status.SUBMITTED
    [event] = library.status_events(result.id)
    assert (event.from_status, event.to_status, event.who, event.role) == (
        "draft", "submitted", "Rasa", "reporter")
    assert event.note.startswith("imported")
    assert "published" in event.note  # what the file asked for
    assert any("published" in note for note in result.notes)


def test_imported_status_does_not_skip_the_preflight_check(library, tmp_path):
    # an editor could move it, but approval needs the pre-flight check: no summary, no tags
    path = write(tmp_path, "pub.md", story(status="published"))
    [result] = import_files(library, [path], role=Role.EDITOR, who="Ed")
    assert library.get_article(result.id).status == Status.IN_REVIEW
    ready = write(tmp_path, "ok.md", story(title="Ready", status="approved",
                                           summary="A summary.", tags="[transport]"))
    [ok] = import_files(library, [ready], role=Role.EDITOR, who="Ed")
    if preflight(library, ok.id).ok:
        assert library.get_article(ok.id).status == Status.APPROVED


def test_a_producer_import_stays_a_draft(library, tmp_path):
    [result] = import_files(library, [write(tmp_path, "p.md", story(status="approved"))],
                            role=Role.PRODUCER)
    assert library.get_article(result.id).status == Status.DRAFT


# -- 8. no change, no revision --------------------------------------------------------

def test_reimporting_an_identical_file_adds_no_revision(library, tmp_path):
    path = write(tmp_path, "a.md", story(slug="ferry-strike", tags="[transport]"))
    [first] = import_files(library, [path])
    version = library.get_article(first.id).version
    for _ in range(3):
        [again] = import_files(library, [path])
        assert again.action == "unchanged" and not again.created
    assert len(library.revisions(first.id)) == 1
    assert library.get_article(first.id).version == version


# -- 9. images ------------------------------------------------------------------------

def test_images_beside_a_markdown_file_are_imported_as_assets(library, tmp_path):
    write(tmp_path, "images/p.png", PNG)
    path = write(tmp_path, "a.md", story(body="Lede.\n\n![The harbour](images/p.png)"))
    [result] = import_files(library, [path])
    body = library.get_article(result.id).body
    assert f"![The harbour](asset:{PNG_SHA}.png)" in body
    assert library.asset_data(PNG_SHA) == PNG


def test_a_missing_image_beside_the_file_is_named(library, tmp_path):
    path = write(tmp_path, "a.md", story(body="![The harbour](images/gone.png)"))
    [result] = import_files(library, [path])
    assert any("images/gone.png" in note for note in result.notes)


def test_a_bundle_article_md_brings_its_images_into_another_library(library, tmp_path):
    bundle = tmp_path / "export" / "harbour"
    write(bundle, f"assets/{PNG_SHA}.png", PNG)
    md = write(bundle, "article.md", story(title="Harbour", slug="harbour",
                                           body=f"![The harbour](asset:{PNG_SHA}.png)"))
    [result] = import_files(library, [md])
    assert library.asset_data(PNG_SHA) == PNG
    assert f"asset:{PNG_SHA}.png" in library.get_article(result.id).body


def test_preflight_flags_images_missing_from_the_library(library):
    article = library.create_article(Article(
        title="Harbour", summary="s", tags=["port"],
        body=f"![The harbour](asset:{PNG_SHA}.png)\n\n![Quay](images/quay.png)\n"))
    result = preflight(library, article.id)
    item = result.item("images")
    assert item.level == "error"
    assert PNG_SHA[:12] in item.message and "images/quay.png" in item.message
    library.add_asset(PNG, name="p.png", mime="image/png")
    fixed = library.update_article(article.id, body=f"![The harbour](asset:{PNG_SHA}.png)\n")
    assert preflight(library, fixed.id).item("images").level == "ok"


# -- 10. related slugs ------------------------------------------------------------------

def test_preflight_says_a_pinned_related_article_is_spiked(library):
    main = library.create_article(Article(title="Main", body="x"))
    other = library.create_article(Article(title="Old story", body="y"))
    library.pin_related(main.id, other.id)
    library.set_status(other.id, Status.SPIKED, role=Role.EDITOR)
    item = preflight(library, main.id).item("related")
    assert item.level == "warning" and "spiked" in item.message and "old-story" in item.message


def test_related_slugs_that_do_not_exist_are_named(library, tmp_path):
    path = write(tmp_path, "a.md", story(related="[no-such-story, other]"))
    library.create_article(Article(title="Other", slug="other", body="o"))
    [result] = import_files(library, [path])
    assert [r.slug for r in library.pinned_related(result.id)] == ["other"]
    assert any("no-such-story" in note for note in result.notes)


def test_a_related_entry_spiked_later_does_not_block_the_reimport(library, tmp_path):
    library.create_article(Article(title="Other", slug="other", body="o"))
    path = write(tmp_path, "a.md", story(slug="ferry-strike", related="[other]"))
    import_files(library, [path])
    library.set_status(library.resolve_id("other"), Status.SPIKED, role=Role.EDITOR)
    path.write_text(story(body="Better.", slug="ferry-strike", related="[other]"),
                    encoding="utf-8")
    [result] = import_files(library, [path])
    assert library.get_article(result.id).body == "Better.\n"
    assert any("other" in note and "spiked" in note for note in result.notes)


# -- 11. every batch-import error names its file; UTF-16 ---------------------------------

@pytest.mark.parametrize("name, text, wanted", [
    ("tags.md", story(tags='[ok, "!!!"]'), "tags.md"),
    ("long.md", story(title="x" * 301), "long.md"),
    ("self.md", story(slug="self-story", related="[self-story]"), "self.md"),
])
def test_batch_import_errors_name_their_file(library, tmp_path, name, text, wanted):
    good = write(tmp_path, "good.md", story(title="Good one"))
    bad = write(tmp_path, name, text)
    with pytest.raises(InputError) as exc:
        import_files(library, [good, bad])
    assert str(exc.value).split(":", 1)[0].endswith(wanted), str(exc.value)
    assert library.count_articles() == 0  # checked before anything was written


def test_spiked_related_in_a_new_file_is_named_not_fatal(library, tmp_path):
    library.create_article(Article(title="Other", slug="other", body="o"))
    library.set_status(library.resolve_id("other"), Status.SPIKED, role=Role.EDITOR)
    [result] = import_files(library, [write(tmp_path, "s.md", story(related="[other]"))])
    assert any("other" in note and "spiked" in note for note in result.notes)
    assert library.pinned_related(result.id) == []


@pytest.mark.parametrize("data", [
    "\ufeff".encode("utf-16-le"), "\ufeff".encode("utf-16-be")], ids=["le-bom", "be-bom"])
def test_utf16_files_are_decoded(library, tmp_path, data):
    """Word's "Unicode text" is UTF-16 with a byte-order mark."""
    text = story(title="Budžetas", body="Tarybos balsavimas – “taip”.")
    encoding = "utf-16-le" if data == b"\xff\xfe" else "utf-16-be"
    [result] = import_files(library, [write(tmp_path, "word.md", data + text.encode(encoding))])
    article = library.get_article(result.id)
    assert (article.title, article.body) == ("Budžetas", "Tarybos balsavimas – “taip”.\n")


def test_utf16_without_a_byte_order_mark_is_named_as_utf16(library, tmp_path):
    path = write(tmp_path, "nobom.md", story().encode("utf-16-le"))
    with pytest.raises(InputError, match=r"^\S*nobom.md: .*UTF-16"):
        import_files(library, [path])


def test_an_exported_article_md_alone_names_its_article_by_uuid(library, tmp_path):
    """article.md carries the uuid: sent on its own, it still never replaces another article."""
    from editor_app.core.importers import dump_markdown

    theirs = Article(title="Ferry strike", slug="ferry-strike", body="Their story.\n",
                     uuid="0b6d7c3e-7f0e-4c1a-9a55-2f1a9d9e0c11")
    md = write(tmp_path, "sent.md", dump_markdown(theirs))
    assert "uuid: 0b6d7c3e-7f0e-4c1a-9a55-2f1a9d9e0c11" in md.read_text("utf-8")
    mine = library.create_article(Article(title="Ferry strike", slug="ferry-strike",
                                          body="Our own story.\n"))
    [result] = import_files(library, [md])
    assert result.created and result.slug == "ferry-strike-2"
    assert library.get_article(mine.id).body == "Our own story.\n"
