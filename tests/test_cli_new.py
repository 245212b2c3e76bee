"""`byline new` starts a story as the desk does; `byline whoami` is the person (#17)."""

from __future__ import annotations

import datetime
import json

from editor_app.cli import main
from editor_app.core.identity import Identity, load_identity, save_identity
from editor_app.core.library import Library


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_interview_json(capsys, tmp_path):
    save_identity(Identity("Rasa Vaitkutė", "reporter"))
    lib = str(tmp_path / "cli.byline")
    code, out, err = run(capsys, "--library", lib, "--json", "new", "--kind", "interview",
                         "--title", "Dr. Jane Roe: “small newsrooms can win”")
    assert code == 0, err
    made = json.loads(out)
    assert made == {"id": 1, "slug": "dr-jane-roe-small-newsrooms-can-win",
                    "title": "Dr. Jane Roe: “small newsrooms can win”", "kind": "interview",
                    "author": "Rasa Vaitkutė", "date": datetime.date.today().isoformat(),
                    "language": "en", "status": "draft"}
    with Library.open(lib) as opened:
        article = opened.get_article(1)
        assert article.body == "Q: "
        assert opened.slug_follows_headline(1)
        [revision] = opened.revisions(1)
        assert revision.author == "Rasa Vaitkutė"


def test_new_without_a_title_has_a_placeholder_and_no_address_from_it(capsys, tmp_path):
    lib = str(tmp_path / "cli.byline")
    code, out, _ = run(capsys, "--library", lib, "new")
    assert code == 0
    assert out.startswith("created 1 draft-") and out.rstrip().endswith("Untitled news")
    code, out, _ = run(capsys, "--library", lib, "check-article", "1")
    assert code == 1 and "Headline missing (still “Untitled news”)" in out


def test_new_refuses_an_unknown_kind_in_one_line(capsys, tmp_path):
    code, out, err = run(capsys, "--library", str(tmp_path / "x.byline"), "new", "--kind", "poem")
    assert code == 1 and out == ""
    assert err == "byline: error: unknown kind 'poem'; expected one of: news, interview, " \
                  "feature, opinion\n"


def test_whoami_shows_and_sets_the_person(capsys, tmp_path, own_config_folder):
    code, out, _ = run(capsys, "--json", "whoami", "--name", "Tomas", "--role", "editor")
    assert code == 0
    data = json.loads(out)
    assert (data["name"], data["role"]) == ("Tomas", "editor")
    assert data["file"] == str(own_config_folder / "byline" / "identity.json")
    assert load_identity() == Identity("Tomas", "editor")
    code, out, _ = run(capsys, "whoami")
    assert out == "Tomas (editor)\n"
    code, _, err = run(capsys, "whoami", "--role", "boss")
    assert code == 1 and "unknown role 'boss'" in err
    assert load_identity().role.value == "editor"  # nothing written


def test_as_role_still_overrides_for_one_command(capsys, tmp_path):
    save_identity(Identity("Rasa", "reporter"))
    lib = str(tmp_path / "cli.byline")
    run(capsys, "--library", lib, "new", "--title", "Storm")
    code, _, err = run(capsys, "--library", lib, "status", "1", "spiked")
    assert code == 1 and "a reporter cannot" in err
    code, out, err = run(capsys, "--library", lib, "--json", "status", "1", "spiked", "--as", "editor")
    assert code == 0, err
    assert json.loads(out)["who"] == "Rasa" and json.loads(out)["role"] == "editor"
