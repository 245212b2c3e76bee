"""The typed seams stay typed: mypy checks the library facade and its stores (#13).

The files and options are in pyproject.toml ([tool.mypy]); a test runs them so
that an annotation that stops matching the code fails the suite, not a review.
"""

import ast
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


def untyped_library_parameters(root: pathlib.Path) -> list[str]:
    """Where a function takes the library (``library`` or ``lib``) without saying its type."""
    found = []
    for path in sorted((root / "editor_app").rglob("*.py")):
        name = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
                found += [f"{name}:{node.lineno} {node.name}({arg.arg})" for arg in arguments
                          if arg.arg in ("library", "lib") and arg.annotation is None]
    return found


def test_every_library_parameter_says_it_is_the_library():
    """A tool (and a reader) follows calls through the facade only where the type is given."""
    assert untyped_library_parameters(ROOT) == []


def test_an_untyped_library_parameter_is_found(tmp_path):
    (tmp_path / "editor_app").mkdir()
    (tmp_path / "editor_app" / "panel.py").write_text("def show(library, n: int) -> None:\n"
                                                      "    pass\n")
    assert untyped_library_parameters(tmp_path) == ["editor_app/panel.py:1 show(library)"]
