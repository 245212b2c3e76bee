"""The command line imports only what the command it runs needs (#20): opening the GUI
used to import every command module (a third of a second) before the window could start."""

from __future__ import annotations

import importlib
import subprocess
import sys

from editor_app.cli import build_parser, command_word, main
from editor_app.commands import COMMANDS
from tests.conftest import ROOT


def registered(parser) -> set[str]:
    action = next(a for a in parser._actions if a.dest == "command")
    return set(action.choices)


def test_the_table_names_every_command_and_its_module():
    assert registered(build_parser()) == set(COMMANDS)
    for module_name in set(COMMANDS.values()):
        module = importlib.import_module(f"editor_app.commands.{module_name}")
        parser = build_parser(None)
        sub = next(a for a in parser._actions if a.dest == "command")
        module.register(sub)
        assert set(sub.choices) == {c for c, m in COMMANDS.items() if m == module_name}


def test_the_command_word_skips_options_and_their_values():
    assert command_word([]) is None
    assert command_word(["--library", "list", "--json"]) is None  # "list" is a file here
    assert command_word(["--json", "--library", "x.byline", "spell", "a.md"]) == "spell"
    assert command_word(["--smoke-test"]) is None


def test_opening_the_gui_imports_no_command_module():
    code = ("import sys\nfrom editor_app import cli\n"
            "cli.parse_args(cli.parser_for(['--library', 'x.byline']), ['--library', 'x.byline'])\n"
            "cli.parse_args(cli.parser_for(['open', '3']), ['open', '3'])\n"
            "print(sorted(m for m in sys.modules if m.startswith('editor_app.commands.')"
            " or m.startswith('editor_app.core.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = eval(done.stdout)  # noqa: S307 - our own printout
    # "open" lives with the library commands: that module and nothing heavy (not even
    # core.models: the window's frame paints before any of core is needed, #20)
    assert loaded == ["editor_app.commands.library_cmds", "editor_app.core.errors"], loaded


def test_help_and_mistakes_still_know_every_command(capsys):
    assert main(["no-such-command"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err and "spell" in err and "export" in err
