"""`byline export`: folders or a zip, --status batches, --json shape, exit codes (#7)."""

import json
import zipfile

import pytest

from editor_app.cli import main

GOOD = ("---\ntitle: Ferry returns\nkind: news\ndate: 2024-03-01\nsummary: The ferry is back.\n"
        "tags: [transport]\nstatus: approved\n---\nThe ferry is back.\n")
OTHER = ("---\ntitle: Bridge closes\nkind: news\ndate: 2024-04-01\nsummary: Repairs.\n"
         "tags: [transport]\nstatus: approved\n---\nThe bridge closes for repairs.\n")
BROKEN = ("---\ntitle: Missing picture\nkind: news\ndate: 2024-05-01\nsummary: Oops.\n"
          f"tags: [transport]\nstatus: draft\n---\n![gone](asset:{'cd' * 32}.png)\n")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def lib_path(tmp_path, capsys):
    path = str(tmp_path / "cli.byline")
    files = []
    for name, text in (("good.md", GOOD), ("other.md", OTHER), ("broken.md", BROKEN)):
        f = tmp_path / name
        f.write_text(text, encoding="utf-8")
        files.append(str(f))
    # an editor's import keeps "approved" (it passes the pre-flight check); a reporter's would not
    code, _, err = run(capsys, "--library", path, "import", "--as", "editor", *files)
    assert code == 0, err
    return path


def test_export_one_by_slug_json(capsys, lib_path, tmp_path):
    code, out, err = run(capsys, "--library", lib_path, "export", "ferry-returns", "--out",
                         str(tmp_path / "site"), "--json", "--force")
    assert code == 0, err
    data = json.loads(out)
    assert data["failed"] == []
    assert [(e["id"], e["slug"]) for e in data["exported"]] == [(1, "ferry-returns")]
    assert (tmp_path / "site" / "ferry-returns" / "index.html").is_file()
    assert data["exported"][0]["path"] == str((tmp_path / "site" / "ferry-returns").resolve())


def test_export_status_batch(capsys, lib_path, tmp_path):
    code, out, _ = run(capsys, "--library", lib_path, "--json", "export", "--status", "approved",
                       "--out", str(tmp_path / "site"), "--force")
    assert code == 0
    assert sorted(e["slug"] for e in json.loads(out)["exported"]) == ["bridge-closes", "ferry-returns"]
    assert (tmp_path / "site" / "feed.xml").is_file() and (tmp_path / "site" / "index.html").is_file()


def test_failure_sets_exit_code_and_names_the_image(capsys, lib_path, tmp_path):
    code, out, err = run(capsys, "--library", lib_path, "export", "1", "missing-picture",
                         "no-such-story", "--out", str(tmp_path / "site"), "--force", "--json")
    assert code == 1
    data = json.loads(out)
    assert [e["slug"] for e in data["exported"]] == ["ferry-returns"]
    errors = {f["slug"]: f["error"] for f in data["failed"]}
    assert "cd" * 32 + ".png" in errors["missing-picture"]
    assert "no-such-story" in errors
    assert "Traceback" not in err


def test_zip_into_folder(capsys, lib_path, tmp_path):
    code, out, err = run(capsys, "--library", lib_path, "export", "1", "2", "--zip", "--force",
                         "--out", str(tmp_path / "zips"))
    assert code == 0, err
    target = tmp_path / "zips" / "byline-export.zip"
    with zipfile.ZipFile(target) as archive:
        assert "feed.xml" in archive.namelist()
    assert "zip:" in out


def test_plain_output_and_usage_errors(capsys, lib_path, tmp_path):
    code, out, _ = run(capsys, "--library", lib_path, "export", "1", "--out", str(tmp_path / "s"),
                       "--force")
    assert code == 0 and out.startswith("exported 1 ferry-returns")
    code, _, err = run(capsys, "--library", lib_path, "export", "--out", str(tmp_path / "s"))
    assert code == 1 and "give --status" in err
    code, _, err = run(capsys, "--library", lib_path, "export", "1")
    assert code == 2 and "--out" in err


def test_status_batch_starts_processes_early_and_exits_cleanly(capsys, lib_path, tmp_path,
                                                               monkeypatch):
    from editor_app.core.export import procpool

    pools = []
    real = procpool.start_processes

    def spy(*args, **kwargs):
        pools.append(real(*args, **kwargs))
        return pools[-1]

    monkeypatch.setattr(procpool, "start_processes", spy)
    code, out, err = run(capsys, "--library", lib_path, "export", "--status", "approved",
                         "--force", "--out", str(tmp_path / "site"))
    assert code == 0, err
    assert pools and pools[0] is not None
    assert not pools[0]._all  # two articles go to threads: the early process was closed
    for slug in ("ferry-returns", "bridge-closes"):
        assert (tmp_path / "site" / slug / "index.html").is_file()
