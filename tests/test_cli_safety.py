"""The command-line reproductions of issue #19, run as a user would on a fresh library."""

from __future__ import annotations

import hashlib
import json
import pathlib

import pytest

from editor_app.cli import main

FERRY = "---\ntitle: Ferry strike\nauthor: {author}\n---\n{body}\n"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def lib(tmp_path):
    return ["--library", str(tmp_path / "fresh.byline")]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def hashes(folder: pathlib.Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_import_of_a_same_titled_file_creates_not_updates(capsys, lib, tmp_path):
    a = write(tmp_path, "a.md", FERRY.format(author="Ann", body="Ann's story."))
    b = write(tmp_path, "b.md", FERRY.format(author="Bob", body="Bob's story."))
    assert run(capsys, *lib, "import", a)[0] == 0
    code, out, err = run(capsys, *lib, "import", b)
    assert code == 0, err
    assert out.startswith("imported 2 ferry-strike-2") and "updated" not in out
    _, out, _ = run(capsys, *lib, "--json", "show", "ferry-strike")
    assert json.loads(out)["author"] == "Ann"


def test_import_reports_unchanged_and_makes_no_revision(capsys, lib, tmp_path):
    a = write(tmp_path, "a.md", "---\ntitle: Ferry strike\nslug: ferry-strike\n---\nBody.\n")
    run(capsys, *lib, "import", a)
    code, out, _ = run(capsys, *lib, "import", a)
    assert code == 0 and out.startswith("unchanged 1 ferry-strike")
    _, out, _ = run(capsys, *lib, "history", "ferry-strike")
    assert len(out.strip().splitlines()) == 1


def test_import_of_published_status_is_limited_and_said(capsys, lib, tmp_path):
    a = write(tmp_path, "a.md", "---\ntitle: Ferry strike\nstatus: published\n---\nBody.\n")
    code, out, err = run(capsys, *lib, "import", a, "--as", "reporter")
    assert code == 0
    assert "published" in err and "submitted" in err
    _, out, _ = run(capsys, *lib, "--json", "show", "ferry-strike")
    shown = json.loads(out)
    assert shown["status"] == "submitted"
    assert shown["trail"][0]["note"].startswith("imported")


def test_correction_import_of_a_published_article(capsys, lib, tmp_path):
    a = write(tmp_path, "a.md", "---\ntitle: Ferry strike\nslug: ferry-strike\n---\nBody.\n")
    run(capsys, *lib, "import", a)
    for status in ("submitted", "in_review", "approved", "published"):
        assert run(capsys, *lib, "status", "ferry-strike", status, "--as", "editor", "--force")[0] == 0
    a.write_text("---\ntitle: Ferry strike\nslug: ferry-strike\n---\nCorrected.\n", "utf-8")
    code, out, err = run(capsys, *lib, "import", a, "--as", "editor")
    assert code == 1 and err.count("\n") == 1
    assert "a.md" in err and "published" in err and "--correction" in err
    code, out, err = run(capsys, *lib, "import", a, "--as", "editor", "--correction")
    assert code == 0, err
    _, out, _ = run(capsys, *lib, "--json", "show", "ferry-strike")
    shown = json.loads(out)
    assert shown["status"] == "in_review" and shown["body"] == "Corrected.\n"


def test_search_for_a_word_starting_with_a_dash(capsys, lib, tmp_path):
    a = write(tmp_path, "a.md", "---\ntitle: Council\n---\nThe budget vote failed.\n")
    run(capsys, *lib, "import", a)
    code, out, err = run(capsys, *lib, "search", "-budget")
    assert code == 0, err
    assert "Council" in out
    code, out, err = run(capsys, *lib, "search", "-budget", "--limit", "5")
    assert code == 0 and "Council" in out
    code, _, err = run(capsys, *lib, "list", "-bogus")
    assert code == 2 and "unrecognized" in err


def test_an_editor_not_a_editor(capsys, lib, tmp_path):
    a = write(tmp_path, "a.md", "---\ntitle: Council\n---\nText.\n")
    run(capsys, *lib, "import", a)
    code, _, err = run(capsys, *lib, "status", "council", "published", "--as", "editor")
    assert code == 1
    assert "an editor" in err and "a editor" not in err


@pytest.mark.parametrize("occurrence", ["0", "-1"])
def test_comment_occurrence_must_be_positive(capsys, lib, tmp_path, occurrence):
    a = write(tmp_path, "a.md", "---\ntitle: Council\n---\nText text.\n")
    run(capsys, *lib, "import", a)
    code, out, err = run(capsys, *lib, "comment", "council", "--quote", "Text", "--text", "?",
                         "--occurrence", occurrence)
    assert code == 2 and "--occurrence" in err and err.count("\n") == 1
    _, out, _ = run(capsys, *lib, "--json", "comments", "council")
    assert json.loads(out) == []


def test_export_out_below_a_file_says_so(capsys, lib, tmp_path):
    a = write(tmp_path, "a.md", "---\ntitle: Council\n---\nText.\n")
    run(capsys, *lib, "import", a)
    write(tmp_path, "afile", "x")
    code, _, err = run(capsys, *lib, "export", "council", "--out", tmp_path / "afile" / "sub",
                       "--force")
    assert code == 1 and "afile" in err and "is a file" in err


def test_zip_naming_an_existing_folder_is_one_line(capsys, lib, tmp_path):
    a = write(tmp_path, "a.md", "---\ntitle: Council\n---\nText.\n")
    run(capsys, *lib, "import", a)
    (tmp_path / "dirzip.zip").mkdir()
    code, _, err = run(capsys, *lib, "export", "council", "--zip", "--out",
                       tmp_path / "dirzip.zip", "--force")
    assert code == 1 and err.count("\n") == 1
    assert "internal error" not in err and "folder" in err


def test_export_into_a_site_folder(capsys, lib, tmp_path):
    for name in ("a", "b"):
        run(capsys, *lib, "import", write(tmp_path, f"{name}.md",
                                          f"---\ntitle: Story {name}\n---\nText {name}.\n"))
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Our site</h1>\n")
    (site / "feed.xml").write_text("<feed/>\n")
    (site / "about" / "index.html").write_text("<h1>About</h1>\n")
    before = hashes(site)
    code, _, err = run(capsys, *lib, "export", "story-a", "story-b", "--out", site, "--force")
    assert code == 1 and err.count("\n") == 1
    assert "--articles-only" in err and "--take-over" in err
    assert hashes(site) == before
    code, out, err = run(capsys, *lib, "export", "story-a", "story-b", "--out", site, "--force",
                         "--articles-only")
    assert code == 0, err
    assert {k: v for k, v in hashes(site).items() if k in before} == before
    assert (site / "story-a" / "index.html").is_file()
    code, out, err = run(capsys, *lib, "export", "story-a", "story-b", "--out", site, "--force",
                         "--take-over")
    assert code == 0, err
    after = hashes(site)
    assert after["about/index.html"] == before["about/index.html"]
    assert after["index.html"] != before["index.html"]


def test_restore_from_a_backup_on_a_sound_library(capsys, lib, tmp_path):
    a = write(tmp_path, "a.md", "---\ntitle: Council\n---\nText.\n")
    run(capsys, *lib, "import", a)
    backup = tmp_path / "copy.byline"
    assert run(capsys, *lib, "backup", backup)[0] == 0
    code, out, err = run(capsys, *lib, "restore", "--from", backup)
    assert code == 1 and "--force" in err and "damaged" not in err
    code, out, err = run(capsys, *lib, "restore", "--from", backup, "--force")
    assert code == 0, err
    assert "damaged" not in out
    assert "kept as" in out
