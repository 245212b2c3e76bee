"""The ``byline`` command: no sub-command opens the GUI; sub-commands run headless.

Every sub-command lives in ``editor_app/commands/<area>.py`` and registers itself
with ``register(subparsers)``. Handlers receive ``(args, ctx)`` and return an
exit code. Errors reach the user as one line on stderr, never as a traceback:
exit 1 for a failure, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pathlib
import sys

from editor_app import __version__
from editor_app.commands import COMMANDS, UsageError
from editor_app.core.errors import BylineError
from editor_app.library_file import ENV_LIBRARY, chosen_library, open_library

#: the global options that take a value (the word after them is not a command)
_OPTIONS_WITH_VALUES = ("--library", "--screenshots")
_EVERY_COMMAND = object()


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse's name
        raise UsageError(f"{self.prog}: {message}")


class Context:
    """What a command handler needs: the library (opened on first use) and output."""

    def __init__(self, args: argparse.Namespace, stdout=None, stderr=None):
        self.args = args
        self.json = bool(getattr(args, "json", False))
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self._library = None

    @property
    def library_path(self) -> pathlib.Path:
        return chosen_library(self.args.library)[0]

    @property
    def library_is_explicit(self) -> bool:
        """Named by --library or $BYLINE_LIBRARY, rather than the default one."""
        return chosen_library(self.args.library)[1]

    def library(self, *, create: bool = True):
        if self._library is None:
            path, explicit = chosen_library(self.args.library)
            self._library = open_library(path, explicit=explicit, create=create)
        return self._library

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout)

    def out_json(self, obj) -> None:
        print(json.dumps(obj, ensure_ascii=False, indent=2, default=str), file=self.stdout)

    def warn(self, text: str) -> None:
        print(f"byline: {text}", file=self.stderr)

    def close(self) -> None:
        if self._library is not None:
            self._library.close()


def command_word(argv: list[str]) -> str | None:
    """The sub-command ``argv`` names (its first word that is neither an option nor an
    option's value), or None: no sub-command opens the GUI."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in _OPTIONS_WITH_VALUES:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def build_parser(command=_EVERY_COMMAND) -> ArgumentParser:
    """The parser with every sub-command, or with only the one ``command`` needs (the
    GUI needs none): only that command's module is imported."""
    parser = ArgumentParser(prog="byline", description="Byline: an offline editorial workstation.")
    parser.add_argument("--version", action="version", version=f"byline {__version__}")
    parser.add_argument("--library", metavar="PATH",
                        help=f"library file (default: ${ENV_LIBRARY} or the user data folder)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the main window offscreen with an article, render, exit")
    # Where `make screenshots` writes the README's pictures (a tool for developers).
    parser.add_argument("--screenshots", metavar="DIR", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    if command is _EVERY_COMMAND:
        modules = list(dict.fromkeys(COMMANDS.values()))
    else:
        modules = [COMMANDS[command]] if command is not None else []
    for name in modules:
        importlib.import_module(f"editor_app.commands.{name}").register(sub)
    return parser


def parser_for(argv: list[str]) -> ArgumentParser:
    """The smallest parser that can read ``argv``: all of them only for help and mistakes."""
    word = command_word(argv)
    if word is None and any(a in ("-h", "--help") for a in argv):
        return build_parser()  # the list of every command
    if word is not None and word not in COMMANDS:
        return build_parser()  # "invalid choice", naming the valid ones
    return build_parser(word)


def parse_args(parser: ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Parse ``argv``; a command that takes free words (``search -budget``) gets the
    dash-words argparse would take for unknown options, in the order they were typed."""
    args, extra = parser.parse_known_args(argv)
    if extra:
        field = getattr(args, "extra_words", None)
        if field is None:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        pending = [*getattr(args, field), *extra]
        ordered = []
        for word in argv:
            if word in pending:
                pending.remove(word)
                ordered.append(word)
        setattr(args, field, ordered)
    return args


def _run_gui(args: argparse.Namespace, ctx: Context, open_id: str | None = None) -> int:
    from editor_app.app import run_gui, run_screenshots, run_smoke_test

    if args.smoke_test:  # its own offscreen window on a throw-away library (packaging, #8)
        return run_smoke_test()
    if args.screenshots:
        return run_screenshots(pathlib.Path(args.screenshots))
    return run_gui(library_path=ctx.library_path, explicit=ctx.library_is_explicit,
                   open_id=open_id)


def main(argv: list[str] | None = None) -> int:
    # numpy's OpenBLAS (the related-news topic space, #16) starts a thread per core
    # for every product; on a 2-core laptop that also types, edits and renders,
    # those threads fight the rest and make small products 10x slower. One is best.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if argv is None and len(sys.argv) > 1 and sys.argv[1].startswith("--byline-"):
        # A frozen build re-runs its own executable as the render and export workers
        # (--byline-render-worker, --byline-export-worker) and as the backup made after
        # closing (--byline-backup); only then are they imported.
        from editor_app.core import backup_process
        from editor_app.core.export import procpool
        from editor_app.core.render.worker import run_if_worker

        run_if_worker()
        procpool.run_if_worker()
        backup_process.run_if_child()
    argv = sys.argv[1:] if argv is None else argv
    try:
        # --json is accepted before or after the sub-command.
        if "--json" in argv:
            argv = ["--json", *[a for a in argv if a != "--json"]]
        parser = parser_for(argv)
        args = parse_args(parser, argv)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    ctx = Context(args)
    try:
        if args.command is None:
            return _run_gui(args, ctx)
        if args.command == "open":
            return _run_gui(args, ctx, open_id=args.id)
        return int(args.func(args, ctx) or 0)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except BylineError as exc:
        print(f"byline: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("byline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except UnicodeEncodeError as exc:
        # Bytes that are not UTF-8 in an argument reach Python as lone
        # surrogates; any path that forgot to check one lands here (#9).
        if "surrogate" not in str(exc.reason):
            return _internal_error(exc)
        print("byline: error: argument contains an invalid character (lone surrogate)",
              file=sys.stderr)
        return 1
    except Exception as exc:  # the last guard: no traceback reaches a user
        return _internal_error(exc)
    finally:
        ctx.close()


def _internal_error(exc: Exception) -> int:
    print(f"byline: internal error: {type(exc).__name__}: {exc} "
          "(please report this; set BYLINE_DEBUG=1 for details)", file=sys.stderr)
    if os.environ.get("BYLINE_DEBUG"):
        raise exc
    return 1


if __name__ == "__main__":
    sys.exit(main())
