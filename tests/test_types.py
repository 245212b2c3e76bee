"""The typed seams stay typed: mypy checks the library facade and its stores (#13).

The files and options are in pyproject.toml ([tool.mypy]); a test runs them so
that an annotation that stops matching the code fails the suite, not a review.
"""

import os
import pathlib

from mypy import api

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_mypy_passes_on_the_typed_parts(monkeypatch):
    monkeypatch.chdir(ROOT)
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"),
                                "--no-incremental", "--cache-dir", os.devnull])
    assert status == 0, out + err


def test_mypy_would_catch_a_wrong_type(tmp_path, monkeypatch):
    """The check can fail: a call that passes a string for an article id is reported."""
    monkeypatch.chdir(ROOT)
    bad = tmp_path / "bad_caller.py"
    bad.write_text("from editor_app.core.library import Library\n\n\n"
                   "def f(library: Library) -> None:\n"
                   "    library.get_tag('seven')\n")
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"),
                                "--no-incremental", "--cache-dir", os.devnull, str(bad)])
    assert status == 1
    assert "get_tag" in out and "incompatible type" in out
