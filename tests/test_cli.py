"""The `byline` command line: JSON shapes, exit codes, one-line errors, no tracebacks."""

import json
import subprocess
import sys

import pytest

from editor_app import __version__
from editor_app.cli import main
from editor_app.core.samples import sample_files

ARTICLE = "---\ntitle: Ferry returns\nkind: news\ndate: 2024-03-01\ntags: [transport]\n---\nThe ferry is back.\n"


@pytest.fixture
def lib_path(tmp_path):
    return str(tmp_path / "cli.byline")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def imported(capsys, lib_path, tmp_path):
    path = tmp_path / "ferry.md"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "--library", lib_path, "--json", "import", str(path))
    assert code == 0
    return json.loads(out)


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"byline {__version__}"


def test_import_json_shape(capsys, lib_path, tmp_path):
    [item] = imported(capsys, lib_path, tmp_path)
    assert set(item) == {"id", "slug", "title", "source", "action", "notes"}
    assert item["slug"] == "ferry-returns" and item["action"] == "imported"


def test_list_json_shape_and_filters(capsys, lib_path, tmp_path):
    imported(capsys, lib_path, tmp_path)
    code, out, _ = run(capsys, "--library", lib_path, "list", "--json")
    [row] = json.loads(out)
    assert set(row) == {"id", "slug", "title", "kind", "status", "date", "tags", "updated_at"}
    assert row["tags"] == ["transport"]
    _, out, _ = run(capsys, "--library", lib_path, "--json", "list", "--status", "published")
    assert json.loads(out) == []
    _, out, _ = run(capsys, "--library", lib_path, "--json", "list", "--tag", "TRANSPORT")
    assert len(json.loads(out)) == 1


def test_show_by_id_and_slug(capsys, lib_path, tmp_path):
    [item] = imported(capsys, lib_path, tmp_path)
    code, out, _ = run(capsys, "--library", lib_path, "--json", "show", "ferry-returns")
    data = json.loads(out)
    assert code == 0
    assert data["body"] == "The ferry is back.\n"
    for key in ("id", "slug", "title", "kind", "status", "date", "tags", "related", "trail",
                "comments", "summary", "interviewee", "author", "language", "extra"):
        assert key in data
    _, out2, _ = run(capsys, "--library", lib_path, "--json", "show", str(item["id"]))
    assert json.loads(out2)["slug"] == "ferry-returns"
    code, out, _ = run(capsys, "--library", lib_path, "show", "ferry-returns")
    assert "Ferry returns" in out and "The ferry is back." in out


def test_search_json_shape(capsys, lib_path, tmp_path):
    imported(capsys, lib_path, tmp_path)
    code, out, _ = run(capsys, "--library", lib_path, "--json", "search", "ferry")
    [hit] = json.loads(out)
    assert set(hit) == {"id", "slug", "title", "snippet", "score"}
    assert "[ferry]" in hit["snippet"].lower()


def test_status_obeys_the_table(capsys, lib_path, tmp_path):
    imported(capsys, lib_path, tmp_path)
    code, out, err = run(capsys, "--library", lib_path, "status", "ferry-returns", "submitted",
                         "--as", "reporter", "--note", "ready")
    assert code == 0 and "draft → submitted" in out
    code, _, err = run(capsys, "--library", lib_path, "status", "ferry-returns", "published",
                       "--as", "reporter")
    assert code == 1
    assert err.count("\n") == 1 and "cannot move from submitted to published" in err
    code, _, err = run(capsys, "--library", lib_path, "status", "ferry-returns", "finished")
    assert code == 1 and "unknown status 'finished'" in err


def test_errors_are_one_line_without_traceback(capsys, lib_path, tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"---\ntitle: x\n---\n\xff\xfe")
    code, out, err = run(capsys, "--library", lib_path, "import", str(bad))
    assert code == 1
    assert err.count("\n") == 1 and "bad.md:4: not UTF-8" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, "--library", lib_path, "show", "nope")
    assert code == 1 and "no article with id or slug 'nope'" in err


def test_usage_error_exits_2(capsys, lib_path):
    code, _, err = run(capsys, "--library", lib_path, "list", "--no-such-flag")
    assert code == 2
    assert err.count("\n") == 1


def test_bad_library_paths(capsys, tmp_path):
    code, _, err = run(capsys, "--library", str(tmp_path / "missing" / "x.byline"), "list")
    assert code == 1 and "does not exist" in err
    notdb = tmp_path / "notes.txt"
    notdb.write_text("hello")
    code, _, err = run(capsys, "--library", str(notdb), "list")
    assert code == 1 and "not a Byline library" in err


def test_check_and_backup(capsys, lib_path, tmp_path):
    imported(capsys, lib_path, tmp_path)
    code, out, _ = run(capsys, "--library", lib_path, "--json", "check")
    assert code == 0 and json.loads(out)["ok"] is True
    target = tmp_path / "copy.byline"
    code, _, _ = run(capsys, "--library", lib_path, "backup", str(target))
    assert code == 0
    code, out, _ = run(capsys, "--library", str(target), "--json", "list")
    assert len(json.loads(out)) == 1


def test_library_from_environment(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("BYLINE_LIBRARY", str(tmp_path / "env.byline"))
    path = tmp_path / "ferry.md"
    path.write_text(ARTICLE, encoding="utf-8")
    assert run(capsys, "import", str(path))[0] == 0
    assert (tmp_path / "env.byline").exists()


def test_samples_import_with_pins(capsys, lib_path):
    code, out, _ = run(capsys, "--library", lib_path, "--json", "import", *map(str, sample_files()))
    assert code == 0 and len(json.loads(out)) == len(sample_files()) >= 8
    _, out, _ = run(capsys, "--library", lib_path, "--json", "show", "esther-lund-interview")
    assert [r["slug"] for r in json.loads(out)["related"]] == [
        "mayoral-candidates-announced", "amara-finch-interview", "flood-barrier-study"]


def test_python_dash_m_entry_point(tmp_path):
    result = subprocess.run([sys.executable, "-m", "editor_app", "--library",
                             str(tmp_path / "m.byline"), "--json", "list"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
