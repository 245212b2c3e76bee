"""Exporting never deletes or replaces what Byline did not write; a failed zip keeps the old
one; dates keep their time and zone (#19, defects 2, 4 and 6)."""

from __future__ import annotations

import hashlib
import json
import pathlib
import xml.etree.ElementTree as ET
import zipfile

import pytest

from editor_app.core.errors import InputError
from editor_app.core.export import export_articles
from editor_app.core.importing import import_files
from editor_app.core.models import Article

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_FILES = {
    "index.html": "<!doctype html><title>The Harbourside Post</title><h1>Home</h1>\n",
    "feed.xml": "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>\n",
    "about/index.html": "<!doctype html><title>About us</title>\n",
    "css/site.css": "body { font-family: serif; }\n",
    "images/logo.png": "\x89PNG fake logo",
    "other-story/editor-notes.txt": "Call the harbour master before Friday.\n",
}


def make_site(folder: pathlib.Path) -> pathlib.Path:
    for rel, text in SITE_FILES.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return folder


def hashes(folder: pathlib.Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def two_articles(library, slugs=("ferry-strike", "council-vote")):
    return [library.create_article(Article(title=slug.replace("-", " ").title(), slug=slug,
                                           date=f"2024-03-0{n}", summary="S.", tags=["t"],
                                           body=f"Body of {slug}.\n")).id
            for n, slug in enumerate(slugs, start=1)]


# -- 2. never delete or replace what Byline did not write -------------------------------

def test_export_into_a_site_folder_does_not_touch_its_listing_or_feed(library, tmp_path):
    site = make_site(tmp_path / "site")
    before = hashes(site)
    ids = two_articles(library)
    with pytest.raises(InputError) as exc:
        export_articles(library, ids, site, force=True)
    message = str(exc.value)
    assert "\n" not in message and "index.html" in message
    assert "--articles-only" in message and "--take-over" in message
    assert hashes(site) == before  # nothing written, nothing deleted


def test_articles_only_adds_bundles_and_leaves_every_site_file_alone(library, tmp_path):
    site = make_site(tmp_path / "site")
    before = hashes(site)
    ids = two_articles(library, ("ferry-strike", "about"))
    report = export_articles(library, ids, site, force=True, listing=False)
    after = hashes(site)
    assert {k: v for k, v in after.items() if k in before} == before
    assert (site / "ferry-strike" / "manifest.json").is_file()
    # "about/" is the site's own folder: that article fails, with a message saying why
    assert [slug for slug, _ in report.failed] == ["about"]
    assert "about" in report.failed[0][1] and "not written by Byline" in report.failed[0][1]


def test_reexport_keeps_files_someone_added_to_a_bundle(library, tmp_path):
    out = tmp_path / "out"
    [aid] = two_articles(library, ("other-story",))
    export_articles(library, [aid], out, force=True)
    notes = out / "other-story" / "editor-notes.txt"
    notes.write_text("Call the harbour master before Friday.\n", encoding="utf-8")
    library.update_article(aid, body="A corrected body.\n")
    report = export_articles(library, [aid], out, force=True)
    assert report.ok, report.failed
    assert notes.read_text(encoding="utf-8") == "Call the harbour master before Friday.\n"
    assert "A corrected body." in (out / "other-story" / "fragment.html").read_text("utf-8")


def test_a_bundle_file_changed_by_hand_is_not_overwritten(library, tmp_path):
    out = tmp_path / "out"
    [aid] = two_articles(library, ("ferry-strike",))
    export_articles(library, [aid], out, force=True)
    page = out / "ferry-strike" / "index.html"
    page.write_text("<p>fixed by hand on the server</p>\n", encoding="utf-8")
    report = export_articles(library, [aid], out, force=True)
    [(slug, message)] = report.failed
    assert slug == "ferry-strike" and "index.html" in message and "changed" in message
    assert page.read_text(encoding="utf-8") == "<p>fixed by hand on the server</p>\n"
    report = export_articles(library, [aid], out, force=True, take_over=True)
    assert report.ok and "fixed by hand" not in page.read_text(encoding="utf-8")


def test_a_listing_byline_wrote_is_replaced_next_time(library, tmp_path):
    out = tmp_path / "out"
    ids = two_articles(library)
    export_articles(library, ids, out, force=True)
    library.update_article(ids[0], title="Ferry strike ends")
    report = export_articles(library, ids, out, force=True)
    assert report.ok
    assert "Ferry strike ends" in (out / "index.html").read_text("utf-8")


def test_take_over_writes_the_listing_but_deletes_nothing(library, tmp_path):
    site = make_site(tmp_path / "site")
    before = hashes(site)
    ids = two_articles(library)
    report = export_articles(library, ids, site, force=True, take_over=True)
    assert report.ok
    after = hashes(site)
    assert set(before) <= set(after)  # nothing deleted
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {"index.html", "feed.xml"}
    # and from now on the listing is Byline's: a plain export replaces it
    assert export_articles(library, ids, site, force=True).ok


# -- 4. a failed zip export keeps the previous zip -------------------------------------

def test_a_failed_zip_export_keeps_the_complete_previous_zip(library, tmp_path):
    ids = two_articles(library)
    target = tmp_path / "day.zip"
    assert export_articles(library, ids, None, zip_path=target, force=True).ok
    previous = target.read_bytes()
    library.update_article(ids[1], body="![gone](asset:" + "a" * 64 + ".png)\n")
    library.update_article(ids[0], body="Changed.\n")
    report = export_articles(library, ids, None, zip_path=target, force=True)
    assert [slug for slug, _ in report.failed] == ["council-vote"]
    assert target.read_bytes() == previous
    assert not list(tmp_path.glob(".byline-tmp-*"))
    with zipfile.ZipFile(target) as archive:
        assert "council-vote/index.html" in archive.namelist()


def test_a_zip_path_naming_a_folder_is_one_line(library, tmp_path):
    ids = two_articles(library)
    folder = tmp_path / "export.zip"
    folder.mkdir()
    with pytest.raises(InputError, match="export.zip.*folder"):
        export_articles(library, ids, None, zip_path=folder, force=True)


def test_an_output_folder_below_a_file_says_so(library, tmp_path):
    ids = two_articles(library)
    (tmp_path / "afile").write_text("x")
    with pytest.raises(InputError, match="afile.*is a file"):
        export_articles(library, ids, tmp_path / "afile" / "sub", force=True)


# -- 6. dates keep their time and zone -----------------------------------------------------

def test_a_date_with_time_and_zone_is_kept_everywhere(library, tmp_path):
    src = tmp_path / "late.md"
    src.write_text("---\ntitle: Late vote\nslug: late-vote\ndate: 2024-03-05T23:30:00+02:00\n"
                   "summary: S.\ntags: [council]\n---\nThe council voted late.\n", encoding="utf-8")
    [result] = import_files(library, [src])
    assert library.get_article(result.id).date == "2024-03-05T23:30:00+02:00"
    other = library.create_article(Article(title="Other", date="2024-03-01", body="o\n"))
    out = tmp_path / "out"
    assert export_articles(library, [result.id, other.id], out, force=True).ok
    bundle = out / "late-vote"
    assert "date: '2024-03-05T23:30:00+02:00'" in (bundle / "article.md").read_text("utf-8")
    page = (bundle / "index.html").read_text("utf-8")
    assert "5 March 2024" in page
    ld = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert ld["datePublished"] == "2024-03-05T23:30:00+02:00"
    ninjs = json.loads((bundle / "article.json").read_text("utf-8"))
    assert ninjs["contentcreated"] == "2024-03-05T23:30:00+02:00"
    feed = ET.parse(out / "feed.xml").getroot()
    published = {e.find(f"{ATOM}title").text: e.find(f"{ATOM}published").text
                 for e in feed.iter(f"{ATOM}entry")}
    assert published["Late vote"] == "2024-03-05T23:30:00+02:00"
    assert published["Other"] == "2024-03-01T00:00:00Z"
    # and the exported article.md imports back with the same date (no new revision)
    [again] = import_files(library, [bundle / "article.md"])
    assert library.get_article(again.id).date == "2024-03-05T23:30:00+02:00"
