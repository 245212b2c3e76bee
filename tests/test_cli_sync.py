"""byline send, receive, conflicts and resolve (#14): output, JSON shapes, exit codes."""

from __future__ import annotations

import json

import pytest

from editor_app.cli import main
from editor_app.core.library import Library
from tests.sync_support import new_interview


@pytest.fixture
def two(tmp_path, capsys):
    """Two libraries with the same interview; both changed the same sentence since."""
    a, b = tmp_path / "a.byline", tmp_path / "b.byline"
    with Library.open(a) as lib:
        lib.set_setting("user.name", "Rasa")
        new_interview(lib)
    assert main(["--library", str(a), "send", "jane-roe", "--out", str(tmp_path / "1.byline")]) == 0
    assert main(["--library", str(b), "receive", str(tmp_path / "1.byline")]) == 0
    for path, word in ((a, "Four"), (b, "Five")):
        with Library.open(path) as lib:
            art = lib.get_article("jane-roe")
            lib.update_article(art.id, body=art.body.replace("Three,", f"{word},"),
                               title=f"Jane Roe ({word})", revision_reason="edit")
    capsys.readouterr()
    return a, b, tmp_path


def run(capsys, lib, *argv):
    code = main(["--library", str(lib), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, lib, *argv):
    code, out, err = run(capsys, lib, "--json", *argv)
    return code, (json.loads(out) if out.strip() else None), err


def test_send_and_receive_print_what_happened(capsys, two):
    a, b, tmp = two
    code, out, err = run(capsys, b, "send", "jane-roe", "--out", str(tmp / "from-b.byline"))
    assert code == 0 and err == ""
    assert out.startswith(f"wrote {tmp / 'from-b.byline'}: 1 article(s) (jane-roe)")
    code, data, _ = run_json(capsys, b, "send", "jane-roe", "--out", str(tmp / "b2.byline"),
                             "--since", str(tmp / "1.byline"))
    assert code == 0 and data["revisions"] == 1 and data["articles"][0]["slug"] == "jane-roe"
    code, out, _ = run(capsys, a, "receive", str(tmp / "from-b.byline"))
    assert code == 0
    assert "CONFLICT" in out and "jane-roe" in out and "byline resolve" in out
    code, data, _ = run_json(capsys, a, "receive", str(tmp / "from-b.byline"))
    assert code == 0
    assert set(data) == {"file", "arrived", "updated", "merged", "conflicts", "unchanged",
                         "refused", "notes", "revisions", "records", "assets"}
    assert [x["slug"] for x in data["unchanged"]] == ["jane-roe"] and data["revisions"] == 0


def test_conflicts_lists_and_shows_then_resolve_takes_a_side(capsys, two):
    a, b, tmp = two
    run(capsys, b, "send", "jane-roe", "--out", str(tmp / "from-b.byline"))
    run(capsys, a, "receive", str(tmp / "from-b.byline"))
    code, rows, _ = run_json(capsys, a, "conflicts")
    assert code == 0 and [r["slug"] for r in rows] == ["jane-roe"]
    assert set(rows[0]) == {"id", "slug", "title", "status", "theirs", "detected_at"}
    code, out, _ = run(capsys, a, "conflicts")
    assert "jane-roe" in out and "1 version(s) from elsewhere" in out
    code, data, _ = run_json(capsys, a, "conflicts", "jane-roe")
    assert [h["name"] for h in data["hunks"]] == ["title", "body"]
    assert "Four," in data["hunks"][1]["mine"] and "Five," in data["hunks"][1]["theirs"]
    code, out, _ = run(capsys, a, "conflicts", "jane-roe")
    assert "conflict 2: body" in out
    code, out, err = run(capsys, a, "status", "jane-roe", "submitted", "--as", "reporter")
    assert code == 0
    code, out, err = run(capsys, a, "status", "jane-roe", "in_review", "--as", "editor", "--force")
    assert code == 1 and "in conflict" in err and err.count("\n") == 1
    code, data, _ = run_json(capsys, a, "resolve", "jane-roe", "--take", "theirs")
    assert code == 0 and data["in_conflict"] is False
    code, out, _ = run(capsys, a, "conflicts")
    assert out.strip() == "no conflicts"
    code, data, _ = run_json(capsys, a, "show", "jane-roe")
    assert data["title"] == "Jane Roe (Five)" and "Five," in data["body"]
    assert data["in_conflict"] is False


def test_resolve_with_a_draft_edited_by_hand(capsys, two):
    a, b, tmp = two
    run(capsys, b, "send", "jane-roe", "--out", str(tmp / "from-b.byline"))
    run(capsys, a, "receive", str(tmp / "from-b.byline"))
    draft = tmp / "merged.md"
    code, out, _ = run(capsys, a, "resolve", "jane-roe", "--draft", str(draft))
    assert code == 0 and "--file" in out
    text = draft.read_text("utf-8")
    assert "<<<<<<< mine" in text and "# conflict in title" in text
    code, out, err = run(capsys, a, "resolve", "jane-roe", "--file", str(draft))
    assert code == 1 and "conflict marker" in err and str(draft) in err
    lines, keep = [], True
    for line in text.split("\n"):  # keep mine, drop theirs and the markers
        if line.startswith("<<<<<<< mine"):
            continue
        if line == "=======":
            keep = False
        elif line.startswith(">>>>>>> theirs"):
            keep = True
        elif keep:
            lines.append(line)
    draft.write_text("\n".join(lines).replace("Four, and", "Four or five, and"), "utf-8")
    code, out, err = run(capsys, a, "resolve", "jane-roe", "--file", str(draft))
    assert code == 0, err
    with Library.open(a) as lib:
        art = lib.get_article("jane-roe")
        assert "have?\n\nA: Four or five, and a photographer on Saturdays.\n\nQ:" in art.body
        assert "Five," not in art.body
        assert not lib.in_conflict(art.id)
        assert lib.revisions(art.id)[0].reason.startswith("conflict resolved (from merged.md")


def test_show_prints_a_refused_move_in_the_trail(capsys, tmp_path):
    a, b = tmp_path / "a.byline", tmp_path / "b.byline"
    with Library.open(a) as lib:
        new_interview(lib)
    run(capsys, a, "send", "jane-roe", "--out", str(tmp_path / "1.byline"))
    run(capsys, b, "receive", str(tmp_path / "1.byline"))
    run(capsys, a, "status", "jane-roe", "submitted", "--as", "reporter", "--who", "Rasa")
    run(capsys, b, "status", "jane-roe", "spiked", "--as", "editor", "--who", "Tomas")
    run(capsys, a, "send", "jane-roe", "--out", str(tmp_path / "2.byline"))
    code, data, _ = run_json(capsys, b, "receive", str(tmp_path / "2.byline"))
    assert code == 0 and [(r["who"], r["to"]) for r in data["refused"]] == [("Rasa", "submitted")]
    code, out, _ = run(capsys, b, "show", "jane-roe")
    refused = [line for line in out.splitlines() if "REFUSED" in line]
    assert len(refused) == 1 and "draft → submitted  by Rasa (reporter)" in refused[0]
    code, data, _ = run_json(capsys, b, "show", "jane-roe")
    assert [(t["to"], t["refused"]) for t in data["trail"]] == [("spiked", False),
                                                                 ("submitted", True)]


@pytest.mark.parametrize("argv, message", [
    (["receive", "{tmp}/nothing.byline"], "no such file"),
    (["receive", "{tmp}/a.byline"], "is a Byline library, not a hand-off file"),
    (["send", "jane-roe", "--out", "{tmp}/no/dir.byline"], "does not exist"),
    (["send", "no-such-story", "--out", "{tmp}/x.byline"], "no article"),
    (["resolve", "jane-roe", "--take", "mine"], "is not in conflict"),
    (["conflicts", "jane-roe"], "is not in conflict"),
    (["resolve", "jane-roe", "--file", "{tmp}/none.md"], "no such file"),
])
def test_errors_are_one_line_and_exit_1(capsys, tmp_path, argv, message):
    lib = tmp_path / "a.byline"
    with Library.open(lib) as opened:
        new_interview(opened)
    code, out, err = run(capsys, lib, *[arg.format(tmp=tmp_path) for arg in argv])
    assert code == 1 and message in err and err.count("\n") == 1 and "Traceback" not in err


def test_usage_errors_exit_2(capsys, tmp_path):
    lib = tmp_path / "a.byline"
    assert run(capsys, lib, "send", "x")[0] == 2  # no --out
    assert run(capsys, lib, "resolve", "x")[0] == 2  # no --take/--file/--draft
    assert run(capsys, lib, "resolve", "x", "--take", "both")[0] == 2
