"""Command line of the review: JSON shapes and exit codes for automation."""

from __future__ import annotations

import json

import pytest

from editor_app.cli import main
from editor_app.core.library import Library
from editor_app.core.models import Article, Kind, Status

BODY = "The mayor said the barrier would be built.\n\nQ: When?\n\nA: Soon.\n"


@pytest.fixture
def lib_path(tmp_path):
    path = tmp_path / "cli.byline"
    with Library.open(path) as lib:
        lib.set_setting("user.name", "Kim")
        lib.create_article(Article(title="Ready one", summary="S.", body=BODY, tags=["x"],
                                   kind=Kind.INTERVIEW, slug="ready-one",
                                   status=Status.IN_REVIEW))
        lib.create_article(Article(title="Bare", body="Text.", slug="bare"))
    return path


def run(capsys, lib_path, *argv):
    code = main(["--library", str(lib_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, lib_path, *argv):
    code, out, err = run(capsys, lib_path, "--json", *argv)
    return code, json.loads(out) if out.strip() else None, err


def test_check_article_json_and_exit_code(capsys, lib_path):
    code, data, _ = run_json(capsys, lib_path, "check-article", "bare")
    assert code == 1
    assert set(data) == {"id", "slug", "ok", "errors", "warnings", "items"}
    assert data["ok"] is False and {"summary", "tags"} <= set(data["errors"])
    assert all(set(i) == {"code", "level", "message"} for i in data["items"])


def test_check_article_text_lists_every_check(capsys, lib_path):
    code, out, _ = run(capsys, lib_path, "check-article", "bare")
    assert code == 1 and "summary" in out and "NOT ready" in out


def test_comment_reply_resolve(capsys, lib_path):
    code, c, _ = run_json(capsys, lib_path, "comment", "ready-one", "--quote", "the barrier",
                          "--text", "Source?")
    assert code == 0
    assert (c["quote"], c["start"], c["end"], c["author"]) == (
        "the barrier", BODY.index("the barrier"), BODY.index("the barrier") + 11, "Kim")
    code, r, _ = run_json(capsys, lib_path, "comment", "ready-one", "--reply-to", str(c["id"]),
                          "--text", "Council minutes")
    assert code == 0 and r["parent_id"] == c["id"]
    code, done, _ = run_json(capsys, lib_path, "comment", "ready-one", "--resolve", str(c["id"]))
    assert done["resolved"] is True
    code, listed, _ = run_json(capsys, lib_path, "comments", "ready-one")
    assert [x["id"] for x in listed] == [c["id"], r["id"]]
    assert listed[0]["detached"] is False
    code, shown, _ = run_json(capsys, lib_path, "show", "ready-one")
    assert [x["id"] for x in shown["comments"]] == [c["id"], r["id"]]


def test_comment_on_missing_quote_is_one_line_error(capsys, lib_path):
    code, out, err = run(capsys, lib_path, "comment", "ready-one", "--quote", "nowhere",
                         "--text", "x")
    assert code == 1 and err.startswith("byline: error:") and err.count("\n") == 1


def test_history_and_restore(capsys, lib_path):
    with Library.open(lib_path) as lib:
        lib.update_article(lib.resolve_id("bare"), body="Changed.", revision_reason="autosave")
    code, log, _ = run_json(capsys, lib_path, "history", "bare")
    assert code == 0 and [r["number"] for r in log] == [2, 1]
    assert set(log[0]) == {"id", "article_id", "number", "title", "author", "reason", "created_at"}
    code, diff, _ = run_json(capsys, lib_path, "diff-revisions", str(log[1]["id"]), str(log[0]["id"]))
    assert code == 0 and {"op": "insert", "text": "Changed"} in diff["ops"]
    code, res, _ = run_json(capsys, lib_path, "restore-revision", str(log[1]["id"]))
    assert code == 0 and res["revision"]["number"] == 3 and res["restored_number"] == 1
    code, out, err = run(capsys, lib_path, "restore-revision", "9999")
    assert code == 1 and "no revision" in err


def test_status_uses_the_preflight_gate(capsys, lib_path):
    code, out, err = run(capsys, lib_path, "status", "bare", "submitted", "--as", "reporter")
    assert code == 0
    code, _, err = run(capsys, lib_path, "status", "bare", "in_review", "--as", "reporter")
    assert code == 1 and "in_review" in err
    run(capsys, lib_path, "status", "bare", "in_review", "--as", "editor")
    code, _, err = run(capsys, lib_path, "status", "bare", "approved", "--as", "editor")
    assert code == 1 and "pre-flight" in err and "summary" in err
    code, event, _ = run_json(capsys, lib_path, "status", "bare", "approved", "--as", "editor",
                              "--force", "--note", "deadline")
    assert code == 0 and event["override"] is True and "summary" in event["note"]
    code, shown, _ = run_json(capsys, lib_path, "show", "bare")
    assert shown["trail"][-1]["override"] is True
