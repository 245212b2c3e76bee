"""``byline spell``: the handler with a fake context, and the real command line."""

import argparse
import json
import os
import pathlib
import subprocess
import sys

import pytest

from editor_app.commands import spell

ROOT = pathlib.Path(__file__).resolve().parent.parent

ARTICLE = """---
title: "Dr. Jane Zinovska: small newsrooms can win"
interviewee: Dr. Jane Zinovska
language: en
---
Lede with a tipo, and the the repeat; see http://exampel.com.

Q: Did Zinovska say ünïcode publically `codez`?
"""


class FakeContext:
    def __init__(self, library=None, as_json=False, library_path=None):
        self._library = library
        self.json = as_json
        self.library_path = library_path or pathlib.Path("/nonexistent/library.byline")
        self.lines = []
        self.objects = []

    def library(self, create=True):
        return self._library

    def out(self, text=""):
        self.lines.append(text)

    def out_json(self, obj):
        self.objects.append(obj)

    def warn(self, text):
        self.lines.append(f"warning: {text}")


def run_handler(target, ctx, lang=None):
    args = argparse.Namespace(target=str(target), lang=lang, no_names=False)
    return spell.cmd_spell(args, ctx)


@pytest.fixture(autouse=True)
def no_personal_dictionary(tmp_path, monkeypatch):
    monkeypatch.setattr(spell, "default_personal_path", lambda: tmp_path / "personal.txt")


def test_a_file_is_checked_with_line_and_column_in_the_file(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    ctx = FakeContext(as_json=True)
    assert run_handler(path, ctx) == 0
    rows = ctx.objects[0]
    assert [(r["word"], r["line"], r["col"], r["kind"]) for r in rows] == [
        ("tipo", 6, 13, "spelling"), ("the", 6, 27, "repeat"), ("publically", 8, 29, "spelling")]
    assert "typo" in rows[0]["suggestions"] and rows[2]["suggestions"][0] == "publicly"


def test_plain_output_is_file_line_col_word_suggestions(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    ctx = FakeContext()
    run_handler(path, ctx)
    assert ctx.lines[0].startswith(f"{path}:6:13: tipo -> ")
    assert ctx.lines[2].startswith(f"{path}:8:29: publically -> publicly")


def test_an_article_is_looked_up_by_slug_in_the_library(tmp_path):
    from editor_app.core.library import Library
    from editor_app.core.models import Article

    library = Library.open(tmp_path / "lib.byline")
    try:
        created = library.create_article(Article(title="Test", body="A wrng word.\n", slug="test-piece"))
        library.add_dictionary_word("wrng", f"article:{created.id}")
        library.create_article(Article(title="Other", body="A speling slip.\n", slug="other"))
        ctx = FakeContext(library=library, as_json=True)
        run_handler("other", ctx)
        assert [(r["word"], r["line"], r["col"]) for r in ctx.objects[0]] == [("speling", 1, 3)]
        ctx = FakeContext(library=library, as_json=True)
        run_handler("test-piece", ctx)
        assert ctx.objects[0] == []  # ignored in this article
    finally:
        library.close()


def _byline(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "editor_app", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_command_line_json_and_unknown_language(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    library = tmp_path / "lib.byline"
    result = _byline("--library", str(library), "spell", str(path), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["word"] for r in rows] == ["tipo", "the", "publically"]
    assert set(rows[0]) == {"word", "line", "col", "suggestions", "kind"}

    result = _byline("--library", str(library), "spell", str(path), "--lang", "xx", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "available: ar, de, en" in result.stderr
    assert "Traceback" not in result.stderr
