"""`byline tag`, `byline tags …` and `byline related`: output shapes and refusals."""

import json

import pytest

from editor_app.cli import main
from editor_app.core.library import Library
from editor_app.core.models import Article, Status

FLOOD = ("The council approved the flood barrier for the harbour after the storm surge. "
         "Engineers say the barrier will protect homes on the quay from flooding.")


@pytest.fixture
def lib_path(tmp_path):
    path = tmp_path / "cli.byline"
    with Library.open(path) as lib:
        lib.create_article(Article(title="Flood barrier approved", body=FLOOD, date="2024-05-01",
                                   tags=["harbour"], slug="story"))
        lib.create_article(Article(title="Barrier debate", body=FLOOD, date="2024-04-01",
                                   tags=["harbour", "climate"], slug="older"))
        lib.create_article(Article(title="Barrier opens", body=FLOOD, date="2024-09-01",
                                   tags=["climate"], slug="newer"))
        spiked = lib.create_article(Article(title="Barrier draft", body=FLOOD, date="2024-01-01",
                                            slug="spiked"))
        lib.set_status(spiked.id, Status.SPIKED, role="editor")
    return path


def run(lib_path, capsys, *argv):
    code = main(["--library", str(lib_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_tag_add_remove_json(lib_path, capsys):
    code, out, _ = run(lib_path, capsys, "tag", "story", "--add", "EU  policy", "--add", "Fisheries",
                       "--remove", "HARBOUR", "--json")
    assert code == 0
    assert json.loads(out) == {"id": 1, "slug": "story", "tags": ["EU policy", "Fisheries"]}
    code, out, _ = run(lib_path, capsys, "tag", "1")
    assert out.strip() == "EU policy, Fisheries"


def test_tag_bad_name_is_one_line_error(lib_path, capsys):
    code, out, err = run(lib_path, capsys, "tag", "story", "--add", "???")
    assert code == 1 and err.count("\n") == 1 and "no letters" in err
    assert "Traceback" not in err


def test_tags_suggest_json_shape(lib_path, capsys):
    code, out, _ = run(lib_path, capsys, "tags", "suggest", "story", "--json")
    data = json.loads(out)
    assert code == 0 and data and all(set(d) == {"tag", "score"} for d in data)
    assert data[0]["tag"] == "climate"


def test_tags_list_rename_merge_alias(lib_path, capsys):
    assert run(lib_path, capsys, "tags", "alias", "climate", "weather")[0] == 0
    assert run(lib_path, capsys, "tags", "rename", "harbour", "Harbour")[0] == 0
    code, out, _ = run(lib_path, capsys, "tags", "merge", "weather", "harbour", "--json")
    assert code == 0 and json.loads(out)["name"] == "Harbour"  # "weather" is climate's alias
    code, out, _ = run(lib_path, capsys, "tags", "list", "--json")
    data = json.loads(out)
    assert code == 0
    assert {d["name"] for d in data} == {"Harbour"}
    assert set(data[0]) == {"name", "slug", "description", "aliases", "count"}
    assert set(data[0]["aliases"]) == {"climate", "weather"} and data[0]["count"] == 3
    code, _, err = run(lib_path, capsys, "tags", "merge", "climate", "Harbour")
    assert code == 1 and "itself" in err


def test_related_json_shape_and_filters(lib_path, capsys):
    code, out, _ = run(lib_path, capsys, "related", "story", "--json")
    data = json.loads(out)
    assert code == 0 and [d["slug"] for d in data] == ["older"]
    assert {"id", "slug", "title", "date", "score", "reasons"} <= set(data[0])
    assert all(isinstance(r, str) for r in data[0]["reasons"])
    code, out, _ = run(lib_path, capsys, "related", "story", "--json", "--include-newer", "--limit", "1")
    assert len(json.loads(out)) == 1


def test_related_pin_unpin_and_refusals(lib_path, capsys):
    code, out, _ = run(lib_path, capsys, "related", "story", "--pin", "older", "--json")
    assert code == 0 and [p["slug"] for p in json.loads(out)["pinned"]] == ["older"]
    code, _, err = run(lib_path, capsys, "related", "story", "--pin", "spiked")
    assert code == 1 and "spiked" in err
    code, _, err = run(lib_path, capsys, "related", "story", "--pin", "nope")
    assert code == 1 and "no article" in err
    code, out, _ = run(lib_path, capsys, "related", "story", "--unpin", "older", "--json")
    assert json.loads(out)["pinned"] == []
    code, _, err = run(lib_path, capsys, "related", "story", "--pin", "older", "--unpin", "older")
    assert code == 2


def test_related_space_status_update_and_rebuild(lib_path, capsys):
    code, out, _ = run(lib_path, capsys, "related-space")
    assert code == 0 and "no topic space yet (3 articles)" in out
    code, out, _ = run(lib_path, capsys, "related-space", "--update")
    assert code == 0 and "learned the topic space from 3 articles" in out
    code, out, _ = run(lib_path, capsys, "related-space", "--json")
    status = json.loads(out)
    assert status["live"] == status["covered"] == 3 and status["action"] == "none"
    code, out, _ = run(lib_path, capsys, "related-space", "--rebuild", "--json")
    report = json.loads(out)
    assert report["done"] == "rebuild" and report["action"] == "none" and report["articles"] == 3


def test_related_learns_a_small_space_inline(lib_path, capsys):
    code, out, err = run(lib_path, capsys, "related", "story", "--json")
    assert code == 0 and err == ""
    assert [s["slug"] for s in json.loads(out)] == ["older"]
    code, out, _ = run(lib_path, capsys, "related-space", "--json")
    assert json.loads(out)["covered"] == 3
