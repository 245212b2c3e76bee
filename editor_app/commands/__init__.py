"""The `byline` sub-commands, one module per subject; cli.py builds the parser from them."""


class UsageError(Exception):
    """Bad command-line usage: exit status 2."""
