"""README starts with the two set-up commands and documents every sub-command."""

import pathlib

from editor_app.cli import build_parser

README = pathlib.Path(__file__).resolve().parent.parent / "README.md"


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


def test_readme_starts_with_make_run_and_make_test():
    text = README.read_text(encoding="utf-8")
    head = text[:400]
    assert "make run" in head and "make test" in head
    assert head.index("make run") < head.index("make test")


def test_every_subcommand_is_documented():
    text = README.read_text(encoding="utf-8")
    missing = [name for name in subcommands() if f"`byline {name}" not in text]
    assert missing == []
    assert len(subcommands()) >= 20
