"""HTML bundles: layout, valid HTML5, JSON-LD, ninjs, manifest, determinism, atomicity,
a missing image, a batch with a failing article, listing, Atom feed and zip (#7)."""

from __future__ import annotations

import hashlib
import json
import pathlib
import threading
import xml.etree.ElementTree as ET
import zipfile

import html5lib
import jsonschema
import pytest

from editor_app import __version__
from editor_app.core.errors import InputError
from editor_app.core.export import article_export, export_articles
from editor_app.core.importers import parse_markdown
from editor_app.core.models import Article, Kind

SCHEMA = json.loads((pathlib.Path(__file__).parent / "ninjs-schema-2.x.json").read_text())
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
ATOM = "{http://www.w3.org/2005/Atom}"
BUNDLE_FILES = {"index.html", "fragment.html", "article.md", "article.json", "style.css",
                "manifest.json"}


def parse_strict(text: str):
    """html5lib in strict mode raises on the first parse error: the page must be clean HTML5."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def json_ld(doc) -> dict:
    scripts = doc.findall(".//script")
    assert len(scripts) == 1 and scripts[0].get("type") == "application/ld+json"
    return json.loads(scripts[0].text)


def make_story(library, **overrides) -> Article:
    sha = library.add_asset(PNG, name="ferry.png", mime="image/png")
    fields = dict(
        title="Dr. Jane Roe: “small newsrooms can win”", kind=Kind.INTERVIEW,
        interviewee="Dr. Jane Roe", author="Sam Reporter", date="2024-05-02",
        summary="One-sentence standfirst.", tags=["media", "local news"],
        body=("Lede paragraph.\n\nQ: First question?\n\nA: The answer.\n\n"
              f"![The ferry at dawn](asset:{sha}.png)\n\n"
              '!!! aside "About the forum"\n    Boxed text.\n'),
    )
    fields.update(overrides)
    return library.create_article(Article(**fields))


@pytest.fixture
def stories(library):
    main = make_story(library)
    other = library.create_article(Article(title="Ferry returns", date="2024-03-01",
                                           summary="The ferry is back & running.",
                                           tags=["transport"], body="The ferry is back."))
    library.pin_related(main.id, other.id)
    library.set_setting("site.url", "https://news.example.org/")
    library.set_setting("site.publisher", "Harbour Gazette")
    return main, other


def export(library, ids, out, **kw):
    kw.setdefault("force", True)  # pre-flight has its own tests; these test the bundle
    return export_articles(library, ids, out, **kw)


def tree_bytes(root: pathlib.Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


# -- one bundle --------------------------------------------------------------------
def test_bundle_layout_and_valid_html(library, stories, tmp_path):
    main, other = stories
    report = export(library, [main.id], tmp_path / "out")
    assert report.ok and [e.slug for e in report.exported] == [main.slug]
    bundle = tmp_path / "out" / main.slug
    names = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    sha = hashlib.sha256(PNG).hexdigest()
    assert names == BUNDLE_FILES | {f"assets/{sha}.png"}
    assert (bundle / "assets" / f"{sha}.png").read_bytes() == PNG

    page = (bundle / "index.html").read_text(encoding="utf-8")
    doc = parse_strict(page)
    assert doc.find(".//title").text == main.title
    head = {(m.get("name") or m.get("property")): m.get("content") for m in doc.findall(".//meta")}
    assert head["description"] == "One-sentence standfirst."
    assert head["og:title"] == main.title and head["twitter:card"] == "summary_large_image"
    assert head["og:url"] == f"https://news.example.org/{main.slug}/"
    assert head["og:image"] == f"https://news.example.org/{main.slug}/assets/{sha}.png"
    canonical = [link.get("href") for link in doc.findall(".//link") if link.get("rel") == "canonical"]
    assert canonical == [f"https://news.example.org/{main.slug}/"]
    article = doc.find(".//article")
    assert article.find(".//h1").text == main.title
    assert article.find(".//time").get("datetime") == "2024-05-02"
    assert "2 May 2024" in page  # the house date format's default
    assert article.find(".//aside").get("class") == "factbox"
    assert [p.get("class") for p in article.iter("p") if p.get("class") in ("question", "answer")][:2] \
        == ["question", "answer"]
    related = article.find(".//section[@class='related-news']")
    link = related.find(".//a")
    # not in this export: the related story's page on the site, not a folder not there (#17)
    assert link.get("href") == f"https://news.example.org/{other.slug}/"
    assert link.text == "Ferry returns"
    assert "The ferry is back &amp; running." in page
    assert report.notes == []

    ld = json_ld(doc)
    assert ld["@type"] == "NewsArticle" and ld["headline"] == main.title
    assert ld["description"] == "One-sentence standfirst."
    assert ld["datePublished"] == "2024-05-02" and ld["dateModified"].startswith("20")
    assert ld["author"] == [{"@type": "Person", "name": "Sam Reporter"}]
    assert ld["image"] == [f"https://news.example.org/{main.slug}/assets/{sha}.png"]
    assert ld["inLanguage"] == "en" and ld["keywords"] == ["media", "local news"]
    assert ld["publisher"] == {"@type": "Organization", "name": "Harbour Gazette"}

    fragment = (bundle / "fragment.html").read_text(encoding="utf-8")
    parse_strict(f"<!DOCTYPE html><title>t</title>{fragment}")
    assert "<h1>" not in fragment and 'class="question"' in fragment
    assert (bundle / "style.css").read_text(encoding="utf-8").strip()


def test_no_site_url_no_canonical_or_og_url_and_it_is_said_once(library, tmp_path):
    story = make_story(library)
    report = export(library, [story.id], tmp_path / "out")
    doc = parse_strict((tmp_path / "out" / story.slug / "index.html").read_text(encoding="utf-8"))
    # relative addresses are rejected by Open Graph and search engines: none at all (#17)
    assert not [link for link in doc.findall(".//link") if link.get("rel") == "canonical"]
    assert not any(m.get("property") in ("og:url", "og:image") for m in doc.findall(".//meta"))
    assert json_ld(doc)["image"][0].startswith("assets/")
    assert "url" not in json_ld(doc)
    assert len(report.notes) == 1 and report.notes[0].startswith("no site URL is set")


def test_related_bundles_in_the_same_export_link_beside(library, stories, tmp_path):
    main, other = stories
    report = export(library, [main.id, other.id], tmp_path / "out")
    page = (tmp_path / "out" / main.slug / "index.html").read_text(encoding="utf-8")
    link = parse_strict(page).find(".//section[@class='related-news']//a")
    assert link.get("href") == f"../{other.slug}/index.html"
    assert report.notes == []


def test_a_related_story_outside_the_export_without_site_url_is_named(library, stories, tmp_path):
    main, other = stories
    library.set_setting("site.url", "")
    report = export(library, [main.id], tmp_path / "out")
    assert any(f"related story '{other.slug}' is not in this export" in n for n in report.notes)


def test_house_date_format_setting(library, tmp_path):
    story = make_story(library)
    library.set_setting("site.date_format", "%d.%m.%Y")
    export(library, [story.id], tmp_path / "out")
    assert ">02.05.2024</time>" in (tmp_path / "out" / story.slug / "index.html").read_text()


def test_bad_site_url_is_refused_before_writing(library, tmp_path):
    story = make_story(library)
    library.set_setting("site.url", "javascript:alert(1)")
    with pytest.raises(InputError, match="site URL"):
        export(library, [story.id], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_json_ld_cannot_be_closed_by_text(library, tmp_path):
    story = make_story(library, title="</script><script>alert(1)</script> & <!--",
                       summary="</SCRIPT> <b>x</b> \u2028")
    export(library, [story.id], tmp_path / "out")
    page = (tmp_path / "out" / story.slug / "index.html").read_text(encoding="utf-8")
    script = page[page.index('<script type="application/ld+json">'):]
    script = script[:script.index("</script>")]
    assert "<" not in script[1:] and ">" not in script[len('<script type="application/ld+json">'):]
    assert "&" not in script
    doc = parse_strict(page)
    assert json_ld(doc)["headline"] == story.title


def test_article_json_is_ninjs(library, stories, tmp_path):
    main, other = stories
    export(library, [main.id], tmp_path / "out")
    data = json.loads((tmp_path / "out" / main.slug / "article.json").read_text())
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["uri"] == f"urn:uuid:{main.uuid}"
    assert data["standard"]["name"] == "ninjs" and data["standard"]["version"].startswith("2.")
    assert data["type"] == "text" and data["headlines"] == [
        {"role": "main", "contenttype": "text/plain", "value": main.title}]
    body = data["bodies"][0]
    assert body["contenttype"] == "text/html" and body["wordcount"] > 5 and body["charcount"] > 20
    assert [s["name"] for s in data["subjects"]] == ["media", "local news"]
    assert data["people"] == [{"name": "Dr. Jane Roe", "rel": "interviewee"}]
    assert data["genres"][0]["name"] == "interview" and data["by"] == "Sam Reporter"
    assert data["descriptions"][0]["value"] == "One-sentence standfirst."
    assert data["associations"][0]["uri"] == f"urn:uuid:{other.uuid}"
    assert data["associations"][0]["headlines"][0]["value"] == "Ferry returns"


def test_schema_really_rejects_bad_ninjs():
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert not validator.is_valid({"type": "text"})  # uri is required
    assert not validator.is_valid({"uri": "urn:x", "headlines": "title"})
    assert not validator.is_valid({"uri": "urn:x", "bodies": [{"role": "main"}]})
    assert not validator.is_valid({"uri": "urn:x", "unknown": 1})
    assert not validator.is_valid({"uri": "urn:x", "associations": [{"uri": "urn:y"}]})
    assert not validator.is_valid({"uri": "urn:x", "pubstatus": "published"})
    assert validator.is_valid({"uri": "urn:x", "associations": [{"name": "r", "uri": "urn:y",
                                                                 "type": "text"}]})


def test_manifest_hashes_every_file(library, stories, tmp_path):
    main, _ = stories
    export(library, [main.id], tmp_path / "out")
    bundle = tmp_path / "out" / main.slug
    manifest = json.loads((bundle / "manifest.json").read_text())
    assert manifest["article"]["id"] == main.id
    assert manifest["article"]["revision"] == library.latest_revision_number(main.id)
    assert manifest["tool"]["version"] == __version__
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    on_disk = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    assert set(listed) == on_disk - {"manifest.json"}
    for path, digest in listed.items():
        assert hashlib.sha256((bundle / path).read_bytes()).hexdigest() == digest


def test_article_md_imports_back(library, stories, tmp_path):
    main, other = stories
    export(library, [main.id], tmp_path / "out")
    again = parse_markdown((tmp_path / "out" / main.slug / "article.md").read_text(encoding="utf-8"))
    for name in ("title", "body", "kind", "interviewee", "author", "date", "summary", "slug", "tags"):
        assert getattr(again, name) == getattr(library.get_article(main.id), name), name
    assert again.extra["related"] == [other.slug]


# -- properties --------------------------------------------------------------------
def test_same_revision_exports_byte_identical(library, stories, tmp_path):
    main, other = stories
    first = export(library, [main.id, other.id], tmp_path / "a", zip_path=None)
    second = export(library, [main.id, other.id], tmp_path / "b")
    assert first.ok and second.ok
    assert tree_bytes(tmp_path / "a") == tree_bytes(tmp_path / "b")
    export(library, [main.id, other.id], None, zip_path=tmp_path / "one.zip")
    export(library, [other.id, main.id], None, zip_path=tmp_path / "two.zip")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_an_edit_makes_a_new_revision_and_new_bytes(library, stories, tmp_path):
    main, _ = stories
    export(library, [main.id], tmp_path / "a")
    library.update_article(main.id, body=main.body + "\nA late paragraph.\n")  # autosave: no revision
    export(library, [main.id], tmp_path / "b")
    first = json.loads((tmp_path / "a" / main.slug / "manifest.json").read_text())
    second = json.loads((tmp_path / "b" / main.slug / "manifest.json").read_text())
    assert second["article"]["revision"] == first["article"]["revision"] + 1
    assert "A late paragraph." in (tmp_path / "b" / main.slug / "fragment.html").read_text()


def test_zip_entries_sorted_with_fixed_times(library, stories, tmp_path):
    main, other = stories
    report = export(library, [main.id, other.id], None, zip_path=tmp_path / "site.zip")
    assert report.ok and report.out == str(tmp_path / "site.zip")
    with zipfile.ZipFile(tmp_path / "site.zip") as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names)
        assert {"index.html", "feed.xml", f"{main.slug}/index.html", f"{other.slug}/manifest.json"} \
            <= set(names)
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert {(i.external_attr >> 16) & 0o777 for i in infos} == {0o644}
        assert archive.testzip() is None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".byline")] == []


def test_failure_mid_export_keeps_previous_bundle(library, stories, tmp_path, monkeypatch):
    main, _ = stories
    out = tmp_path / "out"
    export(library, [main.id], out)
    before = tree_bytes(out)
    library.update_article(main.id, title="A new headline", revision_reason="edit")

    real_write = article_export.write_tree

    def failing_write(folder, files):
        names = sorted(files)
        real_write(folder, {name: files[name] for name in names[:2]})  # two files made it
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(article_export, "write_tree", failing_write)
    report = export(library, [main.id], out)
    assert not report.ok and report.failed[0][0] == main.slug
    assert "No space left on device" in report.failed[0][1]
    assert tree_bytes(out) == before  # the old bundle, whole; no temp folder left
    assert [p.name for p in out.iterdir()] == [main.slug]


def test_failure_during_swap_restores_old_bundle(library, stories, tmp_path, monkeypatch):
    main, _ = stories
    out = tmp_path / "out"
    export(library, [main.id], out)
    before = tree_bytes(out)
    library.update_article(main.id, title="Another headline", revision_reason="edit")
    import os

    from editor_app.core.export import paths

    real_rename = os.rename

    def rename(src, dst):
        if pathlib.Path(src).name.startswith(paths.TEMP_PREFIX):
            raise OSError(13, "Permission denied")
        return real_rename(src, dst)

    monkeypatch.setattr(paths.os, "rename", rename)
    report = export(library, [main.id], out)
    assert not report.ok
    assert tree_bytes(out) == before
    assert sorted(p.name for p in out.iterdir()) == [main.slug]


def test_cancel_leaves_only_whole_bundles(library, tmp_path):
    ids = [library.create_article(Article(title=f"Story {n}", date="2024-01-01",
                                          body=f"Text {n}.")).id for n in range(6)]
    cancel = threading.Event()
    seen = []

    def progress(done, total, slug):
        seen.append(slug)
        if done == 2:
            cancel.set()

    report = export(library, ids, tmp_path / "out", progress=progress, cancel=cancel, workers=1)
    assert report.cancelled and not report.ok
    assert 2 <= len(report.exported) < 6
    folders = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert folders == sorted(e.slug for e in report.exported)  # no listing, no temp folders
    for name in folders:
        files = {p.name for p in (tmp_path / "out" / name).iterdir()}
        assert files == BUNDLE_FILES


def test_missing_image_stops_that_article_only(library, stories, tmp_path):
    main, other = stories
    missing = "ab" * 32 + ".jpg"
    broken = library.create_article(Article(title="Broken picture", date="2024-06-01",
                                            body=f"Text.\n\n![gone](asset:{missing})\n"))
    local = library.create_article(Article(title="Local file", date="2024-06-02",
                                           body="![x](photo.jpg)\n"))
    report = export(library, [main.id, broken.id, other.id, local.id], tmp_path / "out")
    assert sorted(e.slug for e in report.exported) == sorted([main.slug, other.slug])
    failed = dict(report.failed)
    assert missing in failed[broken.slug] and "missing from the library" in failed[broken.slug]
    assert "photo.jpg" in failed[local.slug]
    assert not (tmp_path / "out" / broken.slug).exists()
    listing = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert main.slug in listing and broken.slug not in listing
    assert "2 exported, 2 failed" in report.summary()


def test_preflight_gate_refuses_unless_forced(library, tmp_path):
    pytest.importorskip("editor_app.core.review")
    bare = library.create_article(Article(title="No summary, no tags", body="Text."))
    report = export_articles(library, [bare.id], tmp_path / "out")
    assert not report.ok and "pre-flight" in report.failed[0][1]
    assert export_articles(library, [bare.id], tmp_path / "out", force=True).ok


def test_spiked_article_needs_force(library, tmp_path):
    story = library.create_article(Article(title="Killed story", body="Text."))
    library.set_status(story.id, "spiked", role="editor")
    report = export(library, [story.id], tmp_path / "out", force=False)
    assert "spiked" in report.failed[0][1]


# -- batch: listing and feed -------------------------------------------------------
def test_batch_listing_newest_first_and_atom_feed(library, stories, tmp_path):
    main, other = stories
    report = export(library, [other.id, main.id], tmp_path / "out")
    assert report.ok
    listing = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    doc = parse_strict(listing)
    links = [a.get("href") for a in doc.findall(".//a")]
    assert links == [f"{main.slug}/index.html", f"{other.slug}/index.html"]  # 2024-05 before 2024-03
    assert doc.findall(".//script") == []

    feed = ET.fromstring((tmp_path / "out" / "feed.xml").read_bytes())
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{name}").text
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Harbour Gazette"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == [f"urn:uuid:{main.uuid}",
                                                           f"urn:uuid:{other.uuid}"]
    for entry in entries:
        for name in ("title", "updated", "summary"):
            assert entry.find(f"{ATOM}{name}").text
        assert entry.find(f"{ATOM}link").get("href").startswith("https://news.example.org/")
    assert entries[1].find(f"{ATOM}summary").text == "The ferry is back & running."


def test_single_article_has_no_listing(library, stories, tmp_path):
    main, _ = stories
    export(library, [main.id], tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [main.slug]


def test_ids_with_status(library):
    a = library.create_article(Article(title="A", date="2024-01-01", status="approved"))
    b = library.create_article(Article(title="B", date="2024-02-01", status="approved"))
    library.create_article(Article(title="C", status="draft"))
    assert library.ids_with_status("approved") == [b.id, a.id]


def test_noncharacters_do_not_break_the_page(library, tmp_path):
    """The library accepts U+FFFE/U+FDD0 (not controls); the page must still parse strictly."""
    story = make_story(library, title="Odd \ufffe title \ufdd0", summary="Sum \uffff mary",
                       tags=["tag\ufffe"])
    export(library, [story.id], tmp_path / "out")
    page = (tmp_path / "out" / story.slug / "index.html").read_text(encoding="utf-8")
    doc = parse_strict(page)
    assert doc.find(".//title").text == "Odd  title "
    assert json_ld(doc)["headline"] == "Odd  title "
