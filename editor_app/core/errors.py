"""Errors that reach the user as one clear line.

Every error that core raises for bad input or a broken environment derives from
``BylineError`` so that the CLI and the GUI can show ``str(error)`` and nothing else.
"""


class BylineError(Exception):
    """Base for errors whose message is fit to show to a person."""


class InputError(BylineError):
    """A file, argument or value given by the user is not acceptable."""


class LibraryError(BylineError):
    """The library file cannot be opened, read or written."""


class NotFoundError(BylineError):
    """An article, revision, tag or other record does not exist."""


class TransitionError(BylineError):
    """A workflow transition is not allowed."""


class ConflictError(BylineError):
    """The record was changed by someone else since it was read."""


class FrozenError(InputError):
    """The article is approved or published: its text changes only after it is reopened
    for correction (review.corrections)."""
